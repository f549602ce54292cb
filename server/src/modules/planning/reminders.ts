import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import { addDays } from '../../platform/calendar/dates.js';
import { notify } from '../../platform/notifications/index.js';
import type { Platform } from '../../platform/platform.js';
import { taskLink } from './notify.js';
import { acceptedPercent, cutoffsFor } from './state.js';
import { todayInShanghai } from './units.js';

/** A task is "approaching" when its deadline is within this many working days of today (today not counted). */
export const REMIND_WORKDAYS = 3;
/** Tasks overdue longer than this are not announced: a first run must not flood clerks with old news. */
const PASSED_LOOKBACK_DAYS = 30;

/**
 * The hourly deadline reminder: a task not done (accepted progress below 100%) is announced to its
 * lead and participating units once when its deadline comes within REMIND_WORKDAYS working days and
 * once when it has passed, by the legal calendar of the plan's division (the same cut-offs as the
 * task states in state.ts). Re-runs write nothing new: the notices are sent `once`.
 */
export async function remindDeadlines(platform: Platform, today: string) {
  // The calendar loads through platform.db: every cut-off is computed before the transaction opens.
  const paths = await query<{ path: string }>(
    platform.db,
    sql`select distinct d.path from planning_plans pl join org_units o on o.id = pl.unit_id
        join divisions d on d.code = o.division_code where pl.voided_at is null`,
  );
  if (!paths.length) return { approaching: 0, passed: 0 };
  const cuts = await Promise.all(
    paths.map(async ({ path }) => ({
      path,
      ...(await cutoffsFor(platform.calendar, today, REMIND_WORKDAYS, path)),
    })),
  );
  const rc = sql`(values ${sql.join(
    cuts.map((c) => sql`(${c.path}, ${c.overdue}::date, ${c.risk}::date)`),
    sql`, `,
  )}) as rc(path, overdue_cutoff, risk_cutoff)`;
  return inTx(platform.db, { actor: Actor.system }, async (t) => {
    const due = await query<{
      id: string;
      title: string;
      deadline: string;
      units: number[];
      passed: boolean;
    }>(
      t.db,
      sql`select t.id, t.title, t.deadline::text as deadline, t.deadline <= rc.overdue_cutoff as passed,
            array_prepend(t.lead_unit_id, array(select tu.unit_id from planning_task_units tu
              where tu.task_id = t.id)) as units
          from planning_tasks t join planning_plans pl on pl.id = t.plan_id
          join org_units o on o.id = pl.unit_id join divisions d on d.code = o.division_code
          join ${rc} on rc.path = d.path
          where t.voided_at is null and pl.voided_at is null and t.deadline <= rc.risk_cutoff
            and t.deadline >= ${addDays(today, -PASSED_LOOKBACK_DAYS)}::date
            and coalesce(${acceptedPercent(today)}, 0) < 100`,
    );
    const sent = { approaching: 0, passed: 0 };
    for (const task of due) {
      const kind = task.passed ? 'passed' : 'approaching';
      sent[kind] += await notify(t, {
        units: task.units.map(Number),
        permission: 'planning.report',
        kind: `planning.task.${kind}`,
        title: task.passed ? `任务已逾期：${task.title}` : `任务即将到期：${task.title}`,
        body: task.passed
          ? `任务“${task.title}”的完成时限 ${task.deadline} 已过，尚未办结，请尽快办理并报送进展。`
          : `任务“${task.title}”的完成时限为 ${task.deadline}，已不足 ${REMIND_WORKDAYS} 个工作日，请抓紧办理并及时报送进展。`,
        link: taskLink(task.id),
        entity: 'planning_task',
        entityId: task.id,
        once: true,
      });
    }
    return sent;
  });
}

export const deadlineReminderJob = {
  name: 'planning.deadlineReminders',
  everyMinutes: 60,
  run: (platform: Platform) => remindDeadlines(platform, todayInShanghai()).then(() => undefined),
};
