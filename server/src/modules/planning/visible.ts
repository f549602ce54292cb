import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inScope, type Scope } from '../../platform/access/actor.js';
import type { CalendarService } from '../../platform/calendar/service.js';
import { cutoffsFor, type Cutoffs } from './state.js';

/**
 * Which tasks a caller sees, decided per plan. A task is visible when the plan's owner, its lead unit
 * or a participating unit is in the caller's scope. An owner in scope shows every task of the plan —
 * the office's usual case, answered without looking at a single task; for any other plan only the
 * tasks led or joined by the units in scope that the plan names (planning_plan_units) are visible,
 * and a plan naming none of them is left out before any task is read.
 *
 * Unit ids, not paths, are kept: moving a unit (org service) changes paths, never ids.
 */
export interface VisiblePlan {
  id: string;
  year: number;
  riskThreshold: number;
  /** the state cut-offs for the day asked about, by the calendar of the plan's division */
  cut: Cutoffs;
  /** null: the owner is in scope, every task is visible; else the plan's units in scope */
  units: number[] | null;
}

export interface PlanFilter {
  planId?: string;
  year?: number;
  /** the plan owner's division lies in this division path's subtree */
  divisionPath?: string;
}

/** The plans with tasks visible through `scopes`, in list order (year, newest first, then id). */
export async function visiblePlans(
  db: Db,
  calendar: CalendarService,
  scopes: readonly Scope[],
  today: string,
  f: PlanFilter = {},
): Promise<VisiblePlan[]> {
  const owned = inScope(sql`o.path`, scopes);
  const rows = await query<{
    id: string;
    year: number;
    risk_workdays: number;
    risk_threshold: number;
    division_path: string;
    units: number[] | null;
  }>(
    db,
    sql`select pl.id, pl.year, pl.risk_workdays, pl.risk_threshold, d.path as division_path,
          case when not ${owned} then array(select pu.unit_id from planning_plan_units pu
            join org_units u on u.id = pu.unit_id
            where pu.plan_id = pl.id and ${inScope(sql`u.path`, scopes)} order by pu.unit_id) end as units
        from planning_plans pl join org_units o on o.id = pl.unit_id join divisions d on d.code = o.division_code
        where pl.voided_at is null
          ${f.planId ? sql`and pl.id = ${f.planId}` : sql``}
          ${f.year ? sql`and pl.year = ${f.year}` : sql``}
          ${f.divisionPath ? sql`and d.path like ${`${f.divisionPath}%`}` : sql``}
        order by pl.year desc, pl.id`,
  );
  const memo = new Map<string, Cutoffs>();
  const out: VisiblePlan[] = [];
  for (const r of rows) {
    const units = r.units === null ? null : r.units.map(Number);
    if (units && !units.length) continue;
    const key = `${r.division_path}|${r.risk_workdays}`;
    let cut = memo.get(key);
    if (!cut) memo.set(key, (cut = await cutoffsFor(calendar, today, r.risk_workdays, r.division_path)));
    out.push({ id: r.id, year: Number(r.year), riskThreshold: Number(r.risk_threshold), cut, units });
  }
  return out;
}

/** The plans as a table to join as `v(plan_id, year, overdue_cutoff, risk_cutoff, risk_threshold, units)`. */
export function planTable(plans: readonly VisiblePlan[]): SQL {
  const cols = sql`v(plan_id, year, overdue_cutoff, risk_cutoff, risk_threshold, units)`;
  if (!plans.length)
    return sql`(select null::uuid, null::int, null::date, null::date, null::int, null::int[] where false) as ${cols}`;
  return sql`(values ${sql.join(
    plans.map(
      (p) =>
        sql`(${p.id}::uuid, ${p.year}::int, ${p.cut.overdue}::date, ${p.cut.risk}::date, ${p.riskThreshold}::int, ${
          p.units ? `{${p.units.join(',')}}` : null
        }::int[])`,
    ),
    sql`, `,
  )}) as ${cols}`;
}

/** Task `t` of plan row `v` is visible: every task when the owner is in scope, else by its own units. */
export const visibleInPlan = sql`(v.units is null or t.lead_unit_id = any(v.units)
  or exists (select 1 from planning_task_units tu where tu.task_id = t.id and tu.unit_id = any(v.units)))`;

/**
 * Records the units the tasks matched by `where` (over `planning_tasks t`) lead or join, in the
 * transaction that names them. Only ever adds (see planningPlanUnits): concurrent writers cannot lose
 * a row another one needs.
 */
export const notePlanUnits = (where: SQL): SQL => sql`insert into planning_plan_units (plan_id, unit_id)
  select t.plan_id, t.lead_unit_id from planning_tasks t where ${where}
  union select t.plan_id, tu.unit_id from planning_tasks t join planning_task_units tu on tu.task_id = t.id
  where ${where}
  on conflict do nothing`;
