import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable, type RouteEntry } from '../../app.js';
import { query } from '../../db/database.js';
import { Client, DEMO_PASSWORD, backends, testApp, type Res, type TestApp } from '../../test/harness.js';
import type { App } from '../manifest.js';
import { PUBLIC, SESSION } from '../http/plugin.js';
import { builtinRoles } from './roles.js';
import { accountabilityScopeCases } from '../../modules/accountability/testing.js';
import { assessmentScopeCases } from '../../modules/assessment/testing.js';

/**
 * Walks Fastify's whole route table: whatever route a module adds is walked here without anyone
 * listing it, for the 401 / 403 layer; a route that addresses a record by id must also be put in
 * `scopeCases` (proved below), `scopedByOwner` (proved in the named test) or `notUnitOwned` (with the
 * reason), or the walk fails.
 */

/** One account per built-in role; `newuser` still holds its initial password. */
const ACCOUNTS = [
  'admin',
  'security',
  'auditor',
  'office',
  'city',
  'leader',
  'jiaoyu',
  'yala',
  'mediator',
  'fuyi',
  'counsel',
  'newuser',
] as const;

/** What a user with an initial password may still do (the rest answers PASSWORD_CHANGE_REQUIRED). */
const BEFORE_PASSWORD_CHANGE = ['/api/auth/me', '/api/auth/logout', '/api/auth/password', '/api/nav'];

/** Routes with a record id in the path whose record no unit owns, and why. */
const notUnitOwned: Record<string, string> = {
  'PUT /api/access/roles/:code': '角色是全区通用的权限集合，不属于任何单位',
  'PUT /api/calendar/national/:year':
    '全国节假日安排适用于所有区划，不属于任何单位；只有全区（省级）管理员可录入，见 calendar.test.ts',
};

/**
 * Routes whose record belongs to another module's record, which decides the scope (a file's owner,
 * through the manifest's fileOwners), and the test file that proves it.
 */
const scopedByOwner: Record<string, string> = {
  'GET /api/files/:id': 'server/src/platform/files/files.test.ts',
  'POST /api/files/:id/void': 'server/src/platform/files/files.test.ts',
  // a regional calendar day belongs to a division; the division-scope check is proved there
  'DELETE /api/calendar/days/:id': 'server/src/platform/calendar/calendar.test.ts',
  // a notification is addressed to one user, not a unit: another user's answers 404
  'POST /api/notifications/:id/read': 'server/src/platform/notifications/notifications.test.ts',
  // a portal submission is scoped by its receiving unit and its kind's owning module, proved there
  'GET /api/intake/submissions/:id': 'server/src/platform/intake/intake.test.ts',
  'POST /api/intake/submissions/:id/retry': 'server/src/platform/intake/intake.test.ts',
};

/** Routes whose by-id scope test lives beside their module (one case per route, outside and inside). */
const scopeProvedBeside: Record<string, string> = Object.fromEntries(
  [
    'GET /api/planning/plans/:id',
    'PUT /api/planning/plans/:id',
    'POST /api/planning/plans/:id/void',
    'POST /api/planning/plans/:id/documents',
    'GET /api/planning/plans/:id/tasks/export',
    'POST /api/planning/plans/:id/tasks/import',
    'GET /api/planning/tasks/:id',
    'PUT /api/planning/tasks/:id',
    'POST /api/planning/tasks/:id/void',
    'POST /api/planning/tasks/:id/progress',
    'POST /api/planning/progress/:id/review',
    'GET /api/planning/notices/:id',
    'POST /api/planning/notices/:id/reply',
    'POST /api/planning/notices/:id/void',
    'GET /api/planning/meetings/:id',
    'PUT /api/planning/meetings/:id',
    'POST /api/planning/meetings/:id/void',
  ].map((r) => [r, 'server/src/modules/planning/scope.test.ts']),
);
for (const r of [
  'GET /api/reports/:id',
  'GET /api/reports/:id/preview',
  'POST /api/reports/:id/preview',
  'PUT /api/reports/:id/outline',
  'POST /api/reports/:id/render',
  'POST /api/reports/:id/comments/start',
  'POST /api/reports/:id/comments',
  'POST /api/reports/:id/comments/close',
  'POST /api/reports/:id/submit',
  'POST /api/reports/:id/signoff',
  'POST /api/reports/:id/secrecy-review',
  'POST /api/reports/:id/publish',
  'GET /api/reports/:id/workflow',
  'GET /api/reports/:id/versions/:seq',
  'GET /api/reports/:id/docx',
  'GET /api/reports/:id/html',
])
  scopeProvedBeside[r] = 'server/src/modules/reports/scope.test.ts';
