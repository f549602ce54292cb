import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';

const YEAR = 'division=540626&from=2023-01-01&to=2023-12-31';

describe.each(backends())('activity ledger on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  const unit = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const figures = async (...keys: string[]) => {
    const r = await office.get(`/api/figures?${YEAR}&keys=${keys.join(',')}`);
    expect(r.statusCode, r.body).toBe(200);
    return Object.fromEntries(
      r.json<{ figures: { key: string; value: number }[] }>().figures.map((f) => [f.key, f.value]),
    );
  };
  const lecture = (unitId: number, extra: Record<string, unknown> = {}) => ({
    unitId,
    kind: 'publicityLecture',
    title: '《民法典》进村宣讲',
    date: '2023-06-15',
    place: '亚拉镇集镇广场',
    language: 'bilingual',
    participants: 120,
    materials: [
      { materialKind: 'handbook', quantity: 30 },
      { materialKind: 'confirmationForm', quantity: 25 },
    ],
    laws: ['《中华人民共和国民法典》'],
    ...extra,
  });

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
  });
  afterAll(() => t?.close());

  it('moves the publicity figures by exactly what a recorded lecture adds', async () => {
    const keys = [
      'publicity.lectures',
      'publicity.campaignEvents',
      'publicity.peopleReached',
      'publicity.handbooks',
      'publicity.confirmationForms',
      'publicity.materialsDistributed',
      'publicity.bilingualBroadcasts',
    ];
    const before = await figures(...keys);
    const r = await office.post('/api/activities', lecture(await unit('亚拉镇人民政府')));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ kindLabel: '集中宣讲', category: 'publicity', laws: ['民法典'] });
    const after = await figures(...keys);
    expect(after).toEqual({
      ...before,
      'publicity.lectures': before['publicity.lectures']! + 1,
      'publicity.campaignEvents': before['publicity.campaignEvents']! + 1,
      'publicity.peopleReached': before['publicity.peopleReached']! + 120,
      'publicity.handbooks': before['publicity.handbooks']! + 30,
      'publicity.confirmationForms': before['publicity.confirmationForms']! + 25,
      'publicity.materialsDistributed': before['publicity.materialsDistributed']! + 55,
    });
  });

  it('counts a training’s sessions, attendance and the units it reached', async () => {
    const keys = [
      'services.trainings',
      'services.trainingAttendance',
      'services.trainingDepartmentsCovered',
      'services.trainingTownshipsCovered',
    ];
    const before = await figures(...keys);
    const justice = await unit('索县司法局'); // a department the demo's trainings never reached
    const r = await office.post('/api/activities', {
      unitId: await unit('索县政务服务中心'),
      kind: 'govServiceTraining',
      title: '“互联网+政务服务”补训',
      date: '2023-12-20',
      place: '索县政务服务中心培训室',
      sessions: 2,
      attendance: [
        { unitId: justice, count: 6 },
        { unitId: await unit('亚拉镇人民政府'), count: 4 },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().attendanceTotal).toBe(10);
    expect(await figures(...keys)).toEqual({
      'services.trainings': before['services.trainings']! + 2,
      'services.trainingAttendance': before['services.trainingAttendance']! + 10,
      'services.trainingDepartmentsCovered': before['services.trainingDepartmentsCovered']! + 1,
      'services.trainingTownshipsCovered': before['services.trainingTownshipsCovered'],
    });
  });

  it('lets a township clerk record only for its own township, and lists only its own records', async () => {
    const yala = await t.as('yala');
    const rongbu = await unit('荣布镇人民政府');
    const refused = await yala.post('/api/activities', lecture(rongbu));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('unitId');

    const own = await yala.post('/api/activities', lecture(await unit('亚拉镇人民政府')));
    expect(own.statusCode, own.body).toBe(200);

    const list = await yala.get('/api/activities?pageSize=200');
    expect(list.statusCode).toBe(200);
    const page = list.json<{ total: number; items: { unitName: string; date: string }[] }>();
    expect(page.total).toBeGreaterThan(0);
    // The township's subtree: the township itself and its mediation committee, nothing of other townships.
    for (const i of page.items) expect(i.unitName).toMatch(/^亚拉镇/);
    const dates = page.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const other = await office.get(`/api/activities?unitId=${rongbu}&pageSize=1`);
    const otherId = other.json().items[0].id as string;
    expect((await yala.get(`/api/activities/${otherId}`)).statusCode).toBe(404);
    expect((await yala.post(`/api/activities/${otherId}/void`, { reason: '越权作废' })).statusCode).toBe(404);
  });

  it('filters by kind, unit, date range and language', async () => {
    const r = await office.get(
      '/api/activities?kind=broadcast&language=bilingual&from=2023-04-01&to=2023-06-30&pageSize=200',
    );
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json<{ items: { kind: string; language: string; date: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i).toMatchObject({ kind: 'broadcast', language: 'bilingual' });
      expect(i.date >= '2023-04-01' && i.date <= '2023-06-30').toBe(true);
    }
    const paged = await office.get('/api/activities?page=2&pageSize=5');
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 5 });
    expect(paged.json().items).toHaveLength(5);
  });

  it('names the field that is wrong', async () => {
    const yalaId = await unit('亚拉镇人民政府');
    const field = async (body: unknown) => {
      const r = await office.post('/api/activities', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      return r.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    };
    expect(await field({ ...lecture(yalaId), title: undefined })).toContain('body.title');
    expect(await field(lecture(yalaId, { date: '2023-02-30' }))).toContain('body.date');
    expect(await field(lecture(yalaId, { participants: undefined }))).toContain('body.participants');
    expect(await field(lecture(yalaId, { kind: 'bannerScreen' }))).toContain('body.quantity');
    expect(await field(lecture(yalaId, { language: 'en' }))).toContain('body.language');
    expect(
      await field(lecture(yalaId, { materials: [{ materialKind: 'handbook', quantity: 0 }] })),
    ).toContain('body.materials.0.quantity');
    expect(await field(lecture(yalaId, { date: '2999-01-01' }))).toEqual(['date']);
  });

  it('voids a record: kept and visible as voided, out of the figures, audited with the reason', async () => {
    const created = await office.post(
      '/api/activities',
      lecture(await unit('亚拉镇人民政府'), { participants: 77 }),
    );
    const id = created.json().id as string;
    const before = await figures('publicity.lectures', 'publicity.peopleReached');

    const v = await office.post(`/api/activities/${id}/void`, { reason: '重复登记' });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ voided: true, voidedReason: '重复登记' });
    expect((await office.post(`/api/activities/${id}/void`, { reason: '再次作废' })).statusCode).toBe(409);
    expect((await office.post(`/api/activities/${id}/void`, {})).json().errors[0].field).toBe('body.reason');

    expect(await figures('publicity.lectures', 'publicity.peopleReached')).toEqual({
      'publicity.lectures': before['publicity.lectures']! - 1,
      'publicity.peopleReached': before['publicity.peopleReached']! - 77,
    });
    expect((await office.get(`/api/activities/${id}`)).json()).toMatchObject({ id, voided: true });
    const listed = await office.get('/api/activities?pageSize=200&from=2023-06-15&to=2023-06-15');
    expect(listed.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const withVoided = await office.get(
      '/api/activities?pageSize=200&from=2023-06-15&to=2023-06-15&includeVoided=true',
    );
    expect(withVoided.json().items.map((i: { id: string }) => i.id)).toContain(id);

    const audit = await query<{ action: string; actor_name: string; diff: { reason: string } }>(
      t.database.db,
      sql`select action, actor_name, diff from audit_events where entity = 'activity' and entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['activities.create', 'activities.void']);
    expect(audit[1]).toMatchObject({ actor_name: 'office', diff: { reason: '重复登记' } });
    const [still] = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from activities where id = ${id}`,
    );
    expect(Number(still!.n)).toBe(1);
  });

  it('corrects a record as a whole and audits the difference', async () => {
    const created = await office.post('/api/activities', lecture(await unit('亚拉镇人民政府')));
    const id = created.json().id as string;
    const r = await office.put(
      `/api/activities/${id}`,
      lecture(await unit('亚拉镇人民政府'), { participants: 150 }),
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().participants).toBe(150);
    const [a] = await query<{ diff: Record<string, unknown> }>(
      t.database.db,
      sql`select diff from audit_events where entity_id = ${id} and action = 'activities.update'`,
    );
    expect(a!.diff).toEqual({ participants: [120, 150] });
  });

  it('refuses reading and recording to those without the permission', async () => {
    const counsel = await t.as('counsel');
    expect((await counsel.get('/api/activities')).statusCode).toBe(403);
    const leader = await t.as('leader');
    expect((await leader.get('/api/activities')).statusCode).toBe(200);
    expect((await leader.post('/api/activities', lecture(await unit('亚拉镇人民政府')))).statusCode).toBe(
      403,
    );
  });

  it('describes the kinds for the forms', async () => {
    const r = await office.get('/api/activities/kinds');
    expect(r.statusCode).toBe(200);
    expect(r.json().kinds.find((k: { code: string }) => k.code === 'govServiceTraining')).toMatchObject({
      category: 'training',
      metrics: { sessions: 'required', attendance: 'required' },
    });
  });
});
