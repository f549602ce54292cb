import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { query, type Database } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { backends, openTestDatabase, testApp, type TestApp } from '../../test/harness.js';
import { Actor } from '../access/actor.js';
import { purgeAudit, verifyAudit } from './chain.js';

interface AuditRow {
  id: number;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  diff: Record<string, unknown> | null;
  ip: string | null;
  request_id: string | null;
}

const todayInBeijing = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe.each(backends())('audit trail on %s', (kind) => {
  let t: TestApp;
  const rows = (where = sql`true`) =>
    query<AuditRow>(t.database.db, sql`select * from audit_events where ${where} order by id`);
  const count = async (table: 'audit_events' | 'org_units') =>
    (
      await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`)
    )[0]!.n;
  const idOf = async (table: 'users' | 'org_units', column: 'username' | 'name', value: string) =>
    (
      await query<{ id: string | number }>(
        t.database.db,
        sql`select id from ${sql.identifier(table)} where ${sql.identifier(column)} = ${value}`,
      )
    )[0]!.id;

  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it('records a unit created through the API: actor, action, entity, id, diff, ip and request id', async () => {
    const admin = await t.as('admin');
    const suo = await idOf('org_units', 'name', '索县人民政府');
    const r = await admin.request(
      'POST',
      '/api/org/units',
      { name: '索县审计测试办公室', kind: 'other', parentId: suo },
      { 'x-request-id': 'audit-test-create-unit' },
    );
    expect(r.statusCode).toBe(200);
    const [row, ...more] = await rows(sql`request_id = 'audit-test-create-unit'`);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actor_id: await idOf('users', 'username', 'admin'),
      actor_name: 'admin',
      action: 'org.unit.create',
      entity: 'org.unit',
      entity_id: String(r.json().id),
      ip: '127.0.0.1',
      diff: expect.objectContaining({ name: '索县审计测试办公室', parentId: suo, kind: 'other' }),
    });
  });

  it('adds no row and changes nothing when a write fails validation or a domain rule', async () => {
    const admin = await t.as('admin');
    const suo = await idOf('org_units', 'name', '索县人民政府');
    const [events, units] = [await count('audit_events'), await count('org_units')];
    const invalid = await admin.post('/api/org/units', { name: '索', kind: 'other', parentId: suo });
    expect(invalid.json()).toMatchObject({ status: 400, errors: [{ field: 'body.name' }] });
    const duplicate = await admin.post('/api/org/units', {
      name: '索县教育局',
      kind: 'department',
      parentId: suo,
    });
    expect(duplicate.json()).toMatchObject({ status: 409, code: 'DUPLICATE_NAME' });
    expect([await count('audit_events'), await count('org_units')]).toEqual([events, units]);
  });

  it('writes the change and its audit row in one transaction: if the row cannot be written, neither is', async () => {
    const admin = await t.as('admin');
    const suo = await idOf('org_units', 'name', '索县人民政府');
    await t.database.db.execute(
      sql`alter table audit_events add constraint no_unit_create check (action <> 'org.unit.create') not valid`,
    );
    try {
      const r = await admin.post('/api/org/units', { name: '索县无审计单位', kind: 'other', parentId: suo });
      expect(r.statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql`alter table audit_events drop constraint no_unit_create`);
    }
    expect(await query(t.database.db, sql`select 1 from org_units where name = '索县无审计单位'`)).toEqual(
      [],
    );
  });

  it('masks phone numbers and password hashes in diffs', async () => {
    const admin = await t.as('admin');
    const justice = await idOf('org_units', 'name', '索县司法局');
    const made = await admin.post('/api/org/users', {
      username: 'masked',
      displayName: '达瓦',
      unitId: justice,
      phone: '13912345678',
    });
    expect(made.statusCode).toBe(200);
    const id = made.json().user.id as string;
    await admin.patch(`/api/org/users/${id}`, { phone: '13987654321' });
    const [created, updated] = await rows(sql`entity = 'org.user' and entity_id = ${id}`);
    expect(created!.diff).toMatchObject({ phoneEnc: '***', passwordHash: '***', displayName: '达瓦' });
    expect(updated!.diff).toMatchObject({ phoneEnc: ['***', '***'] });
    const text = JSON.stringify([created!.diff, updated!.diff]);
    expect(text).not.toMatch(/13912345678|13987654321|sm4:|scrypt|\$/);
  });

  it('shows the phone unmasked only to a holder of org.user.personal, and audits that read', async () => {
    const office = await idOf('users', 'username', 'office');
    const personalReads = () => rows(sql`action = 'org.user.personal.read' and entity_id = ${office}`);
    const admin = await t.as('admin');
    expect((await admin.get(`/api/org/users/${office}`)).json().phone).toBe('13908961234');
    const [read, ...more] = await personalReads();
    expect(more).toEqual([]);
    expect(read).toMatchObject({ actor_name: 'admin', entity: 'org.user' });

    const security = await t.as('security'); // reads users, but not their personal data
    expect((await security.get(`/api/org/users/${office}`)).json().phone).toBe('139****1234');
    expect(await personalReads()).toHaveLength(1);
  });

  it('lets the auditor, and only the auditor, read the trail by actor, entity and date (三员分立)', async () => {
    const auditor = await t.as('auditor');
    const today = todayInBeijing();
    const r = await auditor.get(`/api/audit/events?actor=admin&entity=org.unit&from=${today}&to=${today}`);
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { actorName: string; entity: string; action: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.actorName === 'admin' && e.entity === 'org.unit')).toBe(true);
    const past = await auditor.get('/api/audit/events?actor=admin&from=2020-01-01&to=2020-12-31');
    expect(past.json().items).toEqual([]);

    const admin = await t.as('admin');
    expect((await admin.get('/api/audit/events')).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const suo = await idOf('org_units', 'name', '索县人民政府');
    const manage = await auditor.post('/api/org/units', {
      name: '审计员建的单位',
      kind: 'other',
      parentId: suo,
    });
    expect(manage.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});

describe.each(backends())('audit chain verification on %s', (kind) => {
  let database: Database;
  const system = { actor: Actor.system, requestId: 'chain-test' };
  const append = (n: number) =>
    inTx(database.db, system, async (t) => {
      for (let i = 0; i < n; i++)
        t.audit({ action: 'test.write', entity: 'test', entityId: i, diff: { n: [i, i + 1] } });
    });
  const lastIds = async (n: number) =>
    (
      await query<{ id: number }>(
        database.db,
        sql`select id::int as id from audit_events order by id desc limit ${n}`,
      )
    ).map((r) => r.id);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('verifies the demo database’s chain', async () => {
    const r = await verifyAudit(database.db);
    expect(r).toMatchObject({ ok: true });
    expect(r.rows).toBeGreaterThan(0);
  });

  it('names the row whose diff was edited in the database', async () => {
    await append(3);
    const [, middle] = await lastIds(3);
    await database.db.execute(sql`update audit_events set diff = '{"n": [0, 99]}' where id = ${middle}`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenAt: middle });
    await database.db.execute(sql`update audit_events set diff = '{"n": [1, 2]}' where id = ${middle}`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('names the row after the gap when a middle row is deleted', async () => {
    await append(3);
    const [last, middle] = await lastIds(3);
    await database.db.execute(sql`delete from audit_events where id = ${middle}`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenAt: last });
  });
});

describe.each(backends())('audit tail and retention on %s', (kind) => {
  let database: Database;
  const system = { actor: Actor.system };
  const append = (n: number) =>
    inTx(database.db, system, async (t) => {
      for (let i = 0; i < n; i++) t.audit({ action: 'test.write', entity: 'test', entityId: i });
    });

  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(() => database.close());

  it('notices that the last rows were deleted, from the chain head', async () => {
    await append(3);
    const ids = (
      await query<{ id: number }>(
        database.db,
        sql`select id::int as id from audit_events order by id desc limit 2`,
      )
    ).map((r) => r.id);
    await database.db.execute(sql`delete from audit_events where id in (${ids[0]}, ${ids[1]})`);
    const r = await verifyAudit(database.db);
    expect(r).toMatchObject({ ok: false, brokenAt: ids[1] });
    expect(r.ok || r.reason).toMatch(/链尾/);
  });

  it('keeps the chain verifiable after rows older than the cutoff are purged', async () => {
    await append(2);
    await sleep(20);
    const cutoff = new Date();
    await sleep(20);
    await append(2);
    const before = await verifyAudit(database.db);
    const removed = await inTx(database.db, system, (t) => purgeAudit(t.db, cutoff));
    expect(removed).toBe(before.rows - 2);
    await append(1);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true, rows: 3 });
  });
});
