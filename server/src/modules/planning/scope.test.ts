import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../app.js';
import { query } from '../../db/database.js';
import { Actor } from '../../platform/access/actor.js';
import { writeRows } from '../../platform/excel/sheet.js';
import { multipartBody } from '../../platform/files/testing.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { taskSheet } from './import.js';
import { MeetingService } from './meetings.js';
import { NoticeService } from './notices.js';
import { PlanService } from './plans.js';
import { PlanningService } from './service.js';

/**
 * Every planning route that addresses a record by id, proved against a record outside the caller's
 * units (route-walk.test.ts lists them as proved here): the county office cannot reach 嘉黎县's
 * records, 亚拉镇's clerk cannot reach a task or notice of 荣布镇 alone.
 */
describe.each(backends())('planning scope on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let yala: Client;
  const f = {} as Record<
    | 'jialiPlan'
    | 'jialiTask'
    | 'jialiProgress'
    | 'jialiNotice'
    | 'jialiMeeting'
    | 'ownPlan'
    | 'ownTask'
    | 'ownMeeting'
    | 'rongbuTask'
    | 'rongbuNotice'
    | 'yalaNotice',
    string
  > & { yalaTown: number; rongbuTown: number; office: number };
  const unit = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const one = async <T>(q: ReturnType<typeof sql>) => (await query<T>(t.database.db, q))[0]!;

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    yala = await t.as('yala');
    const { db, calendar, files } = t.platform;
    const plans = new PlanService(db, files);
    const tasks = new PlanningService(db, calendar, files);
    const ctx = { actor: Actor.system };
    const jiali = await unit('嘉黎县人民政府');
    const jp = await plans.createPlan(ctx, {
      unitId: jiali,
      year: 2023,
      title: '嘉黎县2023年任务清单',
      riskWorkdays: 10,
      riskThreshold: 80,
    });
    const jt = await tasks.createTask(ctx, {
      planId: jp.id,
      title: '嘉黎县任务',
      leadUnitId: jiali,
      participantUnitIds: [],
      deadline: '2023-12-29',
    });
    const jr = await tasks.reportProgress(ctx, jt.id, {
      unitId: jiali,
      reportedOn: '2023-06-01',
      content: '已启动',
      percent: 30,
      fileIds: [],
    });
    const jn = await new NoticeService(db, calendar, files).issue(ctx, {
      unitId: jiali,
      targetUnitId: jiali,
      taskIds: [jt.id],
      issuedOn: '2023-09-01',
      subject: '嘉黎县督办',
      requirements: '请回复',
      replyWorkdays: 5,
    });
    const jm = await new MeetingService(db).create(ctx, {
      unitId: jiali,
      title: '嘉黎县委员会会议',
      heldOn: '2023-03-01',
      agenda: ['部署'],
      attendees: [],
      decisions: [],
    });
    f.jialiPlan = jp.id;
    f.jialiTask = jt.id;
    f.jialiProgress = jr.id;
    f.jialiNotice = jn.id;
    f.jialiMeeting = jm.id;

    f.yalaTown = await unit('亚拉镇人民政府');
    f.rongbuTown = await unit('荣布镇人民政府');
    f.office = await unit('中共索县委员会全面依法治县委员会办公室');
    f.ownPlan = (
      await office.post('/api/planning/plans', { unitId: f.office, year: 2026, title: '2026年任务清单' })
    ).json().id;
    const task = async (leadUnitId: number, title: string) =>
      (
        await office.post('/api/planning/tasks', {
          planId: f.ownPlan,
          title,
          leadUnitId,
          deadline: '2026-12-30',
        })
      ).json().id as string;
    f.ownTask = await task(f.yalaTown, '亚拉镇任务');
    f.rongbuTask = await task(f.rongbuTown, '荣布镇任务');
    const notice = async (targetUnitId: number, taskId: string) =>
      (
        await office.post('/api/planning/notices', {
          unitId: f.office,
          targetUnitId,
          taskIds: [taskId],
          issuedOn: '2026-03-02',
          subject: '督办',
          requirements: '请回复',
        })
      ).json().id as string;
    f.rongbuNotice = await notice(f.rongbuTown, f.rongbuTask);
    f.yalaNotice = await notice(f.yalaTown, f.ownTask);
    f.ownMeeting = (
      await office.post('/api/planning/meetings', {
        unitId: f.office,
        title: '第五次会议',
        heldOn: '2026-03-01',
        agenda: ['部署'],
      })
    ).json().id;
  });
  afterAll(() => t?.close());

  const title = (table: string, id: string) =>
    one<{ title: string }>(sql`select title from ${sql.raw(table)} where id = ${id}`).then((r) => r.title);
  const voided = (table: string, id: string) =>
    one<{ v: boolean }>(sql`select voided_at is not null as v from ${sql.raw(table)} where id = ${id}`).then(
      (r) => r.v,
    );
  const planBody = { title: '改名', riskWorkdays: 10, riskThreshold: 80 };
  const taskBody = (leadUnitId: number) => ({ title: '改名', leadUnitId, deadline: '2026-12-30' });
  const meetingBody = { title: '改名', heldOn: '2026-03-01', agenda: ['部署'] };
  const importFile = async (planId: string) => {
    const { body, headers } = multipartBody(
      {},
      {
        name: 'x.xlsx',
        bytes: await writeRows(taskSheet, [
          { title: '导入任务', lead: '索县司法局', deadline: '2026-06-30' },
        ]),
      },
    );
    return office.request('POST', `/api/planning/plans/${planId}/tasks/import?dryRun=true`, body, headers);
  };

  const cases: Record<string, { outside(): Promise<void>; inside(): Promise<void> }> = {
    'GET /api/planning/plans/:id': {
      outside: async () => {
        expect((await office.get(`/api/planning/plans/${f.jialiPlan}`)).statusCode).toBe(404);
        expect((await yala.get(`/api/planning/plans/${f.jialiPlan}`)).statusCode).toBe(404);
      },
      inside: async () => expect((await yala.get(`/api/planning/plans/${f.ownPlan}`)).statusCode).toBe(200),
    },
    'PUT /api/planning/plans/:id': {
      outside: async () => {
        expect((await office.put(`/api/planning/plans/${f.jialiPlan}`, planBody)).statusCode).toBe(404);
        expect(await title('planning_plans', f.jialiPlan)).toBe('嘉黎县2023年任务清单');
      },
      inside: async () =>
        expect(
          (await office.put(`/api/planning/plans/${f.ownPlan}`, { ...planBody, title: '2026年任务清单' }))
            .statusCode,
        ).toBe(200),
    },
    'POST /api/planning/plans/:id/void': {
      outside: async () => {
        expect(
          (await office.post(`/api/planning/plans/${f.jialiPlan}/void`, { reason: '越权作废' })).statusCode,
        ).toBe(404);
        expect(await voided('planning_plans', f.jialiPlan)).toBe(false);
      },
      inside: async () => {
        const p = await office.post('/api/planning/plans', {
          unitId: f.office,
          year: 2027,
          title: '误建的计划',
        });
        expect(
          (await office.post(`/api/planning/plans/${p.json().id}/void`, { reason: '误建' })).statusCode,
        ).toBe(200);
      },
    },
    'POST /api/planning/plans/:id/documents': {
      outside: async () =>
        expect(
          (await office.post(`/api/planning/plans/${f.jialiPlan}/documents`, { title: '越权文件' }))
            .statusCode,
        ).toBe(404),
      inside: async () =>
        expect(
          (
            await office.post(`/api/planning/plans/${f.ownPlan}/documents`, { title: '《2026年工作要点》' })
          ).json().documents,
        ).toHaveLength(1),
    },
    'GET /api/planning/plans/:id/tasks/export': {
      outside: async () =>
        expect((await office.get(`/api/planning/plans/${f.jialiPlan}/tasks/export`)).statusCode).toBe(404),
      inside: async () =>
        expect((await office.get(`/api/planning/plans/${f.ownPlan}/tasks/export`)).statusCode).toBe(200),
    },
    'POST /api/planning/plans/:id/tasks/import': {
      outside: async () => expect((await importFile(f.jialiPlan)).statusCode).toBe(404),
      inside: async () =>
        expect((await importFile(f.ownPlan)).json()).toMatchObject({ dryRun: true, valid: 1 }),
    },
    'GET /api/planning/tasks/:id': {
      outside: async () => {
        expect((await yala.get(`/api/planning/tasks/${f.rongbuTask}`)).statusCode).toBe(404);
        expect((await office.get(`/api/planning/tasks/${f.jialiTask}`)).statusCode).toBe(404);
      },
      inside: async () => expect((await yala.get(`/api/planning/tasks/${f.ownTask}`)).statusCode).toBe(200),
    },
    'PUT /api/planning/tasks/:id': {
      outside: async () => {
        expect(
          (await office.put(`/api/planning/tasks/${f.jialiTask}`, taskBody(f.yalaTown))).statusCode,
        ).toBe(404);
        expect(await title('planning_tasks', f.jialiTask)).toBe('嘉黎县任务');
      },
      inside: async () =>
        expect(
          (
            await office.put(`/api/planning/tasks/${f.ownTask}`, {
              ...taskBody(f.yalaTown),
              title: '亚拉镇任务',
            })
          ).statusCode,
        ).toBe(200),
    },
    'POST /api/planning/tasks/:id/void': {
      outside: async () => {
        expect(
          (await office.post(`/api/planning/tasks/${f.jialiTask}/void`, { reason: '越权作废' })).statusCode,
        ).toBe(404);
        expect(await voided('planning_tasks', f.jialiTask)).toBe(false);
      },
      inside: async () => {
        const id = (
          await office.post('/api/planning/tasks', { planId: f.ownPlan, ...taskBody(f.yalaTown) })
        ).json().id;
        expect((await office.post(`/api/planning/tasks/${id}/void`, { reason: '重复' })).statusCode).toBe(
          200,
        );
      },
    },
    'POST /api/planning/tasks/:id/progress': {
      outside: async () => {
        const r = await yala.post(`/api/planning/tasks/${f.rongbuTask}/progress`, {
          unitId: f.yalaTown,
          reportedOn: '2023-06-01',
          content: '越权报送',
          percent: 10,
        });
        expect(r.statusCode).toBe(404);
        expect(
          (await query(t.database.db, sql`select 1 from planning_progress where task_id = ${f.rongbuTask}`))
            .length,
        ).toBe(0);
      },
      inside: async () => {
        const r = await yala.post(`/api/planning/tasks/${f.ownTask}/progress`, {
          unitId: f.yalaTown,
          reportedOn: '2023-06-01',
          content: '已启动',
          percent: 10,
        });
        expect(r.statusCode, r.body).toBe(200);
      },
    },
    'POST /api/planning/progress/:id/review': {
      outside: async () => {
        expect(
          (await office.post(`/api/planning/progress/${f.jialiProgress}/review`, { decision: 'accept' }))
            .statusCode,
        ).toBe(404);
        expect(
          (
            await one<{ status: string }>(
              sql`select status from planning_progress where id = ${f.jialiProgress}`,
            )
          ).status,
        ).toBe('submitted');
      },
      inside: async () => {
        const p = await yala.post(`/api/planning/tasks/${f.ownTask}/progress`, {
          unitId: f.yalaTown,
          reportedOn: '2023-06-02',
          content: '推进中',
          percent: 20,
        });
        expect(
          (await office.post(`/api/planning/progress/${p.json().id}/review`, { decision: 'accept' }))
            .statusCode,
        ).toBe(200);
      },
    },
    'GET /api/planning/notices/:id': {
      outside: async () => {
        expect((await yala.get(`/api/planning/notices/${f.rongbuNotice}`)).statusCode).toBe(404);
        expect((await office.get(`/api/planning/notices/${f.jialiNotice}`)).statusCode).toBe(404);
      },
      inside: async () =>
        expect((await yala.get(`/api/planning/notices/${f.yalaNotice}`)).statusCode).toBe(200),
    },
    'POST /api/planning/notices/:id/reply': {
      outside: async () => {
        const r = await yala.post(`/api/planning/notices/${f.rongbuNotice}/reply`, {
          repliedOn: '2026-03-03',
          reply: '越权回复',
        });
        expect(r.statusCode).toBe(404);
        expect(
          (
            await one<{ reply: string | null }>(
              sql`select reply from planning_notices where id = ${f.rongbuNotice}`,
            )
          ).reply,
        ).toBeNull();
      },
      inside: async () => {
        const r = await yala.post(`/api/planning/notices/${f.yalaNotice}/reply`, {
          repliedOn: '2026-03-03',
          reply: '已整改',
        });
        expect(r.statusCode, r.body).toBe(200);
      },
    },
    'POST /api/planning/notices/:id/void': {
      outside: async () => {
        expect(
          (await office.post(`/api/planning/notices/${f.jialiNotice}/void`, { reason: '越权作废' }))
            .statusCode,
        ).toBe(404);
        expect(await voided('planning_notices', f.jialiNotice)).toBe(false);
      },
      inside: async () =>
        expect(
          (
            await office.post(`/api/planning/notices/${f.rongbuNotice}/void`, { reason: '督办对象有误' })
          ).json(),
        ).toMatchObject({ voided: true }),
    },
    'GET /api/planning/meetings/:id': {
      outside: async () => {
        expect((await office.get(`/api/planning/meetings/${f.jialiMeeting}`)).statusCode).toBe(404);
        expect((await yala.get(`/api/planning/meetings/${f.ownMeeting}`)).statusCode).toBe(404);
      },
      inside: async () =>
        expect((await office.get(`/api/planning/meetings/${f.ownMeeting}`)).statusCode).toBe(200),
    },
    'PUT /api/planning/meetings/:id': {
      outside: async () => {
        expect((await office.put(`/api/planning/meetings/${f.jialiMeeting}`, meetingBody)).statusCode).toBe(
          404,
        );
        expect(await title('planning_meetings', f.jialiMeeting)).toBe('嘉黎县委员会会议');
      },
      inside: async () =>
        expect(
          (
            await office.put(`/api/planning/meetings/${f.ownMeeting}`, {
              ...meetingBody,
              title: '第五次会议',
            })
          ).statusCode,
        ).toBe(200),
    },
    'POST /api/planning/meetings/:id/void': {
      outside: async () => {
        expect(
          (await office.post(`/api/planning/meetings/${f.jialiMeeting}/void`, { reason: '越权作废' }))
            .statusCode,
        ).toBe(404);
        expect(await voided('planning_meetings', f.jialiMeeting)).toBe(false);
      },
      inside: async () => {
        const m = await office.post('/api/planning/meetings', {
          unitId: f.office,
          title: '误登记的会议',
          heldOn: '2026-03-05',
          agenda: ['无'],
        });
        expect(
          (await office.post(`/api/planning/meetings/${m.json().id}/void`, { reason: '误登记' })).statusCode,
        ).toBe(200);
      },
    },
  };

  for (const [route, c] of Object.entries(cases))
    it(`${route}: out of reach outside the caller’s units, reachable inside`, async () => {
      await c.outside();
      await c.inside();
    });

  it('covers exactly the planning routes that address a record by id', () => {
    const byId = routeTable(t.app)
      .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/planning/') && /:\w+/.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(Object.keys(cases).sort()).toEqual(byId.sort());
  });
});
