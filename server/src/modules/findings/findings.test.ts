import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import { multipartBody } from '../../platform/files/testing.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { openFinding } from './service.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe.each(backends())('findings on %s', (kind) => {
  let t: TestApp;
  let dir: string;
  let office: Client;
  let yala: Client;
  let yalaTown: number;
  let rongbuTown: number;

  const unitId = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const figures = async (c: Client, from: string, to: string) => {
    const r = await c.get(`/api/figures?division=540626&from=${from}&to=${to}`);
    expect(r.statusCode, r.body).toBe(200);
    const all = r.json<{ figures: { key: string; value: number | null }[] }>().figures;
    return Object.fromEntries(all.filter((f) => f.key.startsWith('findings.')).map((f) => [f.key, f.value]));
  };
  const open = (unitId: number, over: Record<string, unknown> = {}) =>
    office.post('/api/findings', {
      unitId,
      title: '学法台账记录不完整',
      severity: 'normal',
      foundOn: '2024-03-01',
      dueOn: '2024-04-30',
      ...over,
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-findings-test-'));
    t = await testApp(kind, { filesDir: dir });
    office = await t.as('office');
    yala = await t.as('yala');
    yalaTown = await unitId('亚拉镇人民政府');
    rongbuTown = await unitId('荣布镇人民政府');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a finding from open to closed, then reopens it with a reason; the figures follow', async () => {
    const before = await figures(office, '2024-01-01', '2024-12-31');
    const made = await open(yalaTown);
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json<{ id: string }>().id;
    expect(made.json()).toMatchObject({ state: 'open', source: { module: 'findings', kind: 'manual' } });

    // the township rectifies: measures, an uploaded piece of evidence, the report
    expect((await yala.post(`/api/findings/${id}/submit`, { on: '2024-03-05' })).json()).toMatchObject({
      status: 409,
      code: 'BAD_STATE',
    });
    const m = await yala.put(`/api/findings/${id}/measures`, {
      measures: '补齐学法台账，建立月查制度',
      on: '2024-03-05',
    });
    expect(m.json()).toMatchObject({ state: 'rectifying', measures: '补齐学法台账，建立月查制度' });
    const { body, headers } = multipartBody(
      { ownerEntity: 'findings.finding', ownerId: id },
      { name: '整改台账.pdf', bytes: pdf },
    );
    const file = await yala.request('POST', '/api/files', body, headers);
    expect(file.statusCode, file.body).toBe(200);
    const ev = await yala.post(`/api/findings/${id}/evidence`, {
      fileIds: [file.json().id],
      on: '2024-03-10',
    });
    expect(ev.json().evidenceFileIds).toEqual([file.json().id]);
    const sub = await yala.post(`/api/findings/${id}/submit`, { on: '2024-03-20', note: '已整改' });
    expect(sub.json()).toMatchObject({ state: 'submitted' });

    // the township cannot close its own finding
    expect((await yala.post(`/api/findings/${id}/verify`, { outcome: 'closed' })).statusCode).toBe(403);
    // a rejection needs a reason; then back to rectifying
    expect(
      (await office.post(`/api/findings/${id}/verify`, { outcome: 'rejected', on: '2024-03-21' })).json(),
    ).toMatchObject({
      errors: [{ field: 'note' }],
    });
    const back = await office.post(`/api/findings/${id}/verify`, {
      outcome: 'rejected',
      on: '2024-03-21',
      note: '佐证不全',
    });
    expect(back.json()).toMatchObject({ state: 'rectifying' });
    await yala.post(`/api/findings/${id}/submit`, { on: '2024-03-25' });
    const closed = await office.post(`/api/findings/${id}/verify`, { outcome: 'closed', on: '2024-03-28' });
    expect(closed.json()).toMatchObject({ state: 'closed', closedOn: '2024-03-28', overdue: false });

    const mid = await figures(office, '2024-01-01', '2024-12-31');
    expect(mid['findings.found']).toBe(before['findings.found']! + 1);
    expect(mid['findings.rectified']).toBe(before['findings.rectified']! + 1);
    expect(mid['findings.rectified']!).toBeLessThanOrEqual(mid['findings.found']!);

    // a closed finding cannot be closed again; reopening needs a reason and takes it out of "rectified"
    expect((await office.post(`/api/findings/${id}/verify`, { outcome: 'closed' })).json()).toMatchObject({
      status: 409,
      code: 'BAD_STATE',
    });
    expect((await office.post(`/api/findings/${id}/reopen`, {})).statusCode).toBe(400);
    const re = await office.post(`/api/findings/${id}/reopen`, {
      reason: '复查发现仍有缺项',
      on: '2024-05-06',
    });
    expect(re.json()).toMatchObject({ state: 'rectifying', closedOn: null, overdue: true });
    expect(re.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'measures',
      'evidence',
      'submitted',
      'rejected',
      'submitted',
      'closed',
      'reopened',
    ]);
    const after = await figures(office, '2024-01-01', '2024-12-31');
    expect(after['findings.rectified']).toBe(before['findings.rectified']);
    expect(after['findings.overdue']).toBe(before['findings.overdue']! + 1);

    const audit = await query<{ action: string }>(
      t.database.db,
      sql`select action from audit_events where entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toContain('findings.reopened');
  });

  it('offers each caller only the next steps the state and their permissions allow', async () => {
    const id = (await open(yalaTown)).json<{ id: string }>().id;
    const actions = async (c: Client) => {
      const r = await c.get(`/api/findings/${id}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ actions: string[] }>().actions;
    };
    // open: the township may write measures and add evidence, but not report yet nor verify
    const fresh = await actions(yala);
    expect(fresh).toEqual(['measures', 'evidence']);
    expect(fresh).not.toContain('verify');
    expect(await actions(office)).not.toContain('verify');
    // with measures on record the township may report; the list says the same as the detail
    await yala.put(`/api/findings/${id}/measures`, { measures: '补齐学法台账', on: '2024-03-05' });
    expect(await actions(yala)).toEqual(['measures', 'evidence', 'submit']);
    const listed = await yala.get(`/api/findings?unitId=${yalaTown}&pageSize=200`);
    const item = listed.json<{ items: { id: string; actions: string[] }[] }>().items.find((i) => i.id === id);
    expect(item?.actions).toEqual(['measures', 'evidence', 'submit']);
    // reported: only the office acts, by verifying (or voiding)
    await yala.post(`/api/findings/${id}/submit`, { on: '2024-03-20' });
    expect(await actions(yala)).toEqual([]);
    expect(await actions(office)).toEqual(['verify', 'void']);
    // closed: the office may only reopen it (or void it); the township nothing
    const closed = await office.post(`/api/findings/${id}/verify`, { outcome: 'closed', on: '2024-03-28' });
    expect(closed.json().actions).toEqual(['reopen', 'void']);
    expect(await actions(office)).toEqual(['reopen', 'void']);
    expect(await actions(yala)).toEqual([]);
    // voided: nothing is left to do for anyone
    const voided = await office.post(`/api/findings/${id}/void`, { reason: '重复登记' });
    expect(voided.json().actions).toEqual([]);
  });

  it('is overdue from the day after its due date, not on it', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const dueToday = (await open(yalaTown, { foundOn: yesterday, dueOn: today })).json();
    const dueYesterday = (await open(yalaTown, { foundOn: yesterday, dueOn: yesterday })).json();
    expect(dueToday.overdue).toBe(false);
    expect(dueYesterday.overdue).toBe(true);
    const list = await office.get(`/api/findings?overdue=true&unitId=${yalaTown}&pageSize=200`);
    const ids = list.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(ids).toContain(dueYesterday.id);
    expect(ids).not.toContain(dueToday.id);
  });

  it('shows a township clerk only its own township’s findings, filtered in the query', async () => {
    const theirs = (await open(rongbuTown)).json<{ id: string }>().id;
    const mine = (await open(yalaTown)).json<{ id: string }>().id;
    const list = await yala.get('/api/findings?pageSize=200');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; unitId: number }[]; total: number }>();
    expect(items.items.every((i) => i.unitId === yalaTown)).toBe(true);
    expect(items.items.map((i) => i.id)).toContain(mine);
    expect(items.total).toBe(items.items.length);
    expect((await yala.get(`/api/findings/${theirs}`)).statusCode).toBe(404);
    // asking for 荣布镇 explicitly gives nothing either
    expect((await yala.get(`/api/findings?unitId=${rongbuTown}`)).json().total).toBe(0);
    // nor may a township open or void one
    expect(
      (
        await yala.post('/api/findings', {
          unitId: yalaTown,
          title: '自查问题',
          foundOn: '2024-01-01',
          dueOn: '2024-02-01',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('opens a finding for another module inside its transaction, audited, and nothing on a bad input', async () => {
    const source = { module: 'assessment', kind: 'review', id: 'r-1' };
    const { id } = await inTx(t.database.db, { actor: Actor.system }, (tx) =>
      openFinding(tx, {
        source,
        unitId: yalaTown,
        title: '案卷缺少送达回证',
        severity: 'serious',
        foundOn: '2023-11-02',
        dueOn: '2023-12-31',
      }),
    );
    const got = await office.get(`/api/findings/${id}`);
    expect(got.json()).toMatchObject({ source, severity: 'serious', state: 'open', overdue: true });
    const bySource = await office.get('/api/findings?sourceModule=assessment&sourceKind=review');
    expect(bySource.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    await expect(
      inTx(t.database.db, { actor: Actor.system }, (tx) =>
        openFinding(tx, {
          source,
          unitId: yalaTown,
          title: '时限倒置',
          severity: 'minor',
          foundOn: '2023-11-02',
          dueOn: '2023-11-01',
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const n = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from findings where title = '时限倒置'`,
    );
    expect(n[0]!.n).toBe(0);
  });

  it('names the field of a bad request and writes nothing', async () => {
    const r = await open(yalaTown, { title: '时限早于发现日期', foundOn: '2024-03-01', dueOn: '2024-02-01' });
    expect(r.json()).toMatchObject({ status: 400, errors: [{ field: 'body.dueOn' }] });
    const n = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from findings where title = '时限早于发现日期'`,
    );
    expect(n[0]!.n).toBe(0);
  });
});
