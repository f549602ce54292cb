import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The canvas cannot read the page's CSS variable: the same stack as styles.css, Tibetan first. */
const FONT =
  "'Noto Sans Tibetan', 'Noto Serif Tibetan', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export type ChartOption = echarts.EChartsCoreOption;
/** What a click on a bar or slice carries: its series, name (category) and data item. */
export interface ChartClick {
  seriesId?: string;
  seriesName?: string;
  name: string;
  dataIndex: number;
  data: unknown;
}

/**
 * One ECharts chart, sized to its container. `onClick` receives the bar or slice clicked, which a
 * dashboard turns into a filtered list's address.
 */
export function EChart({
  option,
  height = 300,
  onClick,
  testId,
}: {
  option: ChartOption;
  height?: number;
  onClick?: (p: ChartClick) => void;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    c.on('click', (p) => click.current?.(p as unknown as ChartClick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, ...option }, true);
  }, [option]);

  return (
    <div
      ref={el}
      data-testid={testId}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
