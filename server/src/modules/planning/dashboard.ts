import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { query, type Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/actor.js';
import { badInput } from '../../platform/http/errors.js';
import {
  systemCodes,
  systems,
  taskStateCodes,
  taskStates,
  type TaskState,
  type TaskSystem,
} from './kinds.js';
import { noticeVisible, overdueDays } from './notices.js';
import { P, type PlanningService } from './service.js';
import { percentFor, stateOf, storedAnswers } from './state.js';
import { todayInShanghai } from './units.js';
import { planTable, visibleInPlan, type VisiblePlan } from './visible.js';

// ——— contract ———

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const DashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('计划年度，默认今年'),
  division: z
    .string()
    .regex(/^\d{6,12}$/, '行政区划代码应为 6—12 位数字')
    .optional()
    .describe('行政区划代码：只计工作计划所属单位在该区划（含下级）内的任务和督办单位在其内的督办单'),
  today: isoDate.optional().describe('按哪一天计算任务状态和督办逾期（默认今天）'),
});
export type DashboardQuery = z.output<typeof DashboardQuery>;

const count = z.number().int();
const Completion = z.object({
  total: count,
  done: count,
  overdue: count,
  atRisk: count,
  /** drill-down web paths, one per count */
  links: z.object({ total: z.string(), done: z.string(), overdue: z.string(), atRisk: z.string() }),
});

export const PlanningDashboard = z.object({
  year: z.number().int(),
  divisionCode: z.string().nullable(),
  today: z.string(),
  byState: z
    .array(z.object({ state: z.enum(taskStateCodes), label: z.string(), count, link: z.string() }))
    .describe('各状态任务数（状态按 today 实时计算，与任务清单一致）'),
  total: count,
  byLeadUnit: z
    .array(Completion.extend({ unitId: z.number().int(), unitName: z.string() }))
    .describe('按牵头单位统计的完成情况，逾期多的在前'),
  bySystem: z
    .array(Completion.extend({ system: z.enum(systemCodes).nullable(), label: z.string() }))
    .describe('按所属体系统计的完成情况（未标注体系的归入“未标注”）'),
  notices: z
    .object({
      issued: count,
      replied: count,
      escalated: count,
      links: z.object({ issued: z.string(), replied: z.string(), escalated: z.string() }),
    })
    .describe('督办单：当年下发（不含作废）、已回复、逾期未回复（已升级）'),
});
export type PlanningDashboard = z.infer<typeof PlanningDashboard>;

// ——— aggregates ———

interface Group {
  gl: number;
  gs: number;
  lead_unit_id: number | null;
  lead_name: string | null;
  system: TaskSystem | null;
  total: number;
  done: number;
  overdue: number;
  at_risk: number;
  not_started: number;
  on_track: number;
}

const link = (path: string, params: Record<string, string | number | undefined>) => {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return q ? `${path}?${q}` : path;
};

/** The path of a division, by code; a code that does not exist is a 400. */
async function divisionPath(db: Db, code: string): Promise<string> {
  const [d] = await query<{ path: string }>(db, sql`select path from divisions where code = ${code}`);
  if (!d) throw badInput('division', `行政区划代码 ${code} 不存在`);
  return d.path;
}

/**
 * The state of each visible task of `plans`, read from planning_tasks_state_idx alone, counted by lead
 * unit, by system and in all at once; unit names are joined to the few groups, not to the tasks.
 */
export const stateGroups = (plans: readonly VisiblePlan[], p: SQL): SQL =>
  sql`with x as (
        select t.lead_unit_id, t.system, ${stateOf(p)} as state
        from ${planTable(plans)} join planning_tasks t on t.plan_id = v.plan_id
        where t.voided_at is null and ${visibleInPlan}),
      g as (
        select grouping(x.lead_unit_id)::int as gl, grouping(x.system)::int as gs, x.lead_unit_id, x.system,
          count(*)::int as total,
          count(*) filter (where x.state = 'done')::int as done,
          count(*) filter (where x.state = 'overdue')::int as overdue,
          count(*) filter (where x.state = 'atRisk')::int as at_risk,
          count(*) filter (where x.state = 'notStarted')::int as not_started,
          count(*) filter (where x.state = 'onTrack')::int as on_track
        from x group by grouping sets ((), (x.lead_unit_id), (x.system)))
      select g.*, lu.name as lead_name from g left join org_units lu on lu.id = g.lead_unit_id
      order by g.overdue desc, lu.sort, g.lead_unit_id`;

