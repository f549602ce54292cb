import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { multipartBody } from '../../platform/files/testing.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';

const pdf = Buffer.from('%PDF-1.4\n% signed\n%%EOF\n');

describe.each(backends())('述法 on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let yala: Client;
  let campaignId: string;
  const unitId = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const upload = (c: Client, reporterId: string) => {
    const { body, headers } = multipartBody(
      { ownerEntity: 'accountability.report', ownerId: reporterId },
      { name: '述法报告.pdf', bytes: pdf },
    );
    return c.request('POST', '/api/files', body, headers);
  };
  const report = {
    submittedOn: '2023-12-10',
    performance: '全年专题研究法治建设工作4次，组织集中学法10次。',
    problems: '学法用法结合不够。',
    plans: '完善学法制度。',
  };

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    yala = await t.as('yala');
    campaignId = (await office.get('/api/accountability/campaigns?year=2023')).json()[0].id;
  });
  afterAll(() => t?.close());

  it('lists the 2023 campaign with 62 reporters, all submitted, and counts 42 + 20 reports', async () => {
    const c = await office.get(`/api/accountability/campaigns/${campaignId}/completeness`);
    expect(c.json()).toMatchObject({ required: 62, submitted: 62, missing: 0 });
    const f = await office.get(
      '/api/figures?division=540626&from=2023-01-01&to=2023-12-31&keys=accountability.lawReports.departments,accountability.lawReports.townships',
    );
    expect(f.json().figures.map((x: { value: number }) => x.value)).toEqual([42, 20]);
  });

  it('shows who has not submitted (应述尽述), and a township clerk submits only for its own reporters', async () => {
    const yalaTown = await unitId('亚拉镇人民政府');
    const rongbuTown = await unitId('荣布镇人民政府');
    const added = await office.post(`/api/accountability/campaigns/${campaignId}/reporters`, {
      reporters: [{ unitId: yalaTown, personName: '次仁旺堆', post: '党委副书记', postType: 'townshipHead' }],
    });
    // 亚拉镇 already has a 乡镇长 on the list
    expect(added.json()).toMatchObject({ status: 400, errors: [{ field: 'reporters.0.postType' }] });
    const c2023 = await office.get('/api/accountability/campaigns?year=2023');
    expect(c2023.statusCode).toBe(200);
    // a new campaign for 2024 with one reporter in each of two townships
    const office2024 = await office.post('/api/accountability/campaigns', {
      unitId: await unitId('中共索县委员会全面依法治县委员会办公室'),
      year: 2024,
      title: '2024年度述法工作',
      dueOn: '2024-12-31',
    });
    expect(office2024.statusCode, office2024.body).toBe(200);
    const id = office2024.json().id;
    const rs = await office.post(`/api/accountability/campaigns/${id}/reporters`, {
      reporters: [
        { unitId: yalaTown, personName: '扎西多吉', post: '党委书记', postType: 'townshipPartySecretary' },
        { unitId: rongbuTown, personName: '格桑罗布', post: '镇长', postType: 'townshipHead' },
      ],
    });
    expect(rs.statusCode, rs.body).toBe(200);
    const [yalaR, rongbuR] = rs.json() as { id: string }[];
    const missing = (
      await office.get(`/api/accountability/campaigns/${id}/completeness?status=missing`)
    ).json();
    expect(missing).toMatchObject({ required: 2, submitted: 0, missing: 2 });
    expect(missing.reporters.map((r: { personName: string }) => r.personName).sort()).toEqual(
      ['扎西多吉', '格桑罗布'].sort(),
    );

    // yala sees only its own township's reporter, and cannot submit or attach for 荣布镇's
    const seen = (await yala.get(`/api/accountability/campaigns/${id}/completeness`)).json();
    expect(seen.reporters.map((r: { id: string }) => r.id)).toEqual([yalaR!.id]);
    expect((await upload(yala, rongbuR!.id)).statusCode).toBe(404);
    const fileR = await upload(office, rongbuR!.id);
    expect(fileR.statusCode).toBe(403);
    const foreign = await yala.post(`/api/accountability/reporters/${rongbuR!.id}/report`, {
      ...report,
      documentFileId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(404);

    // without the signed document, refused naming the field; with it, submitted
    const noDoc = await yala.post(`/api/accountability/reporters/${yalaR!.id}/report`, {
      ...report,
      submittedOn: '2024-12-01',
      documentFileId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noDoc.json()).toMatchObject({ status: 400, errors: [{ field: 'documentFileId' }] });
    const file = await upload(yala, yalaR!.id);
    expect(file.statusCode, file.body).toBe(200);
    const ok = await yala.post(`/api/accountability/reporters/${yalaR!.id}/report`, {
      ...report,
      submittedOn: '2024-12-01',
      documentFileId: file.json().id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().dutyItems.length).toBeGreaterThan(3);
    const after = (
      await office.get(`/api/accountability/campaigns/${id}/completeness?status=missing`)
    ).json();
    expect(after).toMatchObject({
      required: 2,
      submitted: 1,
      missing: 1,
      reporters: [{ personName: '格桑罗布' }],
    });

    // 评议 by the office; the clerk may not review
    const rid = ok.json().id;
    expect(
      (
        await yala.post(`/api/accountability/reports/${rid}/review`, {
          rating: 'good',
          comment: '很好',
          reviewedOn: '2024-12-02',
        })
      ).statusCode,
    ).toBe(403);
    const early = await office.post(`/api/accountability/reports/${rid}/review`, {
      rating: 'good',
      comment: '履职到位',
      reviewedOn: '2024-11-30',
    });
    expect(early.json()).toMatchObject({ status: 400, errors: [{ field: 'reviewedOn' }] });
    const reviewed = await office.post(`/api/accountability/reports/${rid}/review`, {
      rating: 'fairlyGood',
      comment: '履职较好，问题查找须深入',
      reviewedOn: '2024-12-05',
    });
    expect(reviewed.json()).toMatchObject({
      rating: 'fairlyGood',
      ratingLabel: '较好',
      reviewedOn: '2024-12-05',
    });
    expect((await yala.get(`/api/accountability/reports/${rid}`)).json()).toMatchObject({
      ratingLabel: '较好',
    });
  });

  it('takes a returned report out of the count, and the reporter may submit again', async () => {
    const list = (
      await office.get('/api/accountability/reports?year=2023&unitKind=township&pageSize=50')
    ).json();
    expect(list.total).toBe(20);
    const own = list.items.find((r: { unitName: string }) => r.unitName === '亚拉镇人民政府');
    const r = await office.post(`/api/accountability/reports/${own.id}/void`, {
      reason: '未对照职责清单述法，退回重写',
    });
    expect(r.json()).toMatchObject({ voided: true });
    const townships = () =>
      office.get(
        '/api/figures?division=540626&from=2023-01-01&to=2023-12-31&keys=accountability.lawReports.townships',
      );
    expect((await townships()).json().figures[0].value).toBe(19);
    const file = await upload(yala, own.reporterId);
    const again = await yala.post(`/api/accountability/reporters/${own.reporterId}/report`, {
      ...report,
      submittedOn: '2023-12-28',
      documentFileId: file.json().id,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await townships()).json().figures[0].value).toBe(20);
  });
});
