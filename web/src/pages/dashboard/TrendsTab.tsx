import { Alert, Button, Card, Select, Space, Spin, Table, Typography } from 'antd';
import { LineChart } from 'echarts/charts';
import { TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { TFunction } from 'i18next';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../app/errors';
import { EChart, type ChartOption } from '../../components/EChart';
import { useFigureText } from './figureFormat';
import { chartPng, saveDataUrl, type PngTable } from './png';
import type { MonthlyBoard } from './queries';

// EChart registers bars and pies; a trend reads better as a titled line (echarts.use is global and idempotent).
echarts.use([LineChart, TitleComponent]);

type Figure = MonthlyBoard['figures'][number];

const monthLabel = (m: string, t: TFunction) => t('dashboard.month', { m: Number(m.slice(5)) });

function trendOption(b: MonthlyBoard, f: Figure, t: TFunction): ChartOption {
  const ratio = f.unit === '比例';
  return {
    grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    title: { text: t('dashboard.trendOf', { label: f.label }), left: 'center', textStyle: { fontSize: 14 } },
    xAxis: { type: 'category', data: b.months.map((m) => monthLabel(m, t)) },
    yAxis: {
      type: 'value',
      name: ratio ? '%' : f.unit,
      minInterval: ratio ? undefined : 1,
    },
    series: [
      {
        type: 'line',
        name: f.label,
        smooth: false,
        symbolSize: 8,
        itemStyle: { color: '#b4282d' },
        areaStyle: { color: 'rgba(180, 40, 45, 0.08)' },
        label: { show: true, position: 'top' },
        data: f.cells.map((c) => ({
          value: c.value === null ? null : ratio ? Math.round(c.value * 1000) / 10 : c.value,
          link: c.link,
        })),
      },
    ],
  };
}

export function trendsPngTable(
  b: MonthlyBoard,
  t: TFunction,
  text: ReturnType<typeof useFigureText>,
): PngTable {
  return {
    columns: [t('dashboard.figure'), ...b.months.map((m) => monthLabel(m, t)), t('dashboard.fullYear')],
    rows: b.figures.map((f) => [
      f.label,
      ...f.cells.map((c) => text(c.value, f.unit)),
      text(f.total, f.unit),
    ]),
  };
}

/**
 * 月度趋势: the chosen figure month by month as a line (a point opens that month's records), and
 * every figure of the module month by month with the year beside.
 */
export function TrendsTab({
  data,
  loading,
  error,
  figure,
  onFigure,
}: {
  data: MonthlyBoard | undefined;
  loading: boolean;
  error: unknown;
  figure: string | undefined;
  onFigure: (key: string) => void;
}) {
  const { t } = useTranslation();
  const text = useFigureText();
  const navigate = useNavigate();
  const chartBox = useRef<HTMLDivElement>(null);
  const f = data?.figures.find((x) => x.key === figure) ?? data?.figures[0];
  const option = useMemo(() => (data && f ? trendOption(data, f, t) : null), [data, f, t]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {!!error && <Alert type="error" showIcon title={errorText(error)} />}
      {loading && !data && <Spin />}
      {data && f && option && (
        <Card
          size="small"
          title={
            <Select
              value={f.key}
              onChange={onFigure}
              style={{ minWidth: 280 }}
              options={data.figures.map((x) => ({ value: x.key, label: x.label }))}
              data-testid="trend-figure"
            />
          }
          extra={
            <Button
              size="small"
              onClick={() => {
                const url = chartPng(
                  chartBox.current?.querySelector<HTMLElement>('[data-testid="chart-trend"]') ?? null,
                );
                if (url) saveDataUrl(url, `${data.divisionName}${data.year}年${f.label}逐月.png`);
              }}
            >
              {t('dashboard.chartPng')}
            </Button>
          }
        >
          <div ref={chartBox}>
            <EChart
              testId="chart-trend"
              option={option}
              height={300}
              onClick={(c) => {
                const link = (c.data as { link?: string | null } | undefined)?.link;
                if (link) void navigate(link);
              }}
            />
          </div>
        </Card>
      )}
      {data && (
        <Table<Figure>
          data-testid="monthly-table"
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          dataSource={data.figures}
          scroll={{ x: 'max-content' }}
          onRow={(x) => ({ onClick: () => onFigure(x.key), style: { cursor: 'pointer' } })}
          rowClassName={(x) => (x.key === f?.key ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('dashboard.figure'), dataIndex: 'label', fixed: 'left', width: 220 },
            ...data.months.map((m, j) => ({
              key: m,
              title: monthLabel(m, t),
              align: 'right' as const,
              render: (_: unknown, x: Figure) => {
                const c = x.cells[j]!;
                return c.link && c.value ? (
                  <Typography.Link
                    onClick={(e) => {
                      e.stopPropagation();
                      void navigate(c.link!);
                    }}
                  >
                    {text(c.value, x.unit)}
                  </Typography.Link>
                ) : (
                  text(c.value, x.unit)
                );
              },
            })),
            {
              key: 'year',
              title: t('dashboard.fullYear'),
              align: 'right' as const,
              render: (_: unknown, x: Figure) => (
                <Typography.Text strong>{text(x.total, x.unit)}</Typography.Text>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
