import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, InputNumber, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useUrlState } from '../../app/url-state';
import type { Dashboard } from './types';

/**
 * 行政复议统计: the registry's figures for a year and their breakdowns. The office drills down to the
 * cases behind a number; leaders see the numbers only (the API says which).
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { params, set } = useUrlState<'year'>();
  const year = Number(params.get('year')) || new Date().getFullYear() - (new Date().getMonth() < 3 ? 1 : 0);
  const q = useQuery({
    queryKey: ['reconsideration', 'dashboard', year],
    queryFn: () => call(api.GET('/api/reconsideration/dashboard', { params: { query: { year } } })),
  });
  const d: Dashboard | undefined = q.data;
  const drill = (label: React.ReactNode, query: string, n: number) =>
    d?.canOpenCases && n > 0 ? (
      <Link to={`/reconsideration/cases?year=${year}&${query}`}>{label}</Link>
    ) : (
      label
    );

  return (
    <div className="fazhi-page">
      <Card
        title={t('reconsideration.dashboardTitle')}
        extra={
          <Space>
            {t('reconsideration.year')}
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && set({ year: String(v) })}
              data-testid="rc-dash-year"
            />
          </Space>
        }
      >
        {q.error && <Alert type="error" showIcon title={errorText(q.error)} />}
        {d && !d.canOpenCases && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('reconsideration.dash.aggregateOnly')}
          />
        )}
        {d && (
          <>
            <Row gutter={[16, 16]} data-testid="rc-dash-figures">
              {d.figures
                .filter((f) => !f.key.startsWith('reconsideration.decisions.'))
                .map((f) => (
                  <Col key={f.key} xs={12} md={6} lg={4}>
                    <Tooltip title={f.definition}>
                      <Card size="small">
                        <Statistic
                          title={f.label}
                          value={f.value ?? '—'}
                          suffix={f.value === null ? undefined : f.unit}
                        />
                      </Card>
                    </Tooltip>
                  </Col>
                ))}
              {d.canOpenCases && (
                <>
                  <Col xs={12} md={6} lg={4}>
                    <Card size="small">
                      <Statistic
                        title={drill(t('reconsideration.dash.overdue'), 'flag=overdue', d.openFlags.overdue)}
                        value={d.openFlags.overdue}
                        valueStyle={{ color: d.openFlags.overdue ? '#cf1322' : undefined }}
                      />
                    </Card>
                  </Col>
                  <Col xs={12} md={6} lg={4}>
                    <Card size="small">
                      <Statistic
                        title={drill(
                          t('reconsideration.dash.approaching'),
                          'flag=approaching',
                          d.openFlags.approaching,
                        )}
                        value={d.openFlags.approaching}
                      />
                    </Card>
                  </Col>
                </>
              )}
            </Row>
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col xs={24} lg={8}>
                <Typography.Title level={5}>{t('reconsideration.dash.byStage')}</Typography.Title>
                <Table
                  size="small"
                  rowKey="stage"
                  pagination={false}
                  dataSource={d.byStage.filter((s) => s.count > 0)}
                  data-testid="rc-dash-stage"
                  columns={[
                    { title: t('reconsideration.stage'), dataIndex: 'label' },
                    { title: '件', render: (_, s) => drill(s.count, `stage=${s.stage}`, s.count) },
                  ]}
                />
              </Col>
              <Col xs={24} lg={8}>
                <Typography.Title level={5}>{t('reconsideration.dash.byDecision')}</Typography.Title>
                <Table
                  size="small"
                  rowKey="type"
                  pagination={false}
                  dataSource={d.byDecision}
                  columns={[
                    { title: t('reconsideration.col.decision'), dataIndex: 'label' },
                    { title: '件', render: (_, s) => drill(s.count, `stage=decided`, s.count) },
                  ]}
                />
              </Col>
              <Col xs={24} lg={8}>
                <Typography.Title level={5}>{t('reconsideration.dash.byRespondent')}</Typography.Title>
                <Table
                  size="small"
                  rowKey="respondent"
                  pagination={false}
                  dataSource={d.byRespondent}
                  columns={[
                    { title: t('reconsideration.col.respondent'), dataIndex: 'respondent' },
                    { title: t('reconsideration.dash.received'), dataIndex: 'received' },
                    { title: t('reconsideration.dash.corrected'), dataIndex: 'corrected' },
                  ]}
                />
              </Col>
            </Row>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('reconsideration.dash.byMonth')}
            </Typography.Title>
            <Table
              size="small"
              rowKey="month"
              pagination={false}
              dataSource={[{ key: 'r' }]}
              columns={[
                {
                  title: '',
                  render: () => `${t('reconsideration.dash.received')} / ${t('reconsideration.dash.closed')}`,
                },
                ...d.byMonth.map((m) => ({
                  title: `${m.month}月`,
                  render: () => `${m.received} / ${m.closed}`,
                })),
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
