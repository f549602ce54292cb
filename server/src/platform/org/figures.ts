import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { unitsInFigureScope } from '../figures/registry.js';
import type { FigureDef } from '../manifest.js';
import { unitKindLabels } from './contract.js';
import type { UnitKind } from './schema.js';

/** Units in use of one kind, within the division's subtree and the asker's scope, on the period's last day. */
function unitsOfKind(kind: UnitKind, key: string, unit: string): FigureDef {
  return {
    key,
    label: `${unitKindLabels[kind]}数`,
    unit,
    definition: `期末在用的“${unitKindLabels[kind]}”类单位个数（在所选行政区划范围内，且创建日期不晚于期末）`,
    async compute({ db, scope, period }) {
      const [r] = await query<{ n: number }>(
        db,
        sql`
        select count(*)::int as n from org_units
        where kind = ${kind} and active and created_at < (${period.to}::date + 1)
          and id in (${unitsInFigureScope(scope)})`,
      );
      return Number(r?.n ?? 0);
    },
  };
}

export const orgFigures: FigureDef[] = [
  unitsOfKind('department', 'org.units.departments', '个'),
  unitsOfKind('township', 'org.units.townships', '个'),
  unitsOfKind('mediationCommittee', 'org.units.mediationCommittees', '个'),
  unitsOfKind('lawFirm', 'org.units.lawFirms', '家'),
];
