import { DownloadOutlined, ExportOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Input, Row, Space, Spin, Tabs, Tag, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useCan } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { ChecksPanel } from './ChecksPanel';
import { Countdown } from './Countdown';
import { DocumentFrame } from './DocumentFrame';
import { OutlineEditor } from './OutlineEditor';
import { PreviewPane } from './PreviewPane';
import { docxUrl, htmlUrl, reportKey, usePreview, useReport } from './queries';
import { stateColor, type Outline, type ReportView } from './types';
import { WorkflowPanel } from './WorkflowPanel';

const scroll = { maxHeight: 'calc(100vh - 300px)', minHeight: 400, overflow: 'auto' } as const;

/** /reports/:id — the report's outline editor with its live preview and checks, its document and workflow. */
export default function ReportPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const report = useReport(id!);
  if (report.error)
    return <Alert type="error" showIcon title={errorText(report.error)} style={{ margin: 24 }} />;
  if (!report.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <ReportEditor key={report.data.id} report={report.data} back={t('reports.back')} />;
}

function ReportEditor({ report: r, back }: { report: ReportView; back: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const { params, set } = useUrlState<'tab'>();
  const tab = params.get('tab') ?? 'edit';
  const editable = can('reports.manage') && (r.state === 'draft' || r.state === 'commenting');
  const [saved, setSaved] = useState({ seq: r.latestSeq, outline: r.outline });
  const [draft, setDraft] = useState<Outline>(r.outline);
  const [note, setNote] = useState('');
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(saved.outline), [draft, saved]);
  // a newer version saved elsewhere is taken over as long as nothing here is unsaved
  useEffect(() => {
    if (!dirty && r.latestSeq !== saved.seq) {
      setSaved({ seq: r.latestSeq, outline: r.outline });
      setDraft(r.outline);
    }
  }, [r, dirty, saved.seq]);
  const preview = usePreview(r.id, draft, editable);
  const refresh = () => qc.invalidateQueries({ queryKey: reportKey(r.id) });
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/reports/{id}/outline', {
          params: { path: { id: r.id } },
          body: { outline: draft, baseSeq: saved.seq, note: note.trim() || undefined },
        }),
      ),
    onSuccess: (v) => {
      setSaved({ seq: v.latestSeq, outline: v.outline });
      setDraft(v.outline);
      setNote('');
      qc.setQueryData(reportKey(r.id), v);
      void refresh();
      void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
      void message.success(t('reports.saved', { seq: v.latestSeq }));
    },
  });
  const rerender = useMutation({
    mutationFn: () => call(api.POST('/api/reports/{id}/render', { params: { path: { id: r.id } } })),
    onSuccess: () => void refresh(),
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const reload = () => {
    save.reset();
    setSaved({ seq: -1, outline: draft }); // makes the next fetch replace the draft
    void refresh();
  };

  return (
    <div className="fazhi-page">
      <Card
        title={
          <Space wrap>
            <Link to="/reports">{back}</Link>
            <span data-testid="report-title">{r.title.replace(/\n/g, '')}</span>
            <Tag color={stateColor[r.state]}>
              {t(`reports.states.${r.state}`, { defaultValue: r.stateLabel })}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <>
                <Input
                  size="middle"
                  style={{ width: 200 }}
                  placeholder={t('reports.notePlaceholder')}
                  value={note}
                  maxLength={200}
                  onChange={(e) => setNote(e.target.value)}
                />
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={() => save.mutate()}
                  data-testid="outline-save"
                >
                  {t('reports.save')}
                </Button>
              </>
            )}
            <Button icon={<DownloadOutlined />} href={docxUrl(r.id)} data-testid="download-docx">
              {t('reports.downloadWord')}
            </Button>
            <Button icon={<ExportOutlined />} href={htmlUrl(r.id)} target="_blank" data-testid="open-html">
              {t('reports.openHtml')}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('reports.subject')}>{r.subjectName}</Descriptions.Item>
          <Descriptions.Item label={t('reports.year')}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t('reports.version')}>
            {t('reports.seq', { seq: r.latestSeq })}
            {dirty && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                {t('reports.unsaved')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.deadline')}>
            <Countdown report={r} />
          </Descriptions.Item>
        </Descriptions>
        {conflict && (
          <Alert
            type="error"
            showIcon
            data-testid="version-conflict"
            title={t('reports.conflict')}
            description={errorText(save.error)}
            action={<Button onClick={reload}>{t('reports.reloadLatest')}</Button>}
          />
        )}
        {save.error && !conflict && <Alert type="error" showIcon title={errorText(save.error)} />}
        {rerender.error && <Alert type="error" showIcon title={errorText(rerender.error)} />}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'edit' ? '' : k })}
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'edit',
            label: t('reports.tabEdit'),
            children: (
              <Row gutter={16}>
                <Col xs={24} xl={11}>
                  <Card size="small" title={t('reports.outline')} styles={{ body: scroll }}>
                    <OutlineEditor
                      outline={draft}
                      readOnly={!editable}
                      divisionCode={r.divisionCode}
                      year={r.year}
                      onChange={setDraft}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={13}>
                  <Card
                    size="small"
                    title={t('reports.preview')}
                    extra={preview.isFetching && <Spin size="small" />}
                    styles={{ body: scroll }}
                  >
                    {preview.error && <Alert type="error" showIcon title={errorText(preview.error)} />}
                    <ChecksPanel
                      preview={preview.data}
                      onRerender={can('reports.manage') && editable ? () => rerender.mutate() : undefined}
                      rerendering={rerender.isPending}
                    />
                    <div style={{ height: 16 }} />
                    <PreviewPane preview={preview.data} loading={preview.isPending} />
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'document',
            label: t('reports.tabDocument'),
            children: <DocumentFrame url={htmlUrl(r.id, r.latestSeq)} title={t('reports.tabDocument')} />,
          },
          {
            key: 'workflow',
            label: t('reports.tabWorkflow'),
            children: <WorkflowPanel report={r} />,
          },
        ]}
      />
    </div>
  );
}