for (const r of [
  'GET /api/reconsideration/cases/:id',
  'PATCH /api/reconsideration/cases/:id',
  'GET /api/reconsideration/cases/:id/publication',
  'GET /api/reconsideration/cases/:id/documents/:kind',
  ...[
    'accept',
    'refuse',
    'correction-notice',
    'correction-received',
    'correction-extend',
    'switch-procedure',
    'copy-sent',
    'reply',
    'hearings',
    'hearing-record',
    'consultation',
    'suspend',
    'resume',
    'extend',
    'decide',
    'mediate',
    'terminate',
    'publish',
  ].map((a) => `POST /api/reconsideration/cases/:id/${a}`),
])
  scopeProvedBeside[r] = 'server/src/modules/reconsideration/reconsideration.test.ts';
for (const r of [
  'GET /api/mediation/cases/:id',
  'GET /api/mediation/cases/:id/route',
  'GET /api/mediation/cases/:id/agreement.docx',
  ...['assign', 'sessions', 'close', 'follow-ups', 'confirmation', 'confirmation/ruling', 'void'].map(
    (a) => `POST /api/mediation/cases/:id/${a}`,
  ),
  'POST /api/mediation/visits/:id/close',
  'POST /api/mediation/visits/:id/void',
  'POST /api/mediation/questions/:id/answer',
  'PUT /api/mediation/committees/:unitId/profile',
  'POST /api/mediation/mediators/:id/trainings',
  'POST /api/mediation/mediators/:id/void',
  'GET /api/mediation/rounds/:id',
  'GET /api/mediation/rounds/:id/payout',
  'GET /api/mediation/rounds/:id/payout.xlsx',
  'POST /api/mediation/rounds/:id/evaluations',
  'POST /api/mediation/rounds/:id/pay',
])
  scopeProvedBeside[r] = 'server/src/modules/mediation/scope.test.ts';

/** A client from its own address, so the per-address rate limits of login and password do not interfere. */
class From extends Client {
  constructor(
    app: App,
    private readonly ip: string,
  ) {
    super(app);
  }
  override request(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, url, payload, { 'x-forwarded-for': this.ip, ...headers });
  }
}

let lastIp = 0;
async function signIn(t: TestApp, username: string): Promise<From> {
  const c = new From(t.app, `10.0.${Math.floor(++lastIp / 250)}.${lastIp % 250}`);
  const r = await c.post('/api/auth/login', { username, password: DEMO_PASSWORD });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  return c;
}

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const isRouterMiss = (r: Res) => r.statusCode === 404 && r.body.includes('没有这个地址');
const GATE_CODES = new Set([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'CSRF',
]);
/** Refused at the gate (not by the route's own rules): HEAD answers carry no body, so status alone. */
function refusedAtGate(r: Res, method: string): boolean {
  if (r.statusCode !== 401 && r.statusCode !== 403) return false;
  if (method === 'HEAD') return true;
  return GATE_CODES.has(r.json<{ code: string }>().code);
}

interface Samples {
  unitId: number;
  userId: string;
  grantId: string;
}

/**
 * A path with its parameters filled: real records for those who must be refused, records that do
 * not exist for those let through (so passing the gate ends in 404/400 and changes nothing).
 * The gate runs before validation, so a parameter without a sample gets a fresh uuid; whether a
 * by-id route is scope-tested is the classification test's business, below.
 */
function fill(url: string, s: Samples, real: boolean): string {
  return url.replace(/:(\w+)|\*/g, (m, _name: string, offset: number) => {
    if (m === '*') return 'index.html';
    const collection = url.slice(0, offset).split('/').filter(Boolean).at(-1);
    switch (collection) {
      case 'units':
        return String(real ? s.unitId : 999999);
      case 'users':
        return real ? s.userId : randomUUID();
      case 'grants':
        return real ? s.grantId : randomUUID();
      case 'roles':
        return real ? 'leader' : 'noSuchRole';
      default:
        return randomUUID();
    }
  });
}

const call = (c: Client, route: RouteEntry, url: string) =>
  c.request(route.method, url, route.method === 'GET' || route.method === 'HEAD' ? undefined : {});

