import { DownloadOutlined, FileImageOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Select, Space, Spin, Tabs } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../app/url-state';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useMe } from '../../app/session';
import { useDivisions } from '../admin/units';
import { useFigureText } from './figureFormat';
import { FiguresTab } from './FiguresTab';
import { OverviewTab } from './OverviewTab';
import { saveDataUrl, viewPng, type PngTable } from './png';
import { exportHref, useBoard, useMonthlyBoard, useUnitBoard, type BoardWhere } from './queries';
import { TrendsTab, trendsPngTable } from './TrendsTab';
import { UnitsTab, unitsPngTable, type UnitKind } from './UnitsTab';

type Tab = 'overview' | 'figures' | 'units' | 'trends';
const tabs: Tab[] = ['overview', 'figures', 'units', 'trends'];

/**
 * 法治建设驾驶舱: an overview of tasks, 述法, assessment and findings; every module's key figures for
 * the year; a module's figures by township and department and month by month. Every number opens the
 * records it counts; the view exports to Excel (server) and PNG (drawn here). All state is in the address.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const text = useFigureText();
  const fmt = useFormat();
  const { data: me } = useMe();
  const { params, set } = useUrlState<'year' | 'division' | 'tab' | 'module' | 'kind' | 'figure'>();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const division = params.get('division') || undefined;
  const tab = (tabs as string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const kind: UnitKind = params.get('kind') === 'department' ? 'department' : 'township';
  const where: BoardWhere = { year, division };

  const board = useBoard(where);
  const modules = board.data?.modules ?? [];
  const module = modules.some((m) => m.name === params.get('module'))
    ? params.get('module')!
    : (modules.find((m) => m.name === 'activities') ?? modules[0])?.name;
  const units = useUnitBoard(where, tab === 'units' ? module : undefined);
  const monthly = useMonthlyBoard(where, tab === 'trends' ? module : undefined);
  const divisions = useDivisions(!!me);

  const content = useRef<HTMLDivElement>(null);
  const [drawing, setDrawing] = useState(false);
  const exportPng = async () => {
    const b = board.data;
    if (!b) return;
    setDrawing(true);
    try {
      const moduleLabel = modules.find((m) => m.name === module)?.label ?? '';
      let table: PngTable | undefined;
      let part = t(`dashboard.tabs.${tab}`);
      if (tab === 'figures')
        table = {
          columns: [t('dashboard.module'), t('dashboard.figure'), b.year.toString()],
          rows: b.modules.flatMap((m) => m.figures.map((f) => [m.label, f.label, text(f.value, f.unit)])),
        };
      if (tab === 'units' && units.data) {
        table = unitsPngTable(units.data, kind, t, text);
        part = `${moduleLabel} · ${t(`dashboard.kind.${kind}`)}`;
      }
      if (tab === 'trends' && monthly.data) {
        table = trendsPngTable(monthly.data, t, text);
        part = `${moduleLabel} · ${part}`;
      }
      const url = await viewPng({
        title: t('dashboard.pngTitle', { division: b.divisionName, year: b.year }),
        subtitle: `${part}  ${fmt.date(b.from)}—${fmt.date(b.to)}`,
        table,
        root: content.current,
      });
      saveDataUrl(url, `驾驶舱-${b.divisionName}-${b.year}年-${part.replace(/ · /g, '-')}.png`);
    } finally {
      setDrawing(false);
    }
  };

  const moduleSelect = (
    <Form.Item label={t('dashboard.module')} style={{ margin: 0 }}>
      <Select
        value={module}
        onChange={(m) => set({ module: m, figure: '' })}
        style={{ width: 180 }}
        options={modules.map((m) => ({ value: m.name, label: m.label }))}
        data-testid="dashboard-module"
      />
    </Form.Item>
  );

  return (
    <div className="fazhi-page">
      <Card
        title={`${t('dashboard.title')}${board.data ? ` · ${board.data.divisionName}` : ''}`}
        extra={
          <Form layout="inline">
            {(divisions.data?.length ?? 0) > 1 && (
              <Form.Item label={t('dashboard.division')} style={{ margin: 0 }}>
                <Select
                  value={division ?? board.data?.divisionCode}
                  onChange={(d) => set({ division: d })}
                  style={{ width: 160 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(divisions.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
                />
              </Form.Item>
            )}
            <Form.Item label={t('dashboard.year')} style={{ margin: 0 }}>
              <InputNumber
                min={2000}
                max={2100}
                precision={0}
                value={year}
                onChange={(v) => v && set({ year: String(v) })}
                data-testid="dashboard-year"
              />
            </Form.Item>
          </Form>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === 'overview' ? '' : k })}
          tabBarExtraContent={
            <Space>
              {(tab === 'units' || tab === 'trends') && moduleSelect}
              <Button
                icon={<DownloadOutlined />}
                href={exportHref(where, tab === 'units' || tab === 'trends' ? module : undefined)}
                data-testid="export-excel"
              >
                {t('dashboard.exportExcel')}
              </Button>
              <Button
                icon={<FileImageOutlined />}
                loading={drawing}
                disabled={!board.data}
                onClick={() => void exportPng()}
                data-testid="export-png"
              >
                {t('dashboard.exportPng')}
              </Button>
            </Space>
          }
          items={tabs.map((k) => ({ key: k, label: t(`dashboard.tabs.${k}`) }))}
        />
        <div ref={content}>
          {tab === 'overview' && <OverviewTab year={year} division={division} />}
          {tab !== 'overview' && board.error && (
            <Alert type="error" showIcon title={errorText(board.error)} />
          )}
          {tab !== 'overview' && board.isLoading && <Spin />}
          {tab === 'figures' && board.data && <FiguresTab board={board.data} />}
          {tab === 'units' && (
            <UnitsTab
              data={units.data}
              loading={units.isFetching}
              error={units.error}
              kind={kind}
              onKind={(k) => set({ kind: k === 'township' ? '' : k })}
            />
          )}
          {tab === 'trends' && (
            <TrendsTab
              data={monthly.data}
              loading={monthly.isFetching}
              error={monthly.error}
              figure={params.get('figure') ?? undefined}
              onFigure={(f) => set({ figure: f })}
            />
          )}
        </div>
      </Card>
    </div>
  );
}
