import { useUrlState } from '../../app/url-state';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Campaign, CompletenessStatus, Reporter } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { CampaignDialog, ReportersDialog } from './CampaignDialogs';
import { ratingColor, useLabels, useMeta } from './meta';
import { ReportDrawer } from './ReportDrawer';
import { SubmitDrawer } from './SubmitDrawer';

const statuses: CompletenessStatus[] = ['all', 'missing', 'submitted'];

/** Year, campaign and 提交情况 live in the address, so a dashboard can link to “未述” directly. */
function useFilter(campaigns: Campaign[] | undefined) {
  const { params, set } = useUrlState<'year' | 'campaignId' | 'status'>();
  const linked = campaigns?.find((c) => c.id === params.get('campaignId'));
  const year = Number(params.get('year')) || linked?.year || campaigns?.[0]?.year;
  const inYear = (campaigns ?? []).filter((c) => c.year === year);
  const campaignId = linked?.id ?? inYear[0]?.id;
  const status = (statuses as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as CompletenessStatus)
    : 'all';
  return { year, inYear, campaignId, status, set };
}

/**
 * 述法: the year's campaigns; for one, 应述尽述 — who must report, who has, who has not — with each
 * reporter's report. Clerks submit for their unit's reporters; the office reviews or returns.
 */
