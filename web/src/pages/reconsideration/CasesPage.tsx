import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { CaseDrawer } from './CaseDrawer';
import { RegisterDialog } from './RegisterDialog';
import { P, deadlineColor, stageColor, type CaseItem, type Stage } from './types';
import { useRcLabels } from './labels';

type Key = 'year' | 'stage' | 'flag' | 'procedure' | 'q' | 'page' | 'pageSize' | 'open';
type Flag = 'overdue' | 'approaching' | 'late' | 'noReply';

export const useMeta = () =>
  useQuery({
    queryKey: ['reconsideration', 'meta'],
    queryFn: () => call(api.GET('/api/reconsideration/meta')),
    staleTime: 600_000,
  });

/**
 * 行政复议案件: the office's queue with the statutory deadline flags the server computes; a case opens in
 * a drawer where the steps the law allows next are offered.
 */
export default function CasesPage() {
  const { t } = useTranslation();
  const label = useRcLabels();
  const fmt = useFormat();
  const can = useCan();
  const meta = useMeta();
  const { params, set } = useUrlState<Key>({ pagedList: true });
  const [registering, setRegistering] = useState(false);
  const query = {
    year: Number(params.get('year')) || undefined,
    stage: (params.get('stage') as Stage | null) || undefined,
    flag: (params.get('flag') as Flag | null) || undefined,
    procedure: (params.get('procedure') as 'normal' | 'simple' | null) || undefined,
    q: params.get('q') || undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const openId = params.get('open');
  const list = useQuery({
    queryKey: ['reconsideration', 'cases', query],
    queryFn: () => call(api.GET('/api/reconsideration/cases', { params: { query } })),
    placeholderData: (prev) => prev,
  });

  return (
    <div className="fazhi-page">
      <Card
        title={t('reconsideration.casesTitle')}
        extra={
          can(P.handle) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="rc-register"
            >
              {t('reconsideration.register')}
            </Button>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('reconsideration.year')}>
            <InputNumber
              min={2000}
              max={2100}
              value={query.year}
              onChange={(v) => set({ year: v ? String(v) : '' })}
              data-testid="rc-filter-year"
            />
          </Form.Item>
          <Form.Item label={t('reconsideration.stage')}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('reconsideration.all')}
              value={query.stage}
              options={(meta.data?.stages ?? []).map((s) => ({
                value: s.code,
                label: label.stage(s.code, s.label),
              }))}
              onChange={(v?: string) => set({ stage: v ?? '' })}
              data-testid="rc-filter-stage"
            />
          </Form.Item>
          <Form.Item label={t('reconsideration.flag')}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('reconsideration.all')}
              value={query.flag}
              options={(['overdue', 'approaching', 'late', 'noReply'] as const).map((f) => ({
                value: f,
                label: t(`reconsideration.flags.${f}`),
              }))}
              onChange={(v?: string) => set({ flag: v ?? '' })}
              data-testid="rc-filter-flag"
            />
          </Form.Item>
          <Form.Item label={t('reconsideration.procedure')}>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('reconsideration.all')}
              value={query.procedure}
              options={(['normal', 'simple'] as const).map((p) => ({
                value: p,
                label: t(`reconsideration.procedures.${p}`),
              }))}
              onChange={(v?: string) => set({ procedure: v ?? '' })}
            />
          </Form.Item>
          <Form.Item>
            <Input.Search
              allowClear
              placeholder={t('reconsideration.search')}
              defaultValue={query.q}
              onSearch={(v) => set({ q: v })}
              style={{ width: 260 }}
            />
          </Form.Item>
        </Form>
        <Table<CaseItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="rc-table"
          onRow={(r) => ({ onClick: () => set({ open: r.id }), style: { cursor: 'pointer' } })}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            onChange: (page, pageSize) => set({ page: String(page), pageSize: String(pageSize) }),
          }}
          columns={[
            {
              title: t('reconsideration.col.caseNumber'),
              render: (_, r) =>
                r.caseNumber ?? (
                  <Typography.Text type="secondary">{t('reconsideration.noNumber')}</Typography.Text>
                ),
            },
            { title: t('reconsideration.col.receivedOn'), render: (_, r) => fmt.date(r.receivedOn) },
            { title: t('reconsideration.col.applicant'), dataIndex: 'applicantName' },
            { title: t('reconsideration.col.respondent'), dataIndex: 'respondentName' },
            { title: t('reconsideration.col.act'), dataIndex: 'actDescription', ellipsis: true },
            {
              title: t('reconsideration.stage'),
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={stageColor[r.stage]}>{label.stage(r.stage, r.stageLabel)}</Tag>
                  {r.acceptanceDeemed && <Tag>{t('reconsideration.deemed')}</Tag>}
                  {r.decisionTypeLabel && (
                    <Tag color="green">{label.decision(r.decisionType, r.decisionTypeLabel)}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('reconsideration.col.next'),
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.next && (
                    <Tooltip title={`${r.next.article}：${r.next.description}`}>
                      <Tag color={deadlineColor[r.next.status]} data-testid="rc-next">
                        {label.deadline(r.next.key, r.next.label)}{' '}
                        {r.next.dueOn
                          ? fmt.date(r.next.dueOn)
                          : t(`reconsideration.deadlineStatus.${r.next.status}`)}
                      </Tag>
                    </Tooltip>
                  )}
                  {r.overdue && <Tag color="error">{t('reconsideration.flags.overdue')}</Tag>}
                  {!r.overdue && r.approaching && (
                    <Tag color="warning">{t('reconsideration.flags.approaching')}</Tag>
                  )}
                  {r.late && <Tag color="orange">{t('reconsideration.flags.late')}</Tag>}
                  {r.noReply && <Tag color="volcano">{t('reconsideration.flags.noReply')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CaseDrawer caseId={openId} onClose={() => set({ open: '' })} />
      <RegisterDialog
        open={registering}
        onClose={(id) => {
          setRegistering(false);
          if (id) set({ open: id });
        }}
      />
    </div>
  );
}
