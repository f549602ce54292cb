import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import type { PlanningDashboard } from './dashboard.js';

const URL = '/api/planning/dashboard?year=2023&division=540626';

describe.each(backends())('planning dashboard on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  const unit = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const board = async (c: Client, url = URL) => {
    const r = await c.get(url);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<PlanningDashboard>();
  };
  const state = (d: PlanningDashboard, s: string) => d.byState.find((x) => x.state === s)!.count;

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
  });
  afterAll(() => t?.close());

  it('counts the demo year: 40 tasks, 37 done, 3 overdue; 4 notices, 3 replied, 1 escalated', async () => {
    const d = await board(office);
    expect(d.total).toBe(40);
    expect(state(d, 'done')).toBe(37);
    expect(state(d, 'overdue')).toBe(3);
    expect(d.byState.reduce((n, s) => n + s.count, 0)).toBe(40);
    expect(d.byLeadUnit.reduce((n, u) => n + u.total, 0)).toBe(40);
    expect(d.byLeadUnit.reduce((n, u) => n + u.overdue, 0)).toBe(3);
    expect(d.bySystem.reduce((n, s) => n + s.done, 0)).toBe(37);
    expect(d.notices).toMatchObject({ issued: 4, replied: 3, escalated: 1 });
    expect(d.byState.find((s) => s.state === 'overdue')!.link).toBe(
      '/planning/tasks?year=2023&state=overdue',
    );
    // overdue units come first, and each row's drill-down lists exactly what it counted
    const first = d.byLeadUnit[0]!;
    expect(first.overdue).toBeGreaterThan(0);
    const list = await office.get(`/api/planning${first.links.overdue.slice('/planning'.length)}`);
    expect(list.json().total).toBe(first.overdue);
    expect(d.notices.links.escalated).toBe('/planning/notices?year=2023&escalated=true');
  });

  it('agrees with the task list, state by state', async () => {
    const d = await board(office);
    for (const s of d.byState) {
      const r = await office.get(`/api/planning/tasks?year=2023&state=${s.state}&pageSize=1`);
      expect(r.json().total, s.state).toBe(s.count);
    }
  });

  it('counts for a township clerk only the tasks its township leads or joins', async () => {
    const yala = await t.as('yala');
    const d = await board(yala);
    const yalaTown = await unit('亚拉镇人民政府');
    const [own] = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from planning_tasks t join planning_plans pl on pl.id = t.plan_id
          where pl.year = 2023 and t.voided_at is null and (t.lead_unit_id = ${yalaTown} or exists (
            select 1 from planning_task_units tu where tu.task_id = t.id and tu.unit_id = ${yalaTown}))`,
    );
    expect(d.total).toBe(own!.n);
    expect(d.total).toBeLessThan(40);
    expect((await yala.get('/api/planning/tasks?year=2023&pageSize=1')).json().total).toBe(d.total);
    // the notices yala sees are the ones addressed to it: none in the demo
    expect(d.notices.issued).toBe(0);
  });

  it('answers a bad division or year with a 400 naming the field, and nothing for another year', async () => {
    expect((await office.get('/api/planning/dashboard?division=999999')).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'division' }],
    });
    expect((await office.get('/api/planning/dashboard?year=abc')).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'querystring.year' }],
    });
    const empty = await board(office, '/api/planning/dashboard?year=2019');
    expect(empty.total).toBe(0);
    expect(empty.byLeadUnit).toEqual([]);
  });

  it('changes when a task is added', async () => {
    const before = await board(office);
    const [plan] = await query<{ id: string }>(
      t.database.db,
      sql`select id from planning_plans where year = 2023 and voided_at is null`,
    );
    const lead = await unit('索县教育局');
    const r = await office.post('/api/planning/tasks', {
      planId: plan!.id,
      title: '驾驶舱测试：年底前完成法治教育基地建设',
      leadUnitId: lead,
      deadline: '2023-12-29',
      system: 'legalPublicity',
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = await board(office);
    expect(after.total).toBe(before.total + 1);
    expect(state(after, 'overdue')).toBe(state(before, 'overdue') + 1);
    const row = (d: PlanningDashboard) => d.byLeadUnit.find((u) => u.unitId === lead);
    expect(row(after)!.overdue).toBe((row(before)?.overdue ?? 0) + 1);
    const sys = (d: PlanningDashboard) => d.bySystem.find((s) => s.system === 'legalPublicity');
    expect(sys(after)!.total).toBe((sys(before)?.total ?? 0) + 1);
  });
});
