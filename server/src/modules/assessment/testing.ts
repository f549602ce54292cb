import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { query } from '../../db/database.js';
import { writeRows } from '../../platform/excel/sheet.js';
import { multipartBody } from '../../platform/files/testing.js';
import type { Client, TestApp } from '../../test/harness.js';
import { indicatorSheet } from './import.js';

interface Fixture {
  yala: Client;
  yalaTown: number;
  rongbuTown: number;
}
interface ScopeCase {
  outside(f: Fixture): Promise<void>;
  inside(f: Fixture): Promise<void>;
}

/**
 * Scope cases of the assessment routes for the route walk. Routes only the county office holds are
 * proved with the office against a system and a round of another county (嘉黎县).
 */
export function assessmentScopeCases(app: () => TestApp): Record<string, ScopeCase> {
  let office: Client | undefined;
  let foreign: { system: string; round: string; unitId: number } | undefined;
  const one = async <T>(q: ReturnType<typeof sql>) => (await query<T>(app().database.db, q))[0]!;
  const asOffice = async () => (office ??= await app().as('office'));
  const jiali = async () => {
    if (foreign) return foreign;
    const u = await one<{ id: number; division_code: string }>(
      sql`select id, division_code from org_units where name = '嘉黎县人民政府'`,
    );
    const s = await one<{ id: string }>(
      sql`insert into assessment_systems (unit_id, division_code, year, name) values (${u.id}, ${u.division_code}, 2023, '嘉黎县考核指标') returning id`,
    );
    await one(
      sql`insert into assessment_indicators (system_id, code, name, points) values (${s.id}, '1', '学法', 100) returning id`,
    );
    const r = await one<{ id: string }>(
      sql`insert into assessment_rounds (unit_id, division_code, system_id, year, title)
          values (${u.id}, ${u.division_code}, ${s.id}, 2023, '嘉黎县考核') returning id`,
    );
    await one(
      sql`insert into assessment_round_units (round_id, unit_id) values (${r.id}, ${u.id}) returning id`,
    );
    return (foreign = { system: s.id, round: r.id, unitId: u.id });
  };
  const suo2023 = () =>
    one<{ id: string; system_id: string }>(
      sql`select id, system_id from assessment_rounds where division_code = '540626' and year = 2023`,
    );
  /** An open round of 亚拉镇 and 荣布镇 against a one-indicator system. */
  const fresh = async (f: Fixture) => {
    const o = await asOffice();
    const s = await o.post('/api/assessment/systems', {
      unitId: (
        await one<{ id: number }>(
          sql`select id from org_units where kind = 'lawOffice' and division_code = '540626'`,
        )
      ).id,
      year: 2024,
      name: '测试指标体系',
      indicators: [{ code: '1', name: '学法', points: 100 }],
    });
    expect(s.statusCode, s.body).toBe(200);
    const r = await o.post('/api/assessment/rounds', {
      systemId: s.json().id,
      title: '测试考核',
      unitIds: [f.yalaTown, f.rongbuTown],
    });
    expect(r.statusCode, r.body).toBe(200);
    return {
      system: s.json().id as string,
      round: r.json().id as string,
      indicator: s.json().indicators[0].id as string,
    };
  };
  const score = (indicatorId: string) => ({
    scoredOn: '2023-12-01',
    items: [{ indicatorId, score: 100, method: 'onSite' }],
  });
  const published = async (id: string) =>
    (
      await one<{ p: boolean }>(
        sql`select published_on is not null as p from assessment_rounds where id = ${id}`,
      )
    ).p;

  return {
    'GET /api/assessment/systems/:id': {
      async outside(f) {
        expect((await f.yala.get(`/api/assessment/systems/${(await jiali()).system}`)).statusCode).toBe(404);
      },
      async inside(f) {
        expect((await f.yala.get(`/api/assessment/systems/${(await suo2023()).system_id}`)).statusCode).toBe(
          200,
        );
      },
    },
    'POST /api/assessment/systems/:id/indicators/import': {
      async outside() {
        const { body, headers } = multipartBody(
          {},
          {
            name: '指标.xlsx',
            bytes: await writeRows(indicatorSheet, [{ code: '2', name: '越权', points: '5' }]),
          },
        );
        const r = await (
          await asOffice()
        ).request(
          'POST',
          `/api/assessment/systems/${(await jiali()).system}/indicators/import?dryRun=false`,
          body,
          headers,
        );
        expect(r.statusCode).toBe(404);
      },
      async inside() {
        const o = await asOffice();
        const s = await o.post('/api/assessment/systems', {
          unitId: (
            await one<{ id: number }>(
              sql`select id from org_units where kind = 'lawOffice' and division_code = '540626'`,
            )
          ).id,
          year: 2024,
          name: '导入测试',
        });
        const { body, headers } = multipartBody(
          {},
          {
            name: '指标.xlsx',
            bytes: await writeRows(indicatorSheet, [{ code: '1', name: '学法', points: '5' }]),
          },
        );
        const r = await o.request(
          'POST',
          `/api/assessment/systems/${s.json().id}/indicators/import?dryRun=false`,
          body,
          headers,
        );
        expect(r.json()).toMatchObject({ committed: true });
      },
    },
    'GET /api/assessment/rounds/:id': {
      async outside(f) {
        expect((await f.yala.get(`/api/assessment/rounds/${(await jiali()).round}`)).statusCode).toBe(404);
      },
      async inside(f) {
        expect(
          (await f.yala.get(`/api/assessment/rounds/${(await suo2023()).id}`)).json().results,
        ).toHaveLength(1);
      },
    },
    'GET /api/assessment/rounds/:id/units/:unitId': {
      async outside(f) {
        expect(
          (await f.yala.get(`/api/assessment/rounds/${(await suo2023()).id}/units/${f.rongbuTown}`))
            .statusCode,
        ).toBe(404);
      },
      async inside(f) {
        expect(
          (await f.yala.get(`/api/assessment/rounds/${(await suo2023()).id}/units/${f.yalaTown}`)).statusCode,
        ).toBe(200);
      },
    },
    'PUT /api/assessment/rounds/:id/units/:unitId/self': {
      async outside(f) {
        const { round, indicator } = await fresh(f);
        const r = await f.yala.put(`/api/assessment/rounds/${round}/units/${f.rongbuTown}/self`, {
          items: [{ indicatorId: indicator, selfScore: 90 }],
        });
        expect(r.statusCode).toBe(404);
      },
      async inside(f) {
        const { round, indicator } = await fresh(f);
        const r = await f.yala.put(`/api/assessment/rounds/${round}/units/${f.yalaTown}/self`, {
          items: [{ indicatorId: indicator, selfScore: 90 }],
        });
        expect(r.json()).toMatchObject({ rows: [{ selfScore: 90 }] });
      },
    },
    'PUT /api/assessment/rounds/:id/units/:unitId/scores': {
      async outside() {
        const { round, unitId } = await jiali();
        const ind = await one<{ id: string }>(
          sql`select i.id from assessment_indicators i join assessment_rounds r on r.system_id = i.system_id where r.id = ${round}`,
        );
        const r = await (
          await asOffice()
        ).put(`/api/assessment/rounds/${round}/units/${unitId}/scores`, score(ind.id));
        expect(r.statusCode).toBe(404);
      },
      async inside(f) {
        const { round, indicator } = await fresh(f);
        const r = await (
          await asOffice()
        ).put(`/api/assessment/rounds/${round}/units/${f.yalaTown}/scores`, score(indicator));
        expect(r.json()).toMatchObject({ rows: [{ score: 100 }] });
      },
    },
    'POST /api/assessment/rounds/:id/publish': {
      async outside() {
        const { round } = await jiali();
        expect(
          (
            await (
              await asOffice()
            ).post(`/api/assessment/rounds/${round}/publish`, { publishedOn: '2023-12-31' })
          ).statusCode,
        ).toBe(404);
        expect(await published(round)).toBe(false);
      },
      async inside(f) {
        const o = await asOffice();
        const { round, indicator } = await fresh(f);
        for (const u of [f.yalaTown, f.rongbuTown])
          await o.put(`/api/assessment/rounds/${round}/units/${u}/scores`, score(indicator));
        const r = await o.post(`/api/assessment/rounds/${round}/publish`, { publishedOn: '2023-12-31' });
        expect(r.json()).toMatchObject({ published: true });
      },
    },
  };
}
