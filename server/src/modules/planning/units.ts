import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/actor.js';
import { badInput } from '../../platform/http/errors.js';
import { divisions, orgUnits } from '../../platform/org/schema.js';

export interface UnitRow {
  id: number;
  name: string;
  path: string;
  divisionCode: string;
  divisionName: string;
}

/** Active units by id; a missing or inactive one is a 400 naming `field`. */
export async function activeUnits(
  db: Db,
  ids: readonly number[],
  field: string,
): Promise<Map<number, UnitRow>> {
  const rows = ids.length
    ? await db
        .select({
          id: orgUnits.id,
          name: orgUnits.name,
          path: orgUnits.path,
          divisionCode: orgUnits.divisionCode,
          divisionName: divisions.name,
        })
        .from(orgUnits)
        .innerJoin(divisions, eq(divisions.code, orgUnits.divisionCode))
        .where(and(inArray(orgUnits.id, [...ids]), eq(orgUnits.active, true)))
    : [];
  const map = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    if (!map.has(id)) throw badInput(ids.length > 1 ? `${field}.${i}` : field, `单位 ${id} 不存在或已停用`);
  });
  return map;
}

/** The unit a record is filed under must be active and inside the actor's scope for `permission`. */
export async function ownUnit(db: Db, actor: Actor, id: number, permission: string, field = 'unitId') {
  const u = (await activeUnits(db, [id], field)).get(id)!;
  if (!actor.covers(permission, u.path)) throw badInput(field, `单位“${u.name}”不在您的权限范围内`);
  return u;
}

export { todayInShanghai } from '../../platform/calendar/dates.js';