describe.each(backends())('route walk on %s', (kind) => {
  let t: TestApp;
  let routes: RouteEntry[];
  let samples: Samples;
  const clients = new Map<string, From>();
  const held = new Map<string, Set<string>>();
  const unitId = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const userId = async (username: string) =>
    (await query<{ id: string }>(t.database.db, sql`select id from users where username = ${username}`))[0]!
      .id;

  beforeAll(async () => {
    t = await testApp(kind, { trustProxy: true });
    routes = routeTable(t.app).filter((r) => r.url.startsWith('/api'));
    const rongbu = await userId('rongbu');
    samples = {
      unitId: await unitId('荣布镇人民政府'),
      userId: rongbu,
      grantId: (
        await query<{ id: string }>(t.database.db, sql`select id from role_grants where user_id = ${rongbu}`)
      )[0]!.id,
    };
    for (const u of ACCOUNTS) {
      const c = await signIn(t, u);
      clients.set(u, c);
      held.set(u, new Set((await c.get('/api/auth/me')).json<{ permissions: string[] }>().permissions));
    }
  });
  afterAll(() => t.close());

  it('finds every module’s routes, each declaring a permission that is public, session or registered', () => {
    expect(routes.length).toBeGreaterThan(30);
    const undeclared = routes.filter(
      (r) =>
        r.permission !== PUBLIC &&
        r.permission !== SESSION &&
        !t.platform.permissions.has(r.permission ?? ''),
    );
    expect(undeclared.map(key)).toEqual([]);
  });

  it('refuses anonymous visitors (401) on every route not declared public', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await call(t.anonymous(), r, fill(r.url, samples, true));
      if (isRouterMiss(res)) wrong.push(`${key(r)}: 路由未命中`);
      else if (r.permission === PUBLIC ? res.statusCode === 401 : res.statusCode !== 401)
        wrong.push(`${key(r)} [${r.permission}]: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every role (403) where it lacks the route’s permission, and lets it through where it holds it', async () => {
    const walked = new Set<string>();
    const wrong: string[] = [];
    for (const account of ACCOUNTS) {
      for (const r of routes) {
        const mustChange = account === 'newuser';
        const allowed =
          r.permission === PUBLIC ||
          (mustChange
            ? BEFORE_PASSWORD_CHANGE.includes(r.url)
            : r.permission === SESSION || held.get(account)!.has(r.permission!));
        const safe = r.method === 'GET' || r.method === 'HEAD';
        const c = clients.get(account)!;
        const res = await call(c, r, fill(r.url, samples, !allowed || safe));
        walked.add(key(r));
        if (isRouterMiss(res)) wrong.push(`${account} ${key(r)}: 路由未命中`);
        else if (allowed && refusedAtGate(res, r.method))
          wrong.push(`${account} ${key(r)} [${r.permission}]: 应放行，实际 ${res.statusCode} ${res.body}`);
        else if (!allowed) {
          const code = mustChange ? 'PASSWORD_CHANGE_REQUIRED' : 'FORBIDDEN';
          if (res.statusCode !== 403 || (r.method !== 'HEAD' && res.json<{ code: string }>().code !== code))
            wrong.push(`${account} ${key(r)} [${r.permission}]: 应 403 ${code}，实际 ${res.statusCode}`);
        }
        // logout ends the session it was called with: sign in again for the rest of the walk
        if (!c.cookies.has('fazhi_session')) clients.set(account, await signIn(t, account));
      }
    }
    expect(wrong).toEqual([]);
    expect([...walked].sort()).toEqual(routes.map(key).sort());
  });

  it('walks as one account of every built-in role', async () => {
    const held = await query<{ role_code: string }>(
      t.database.db,
      sql`select distinct g.role_code from role_grants g join users u on u.id = g.user_id
          where u.username in (${sql.join(
            ACCOUNTS.map((a) => sql`${a}`),
            sql`, `,
          )})`,
    );
    expect(held.map((r) => r.role_code).sort()).toEqual(Object.keys(builtinRoles).sort());
  });

  it('has, for every permission a route requires, a demo account holding it and one lacking it', () => {
    const needed = new Set(routes.map((r) => r.permission!).filter((p) => p !== PUBLIC && p !== SESSION));
    const uncovered = [...needed].filter((p) => {
      const holders = ACCOUNTS.filter((a) => a !== 'newuser' && held.get(a)!.has(p));
      return holders.length === 0 || holders.length === ACCOUNTS.length - 1;
    });
    expect(uncovered).toEqual([]);
  });

  it('classifies every route that addresses a record by id: scope-tested or not owned by a unit', () => {
    const byId = routes
      .filter((r) => r.method !== 'HEAD' && r.permission !== PUBLIC && /:\w+/.test(r.url))
      .map(key)
      .sort();
    const classified = [scopeCases, notUnitOwned, scopedByOwner, scopeProvedBeside].flatMap((m) =>
      Object.keys(m),
    );
    expect(classified.sort()).toEqual(byId);
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const missing = [...Object.values(scopedByOwner), ...Object.values(scopeProvedBeside)].filter(
      (f) => !fs.existsSync(path.join(root, f)),
    );
    expect(missing).toEqual([]);
  });

  // ——— scope: the permission is held, the record lies outside the holder's units ———

  /**
   * yala (亚拉镇's clerk) is made the township's administrator through a custom role holding every
   * unit-scoped permission, over 亚拉镇's subtree only; 荣布镇's records stay out of reach.
   */
  const TOWN_ADMIN = [
    'org.unit.read',
    'org.unit.manage',
    'org.user.read',
    'org.user.manage',
    'org.user.personal',
    'access.grant.manage',
    'findings.manage',
    'inspections.read',
    'inspections.manage',
  ];
  interface Fixture {
    yala: Client;
    yalaTown: number;
    rongbuTown: number;
    rongbuCommittee: number;
    rongbu: string;
    rongbuGrant: string;
    /** a user yala created in 亚拉镇 */
    staff: string;
    /** a ledger record of 荣布镇, entered by the county office */
    rongbuActivity: string;
  }
  let f: Fixture;
  const rongbuUser = async () =>
    (
      await query<{ display_name: string; active: boolean; password_hash: string }>(
        t.database.db,
        sql`select display_name, active, password_hash from users where username = 'rongbu'`,
      )
    )[0]!;
  const unitRow = async (id: number) =>
    (
      await query<{ short_name: string | null; active: boolean }>(
        t.database.db,
        sql`select short_name, active from org_units where id = ${id}`,
      )
    )[0]!;

  const lecture = (unitId: number) => ({
    unitId,
    kind: 'publicityLecture',
    title: '《民法典》进村宣讲',
    date: '2023-06-15',
    place: '集镇广场',
    participants: 120,
  });
  const activityTitle = async (id: string) =>
    (await query<{ title: string }>(t.database.db, sql`select title from activities where id = ${id}`))[0]!
      .title;

  interface ScopeCase {
    outside(f: Fixture): Promise<void>;
    inside(f: Fixture): Promise<void>;
  }
  // findings and inspections: the county office opens a record for a unit; its state is read back from the db
  const openFindingFor = async (unitId: number, steps: ('measures' | 'submit' | 'close')[] = []) => {
    const office = clients.get('office')!;
    const made = await office.post('/api/findings', {
      unitId,
      title: '学法台账不完整',
      foundOn: '2023-06-01',
      dueOn: '2023-07-01',
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json<{ id: string }>().id;
    for (const step of steps) {
      const r =
        step === 'measures'
          ? await office.put(`/api/findings/${id}/measures`, { measures: '补齐台账并建立月查制度' })
          : step === 'submit'
            ? await office.post(`/api/findings/${id}/submit`, {})
            : await office.post(`/api/findings/${id}/verify`, { outcome: 'closed' });
      expect(r.statusCode, r.body).toBe(200);
    }
    return id;
  };
  const findingRow = async (id: string) =>
    (
      await query<{ state: string; voided_reason: string | null }>(
        t.database.db,
        sql`select (select e.state from finding_events e where e.finding_id = f.id order by e.seq desc limit 1) as state,
          f.voided_reason from findings f where f.id = ${id}`,
      )
    )[0]!;
  const roundFor = async (c: Client, unitId: number) => {
    const r = await c.post('/api/inspections', {
      unitId,
      title: '乡镇法治建设督察',
      year: 2023,
      kind: 'regular',
      targetUnitIds: [unitId],
      methods: ['听取汇报'],
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ id: string }>().id;
  };
  const inspectionAction = (unitId: number) => ({
    date: '2023-06-15',
    place: '会议室',
    method: '听取汇报',
    participants: '次仁、扎西',
    targetUnitId: unitId,
  });
  const countOf = async (table: 'inspection_actions' | 'inspection_feedback_items', roundId: string) =>
    (
      await query<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from ${sql.raw(table)} where round_id = ${roundId}`,
      )
    )[0]!.n;
  const roundVoided = async (id: string) =>
    (
      await query<{ v: boolean }>(
        t.database.db,
        sql`select voided_at is not null as v from inspection_rounds where id = ${id}`,
      )
    )[0]!.v;
  const feedbackItem = (unitId: number) => ({
    source: '市依法治市办',
    receivedOn: '2023-07-01',
    title: '述法评议组织不规范',
    aspects: [{ description: '述法报告未按时报送', responsibleUnitId: unitId, dueOn: '2023-08-31' }],
  });

  const scopeCases: Record<string, ScopeCase> = {
    ...accountabilityScopeCases(() => t),
    ...assessmentScopeCases(() => t),
    'GET /api/findings/:id': {
      async outside(f) {
        const id = await openFindingFor(f.rongbuTown);
        expect((await f.yala.get(`/api/findings/${id}`)).statusCode).toBe(404);
      },
      async inside(f) {
        const id = await openFindingFor(f.yalaTown);
        expect((await f.yala.get(`/api/findings/${id}`)).statusCode).toBe(200);
      },
    },
    'PUT /api/findings/:id/measures': {
      async outside(f) {
        const id = await openFindingFor(f.rongbuTown);
        const r = await f.yala.put(`/api/findings/${id}/measures`, { measures: '越权填写整改措施' });
        expect(r.statusCode).toBe(404);
        expect((await findingRow(id)).state).toBe('open');
      },
      async inside(f) {
        const id = await openFindingFor(f.yalaTown);
        const r = await f.yala.put(`/api/findings/${id}/measures`, { measures: '补齐学法台账' });
        expect(r.json()).toMatchObject({ state: 'rectifying', measures: '补齐学法台账' });
      },
    },
    'POST /api/findings/:id/evidence': {
      async outside(f) {
        const id = await openFindingFor(f.rongbuTown);
        const r = await f.yala.post(`/api/findings/${id}/evidence`, { fileIds: [randomUUID()] });
        expect(r.statusCode).toBe(404);
      },
      async inside(f) {
        // reaches the finding, then names the file that is not among its attachments
        const id = await openFindingFor(f.yalaTown);
        const r = await f.yala.post(`/api/findings/${id}/evidence`, { fileIds: [randomUUID()] });
        expect(r.json()).toMatchObject({ status: 400, errors: [{ field: 'fileIds.0' }] });
      },
    },
    'POST /api/findings/:id/submit': {
      async outside(f) {
        const id = await openFindingFor(f.rongbuTown, ['measures']);
        expect((await f.yala.post(`/api/findings/${id}/submit`, {})).statusCode).toBe(404);
        expect((await findingRow(id)).state).toBe('rectifying');
      },
      async inside(f) {
        const id = await openFindingFor(f.yalaTown, ['measures']);
        expect((await f.yala.post(`/api/findings/${id}/submit`, {})).json()).toMatchObject({
          state: 'submitted',
        });
      },
    },
    'POST /api/findings/:id/verify': {
      async outside(f) {
        const id = await openFindingFor(f.rongbuTown, ['measures', 'submit']);
        const r = await f.yala.post(`/api/findings/${id}/verify`, { outcome: 'closed' });
        expect(r.statusCode).toBe(404);
        expect((await findingRow(id)).state).toBe('submitted');
      },
      async inside(f) {
        const id = await openFindingFor(f.yalaTown, ['measures', 'submit']);
        const r = await f.yala.post(`/api/findings/${id}/verify`, { outcome: 'closed' });
        expect(r.json()).toMatchObject({ state: 'closed' });
      },
    },
    'POST /api/findings/:id/reopen': {
      async outside(f) {
        const id = await openFindingFor(f.rongbuTown, ['measures', 'submit', 'close']);
        const r = await f.yala.post(`/api/findings/${id}/reopen`, { reason: '越权重新打开' });
        expect(r.statusCode).toBe(404);
        expect((await findingRow(id)).state).toBe('closed');
      },
      async inside(f) {
        const id = await openFindingFor(f.yalaTown, ['measures', 'submit', 'close']);
        const r = await f.yala.post(`/api/findings/${id}/reopen`, { reason: '复查发现台账仍不完整' });
        expect(r.json()).toMatchObject({ state: 'rectifying' });
      },
    },
    'POST /api/findings/:id/void': {
      async outside(f) {
        const id = await openFindingFor(f.rongbuTown);
        expect((await f.yala.post(`/api/findings/${id}/void`, { reason: '越权作废' })).statusCode).toBe(404);
        expect((await findingRow(id)).voided_reason).toBeNull();
      },
      async inside(f) {
        const id = await openFindingFor(f.yalaTown);
        const r = await f.yala.post(`/api/findings/${id}/void`, { reason: '重复登记' });
        expect(r.json()).toMatchObject({ voided: true });
      },
    },
    'GET /api/inspections/:id': {
      async outside(f) {
        const id = await roundFor(clients.get('office')!, f.rongbuTown);
        expect((await f.yala.get(`/api/inspections/${id}`)).statusCode).toBe(404);
      },
      async inside(f) {
        const id = await roundFor(f.yala, f.yalaTown);
        expect((await f.yala.get(`/api/inspections/${id}`)).statusCode).toBe(200);
      },
    },
    'POST /api/inspections/:id/actions': {
      async outside(f) {
        const id = await roundFor(clients.get('office')!, f.rongbuTown);
        const r = await f.yala.post(`/api/inspections/${id}/actions`, inspectionAction(f.rongbuTown));
        expect(r.statusCode).toBe(404);
        expect(await countOf('inspection_actions', id)).toBe(0);
      },
      async inside(f) {
        const id = await roundFor(f.yala, f.yalaTown);
        const r = await f.yala.post(`/api/inspections/${id}/actions`, inspectionAction(f.yalaTown));
        expect(r.json().actions).toHaveLength(1);
      },
    },
    'POST /api/inspections/:id/feedback': {
      async outside(f) {
        const id = await roundFor(clients.get('office')!, f.rongbuTown);
        const r = await f.yala.post(`/api/inspections/${id}/feedback`, feedbackItem(f.yalaTown));
        expect(r.statusCode).toBe(404);
        expect(await countOf('inspection_feedback_items', id)).toBe(0);
      },
      async inside(f) {
        const id = await roundFor(f.yala, f.yalaTown);
        const r = await f.yala.post(`/api/inspections/${id}/feedback`, feedbackItem(f.yalaTown));
        expect(r.json().feedback[0].aspects).toHaveLength(1);
      },
    },
    'POST /api/inspections/:id/void': {
      async outside(f) {
        const id = await roundFor(clients.get('office')!, f.rongbuTown);
        expect((await f.yala.post(`/api/inspections/${id}/void`, { reason: '越权作废' })).statusCode).toBe(
          404,
        );
        expect(await roundVoided(id)).toBe(false);
      },
      async inside(f) {
        const id = await roundFor(f.yala, f.yalaTown);
        const r = await f.yala.post(`/api/inspections/${id}/void`, { reason: '重复登记' });
        expect(r.json()).toMatchObject({ voided: true });
      },
    },
    'POST /api/inspections/:id/actions/:actionId/void': {
      async outside(f) {
        const office = clients.get('office')!;
        const id = await roundFor(office, f.rongbuTown);
        const action = (
          await office.post(`/api/inspections/${id}/actions`, inspectionAction(f.rongbuTown))
        ).json().actions[0].id as string;
        const r = await f.yala.post(`/api/inspections/${id}/actions/${action}/void`, { reason: '越权作废' });
        expect(r.statusCode).toBe(404);
      },
      async inside(f) {
        const id = await roundFor(f.yala, f.yalaTown);
        const action = (
          await f.yala.post(`/api/inspections/${id}/actions`, inspectionAction(f.yalaTown))
        ).json().actions[0].id as string;
        const r = await f.yala.post(`/api/inspections/${id}/actions/${action}/void`, { reason: '登记错误' });
        expect(r.json().actions[0]).toMatchObject({ voided: true });
      },
    },
    'GET /api/org/units/:id': {
      async outside(f) {
        expect((await f.yala.get(`/api/org/units/${f.rongbuTown}`)).statusCode).toBe(404);
      },
      async inside(f) {
        expect((await f.yala.get(`/api/org/units/${f.yalaTown}`)).statusCode).toBe(200);
      },
    },
    'PATCH /api/org/units/:id': {
      async outside(f) {
        const r = await f.yala.patch(`/api/org/units/${f.rongbuTown}`, { shortName: '荣布' });
        expect(r.statusCode).toBe(404);
        expect((await unitRow(f.rongbuTown)).short_name).toBeNull();
      },
      async inside(f) {
        const r = await f.yala.patch(`/api/org/units/${f.yalaTown}`, { shortName: '亚拉' });
        expect(r.json()).toMatchObject({ shortName: '亚拉' });
      },
    },
    'POST /api/org/units/:id/void': {
      async outside(f) {
        const r = await f.yala.post(`/api/org/units/${f.rongbuCommittee}/void`, { reason: '越权停用' });
        expect(r.statusCode).toBe(404);
        expect((await unitRow(f.rongbuCommittee)).active).toBe(true);
      },
      async inside(f) {
        const made = await f.yala.post('/api/org/units', {
          name: '亚拉镇临时工作组',
          kind: 'other',
          parentId: f.yalaTown,
        });
        expect(made.statusCode).toBe(200);
        const r = await f.yala.post(`/api/org/units/${made.json().id}/void`, { reason: '工作结束' });
        expect(r.json()).toMatchObject({ active: false });
      },
    },
    'GET /api/org/users/:id': {
      async outside(f) {
        expect((await f.yala.get(`/api/org/users/${f.rongbu}`)).statusCode).toBe(404);
      },
      async inside(f) {
        expect((await f.yala.get(`/api/org/users/${f.staff}`)).statusCode).toBe(200);
      },
    },
    'PATCH /api/org/users/:id': {
      async outside(f) {
        const r = await f.yala.patch(`/api/org/users/${f.rongbu}`, { displayName: '被改名' });
        expect(r.statusCode).toBe(404);
        expect((await rongbuUser()).display_name).toBe('荣布镇联络员');
      },
      async inside(f) {
        const r = await f.yala.patch(`/api/org/users/${f.staff}`, { displayName: '次仁' });
        expect(r.json()).toMatchObject({ displayName: '次仁' });
      },
    },
    'POST /api/org/users/:id/reset-password': {
      async outside(f) {
        const before = (await rongbuUser()).password_hash;
        expect((await f.yala.post(`/api/org/users/${f.rongbu}/reset-password`)).statusCode).toBe(404);
        expect((await rongbuUser()).password_hash).toBe(before);
      },
      async inside(f) {
        const r = await f.yala.post(`/api/org/users/${f.staff}/reset-password`);
        expect(r.json().initialPassword).toEqual(expect.any(String));
      },
    },
    'POST /api/org/users/:id/unlock': {
      async outside(f) {
        expect((await f.yala.post(`/api/org/users/${f.rongbu}/unlock`)).statusCode).toBe(404);
      },
      async inside(f) {
        expect((await f.yala.post(`/api/org/users/${f.staff}/unlock`)).statusCode).toBe(200);
      },
    },
    'POST /api/org/users/:id/disable': {
      async outside(f) {
        const r = await f.yala.post(`/api/org/users/${f.rongbu}/disable`, { reason: '越权停用' });
        expect(r.statusCode).toBe(404);
        expect((await rongbuUser()).active).toBe(true);
      },
      async inside(f) {
        const r = await f.yala.post(`/api/org/users/${f.staff}/disable`, { reason: '调离' });
        expect(r.json()).toMatchObject({ active: false });
      },
    },
    'POST /api/org/users/:id/enable': {
      async outside(f) {
        expect((await f.yala.post(`/api/org/users/${f.rongbu}/enable`)).statusCode).toBe(404);
      },
      async inside(f) {
        const r = await f.yala.post(`/api/org/users/${f.staff}/enable`);
        expect(r.json()).toMatchObject({ active: true });
      },
    },
    'GET /api/access/users/:id/grants': {
      async outside(f) {
        const r = await f.yala.get(`/api/access/users/${f.rongbu}/grants`);
        expect(r.statusCode === 404 || (r.statusCode === 200 && r.json().length === 0)).toBe(true);
      },
      async inside(f) {
        const r = await f.yala.get(`/api/access/users/${f.staff}/grants`);
        expect(r.statusCode).toBe(200);
      },
    },
    'DELETE /api/access/grants/:id': {
      async outside(f) {
        expect((await f.yala.delete(`/api/access/grants/${f.rongbuGrant}`)).statusCode).toBe(404);
        const left = await query(t.database.db, sql`select 1 from role_grants where id = ${f.rongbuGrant}`);
        expect(left).toHaveLength(1);
      },
      async inside(f) {
        const g = await f.yala.post('/api/access/grants', {
          userId: f.staff,
          roleCode: 'townshipClerk',
          unitId: f.yalaTown,
          subtree: false,
        });
        expect(g.statusCode).toBe(200);
        expect((await f.yala.delete(`/api/access/grants/${g.json().id}`)).statusCode).toBe(200);
      },
    },
    'GET /api/activities/:id': {
      async outside(f) {
        expect((await f.yala.get(`/api/activities/${f.rongbuActivity}`)).statusCode).toBe(404);
      },
      async inside(f) {
        const own = await f.yala.post('/api/activities', lecture(f.yalaTown));
        expect((await f.yala.get(`/api/activities/${own.json().id}`)).statusCode).toBe(200);
      },
    },
    'PUT /api/activities/:id': {
      async outside(f) {
        // not even by moving it into its own township
        const r = await f.yala.put(`/api/activities/${f.rongbuActivity}`, {
          ...lecture(f.yalaTown),
          title: '改到亚拉镇名下',
        });
        expect(r.statusCode).toBe(404);
        expect(await activityTitle(f.rongbuActivity)).toBe('《民法典》进村宣讲');
      },
      async inside(f) {
        const own = await f.yala.post('/api/activities', lecture(f.yalaTown));
        const r = await f.yala.put(`/api/activities/${own.json().id}`, {
          ...lecture(f.yalaTown),
          title: '宪法宣讲',
        });
        expect(r.json()).toMatchObject({ title: '宪法宣讲' });
      },
    },
    'POST /api/activities/:id/void': {
      async outside(f) {
        const r = await f.yala.post(`/api/activities/${f.rongbuActivity}/void`, { reason: '越权作废' });
        expect(r.statusCode).toBe(404);
        const [row] = await query<{ voided_reason: string | null }>(
          t.database.db,
          sql`select voided_reason from activities where id = ${f.rongbuActivity}`,
        );
        expect(row!.voided_reason).toBeNull();
      },
      async inside(f) {
        const own = await f.yala.post('/api/activities', lecture(f.yalaTown));
        const r = await f.yala.post(`/api/activities/${own.json().id}/void`, { reason: '重复登记' });
        expect(r.statusCode).toBe(200);
      },
    },
  };

  describe('scope', () => {
    beforeAll(async () => {
      const security = await signIn(t, 'security');
      const role = await security.put('/api/access/roles/townAdmin', {
        name: '乡镇系统管理员',
        permissions: TOWN_ADMIN,
      });
      expect(role.statusCode).toBe(200);
      const yalaTown = await unitId('亚拉镇人民政府');
      const grant = await security.post('/api/access/grants', {
        userId: await userId('yala'),
        roleCode: 'townAdmin',
        unitId: yalaTown,
        subtree: true,
      });
      expect(grant.statusCode).toBe(200);
      const yala = await signIn(t, 'yala');
      const staff = await yala.post('/api/org/users', {
        username: 'yalastaff',
        displayName: '亚拉镇干部',
        unitId: yalaTown,
      });
      expect(staff.statusCode).toBe(200);
      const entered = await clients.get('office')!.post('/api/activities', lecture(samples.unitId));
      expect(entered.statusCode).toBe(200);
      f = {
        rongbuActivity: entered.json().id,
        yala,
        yalaTown,
        rongbuTown: samples.unitId,
        rongbuCommittee: await unitId('荣布镇人民调解委员会'),
        rongbu: samples.userId,
        rongbuGrant: samples.grantId,
        staff: staff.json().user.id,
      };
    });

    for (const [route, c] of Object.entries(scopeCases)) {
      it(`${route}: a 亚拉镇 administrator cannot reach 荣布镇’s record, only 亚拉镇’s`, async () => {
        await c.outside(f);
        await c.inside(f);
      });
    }

    it('refuses to place a new unit, user or grant in a unit outside the scope, naming the field', async () => {
      const unit = await f.yala.post('/api/org/units', {
        name: '越权单位',
        kind: 'other',
        parentId: f.rongbuTown,
      });
      expect(unit.json()).toMatchObject({ status: 400, errors: [{ field: 'parentId' }] });
      const user = await f.yala.post('/api/org/users', {
        username: 'intruder',
        displayName: '越权账号',
        unitId: f.rongbuTown,
      });
      expect(user.json()).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
      const grant = await f.yala.post('/api/access/grants', {
        userId: f.staff,
        roleCode: 'townshipClerk',
        unitId: f.rongbuTown,
        subtree: false,
      });
      expect(grant.json()).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
    });

    it('refuses to grant a role to a user of another unit, even over its own unit', async () => {
      const r = await f.yala.post('/api/access/grants', {
        userId: f.rongbu,
        roleCode: 'townAdmin',
        unitId: f.yalaTown,
        subtree: true,
      });
      expect(r.json()).toMatchObject({ status: 400, errors: [{ field: 'userId' }] });
    });

    it('keeps the county office to its county: another county of 那曲市 is out of sight', async () => {
      const office = clients.get('office')!;
      const jiali = await unitId('嘉黎县人民政府');
      expect((await office.get(`/api/org/units/${jiali}`)).statusCode).toBe(404);
      const units = (await office.get('/api/org/units')).json<{ path: string }[]>();
      const suo = await unitId('索县人民政府');
      expect(units.length).toBeGreaterThan(40);
      expect(units.every((u) => u.path.includes(`/${suo}/`))).toBe(true);
    });

    it('lets the city office see the counties below it, Suo included', async () => {
      const city = clients.get('city')!;
      const r = await city.get(`/api/org/units/${f.yalaTown}`);
      expect(r.json()).toMatchObject({ name: '亚拉镇人民政府', divisionName: '亚拉镇' });
      const names = (await city.get('/api/org/units?kind=government')).json<{ name: string }[]>();
      expect(names.map((u) => u.name)).toEqual(expect.arrayContaining(['索县人民政府', '嘉黎县人民政府']));
    });
  });
});