export default function AccountabilityPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const submitter = can('accountability.submit');
  const meta = useMeta();
  const labels = useLabels(meta.data);
  const campaigns = useQuery({
    queryKey: ['accountability', 'campaigns'],
    queryFn: () => call(api.GET('/api/accountability/campaigns')),
  });
  const { year, inYear, campaignId, status, set } = useFilter(campaigns.data);
  const completeness = useQuery({
    queryKey: ['accountability', 'completeness', campaignId, status],
    queryFn: () =>
      call(
        api.GET('/api/accountability/campaigns/{id}/completeness', {
          params: { path: { id: campaignId! }, query: { status } },
        }),
      ),
    enabled: !!campaignId,
    placeholderData: (prev) => prev,
  });
  const [submitting, setSubmitting] = useState<Reporter | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [addingTo, setAddingTo] = useState<Campaign | null>(null);
  const manager = can('accountability.manage');
  const years = [...new Set((campaigns.data ?? []).map((c) => c.year))];
  const c = completeness.data;
  const campaign = c?.campaign;

  return (
    <div className="fazhi-page">
      <Card
        title={t('accountability.pageTitle')}
        extra={
          manager && (
            <Space>
              {campaign && (
                <Button onClick={() => setAddingTo(campaign)} data-testid="reporters-add-open">
                  {t('accountability.addReporters')}
                </Button>
              )}
              <Button type="primary" onClick={() => setCreating(true)} data-testid="campaign-new">
                {t('accountability.newCampaign')}
              </Button>
            </Space>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('accountability.year')}>
            <Select
              style={{ width: 120 }}
              value={year}
              options={years.map((y) => ({ value: y, label: t('accountability.yearLabel', { year: y }) }))}
              onChange={(y: number) => set({ year: String(y), campaignId: '', status: '' })}
              data-testid="campaign-year"
            />
          </Form.Item>
          <Form.Item label={t('accountability.campaign')}>
            <Select
              style={{ width: 340 }}
              value={campaignId}
              options={inYear.map((x) => ({ value: x.id, label: x.title }))}
              onChange={(id: string) => set({ campaignId: id, status: '' })}
            />
          </Form.Item>
        </Form>
        {campaigns.error && <Alert type="error" showIcon title={errorText(campaigns.error)} />}
        {completeness.error && <Alert type="error" showIcon title={errorText(completeness.error)} />}
        {campaigns.data && campaigns.data.length === 0 && (
          <Empty description={t('accountability.noCampaigns')} />
        )}
        {campaign && c && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('accountability.organiser')}>{campaign.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('accountability.formatLabel')}>
                {labels.format(campaign.format)}
              </Descriptions.Item>
              <Descriptions.Item label={t('accountability.dueOn')}>
                {fmt.date(campaign.dueOn)}
              </Descriptions.Item>
              {campaign.note && (
                <Descriptions.Item label={t('accountability.note')} span={3}>
                  {campaign.note}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Row gutter={16} data-testid="completeness">
              <Col xs={12} md={5}>
                <Card size="small" hoverable onClick={() => set({ status: '' })}>
                  <Statistic
                    title={t('accountability.required')}
                    value={c.required}
                    suffix={t('accountability.persons')}
                  />
                </Card>
              </Col>
              <Col xs={12} md={5}>
                <Card size="small" hoverable onClick={() => set({ status: 'submitted' })}>
                  <Statistic
                    title={t('accountability.submitted')}
                    value={c.submitted}
                    suffix={t('accountability.persons')}
                    styles={{ content: { color: '#389e0d' } }}
                  />
                </Card>
              </Col>
              <Col xs={12} md={5}>
                <Card size="small" hoverable onClick={() => set({ status: 'missing' })}>
                  <Statistic
                    title={t('accountability.missing')}
                    value={c.missing}
                    suffix={t('accountability.persons')}
                    styles={{ content: { color: c.missing ? '#cf1322' : undefined } }}
                    data-testid="completeness-missing"
                  />
                </Card>
              </Col>
              <Col xs={12} md={4}>
                <Card size="small">
                  <Statistic
                    title={t('accountability.reviewed')}
                    value={campaign.reviewed}
                    suffix={t('accountability.persons')}
                  />
                </Card>
              </Col>
              <Col xs={24} md={5}>
                <Card size="small">
                  <Typography.Text type="secondary">{t('accountability.coverage')}</Typography.Text>
                  <Progress
                    percent={c.required ? Math.round((c.submitted / c.required) * 1000) / 10 : 0}
                    status={c.missing ? 'active' : 'success'}
                  />
                </Card>
              </Col>
            </Row>
            <Space wrap>
              <Segmented<CompletenessStatus>
                value={status}
                onChange={(s) => set({ status: s === 'all' ? '' : s })}
                options={statuses.map((s) => ({ value: s, label: t(`accountability.status.${s}`) }))}
                data-testid="completeness-filter"
              />
              <Typography.Text type="secondary">
                {t('accountability.listed', { count: c.reporters.length })}
              </Typography.Text>
            </Space>
            <Table<Reporter>
              data-testid="reporter-table"
              rowKey="id"
              size="small"
              loading={completeness.isFetching}
              dataSource={c.reporters}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { title: t('accountability.unit'), dataIndex: 'unitName', ellipsis: true },
                { title: t('accountability.person'), dataIndex: 'personName', width: 120 },
                {
                  title: t('accountability.post'),
                  key: 'post',
                  width: 220,
                  render: (_, r) => (
                    <Space orientation="vertical" size={0}>
                      <span>{r.post}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {labels.postType(r.postType)}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('accountability.state'),
                  key: 'state',
                  width: 200,
                  render: (_, r) =>
                    r.reportId ? (
                      <Tag color="green">
                        {t('accountability.submittedOn', { date: fmt.date(r.submittedOn) })}
                      </Tag>
                    ) : (
                      <Tag color={r.overdue ? 'red' : 'default'}>
                        {r.overdue ? t('accountability.overdue') : t('accountability.notSubmitted')}
                      </Tag>
                    ),
                },
                {
                  title: t('accountability.ratingLabel'),
                  dataIndex: 'rating',
                  width: 100,
                  render: (v: Reporter['rating']) =>
                    v ? (
                      <Tag color={ratingColor[v]}>{labels.rating(v)}</Tag>
                    ) : (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 140,
                  render: (_, r) =>
                    r.reportId ? (
                      <Button size="small" type="link" onClick={() => setViewing(r.reportId)}>
                        {t('accountability.viewReport')}
                      </Button>
                    ) : (
                      submitter && (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => setSubmitting(r)}
                          data-testid="report-submit-open"
                        >
                          {t('accountability.submit')}
                        </Button>
                      )
                    ),
                },
              ]}
            />
          </Space>
        )}
      </Card>
      {campaign && (
        <SubmitDrawer
          key={submitting?.id}
          reporter={submitting}
          campaign={campaign}
          onClose={() => setSubmitting(null)}
          onSubmitted={(r) => {
            setSubmitting(null);
            setViewing(r.id);
          }}
        />
      )}
      <CampaignDialog
        open={creating}
        meta={meta.data}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          set({ year: String(c.year), campaignId: c.id, status: '' });
        }}
      />
      <ReportersDialog campaign={addingTo} meta={meta.data} onClose={() => setAddingTo(null)} />
      <ReportDrawer key={viewing} reportId={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}
