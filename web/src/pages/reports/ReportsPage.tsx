import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Countdown } from './Countdown';
import { NewReportDialog } from './NewReportDialog';
import { stateColor, type ReportListItem, type ReportState } from './types';

const states: ReportState[] = ['draft', 'commenting', 'signing', 'secrecyReview', 'approved', 'published'];

/** 年度报告: every report in the user's scope, with its state and the countdown to 1 April. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const { params, set } = useUrlState<'year' | 'state'>();
  const year = Number(params.get('year')) || undefined;
  const state = (states as string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as ReportState)
    : undefined;
  const [creating, setCreating] = useState(false);
  const all = useQuery({
    queryKey: ['reports', 'list'],
    queryFn: () => call(api.GET('/api/reports')),
  });
  const years = [...new Set((all.data ?? []).map((r) => r.year))].sort((a, b) => b - a);
  const rows = (all.data ?? []).filter((r) => (!year || r.year === year) && (!state || r.state === state));

  return (
    <div className="fazhi-page">
      <Card
        title={t('reports.pageTitle')}
        extra={
          can('reports.manage') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="report-new">
              {t('reports.new')}
            </Button>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('reports.year')}>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('reports.allYears')}
              value={year}
              options={years.map((y) => ({ value: y, label: t('reports.yearLabel', { year: y }) }))}
              onChange={(y?: number) => set({ year: y ? String(y) : '' })}
            />
          </Form.Item>
          <Form.Item label={t('reports.state')}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('reports.allStates')}
              value={state}
              options={states.map((s) => ({ value: s, label: t(`reports.states.${s}`) }))}
              onChange={(s?: string) => set({ state: s ?? '' })}
            />
          </Form.Item>
        </Form>
        {all.error && <Alert type="error" showIcon title={errorText(all.error)} />}
        <Table<ReportListItem>
          data-testid="report-table"
          rowKey="id"
          size="middle"
          loading={all.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(r) => ({ onDoubleClick: () => void navigate(`/reports/${r.id}`) })}
          columns={[
            { title: t('reports.year'), dataIndex: 'year', width: 70 },
            {
              title: t('reports.subject'),
              key: 'subject',
              width: 130,
              render: (_, r) => (
                <span>
                  {r.subjectName}
                  {r.subjectKind === 'unit' && (
                    <Typography.Text type="secondary"> · {r.divisionName}</Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('reports.title'),
              dataIndex: 'title',
              ellipsis: true,
              render: (v: string, r) => <Link to={`/reports/${r.id}`}>{v.replace(/\n/g, '')}</Link>,
            },
            {
              title: t('reports.state'),
              dataIndex: 'state',
              width: 110,
              render: (s: ReportState, r) => (
                <Tag color={stateColor[s]}>{t(`reports.states.${s}`, { defaultValue: r.stateLabel })}</Tag>
              ),
            },
            {
              title: t('reports.deadline'),
              key: 'countdown',
              width: 230,
              render: (_, r) => <Countdown report={r} />,
            },
            {
              title: t('reports.version'),
              dataIndex: 'latestSeq',
              width: 80,
              render: (v: number) => t('reports.seq', { seq: v }),
            },
            {
              title: t('reports.updatedAt'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (v: string) => fmt.dateTime(v),
            },
          ]}
        />
      </Card>
      <NewReportDialog
        open={creating}
        onClose={() => setCreating(false)}
        onOpen={(id) => void navigate(`/reports/${id}`)}
      />
    </div>
  );
}
