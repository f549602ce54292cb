import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { writeRows } from '../../platform/excel/sheet.js';
import { multipartBody } from '../../platform/files/testing.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { indicatorSheet } from './import.js';

describe.each(backends())('考核 on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let yala: Client;
  let roundId: string;
  const unitId = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    yala = await t.as('yala');
    roundId = (await office.get('/api/assessment/rounds?year=2023')).json()[0].id;
  });
  afterAll(() => t?.close());

  it('totals and ranks the 2023 round in SQL; the two deductions opened findings', async () => {
    const r = (await office.get(`/api/assessment/rounds/${roundId}`)).json();
    expect(r.results).toHaveLength(10);
    const [sum] = await query<{ unit_id: number; total: number }>(
      t.database.db,
      sql`select ru.unit_id, sum(s.score)::float8 as total from assessment_scores s
          join assessment_round_units ru on ru.id = s.round_unit_id where ru.round_id = ${roundId}
          group by ru.unit_id order by 2 desc limit 1`,
    );
    expect(r.results[0]).toMatchObject({ rank: 1, total: sum!.total, maxPoints: 100 });
    for (let i = 1; i < r.results.length; i++)
      expect(r.results[i].total).toBeLessThanOrEqual(r.results[i - 1].total);
    const findings = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from findings where source_module = 'assessment'`,
    );
    expect(findings[0]!.n).toBe(2);
    const f = await office.get(
      '/api/figures?division=540626&from=2023-01-01&to=2023-12-31&keys=assessment.rounds,assessment.averageScore',
    );
    const [rounds, avg] = f.json().figures;
    expect(rounds.value).toBe(1);
    const mean = r.results.reduce((a: number, x: { total: number }) => a + x.total, 0) / 10;
    expect(avg.value).toBeCloseTo(mean, 1);
  });

  it('shows a township only its own published result', async () => {
    const r = (await yala.get(`/api/assessment/rounds/${roundId}`)).json();
    expect(r.results.map((x: { unitName: string }) => x.unitName)).toEqual(['亚拉镇人民政府']);
    const rongbu = await unitId('荣布镇人民政府');
    expect((await yala.get(`/api/assessment/rounds/${roundId}/units/${rongbu}`)).statusCode).toBe(404);
  });

  it('before publication, a township sees no result and no team score; a deduction needs a reason and may open a finding', async () => {
    const sys = await office.post('/api/assessment/systems', {
      unitId: await unitId('中共索县委员会全面依法治县委员会办公室'),
      year: 2024,
      name: '2024年度考核指标',
      indicators: [
        { code: '1', name: '学法', points: 60 },
        { code: '1.1', name: '中心组学法', points: 60 },
        { code: '2', name: '三项制度', points: 40 },
      ],
    });
    expect(sys.statusCode, sys.body).toBe(200);
    const yalaTown = await unitId('亚拉镇人民政府');
    const rongbuTown = await unitId('荣布镇人民政府');
    const round = await office.post('/api/assessment/rounds', {
      systemId: sys.json().id,
      title: '2024年度考核',
      unitIds: [yalaTown, rongbuTown],
    });
    expect(round.statusCode, round.body).toBe(200);
    const id = round.json().id;
    const [l1, l2] = sys.json().indicators.filter((i: { leaf: boolean }) => i.leaf) as { id: string }[];

    const self = await yala.put(`/api/assessment/rounds/${id}/units/${yalaTown}/self`, {
      items: [{ indicatorId: l1!.id, selfScore: 58 }],
    });
    expect(self.statusCode, self.body).toBe(200);
    expect(
      (
        await yala.put(`/api/assessment/rounds/${id}/units/${rongbuTown}/self`, {
          items: [{ indicatorId: l1!.id, selfScore: 58 }],
        })
      ).statusCode,
    ).toBe(404);

    const noReason = await office.put(`/api/assessment/rounds/${id}/units/${yalaTown}/scores`, {
      scoredOn: '2024-06-01',
      items: [{ indicatorId: l1!.id, score: 50, method: 'onSite' }],
    });
    expect(noReason.json()).toMatchObject({ status: 400, errors: [{ field: 'items.0.deductionReason' }] });
    // the findings service's refusal comes back under the row that asked for the finding
    const early = await office.put(`/api/assessment/rounds/${id}/units/${yalaTown}/scores`, {
      scoredOn: '2024-06-01',
      items: [
        { indicatorId: l2!.id, score: 40, method: 'documents' },
        {
          indicatorId: l1!.id,
          score: 50,
          method: 'onSite',
          deductionReason: '学法记录不全',
          finding: { severity: 'minor', dueOn: '2024-05-01' },
        },
      ],
    });
    expect(early.json()).toMatchObject({ status: 400, errors: [{ field: 'items.1.finding.dueOn' }] });
    expect(early.json().detail).toMatch(/^指标 \S+：整改时限不能早于发现日期/);
    const scored = await office.put(`/api/assessment/rounds/${id}/units/${yalaTown}/scores`, {
      scoredOn: '2024-06-01',
      items: [
        {
          indicatorId: l1!.id,
          score: 50,
          method: 'onSite',
          deductionReason: '学法记录不全',
          finding: { severity: 'minor', dueOn: '2024-09-30' },
        },
        { indicatorId: l2!.id, score: 40, method: 'documents' },
      ],
    });
    expect(scored.statusCode, scored.body).toBe(200);
    const findingId = scored.json().rows[0].findingId;
    const [finding] = await query<{ unit_id: number; source_id: string }>(
      t.database.db,
      sql`select unit_id, source_id from findings where id = ${findingId}`,
    );
    expect(finding!.unit_id).toBe(yalaTown);

    const before = await yala.get(`/api/assessment/rounds/${id}`);
    expect(before.json()).toMatchObject({ published: false, results: [] });
    const sheet = (await yala.get(`/api/assessment/rounds/${id}/units/${yalaTown}`)).json();
    expect(sheet).toMatchObject({ scoresVisible: false });
    expect(sheet.rows[0]).toMatchObject({ selfScore: 58, score: null, findingId: null });

    expect(
      (await office.post(`/api/assessment/rounds/${id}/publish`, { publishedOn: '2024-06-30' })).json(),
    ).toMatchObject({ code: 'INCOMPLETE' });
    await office.put(`/api/assessment/rounds/${id}/units/${rongbuTown}/scores`, {
      scoredOn: '2024-06-02',
      items: [
        { indicatorId: l1!.id, score: 60, method: 'briefing' },
        { indicatorId: l2!.id, score: 39.5, method: 'interview', deductionReason: '公示不及时' },
      ],
    });
    const pub = await office.post(`/api/assessment/rounds/${id}/publish`, { publishedOn: '2024-06-30' });
    expect(
      pub
        .json()
        .results.map((x: { unitName: string; total: number; rank: number }) => [x.unitName, x.total, x.rank]),
    ).toEqual([
      ['荣布镇人民政府', 99.5, 1],
      ['亚拉镇人民政府', 90, 2],
    ]);
    const after = (await yala.get(`/api/assessment/rounds/${id}`)).json();
    expect(after.results).toEqual([
      expect.objectContaining({ unitName: '亚拉镇人民政府', total: 90, rank: 2 }),
    ]);
    expect((await yala.get(`/api/assessment/rounds/${id}/units/${yalaTown}`)).json().rows[0]).toMatchObject({
      score: 50,
      findingId,
    });
  });

  it('imports indicators from Excel, reporting bad rows and writing nothing on a dry run', async () => {
    const sys = await office.post('/api/assessment/systems', {
      unitId: await unitId('中共索县委员会全面依法治县委员会办公室'),
      year: 2025,
      name: '2025年度考核指标',
    });
    const post = async (dryRun: boolean, rows: Record<string, unknown>[]) => {
      const { body, headers } = multipartBody(
        {},
        { name: '指标.xlsx', bytes: await writeRows(indicatorSheet, rows) },
      );
      return office.request(
        'POST',
        `/api/assessment/systems/${sys.json().id}/indicators/import?dryRun=${dryRun}`,
        body,
        headers,
      );
    };
    const good = [
      { code: '1', name: '学法用法', points: '50' },
      { code: '1.1', name: '中心组学法', points: '50', scoringNotes: '少一次扣5分' },
      { code: '2', name: '依法行政', points: '50' },
    ];
    const r = await post(true, [
      ...good,
      { code: '3.1', name: '无上级', points: '5' },
      { code: '1', name: '重复', points: '5' },
      { code: 'x', name: '错编码', points: '5' },
      { code: '4', name: '负分', points: '-1' },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ dryRun: true, committed: false, total: 7, valid: 3 });
    expect(r.json().errors.map((e: { row: number; column: string | null }) => [e.row, e.column])).toEqual([
      [5, '编码'],
      [6, '编码'],
      [7, '编码'],
      [8, '分值'],
    ]);
    expect((await office.get(`/api/assessment/systems/${sys.json().id}`)).json().indicators).toHaveLength(0);
    const ok = await post(false, good);
    expect(ok.json()).toMatchObject({ committed: true, valid: 3 });
    expect((await office.get(`/api/assessment/systems/${sys.json().id}`)).json()).toMatchObject({
      totalPoints: 100,
    });
  });
});
