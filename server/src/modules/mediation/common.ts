import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput } from '../../platform/http/errors.js';
import { levelOfDivision, type Level } from './kinds.js';
import { mediationCounters } from './schema.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

export const P = {
  read: 'mediation.read',
  /** 当事人身份证号、电话 unmasked (the read is audited) */
  personal: 'mediation.personal',
  intake: 'mediation.intake',
  handle: 'mediation.handle',
  organise: 'mediation.organise',
  subsidy: 'mediation.subsidy',
} as const;

export { todayInShanghai } from '../../platform/calendar/dates.js';

export const fen = (yuan: number) => Math.round(yuan * 100);
export const yuan = (f: number | string | null) => (f === null ? 0 : Number(f) / 100);

export interface MediationUnit {
  id: number;
  name: string;
  path: string;
  divisionCode: string;
  divisionLevel: number;
  isCentre: boolean;
  isCommittee: boolean;
  level: Level;
}

/** A centre or committee inside the actor's scope for `permission`, or a 400 naming the field. */
export async function mediationUnit(
  db: Db,
  actor: Actor,
  unitId: number,
  permission: string,
  field = 'unitId',
  want: 'any' | 'committee' = 'any',
): Promise<MediationUnit> {
  const [u] = await query<{
    id: number;
    name: string;
    path: string;
    division_code: string;
    division_level: number;
    is_centre: boolean;
    kind: string;
  }>(
    db,
    sql`select u.id, u.name, u.path, u.division_code, d.level as division_level, u.kind,
          exists (select 1 from mediation_centres c where c.unit_id = u.id) as is_centre
        from org_units u join divisions d on d.code = u.division_code
        where u.id = ${unitId} and u.active and ${inScope(sql`u.path`, actor.scopes(permission))}`,
  );
  const ok =
    u &&
    (want === 'committee' ? u.kind === 'mediationCommittee' : u.kind === 'mediationCommittee' || u.is_centre);
  if (!u || !ok)
    throw badInput(
      field,
      `单位 ${unitId} 不是${want === 'committee' ? '人民调解委员会' : '调解中心或人民调解委员会'}，或不在您的权限范围内`,
    );
  return {
    id: u.id,
    name: u.name,
    path: u.path,
    divisionCode: u.division_code,
    divisionLevel: u.division_level,
    isCentre: u.is_centre,
    isCommittee: u.kind === 'mediationCommittee',
    level: levelOfDivision(u.division_level),
  };
}

/** 亚拉镇人民调解委员会 → 亚拉镇调; 索县矛盾纠纷多元化解中心 → 索县矛调. */
export function numberPrefix(unitName: string, isCentre: boolean): string {
  if (isCentre) return `${unitName.replace(/矛盾纠纷.*$|调解中心$|中心$/, '')}矛调`;
  return `${unitName.replace(/人民调解委员会$/, '').replace(/人民政府$/, '')}调`;
}

/** Gapless per receiving unit and year: the counter row is bumped inside the intake transaction. */
export async function allocateNumber(
  db: Db,
  unit: { id: number; name: string; isCentre: boolean },
  year: number,
) {
  const [c] = await db
    .insert(mediationCounters)
    .values({ unitId: unit.id, year, last: 1 })
    .onConflictDoUpdate({
      target: [mediationCounters.unitId, mediationCounters.year],
      set: { last: sql`${mediationCounters.last} + 1` },
    })
    .returning({ last: mediationCounters.last });
  const seq = c!.last;
  return { seq, number: `${numberPrefix(unit.name, unit.isCentre)}〔${year}〕${seq}号` };
}

export function notAfterToday(field: string, d: string, what: string) {
  if (d > todayInShanghai()) throw badInput(field, `${what}不能晚于今天`);
}
