import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { query, type Database } from '../../db/database.js';
import { modules as allModules } from '../../modules/index.js';
import { backends, Client, DEMO_PASSWORD, openTestDatabase } from '../../test/harness.js';
import { testConfig } from '../../test/config.js';
import { Actor } from '../access/actor.js';
import { prepare } from '../bootstrap.js';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { loadCalendarDemo } from './demo.js';
import calendar from './index.js';
import { calendarServiceFor, type CalendarService } from './service.js';

describe.each(backends())('calendar service and routes on %s', (kind) => {
  let database: Database;
  let app: App;
  let platform: Platform;
  let svc: CalendarService;

  // one session per account for the whole file: logins are rate-limited per address
  const sessions = new Map<string, Client>();
  const login = async (username: string) => {
    const known = sessions.get(username);
    if (known) return known;
    const c = new Client(app);
    const r = await c.post('/api/auth/login', { username, password: DEMO_PASSWORD });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.body}`);
    sessions.set(username, c);
    return c;
  };
  const auditCount = async (action: string) =>
    (
      await query<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_events where action = ${action}`,
      )
    )[0]!.n;

  /** A system administrator whose calendar.manage grant covers 索县's units only, not the region. */
  const countyAdministrator = async () => {
    const [suo] = await query<{ id: number; path: string }>(
      database.db,
      sql`select id, path from org_units where name = '索县人民政府'`,
    );
    const [user] = await query<{ id: string }>(
      database.db,
      sql`select id from users where username = 'admin'`,
    );
    return Actor.user(
      {
        id: user!.id,
        username: 'countyadmin',
        displayName: '县管理员',
        unitId: suo!.id,
        unitPath: suo!.path,
        mustChangePassword: false,
      },
      [
        {
          role: 'sysadmin',
          unitId: suo!.id,
          path: suo!.path,
          subtree: true,
          permissions: new Set(['calendar.manage']),
        },
      ],
    );
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Until calendar is listed in modules/index.ts the template lacks it: add it, sync roles and data.
    const modules = allModules.some((m) => m.name === 'calendar') ? allModules : [...allModules, calendar];
    ({ app, platform } = await buildApp({ config: testConfig(), database, modules, serveWeb: false }));
    await app.ready();
    await prepare(platform);
    await loadCalendarDemo(platform);
    svc = calendarServiceFor(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('documents its routes in the OpenAPI document', () => {
    const paths = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/calendar/deadline', '/api/calendar/days', '/api/calendar/days/{id}']),
    );
  });

  describe('national sync', () => {
    it('marks 2023–2026 known and writes nothing when already in step', async () => {
      const years = await query<{ year: number }>(
        database.db,
        sql`select year from calendar_years where division_code is null order by year`,
      );
      expect(years.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026]);
      const before = await auditCount('calendar.national.sync');
      expect(await svc.syncNational()).toEqual({ years: [], added: 0, changed: 0, removed: 0 });
      expect(await auditCount('calendar.national.sync')).toBe(before);
    });

    it('repairs rows that drifted from the notices, audited', async () => {
      await database.db.execute(
        sql`update calendar_days set name = '错' where division_code is null and day = '2025-10-08'`,
      );
      await database.db.execute(
        sql`delete from calendar_days where division_code is null and day = '2025-09-28'`,
      );
      await database.db.execute(
        sql`insert into calendar_days (day, kind, name, source) values ('2025-03-03', 'rest', '多余', '无')`,
      );
      const before = await auditCount('calendar.national.sync');
      expect(await svc.syncNational()).toEqual({ years: [], added: 1, changed: 1, removed: 1 });
      expect(await auditCount('calendar.national.sync')).toBe(before + 1);
      expect((await svc.day('2025-09-28', null)).work).toBe(true);
      expect((await svc.day('2025-03-03', null)).work).toBe(true);
    });
  });

  describe('GET /api/calendar/deadline', () => {
    it('computes 5 working days after 2024-09-27 as 2024-10-10 and names the rule', async () => {
      const c = await login('office');
      const r = await c.get('/api/calendar/deadline?start=2024-09-27&length=5&unit=workday&division=540626');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        start: '2024-09-27',
        end: '2024-10-10',
        endWeekday: '星期四',
        division: { code: '540626', name: '索县' },
        rule: { unit: 'workday', length: 5, law: null, article: null },
        adjustedWorkdays: [{ date: '2024-09-29' }],
      });
      expect(r.json().rule.description).toContain('期间届满日为2024年10月10日');
    });

    it.each([
      ['540626', '2023-02-28'], // 索县, under 那曲市: 藏历新年 2/20–2/26 off, 2/18–2/19 worked
      ['540626100', '2023-02-28'], // a township of 索县
      ['540000', '2023-02-23'], // 西藏自治区 itself lies outside 那曲市's subtree
      ['', '2023-02-23'], // national calendar only
    ])('applies 那曲市 藏历新年 2023 for division %s → %s', async (division, end) => {
      const c = await login('office');
      const r = await c.get(
        `/api/calendar/deadline?start=2023-02-16&length=5&unit=workday${division ? `&division=${division}` : ''}`,
      );
      expect(r.statusCode).toBe(200);
      expect(r.json().end).toBe(end);
    });

    it.each([
      ['start=2023-02-30&length=5&unit=day', 'querystring.start'],
      ['start=2023-02-01&length=abc&unit=day', 'querystring.length'],
      ['start=2023-02-01&length=0&unit=day', 'querystring.length'],
      ['start=2023-02-01&length=5&unit=week', 'querystring.unit'],
      ['start=2023-02-01&length=5&unit=day&division=54', 'querystring.division'],
      ['start=2023-02-01&length=5&unit=day&division=999999', 'division'],
      ['start=2023-02-01&length=500&unit=workday', 'length'],
    ])('answers 400 naming the field for %s', async (qs, field) => {
      const c = await login('office');
      const r = await c.get(`/api/calendar/deadline?${qs}`);
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a year without a State Council notice', async () => {
      const c = await login('office');
      const r = await c.get('/api/calendar/deadline?start=2026-12-20&length=30&unit=day&division=540626');
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year: 2027 });
      expect(r.json().detail).toContain('2027年');
    });

    it('is closed to visitors and to the auditor', async () => {
      expect(
        (await new Client(app).get('/api/calendar/deadline?start=2024-09-27&length=5&unit=workday'))
          .statusCode,
      ).toBe(401);
      expect(
        (await (await login('auditor')).get('/api/calendar/deadline?start=2024-09-27&length=5&unit=workday'))
          .statusCode,
      ).toBe(403);
    });
  });

  describe('regional days', () => {
    it('lists the year for a division: national plus 那曲市, the assumption flagged', async () => {
      const c = await login('office');
      const r = await c.get('/api/calendar/days?year=2023&division=540626');
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body.nationalKnown).toBe(true);
      expect(body.nationalSource).toContain('国办发明电〔2022〕16号');
      const losar = body.days.filter((d: { divisionCode: string | null }) => d.divisionCode === '540600');
      expect(losar).toHaveLength(9);
      expect(losar[0]).toMatchObject({
        day: '2023-02-18',
        kind: 'work',
        assumption: true,
        divisionName: '那曲市',
      });
      expect(losar[0].source).toContain('拉萨市2023年藏历新年');
      expect((await c.get('/api/calendar/days?year=2027')).json().nationalKnown).toBe(false);
      expect((await c.get('/api/calendar/days?year=abc')).statusCode).toBe(400);
    });

    it('lets the system administrator enter and remove a regional holiday, audited, and the deadline follows', async () => {
      const admin = await login('admin');
      const office = await login('office');
      const url = '/api/calendar/deadline?start=2024-07-01&length=3&unit=workday&division=540626';
      expect((await office.get(url)).json().end).toBe('2024-07-04');

      const before = await auditCount('calendar.day.create');
      const created = await admin.post('/api/calendar/days', {
        division: '540626',
        from: '2024-07-02',
        to: '2024-07-03',
        kind: 'rest',
        name: '测试节日',
        source: '索县人民政府测试通知',
      });
      expect(created.statusCode).toBe(200);
      expect(created.json()).toHaveLength(2);
      expect(await auditCount('calendar.day.create')).toBe(before + 2);
      expect((await office.get(url)).json().end).toBe('2024-07-08');
      expect((await office.get(url.replace('540626', '540621'))).json().end).toBe('2024-07-04');

      const dup = await admin.post('/api/calendar/days', {
        division: '540626',
        from: '2024-07-03',
        kind: 'rest',
        name: '测试节日',
        source: '索县人民政府测试通知',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().code).toBe('CALENDAR_DAY_EXISTS');

      for (const day of created.json() as { id: number }[])
        expect((await admin.delete(`/api/calendar/days/${day.id}`)).statusCode).toBe(200);
      expect(await auditCount('calendar.day.delete')).toBeGreaterThanOrEqual(2);
      expect((await office.get(url)).json().end).toBe('2024-07-04');
    });

    it('refuses bad regional entries with the field named', async () => {
      const admin = await login('admin');
      const base = {
        division: '540626',
        from: '2024-07-01',
        kind: 'rest',
        name: '测试节日',
        source: '索县人民政府测试通知',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, kind: 'work' }, 'kind'], // 2024-07-01 is a Monday
        [{ ...base, to: '2024-06-30' }, 'to'],
        [{ ...base, to: '2024-09-30' }, 'to'],
        [{ ...base, division: '999999' }, 'division'],
        [{ ...base, from: '2024-13-01' }, 'body.from'],
        [{ ...base, source: '' }, 'body.source'],
      ];
      for (const [body, field] of cases) {
        const r = await admin.post('/api/calendar/days', body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it('keeps national days read-only and regional editing to calendar.manage holders within their scope', async () => {
      const admin = await login('admin');
      const [national] = await query<{ id: number }>(
        database.db,
        sql`select id from calendar_days where division_code is null limit 1`,
      );
      const r = await admin.delete(`/api/calendar/days/${national!.id}`);
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('CALENDAR_NATIONAL_READONLY');
      expect((await admin.delete('/api/calendar/days/99999999')).statusCode).toBe(404);

      const office = await login('office');
      const denied = await office.post('/api/calendar/days', {
        division: '540626',
        from: '2024-07-06',
        kind: 'rest',
        name: '测试节日',
        source: '索县人民政府测试通知',
      });
      expect(denied.statusCode).toBe(403);

      // a system administrator scoped to 索县's units may keep 索县's days, not 那曲市's
      const countyAdmin = await countyAdministrator();
      const entry = {
        from: '2024-08-05',
        kind: 'rest' as const,
        name: '测试节日',
        source: '测试通知',
        assumption: false,
      };
      await expect(
        svc.addRegionalDays({ actor: countyAdmin }, { ...entry, division: '540600' }),
      ).rejects.toMatchObject({ status: 403 });
      const ok = await svc.addRegionalDays({ actor: countyAdmin }, { ...entry, division: '540626100' });
      expect(ok[0]).toMatchObject({ divisionCode: '540626100', divisionName: expect.any(String) });
    });
  });

  describe('a national year entered by hand from its notice', () => {
    // The entries below stand in for a notice an administrator types in: they test the entry, they
    // are not the 2027 arrangements (no 2027 notice is bundled, and none is guessed).
    const notice = {
      source: '测试用通知：国务院办公厅关于2027年部分节假日安排的通知（测试）',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
        { name: '春节', from: '2027-02-06', to: '2027-02-13' },
      ],
      workdays: [{ name: '春节', day: '2027-02-14' }],
    };
    const url = '/api/calendar/deadline?start=2026-12-20&length=12&unit=day&division=540626';

    it('refuses, with the field named, what no notice would say, and writes nothing', async () => {
      const admin = await login('admin');
      const cases: [unknown, string][] = [
        [{ ...notice, workdays: [{ name: '春节', day: '2027-02-15' }] }, 'workdays.0.day'], // a Monday
        [{ ...notice, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }, 'holidays.0.to'],
        [
          { ...notice, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }] },
          'holidays.0.from',
        ],
        [{ ...notice, holidays: [{ name: '长假', from: '2027-10-01', to: '2027-10-20' }] }, 'holidays.0.to'],
        [{ ...notice, workdays: [{ name: '春节', day: '2027-02-13' }] }, 'workdays.0.day'], // already a holiday
        [{ ...notice, holidays: [] }, 'body.holidays'],
        [{ ...notice, source: '通知' }, 'body.source'],
        [
          { ...notice, holidays: [{ name: '元旦', from: '2027-02-30', to: '2027-03-01' }] },
          'body.holidays.0.from',
        ],
      ];
      for (const [body, field] of cases) {
        const r = await admin.put('/api/calendar/national/2027', body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await admin.get('/api/calendar/days?year=2027')).json()).toMatchObject({
        nationalKnown: false,
        days: [],
      });
    });

    it('is entered by the region administrator only, and never over a bundled year', async () => {
      expect((await (await login('office')).put('/api/calendar/national/2027', notice)).statusCode).toBe(403);
      const countyAdmin = await countyAdministrator();
      await expect(svc.enterNationalYear({ actor: countyAdmin }, 2027, notice)).rejects.toMatchObject({
        status: 403,
      });
      const bundled = await (await login('admin')).put('/api/calendar/national/2026', notice);
      expect(bundled.statusCode).toBe(409);
      expect(bundled.json()).toMatchObject({ code: 'CALENDAR_NATIONAL_BUNDLED', year: 2026 });
    });

    it('makes deadlines into the year computable, rolls past its holidays, and can be corrected, audited', async () => {
      const admin = await login('admin');
      const office = await login('office');
      expect((await office.get(url)).json().code).toBe('CALENDAR_YEAR_MISSING');

      const entered = await admin.put('/api/calendar/national/2027', notice);
      expect(entered.statusCode, entered.body).toBe(200);
      expect(entered.json()).toEqual({ year: 2027, replaced: false, days: 12 });
      expect(await auditCount('calendar.national.enter')).toBe(1);

      // 12 days after 2026-12-20 is 2027-01-01, a holiday through 01-03 (a Sunday): the period ends 01-04
      const r = await office.get(url);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ nominalEnd: '2027-01-01', end: '2027-01-04' });
      expect(r.json().skipped.map((d: { reason: string }) => d.reason)).toContain('元旦');
      // the 调休 Sunday counts as a working day
      const work = await office.get('/api/calendar/deadline?start=2027-02-12&length=1&unit=workday');
      expect(work.json()).toMatchObject({ end: '2027-02-14' });

      const days = (await office.get('/api/calendar/days?year=2027')).json();
      expect(days).toMatchObject({
        nationalKnown: true,
        nationalEnteredByHand: true,
        nationalSource: notice.source,
      });
      expect(days.days).toHaveLength(12);
      expect(days.days.find((d: { day: string }) => d.day === '2027-02-14')).toMatchObject({
        kind: 'work',
        name: '春节调休上班',
        divisionCode: null,
      });
      expect((await office.get('/api/calendar/days?year=2026')).json().nationalEnteredByHand).toBe(false);

      // a correction replaces the whole year: 元旦 was one day only
      const corrected = await admin.put('/api/calendar/national/2027', {
        ...notice,
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }, notice.holidays[1]],
      });
      expect(corrected.json()).toEqual({ year: 2027, replaced: true, days: 10 });
      expect(await auditCount('calendar.national.correct')).toBe(1);
      const after = (await office.get('/api/calendar/days?year=2027')).json();
      expect(after.days.map((d: { day: string }) => d.day)).not.toContain('2027-01-02');
      expect((await office.get(url)).json().skipped.map((d: { date: string }) => d.date)).toEqual([
        '2027-01-01',
        '2027-01-02',
        '2027-01-03',
      ]);
      expect((await office.get(url)).json().skipped[1].reason).toContain('星期六');
      // the bundled years stay as they were
      expect(await svc.syncNational()).toEqual({ years: [], added: 0, changed: 0, removed: 0 });
    });
  });
});
