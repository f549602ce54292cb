import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import type { Board, MonthlyBoard, UnitBoard } from './board-contract.js';
import { sheetNames } from './export.js';

const Q = 'year=2023&division=540626';

/** Figures that count records, so the parts of a partition add up to the whole. */
const additive = [
  'findings.found',
  'study.lawStudyActivities',
  'publicity.peopleReached',
  'publicity.materialsDistributed',
  'enforcement.trainingAttendance',
  'accountability.lawReports.townships',
  'accountability.lawReports.departments',
  'planning.tasks.total',
  'planning.supervisionNotices',
];

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

describe.each(backends())('dashboard figures on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let board: Board;
  const units: Record<string, UnitBoard> = {};
  const monthly: Record<string, MonthlyBoard> = {};
  const figure = (key: string) => board.modules.flatMap((m) => m.figures).find((f) => f.key === key)!;

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    const r = await office.get(`/api/dashboard/figures?${Q}`);
    expect(r.statusCode, r.body).toBe(200);
    board = r.json<Board>();
    for (const m of ['findings', 'activities', 'accountability', 'planning']) {
      const u = await office.get(`/api/dashboard/figures/units?${Q}&module=${m}`);
      expect(u.statusCode, u.body).toBe(200);
      units[m] = u.json<UnitBoard>();
      const mo = await office.get(`/api/dashboard/figures/monthly?${Q}&module=${m}`);
      expect(mo.statusCode, mo.body).toBe(200);
      monthly[m] = mo.json<MonthlyBoard>();
    }
  });
  afterAll(() => t?.close());

  it('groups every registered figure under the module that registers it, with the figures API’s values', async () => {
    const keys = board.modules.flatMap((m) => m.figures.map((f) => f.key)).sort();
    expect(keys).toEqual([...t.platform.figures.byKey.keys()].sort());
    for (const m of board.modules)
      for (const f of m.figures) expect(t.platform.figures.byKey.get(f.key)!.module).toBe(m.name);
    expect(board.modules.find((m) => m.name === 'findings')!.label).toBe('问题整改');
    const direct = (await office.get('/api/figures?division=540626&from=2023-01-01&to=2023-12-31')).json<{
      figures: { key: string; value: number | null }[];
    }>();
    for (const f of direct.figures) expect(figure(f.key).value, f.key).toBe(f.value);
    expect(figure('planning.tasks.total').value).toBe(40);
  });

  it('lists the townships and departments of 索县 as the org figures count them, townships first', () => {
    const u = units.findings!.units;
    expect(u.filter((x) => x.kind === 'township')).toHaveLength(10);
    expect(figure('org.units.townships').value).toBe(10);
    // the 28 county departments of the demo, and 司法局, which is a department too
    expect(u.filter((x) => x.kind === 'department')).toHaveLength(figure('org.units.departments').value!);
    expect(u[0]!.kind).toBe('township');
    expect(u.map((x) => x.unitName)).toContain('亚拉镇人民政府');
  });

  it('splits additive figures exactly: townships + departments + other units = the county', () => {
    let nonZeroParts = 0;
    for (const key of additive) {
      const m = key.startsWith('findings')
        ? 'findings'
        : key.startsWith('planning')
          ? 'planning'
          : key.startsWith('accountability')
            ? 'accountability'
            : 'activities';
      const f = units[m]!.figures.find((x) => x.key === key)!;
      expect(f.total, key).toBe(figure(key).value);
      expect(sum(f.cells.map((c) => c.value)) + (f.rest ?? 0), key).toBe(f.total);
      nonZeroParts += f.cells.filter((c) => (c.value ?? 0) > 0).length;
    }
    expect(nonZeroParts).toBeGreaterThan(10);
    // township reports come from townships only, department reports from departments only
    const acc = units.accountability!;
    const towns = acc.figures.find((f) => f.key === 'accountability.lawReports.townships')!;
    acc.units.forEach((u, j) => {
      if (u.kind === 'department') expect(towns.cells[j]!.value).toBe(0);
    });
    expect(towns.rest).toBe(0);
  });

  it('keeps non-additive figures consistent per unit: a rate is done ÷ total of the same unit', () => {
    const p = units.planning!;
    const row = (k: string) => p.figures.find((f) => f.key === k)!;
    const [total, done, rate] = [
      'planning.tasks.total',
      'planning.tasks.done',
      'planning.tasks.completionRate',
    ].map(row);
    expect(rate!.total).toBeCloseTo(done!.total! / total!.total!, 10);
    p.units.forEach((_, j) => {
      const n = total!.cells[j]!.value!;
      expect(rate!.cells[j]!.value).toBe(n ? done!.cells[j]!.value! / n : null);
    });
  });

  it('gives twelve months whose additive figures add up to the year', () => {
    for (const m of Object.values(monthly)) {
      expect(m.months).toEqual(
        Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`),
      );
      for (const f of m.figures) {
        expect(f.cells).toHaveLength(12);
        expect(f.total, f.key).toBe(figure(f.key).value);
        if (additive.includes(f.key)) expect(sum(f.cells.map((c) => c.value)), f.key).toBe(f.total);
      }
    }
    const found = monthly.findings!.figures.find((f) => f.key === 'findings.found')!;
    expect(found.cells.filter((c) => (c.value ?? 0) > 0).length).toBeGreaterThan(1);
  });

  it('points each figure to its records, with the unit and the period filled in', () => {
    expect(figure('findings.overdue').link).toBe('/findings?overdue=true');
    expect(figure('publicity.lectures').link).toBe(
      '/activities?kind=publicityLecture&from=2023-01-01&to=2023-12-31',
    );
    const a = units.activities!;
    const lectures = a.figures.find((f) => f.key === 'publicity.lectures')!;
    expect(lectures.cells[0]!.link).toBe(
      `/activities?kind=publicityLecture&unit=${a.units[0]!.unitId}&from=2023-01-01&to=2023-12-31`,
    );
    const mo = monthly.activities!.figures.find((f) => f.key === 'publicity.lectures')!;
    expect(mo.cells[1]!.link).toBe('/activities?kind=publicityLecture&from=2023-02-01&to=2023-02-28');
    expect(figure('accountability.lawReports.townships').link).toBe('/accountability?year=2023');
  });

  it('lists a unit’s activities exactly as many as its cell counts', async () => {
    const a = units.activities!;
    const f = a.figures.find((x) => x.key === 'publicity.lectures')!;
    const j = f.cells.findIndex((c) => (c.value ?? 0) > 0);
    expect(j).toBeGreaterThanOrEqual(0);
    const q = new URLSearchParams(f.cells[j]!.link!.split('?')[1]);
    const list = await office.get(
      `/api/activities?kind=${q.get('kind')}&unitId=${q.get('unit')}&subtree=true&from=${q.get('from')}&to=${q.get('to')}&pageSize=1`,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(f.cells[j]!.value);
  });

  it('exports the view to Excel with the same numbers', async () => {
    const r = await office.get(`/api/dashboard/export?${Q}&module=findings`);
    expect(r.statusCode, r.body).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('驾驶舱'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r as unknown as { rawPayload: Buffer }).rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      sheetNames.modules,
      sheetNames.units,
      sheetNames.monthly,
    ]);

    const byModule = wb.getWorksheet(sheetNames.modules)!;
    const rows = byModule.getSheetValues().slice(3) as unknown[][];
    const flat = board.modules.flatMap((m) => m.figures.map((f) => [m.label, f.label, f.value]));
    expect(rows.map((x) => [x[1], x[2], x[3] ?? null])).toEqual(flat);

    const u = units.findings!;
    const ws = wb.getWorksheet(sheetNames.units)!;
    expect(ws.getCell('A1').value).toBe('索县2023年问题整改指标（分乡镇、县直部门）');
    const found = u.figures.findIndex((f) => f.key === 'findings.found');
    expect(ws.getRow(2).getCell(3 + found).value).toBe('发现问题（个）');
    u.units.forEach((unit, j) => {
      expect(ws.getRow(3 + j).getCell(1).value).toBe(unit.unitName);
      expect(ws.getRow(3 + j).getCell(3 + found).value).toBe(u.figures[found]!.cells[j]!.value);
    });
    const last = ws.getRow(3 + u.units.length + 1);
    expect(last.getCell(1).value).toBe('索县合计');
    expect(last.getCell(3 + found).value).toBe(figure('findings.found').value);

    const mo = wb.getWorksheet(sheetNames.monthly)!;
    expect(mo.getRow(3).getCell(1).value).toBe('1月');
    const months = [...Array(12).keys()].map((i) => mo.getRow(3 + i).getCell(2 + found).value as number);
    expect(months).toEqual(monthly.findings!.figures[found]!.cells.map((c) => c.value));
    expect(mo.getRow(15).getCell(2 + found).value).toBe(figure('findings.found').value);
  });

  it('is open to the office, the leaders and the city; clerks are refused', async () => {
    for (const who of ['leader', 'city']) {
      const c = await t.as(who);
      for (const path of ['figures', 'figures/units', 'figures/monthly', 'export'])
        expect(
          (await c.get(`/api/dashboard/${path}?${Q}&module=findings`)).statusCode,
          `${who} ${path}`,
        ).toBe(200);
    }
    for (const who of ['yala', 'jiaoyu', 'mediator']) {
      const c = await t.as(who);
      for (const path of ['figures', 'figures/units', 'figures/monthly', 'export'])
        expect(
          (await c.get(`/api/dashboard/${path}?${Q}&module=findings`)).statusCode,
          `${who} ${path}`,
        ).toBe(403);
    }
    expect((await t.anonymous().get(`/api/dashboard/figures?${Q}`)).statusCode).toBe(401);
  });

  it('defaults to the asker’s own division and this year; the city sees 索县 the same as the county does', async () => {
    const leader = (await (await t.as('leader')).get('/api/dashboard/figures')).json<Board>();
    expect(leader.divisionCode).toBe('540626');
    expect(leader.year).toBe(
      Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4)),
    );
    const city = await t.as('city');
    expect((await city.get('/api/dashboard/figures')).json<Board>().divisionCode).toBe('540600');
    const cityUnits = (await city.get(`/api/dashboard/figures/units?${Q}&module=findings`)).json<UnitBoard>();
    expect(cityUnits).toEqual(units.findings);
  });

  it('names the wrong parameter', async () => {
    expect((await office.get(`/api/dashboard/figures/units?${Q}&module=nothing`)).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'module' }],
    });
    expect((await office.get('/api/dashboard/figures?division=123456')).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'division' }],
    });
  });

  it('serves a repeated view from the cache, and recomputes after a write', async () => {
    const def = t.platform.figures.byKey.get('study.lawStudyActivities')!;
    const compute = def.compute;
    let computed = 0;
    def.compute = (a) => (computed++, compute(a));
    // signing in is audited too, so the first view after the logins above computes afresh
    await office.get(`/api/dashboard/figures?${Q}`);
    computed = 0;
    await office.get(`/api/dashboard/figures?${Q}`);
    expect(computed).toBe(0);
    const before = figure('study.lawStudyActivities').value!;
    const unitId = units.activities!.units[0]!.unitId;
    const created = await office.post('/api/activities', {
      kind: 'centralGroupStudy',
      unitId,
      date: '2023-06-15',
      place: '乡镇会议室',
      title: '学习《行政复议法》',
      participants: 20,
    });
    expect(created.statusCode, created.body).toBe(200);
    const after = (await office.get(`/api/dashboard/figures?${Q}`)).json<Board>();
    const v = after.modules
      .flatMap((m) => m.figures)
      .find((f) => f.key === 'study.lawStudyActivities')!.value;
    expect(v).toBe(before + 1);
    expect(computed).toBe(1);
    def.compute = compute;
  });
});
