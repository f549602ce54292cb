import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { query } from '../../db/database.js';
import type { Client, TestApp } from '../../test/harness.js';

/** What the route walk's scope fixture offers: 亚拉镇's clerk, 亚拉镇 and 荣布镇. */
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
 * Scope cases of the 述法 routes for the route walk. Routes only the county office holds are proved
 * with the office against a campaign of another county (嘉黎县), out of its reach.
 */
let nextYear = 2030;

export function accountabilityScopeCases(app: () => TestApp): Record<string, ScopeCase> {
  let office: Client | undefined;
  let foreign: { campaign: string; reporter: string; report: string } | undefined;
  const db = () => app().database.db;
  const one = async <T>(q: ReturnType<typeof sql>) => (await query<T>(db(), q))[0]!;
  const asOffice = async () => (office ??= await app().as('office'));
  /** A 嘉黎县 campaign with one reporter who has submitted. */
  const jiali = async () => {
    if (foreign) return foreign;
    const u = await one<{ id: number; division_code: string }>(
      sql`select id, division_code from org_units where name = '嘉黎县人民政府'`,
    );
    const c = await one<{ id: string }>(
      sql`insert into law_duty_campaigns (unit_id, division_code, year, title, format, due_on)
          values (${u.id}, ${u.division_code}, 2023, '嘉黎县述法', 'written', '2023-12-31') returning id`,
    );
    const r = await one<{ id: string }>(
      sql`insert into law_duty_reporters (campaign_id, unit_id, person_name, post, post_type)
          values (${c.id}, ${u.id}, '嘉黎县长', '县长', 'departmentHead') returning id`,
    );
    const rep = await one<{ id: string }>(
      sql`insert into law_duty_reports (reporter_id, campaign_id, unit_id, format, submitted_on, performance, problems, plans)
          values (${r.id}, ${c.id}, ${u.id}, 'written', '2023-12-01', '履职情况', '存在问题', '下一步') returning id`,
    );
    return (foreign = { campaign: c.id, reporter: r.id, report: rep.id });
  };
  const suo2023 = async () =>
    (
      await one<{ id: string }>(
        sql`select id from law_duty_campaigns where division_code = '540626' and year = 2023`,
      )
    ).id;
  const reportOf = async (unitId: number) =>
    one<{ id: string; reporter_id: string }>(
      sql`select id, reporter_id from law_duty_reports where unit_id = ${unitId} and voided_at is null order by id limit 1`,
    );
  const reportRow = (id: string) =>
    one<{ rating: string | null; voided: boolean }>(
      sql`select rating, voided_at is not null as voided from law_duty_reports where id = ${id}`,
    );
  const freshCampaign = async (f: Fixture) => {
    const o = await asOffice();
    // one campaign per division and year: each fixture takes a year of its own (random ones collided)
    const year = nextYear++;
    const c = await o.post('/api/accountability/campaigns', {
      unitId: (
        await one<{ id: number }>(
          sql`select id from org_units where kind = 'lawOffice' and division_code = '540626'`,
        )
      ).id,
      year,
      title: `${year}年度述法`,
      dueOn: `${year}-12-31`,
    });
    expect(c.statusCode, c.body).toBe(200);
    const r = await o.post(`/api/accountability/campaigns/${c.json().id}/reporters`, {
      reporters: [
        { unitId: f.yalaTown, personName: '测试人员', post: '党委书记', postType: 'townshipPartySecretary' },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    return { campaign: c.json().id as string, reporter: r.json()[0].id as string };
  };
  const review = { rating: 'good', comment: '履职到位', reviewedOn: '2023-12-30' };

  return {
    'GET /api/accountability/campaigns/:id/completeness': {
      async outside(f) {
        expect(
          (await f.yala.get(`/api/accountability/campaigns/${(await jiali()).campaign}/completeness`))
            .statusCode,
        ).toBe(404);
      },
      async inside(f) {
        const r = await f.yala.get(`/api/accountability/campaigns/${await suo2023()}/completeness`);
        expect(r.json()).toMatchObject({ required: 2 });
      },
    },
    'POST /api/accountability/campaigns/:id/reporters': {
      async outside() {
        const o = await asOffice();
        const { campaign } = await jiali();
        const r = await o.post(`/api/accountability/campaigns/${campaign}/reporters`, {
          reporters: [{ unitId: 1, personName: '越权添加', post: '局长', postType: 'departmentHead' }],
        });
        expect(r.statusCode).toBe(404);
        expect(
          (
            await one<{ n: number }>(
              sql`select count(*)::int as n from law_duty_reporters where campaign_id = ${campaign}`,
            )
          ).n,
        ).toBe(1);
      },
      async inside(f) {
        expect((await freshCampaign(f)).reporter).toEqual(expect.any(String));
      },
    },
    'POST /api/accountability/reporters/:id/void': {
      async outside() {
        const o = await asOffice();
        const { reporter } = await jiali();
        expect(
          (await o.post(`/api/accountability/reporters/${reporter}/void`, { reason: '越权移出' })).statusCode,
        ).toBe(404);
      },
      async inside(f) {
        const { reporter } = await freshCampaign(f);
        const r = await (
          await asOffice()
        ).post(`/api/accountability/reporters/${reporter}/void`, { reason: '调离' });
        expect(r.statusCode, r.body).toBe(200);
      },
    },
    'POST /api/accountability/reporters/:id/report': {
      async outside(f) {
        const { reporter_id } = await reportOf(f.rongbuTown);
        const r = await f.yala.post(`/api/accountability/reporters/${reporter_id}/report`, {
          submittedOn: '2023-12-01',
          performance: '越权替荣布镇提交述法报告',
          problems: '越权提交',
          plans: '越权提交',
          documentFileId: '00000000-0000-4000-8000-000000000000',
        });
        expect(r.statusCode).toBe(404);
      },
      async inside(f) {
        // 亚拉镇's own reporter is reached: it has already submitted
        const { reporter_id } = await reportOf(f.yalaTown);
        const r = await f.yala.post(`/api/accountability/reporters/${reporter_id}/report`, {
          submittedOn: '2023-12-01',
          performance: '本镇述法报告履职情况',
          problems: '存在问题',
          plans: '下一步打算',
          documentFileId: '00000000-0000-4000-8000-000000000000',
        });
        expect(r.json()).toMatchObject({ code: 'ALREADY_SUBMITTED' });
      },
    },
    'GET /api/accountability/reports/:id': {
      async outside(f) {
        expect(
          (await f.yala.get(`/api/accountability/reports/${(await reportOf(f.rongbuTown)).id}`)).statusCode,
        ).toBe(404);
      },
      async inside(f) {
        expect(
          (await f.yala.get(`/api/accountability/reports/${(await reportOf(f.yalaTown)).id}`)).statusCode,
        ).toBe(200);
      },
    },
    'POST /api/accountability/reports/:id/review': {
      async outside() {
        const { report } = await jiali();
        expect(
          (await (await asOffice()).post(`/api/accountability/reports/${report}/review`, review)).statusCode,
        ).toBe(404);
        expect((await reportRow(report)).rating).toBeNull();
      },
      async inside(f) {
        const { id } = await reportOf(f.yalaTown);
        const r = await (await asOffice()).post(`/api/accountability/reports/${id}/review`, review);
        expect(r.json()).toMatchObject({ rating: 'good' });
      },
    },
    'POST /api/accountability/reports/:id/void': {
      async outside() {
        const { report } = await jiali();
        expect(
          (
            await (
              await asOffice()
            ).post(`/api/accountability/reports/${report}/void`, { reason: '越权退回' })
          ).statusCode,
        ).toBe(404);
        expect((await reportRow(report)).voided).toBe(false);
      },
      async inside(f) {
        const { id } = await reportOf(f.rongbuTown);
        const r = await (
          await asOffice()
        ).post(`/api/accountability/reports/${id}/void`, { reason: '退回重写' });
        expect(r.json()).toMatchObject({ voided: true });
      },
    },
  };
}
