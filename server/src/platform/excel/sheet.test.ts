import ExcelJS from 'exceljs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { buildTemplate, defineSheet, readSheet, writeRows } from './sheet.js';

const sheet = defineSheet({
  name: '台账',
  columns: [
    { key: 'title', header: '名称', required: true, schema: z.string().min(2, '名称至少 2 个字') },
    { key: 'count', header: '人数', schema: z.coerce.number().int('人数应为整数').min(0) },
    { key: 'on', header: '日期', schema: z.iso.date('日期应为 YYYY-MM-DD') },
  ],
});

describe('excel sheets', () => {
  it('reads the template back: headers match, no data rows', async () => {
    const r = await readSheet(sheet, await buildTemplate(sheet));
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{ row: 2, column: null, reason: '文件中没有数据行' }]);
  });

  it('parses cells by their column rules and reports each bad cell with its Excel row and header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['名称', '人数', '日期']);
    ws.addRow(['普法讲座', 35, new Date('2023-03-15T00:00:00Z')]);
    ws.addRow([]);
    ws.addRow(['讲', 'x', '2023-13-01']);
    ws.addRow([null, 3, null]);
    const r = await readSheet(sheet, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.rows[0]).toEqual({
      row: 2,
      ok: true,
      values: { title: '普法讲座', count: 35, on: '2023-03-15' },
    });
    expect(r.rows.map((x) => x.row)).toEqual([2, 4, 5]);
    expect(r.errors).toEqual([
      { row: 4, column: '名称', reason: '名称至少 2 个字' },
      { row: 4, column: '人数', reason: expect.any(String) },
      { row: 4, column: '日期', reason: '日期应为 YYYY-MM-DD' },
      { row: 5, column: '名称', reason: '“名称”必填' },
    ]);
  });

  it('names a missing required column', async () => {
    const r = await readSheet(
      sheet,
      await writeRows(defineSheet({ name: '台账', columns: [sheet.columns[1]!] }), [{ count: 1 }]),
    );
    expect(r.errors).toEqual([{ row: 1, column: '名称', reason: '缺少“名称”列，请使用下载的模板' }]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readSheet(sheet, Buffer.from('not a workbook'))).rejects.toMatchObject({
      code: 'INVALID_WORKBOOK',
    });
  });
});
