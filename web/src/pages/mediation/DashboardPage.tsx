import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Form, Row, Statistic, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useUrlState } from '../../app/url-state';
import { EChart } from '../../components/EChart';
import type { Dashboard } from './types';

type Bucket = Dashboard['byType'][number];

/** Where a figure's records are listed (its cases, visits or questions), for the drill-down. */
const drill: Record<string, string> = {
  'mediation.disputesResolved': '/mediation/cases?centre=true&status=agreed&closedFrom={from}&closedTo={to}',
  'mediation.judicialConfirmations':
    '/mediation/cases?centre=true&status=agreed&closedFrom={from}&closedTo={to}',
  'mediation.amountInvolved': '/mediation/cases?centre=true&status=agreed&closedFrom={from}&closedTo={to}',
  'mediation.visitors': '/mediation/intake?tab=visits&from={from}&to={to}',
  'mediation.onlineAnswers': '/mediation/intake?tab=questions&channel=online&from={from}&to={to}',
  'mediation.legalConsultations': '/mediation/intake?tab=questions&channel=counter&from={from}&to={to}',
  'mediation.caseFilesEvaluated': '/mediation/subsidies',
  'mediation.subsidiesPaid': '/mediation/subsidies',
  'mediation.casesReceived': '/mediation/cases?from={from}&to={to}',
  'mediation.casesAgreed': '/mediation/cases?status=agreed&closedFrom={from}&closedTo={to}',
};

/** 调解中心驾驶舱: the centre's figures (one registry with the report), and the cases broken down. */
export default function MediationDashboardPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { params, set } = useUrlState<'from' | 'to'>();
  const lastYear = new Date().getFullYear() - 1;
  const from = params.get('from') ?? `${lastYear}-01-01`;
  const to = params.get('to') ?? `${lastYear}-12-31`;
  const board = useQuery({
    queryKey: ['mediation', 'dashboard', from, to],
    queryFn: () => call(api.GET('/api/mediation/dashboard', { params: { query: { from, to } } })),
  });
  const b = board.data;
  const go = (path: string) => void navigate(path.replace('{from}', from).replace('{to}', to));
  const headline = b?.figures.filter(
    (f) =>
      !f.key.includes('.cases') || f.key === 'mediation.casesReceived' || f.key === 'mediation.casesAgreed',
  );
  const value = (f: Dashboard['figures'][number]) =>
    f.value === null ? '—' : f.unit === '比例' ? `${(f.value * 100).toFixed(1)}%` : fmt.number(f.value);
  const bucketTable = (rows: Bucket[] | undefined, param: string) => (
    <Table<Bucket>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={rows}
      onRow={(r) => ({
        onClick: () => go(`/mediation/cases?${param}=${r.code}&from={from}&to={to}`),
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: '', dataIndex: 'label' },
        { title: t('mediation.dash.received'), dataIndex: 'received', width: 80, align: 'right' },
        { title: t('mediation.dash.closed'), dataIndex: 'closed', width: 80, align: 'right' },
        { title: t('mediation.dash.agreed'), dataIndex: 'agreed', width: 80, align: 'right' },
      ]}
    />
  );

  return (
    <div className="fazhi-page">
      <Card
        title={t('mediation.dash.title')}
        extra={
          <Form layout="inline">
            <Form.Item label={t('mediation.dash.period')} style={{ margin: 0 }}>
              <DatePicker.RangePicker
                value={[dayjs(from), dayjs(to)]}
                onChange={(v) =>
                  v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
                }
                data-testid="dash-period"
              />
            </Form.Item>
          </Form>
        }
      >
        {board.error && <Alert type="error" title={errorText(board.error)} />}
        <Row gutter={[16, 16]} data-testid="dash-figures">
          {headline?.map((f) => (
            <Col key={f.key} xs={12} md={8} lg={6}>
              <Tooltip title={f.definition}>
                <Card
                  size="small"
                  hoverable={!!drill[f.key]}
                  onClick={() => {
                    const path = drill[f.key];
                    if (path) void go(path);
                  }}
                  data-testid={`figure-${f.key}`}
                >
                  <Statistic
                    title={f.label}
                    value={value(f)}
                    suffix={f.unit === '比例' ? undefined : f.unit}
                  />
                </Card>
              </Tooltip>
            </Col>
          ))}
        </Row>
        {b && b.windowsClosing.length > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title={t('mediation.dash.windows')}
            description={b.windowsClosing.map((w) => (
              <Typography.Link
                key={w.caseId}
                onClick={() => void navigate(`/mediation/cases?case=${w.caseId}`)}
                style={{ marginRight: 12 }}
              >
                {w.number}（{fmt.date(w.windowEnd)}）
              </Typography.Link>
            ))}
          />
        )}
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('mediation.dash.byMonth')}>
              <EChart
                height={260}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { data: [t('mediation.dash.received'), t('mediation.dash.agreed')] },
                  xAxis: { type: 'category', data: b?.byMonth.map((m) => m.month.slice(5)) ?? [] },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    {
                      name: t('mediation.dash.received'),
                      type: 'bar',
                      data: b?.byMonth.map((m) => m.received) ?? [],
                    },
                    {
                      name: t('mediation.dash.agreed'),
                      type: 'bar',
                      data: b?.byMonth.map((m) => m.agreed) ?? [],
                    },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('mediation.dash.byType')}>
              <EChart
                height={260}
                onClick={(p) => {
                  const x = b?.byType[p.dataIndex];
                  if (x) go(`/mediation/cases?type=${x.code}&from={from}&to={to}`);
                }}
                option={{
                  tooltip: { trigger: 'item' },
                  series: [
                    {
                      type: 'pie',
                      radius: ['35%', '65%'],
                      data: b?.byType.map((x) => ({ name: x.label, value: x.received })) ?? [],
                    },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('mediation.dash.byGrade')}>
              {bucketTable(b?.byGrade, 'grade')}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('mediation.dash.bySource')}>
              {bucketTable(b?.bySource, 'source')}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('mediation.dash.byUnit')}>
              {bucketTable(
                b?.byUnit.map((u) => ({ ...u, code: String(u.unitId) })),
                'unit',
              )}
            </Card>
          </Col>
        </Row>
      </Card>
    </div>
  );
}
