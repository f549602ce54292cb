import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Space, Spin, Statistic, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import type { Resp } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { EChart, type ChartOption } from '../../components/EChart';

type Summary = Resp<'/api/dashboard/summary'>;
type LeadUnit = Summary['planning']['byLeadUnit'][number];

const colors = {
  done: '#52c41a',
  atRisk: '#faad14',
  overdue: '#cf1322',
  other: '#91caff',
  missing: '#d9d9d9',
};

/** A number that opens the list it counts. */
function Figure({
  title,
  value,
  link,
  color,
  testId,
}: {
  title: ReactNode;
  value: number;
  link: string;
  color?: string;
  testId?: string;
}) {
  const navigate = useNavigate();
  return (
    <Card size="small" hoverable onClick={() => void navigate(link)} data-testid={testId}>
      <Statistic title={title} value={value} styles={{ content: { color } }} />
    </Card>
  );
}

/** Lead units as stacked bars (已完成 / 临期预警 / 逾期 / 其他), most overdue first as the server orders them. */
function leadUnitOption(units: LeadUnit[], t: TFunction): ChartOption {
  const part = (key: 'done' | 'atRisk' | 'overdue', color: string) => ({
    id: key,
    type: 'bar',
    stack: 'tasks',
    name: t(`dashboard.part.${key}`),
    itemStyle: { color },
    data: units.map((u) => u[key]),
  });
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => u.unitName),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      part('done', colors.done),
      part('atRisk', colors.atRisk),
      part('overdue', colors.overdue),
      {
        id: 'total',
        type: 'bar',
        stack: 'tasks',
        name: t('dashboard.part.other'),
        itemStyle: { color: colors.other },
        data: units.map((u) => u.total - u.done - u.atRisk - u.overdue),
      },
    ],
  };
}

function pieOption(items: { name: string; value: number; color: string; link: string }[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}', overflow: 'none' },
        // an empty slice has nothing to click and its label would only crowd the others
        data: items
          .filter((x) => x.value > 0)
          .map((x) => ({
            name: x.name,
            value: x.value,
            link: x.link,
            itemStyle: { color: x.color },
          })),
      },
    ],
  };
}

function rankingOption(ranking: NonNullable<Summary['assessment']>['ranking'], points: string): ChartOption {
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: ranking[0]?.maxPoints, name: points },
    yAxis: { type: 'category', inverse: true, data: ranking.map((r) => r.unitName) },
    series: [
      {
        type: 'bar',
        name: points,
        data: ranking.map((r) => ({ value: r.total, link: r.link })),
        label: { show: true, position: 'right' },
        itemStyle: { color: '#b4282d' },
        barMaxWidth: 20,
      },
    ],
  };
}

const linkOf = (data: unknown) => (data as { link?: string } | undefined)?.link;

/**
 * The cockpit's overview: the year's task completion by lead unit, overdue and at-risk tasks, 述法
 * coverage, the assessment ranking and findings open and closed — one summary from the server, each
 * number and bar opening the list it counts.
 */
