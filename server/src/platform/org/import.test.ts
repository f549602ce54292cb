import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { writeRows } from '../excel/sheet.js';
import { multipartBody } from '../files/testing.js';
import { unitSheet, userSheet } from './import.js';

describe.each(backends())('org import from Excel on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp(kind);
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  const post = (c: Client, url: string, bytes: Buffer) => {
    const { body, headers } = multipartBody({}, { name: '导入.xlsx', bytes });
    return c.request('POST', url, body, headers);
  };
  const counts = async () => {
    const [r] = await query<{ units: number; audits: number }>(
      t.database.db,
      sql`select (select count(*)::int from org_units) as units, (select count(*)::int from audit_events) as audits`,
    );
    return r!;
  };

  const mixed = () =>
    writeRows(unitSheet, [
      { name: '索县数据资源局', kind: '县直部门', parent: '索县人民政府' },
      { name: null, kind: '县直部门', parent: '索县人民政府' },
      { name: '索县某某服务中心', kind: '县直部门', parent: '索县不存在局' },
      { name: '索县司法局', kind: '县直部门', parent: '索县人民政府' },
      { name: '索县数据资源局', kind: '县直部门', parent: '索县人民政府' },
      { name: '索县新设单位', kind: '部门', parent: '索县人民政府' },
    ]);

  it('offers a template whose header row is the import columns', async () => {
    const r = await admin.get('/api/org/import/units/template');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    const bytes = (r as unknown as { rawPayload: Buffer }).rawPayload;
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const headers = (wb.getWorksheet('单位')!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(unitSheet.columns.map((c) => c.header));
  });

  it('reports every bad row precisely on a dry run and writes nothing', async () => {
    const before = await counts();
    const r = await post(admin, '/api/org/import/units?dryRun=true', await mixed());
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({ dryRun: true, committed: false, total: 6, valid: 1, created: [] });
    expect(report.errors).toEqual([
      { row: 3, column: '单位名称', reason: '“单位名称”必填' },
      { row: 4, column: '上级单位', reason: '单位“索县不存在局”不存在（请填写单位全称）' },
      { row: 5, column: '单位名称', reason: '同一上级单位下已有名为“索县司法局”的单位' },
      { row: 6, column: '单位名称', reason: '同一上级单位下已有名为“索县数据资源局”的单位' },
      { row: 7, column: '单位类型', reason: expect.stringContaining('单位类型“部门”不正确') },
    ]);
    expect(await counts()).toEqual(before);
    // Without the flag an import only validates.
    const plain = await post(admin, '/api/org/import/units', await mixed());
    expect(plain.json()).toMatchObject({ dryRun: true, committed: false });
    expect(await counts()).toEqual(before);
  });

  it('refuses to commit a file with errors and writes none of its rows', async () => {
    const before = await counts();
    const r = await post(admin, '/api/org/import/units?dryRun=false', await mixed());
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', report: { committed: false } });
    expect(r.json().report.errors).toHaveLength(5);
    expect(await counts()).toEqual(before);
    const units = (await admin.get('/api/org/units?q=数据资源局')).json();
    expect(units).toEqual([]);
  });

  it('commits a clean file in one go, later rows under earlier ones, and the units are listed', async () => {
    const file = await writeRows(unitSheet, [
      { name: '索县数据资源局', shortName: '县数据局', kind: '县直部门', parent: '索县人民政府', sort: 90 },
      { name: '索县数据资源局政务服务股', kind: '其他', parent: '索县数据资源局' },
    ]);
    const r = await post(admin, '/api/org/import/units?dryRun=false', file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ committed: true, total: 2, valid: 2, errors: [] });
    expect(r.json().created.map((c: { row: number }) => c.row)).toEqual([2, 3]);
    const units = (await admin.get('/api/org/units?q=数据资源局')).json();
    expect(units.map((u: { name: string }) => u.name)).toEqual([
      '索县数据资源局',
      '索县数据资源局政务服务股',
    ]);
    expect(units[1].parentId).toBe(units[0].id);
    const [a] = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'org.unit.create'`,
    );
    expect(a!.n).toBeGreaterThanOrEqual(2);
  });

  it("reports a parent unit outside the importer's scope as a row error", async () => {
    // jiaoyu manages units only within the education bureau's own subtree.
    await t.database.db.execute(
      sql`insert into role_grants (user_id, role_code, unit_id, subtree)
          select id, 'sysadmin', unit_id, true from users where username = 'jiaoyu'`,
    );
    t.platform.auth.invalidateUser();
    const clerk = await t.as('jiaoyu');
    const file = await writeRows(unitSheet, [
      { name: '索县教育督导室', kind: '其他', parent: '索县人民政府' },
    ]);
    const r = await post(clerk, '/api/org/import/units?dryRun=true', file);
    expect(r.json().errors).toEqual([
      { row: 2, column: '上级单位', reason: '单位“索县人民政府”不在您的管理范围内' },
    ]);
  });

  it('needs org.unit.manage to import units', async () => {
    const office = await t.as('office');
    const r = await post(office, '/api/org/import/units?dryRun=true', await mixed());
    expect(r.statusCode).toBe(403);
  });

  it('imports users with one-time initial passwords that must be changed at first login', async () => {
    const bad = await writeRows(userSheet, [
      { username: 'zhangsan', displayName: '张三', unit: '索县司法局' },
      { username: '1bad', displayName: '李四', unit: '索县司法局' },
      { username: 'wangwu', displayName: '王五', unit: '索县司法局', role: '依法治县办工作人员' },
    ]);
    const dry = (await post(admin, '/api/org/import/users?dryRun=true', bad)).json();
    expect(dry.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '用户名'],
      [4, '角色'],
    ]);
    const good = await writeRows(userSheet, [
      { username: 'zhangsan', displayName: '张三', unit: '索县司法局', phone: '13908960001' },
      { username: 'lisi', displayName: '李四', unit: '索县司法局' },
    ]);
    const r = await post(admin, '/api/org/import/users?dryRun=false', good);
    expect(r.statusCode, r.body).toBe(200);
    const created = r.json().created as { username: string; initialPassword: string }[];
    expect(created.map((c) => c.username)).toEqual(['zhangsan', 'lisi']);
    const login = await t.anonymous().post('/api/auth/login', {
      username: 'zhangsan',
      password: created[0]!.initialPassword,
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
  });
});
