import { Card, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { docxUrl, htmlUrl } from './queries';
import type { ReportView, Version, Workflow } from './types';

/** Sign-offs and secrecy reviews in order, and every version with its Word and HTML. */
export function VersionsCard({
  report: r,
  workflow,
}: {
  report: ReportView;
  workflow: Workflow | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const events = [
    ...(workflow?.signoffs ?? []).map((s) => ({
      at: s.signedAt,
      color: s.decision === 'approve' ? 'green' : 'red',
      text: t(`reports.signoff.${s.decision}`, { name: s.userName, seq: s.versionSeq }),
      note: s.comment,
    })),
    ...(workflow?.secrecyReviews ?? []).map((s) => ({
      at: s.reviewedAt,
      color: s.result === 'passed' ? 'green' : 'red',
      text: t('reports.secrecyDone', { name: s.reviewerName, result: s.resultLabel, seq: s.versionSeq }),
      note: s.note,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {events.length > 0 && (
        <Card size="small" title={t('reports.decisions')} data-testid="decisions">
          <Timeline
            items={events.map((e) => ({
              color: e.color,
              content: (
                <>
                  <div>{e.text}</div>
                  {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmt.dateTime(e.at)}
                    </Typography.Text>
                  </div>
                </>
              ),
            }))}
          />
        </Card>
      )}
      <Card size="small" title={t('reports.versions')}>
        <Table<Version>
          data-testid="versions-table"
          rowKey="seq"
          size="small"
          loading={!workflow}
          dataSource={[...(workflow?.versions ?? [])].sort((a, b) => b.seq - a.seq)}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              title: t('reports.version'),
              key: 'seq',
              width: 130,
              render: (_, v) => (
                <Space size={4}>
                  {t('reports.seq', { seq: v.seq })}
                  <Tag color={v.kind === 'published' ? 'green' : 'default'}>
                    {t(`reports.versionKinds.${v.kind}`, { defaultValue: v.kind })}
                  </Tag>
                </Space>
              ),
            },
            { title: t('reports.versionNote'), dataIndex: 'note', ellipsis: true },
            {
              title: t('reports.createdBy'),
              key: 'by',
              width: 160,
              render: (_, v) => (
                <Space orientation="vertical" size={0}>
                  <span>{v.createdBy}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmt.dateTime(v.createdAt)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('reports.downloads'),
              key: 'files',
              width: 120,
              render: (_, v) => (
                <Space size={8}>
                  <a href={docxUrl(r.id, v.seq)} data-testid={`version-docx-${v.seq}`}>
                    Word
                  </a>
                  <a href={htmlUrl(r.id, v.seq)} target="_blank" rel="noreferrer">
                    HTML
                  </a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
