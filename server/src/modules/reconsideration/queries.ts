/**
 * The case list and the dashboard. The list pages, counts and orders in SQL and computes timelines
 * (stage after lapses, deadline flags) for the page's cases only. A stage filter needs the computed
 * stage of the few cases time alone can move (VOLATILE); a flag filter computes every case in scope,
 * which a county's tens of applications a year allow (bench:cases measures 20,000).
 */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import type { CalendarService } from '../../platform/calendar/service.js';
import { badInput } from '../../platform/http/errors.js';
import type { FigureRegistry } from '../../platform/figures/registry.js';
import type { FieldCrypto } from '../../platform/privacy/field-crypto.js';
import type { CaseQuery } from './contract.js';
import { reconsiderationFigures } from './figures.js';
import {
  decisionTypeCodes,
  decisionTypes,
  defaultCorrectiveTypes,
  openStages,
  stageCodes,
  stages,
} from './kinds.js';
import { P, loadMany, presentListItem, todayInShanghai, type Loaded } from './store.js';

/**
 * The stored stages the calendar alone can change: 受理审查 lapses into 视为受理 (Art. 30(3)) and an
 * unanswered correction into 视为放弃 (Art. 31(2)). Every other case's computed stage is its stored one.
 */
const VOLATILE = ['intake', 'correction'] as const;

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export async function listCases(
  db: Db,
  calendar: CalendarService,
  crypto: FieldCrypto,
  actor: Actor,
  f: CaseQuery,
  today = todayInShanghai(),
) {
  const where: SQL[] = [sql`true`];
  if (f.year)
    where.push(
      sql`(extract(year from c.received_on) = ${f.year} or extract(year from c.accepted_on) = ${f.year})`,
    );
  if (f.procedure) where.push(sql`c.procedure = ${f.procedure}`);
  if (f.decisionType) where.push(sql`c.decision_type = ${f.decisionType}`);
  if (f.respondent) where.push(sql`c.respondent_name like ${`%${f.respondent}%`}`);
  if (f.q)
    where.push(
      sql`(c.case_number like ${`%${f.q}%`} or c.applicant_name like ${`%${f.q}%`} or c.act_description like ${`%${f.q}%`})`,
    );
  const p = { crypto, cal: await calendar.calendar(db), today };
  const present = (c: Loaded) => presentListItem(c, p);
  const start = (f.page - 1) * f.pageSize;

  if (f.flag) {
    // Only an open case can be overdue or approaching, and a stored closed stage is final (only
    // VOLATILE stages move with time), so those two flags compute the open cases alone.
    const open =
      f.flag === 'overdue' || f.flag === 'approaching'
        ? [
            sql`c.stage in (${sql.join(
              openStages.map((s) => sql`${s}`),
              sql`, `,
            )})`,
          ]
        : [];
    const all = (await loadMany(db, actor, P.read, sql.join([...where, ...open], sql` and `)))
      .map(present)
      .filter((c) => (!f.stage || c.stage === f.stage) && c[f.flag!]);
    return { items: all.slice(start, start + f.pageSize), total: all.length, ...pageOf(f) };
  }
  if (f.stage) {
    const volatile = await loadMany(
      db,
      actor,
      P.read,
      sql.join(
        [
          ...where,
          sql`c.stage in (${sql.join(
            [...VOLATILE].map((v) => sql`${v}`),
            sql`, `,
          )})`,
        ],
        sql` and `,
      ),
    );
    const moved = volatile.filter((c) => present(c).stage === f.stage).map((c) => c.row.id);
    where.push(
      sql`((c.stage = ${f.stage} and c.stage not in ('intake', 'correction')) or c.id = any(${uuids(moved)}))`,
    );
  }
  const matching = sql.join(where, sql` and `);
  const scope = inScope(sql`o.path`, actor.scopes(P.read));
  const ids = await query<{ id: string }>(
    db,
    sql`select c.id from reconsideration_cases c join org_units o on o.id = c.organ_unit_id
        where c.voided_at is null and ${matching} and (${scope})
        order by c.received_on desc, c.created_at desc limit ${f.pageSize} offset ${start}`,
  );
  const total =
    f.page === 1 && ids.length < f.pageSize
      ? ids.length
      : Number(
          (
            await query<{ n: number }>(
              db,
              sql`select count(*)::int as n from reconsideration_cases c join org_units o on o.id = c.organ_unit_id
                  where c.voided_at is null and ${matching} and (${scope})`,
            )
          )[0]?.n ?? 0,
        );
  const items = ids.length
    ? (await loadMany(db, actor, P.read, sql`c.id = any(${uuids(ids.map((r) => r.id))})`)).map(present)
    : [];
  return { items, total, ...pageOf(f) };
}

