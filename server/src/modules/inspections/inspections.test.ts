import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';

const KEYS = [
  'enforcement.campaignSiteInspections',
  'enforcement.campaignInterviews',
  'enforcement.campaignLedgerReviews',
  'enforcement.campaignFeedbackItems',
  'enforcement.campaignFeedbackAspects',
  'enforcement.campaignRectificationChecks',
  'assessment.townshipsInspected',
];

describe.each(backends())('inspections on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let officeUnit: number;
  let police: number;
  let towns: number[];

  const figures = async (from = '2024-01-01', to = '2024-12-31') => {
    const r = await office.get(`/api/figures?division=540626&from=${from}&to=${to}`);
    expect(r.statusCode, r.body).toBe(200);
    const all = r.json<{ figures: { key: string; value: number | null }[] }>().figures;
    return Object.fromEntries(all.filter((f) => KEYS.includes(f.key)).map((f) => [f.key, f.value!]));
  };
  const round = async (body: Record<string, unknown>) => {
    const r = await office.post('/api/inspections', { unitId: officeUnit, year: 2024, ...body });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ id: string }>().id;
  };
  const action = (id: string, body: Record<string, unknown>) =>
    office.post(`/api/inspections/${id}/actions`, {
      date: '2024-05-10',
      place: '县公安局交警大队',
      participants: '依法治县办 次仁',
      targetUnitId: police,
      ...body,
    });

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    const units = await query<{ id: number; name: string; kind: string }>(
      t.database.db,
      sql`select id, name, kind from org_units where kind in ('lawOffice', 'township') or name = '索县公安局'`,
    );
    officeUnit = units.find((u) => u.kind === 'lawOffice' && u.name.includes('索县'))!.id;
    police = units.find((u) => u.name === '索县公安局')!.id;
    towns = units.filter((u) => u.kind === 'township').map((u) => u.id);
  });
  afterAll(() => t.close());

  it('has the 2023 demo: 2+2+2 campaign actions, 3 items in 9 aspects each with a finding, 3 checks, 10 townships', async () => {
    expect(await figures('2023-01-01', '2023-12-31')).toEqual({
      'enforcement.campaignSiteInspections': 2,
      'enforcement.campaignInterviews': 2,
      'enforcement.campaignLedgerReviews': 2,
      'enforcement.campaignFeedbackItems': 3,
      'enforcement.campaignFeedbackAspects': 9,
      'enforcement.campaignRectificationChecks': 3,
      'assessment.townshipsInspected': 10,
    });
    const list = (await office.get('/api/inspections?year=2023')).json<{
      items: { id: string; kind: string }[];
    }>();
    expect(list.items.map((r) => r.kind).sort()).toEqual(['assessment', 'followUp', 'specialCampaign']);
    const campaign = (
      await office.get(`/api/inspections/${list.items.find((r) => r.kind === 'specialCampaign')!.id}`)
    ).json();
    const aspects = campaign.feedback.flatMap((i: { aspects: { findingState: string }[] }) => i.aspects);
    expect(aspects).toHaveLength(9);
    const states = aspects.map((a: { findingState: string }) => a.findingState);
    expect(states.filter((s: string) => s === 'closed')).toHaveLength(7);
    expect(states.filter((s: string) => s !== 'closed')).toHaveLength(2);
    const findings = await office.get(
      '/api/findings?sourceModule=inspections&sourceKind=feedbackAspect&pageSize=50',
    );
    expect(findings.json().total).toBe(9);
  });

  it('moves each figure by the actions, feedback and checks recorded, and by nothing else', async () => {
    const before = await figures();
    const campaign = await round({
      title: '道路运输执法专项整治督察',
      kind: 'specialCampaign',
      targetUnitIds: [police],
      methods: ['实地检查', '个别谈话', '查阅台账'],
    });
    expect((await action(campaign, { method: '实地检查' })).statusCode).toBe(200);
    expect((await action(campaign, { method: '个别谈话' })).statusCode).toBe(200);
    const fb = await office.post(`/api/inspections/${campaign}/feedback`, {
      source: '自治区专项督察组',
      receivedOn: '2024-05-20',
      title: '执法不规范',
      aspects: [
        { description: '执法记录仪使用不全程', responsibleUnitId: police, dueOn: '2024-07-31' },
        {
          description: '裁量基准引用不准确',
          responsibleUnitId: police,
          dueOn: '2024-07-31',
          severity: 'serious',
        },
      ],
    });
    expect(fb.statusCode, fb.body).toBe(200);
    const item = fb.json().feedback[0];
    expect(item.aspects.map((a: { findingState: string }) => a.findingState)).toEqual(['open', 'open']);
    // a rectification check must name the feedback, an ordinary action must not
    expect((await action(campaign, { kind: 'followUp', method: '查阅资料' })).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'body.feedbackItemIds' }],
    });
    const check = await action(campaign, {
      kind: 'followUp',
      method: '实地检查',
      feedbackItemIds: [item.id],
    });
    expect(check.statusCode, check.body).toBe(200);
    // a target outside the round is refused, naming the field
    expect((await action(campaign, { method: '个别谈话', targetUnitId: towns[0] })).json()).toMatchObject({
      errors: [{ field: 'targetUnitId' }],
    });
    // a regular round's site visit is not a campaign figure
    const regular = await round({
      title: '日常督察',
      kind: 'regular',
      targetUnitIds: [police],
      methods: ['实地检查'],
    });
    await action(regular, { method: '实地检查' });

    const after = await figures();
    expect(after['enforcement.campaignSiteInspections']).toBe(
      before['enforcement.campaignSiteInspections']! + 1,
    );
    expect(after['enforcement.campaignInterviews']).toBe(before['enforcement.campaignInterviews']! + 1);
    expect(after['enforcement.campaignLedgerReviews']).toBe(before['enforcement.campaignLedgerReviews']);
    expect(after['enforcement.campaignFeedbackItems']).toBe(before['enforcement.campaignFeedbackItems']! + 1);
    expect(after['enforcement.campaignFeedbackAspects']).toBe(
      before['enforcement.campaignFeedbackAspects']! + 2,
    );
    expect(after['enforcement.campaignRectificationChecks']).toBe(
      before['enforcement.campaignRectificationChecks']! + 1,
    );

    // voiding an action takes it out again
    const view = (await office.get(`/api/inspections/${campaign}`)).json();
    const site = view.actions.find(
      (a: { method: string; kind: string }) => a.method === '实地检查' && a.kind === 'inspection',
    );
    expect(
      (await office.post(`/api/inspections/${campaign}/actions/${site.id}/void`, { reason: '重复登记' }))
        .statusCode,
    ).toBe(200);
    expect((await figures())['enforcement.campaignSiteInspections']).toBe(
      before['enforcement.campaignSiteInspections'],
    );
  });

  it('counts distinct townships of an assessment round, not visits', async () => {
    const before = (await figures())['assessment.townshipsInspected']!;
    const id = await round({
      title: '2024年度督察指导考核',
      kind: 'assessment',
      targetUnitIds: towns.slice(0, 3),
      methods: ['听取汇报', '查阅资料'],
    });
    for (const [i, town] of [towns[0], towns[0], towns[1]].entries()) {
      const r = await action(id, {
        method: i ? '查阅资料' : '听取汇报',
        targetUnitId: town,
        place: '乡政府会议室',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await figures())['assessment.townshipsInspected']).toBe(before + 2);
  });

  it('links a 回头看 to an earlier round, and only a 回头看', async () => {
    const first = await round({
      title: '专项督察',
      kind: 'specialCampaign',
      targetUnitIds: [police],
      methods: ['实地检查'],
    });
    const bad = await office.post('/api/inspections', {
      unitId: officeUnit,
      year: 2024,
      title: '回头看',
      kind: 'followUp',
      targetUnitIds: [police],
      methods: ['实地检查'],
    });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ field: 'body.followUpOfId' }] });
    const ok = await round({
      title: '回头看',
      kind: 'followUp',
      followUpOfId: first,
      targetUnitIds: [police],
      methods: ['实地检查'],
    });
    expect((await office.get(`/api/inspections/${ok}`)).json()).toMatchObject({ followUpOfId: first });
  });

  it('is not open to a township clerk or a department clerk', async () => {
    for (const u of ['yala', 'jiaoyu']) {
      const c = await t.as(u);
      expect((await c.get('/api/inspections')).statusCode).toBe(403);
    }
    const leader = await t.as('leader');
    expect((await leader.get('/api/inspections')).statusCode).toBe(200);
    expect(
      (
        await leader.post('/api/inspections', {
          unitId: officeUnit,
          year: 2024,
          title: 'x',
          kind: 'regular',
          targetUnitIds: [police],
          methods: ['实地检查'],
        })
      ).statusCode,
    ).toBe(403);
  });
});
