import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import type { TaskView } from './contract.js';
import { systems, taskStates, type TaskState, type TaskSystem } from './kinds.js';
import { acceptedPercent, percentFor, stateIs, stateOf, storedAnswers } from './state.js';
import { planTable, visibleInPlan, type VisiblePlan } from './visible.js';

/** What a task read filters on, besides the visible plans it is given. */
export interface TaskFilter {
  id?: string;
  state?: TaskState;
  system?: TaskSystem;
  leadUnitId?: number;
  /** tasks this unit leads or takes part in */
  unitId?: number;
  meetingId?: string;
  q?: string;
  includeVoided?: boolean;
}

interface TaskRow {
  id: string;
  plan_id: string;
  plan_title: string;
  year: number;
  seq: number;
  title: string;
  content: string | null;
  targets: string | null;
  steps: string | null;
  lead_unit_id: number;
  lead_name: string;
  deadline: string;
  system: TaskSystem | null;
  meeting_id: string | null;
  note: string | null;
  voided: boolean;
  voided_reason: string | null;
  pct: number | null;
  state: TaskState;
}

/** The filter over task `t` of plan row `v`: visibility first, the state as deadline ranges. */
function conditions(f: TaskFilter, p: SQL): SQL {
  const where: SQL[] = [visibleInPlan];
  if (!f.includeVoided) where.push(sql`t.voided_at is null`);
  if (f.id) where.push(sql`t.id = ${f.id}`);
  if (f.system) where.push(sql`t.system = ${f.system}`);
  if (f.leadUnitId) where.push(sql`t.lead_unit_id = ${f.leadUnitId}`);
  if (f.meetingId) where.push(sql`t.meeting_id = ${f.meetingId}`);
  if (f.unitId)
    where.push(sql`(t.lead_unit_id = ${f.unitId} or exists (select 1 from planning_task_units tu
      where tu.task_id = t.id and tu.unit_id = ${f.unitId}))`);
  if (f.q) where.push(sql`t.title ilike ${`%${f.q}%`}`);
  if (f.state) where.push(stateIs(f.state, p));
  return sql.join(where, sql` and `);
}

/** How many visible tasks of each plan match `f` (plans with none left out). */
export const countsByPlan = (plans: readonly VisiblePlan[], p: SQL, f: TaskFilter): SQL =>
  sql`select v.plan_id, c.n from ${planTable(plans)}
      cross join lateral (select count(*)::int as n from planning_tasks t
        where t.plan_id = v.plan_id and ${conditions(f, p)}) c
      where c.n > 0`;

/**
 * The visible tasks of `plans` matching `f`, their states computed for `today`, in list order (year,
 * plan, 序号). With a page, the total comes first as one count per plan — index-only scans of
 * planning_tasks_state_idx — and says which plans the page lies in, so only those are read and sorted.
 */
export async function findTasks(
  db: Db,
  plans: readonly VisiblePlan[],
  today: string,
  f: TaskFilter,
  page?: { limit: number; offset: number },
): Promise<{ rows: TaskRow[]; total: number }> {
  if (!plans.length) return { rows: [], total: 0 };
  const p = percentFor(today, await storedAnswers(db, today));
  const where = conditions(f, p);
  // The page's ids first (the index holds all the filter needs), then the few rows in full.
  const read = (ps: readonly VisiblePlan[], tail: SQL) =>
    query<TaskRow>(
      db,
      sql`select t.id, t.plan_id, pl.title as plan_title, pl.year, t.seq, t.title, t.content, t.targets,
            t.steps, t.lead_unit_id, lu.name as lead_name, t.deadline::text as deadline, t.system,
            t.meeting_id, t.note, t.voided_at is not null as voided, t.voided_reason,
            ${acceptedPercent(today)} as pct, ${stateOf(p)} as state
          from (select t.id as task_id, t.seq, v.* from ${planTable(ps)}
                join planning_tasks t on t.plan_id = v.plan_id
                where ${where} order by v.year desc, v.plan_id, t.seq ${tail}) v
          join planning_tasks t on t.id = v.task_id
          join planning_plans pl on pl.id = t.plan_id
          join org_units lu on lu.id = t.lead_unit_id
          order by v.year desc, v.plan_id, v.seq`,
    );
  if (!page) {
    const rows = await read(plans, sql``);
    return { rows, total: rows.length };
  }
  const counts = await query<{ plan_id: string; n: number }>(db, countsByPlan(plans, p, f));
  const n = new Map(counts.map((c) => [c.plan_id, Number(c.n)]));
  const total = [...n.values()].reduce((a, b) => a + b, 0);
  let skip = page.offset;
  let want = page.limit;
  const onPage: VisiblePlan[] = [];
  for (const p of plans) {
    const k = n.get(p.id) ?? 0;
    if (!k) continue;
    if (!onPage.length && skip >= k) {
      skip -= k;
      continue;
    }
    onPage.push(p);
    want -= onPage.length === 1 ? k - skip : k;
    if (want <= 0) break;
  }
  if (!onPage.length) return { rows: [], total };
  return { rows: await read(onPage, sql`limit ${page.limit} offset ${skip}`), total };
}

/** Task rows as the API shows them, with their participating units. */
export async function present(db: Db, rows: TaskRow[]): Promise<TaskView[]> {
  const ids = rows.map((r) => r.id);
  const parts = ids.length
    ? await query<{ task_id: string; id: number; name: string }>(
        db,
        sql`select tu.task_id, u.id, u.name from planning_task_units tu join org_units u on u.id = tu.unit_id
            where tu.task_id in (${sql.join(
              ids.map((i) => sql`${i}::uuid`),
              sql`, `,
            )})
            order by u.sort, u.id`,
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    year: r.year,
    seq: r.seq,
    title: r.title,
    content: r.content,
    targets: r.targets,
    steps: r.steps,
    leadUnit: { id: r.lead_unit_id, name: r.lead_name },
    participantUnits: parts.filter((p) => p.task_id === r.id).map(({ id, name }) => ({ id, name })),
    deadline: r.deadline,
    system: r.system,
    systemLabel: r.system ? systems[r.system] : null,
    meetingId: r.meeting_id,
    note: r.note,
    state: r.state,
    stateLabel: taskStates[r.state],
    acceptedPercent: r.pct === null ? null : Number(r.pct),
    voided: r.voided,
    voidedReason: r.voided_reason,
  }));
}