const pageOf = (f: CaseQuery) => ({ page: f.page, pageSize: f.pageSize });

/** The office's and the leaders' view of a year: figures from the registry's definitions, and breakdowns. */
export async function dashboard(
  db: Db,
  calendar: CalendarService,
  crypto: FieldCrypto,
  registry: FigureRegistry,
  actor: Actor,
  year: number,
  today = todayInShanghai(),
) {
  const scopes = actor.scopes(P.stats);
  const [home] = await query<{ division_code: string }>(
    db,
    sql`select division_code from org_units where id = ${actor.user?.unitId ?? 0}`,
  );
  if (!home) throw badInput('year', '无法确定您所在的行政区划');
  const scope = await registry.scopeFor(db, home.division_code, scopes);
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const figures = [];
  const memo = new Map<string, Promise<unknown>>();
  for (const f of reconsiderationFigures)
    figures.push({
      key: f.key,
      label: f.label,
      unit: f.unit,
      definition: f.definition,
      value: await f.compute({ db, scope, period, memo }),
    });

  // Breakdowns over the same cases: the organ in the division's subtree and the asker's scope.
  const inFigureScope = sql`c.voided_at is null and c.organ_unit_id in (select u.id from org_units u join divisions d on d.code = u.division_code
      where d.path like ${`${scope.divisionPath}%`} and (${inScope(sql`u.path`, scopes)}))`;
  const inYear = sql`extract(year from c.received_on) = ${year}`;
  const byStage = await query<{ stage: string; n: number }>(
    db,
    sql`select c.stage, count(*)::int as n from reconsideration_cases c where ${inFigureScope} and ${inYear} group by c.stage`,
  );
  const byDecision = await query<{ t: string; n: number }>(
    db,
    sql`select c.decision_type as t, count(*)::int as n from reconsideration_cases c
        where ${inFigureScope} and c.stage = 'decided' and extract(year from c.decided_on) = ${year} group by c.decision_type`,
  );
  const byRespondent = await query<{ respondent: string; received: number; corrected: number }>(
    db,
    sql`select c.respondent_name as respondent, count(*)::int as received,
          count(*) filter (where c.stage = 'decided' and c.decision_type = any(coalesce(s.corrective_types,
            array[${sql.join(
              defaultCorrectiveTypes.map((t) => sql`${t}`),
              sql`, `,
            )}]::text[])))::int as corrected
        from reconsideration_cases c left join reconsideration_settings s on s.organ_unit_id = c.organ_unit_id
        where ${inFigureScope} and ${inYear} group by c.respondent_name order by received desc, respondent`,
  );
  const byMonth = await query<{ month: number; received: number; closed: number }>(
    db,
    sql`select m as month,
          (select count(*) from reconsideration_cases c where ${inFigureScope} and ${inYear} and extract(month from c.received_on) = m)::int as received,
          (select count(*) from reconsideration_cases c where ${inFigureScope}
             and extract(year from coalesce(c.closed_on, c.refused_on, c.abandoned_on)) = ${year}
             and extract(month from coalesce(c.closed_on, c.refused_on, c.abandoned_on)) = m)::int as closed
        from generate_series(1, 12) as m order by m`,
  );
  // Deadline flags need each open case's timeline (the calendar); open cases are few.
  let overdue = 0;
  let approaching = 0;
  if (actor.can(P.read)) {
    const open = await loadMany(
      db,
      actor,
      P.read,
      sql`c.stage in ('intake', 'correction', 'accepted', 'suspended')`,
    );
    const p = { crypto, cal: await calendar.calendar(db), today };
    for (const c of open) {
      const v = presentListItem(c, p);
      if (v.overdue) overdue++;
      else if (v.approaching) approaching++;
    }
  }
  return {
    year,
    figures,
    byStage: stageCodes.map((s) => ({
      stage: s,
      label: stages[s],
      count: byStage.find((r) => r.stage === s)?.n ?? 0,
    })),
    byDecision: decisionTypeCodes.map((t) => ({
      type: t,
      label: decisionTypes[t].label,
      count: byDecision.find((r) => r.t === t)?.n ?? 0,
    })),
    byRespondent,
    byMonth,
    openFlags: { overdue, approaching },
    canOpenCases: actor.can(P.read),
  };
}
