import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useUrlState } from '../../app/url-state';
import { CaseDrawer } from './CaseDrawer';
import { useMeta, yuan } from './meta';
import { NewCaseDialog } from './NewCaseDialog';
import { statusColor, type CaseSummary } from './types';
import { useMediationLabels } from './labels';

type Key =
  | 'status'
  | 'grade'
  | 'source'
  | 'type'
  | 'centre'
  | 'unit'
  | 'from'
  | 'to'
  | 'closedFrom'
  | 'closedTo'
  | 'q'
  | 'case'
  | 'page'
  | 'pageSize';

/** 矛盾纠纷调解: the cases in the reader's scope, filtered from the address (the dashboard links here). */
export default function CasesPage() {
  const { t } = useTranslation();
  const label = useMediationLabels();
  const fmt = useFormat();
  const meta = useMeta();
  const { params, set } = useUrlState<Key>({ pagedList: true });
  const [creating, setCreating] = useState(false);
  const get = (k: Key) => params.get(k) || undefined;
  const filter = {
    status: get('status') as CaseSummary['status'] | undefined,
    grade: get('grade') as CaseSummary['grade'] | undefined,
    source: get('source') as CaseSummary['source'] | undefined,
    disputeTypeCode: get('type'),
    centre: get('centre') as 'true' | 'false' | undefined,
    unit: Number(get('unit')) || undefined,
    from: get('from'),
    to: get('to'),
    closedFrom: get('closedFrom'),
    closedTo: get('closedTo'),
    q: get('q'),
    page: Number(get('page')) || 1,
    pageSize: Number(get('pageSize')) || 20,
  };
  const list = useQuery({
    queryKey: ['mediation', 'cases', filter],
    queryFn: () => call(api.GET('/api/mediation/cases', { params: { query: filter } })),
    placeholderData: (prev) => prev,
  });
  const m = meta.data;
  const range = (a?: string, b?: string) => (a || b ? [a ? dayjs(a) : null, b ? dayjs(b) : null] : null);

  return (
    <div className="fazhi-page">
      <Card
        title={t('mediation.cases.title')}
        extra={
          m?.canHandle && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="case-create"
            >
              {t('mediation.cases.create')}
            </Button>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} data-testid="case-filters">
          <Form.Item label={t('mediation.status')}>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('mediation.all')}
              value={filter.status}
              options={m?.statuses.map((s) => ({ value: s.code, label: label.status(s.code, s.label) }))}
              onChange={(v?: string) => set({ status: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('mediation.grade')}>
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('mediation.all')}
              value={filter.grade}
              options={m?.grades.map((s) => ({ value: s.code, label: label.grade(s.code, s.label) }))}
              onChange={(v?: string) => set({ grade: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('mediation.type')}>
            <Select
              allowClear
              style={{ width: 170 }}
              placeholder={t('mediation.all')}
              value={filter.disputeTypeCode}
              options={m?.disputeTypes.map((s) => ({ value: s.code, label: s.label }))}
              onChange={(v?: string) => set({ type: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('mediation.source')}>
            <Select
              allowClear
              style={{ width: 170 }}
              placeholder={t('mediation.all')}
              value={filter.source}
              options={m?.sources.map((s) => ({ value: s.code, label: label.source(s.code, s.label) }))}
              onChange={(v?: string) => set({ source: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('mediation.unit')}>
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('mediation.all')}
              value={filter.unit}
              options={m?.units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(v?: number) => set({ unit: v ? String(v) : '' })}
            />
          </Form.Item>
          <Form.Item label={t('mediation.cases.centreOnly')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('mediation.all')}
              value={filter.centre}
              options={[
                { value: 'true', label: t('mediation.cases.atCentre') },
                { value: 'false', label: t('mediation.cases.atCommittee') },
              ]}
              onChange={(v?: string) => set({ centre: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('mediation.receivedOn')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={range(filter.from, filter.to) as never}
              onChange={(v) =>
                set({ from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' })
              }
            />
          </Form.Item>
          <Form.Item label={t('mediation.closedOn')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={range(filter.closedFrom, filter.closedTo) as never}
              onChange={(v) =>
                set({
                  closedFrom: v?.[0]?.format('YYYY-MM-DD') ?? '',
                  closedTo: v?.[1]?.format('YYYY-MM-DD') ?? '',
                })
              }
            />
          </Form.Item>
          <Form.Item>
            <Input.Search
              allowClear
              placeholder={t('mediation.cases.search')}
              defaultValue={filter.q}
              onSearch={(v) => set({ q: v })}
              style={{ width: 200 }}
            />
          </Form.Item>
        </Form>
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <Table<CaseSummary>
          data-testid="case-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(c) => ({ onClick: () => set({ case: c.id }), style: { cursor: 'pointer' } })}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            showTotal: (total) => t('mediation.total', { total: fmt.number(total) }),
          }}
          onChange={(p) => set({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
          columns={[
            { title: t('mediation.number'), dataIndex: 'number', width: 170 },
            { title: t('mediation.receivedOn'), dataIndex: 'receivedOn', width: 130, render: fmt.date },
            {
              title: t('mediation.parties'),
              dataIndex: 'parties',
              ellipsis: true,
              render: (p: string, c) => (
                <Space orientation="vertical" size={0}>
                  <span>{p}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.disputeTypeLabel} · {label.source(c.source, c.sourceLabel)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('mediation.grade'),
              width: 70,
              render: (_, c) => label.grade(c.grade, c.gradeLabel),
            },
            { title: t('mediation.unit'), dataIndex: 'unitName', width: 190, ellipsis: true },
            {
              title: t('mediation.amount'),
              dataIndex: 'amount',
              width: 120,
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('mediation.status'),
              dataIndex: 'status',
              width: 120,
              render: (s: CaseSummary['status'], c) => (
                <Space size={2} wrap>
                  <Tag color={statusColor[s]} data-testid="case-status">
                    {label.status(s, c.statusLabel)}
                  </Tag>
                  {c.confirmationRuling === 'confirmed' && (
                    <Tag color="purple">{t('mediation.confirmed')}</Tag>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CaseDrawer caseId={params.get('case')} onClose={() => set({ case: '' })} />
      <NewCaseDialog
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) set({ case: id });
        }}
      />
    </div>
  );
}