/**
 * The planning cockpit: every count is one SQL aggregate over the tasks the caller sees (the same
 * visibility and the same state expression as the task list, so a drill-down lists what was counted).
 */
export async function planningDashboard(
  db: Db,
  service: PlanningService,
  actor: Actor,
  f: DashboardQuery,
): Promise<PlanningDashboard> {
  const today = f.today ?? todayInShanghai();
  const year = f.year ?? Number(today.slice(0, 4));
  const division = f.division ? await divisionPath(db, f.division) : undefined;
  await service.warm();
  const plans = await service.visiblePlans(db, actor.scopes(P.read), today, {
    year,
    divisionPath: division,
  });
  const p = percentFor(today, await storedAnswers(db, today));
  const groups = await query<Group>(db, stateGroups(plans, p));
  const days = overdueDays(today);
  const [n] = await query<{ issued: number; replied: number; escalated: number }>(
    db,
    sql`select count(*)::int as issued,
          count(*) filter (where n.replied_on is not null)::int as replied,
          count(*) filter (where (${days}) > 0)::int as escalated
        from planning_notices n join org_units iu on iu.id = n.unit_id
        join org_units tu on tu.id = n.target_unit_id
        where n.voided_at is null and n.year = ${year} and ${noticeVisible(actor, P.read)}
          ${division ? sql`and n.unit_id in (select u.id from org_units u join divisions d on d.code = u.division_code where d.path like ${`${division}%`})` : sql``}`,
  );

  const tasks = (extra: Record<string, string | number | undefined>) =>
    link('/planning/tasks', { year, ...extra, today: f.today });
  const completion = (g: Group, by: Record<string, string | number | undefined>) => ({
    total: g.total,
    done: g.done,
    overdue: g.overdue,
    atRisk: g.at_risk,
    links: {
      total: tasks(by),
      done: tasks({ ...by, state: 'done' }),
      overdue: tasks({ ...by, state: 'overdue' }),
      atRisk: tasks({ ...by, state: 'atRisk' }),
    },
  });
  const all = groups.find((g) => g.gl === 1 && g.gs === 1);
  const stateCount: Record<TaskState, number> = {
    notStarted: all?.not_started ?? 0,
    onTrack: all?.on_track ?? 0,
    atRisk: all?.at_risk ?? 0,
    overdue: all?.overdue ?? 0,
    done: all?.done ?? 0,
  };
  const notices = (extra: Record<string, string>) =>
    link('/planning/notices', { year, ...extra, today: f.today });
  return {
    year,
    divisionCode: f.division ?? null,
    today,
    byState: taskStateCodes.map((state) => ({
      state,
      label: taskStates[state],
      count: stateCount[state],
      link: tasks({ state }),
    })),
    total: all?.total ?? 0,
    byLeadUnit: groups
      .filter((g) => g.gl === 0)
      .map((g) => ({
        unitId: g.lead_unit_id!,
        unitName: g.lead_name!,
        ...completion(g, { leadUnitId: g.lead_unit_id! }),
      })),
    bySystem: groups
      .filter((g) => g.gs === 0)
      .sort((a, b) => systemOrder(a.system) - systemOrder(b.system))
      .map((g) => ({
        system: g.system,
        label: g.system ? systems[g.system] : '未标注',
        // untagged tasks cannot be filtered on in the list: their drill-down is the year's list
        ...completion(g, g.system ? { system: g.system } : {}),
      })),
    notices: {
      issued: n?.issued ?? 0,
      replied: n?.replied ?? 0,
      escalated: n?.escalated ?? 0,
      links: {
        issued: notices({}),
        replied: notices({ replied: 'true' }),
        escalated: notices({ escalated: 'true' }),
      },
    },
  };
}

const systemOrder = (s: TaskSystem | null) => (s ? systemCodes.indexOf(s) : systemCodes.length);
