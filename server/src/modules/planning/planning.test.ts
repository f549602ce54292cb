import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { multipartBody } from '../../platform/files/testing.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';

const YEAR = 'division=540626&from=2023-01-01&to=2023-12-31';

describe.each(backends())('planning on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let planId: string;
  const unit = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const task = async (body: Record<string, unknown>) => {
    const r = await office.post('/api/planning/tasks', {
      planId,
      leadUnitId: await unit('索县教育局'),
      system: 'legalPublicity',
      ...body,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ id: string; seq: number }>();
  };
  const stateOn = async (id: string, today: string) =>
    (await office.get(`/api/planning/tasks/${id}?today=${today}`)).json<{ state: string }>().state;

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    // A second 2023 plan, of the county government, so the demo plan's figures stay as they are.
    const r = await office.post('/api/planning/plans', {
      unitId: await unit('索县人民政府'),
      year: 2023,
      title: '索县人民政府2023年依法行政专项任务',
    });
    expect(r.statusCode, r.body).toBe(200);
    planId = r.json().id;
  });
  afterAll(() => t?.close());

  it('computes the demo year’s figures from the records', async () => {
    const r = await office.get(
      `/api/figures?${YEAR}&keys=planning.tasks.total,planning.tasks.done,planning.tasks.overdue,planning.tasks.completionRate,planning.supervisionNotices,planning.committeeMeetings`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const v = Object.fromEntries(
      r.json<{ figures: { key: string; value: number }[] }>().figures.map((f) => [f.key, f.value]),
    );
    expect(v).toEqual({
      'planning.tasks.total': 40,
      'planning.tasks.done': 37,
      'planning.tasks.overdue': 3,
      'planning.tasks.completionRate': 37 / 40,
      'planning.supervisionNotices': 4,
      'planning.committeeMeetings': 1,
    });
  });

  it('keeps the stored acceptance equal to what the reports say, and falls back to them for an earlier day', async () => {
    const drift = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from planning_tasks t
          where t.accepted_percent is distinct from (select p.percent from planning_progress p
            where p.task_id = t.id and p.role = 'lead' and p.status = 'accepted'
            order by p.reported_on desc, p.created_at desc limit 1)`,
    );
    expect(drift[0]!.n).toBe(0);
    // a demo task done in 2023 was not done yet at the start of that year
    const [done] = await query<{ id: string; accepted_on: string }>(
      t.database.db,
      sql`select id, accepted_on::text from planning_tasks where accepted_percent = 100 order by accepted_on limit 1`,
    );
    expect(await stateOn(done!.id, done!.accepted_on)).toBe('done');
    expect(await stateOn(done!.id, '2023-01-02')).not.toBe('done');
  });

  it('refuses a second plan for the same unit and year, and a plan outside the office’s county', async () => {
    const dup = await office.post('/api/planning/plans', {
      unitId: await unit('索县人民政府'),
      year: 2023,
      title: '重复的计划',
    });
    expect(dup.json()).toMatchObject({ status: 409, code: 'PLAN_EXISTS' });
    const far = await office.post('/api/planning/plans', {
      unitId: await unit('嘉黎县人民政府'),
      year: 2023,
      title: '越权计划',
    });
    expect(far.json()).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
  });

  describe('deadline states by the legal calendar', () => {
    it('a task due on 2023-10-08, a 调休 Sunday workday, is not overdue that day, overdue the next', async () => {
      const { id } = await task({ title: '国庆调休日到期的任务', deadline: '2023-10-08' });
      expect(await stateOn(id, '2023-10-08')).toBe('atRisk');
      expect(await stateOn(id, '2023-10-09')).toBe('overdue');
    });

    it('a deadline on a holiday runs to the next working day (民法典第二百零三条)', async () => {
      const { id } = await task({ title: '国庆节当日到期的任务', deadline: '2023-10-01' });
      // 10-02…10-06 are holidays and 10-07 a 调休 Saturday workday: the last day is 10-07.
      expect(await stateOn(id, '2023-10-07')).toBe('atRisk');
      expect(await stateOn(id, '2023-10-08')).toBe('overdue');
    });

    it('counts the ten working days of the early warning across 国庆 2023', async () => {
      const inside = await task({ title: '预警期内的任务', deadline: '2023-10-17' });
      const outside = await task({ title: '预警期外的任务', deadline: '2023-10-18' });
      // From 09-27: 09-28, 10-07, 10-08, 10-09 … 10-17 is the 10th working day (weekdays alone would give 10-11).
      expect(await stateOn(inside.id, '2023-09-27')).toBe('atRisk');
      expect(await stateOn(outside.id, '2023-09-27')).toBe('notStarted');
      const list = await office.get(`/api/planning/tasks?planId=${planId}&state=atRisk&today=2023-09-27`);
      expect(list.json().items.map((x: { id: string }) => x.id)).toContain(inside.id);
      expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(outside.id);
      expect(list.json().items.every((x: { state: string }) => x.state === 'atRisk')).toBe(true);
    });

    it('follows the plan’s own warning rule', async () => {
      const r = await office.put(`/api/planning/plans/${planId}`, {
        title: '索县人民政府2023年依法行政专项任务',
        riskWorkdays: 3,
        riskThreshold: 80,
      });
      expect(r.statusCode, r.body).toBe(200);
      const { id } = await task({ title: '三个工作日预警的任务', deadline: '2023-10-17' });
      expect(await stateOn(id, '2023-09-27')).toBe('notStarted');
      expect(await stateOn(id, '2023-10-12')).toBe('atRisk');
      await office.put(`/api/planning/plans/${planId}`, {
        title: '索县人民政府2023年依法行政专项任务',
        riskWorkdays: 10,
        riskThreshold: 80,
      });
    });
  });

  describe('progress', () => {
    it('is accepted or returned with a reason by the office; only accepted progress counts, audited', async () => {
      const yalaTown = await unit('亚拉镇人民政府');
      const { id } = await task({
        title: '乡镇法治宣传阵地建设',
        leadUnitId: yalaTown,
        participantUnitIds: [await unit('索县司法局')],
        deadline: '2023-12-29',
      });
      const yala = await t.as('yala');
      const sent = await yala.post(`/api/planning/tasks/${id}/progress`, {
        unitId: yalaTown,
        reportedOn: '2023-11-10',
        content: '已建成法治广场一处',
        percent: 100,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ role: 'lead', status: 'submitted' });
      expect(await stateOn(id, '2023-11-20')).toBe('notStarted');

      const noReason = await office.post(`/api/planning/progress/${sent.json().id}/review`, {
        decision: 'return',
      });
      expect(noReason.statusCode).toBe(400);
      const returned = await office.post(`/api/planning/progress/${sent.json().id}/review`, {
        decision: 'return',
        reason: '缺少照片等佐证材料',
      });
      expect(returned.json()).toMatchObject({ status: 'returned', reviewReason: '缺少照片等佐证材料' });
      const again = await office.post(`/api/planning/progress/${sent.json().id}/review`, {
        decision: 'accept',
      });
      expect(again.json()).toMatchObject({ status: 409, code: 'ALREADY_REVIEWED' });

      const second = await yala.post(`/api/planning/tasks/${id}/progress`, {
        unitId: yalaTown,
        reportedOn: '2023-11-15',
        content: '已建成法治广场一处，补充照片',
        percent: 100,
      });
      const accepted = await office.post(`/api/planning/progress/${second.json().id}/review`, {
        decision: 'accept',
      });
      expect(accepted.json()).toMatchObject({ status: 'accepted' });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const detail = (await yala.get(`/api/planning/tasks/${id}?today=${today}`)).json();
      expect(detail).toMatchObject({ state: 'done', acceptedPercent: 100 });
      expect(detail.progress.map((p: { status: string }) => p.status)).toEqual(['returned', 'accepted']);

      const audit = await query<{ action: string; diff: { reason: string | null } }>(
        t.database.db,
        sql`select action, diff from audit_events where entity_id = ${sent.json().id} order by id`,
      );
      expect(audit.map((a) => a.action)).toEqual(['planning.progress.report', 'planning.progress.return']);
      expect(audit[1]!.diff.reason).toBe('缺少照片等佐证材料');
    });

    it('requires the lead’s percentage, takes a participant’s part without one, and refuses other units', async () => {
      const justice = await unit('索县司法局');
      const { id } = await task({
        title: '乡镇公共法律服务工作站建设',
        leadUnitId: await unit('亚拉镇人民政府'),
        participantUnitIds: [justice, await unit('荣布镇人民政府')],
        deadline: '2023-12-29',
      });
      const yala = await t.as('yala');
      const noPct = await yala.post(`/api/planning/tasks/${id}/progress`, {
        unitId: await unit('亚拉镇人民政府'),
        reportedOn: '2023-06-01',
        content: '已启动',
      });
      expect(noPct.json()).toMatchObject({ status: 400, errors: [{ field: 'percent' }] });
      const forOther = await yala.post(`/api/planning/tasks/${id}/progress`, {
        unitId: await unit('荣布镇人民政府'),
        reportedOn: '2023-06-01',
        content: '替荣布镇报送',
      });
      expect(forOther.json()).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
      const stranger = await yala.post(`/api/planning/tasks/${id}/progress`, {
        unitId: await unit('索县教育局'),
        reportedOn: '2023-06-01',
        content: '无关单位',
      });
      expect(stranger.json()).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
      const rongbu = await t.as('rongbu');
      const part = await rongbu.post(`/api/planning/tasks/${id}/progress`, {
        unitId: await unit('荣布镇人民政府'),
        reportedOn: '2023-06-02',
        content: '本镇工作站已挂牌',
      });
      expect(part.json()).toMatchObject({ role: 'participant', percent: null, status: 'submitted' });
    });
    it('takes attachments uploaded for the reporting unit’s part of the task, and no others', async () => {
      const yalaTown = await unit('亚拉镇人民政府');
      const { id } = await task({
        title: '村（居）法律顾问全覆盖',
        leadUnitId: yalaTown,
        deadline: '2023-12-29',
      });
      const pdf = Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      );
      const upload = (c: Client, ownerEntity: string, ownerId: string) => {
        const { body, headers } = multipartBody(
          { ownerEntity, ownerId },
          { name: '佐证材料.pdf', bytes: pdf },
        );
        return c.request('POST', '/api/files', body, headers);
      };
      const yala = await t.as('yala');
      const file = await upload(yala, 'planning.taskUnit', `${id}:${yalaTown}`);
      expect(file.statusCode, file.body).toBe(200);
      const rongbu = await t.as('rongbu');
      expect((await upload(rongbu, 'planning.taskUnit', `${id}:${yalaTown}`)).statusCode).toBe(404);
      const elsewhere = await upload(office, 'planning.plan', planId);
      expect(elsewhere.statusCode, elsewhere.body).toBe(200);

      const report = (fileIds: string[]) =>
        yala.post(`/api/planning/tasks/${id}/progress`, {
          unitId: yalaTown,
          reportedOn: '2023-08-01',
          content: '已为各村聘请法律顾问',
          percent: 60,
          fileIds,
        });
      const wrong = await report([elsewhere.json().id]);
      expect(wrong.json()).toMatchObject({ status: 400, errors: [{ field: 'fileIds.0' }] });
      const ok = await report([file.json().id]);
      expect(ok.json()).toMatchObject({ fileIds: [file.json().id] });
    });
  });

  describe('supervision notices', () => {
    it('numbers notices gaplessly per year, a refused one taking no number', async () => {
      const lead = await unit('索县教育局');
      const { id } = await task({ title: '校园法治教育', deadline: '2023-11-30' });
      const issue = (body: Record<string, unknown>) =>
        office.post('/api/planning/notices', {
          targetUnitId: lead,
          taskIds: [id],
          issuedOn: '2023-09-27',
          subject: '校园法治教育推进缓慢',
          requirements: '请书面报告整改措施',
          ...body,
        });
      const officeUnit = await unit('中共索县委员会全面依法治县委员会办公室');
      const first = await issue({ unitId: officeUnit });
      expect(first.statusCode, first.body).toBe(200);
      const refused = await issue({ unitId: officeUnit, targetUnitId: await unit('索县公安局') });
      expect(refused.json()).toMatchObject({ status: 400, errors: [{ field: 'taskIds.0' }] });
      const second = await issue({ unitId: officeUnit, issuedOn: '2023-10-09' });
      // The demo issued 1–4 in 2023.
      expect([first.json().number, second.json().number]).toEqual(['索法督〔2023〕5号', '索法督〔2023〕6号']);

      // 5 working days from 09-27 across 国庆: 09-28, 10-07, 10-08, 10-09, 10-10.
      expect(first.json()).toMatchObject({ replyDue: '2023-10-10', replyWorkdays: 5 });
      expect(first.json().replyDueRule).toMatchObject({ unit: 'workday', length: 5 });
    });

    it('lists unanswered notices past their reply date as escalated, with a level by days overdue', async () => {
      const { id } = await task({ title: '普法责任清单公示', deadline: '2023-11-30' });
      const n = await office.post('/api/planning/notices', {
        unitId: await unit('中共索县委员会全面依法治县委员会办公室'),
        targetUnitId: await unit('索县教育局'),
        taskIds: [id],
        issuedOn: '2023-09-27',
        subject: '普法责任清单未公示',
        requirements: '请限期公示',
      });
      const nid = n.json().id as string;
      const escalated = async (today: string) =>
        (await office.get(`/api/planning/notices?escalated=true&today=${today}&pageSize=200`))
          .json<{
            items: { id: string; daysOverdue: number; escalationLevel: number; escalationLabel: string }[];
          }>()
          .items.find((x) => x.id === nid);
      expect(await escalated('2023-10-10')).toBeUndefined();
      expect(await escalated('2023-10-11')).toMatchObject({
        daysOverdue: 1,
        escalationLevel: 1,
        escalationLabel: '催办',
      });
      expect(await escalated('2023-10-20')).toMatchObject({
        daysOverdue: 10,
        escalationLevel: 2,
        escalationLabel: '通报',
      });
      expect(await escalated('2023-11-01')).toMatchObject({ escalationLevel: 3, escalationLabel: '约谈' });

      const jiaoyu = await t.as('jiaoyu');
      const reply = await jiaoyu.post(`/api/planning/notices/${nid}/reply`, {
        repliedOn: '2023-10-23',
        reply: '已在门户网站公示普法责任清单',
      });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(await escalated('2023-11-01')).toBeUndefined();
      const twice = await jiaoyu.post(`/api/planning/notices/${nid}/reply`, {
        repliedOn: '2023-10-24',
        reply: '再次回复',
      });
      expect(twice.json()).toMatchObject({ status: 409, code: 'ALREADY_REPLIED' });
    });

    it('keeps the demo’s unanswered notice escalated', async () => {
      const r = await office.get('/api/planning/notices?escalated=true&year=2023&pageSize=200');
      const items = r.json<{ items: { number: string; escalationLevel: number }[] }>().items;
      expect(items).toContainEqual(
        expect.objectContaining({ number: '索法督〔2023〕4号', escalationLevel: 3 }),
      );
    });
  });

  describe('committee meetings', () => {
    it('records the 第四次会议 and the tasks it assigned', async () => {
      const list = (await office.get('/api/planning/meetings?year=2023')).json<
        { id: string; title: string; tasks: unknown[] }[]
      >();
      const fourth = list.find((m) => m.title.includes('第四次会议'))!;
      expect(fourth.tasks.length).toBeGreaterThan(5);
      const r = await office.post('/api/planning/meetings', {
        unitId: await unit('中共索县委员会全面依法治县委员会办公室'),
        title: '全面依法治县委员会第五次会议',
        heldOn: '2023-12-20',
        agenda: ['听取年度法治政府建设情况汇报'],
        attendees: [{ name: '县长', unitName: '索县人民政府', role: '副主任' }],
        decisions: ['年度报告于次年3月1日前报送'],
      });
      expect(r.statusCode, r.body).toBe(200);
      const { id } = await task({
        title: '起草2023年度法治政府建设报告',
        deadline: '2023-12-29',
        meetingId: r.json().id,
      });
      const m = (await office.get(`/api/planning/meetings/${r.json().id}`)).json();
      expect(m.tasks.map((x: { id: string }) => x.id)).toEqual([id]);
    });
  });

  describe('scope', () => {
    it('shows a township only the tasks its township leads or joins', async () => {
      const yala = await t.as('yala');
      const yalaTown = await unit('亚拉镇人民政府');
      const mine = (await yala.get('/api/planning/tasks?pageSize=200')).json<{
        total: number;
        items: { leadUnit: { id: number }; participantUnits: { id: number }[] }[];
      }>();
      expect(mine.total).toBeGreaterThan(3);
      for (const x of mine.items)
        expect([x.leadUnit.id, ...x.participantUnits.map((u) => u.id)]).toContain(yalaTown);
      const all = (await office.get('/api/planning/tasks?year=2023&pageSize=1')).json().total as number;
      expect(all).toBeGreaterThan(mine.total);
      // the plan itself is readable through its tasks
      expect((await yala.get('/api/planning/plans?year=2023')).json().length).toBeGreaterThan(0);
    });

    it('shows the city its counties’ tasks, and the department only its own', async () => {
      const city = await t.as('city');
      const cityTotal = (await city.get('/api/planning/tasks?year=2023&pageSize=1')).json().total as number;
      const officeTotal = (await office.get('/api/planning/tasks?year=2023&pageSize=1')).json()
        .total as number;
      expect(cityTotal).toBe(officeTotal);
      const jiaoyu = await t.as('jiaoyu');
      const jy = await unit('索县教育局');
      const items = (await jiaoyu.get('/api/planning/tasks?pageSize=200')).json<{
        items: { leadUnit: { id: number }; participantUnits: { id: number }[] }[];
      }>().items;
      expect(items.length).toBeGreaterThan(0);
      for (const x of items) expect([x.leadUnit.id, ...x.participantUnits.map((u) => u.id)]).toContain(jy);
    });
  });
});
