import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';

interface UnitView {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
  active: boolean;
}
interface Figure {
  key: string;
  label: string;
  unit: string;
  definition: string;
  value: number | null;
}

const todayInBeijing = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe.each(backends())('org on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  /** a system administrator whose grant covers 索县 only */
  let suoAdmin: Client;
  const unit = async (name: string) =>
    (
      await query<{ id: number }>(
        t.database.db,
        sql`select id from org_units where name = ${name} and active`,
      )
    )[0]!.id;
  const userId = async (username: string) =>
    (await query<{ id: string }>(t.database.db, sql`select id from users where username = ${username}`))[0]!
      .id;

  beforeAll(async () => {
    t = await testApp(kind);
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  describe('users', () => {
    it('creates a user with a one-time initial password that must be changed at first login', async () => {
      const made = await admin.post('/api/org/users', {
        username: 'suoadmin',
        displayName: '索县系统管理员',
        unitId: await unit('索县司法局'),
      });
      expect(made.statusCode).toBe(200);
      const { user, initialPassword } = made.json<{
        user: { mustChangePassword: boolean };
        initialPassword: string;
      }>();
      expect(user.mustChangePassword).toBe(true);

      const security = await t.as('security');
      const grant = await security.post('/api/access/grants', {
        userId: await userId('suoadmin'),
        roleCode: 'sysadmin',
        unitId: await unit('索县人民政府'),
        subtree: true,
      });
      expect(grant.statusCode).toBe(200);

      suoAdmin = await t.as('suoadmin', initialPassword);
      expect((await suoAdmin.get('/api/org/units')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await suoAdmin.post('/api/auth/password', {
        currentPassword: initialPassword,
        newPassword: 'Suo-Admin2024',
      });
      expect(changed.statusCode).toBe(200);
      expect((await suoAdmin.get('/api/org/units')).statusCode).toBe(200);
    });

    it('lists only the users inside the reader’s scope', async () => {
      const office = await t.as('office'); // 索县 subtree
      const seen = (await office.get('/api/org/users?pageSize=200')).json<{
        items: { username: string }[];
        total: number;
      }>();
      const all = (await admin.get('/api/org/users?pageSize=200')).json<{ total: number }>();
      const names = seen.items.map((u) => u.username);
      expect(names).toEqual(expect.arrayContaining(['office', 'yala', 'jiaoyu']));
      expect(names).not.toContain('city'); // sits in 那曲市's office, above the county
      expect(seen.total).toBe(seen.items.length);
      expect(seen.total).toBeLessThan(all.total);
    });

    it('pages and sorts the list', async () => {
      const office = await t.as('office');
      const page = async (n: number) =>
        (await office.get(`/api/org/users?sort=-username&pageSize=5&page=${n}`)).json<{
          items: { username: string }[];
          total: number;
          page: number;
          pageSize: number;
        }>();
      const [one, two] = [await page(1), await page(2)];
      expect(one).toMatchObject({ page: 1, pageSize: 5 });
      expect(two.items).toHaveLength(5);
      const names = [...one.items, ...two.items].map((u) => u.username);
      expect(names).toEqual([...names].sort().reverse());
      expect(new Set(names).size).toBe(10);
      expect(one.total).toBe(two.total);
    });

    it('names the field of bad input', async () => {
      const r = await admin.post('/api/org/users', {
        username: 'badphone',
        displayName: '号码有误',
        unitId: await unit('索县司法局'),
        phone: '123',
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].field).toBe('body.phone');
    });
  });

  describe('units', () => {
    it('creates a unit under a parent in the administrator’s scope', async () => {
      const r = await suoAdmin.post('/api/org/units', {
        name: '索县法律援助中心',
        kind: 'other',
        parentId: await unit('索县司法局'),
      });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ name: '索县法律援助中心', divisionCode: '540626' });
    });

    it('refuses a parent outside the administrator’s scope, naming parentId', async () => {
      const r = await suoAdmin.post('/api/org/units', {
        name: '嘉黎县法律援助中心',
        kind: 'other',
        parentId: await unit('嘉黎县人民政府'),
      });
      expect(r.json()).toMatchObject({ status: 400, errors: [{ field: 'parentId' }] });
    });

    it('refuses a second unit of the same name under one parent (409)', async () => {
      const r = await admin.post('/api/org/units', {
        name: '索县教育局',
        kind: 'department',
        parentId: await unit('索县人民政府'),
      });
      expect(r.json()).toMatchObject({ status: 409, code: 'DUPLICATE_NAME', errors: [{ field: 'name' }] });
    });

    it('moves a unit and the paths of its whole subtree follow', async () => {
      const centre = (
        await admin.post('/api/org/units', {
          name: '索县公共法律服务中心',
          kind: 'other',
          parentId: await unit('索县人民政府'),
        })
      ).json<UnitView>();
      const desk = (
        await admin.post('/api/org/units', { name: '亚拉镇工作站', kind: 'other', parentId: centre.id })
      ).json<UnitView>();
      const justice = (await admin.get(`/api/org/units/${await unit('索县司法局')}`)).json<UnitView>();

      const moved = await admin.patch(`/api/org/units/${centre.id}`, { parentId: justice.id });
      expect(moved.json()).toMatchObject({ parentId: justice.id, path: `${justice.path}${centre.id}/` });
      const child = (await admin.get(`/api/org/units/${desk.id}`)).json<UnitView>();
      expect(child.path).toBe(`${justice.path}${centre.id}/${desk.id}/`);
    });

    it('refuses to void a unit that still has units below it or users in it', async () => {
      const centre = await unit('索县公共法律服务中心');
      const children = await admin.post(`/api/org/units/${centre}/void`, { reason: '机构调整' });
      expect(children.json()).toMatchObject({ status: 409, code: 'HAS_CHILDREN' });
      const staffed = await admin.post(`/api/org/units/${await unit('亚拉镇人民调解委员会')}/void`, {
        reason: '机构调整',
      });
      expect(staffed.json()).toMatchObject({ status: 409, code: 'HAS_USERS' });

      expect(
        (await admin.post(`/api/org/units/${await unit('亚拉镇工作站')}/void`, { reason: '撤销' }))
          .statusCode,
      ).toBe(200);
      const emptied = await admin.post(`/api/org/units/${centre}/void`, { reason: '机构调整' });
      expect(emptied.json()).toMatchObject({ active: false, voidedReason: '机构调整' });
    });
  });

  describe('figures', () => {
    const figures = async (c: Client, query: string) => c.get(`/api/figures?${query}`);
    const departments = async (c: Client, to: string) =>
      (await figures(c, `division=540626&from=2023-01-01&to=${to}`))
        .json<{ figures: Figure[] }>()
        .figures.find((f) => f.key === 'org.units.departments')!.value;

    it('answers Suo’s 2023 figures for the county office, each with its definition', async () => {
      const office = await t.as('office');
      const r = await figures(office, 'division=540626&from=2023-01-01&to=2023-12-31');
      expect(r.statusCode).toBe(200);
      const body = r.json<{ division: string; figures: Figure[] }>();
      expect(body.division).toBe('540626');
      const byKey = new Map(body.figures.map((f) => [f.key, f]));
      expect(byKey.get('org.units.departments')).toMatchObject({
        label: '县直部门数',
        unit: '个',
        definition: expect.stringContaining('期末在用'),
      });
      expect(byKey.get('org.units.townships')!.value).toBe(10);
      const [{ n }] = (await query<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from org_units u join divisions d on d.code = u.division_code
            where u.kind = 'department' and u.active and d.path like '/540000/540600/540626/%'`,
      )) as [{ n: number }];
      expect(byKey.get('org.units.departments')!.value).toBe(n);
    });

    it('counts a new department in the period it was created, and not in an earlier one', async () => {
      const office = await t.as('office');
      const today = todayInBeijing();
      const [in2023, untilToday] = [
        await departments(office, '2023-12-31'),
        await departments(office, today),
      ];
      const made = await admin.post('/api/org/units', {
        name: '索县数据资源局',
        kind: 'department',
        parentId: await unit('索县人民政府'),
      });
      expect(made.statusCode).toBe(200);
      expect(await departments(office, today)).toBe(untilToday! + 1);
      expect(await departments(office, '2023-12-31')).toBe(in2023);
    });

    it('refuses an unknown division, naming it', async () => {
      const r = await figures(await t.as('office'), 'division=540699&from=2023-01-01&to=2023-12-31');
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].field).toMatch(/division$/);
    });

    it('refuses a period that ends before it starts', async () => {
      const r = await figures(await t.as('office'), 'division=540626&from=2023-12-31&to=2023-01-01');
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].field).toMatch(/to$/);
    });
  });
});
