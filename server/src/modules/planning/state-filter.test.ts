import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { Actor, pathInScope, type Scope } from '../../platform/access/actor.js';
import { addDays } from '../../platform/calendar/dates.js';
import { dayResolver } from '../../platform/calendar/periods.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { taskStateCodes, type TaskState } from './kinds.js';
import { PlanService } from './plans.js';
import { PlanningService } from './service.js';
import { refreshAccepted, storedAnswers } from './state.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Raw {
  id: string;
  plan_id: string;
  year: number;
  seq: number;
  deadline: string;
  voided: boolean;
  risk_workdays: number;
  risk_threshold: number;
  owner_path: string;
  division_path: string;
  lead_path: string;
  part_paths: string[];
}

/**
 * The task list's state filter and the dashboard's counts (ranges on the deadline, per-plan visibility)
 * against a plain recomputation from the records: random tasks of three plans (one the office owns, one
 * of 嘉黎县 led or joined by 索县 units, the demo's), random accepted and returned lead reports, and days
 * on both sides of 国庆 2023 (9/29–10/6 off, 10/7–10/8 working Saturday and Sunday).
 */
describe.each(backends())('task states as deadline ranges on %s', (kind) => {
  let t: TestApp;
  const users: Record<string, Client> = {};
  const next = random(20231001);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const unit = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;

  beforeAll(async () => {
    t = await testApp(kind);
    users.office = await t.as('office');
    users.yala = await t.as('yala');
    const { db, calendar, files } = t.platform;
    const ctx = { actor: Actor.system };
    const plans = new PlanService(db, files);
    const tasks = new PlanningService(db, calendar, files);
    const own = await plans.createPlan(ctx, {
      unitId: await unit('索县人民政府'),
      year: 2023,
      title: '索县人民政府2023年专项任务',
      riskWorkdays: 5,
      riskThreshold: 60,
    });
    const far = await plans.createPlan(ctx, {
      unitId: await unit('嘉黎县人民政府'),
      year: 2023,
      title: '嘉黎县2023年任务清单',
      riskWorkdays: 10,
      riskThreshold: 80,
    });
    const pool = await Promise.all(
      [
        '索县教育局',
        '索县司法局',
        '亚拉镇人民政府',
        '亚拉镇人民调解委员会',
        '荣布镇人民政府',
        '嘉黎县人民政府',
      ].map(unit),
    );
    const created: string[] = [];
    for (let i = 0; i < 60; i++) {
      const leadUnitId = pick(pool);
      const others = pool.filter((u) => u !== leadUnitId && next() < 0.25);
      const task = await tasks.createTask(ctx, {
        planId: i % 2 ? own.id : far.id,
        title: `随机任务${i}`,
        leadUnitId,
        participantUnitIds: others,
        deadline: addDays('2023-09-15', Math.floor(next() * 50)),
      });
      created.push(task.id);
      // Lead reports (accepted, returned or waiting) and a participant's, reviewed within days.
      for (let k = Math.floor(next() * 4); k > 0; k--) {
        const reportedOn = addDays('2023-09-10', Math.floor(next() * 40));
        const status = pick(['accepted', 'accepted', 'returned', 'submitted']);
        const reviewedOn = addDays(reportedOn, Math.floor(next() * 6));
        await db.execute(sql`insert into planning_progress
          (task_id, unit_id, role, reported_on, content, percent, status, reviewed_at, created_at)
          values (${task.id}, ${leadUnitId}, 'lead', ${reportedOn}, '进展', ${pick([0, 30, 59, 60, 79, 80, 100])},
            ${status}, ${status === 'submitted' ? null : `${reviewedOn} 12:00+08`}::timestamptz,
            ${`${reportedOn} 09:00+08`}::timestamptz + ${`${k} minutes`}::interval)`);
      }
      if (others.length && next() < 0.5)
        await db.execute(sql`insert into planning_progress (task_id, unit_id, role, reported_on, content, percent,
            status, reviewed_at) values (${task.id}, ${others[0]!}, 'participant', '2023-09-20', '配合', 100,
            'accepted', '2023-09-21 12:00+08')`);
    }
    await db.execute(refreshAccepted(sql`t.plan_id in (${own.id}, ${far.id})`));
    for (const id of [created[3]!, created[8]!]) await tasks.voidTask(ctx, id, '重复录入');
  });
  afterAll(() => t?.close());

  /** Every task's state for `today`, recomputed from the records with the calendar's day-by-day answer. */
  async function expected(username: string, today: string) {
    const db = t.database.db;
    const scopes = await query<Scope>(
      db,
      sql`select o.path, g.subtree from role_grants g join users u on u.id = g.user_id
          join roles r on r.code = g.role_code join org_units o on o.id = g.unit_id
          where u.username = ${username} and 'planning.read' = any(r.permissions)`,
    );
    const tasks = await query<Raw>(
      db,
      sql`select t.id, t.plan_id, pl.year, t.seq, t.deadline::text as deadline, t.voided_at is not null as voided,
            pl.risk_workdays, pl.risk_threshold, o.path as owner_path, d.path as division_path, lu.path as lead_path,
            array(select u.path from planning_task_units tu join org_units u on u.id = tu.unit_id
                  where tu.task_id = t.id) as part_paths
          from planning_tasks t join planning_plans pl on pl.id = t.plan_id
          join org_units o on o.id = pl.unit_id join divisions d on d.code = o.division_code
          join org_units lu on lu.id = t.lead_unit_id
          where pl.voided_at is null`,
    );
    const reports = await query<{
      task_id: string;
      percent: number;
      reported_on: string;
      created_at: Date;
      reviewed_on: string;
    }>(
      db,
      sql`select task_id, percent, reported_on::text as reported_on, created_at,
            ((reviewed_at at time zone 'Asia/Shanghai')::date)::text as reviewed_on
          from planning_progress where role = 'lead' and status = 'accepted'`,
    );
    const cal = await t.platform.calendar.calendar();
    const seen = (p: string) => scopes.some((s) => pathInScope(p, s));
    const state = (r: Raw): TaskState => {
      const day = dayResolver(cal, r.division_path);
      const latest = reports
        .filter((p) => p.task_id === r.id && p.reviewed_on <= today)
        .sort(
          (a, b) =>
            b.reported_on.localeCompare(a.reported_on) ||
            new Date(b.created_at).getTime() - new Date(a.created_at).getTime(),
        )[0];
      const pct = latest?.percent ?? 0;
      if (pct >= 100) return 'done';
      // the last day: a deadline on a rest day runs to the next working day
      let last = r.deadline;
      while (!day(last).work) last = addDays(last, 1);
      if (last < today) return 'overdue';
      let warnEnd = today;
      for (let n = 0; n < r.risk_workdays;) if (day((warnEnd = addDays(warnEnd, 1))).work) n++;
      if (r.deadline <= warnEnd && pct < r.risk_threshold) return 'atRisk';
      return pct === 0 ? 'notStarted' : 'onTrack';
    };
    return tasks
      .filter((r) => !r.voided && [r.owner_path, r.lead_path, ...r.part_paths].some(seen))
      .sort((a, b) => b.year - a.year || a.plan_id.localeCompare(b.plan_id) || a.seq - b.seq)
      .map((r) => ({ id: r.id, state: state(r) }));
  }

  /** Every page of the list, 7 tasks a page so pages straddle plans. */
  async function listed(username: string, params: string) {
    const ids: string[] = [];
    const states = new Set<string>();
    let total = -1;
    for (let page = 1; page < 100; page++) {
      const r = await users[username]!.get(`/api/planning/tasks?${params}&pageSize=7&page=${page}`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json<{ items: { id: string; state: string }[]; total: number }>();
      total = body.total;
      body.items.forEach((i) => (ids.push(i.id), states.add(i.state)));
      if (body.items.length < 7) break;
    }
    return { ids, total, states };
  }

  // before, during and after 国庆; the last day is past every review, so the stored acceptance answers
  const days = [
    '2023-09-22',
    '2023-09-28',
    '2023-09-29',
    '2023-10-06',
    '2023-10-07',
    '2023-10-09',
    '2023-10-20',
    '2023-12-01',
    '2024-01-15',
  ];

  it('reads the reports for a day before the last review, the stored acceptance after it', async () => {
    expect(await storedAnswers(t.database.db, '2023-10-09')).toBe(false);
    expect(await storedAnswers(t.database.db, '2024-01-15')).toBe(true);
  });

  it.each(['office', 'yala'])(
    'lists for %s exactly the tasks the records give each state, in order',
    async (user) => {
      let inScope = 0;
      const seenStates = new Set<string>();
      for (const today of days) {
        const want = await expected(user, today);
        inScope = want.length;
        for (const s of taskStateCodes) {
          const ids = want.filter((w) => w.state === s).map((w) => w.id);
          if (ids.length) seenStates.add(s);
          const got = await listed(user, `today=${today}&state=${s}`);
          expect({ today, s, ids: got.ids, total: got.total }).toEqual({ today, s, ids, total: ids.length });
          if (ids.length) expect([...got.states]).toEqual([s]);
        }
        const all = await listed(user, `today=${today}`);
        expect(all.ids).toEqual(want.map((w) => w.id));
      }
      // the fixture reaches every state and both sides of the scope
      expect(seenStates.size).toBe(5);
      expect(inScope).toBeGreaterThan(user === 'office' ? 60 : 5);
    },
  );

  it('counts on the dashboard what the records give, state by state', async () => {
    for (const today of days) {
      const want = await expected('office', today);
      const r = await users.office!.get(`/api/planning/dashboard?year=2023&today=${today}`);
      expect(r.statusCode, r.body).toBe(200);
      const got = Object.fromEntries(
        r.json<{ byState: { state: string; count: number }[] }>().byState.map((b) => [b.state, b.count]),
      );
      const counts = Object.fromEntries(
        taskStateCodes.map((s) => [s, want.filter((w) => w.state === s).length]),
      );
      expect({ today, ...got }).toEqual({ today, ...counts });
    }
  });
});
