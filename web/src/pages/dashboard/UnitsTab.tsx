import { Alert, Segmented, Space, Spin, Table, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../app/errors';
import { heat, useFigureText } from './figureFormat';
import type { PngTable } from './png';
import type { UnitBoard } from './queries';

export type UnitKind = 'township' | 'department';

interface Row {
  key: string;
  name: string;
  hint?: string;
  cells: { value: number | null; link: string | null }[];
  strong?: boolean;
}

/** The rows shown for one kind of unit, then the other units and the division's total. */
function rowsOf(b: UnitBoard, kind: UnitKind, t: TFunction): Row[] {
  const units: Row[] = b.units
    .map((u, j) => ({ u, j }))
    .filter(({ u }) => u.kind === kind)
    .map(({ u, j }) => ({
      key: String(u.unitId),
      name: u.unitName,
      cells: b.figures.map((f) => f.cells[j]!),
    }));
  return [
    ...units,
    {
      key: 'rest',
      name: t('dashboard.rest'),
      hint: t('dashboard.restHint'),
      cells: b.figures.map((f) => ({ value: f.rest, link: null })),
    },
    {
      key: 'total',
      name: `${b.divisionName}${t('dashboard.total')}`,
      cells: b.figures.map((f) => ({ value: f.total, link: f.link })),
      strong: true,
    },
  ];
}

/** The largest value of each figure among the units shown (the heat map's scale). */
const maxima = (rows: Row[]) =>
  rows[0]?.cells.map((_, i) =>
    Math.max(0, ...rows.filter((r) => !r.hint && !r.strong).map((r) => r.cells[i]!.value ?? 0)),
  ) ?? [];

export function unitsPngTable(
  b: UnitBoard,
  kind: UnitKind,
  t: TFunction,
  text: ReturnType<typeof useFigureText>,
): PngTable {
  const rows = rowsOf(b, kind, t);
  const max = maxima(rows);
  return {
    columns: [t('dashboard.unitName'), ...b.figures.map((f) => f.label)],
    rows: rows.map((r) => [r.name, ...r.cells.map((c, i) => text(c.value, b.figures[i]!.unit))]),
    fills: rows.map((r) => [
      undefined,
      ...r.cells.map((c, i) => (r.hint || r.strong ? undefined : heat(c.value, max[i]!))),
    ]),
  };
}

/**
 * 分乡镇、部门: the chosen module's figures for each township or department (a heat map, column by
 * column), the other units and the whole division; a number opens its records for that unit.
 */
export function UnitsTab({
  data,
  loading,
  error,
  kind,
  onKind,
}: {
  data: UnitBoard | undefined;
  loading: boolean;
  error: unknown;
  kind: UnitKind;
  onKind: (k: UnitKind) => void;
}) {
  const { t } = useTranslation();
  const text = useFigureText();
  const navigate = useNavigate();
  const rows = data ? rowsOf(data, kind, t) : [];
  const max = maxima(rows);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<UnitKind>
        value={kind}
        onChange={onKind}
        options={(['township', 'department'] as const).map((k) => ({
          value: k,
          label: t(`dashboard.kind.${k}`),
        }))}
        data-testid="unit-kind"
      />
      {!!error && <Alert type="error" showIcon title={errorText(error)} />}
      {loading && !data && <Spin />}
      {data && (
        <Table<Row>
          data-testid="units-table"
          size="small"
          bordered
          loading={loading}
          pagination={false}
          rowKey="key"
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('dashboard.unitName'),
              dataIndex: 'name',
              fixed: 'left',
              width: 200,
              render: (name: string, r) =>
                r.hint ? (
                  <Tooltip title={r.hint}>
                    <Typography.Text type="secondary">{name}</Typography.Text>
                  </Tooltip>
                ) : (
                  <Typography.Text strong={r.strong}>{name}</Typography.Text>
                ),
            },
            ...data.figures.map((f, i) => ({
              key: f.key,
              title: (
                <Tooltip title={`${t('dashboard.definition')}：${f.definition}`}>
                  <span>{f.label}</span>
                </Tooltip>
              ),
              align: 'right' as const,
              width: 120,
              onCell: (r: Row) => ({
                style: { background: r.hint || r.strong ? undefined : heat(r.cells[i]!.value, max[i]!) },
              }),
              render: (_: unknown, r: Row) => {
                const c = r.cells[i]!;
                const v = text(c.value, f.unit);
                return c.link ? (
                  <Typography.Link
                    onClick={() => void navigate(c.link!)}
                    data-testid={`cell-${f.key}-${r.key}`}
                  >
                    {v}
                  </Typography.Link>
                ) : (
                  <Typography.Text strong={r.strong}>{v}</Typography.Text>
                );
              },
            })),
          ]}
        />
      )}
      <Typography.Text type="secondary">{t('dashboard.drillHint')}</Typography.Text>
    </Space>
  );
}
