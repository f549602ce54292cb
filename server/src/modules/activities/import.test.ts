import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRows } from '../../platform/excel/sheet.js';
import { multipartBody } from '../../platform/files/testing.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { activitySheet } from './import.js';

describe.each(backends())('activity import from Excel on %s', (kind) => {
  let t: TestApp;
  let yala: Client;
  beforeAll(async () => {
    t = await testApp(kind);
    yala = await t.as('yala');
  });
  afterAll(() => t?.close());

  const post = async (dryRun: boolean, rows: Record<string, unknown>[]) => {
    const { body, headers } = multipartBody(
      {},
      { name: '台账.xlsx', bytes: await writeRows(activitySheet, rows) },
    );
    return yala.request('POST', `/api/activities/import?dryRun=${dryRun}`, body, headers);
  };
  const good = {
    unit: '亚拉镇人民政府',
    kind: '集中宣讲',
    title: '《民法典》进牧区宣讲',
    date: '2023-07-11',
    place: '亚拉镇集镇广场',
    language: '藏汉双语',
    participants: '85',
    laws: '民法典、宪法',
    'm.handbook': '40',
  };

  it('reports each bad row with its row, column and reason on a dry run, and writes nothing', async () => {
    const before = (await yala.get('/api/activities?pageSize=1')).json().total as number;
    const r = await post(true, [
      good,
      { ...good, unit: '荣布镇人民政府' },
      { ...good, kind: '集中宣讲', participants: null },
      { ...good, date: '2023-13-01' },
      {
        ...good,
        kind: '“互联网+政务服务”业务培训',
        participants: null,
        sessions: '1',
        attendance: '亚拉镇人民政府12',
      },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({ dryRun: true, committed: false, total: 5, valid: 1 });
    expect(report.errors.map((e: { row: number; column: string | null }) => [e.row, e.column])).toEqual([
      [3, '归属单位'],
      [4, '参加（受教）人次'],
      [5, '日期'],
      [6, '参训单位及人次'],
    ]);
    expect(report.errors[0].reason).toContain('不在您的填报范围内');
    expect((await yala.get('/api/activities?pageSize=1')).json().total).toBe(before);
  });

  it('commits a clean file in full', async () => {
    const before = (await yala.get('/api/activities?pageSize=1')).json().total as number;
    const r = await post(false, [good, { ...good, title: '宪法宣讲', 'm.handbook': null }]);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ committed: true, valid: 2 });
    expect((await yala.get('/api/activities?pageSize=1')).json().total).toBe(before + 2);
  });
});
