import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import { nationalNotices } from '../../platform/calendar/national.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { applicationIntake } from './intake.js';
import { ReconsiderationService } from './service.js';
import { P, todayInShanghai } from './store.js';

const year2023 = '/api/reconsideration/dashboard?year=2023';

describe.each(backends())('行政复议 on %s', (kind) => {
  let t: TestApp;
  let fuyi: Client;
  let organ: number;
  const sys = { actor: Actor.system };
  const at = (today: string) =>
    new ReconsiderationService(t.platform.db, t.platform.calendar, t.platform.fieldCrypto, () => today);
  const unitId = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const application = async (over: Record<string, unknown> = {}) => ({
    organUnitId: organ,
    channel: 'counter' as const,
    receivedOn: '2023-09-27',
    applicantKind: 'person' as const,
    applicantName: '索朗旺姆',
    applicantIdNumber: '540626199001011234',
    applicantPhone: '13908961234',
    respondentName: '索县市场监督管理局',
    respondentUnitId: await unitId('索县市场监督管理局'),
    actDescription: '罚款一千元的行政处罚决定',
    request: '撤销处罚决定',
    factsAndReasons: '申请人认为处罚所依据的事实不存在。',
    learnedOn: '2023-09-20',
    officers: ['旦增尼玛', '次仁央宗'],
    attachmentIds: [],
    ...over,
  });
  const expectErr = async (p: Promise<unknown>, code: string, field?: string) => {
    const e = await p.then(
      () => null,
      (x: { code: string; extra?: { errors?: { field: string }[] } }) => x,
    );
    expect(e?.code).toBe(code);
    if (field) expect(e?.extra?.errors?.[0]?.field).toBe(field);
  };

  beforeAll(async () => {
    t = await testApp(kind);
    fuyi = await t.as('fuyi');
    organ = await unitId('索县人民政府');
  });
  afterAll(() => t?.close());

  it('computes the 2023 figures from the demo cases, and lets leaders see them but not the files', async () => {
    const d = await fuyi.get(year2023);
    expect(d.statusCode, d.body).toBe(200);
    const v = Object.fromEntries(
      d.json().figures.map((f: { key: string; value: number }) => [f.key, f.value]),
    );
    expect(v).toMatchObject({
      'reconsideration.cases.received': 13,
      'reconsideration.cases.accepted': 10,
      'reconsideration.cases.refused': 2,
      'reconsideration.cases.decided': 7,
      'reconsideration.decisions.uphold': 3,
      'reconsideration.decisions.revoke': 1,
      'reconsideration.decisions.change': 1,
      'reconsideration.decisions.orderPerform': 1,
      'reconsideration.decisions.reject': 1,
      'reconsideration.cases.mediated': 1,
      'reconsideration.cases.terminated': 1,
      // (撤销 + 变更 + 责令履行) / 7 decided
      'reconsideration.correctionRate': 42.9,
      // 21 + 57 + 79 + 45 + 85 + 20 + 31 = 338 days over 7 decisions
      'reconsideration.averageDaysToDecision': 48.3,
    });
    expect(d.json().byStage.find((s: { stage: string }) => s.stage === 'abandoned').count).toBe(1);

    for (const who of ['leader', 'office', 'city']) {
      const c = await t.as(who);
      const dash = await c.get(year2023);
      expect(dash.statusCode, `${who} dashboard`).toBe(200);
      expect(dash.json().canOpenCases).toBe(false);
      expect((await c.get('/api/reconsideration/cases')).statusCode, `${who} list`).toBe(403);
    }
    for (const who of ['jiaoyu', 'yala', 'mediator', 'counsel']) {
      const c = await t.as(who);
      expect((await c.get(year2023)).statusCode, `${who} dashboard`).toBe(403);
      expect((await c.get('/api/reconsideration/cases')).statusCode, `${who} list`).toBe(403);
    }
    // the figures registry serves the same numbers to the report
    const leader = await t.as('leader');
    const f = await leader.get(
      '/api/figures?division=540626&from=2023-01-01&to=2023-12-31&keys=reconsideration.correctionRate',
    );
    expect(f.json().figures[0].value).toBe(42.9);
  });

  it('changes the correction rate with the organ’s own definition of 纠错', async () => {
    const put = await fuyi.put('/api/reconsideration/settings', {
      organUnitId: organ,
      numberPrefix: '索政复',
      correctiveTypes: ['change', 'revoke'],
    });
    expect(put.statusCode, put.body).toBe(200);
    const d = (await fuyi.get(year2023)).json();
    expect(d.figures.find((f: { key: string }) => f.key === 'reconsideration.correctionRate').value).toBe(
      28.6,
    );
    await fuyi.put('/api/reconsideration/settings', {
      organUnitId: organ,
      numberPrefix: '索政复',
      correctiveTypes: ['change', 'revoke', 'confirmIllegal', 'orderPerform', 'confirmVoid'],
    });
  });

  it('lists cases with stages, numbers and deadline flags, and shows each deadline with its article', async () => {
    const list = await fuyi.get('/api/reconsideration/cases?year=2023&pageSize=50');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      caseNumber: string | null;
      stage: string;
      applicantName: string;
      acceptanceDeemed: boolean;
      id: string;
    }[];
    expect(items).toHaveLength(13);
    const numbers = items
      .map((i) => i.caseNumber)
      .filter(Boolean)
      .sort((a, b) => parseInt(a!.slice(9)) - parseInt(b!.slice(9)));
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `索政复〔2023〕${i + 1}号`));
    const deemed = items.find((i) => i.applicantName === '次旦卓玛')!;
    expect(deemed).toMatchObject({ acceptanceDeemed: true, stage: 'decided' });
    const refused = (await fuyi.get('/api/reconsideration/cases?stage=refused')).json();
    expect(refused.total).toBe(2);

    const extended = items.find((i) => i.applicantName === '多布杰')!;
    const c = (await fuyi.get(`/api/reconsideration/cases/${extended.id}`)).json();
    const decision = c.deadlines.find((d: { key: string }) => d.key === 'decision');
    // 2023-08-09 + 60 = 10-08 (a 调休 Sunday, no roll) + 30 days extension = 11-07
    expect(decision).toMatchObject({
      dueOn: '2023-11-07',
      article: '《行政复议法》第六十二条第一款',
      status: 'met',
    });
    expect(c.deadlines.every((d: { article: string }) => d.article.startsWith('《行政复议法》第'))).toBe(
      true,
    );
    expect(c.copyTo).toEqual(['那曲市交通运输局']);

    const suspended = items.find((i) => i.applicantName === '索县雪域建材有限公司')!;
    const s = (await fuyi.get(`/api/reconsideration/cases/${suspended.id}`)).json();
    expect(s.pausedDays).toBe(30);
    expect(s.deadlines.find((d: { key: string }) => d.key === 'decision').dueOn).toBe('2023-07-11');
  });

  it('shows ID and phone to the office (and audits the read), masks them for a reader without that permission', async () => {
    const list = (await fuyi.get('/api/reconsideration/cases?q=扎西顿珠')).json();
    const id = list.items[0].id;
    const c = (await fuyi.get(`/api/reconsideration/cases/${id}`)).json();
    expect(c.applicant).toMatchObject({
      idNumber: '540626198703150518',
      phone: '13908960215',
      unmasked: true,
    });
    const audit = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'reconsideration.applicant.personal.read' and entity_id = ${id}`,
    );
    expect(audit[0]!.n).toBeGreaterThan(0);
    const stored = await query<{ applicant_id_enc: string; applicant_phone_enc: string }>(
      t.database.db,
      sql`select applicant_id_enc, applicant_phone_enc from reconsideration_cases where id = ${id}`,
    );
    expect(stored[0]!.applicant_id_enc).toMatch(/^sm4:/);
    expect(stored[0]!.applicant_phone_enc).not.toContain('13908960215');

    const [suo] = await query<{ path: string }>(
      t.database.db,
      sql`select path from org_units where id = ${organ}`,
    );
    const readerOnly = Actor.user(
      {
        id: '00000000-0000-4000-8000-000000000001',
        username: 'reader',
        displayName: '只读',
        unitId: organ,
        unitPath: suo!.path,
        mustChangePassword: false,
      },
      [{ role: 'custom', unitId: organ, path: suo!.path, subtree: true, permissions: new Set([P.read]) }],
    );
    const masked = await at('2026-11-25').get({ actor: readerOnly }, id);
    expect(masked.applicant).toMatchObject({
      idNumber: '540626********0518',
      phone: '139****0215',
      unmasked: false,
    });
  });

  it('publishes the decision with names → 某 and numbers masked, and renders the Word documents', async () => {
    const list = (await fuyi.get('/api/reconsideration/cases?q=次仁多吉')).json();
    const id = list.items[0].id;
    const pub = await fuyi.get(`/api/reconsideration/cases/${id}/publication`);
    expect(pub.statusCode, pub.body).toBe(200);
    const text = JSON.stringify(pub.json());
    expect(text).not.toContain('次仁多吉');
    expect(text).toContain('次某');
    expect(text).not.toContain('540626197905020311');
    expect(text).toContain('540626********0311');
    for (const kind of ['acceptance', 'replyNotice', 'decision']) {
      const doc = await fuyi.get(`/api/reconsideration/cases/${id}/documents/${kind}`);
      expect(doc.statusCode, `${kind}: ${doc.body.slice(0, 200)}`).toBe(200);
      expect(doc.headers['content-type']).toContain('wordprocessingml');
      expect(Buffer.from(doc.body, 'binary').subarray(0, 2).toString()).toBe('PK');
    }
    const none = await fuyi.get(`/api/reconsideration/cases/${id}/documents/refusal`);
    expect(none.json()).toMatchObject({ status: 409, code: 'DOCUMENT_NOT_AVAILABLE' });
    const leader = await t.as('leader');
    expect((await leader.get(`/api/reconsideration/cases/${id}/documents/decision`)).statusCode).toBe(403);
  });

  it('deems an application accepted when five working days pass without a refusal, across 国庆 2023 (第三十条)', async () => {
    const s = at('2023-09-27');
    const c = await s.register(sys, await application());
    expect(c).toMatchObject({
      stage: 'intake',
      next: { key: 'intakeReview', dueOn: '2023-10-10', article: '《行政复议法》第三十条' },
    });
    // on the last day of the review the office may still refuse; the day after it may not
    await expectErr(
      at('2023-10-11').refuse(sys, c.id, { on: '2023-10-11', reason: '不属于行政复议范围' }),
      'WRONG_STAGE',
    );
    const after = await at('2023-10-11').copySent(sys, c.id, { on: '2023-10-11' });
    expect(after).toMatchObject({
      stage: 'accepted',
      acceptanceDeemed: true,
      acceptedOn: '2023-10-10',
      caseNumber: '索政复〔2023〕11号',
    });
    expect(after.events.map((e) => e.kind)).toEqual(['received', 'deemedAccepted', 'copySent']);
  });

  it('takes one correction notice listing everything, restarts the review on receipt, and deems abandonment after the window (第三十一条)', async () => {
    const s = at('2023-06-12');
    const c = await s.register(
      sys,
      await application({ receivedOn: '2023-06-08', learnedOn: '2023-06-01', applicantIdNumber: null }),
    );
    const n = await s.correctionNotice(sys, c.id, {
      on: '2023-06-12',
      items: ['提供公民身份号码', '提供处罚决定书复印件'],
    });
    expect(n.deadlines.find((d) => d.key === 'correctionReply')).toMatchObject({
      dueOn: '2023-06-27',
      article: '《行政复议法》第三十一条第二款',
    });
    await expectErr(
      s.correctionNotice(sys, c.id, { on: '2023-06-12', items: ['再补充一项'] }),
      'WRONG_STAGE',
    );
    await expectErr(
      at('2023-06-28').accept(sys, c.id, { on: '2023-06-28', procedure: 'normal' }),
      'WRONG_STAGE',
    );
    // a refused step writes nothing; the settle job writes the lapse
    expect(await at('2023-06-28').settleAll(sys)).toBeGreaterThan(0);
    const row = await query<{ stage: string; abandoned_on: string }>(
      t.database.db,
      sql`select stage, abandoned_on::text from reconsideration_cases where id = ${c.id}`,
    );
    expect(row[0]).toMatchObject({ stage: 'abandoned', abandoned_on: '2023-06-28' });

    const d = await s.register(sys, await application({ receivedOn: '2023-06-08', learnedOn: '2023-06-01' }));
    await s.correctionNotice(sys, d.id, { on: '2023-06-09', items: ['写明行政复议请求'] });
    const back = await at('2023-06-26').correctionReceived(sys, d.id, '2023-06-26');
    expect(back.deadlines.find((x) => x.key === 'intakeReview')).toMatchObject({ dueOn: '2023-07-03' });
    // after the first five working days (6/2–6/8) the application stands accepted: no correction notice
    const late = await s.register(
      sys,
      await application({ receivedOn: '2023-06-01', learnedOn: '2023-05-30' }),
    );
    const refused = await at('2023-06-09')
      .correctionNotice(sys, late.id, { on: '2023-06-09', items: ['补充证据'] })
      .catch((e: { code: string; detail: string }) => e);
    expect(refused).toMatchObject({ code: 'WRONG_STAGE', detail: expect.stringContaining('视为受理') });
  });

  it('refuses with reasons and names the proper organ; flags a late application (第二十条、第三十条第二款)', async () => {
    const s = at('2023-10-09');
    const c = await s.register(sys, await application({ receivedOn: '2023-10-09', learnedOn: '2023-08-01' }));
    // 2023-08-01 + 60 = 09-30 in 国庆 → 10-07; received 10-09 is late
    expect(c.late).toBe(true);
    const r = await s.refuse(sys, c.id, {
      on: '2023-10-09',
      reason: '超过法定申请期限且无正当理由。',
      properOrgan: null,
    });
    expect(r).toMatchObject({ stage: 'refused', caseNumber: null, documents: [{ kind: 'refusal' }] });
  });

  it('counts the period from learning of the right when the applicant was not told of it, at most a year (第二十条第三款)', async () => {
    const s = at('2023-10-09');
    // the same dates late above, but the applicant learned of the right to apply on 2023-09-25
    const c = await s.register(
      sys,
      await application({ receivedOn: '2023-10-09', learnedOn: '2023-08-01', rightsLearnedOn: '2023-09-25' }),
    );
    expect(c.late).toBe(false);
    expect(c.rightsLearnedOn).toBe('2023-09-25');
    expect(c.deadlines[0]).toMatchObject({ key: 'application', article: '《行政复议法》第二十条第三款' });
    // and the receipt event says so
    const [ev] = await query<{ late: boolean }>(
      t.database.db,
      sql`select (detail->>'late')::boolean as late from reconsideration_events where case_id = ${c.id} and kind = 'received'`,
    );
    expect(ev?.late).toBe(false);
    await expectErr(
      s.register(sys, await application({ learnedOn: '2023-08-01', rightsLearnedOn: '2023-07-01' })),
      'INVALID_INPUT',
      'rightsLearnedOn',
    );
  });

  it('keeps the procedure rules: simple needs a ground and cannot be extended; decisions need two officers, the copy-to organ, the reply or Art. 70', async () => {
    // each step runs as of its own day
    const c = await at('2023-11-01').register(
      sys,
      await application({
        receivedOn: '2023-11-01',
        learnedOn: '2023-10-30',
        amountYuan: 1000,
        officers: ['旦增尼玛'],
      }),
    );
    await expectErr(
      at('2023-11-03').accept(sys, c.id, { on: '2023-11-03', procedure: 'simple' }),
      'INVALID_INPUT',
      'simpleGround',
    );
    const a = await at('2023-11-03').accept(sys, c.id, {
      on: '2023-11-03',
      procedure: 'simple',
      simpleGround: 'smallAmount',
    });
    expect(a.deadlines.find((d) => d.key === 'decision')).toMatchObject({
      dueOn: '2023-12-04',
      article: '《行政复议法》第六十二条第二款',
    });
    await expectErr(
      at('2023-11-10').extend(sys, c.id, {
        on: '2023-11-10',
        days: 10,
        approvedBy: '边巴次仁',
        reason: '复杂',
      }),
      'SIMPLE_NO_EXTENSION',
    );
    const decide = {
      on: '2023-11-28',
      type: 'uphold' as const,
      findings: '查明事实清楚',
      reasoning: '依据正确程序合法',
      order: '维持原处罚决定',
      thirdPartyEvidence: false,
    };
    await expectErr(at('2023-11-28').decide(sys, c.id, decide), 'TOO_FEW_OFFICERS');
    await at('2023-11-28').update(sys, c.id, { officers: ['旦增尼玛', '次仁央宗'] });
    await expectErr(at('2023-11-28').decide(sys, c.id, decide), 'COPY_NOT_SENT');
    await at('2023-11-28').copySent(sys, c.id, { on: '2023-11-06' });
    // no reply within 5 working days (第五十四条): upholding is barred by 第七十条
    await expectErr(at('2023-11-28').decide(sys, c.id, decide), 'NO_REPLY');
    // the respondent is a county department: the decision must be copied to its superior (第七十九条第二款)
    await expectErr(
      at('2023-11-28').decide(sys, c.id, { ...decide, type: 'revoke' }),
      'INVALID_INPUT',
      'respondentSuperior',
    );
    await at('2023-11-28').update(sys, c.id, { respondentSuperior: '那曲市市场监督管理局' });
    const done = await at('2023-11-28').decide(sys, c.id, { ...decide, type: 'revoke' });
    expect(done).toMatchObject({
      stage: 'decided',
      decisionArticle: '《行政复议法》第六十四条',
      copyTo: ['那曲市市场监督管理局'],
    });
    expect(done.actions).toEqual(['publish']);
  });

  it('pauses for suspension, extends once by at most 30 days, and holds hearings with notice and a full panel', async () => {
    // each step runs as of its own day
    const c = await at('2023-02-27').register(
      sys,
      await application({
        receivedOn: '2023-02-27',
        learnedOn: '2023-02-20',
        respondentSuperior: '那曲市市场监督管理局',
      }),
    );
    await at('2023-03-01').accept(sys, c.id, { on: '2023-03-01', procedure: 'normal', major: true });
    await at('2023-03-10').suspend(sys, c.id, { on: '2023-03-10', ground: 'forceMajeure' });
    const paused = await at('2023-03-20').get(sys, c.id);
    expect(paused.deadlines.find((d) => d.key === 'decision')).toMatchObject({
      status: 'paused',
      dueOn: null,
    });
    const resumed = await at('2023-03-25').resume(sys, c.id, '2023-03-25');
    expect(resumed.deadlines.find((d) => d.key === 'decision')!.dueOn).toBe('2023-05-15');
    const ext = await at('2023-05-10').extend(sys, c.id, {
      on: '2023-05-10',
      days: 30,
      approvedBy: '边巴次仁',
      reason: '需调取外地证据',
    });
    expect(ext.deadlines.find((d) => d.key === 'decision')!.dueOn).toBe('2023-06-14');
    await expectErr(
      at('2023-05-11').extend(sys, c.id, {
        on: '2023-05-11',
        days: 1,
        approvedBy: '边巴次仁',
        reason: '再延',
      }),
      'ALREADY_EXTENDED',
    );
    await at('2023-06-10').copySent(sys, c.id, { on: '2023-03-02' });
    await at('2023-06-10').reply(sys, c.id, '2023-03-08');
    const decide = {
      on: '2023-06-10',
      type: 'uphold' as const,
      findings: '查明事实清楚',
      reasoning: '依据正确程序合法',
      order: '维持',
      thirdPartyEvidence: false,
    };
    await expectErr(at('2023-06-10').decide(sys, c.id, decide), 'HEARING_REQUIRED');
    const hearing = {
      noticeOn: '2023-05-29',
      hearingOn: '2023-06-02',
      place: '听证室',
      matters: '事实认定',
      presiding: '旦增尼玛',
      members: ['次仁央宗', '格桑卓嘎'],
      clerk: '尼玛拉姆',
    };
    // 5-29 + 5 working days (端午 6/22 is later) = 6-05
    await expectErr(at('2023-06-10').hearing(sys, c.id, hearing), 'INVALID_INPUT', 'hearingOn');
    const h = await at('2023-06-10').hearing(sys, c.id, { ...hearing, hearingOn: '2023-06-05' });
    await at('2023-06-10').hearingRecord(sys, c.id, {
      hearingId: h.hearings[0]!.id,
      heldOn: '2023-06-05',
      record: '双方陈述意见并质证，记录在案。',
    });
    await expectErr(at('2023-06-10').decide(sys, c.id, decide), 'CONSULTATION_REQUIRED');
    await at('2023-06-10').consult(sys, c.id, { on: '2023-06-07', opinion: '同意维持' });
    expect(await at('2023-06-10').decide(sys, c.id, decide)).toMatchObject({
      stage: 'decided',
      decidedOn: '2023-06-10',
    });
  });

  it('gives gapless, unique case numbers to concurrent acceptances', async () => {
    const s = at('2024-03-20');
    const ids = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (
          await s.register(
            sys,
            await application({
              receivedOn: '2024-03-18',
              learnedOn: '2024-03-01',
              applicantName: `申请人${i}`,
            }),
          )
        ).id,
      );
    const views = await Promise.all(
      ids.map((id) => s.accept(sys, id, { on: '2024-03-19', procedure: 'normal' })),
    );
    expect(views.map((v) => v.caseNumber).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `索政复〔2024〕${n}号`).sort(),
    );
  });

  it('takes a portal application through the intake handler and reports stage, number and next deadline', async () => {
    const payload = applicationIntake.schema.parse({
      organUnitId: organ,
      applicantName: '白玛',
      applicantPhone: '13908969999',
      respondentName: '索县教育局',
      actDescription: '不予批准民办幼儿园设立的决定',
      request: '撤销不予批准决定',
      factsAndReasons: '申请人认为材料齐全，符合设立条件。',
      learnedOn: '2026-11-20',
    });
    expect(applicationIntake.secondFactor(payload)).toBe('13908969999');
    expect(await applicationIntake.receivingUnit!({ db: t.platform.db, payload })).toBe(organ);
    const receivedAt = new Date();
    // Received today: the review period may run into a year (this one, or the next late in December)
    // whose notice the region enters when the release does not bundle it yet; here a one-day stand-in.
    const thisYear = Number(todayInShanghai().slice(0, 4));
    for (const year of [thisYear, thisYear + 1])
      if (!nationalNotices[year])
        await t.platform.calendar.enterNationalYear(sys, year, {
          source: `测试：${year}年部分节假日安排的通知（替代）`,
          holidays: [{ name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` }],
          workdays: [],
        });
    const id = await inTx(t.platform.db, sys, (tx) =>
      applicationIntake.process({
        platform: t.platform,
        db: tx.db,
        tx,
        submissionId: 'sub-1',
        receivedAt,
        payload,
        fileIds: [],
      }),
    );
    const status = await applicationIntake.status({ platform: t.platform, db: t.platform.db, recordId: id });
    expect(status).toMatchObject({
      stageCode: 'intake',
      caseNumber: null,
      nextDeadline: { label: '受理审查期限', article: '《行政复议法》第三十条' },
    });
    const row = await query<{ channel: string; received_on: string }>(
      t.database.db,
      sql`select channel, received_on::text from reconsideration_cases where id = ${id}`,
    );
    expect(row[0]).toMatchObject({
      channel: 'portal',
      received_on: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(receivedAt),
    });
  });

  it('answers 404 for another county’s case on every by-id route, and changes nothing', async () => {
    const jiali = await unitId('嘉黎县人民政府');
    const foreign = await at('2023-09-27').register(
      sys,
      await application({ organUnitId: jiali, respondentUnitId: null, respondentName: '嘉黎县公安局' }),
    );
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/reconsideration/cases/${foreign.id}`],
      ['PATCH', `/api/reconsideration/cases/${foreign.id}`, { major: true }],
      ['GET', `/api/reconsideration/cases/${foreign.id}/publication`],
      ['GET', `/api/reconsideration/cases/${foreign.id}/documents/acceptance`],
      ...[
        'accept',
        'refuse',
        'correction-notice',
        'correction-received',
        'correction-extend',
        'switch-procedure',
        'copy-sent',
        'reply',
        'hearings',
        'hearing-record',
        'consultation',
        'suspend',
        'resume',
        'extend',
        'decide',
        'mediate',
        'terminate',
        'publish',
      ].map((a): [string, string, unknown] => [
        'POST',
        `/api/reconsideration/cases/${foreign.id}/${a}`,
        bodies[a] ?? { on: '2023-10-09' },
      ]),
    ];
    for (const [method, url, body] of routes) {
      const r = await fuyi.request(method, url, body);
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(404);
    }
    const row = await query<{ stage: string; major: boolean }>(
      t.database.db,
      sql`select stage, major from reconsideration_cases where id = ${foreign.id}`,
    );
    expect(row[0]).toMatchObject({ stage: 'intake', major: false });
    // inside the scope the same route answers
    const own = (await fuyi.get('/api/reconsideration/cases?q=扎西顿珠')).json().items[0].id;
    expect((await fuyi.get(`/api/reconsideration/cases/${own}`)).statusCode).toBe(200);
  });
});

const bodies: Record<string, unknown> = {
  accept: { on: '2023-10-09', procedure: 'normal' },
  refuse: { on: '2023-10-09', reason: '不属于复议范围' },
  'correction-notice': { on: '2023-10-09', items: ['补充材料'] },
  'correction-extend': { to: '2023-11-09', reason: '正当理由' },
  'switch-procedure': { on: '2023-10-09', approvedBy: '边巴次仁', reason: '案情复杂' },
  hearings: {
    noticeOn: '2023-10-09',
    hearingOn: '2023-10-20',
    place: '听证室',
    matters: '事实',
    presiding: '甲某某',
    members: ['乙某某', '丙某某'],
    clerk: '丁某某',
  },
  'hearing-record': { hearingId: 1, heldOn: '2023-10-20', record: '听证笔录内容记录在案。' },
  consultation: { on: '2023-10-09', opinion: '咨询意见' },
  suspend: { on: '2023-10-09', ground: 'forceMajeure' },
  extend: { on: '2023-10-09', days: 10, approvedBy: '边巴次仁', reason: '复杂' },
  decide: {
    on: '2023-10-09',
    type: 'uphold',
    findings: '查明事实',
    reasoning: '理由充分',
    order: '维持决定',
  },
  mediate: { on: '2023-10-09', agreement: '调解协议内容' },
  terminate: { on: '2023-10-09', ground: 'withdrawn' },
};
