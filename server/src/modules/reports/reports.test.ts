import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import type { Outline } from './contract.js';
import { formatFigure, placeholders } from './format.js';
import { seedOutline } from './seed-outline.js';

interface SeedFigure {
  key: string;
  value: number;
  unit: string;
}
const seedFigures: SeedFigure[] = JSON.parse(
  readFileSync('/work/shared/seed/suo-county-2023-figures.json', 'utf8'),
).figures;

/**
 * The seed's wording of each figure: its value in the seed outline's style for it, with the
 * characters that follow the placeholder there (300余次, 1.2万份, 180余万元, 99%).
 */
function seedWording(key: string): string {
  const f = seedFigures.find((x) => x.key === key)!;
  for (const s of seedOutline.sections) {
    const p = placeholders(s.text).find((x) => x.key === key);
    if (!p) continue;
    const after = s.text
      .slice(s.text.indexOf(p.raw) + p.raw.length)
      .replace(/\{\{.*$/, '')
      .slice(0, 2);
    return formatFigure(f.value, f.unit, p.style, p.digits) + after;
  }
  throw new Error(`${key} not in the seed outline`);
}

/** an outline with the five items that uses only figures the demo computes */
const ready: Outline = {
  title: '{{report.division}}{{report.year}}年法治政府建设\n工作报告',
  preamble: '现将{{report.year}}年度法治政府建设情况报告如下。',
  sections: [
    { id: 'm', level: 1, heading: '主要举措和成效', text: '', item: 'measures' },
    {
      id: 'm1',
      level: 2,
      heading: '落实主体责任',
      text: '收集述法报告（县直部门{{accountability.lawReports.departments}}篇、乡镇{{accountability.lawReports.townships}}篇）。',
      item: 'leaderDuties',
    },
    {
      id: 'm2',
      level: 2,
      heading: '强化考核',
      text: '深入{{assessment.townshipsInspected}}个乡镇开展督察指导考核。',
    },
    { id: 's', level: 1, heading: '存在的不足和原因', text: '基层法治力量仍然薄弱。', item: 'shortcomings' },
    {
      id: 'p',
      level: 1,
      heading: '{{report.nextYear}}年主要安排',
      text: '持续推进依法行政。',
      item: 'plans',
    },
    { id: 'o', level: 1, heading: '其他需要报告的情况', text: '无。', item: 'other' },
  ],
};

describe.each(backends())('年度报告 on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let leader: Client;
  let city: Client;
  let reportId: string;

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    leader = await t.as('leader');
    city = await t.as('city');
    const r = await office.post('/api/reports', { year: 2023, divisionCode: '540626' });
    expect(r.statusCode).toBe(200);
    reportId = r.json().id;
  });
  afterAll(() => t?.close());

  it('creates Suo’s 2023 report from the seed outline, with the 1 April countdown', async () => {
    const r = await office.get(`/api/reports/${reportId}`);
    expect(r.json()).toMatchObject({
      year: 2023,
      subjectName: '索县',
      title: '索县2023年法治政府建设\n工作报告',
      state: 'draft',
      latestSeq: 1,
      countdown: { deadline: '2024-04-01', article: '《法治政府建设与责任落实督察工作规定》第二十四条' },
    });
    expect((await office.post('/api/reports', { year: 2023, divisionCode: '540626' })).json()).toMatchObject({
      status: 409,
      code: 'REPORT_EXISTS',
    });
  });

  it('renders every figure a module computes in the seed report’s own wording', async () => {
    const p = (await office.get(`/api/reports/${reportId}/preview`)).json();
    const text = p.paragraphs.map((x: { text: string }) => x.text).join('\n');
    const owned = seedFigures.filter(
      (f) => t.platform.figures.byKey.has(f.key) && f.key !== 'counsel.firmsRetained',
    );
    expect(owned.length).toBeGreaterThan(10);
    const wrong = owned
      .filter((f) => !text.includes(seedWording(f.key)))
      .map((f) => `${f.key}: ${seedWording(f.key)}`);
    expect(wrong).toEqual([]);
    // keys no module owns are listed and written as （暂无数据来源）, never as a number
    for (const k of p.unowned) expect(t.platform.figures.byKey.has(k)).toBe(false);
    if (p.unowned.length) expect(text).toContain('（暂无数据来源）');
    expect(p.checks.find((c: { key: string }) => c.key === 'reports.requiredItems')).toMatchObject({
      status: 'failed',
      article: '《法治政府建设与责任落实督察工作规定》第二十四条',
    });
  });

  it('flags a figure that changed since the text was rendered', async () => {
    const before = (await office.get(`/api/reports/${reportId}/preview`)).json();
    expect(before.changedSinceRendered).toEqual([]);
    const studies = (
      await office.get('/api/activities?category=lawStudy&from=2023-01-01&to=2023-12-31&pageSize=1')
    ).json();
    const voided = await office.post(`/api/activities/${studies.items[0].id}/void`, { reason: '重复登记' });
    expect(voided.statusCode).toBe(200);
    const after = (await office.get(`/api/reports/${reportId}/preview`)).json();
    const v = before.figures.find((f: { key: string }) => f.key === 'study.lawStudyActivities').value;
    expect(after.changedSinceRendered).toContainEqual({
      key: 'study.lawStudyActivities',
      was: v,
      now: v - 1,
    });
    expect(after.checks.find((c: { key: string }) => c.key === 'reports.figuresChanged').status).toBe(
      'failed',
    );
    // rendering again takes the new value into a new version, and the flag clears
    const re = await office.post(`/api/reports/${reportId}/render`);
    expect(re.json().latestSeq).toBe(2);
    expect((await office.get(`/api/reports/${reportId}/preview`)).json().changedSinceRendered).toEqual([]);
  });

  it('refuses sign-off while the five items are incomplete, then runs comments, sign-off, 保密审查 and publication', async () => {
    const notReady = await office.post(`/api/reports/${reportId}/submit`);
    expect(notReady.json()).toMatchObject({ status: 409, code: 'REPORT_NOT_READY' });
    expect(notReady.json().detail).toContain('存在的不足和原因');

    const stale = await office.put(`/api/reports/${reportId}/outline`, { outline: ready, baseSeq: 1 });
    expect(stale.json()).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    const saved = await office.put(`/api/reports/${reportId}/outline`, {
      outline: ready,
      baseSeq: 2,
      note: '补充不足和安排',
    });
    expect(saved.json()).toMatchObject({ latestSeq: 3, state: 'draft' });

    expect(
      (await office.post(`/api/reports/${reportId}/comments/start`, { dueOn: '2099-01-10' })).json().state,
    ).toBe('commenting');
    const c = await leader.post(`/api/reports/${reportId}/comments`, {
      sectionId: 's',
      body: '不足要写具体。',
    });
    expect(c.json()).toMatchObject({ round: 1, versionSeq: 3, sectionId: 's' });
    expect((await office.post(`/api/reports/${reportId}/comments/close`)).json().state).toBe('draft');

    const p = (await office.get(`/api/reports/${reportId}/preview`)).json();
    expect(p.checks.filter((x: { status: string }) => x.status === 'failed')).toEqual([]);
    expect((await office.post(`/api/reports/${reportId}/submit`)).json().state).toBe('signing');
    // only leaders sign; a return needs a reason
    expect((await office.post(`/api/reports/${reportId}/signoff`, { decision: 'approve' })).statusCode).toBe(
      403,
    );
    expect(
      (await leader.post(`/api/reports/${reportId}/signoff`, { decision: 'approve', comment: '同意' })).json()
        .state,
    ).toBe('secrecyReview');
    expect((await office.post(`/api/reports/${reportId}/publish`, {})).json()).toMatchObject({
      code: 'WRONG_STATE',
    });
    const reviewed = await office.post(`/api/reports/${reportId}/secrecy-review`, {
      result: 'passed',
      note: '经审查，不涉及国家秘密和个人隐私。',
    });
    expect(reviewed.json().state).toBe('approved');
    const pub = await office.post(`/api/reports/${reportId}/publish`, { publishedOn: '2024-03-28' });
    expect(pub.json()).toMatchObject({ state: 'published', publishedSeq: 4, publishedOn: '2024-03-28' });

    const wf = (await office.get(`/api/reports/${reportId}/workflow`)).json();
    expect(wf.signoffs).toMatchObject([{ versionSeq: 3, decision: 'approve', userName: '扎西平措' }]);
    expect(wf.secrecyReviews).toMatchObject([{ versionSeq: 3, result: 'passed', reviewerName: '次仁卓玛' }]);
    expect(wf.versions.map((v: { seq: number; kind: string }) => `${v.seq}:${v.kind}`)).toEqual([
      '1:draft',
      '2:draft',
      '3:draft',
      '4:published',
    ]);
    // every version kept as it was: the first still holds the seed outline
    const v1 = (await office.get(`/api/reports/${reportId}/versions/1`)).json();
    expect(v1.outline.sections).toHaveLength(seedOutline.sections.length);
    // published: frozen, no more edits
    expect((await office.post(`/api/reports/${reportId}/render`)).json()).toMatchObject({
      code: 'WRONG_STATE',
    });
  });

  it('serves the published report on the portal as HTML and Word, frozen with its figures', async () => {
    const anon = t.anonymous();
    const list = (await anon.get('/api/public/reports?division=540626')).json();
    expect(list).toMatchObject([
      { id: reportId, year: 2023, title: '索县2023年法治政府建设工作报告', publishedOn: '2024-03-28' },
    ]);
    const html = await anon.get(list[0].htmlUrl);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('主要举措和成效');
    expect(html.body).toContain('2024年3月28日');
    const docx = await anon.request('GET', list[0].docxUrl);
    expect(docx.headers['content-type']).toContain('officedocument.wordprocessingml');
    const zip = await JSZip.loadAsync((docx as unknown as { rawPayload: Buffer }).rawPayload);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('存在的不足和原因');
    // a draft is not public
    const draft = await office.post('/api/reports', { year: 2022, divisionCode: '540626' });
    expect((await anon.get(`/api/public/reports/${draft.json().id}/html`)).statusCode).toBe(404);
  });

  it('rolls 那曲市 up from its 11 counties: counts summed, Suo’s column equal to Suo’s own figures', async () => {
    const r = (await city.get('/api/reports/rollup?division=540600&year=2023')).json();
    expect(r.counties).toHaveLength(11);
    const suo = r.counties.findIndex((c: { code: string }) => c.code === '540626');
    const own = (await city.get('/api/figures?division=540626&from=2023-01-01&to=2023-12-31')).json().figures;
    for (const f of r.figures) {
      const values = f.byCounty.filter((v: number | null) => v !== null);
      if (f.method === 'sum')
        expect([f.key, f.total]).toEqual([
          f.key,
          values.length ? values.reduce((a: number, b: number) => a + b, 0) : null,
        ]);
      if (f.method === 'none') expect(f.total).toBeNull();
      expect([f.key, f.byCounty[suo]]).toEqual([
        f.key,
        own.find((o: { key: string }) => o.key === f.key).value,
      ]);
    }
    expect(
      r.figures.find((f: { key: string }) => f.key === 'accountability.lawReports.departments').total,
    ).toBeGreaterThanOrEqual(42);
    // the city's report renders with the roll-up
    const created = await city.post('/api/reports', { year: 2023, divisionCode: '540600', outline: ready });
    expect(created.json()).toMatchObject({ subjectName: '那曲市', state: 'draft' });
    const p = (await city.get(`/api/reports/${created.json().id}/preview`)).json();
    const dept = p.figures.find((f: { key: string }) => f.key === 'accountability.lawReports.departments');
    expect(dept.value).toBe(
      r.figures.find((f: { key: string }) => f.key === 'accountability.lawReports.departments').total,
    );
    // a county office cannot draft the city's report
    expect((await office.post('/api/reports', { year: 2024, divisionCode: '540600' })).statusCode).toBe(403);
  });

  it('covers one unit in a department’s own report', async () => {
    const [justice] = await query<{ id: number }>(
      t.database.db,
      sql`select id from org_units where name = '索县司法局'`,
    );
    const r = await office.post('/api/reports', { year: 2023, unitId: justice!.id, outline: ready });
    expect(r.json()).toMatchObject({ subjectKind: 'unit', subjectName: '索县司法局' });
    const p = (await office.get(`/api/reports/${r.json().id}/preview`)).json();
    expect(p.title).toBe('索县司法局2023年法治政府建设\n工作报告');
    const dept = p.figures.find((f: { key: string }) => f.key === 'accountability.lawReports.departments');
    expect(dept.value).toBeLessThan(42);
  });
});
