import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { writeRows } from '../../platform/excel/sheet.js';
import { multipartBody } from '../../platform/files/testing.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { taskSheet } from './import.js';

describe.each(backends())('task list import and export on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  const unit = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const plan = async (unitName: string, year: number) => {
    const r = await office.post('/api/planning/plans', {
      unitId: await unit(unitName),
      year,
      title: `${year}年任务清单`,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ id: string }>().id;
  };
  const upload = (planId: string, dryRun: boolean, bytes: Buffer) => {
    const { body, headers } = multipartBody({}, { name: '任务清单.xlsx', bytes });
    return office.request(
      'POST',
      `/api/planning/plans/${planId}/tasks/import?dryRun=${dryRun}`,
      body,
      headers,
    );
  };
  const good = {
    seq: '1',
    title: '开展“八五”普法中期评估',
    lead: '索县司法局',
    participants: '索县教育局、亚拉镇人民政府',
    deadline: '2024年6月30日',
    note: '年中前完成',
    system: '法治宣传教育（普法）',
  };

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
  });
  afterAll(() => t?.close());

  it('reports every bad row with its row, column and reason on a dry run, and writes nothing', async () => {
    const planId = await plan('中共索县委员会全面依法治县委员会办公室', 2024);
    const r = await upload(
      planId,
      true,
      await writeRows(taskSheet, [
        good,
        { ...good, lead: '索县不存在局' },
        { ...good, participants: '索县教育局、某某乡人民政府' },
        { ...good, deadline: '2024年6月31日' },
        { ...good, title: null },
        { ...good, system: '不存在的体系' },
      ]),
    );
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({ dryRun: true, committed: false, total: 6, valid: 1 });
    expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '牵头单位'],
      [4, '参与单位（顿号分隔）'],
      [5, '完成时限'],
      [6, '工作任务'],
      [7, '所属体系'],
    ]);
    expect(report.errors[0].reason).toContain('索县不存在局');
    const list = await office.get(`/api/planning/tasks?planId=${planId}`);
    expect(list.json().total).toBe(0);

    const commit = await upload(
      planId,
      false,
      await writeRows(taskSheet, [good, { ...good, lead: '索县不存在局' }]),
    );
    expect(commit.json()).toMatchObject({ status: 422, code: 'IMPORT_HAS_ERRORS' });
    expect((await office.get(`/api/planning/tasks?planId=${planId}`)).json().total).toBe(0);
  });

  it('commits a clean file and exports it back in the same layout (round trip)', async () => {
    const from = await plan('中共索县委员会全面依法治县委员会办公室', 2025);
    const rows = [
      good,
      {
        ...good,
        seq: '2',
        title: '宪法宣传周活动',
        participants: null,
        deadline: '2025-12-04',
        note: null,
        system: null,
      },
    ].map((r) => ({ ...r, deadline: r.deadline === good.deadline ? '2025-06-30' : r.deadline }));
    const r = await upload(from, false, await writeRows(taskSheet, rows));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ committed: true, valid: 2 });
    expect(r.json().created.map((c: { seq: number }) => c.seq)).toEqual([1, 2]);

    const exported = await office.get(`/api/planning/plans/${from}/tasks/export`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    const bytes = (exported as unknown as { rawPayload: Buffer }).rawPayload;
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet('任务清单')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...taskSheet.columns.map((c) => c.header)]);
    expect(String(ws.getRow(2).getCell(4).value).split('、').sort()).toEqual(
      ['亚拉镇人民政府', '索县教育局'].sort(),
    );
    expect(ws.getRow(3).getCell(2).value).toBe('宪法宣传周活动');

    // The exported file imports into another plan as the same tasks.
    const to = await plan('索县人民政府', 2025);
    const again = await upload(to, false, bytes);
    expect(again.json()).toMatchObject({ committed: true, valid: 2 });
    const shape = async (planId: string) =>
      (await office.get(`/api/planning/tasks?planId=${planId}`))
        .json<{ items: Record<string, unknown>[] }>()
        .items.map((x) => ({
          seq: x.seq,
          title: x.title,
          leadUnit: x.leadUnit,
          participantUnits: x.participantUnits,
          deadline: x.deadline,
          system: x.system,
          note: x.note,
        }));
    const original = await shape(from);
    expect(original[0]).toMatchObject({ deadline: '2025-06-30', system: 'legalPublicity' });
    expect((original[0]!.participantUnits as unknown[]).length).toBe(2);
    expect(await shape(to)).toEqual(original);
  });
});
