import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import type { CalendarService } from '../../platform/calendar/service.js';
import { addDays } from '../../platform/calendar/dates.js';
import { addWorkingDays, dayResolver, type CalendarData } from '../../platform/calendar/periods.js';
import { DomainError } from '../../platform/http/errors.js';
import type { TaskState } from './kinds.js';

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
  return {
    overdue: lastWorkingDayBefore(today, cal, divisionPath),
    risk: riskCutoff(today, riskWorkdays, cal, divisionPath),
  };
}

const isYearMissing = (e: unknown): e is DomainError =>
  e instanceof DomainError && e.code === 'CALENDAR_YEAR_MISSING';

/**
 * The last working day before today. Early in a year whose notice is not entered yet, its days are
 * not guessed: the search starts again from 31 December of the year before, so a task due in the
 * unknown days is not called overdue until the notice is entered.
 */
function lastWorkingDayBefore(today: string, cal: CalendarData, divisionPath: string | null) {
  const day = dayResolver(cal, divisionPath);
  let d = addDays(today, -1);
  for (let i = 0; i < MAX_LOOKBACK; i++) {
    try {
      if (day(d).work) return d;
      d = addDays(d, -1);
    } catch (e) {
      if (!isYearMissing(e) || d.slice(5) === '12-31') throw e;
      d = `${Number(d.slice(0, 4)) - 1}-12-31`;
    }
  }
  return d;
}

/**
 * The N-th working day after today. Late in December it may run into a year whose holiday notice is
 * not in the calendar yet; the task list must not fail for the whole county then, and the horizon is
 * not guessed either: it stops at the last day the calendar knows, so only tasks due by then are
 * flagged, until the administrator enters the notice (docs/OPERATIONS.md, Calendar).
 */
function riskCutoff(today: string, n: number, cal: CalendarData, divisionPath: string | null) {
  try {
    return addWorkingDays(today, n, cal, divisionPath).end;
  } catch (e) {
    if (!isYearMissing(e)) throw e;
    const year = (e.extra as { year: number }).year;
    return year > Number(today.slice(0, 4)) ? `${year - 1}-12-31` : today;
  }
}

/** The latest accepted lead report's percentage of task `t`, counting reports reviewed by `upTo`. */
const acceptedFromReports = (upTo: SQL): SQL => sql`(
  select p.percent from planning_progress p
  where p.task_id = t.id and p.role = 'lead' and p.status = 'accepted'
    and (p.reviewed_at at time zone 'Asia/Shanghai')::date <= ${upTo}
  order by p.reported_on desc, p.created_at desc limit 1)`;

/**
 * The accepted lead percentage of task `t` as of `today`: the stored value once `today` has reached
 * its date (every ordinary request: a review is dated by its own day in Beijing time), the reports
 * themselves only for an earlier day. Repeating it in an expression costs nothing when the stored
 * value answers; the subquery runs only for a task reviewed after `today`.
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
 * The accepted percentage of `t` for `today`, a missing one counting as 0. `stored`: no review is dated
 * after `today` (storedAnswers), so the column alone answers and the open-task index can serve.
 */
export const percentFor = (today: string, stored: boolean): SQL =>
  stored ? sql`coalesce(t.accepted_percent, 0)` : sql`coalesce(${acceptedPercent(today)}, 0)`;

/** Whether the stored acceptance answers for every task on `today`: every ordinary request's case. */
export async function storedAnswers(db: Db, today: string): Promise<boolean> {
  const [r] = await query<{ later: boolean }>(
    db,
    sql`select exists (select 1 from planning_tasks where accepted_on > ${today}::date) as later`,
  );
  return !r?.later;
}

/**
 * The state of task `t`, given its percentage `p` (percentFor), over the plan row
 * `v(overdue_cutoff, risk_cutoff, risk_threshold)` of visible.ts. Order matters: done wins; an overdue
 * task is overdue whatever its progress.
 */
export const stateOf = (p: SQL): SQL => sql`case
  when ${p} >= 100 then 'done'
  when t.deadline <= v.overdue_cutoff then 'overdue'
  when t.deadline <= v.risk_cutoff and ${p} < v.risk_threshold then 'atRisk'
  when ${p} = 0 then 'notStarted'
  else 'onTrack' end`;

/**
 * `stateOf(p) = state`, written as ranges on the deadline so a plan's index is scanned only over the
 * days that can hold the state, and with `p < 100` spelt out for every state but done, so the
 * open-task index (planning_tasks_open_idx) serves them. It relies on two facts: the overdue cut-off
 * lies before today and the risk cut-off after it, and a plan's threshold lies between 1 and 100
 * (planning_plans_threshold_ck) — so a task not started inside the warning period is at risk.
 * state-filter.test.ts checks it against a plain recomputation.
 */
export function stateIs(state: TaskState, p: SQL): SQL {
  switch (state) {
    case 'done':
      return sql`${p} >= 100`;
    case 'overdue':
      return sql`t.deadline <= v.overdue_cutoff and ${p} < 100`;
    case 'atRisk':
      return sql`t.deadline > v.overdue_cutoff and t.deadline <= v.risk_cutoff and ${p} < 100
        and ${p} < v.risk_threshold`;
    case 'notStarted':
      return sql`t.deadline > v.risk_cutoff and ${p} < 100 and ${p} = 0`;
    case 'onTrack':
      return sql`t.deadline > v.overdue_cutoff and ${p} < 100 and ${p} > 0
        and (t.deadline > v.risk_cutoff or ${p} >= v.risk_threshold)`;
  }
}
