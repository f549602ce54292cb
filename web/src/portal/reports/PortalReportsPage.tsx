import { DownloadOutlined, ReadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Segmented, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';

/**
 * /portal/reports — the published 法治政府建设年度报告 by year (督察规定第二十四条: published by 1 April),
 * each readable in the browser and downloadable as Word, exactly as frozen at publication.
 */
export default function PortalReportsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const reports = useQuery({
    queryKey: ['portal', 'reports'],
    queryFn: () => call(api.GET('/api/public/reports')),
  });
  const years = [...new Set((reports.data ?? []).map((r) => r.year))].sort((a, b) => b - a);
  const year = Number(params.get('year')) || undefined;
  const rows = (reports.data ?? []).filter((r) => !year || r.year === year);
  return (
    <Card title={t('portalReports.title')} data-testid="portal-reports">
      <Typography.Paragraph type="secondary">{t('portalReports.intro')}</Typography.Paragraph>
      {reports.isPending && <Spin />}
      {reports.error && <Alert type="error" showIcon title={errorText(reports.error)} />}
      {years.length > 1 && (
        <Segmented<number>
          style={{ marginBottom: 16 }}
          value={year ?? 0}
          onChange={(y) => setParams(y ? { year: String(y) } : {}, { replace: true })}
          options={[
            { value: 0, label: t('portalReports.allYears') },
            ...years.map((y) => ({ value: y, label: t('portalReports.year', { year: y }) })),
          ]}
        />
      )}
      {reports.data && rows.length === 0 && <Empty description={t('portalReports.none')} />}
      {rows.length > 0 && (
        <List
          itemLayout="horizontal"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item
              data-testid="portal-report"
              actions={[
                <Button key="read" type="link" icon={<ReadOutlined />} href={r.htmlUrl} target="_blank">
                  {t('portalReports.read')}
                </Button>,
                <Button key="docx" type="link" icon={<DownloadOutlined />} href={r.docxUrl}>
                  {t('portalReports.download')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <a href={r.htmlUrl} target="_blank" rel="noreferrer">
                    {r.title.replace(/\n/g, '')}
                  </a>
                }
                description={
                  <Space wrap size="middle">
                    <span>{r.subjectName}</span>
                    <span>{t('portalReports.year', { year: r.year })}</span>
                    <span>{t('portalReports.publishedOn', { date: fmt.date(r.publishedOn) })}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
