import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { addDays } from '../../platform/calendar/dates.js';
import { calendarServiceFor } from '../../platform/calendar/service.js';
import { unitsInFigureScope } from '../../platform/figures/registry.js';
import type { FigureDef, FigurePeriod, FigureScope } from '../../platform/manifest.js';
import { cutoffsFor } from './state.js';
import { todayInShanghai } from './units.js';

const COMMON = '（只计未作废的任务及其未作废的工作计划，计划所属单位在所选行政区划及本人权限范围内）';

/**
 * The day a period's task figures are taken on: the day after the period ends (so a task due on its
 * last day is judged by then), or today while the period is still running.
 */
const asOf = (period: FigurePeriod) => {
  const after = addDays(period.to, 1);
  const today = todayInShanghai();
  return after < today ? after : today;
};

/** Tasks due in the period, with their accepted lead percentage as of the period's end. */
function tasksDue(scope: FigureScope, period: FigurePeriod): SQL {
  const lastDay = addDays(asOf(period), -1);
  return sql`select t.id, t.deadline, (
      select p.percent from planning_progress p
      where p.task_id = t.id and p.role = 'lead' and p.status = 'accepted'
        and (p.reviewed_at at time zone 'Asia/Shanghai')::date <= ${lastDay}::date
      order by p.reported_on desc, p.created_at desc limit 1) as pct
    from planning_tasks t join planning_plans pl on pl.id = t.plan_id
    where t.voided_at is null and pl.voided_at is null
      and t.deadline between ${period.from}::date and ${period.to}::date
      and t.unit_id in (${unitsInFigureScope(scope)})`;
}

async function taskCounts(db: Db, scope: FigureScope, period: FigurePeriod) {
  // Overdue by the legal calendar of the division asked about (state.ts explains the cut-off).
  const cut = await cutoffsFor(calendarServiceFor(db), asOf(period), 1, scope.divisionPath);
  const [r] = await query<{ total: number; done: number; overdue: number }>(
    db,
    sql`select count(*)::int as total,
          count(*) filter (where coalesce(x.pct, 0) >= 100)::int as done,
          count(*) filter (where coalesce(x.pct, 0) < 100 and x.deadline <= ${cut.overdue}::date)::int as overdue
        from (${tasksDue(scope, period)}) x`,
  );
  return { total: Number(r?.total ?? 0), done: Number(r?.done ?? 0), overdue: Number(r?.overdue ?? 0) };
}

export const planningFigures: FigureDef[] = [
  {
    key: 'planning.tasks.total',
    label: '法治政府建设任务',
    unit: '项',
    drill: { path: '/planning/tasks' },
    definition: `任务清单中完成时限在期间内的任务数${COMMON}`,
    compute: async ({ db, scope, period }) => (await taskCounts(db, scope, period)).total,
  },
  {
    key: 'planning.tasks.done',
    label: '已完成任务',
    unit: '项',
    drill: { path: '/planning/tasks?state=done' },
    definition: `完成时限在期间内、截至期末牵头单位报送的进度经依法治县办采纳为100%的任务数${COMMON}`,
    compute: async ({ db, scope, period }) => (await taskCounts(db, scope, period)).done,
  },
  {
    key: 'planning.tasks.overdue',
    label: '逾期未完成任务',
    unit: '项',
    drill: { path: '/planning/tasks?state=overdue' },
    definition: `完成时限在期间内、截至期末（期间未结束的截至今天）已过完成时限（最后一日为节假日的顺延至其后第一个工作日）仍未经采纳为完成的任务数${COMMON}`,
    compute: async ({ db, scope, period }) => (await taskCounts(db, scope, period)).overdue,
  },
  {
    key: 'planning.tasks.completionRate',
    label: '任务完成率',
    unit: '比例',
    drill: { path: '/planning/tasks' },
    definition: `已完成任务数 ÷ 完成时限在期间内的任务总数（0—1 之间的比例；没有任务时无值）${COMMON}`,
    compute: async ({ db, scope, period }) => {
      const c = await taskCounts(db, scope, period);
      return c.total ? c.done / c.total : null;
    },
  },
  {
    key: 'planning.supervisionNotices',
    label: '下发督办单',
    unit: '份',
    drill: { path: '/planning/notices' },
    definition:
      '期间内下发的督办单份数，按督办日期计，不含作废的督办单（只计督办单位在所选行政区划及本人权限范围内的）',
    async compute({ db, scope, period }) {
      const [r] = await query<{ n: number }>(
        db,
        sql`select count(*)::int as n from planning_notices n where n.voided_at is null
            and n.issued_on between ${period.from}::date and ${period.to}::date
            and n.unit_id in (${unitsInFigureScope(scope)})`,
      );
      return Number(r?.n ?? 0);
    },
  },
  {
    key: 'planning.committeeMeetings',
    label: '全面依法治县委员会会议',
    unit: '次',
    drill: { path: '/planning/meetings' },
    definition:
      '期间内召开的全面依法治县委员会会议次数，按召开日期计，不含作废的会议记录（只计会议所属单位在所选行政区划及本人权限范围内的）',
    async compute({ db, scope, period }) {
      const [r] = await query<{ n: number }>(
        db,
        sql`select count(*)::int as n from planning_meetings m where m.voided_at is null
            and m.held_on between ${period.from}::date and ${period.to}::date
            and m.unit_id in (${unitsInFigureScope(scope)})`,
      );
      return Number(r?.n ?? 0);
    },
  },
];