export function OverviewTab({ year, division }: { year: number; division?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const summary = useQuery({
    queryKey: ['dashboard', year, division],
    queryFn: () => call(api.GET('/api/dashboard/summary', { params: { query: { year, division } } })),
    placeholderData: (prev) => prev,
  });
  const s = summary.data;
  const go = (link: string | undefined) => link && void navigate(link);

  const charts = useMemo(() => {
    if (!s) return null;
    const stateLabel = (code: string, label: string) =>
      t(`dashboard.taskState.${code}`, { defaultValue: label });
    return {
      leadUnits: leadUnitOption(s.planning.byLeadUnit, t),
      states: pieOption(
        s.planning.byState.map((x) => ({
          name: stateLabel(x.state, x.label),
          value: x.count,
          link: x.link,
          color:
            { done: colors.done, atRisk: colors.atRisk, overdue: colors.overdue, onTrack: colors.other }[
              x.state as string
            ] ?? colors.missing,
        })),
      ),
      accountability: s.accountability[0]
        ? pieOption([
            {
              name: t('dashboard.submitted'),
              value: s.accountability[0].submitted,
              link: s.accountability[0].links.campaign,
              color: colors.done,
            },
            {
              name: t('dashboard.missing'),
              value: s.accountability[0].missing,
              link: s.accountability[0].links.missing,
              color: colors.overdue,
            },
          ])
        : null,
      ranking: s.assessment ? rankingOption(s.assessment.ranking, t('dashboard.points')) : null,
      findings: pieOption([
        {
          name: t('dashboard.findingsOpen'),
          value: s.findings.open,
          link: s.findings.links.open,
          color: colors.atRisk,
        },
        {
          name: t('dashboard.findingsClosed'),
          value: s.findings.closed,
          link: s.findings.links.closed,
          color: colors.done,
        },
      ]),
    };
  }, [s, t]);

  const p = s?.planning;
  const campaign = s?.accountability[0];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        {summary.error && <Alert type="error" showIcon title={errorText(summary.error)} />}
        {summary.isLoading && <Spin />}
        {p && s && (
          <Row gutter={[16, 16]} data-testid="dashboard-figures">
            <Col xs={12} md={8} xl={4}>
              <Figure
                title={t('dashboard.tasksTotal')}
                value={p.total}
                link={`/planning/tasks?year=${s.year}`}
              />
            </Col>
            {(['done', 'atRisk', 'overdue'] as const).map((k) => {
              const x = p.byState.find((b) => b.state === k);
              return (
                <Col key={k} xs={12} md={8} xl={4}>
                  <Figure
                    title={t(`dashboard.taskState.${k}`, { defaultValue: x?.label })}
                    value={x?.count ?? 0}
                    link={x?.link ?? '/planning/tasks'}
                    color={colors[k]}
                    testId={`figure-${k}`}
                  />
                </Col>
              );
            })}
            <Col xs={12} md={8} xl={4}>
              <Figure
                title={t('dashboard.noticesEscalated')}
                value={p.notices.escalated}
                link={p.notices.links.escalated}
                color={p.notices.escalated ? colors.overdue : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Figure
                title={t('dashboard.findingsOverdue')}
                value={s.findings.overdue}
                link={s.findings.links.overdue}
                color={s.findings.overdue ? colors.overdue : undefined}
                testId="figure-findings-overdue"
              />
            </Col>
          </Row>
        )}
      </div>
      {s && charts && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" title={t('dashboard.byLeadUnit')}>
              {s.planning.byLeadUnit.length ? (
                <EChart
                  testId="chart-lead-units"
                  option={charts.leadUnits}
                  height={Math.max(260, s.planning.byLeadUnit.length * 26 + 60)}
                  onClick={(c) => {
                    const u = s.planning.byLeadUnit[c.dataIndex];
                    const key = c.seriesId as 'done' | 'atRisk' | 'overdue' | 'total';
                    go(u?.links[key]);
                  }}
                />
              ) : (
                <Empty description={t('dashboard.noTasks')} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title={t('dashboard.byState')}>
                <EChart
                  testId="chart-states"
                  option={charts.states}
                  height={260}
                  onClick={(c) => go(linkOf(c.data))}
                />
              </Card>
              <Card
                size="small"
                title={t('dashboard.accountability')}
                extra={
                  campaign && (
                    <Typography.Text type="secondary">
                      {campaign.rate === null
                        ? '—'
                        : t('dashboard.rate', { rate: fmt.number(Math.round(campaign.rate * 1000) / 10) })}
                    </Typography.Text>
                  )
                }
              >
                {charts.accountability && campaign ? (
                  <>
                    <Typography.Text type="secondary" ellipsis>
                      {campaign.title}
                    </Typography.Text>
                    <EChart
                      testId="chart-accountability"
                      option={charts.accountability}
                      height={220}
                      onClick={(c) => go(linkOf(c.data))}
                    />
                  </>
                ) : (
                  <Empty description={t('dashboard.noCampaign')} />
                )}
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={t('dashboard.ranking')}
              extra={
                s.assessment && (
                  <Typography.Link onClick={() => go(s.assessment!.link)}>
                    {s.assessment.title}
                  </Typography.Link>
                )
              }
            >
              {charts.ranking && s.assessment ? (
                <EChart
                  testId="chart-ranking"
                  option={charts.ranking}
                  height={Math.max(240, s.assessment.ranking.length * 30 + 30)}
                  onClick={(c) => go(linkOf(c.data))}
                />
              ) : (
                <Empty description={t('dashboard.noRanking')} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('dashboard.findings')}>
              <EChart
                testId="chart-findings"
                option={charts.findings}
                height={300}
                onClick={(c) => go(linkOf(c.data))}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
