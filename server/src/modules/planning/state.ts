import { sql, type SQL } from 'drizzle-orm';
import type { CalendarService } from '../../platform/calendar/service.js';
import { addDays } from '../../platform/calendar/dates.js';
import { addWorkingDays, dayResolver } from '../../platform/calendar/periods.js';

/**
 * A task's state, in one place. The legal calendar decides two cut-off dates for a given `today`,
 * and SQL compares each task's deadline with them, so a list can filter and page on the state:
 *
 * - overdue: the deadline has passed by the legal calendar. A deadline on a rest day runs to the
 *   next working day (民法典第二百零三条), so a task is overdue when a working day lies between its
 *   deadline and yesterday, i.e. deadline ≤ the last working day before today.
 * - atRisk: the deadline falls within the plan's N working days from today, i.e. deadline ≤ the N-th
 *   working day after today (today not counted, 民法典第二百零一条), with accepted progress below the
 *   plan's threshold.
 */
export interface Cutoffs {
  overdue: string;
  risk: string;
}

const MAX_LOOKBACK = 40; // the longest run of rest days (春节 + 藏历新年 + weekends) is far shorter

export async function cutoffsFor(
  calendar: CalendarService,
  today: string,
  riskWorkdays: number,
  divisionPath: string | null,
): Promise<Cutoffs> {
  const cal = await calendar.calendar();
  const day = dayResolver(cal, divisionPath);
  let d = addDays(today, -1);
  for (let i = 0; i < MAX_LOOKBACK && !day(d).work; i++) d = addDays(d, -1);
  return { overdue: d, risk: addWorkingDays(today, riskWorkdays, cal, divisionPath).end };
}

/** The latest accepted lead report's percentage of task `t`, counting reports reviewed by `upTo`. */
const acceptedFromReports = (upTo: SQL): SQL => sql`(
  select p.percent from planning_progress p
  where p.task_id = t.id and p.role = 'lead' and p.status = 'accepted'
    and (p.reviewed_at at time zone 'Asia/Shanghai')::date <= ${upTo}
  order by p.reported_on desc, p.created_at desc limit 1)`;

/**
 * The accepted lead percentage of task `t` as of `today`: the stored value once `today` has reached
 * its date (every ordinary request), the reports themselves only for an earlier day. Join it as
 * `cross join lateral (select … as pct offset 0) a`: without the offset the planner inlines it into
 * every branch of the state CASE.
 */
export const acceptedPercent = (today: string): SQL => sql`(case
  when t.accepted_on is null or t.accepted_on <= ${today}::date then t.accepted_percent
  else ${acceptedFromReports(sql`${today}::date`)} end)`;

/** Recomputes the stored acceptance of the tasks matched by `where` (over `planning_tasks t`). */
export const refreshAccepted = (where: SQL): SQL => sql`update planning_tasks t set
  accepted_percent = ${acceptedFromReports(sql`'infinity'::date`)},
  accepted_on = (select max((p.reviewed_at at time zone 'Asia/Shanghai')::date) from planning_progress p
    where p.task_id = t.id and p.role = 'lead' and p.status = 'accepted')
  where ${where}`;

/**
 * The state expression over task `t`, plan `pl` and cut-offs `rc(plan_id, overdue_cutoff, risk_cutoff)`.
 * Order matters: done wins; an overdue task is overdue whatever its progress.
 */
export const stateSql = (pct: SQL): SQL => sql`case
  when coalesce(${pct}, 0) >= 100 then 'done'
  when t.deadline <= rc.overdue_cutoff then 'overdue'
  when t.deadline <= rc.risk_cutoff and coalesce(${pct}, 0) < pl.risk_threshold then 'atRisk'
  when coalesce(${pct}, 0) = 0 then 'notStarted'
  else 'onTrack' end`;

/** A VALUES table of per-plan cut-offs, to join as rc. */
export function cutoffTable(rows: { planId: string; cut: Cutoffs }[]): SQL {
  if (!rows.length)
    return sql`(select null::uuid as plan_id, null::date as overdue_cutoff, null::date as risk_cutoff where false) as rc`;
  return sql`(values ${sql.join(
    rows.map((r) => sql`(${r.planId}::uuid, ${r.cut.overdue}::date, ${r.cut.risk}::date)`),
    sql`, `,
  )}) as rc(plan_id, overdue_cutoff, risk_cutoff)`;
}
