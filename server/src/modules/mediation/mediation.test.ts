import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import { CaseService } from './cases.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { mediationIntake } from './portal.js';

const Y = 'from=2023-01-01&to=2023-12-31';

describe.each(backends())('人民调解 on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let leader: Client;
  let mediator: Client;
  const one = async <T>(q: ReturnType<typeof sql>) => (await query<T>(t.database.db, q))[0]!;
  const unitId = async (name: string) =>
    (await one<{ id: number }>(sql`select id from org_units where name = ${name}`)).id;
  const mediatorsOf = async (unit: number) =>
    (
      await query<{ id: string }>(
        t.database.db,
        sql`select id from mediators where unit_id = ${unit} and voided_at is null order by name`,
      )
    ).map((r) => r.id);
  const party = (role: 'applicant' | 'respondent', name: string, idNumber: string, phone: string) => ({
    role,
    name,
    gender: 'male',
    ethnicity: '藏族',
    idNumber,
    phone,
    address: '索县亚拉镇',
  });
  const newCase = (unit: number, extra: Record<string, unknown> = {}) => ({
    unitId: unit,
    receivedOn: '2023-08-28',
    source: 'walkIn',
    disputeTypeCode: 'grassland',
    grade: 'complex',
    divisionCode: '540626100',
    summary: '两户牧民夏季草场边界争议',
    amount: 12345.67,
    parties: [
      party('applicant', '扎西顿珠', '540626198503120317', '13908961111'),
      party('respondent', '次仁旺堆', '540626199001020415', '13908962222'),
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    leader = await t.as('leader');
    mediator = await t.as('mediator');
  });
  afterAll(() => t?.close());

  it('says why the judicial-confirmation window is not computed when its year has no holiday notice', async () => {
    const cases = new CaseService(t.platform);
    // 2099 stands for a year whose State Council notice is not in the calendar yet
    expect(await cases.windowOrWhyNot('2099-12-20', '540626')).toEqual({
      window: null,
      pending: expect.stringContaining('按通知录入'),
    });
    expect((await cases.windowOrWhyNot('2023-09-01', '540626')).window).toMatchObject({ end: '2023-10-07' });
    await expect(cases.windowOrWhyNot('2023-09-01', '999999')).rejects.toMatchObject({ status: 400 });
  });

  it('reproduces the Suo 2023 figures of 六（二） from the demo records', async () => {
    const r = await office.get(
      `/api/figures?division=540626&${Y}&keys=${[
        'mediation.disputesResolved',
        'mediation.judicialConfirmations',
        'mediation.amountInvolved',
        'mediation.visitors',
        'mediation.onlineAnswers',
        'mediation.legalConsultations',
        'mediation.resolutionRate',
        'mediation.caseFilesEvaluated',
        'mediation.subsidiesPaid',
        'mediation.fullTimeMediatorsRecruited',
        'mediation.fullTimeMediatorsSelected',
      ].join(',')}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const v = Object.fromEntries(
      r.json<{ figures: { key: string; value: number }[] }>().figures.map((f) => [f.key, f.value]),
    );
    expect(v).toMatchObject({
      'mediation.disputesResolved': 12,
      'mediation.judicialConfirmations': 12,
      'mediation.visitors': 56,
      'mediation.onlineAnswers': 289,
      'mediation.legalConsultations': 150,
      'mediation.caseFilesEvaluated': 83,
      'mediation.subsidiesPaid': 24590,
      'mediation.fullTimeMediatorsRecruited': 18,
      'mediation.fullTimeMediatorsSelected': 9,
    });
    expect(v['mediation.amountInvolved']).toBeGreaterThanOrEqual(1_800_000);
    expect(v['mediation.amountInvolved']).toBeLessThan(1_900_000);
    expect(Math.round(v['mediation.resolutionRate']! * 100)).toBe(99);
    // the three questions of 30–31 December were answered in 2024
    const y24 = await office.get(
      '/api/figures?division=540626&from=2024-01-01&to=2024-12-31&keys=mediation.onlineAnswers',
    );
    expect(y24.json().figures[0].value).toBe(3);
  });

  it('counts a matter as resolved by the documented definition: a visit referred elsewhere lowers the rate', async () => {
    const centre = await unitId('索县矛盾纠纷多元化解中心');
    const rate = async () =>
      (
        await office.get(
          '/api/figures?division=540626&from=2024-03-01&to=2024-03-31&keys=mediation.resolutionRate,mediation.visitors',
        )
      ).json().figures as { key: string; value: number | null }[];
    expect((await rate()).find((f) => f.key === 'mediation.resolutionRate')!.value).toBeNull();
    const a = await office.post('/api/mediation/visits', {
      unitId: centre,
      visitedOn: '2024-03-04',
      visitorName: '格桑',
      persons: 3,
      matter: '反映邻居占道',
    });
    expect(a.statusCode, a.body).toBe(200);
    const b = await office.post('/api/mediation/visits', {
      unitId: centre,
      visitedOn: '2024-03-05',
      visitorName: '达瓦',
      matter: '反映信访事项',
    });
    await office.post(`/api/mediation/visits/${a.json().id}/close`, {
      handling: 'resolved',
      closedOn: '2024-03-04',
      note: '释法说理，当场化解',
    });
    await office.post(`/api/mediation/visits/${b.json().id}/close`, {
      handling: 'referred',
      closedOn: '2024-03-05',
      note: '引导至信访局',
    });
    const again = await office.post(`/api/mediation/visits/${b.json().id}/close`, {
      handling: 'resolved',
      closedOn: '2024-03-05',
      note: '再次办结',
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'VISIT_CLOSED' });
    expect(await rate()).toEqual([
      expect.objectContaining({ key: 'mediation.visitors', value: 4 }),
      expect.objectContaining({ key: 'mediation.resolutionRate', value: 0.5 }),
    ]);
  });

  it('the centre registers a case, routes it by grade, records the mediation and an agreement, and downloads the Word', async () => {
    const centre = await unitId('索县矛盾纠纷多元化解中心');
    const yalaCommittee = await unitId('亚拉镇人民调解委员会');
    const made = await office.post('/api/mediation/cases', newCase(centre));
    expect(made.statusCode, made.body).toBe(200);
    const c = made.json();
    expect(c).toMatchObject({
      number: '索县矛调〔2023〕13号',
      status: 'received',
      receivedAtCentre: true,
      amount: 12345.67,
      personalShown: true,
    });
    expect(c.partyList[0]).toMatchObject({ idNumber: '540626198503120317', phone: '13908961111' });
    // at rest the numbers are SM4 ciphertext
    const stored = await one<{ id_number_enc: string; phone_enc: string }>(
      sql`select id_number_enc, phone_enc from mediation_parties where case_id = ${c.id} order by sort limit 1`,
    );
    expect(stored.id_number_enc).toMatch(/^sm4:/);
    expect(stored.id_number_enc).not.toContain('540626198503120317');

    const route = await office.get(`/api/mediation/cases/${c.id}/route`);
    expect(route.json()).toMatchObject({ level: 'township', units: [{ id: yalaCommittee }] });
    const team = await mediatorsOf(yalaCommittee);
    const wrong = await office.post(`/api/mediation/cases/${c.id}/assign`, {
      unitId: yalaCommittee,
      mediatorIds: [(await mediatorsOf(await unitId('索县人民调解委员会')))[0]],
    });
    expect(wrong.json()).toMatchObject({ status: 400, errors: [{ field: 'mediatorIds.0' }] });
    const assigned = await office.post(`/api/mediation/cases/${c.id}/assign`, {
      unitId: yalaCommittee,
      mediatorIds: team.slice(0, 2),
    });
    expect(assigned.json()).toMatchObject({ status: 'mediating', unitName: '亚拉镇人民调解委员会' });

    const early = await mediator.post(`/api/mediation/cases/${c.id}/close`, {
      outcome: 'agreed',
      closedOn: '2023-08-30',
      agreement: {
        facts: '双方对草场边界各执一词。',
        terms: ['以河沟为界'],
        performanceMethod: '现场立桩',
        performanceDue: '2023-09-10',
        effectiveOn: '2023-08-30',
      },
    });
    expect(early.json()).toMatchObject({ status: 400, errors: [{ field: 'outcome' }] });
    const s = await mediator.post(`/api/mediation/cases/${c.id}/sessions`, {
      heldOn: '2023-08-30',
      place: '亚拉镇调解室',
      record: '听取双方陈述，实地查看草场边界。',
    });
    expect(s.statusCode, s.body).toBe(200);
    const closed = await mediator.post(`/api/mediation/cases/${c.id}/close`, {
      outcome: 'agreed',
      closedOn: '2023-09-01',
      agreement: {
        facts: '双方对夏季草场边界各执一词，经实地查看，以河沟为界。',
        terms: ['以河沟为界，双方各自放牧', '被申请人补偿申请人12345.67元'],
        termsBo: ['ཆུ་ལུང་ས་མཚམས་སུ་བཟུང་།'],
        performanceMethod: '现场立桩、一次性转账',
        performanceDue: '2023-09-10',
        effectiveOn: '2023-09-01',
      },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    // 2023-09-01 + 30 days = 2023-10-01, 国庆 (9/29–10/6 off): the last day moves to 10/7, a 调休 workday
    expect(closed.json().confirmationWindow).toMatchObject({
      end: '2023-10-07',
      law: '民事诉讼法',
      article: expect.stringContaining('第二百零五条'),
    });
    expect(closed.json().confirmationWindow.description).toContain('顺延');
    expect(closed.json().confirmationWindowPending).toBeNull();

    const doc = await mediator.get(`/api/mediation/cases/${c.id}/agreement.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.headers['content-disposition']).toContain(encodeURIComponent('人民调解协议书'));
    expect(doc.body.slice(0, 2)).toBe('PK');

    const late = await mediator.post(`/api/mediation/cases/${c.id}/confirmation`, {
      appliedOn: '2023-10-08',
      court: '索县人民法院',
    });
    expect(late.json()).toMatchObject({ status: 400, errors: [{ field: 'appliedOn' }] });
    const applied = await mediator.post(`/api/mediation/cases/${c.id}/confirmation`, {
      appliedOn: '2023-10-07',
      court: '索县人民法院',
    });
    expect(applied.json().confirmation).toMatchObject({
      windowEnd: '2023-10-07',
      withinWindow: true,
      ruling: null,
    });
    const ruled = await mediator.post(`/api/mediation/cases/${c.id}/confirmation/ruling`, {
      ruling: 'confirmed',
      ruledOn: '2023-10-16',
      rulingNumber: '（2023）藏0626民特200号',
    });
    expect(ruled.json().confirmation).toMatchObject({ ruling: 'confirmed', rulingLabel: '裁定调解协议有效' });
    const f = await mediator.post(`/api/mediation/cases/${c.id}/follow-ups`, {
      visitedOn: '2023-09-12',
      performance: 'performed',
      note: '已立桩并支付补偿',
    });
    expect(f.json()).toMatchObject({ performance: 'performed' });

    const figs = await office.get(
      `/api/figures?division=540626&${Y}&keys=mediation.disputesResolved,mediation.judicialConfirmations`,
    );
    expect(figs.json().figures.map((x: { value: number }) => x.value)).toEqual([13, 13]);
  });

  it('masks ID and phone numbers for a leader and audits the unmasked reads of the office and the mediator', async () => {
    const yalaCase = (await mediator.get('/api/mediation/cases?pageSize=1&status=agreed')).json().items[0]
      .id as string;
    const asLeader = await leader.get(`/api/mediation/cases/${yalaCase}`);
    expect(asLeader.statusCode).toBe(200);
    expect(asLeader.json().personalShown).toBe(false);
    const p = asLeader.json().partyList.find((x: { kind: string }) => x.kind === 'person');
    expect(p.idNumber).toMatch(/^540626\*{8}[\dX]{4}$/);
    expect(p.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const before = await one<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'mediation.case.personal.read' and entity_id = ${yalaCase}`,
    );
    const asMediator = await mediator.get(`/api/mediation/cases/${yalaCase}`);
    expect(asMediator.json().personalShown).toBe(true);
    expect(asMediator.json().partyList.find((x: { kind: string }) => x.kind === 'person').idNumber).toMatch(
      /^540626\d{11}[\dX]$/,
    );
    const after = await one<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'mediation.case.personal.read' and entity_id = ${yalaCase}`,
    );
    expect(after.n).toBe(before.n + 1);
  });

  it('shows a mediator only its own committee’s cases, the office every committee’s', async () => {
    const mine = (await mediator.get('/api/mediation/cases?pageSize=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((c: { unitName: string }) => c.unitName))).toEqual(
      new Set(['亚拉镇人民调解委员会']),
    );
    const all = (await office.get('/api/mediation/cases?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(mine.total + 70);
    const other = all.items.find((c: { unitName: string }) => c.unitName === '荣布镇人民调解委员会');
    expect((await mediator.get(`/api/mediation/cases/${other.id}`)).statusCode).toBe(404);
    const committees = (await mediator.get('/api/mediation/committees')).json();
    expect(committees.map((c: { name: string }) => c.name)).toEqual(['亚拉镇人民调解委员会']);
  });

  it('warns where a committee lacks a woman or, in a multi-ethnic area, a member of a smaller group (第八条)', async () => {
    const list = (await office.get('/api/mediation/committees')).json() as {
      unitId: number;
      name: string;
      warnings: string[];
      members: number;
    }[];
    const flagged = list.filter((c) => c.warnings.length);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.warnings[0]).toContain('妇女成员');
    const county = list.find((c) => c.name === '索县人民调解委员会')!;
    expect(county.warnings).toEqual([]);
    const yala = list.find((c) => c.name === '亚拉镇人民调解委员会')!;
    const set = await office.put(`/api/mediation/committees/${yala.unitId}/profile`, {
      multiEthnic: true,
      majorityEthnicity: '藏族',
    });
    expect(set.json().warnings).toEqual([expect.stringContaining('人数较少民族')]);
    const han = await office.post('/api/mediation/mediators', {
      unitId: yala.unitId,
      name: '王海涛',
      gender: 'male',
      ethnicity: '汉族',
      employment: 'partTime',
      appointment: 'elected',
      appointedOn: '2024-01-10',
      committeeRole: 'member',
    });
    expect(han.statusCode, han.body).toBe(200);
    const after = (await office.get('/api/mediation/committees'))
      .json()
      .find((c: { unitId: number }) => c.unitId === yala.unitId);
    expect(after.warnings).toEqual([]);
    const second = await office.post('/api/mediation/mediators', {
      ...(han.json() as object),
      unitId: yala.unitId,
      name: '次仁',
      committeeRole: 'director',
      appointedOn: '2024-01-10',
      phone: null,
    });
    expect(second.json()).toMatchObject({ status: 400, errors: [{ field: 'committeeRole' }] });
  });

  it('records a training as a link to the ledger’s mediator training', async () => {
    const [m] = await mediatorsOf(await unitId('荣布镇人民调解委员会'));
    const activity = await one<{ id: string; title: string }>(
      sql`select id, title from activities a where kind = 'mediatorTraining'
          and not exists (select 1 from mediator_trainings x where x.mediator_id = ${m} and x.activity_id = a.id) order by date limit 1`,
    );
    const other = await one<{ id: string }>(
      sql`select id from activities where kind <> 'mediatorTraining' limit 1`,
    );
    const bad = await office.post(`/api/mediation/mediators/${m}/trainings`, { activityId: other.id });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ field: 'activityId' }] });
    const ok = await office.post(`/api/mediation/mediators/${m}/trainings`, { activityId: activity.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().trainings).toContainEqual(
      expect.objectContaining({ activityId: activity.id, title: activity.title }),
    );
    const dup = await office.post(`/api/mediation/mediators/${m}/trainings`, { activityId: activity.id });
    expect(dup.json()).toMatchObject({ status: 409 });
  });

  it('pays per case by grade and committee level, excludes what the rules exclude, and exports the payout list', async () => {
    const justice = await unitId('索县司法局');
    const rates = {
      county: { simple: 300, complex: 460, difficult: 650 },
      township: { simple: 240, complex: 380, difficult: 520 },
      village: { simple: 150, complex: 250, difficult: 350 },
    };
    const round = await office.post('/api/mediation/rounds', {
      unitId: justice,
      divisionCode: '540626',
      year: 2024,
      title: '2024年第一季度案卷评定',
      heldOn: '2024-04-10',
      rates,
    });
    expect(round.statusCode, round.body).toBe(200);
    const id = round.json().id;
    // a case of the demo's 2023 round cannot be paid twice
    const paid = await one<{ case_id: string }>(sql`select case_id from mediation_case_evaluations limit 1`);
    const again = await office.post(`/api/mediation/rounds/${id}/evaluations`, {
      caseId: paid.case_id,
      parts: [],
      grade: 'simple',
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'ALREADY_EVALUATED' });
    // two fresh closed cases of 荣布镇: one agreed and performed, one failed
    const rongbu = await unitId('荣布镇人民调解委员会');
    const team = await mediatorsOf(rongbu);
    const make = async (outcome: 'agreed' | 'failed') => {
      const c = (
        await office.post(
          '/api/mediation/cases',
          newCase(rongbu, {
            divisionCode: (
              await one<{ division_code: string }>(
                sql`select division_code from org_units where id = ${rongbu}`,
              )
            ).division_code,
            receivedOn: '2024-02-01',
            grade: 'simple',
          }),
        )
      ).json();
      const a = await office.post(`/api/mediation/cases/${c.id}/assign`, {
        unitId: rongbu,
        mediatorIds: [team[1], team[0]],
      });
      expect(a.statusCode, a.body).toBe(200);
      const s = await office.post(`/api/mediation/cases/${c.id}/sessions`, {
        heldOn: '2024-02-02',
        place: '荣布镇调解室',
        record: '组织双方当面协商，听取意见。',
      });
      expect(s.statusCode, s.body).toBe(200);
      const closed = await office.post(
        `/api/mediation/cases/${c.id}/close`,
        outcome === 'agreed'
          ? {
              outcome,
              closedOn: '2024-02-05',
              agreement: {
                facts: '双方对赔偿数额有争议。',
                terms: ['赔偿500元'],
                performanceMethod: '现金',
                performanceDue: '2024-02-20',
                effectiveOn: '2024-02-05',
              },
            }
          : { outcome, closedOn: '2024-02-05', note: '分歧较大，告知可向法院起诉' },
      );
      expect(closed.statusCode, closed.body).toBe(200);
      if (outcome === 'agreed')
        await office.post(`/api/mediation/cases/${c.id}/follow-ups`, {
          visitedOn: '2024-02-21',
          performance: 'performed',
          note: '已履行',
        });
      return c.id as string;
    };
    const good = await make('agreed');
    const failed = await make('failed');
    const all = ['contents', 'application', 'record', 'agreement', 'followUp', 'service'];
    const e1 = await office.post(`/api/mediation/rounds/${id}/evaluations`, {
      caseId: good,
      parts: all,
      grade: 'complex',
    });
    expect(e1.json()).toMatchObject({ exclusion: null, amount: 380 });
    const e2 = await office.post(`/api/mediation/rounds/${id}/evaluations`, {
      caseId: failed,
      parts: all,
      grade: 'simple',
    });
    expect(e2.json()).toMatchObject({ exclusion: 'notAgreed', amount: 0 });
    const payout = (await office.get(`/api/mediation/rounds/${id}/payout`)).json();
    expect(payout).toMatchObject({ total: 380, rows: [{ mediatorId: team[1], cases: 1, amount: 380 }] });
    const pay = await office.post(`/api/mediation/rounds/${id}/pay`, { paidOn: '2024-04-20' });
    expect(pay.json()).toMatchObject({ paidOn: '2024-04-20', evaluated: 2, eligible: 1, total: 380 });
    const late = await office.post(`/api/mediation/rounds/${id}/evaluations`, {
      caseId: good,
      parts: all,
      grade: 'simple',
    });
    expect(late.json()).toMatchObject({ status: 409, code: 'ROUND_PAID' });

    const x = await office.get(`/api/mediation/rounds/${id}/payout.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((x as unknown as { rawPayload: Buffer }).rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('兑现清单')!;
    const last = ws.getRow(ws.rowCount).values as unknown[];
    expect(last[1]).toBe('合计');
    expect(last[5]).toBe(380);
    expect(wb.getWorksheet('评定明细')!.rowCount).toBe(3);

    // the 2023 round: 83 files, 74 paid, 24,590 元, by mediator
    const demo = (await office.get('/api/mediation/rounds'))
      .json()
      .find((r: { year: number }) => r.year === 2023);
    expect(demo).toMatchObject({ evaluated: 83, eligible: 74, total: 24590 });
    const list = (await office.get(`/api/mediation/rounds/${demo.id}/payout`)).json();
    expect(list.rows.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(24590);
  });

  it('takes portal requests and questions through its intake handlers, and tells the citizen the status', async () => {
    const [request, question] = mediationIntake();
    const ids = await inTx(t.database.db, { actor: Actor.system }, async (tx) => ({
      c: await request!.process({
        platform: t.platform,
        db: tx.db,
        tx,
        submissionId: 'sub-1',
        receivedAt: new Date('2024-05-06T10:00:00+08:00'),
        fileIds: [],
        payload: request!.schema.parse({
          applicantName: '巴桑',
          phone: '13908963333',
          divisionCode: '540626100',
          otherParty: '某建筑公司',
          disputeTypeCode: 'wageArrears',
          description: '在工地务工两个月，工资一直未结清。',
          amount: 8600,
        }),
      }),
      q: await question!.process({
        platform: t.platform,
        db: tx.db,
        tx,
        submissionId: 'sub-2',
        receivedAt: new Date('2024-05-06T21:00:00+08:00'),
        fileIds: [],
        payload: question!.schema.parse({
          phone: '13908964444',
          question: 'ཞིང་ཁའི་རྩོད་གཞི་ག་རེ་བྱེད་དགོས།',
          language: 'bo',
        }),
      }),
    }));
    const c = (await office.get(`/api/mediation/cases/${ids.c}`)).json();
    expect(c).toMatchObject({
      source: 'portal',
      receivedUnitName: '索县矛盾纠纷多元化解中心',
      status: 'received',
      number: '索县矛调〔2024〕1号',
    });
    expect(await request!.status({ platform: t.platform, db: t.database.db, recordId: ids.c })).toMatchObject(
      { stageCode: 'received', caseNumber: '索县矛调〔2024〕1号' },
    );
    const qs = (await office.get('/api/mediation/questions?channel=online&answered=false')).json();
    const q = qs.items.find((x: { id: string }) => x.id === ids.q);
    expect(q).toMatchObject({ language: 'bo', fromPortal: true });
    await office.post(`/api/mediation/questions/${ids.q}/answer`, {
      answer: '可向乡镇人民调解委员会申请调解。',
      answeredOn: '2024-05-07',
    });
    expect(
      await question!.status({ platform: t.platform, db: t.database.db, recordId: ids.q }),
    ).toMatchObject({ stageCode: 'answered' });
  });

  it('serves the centre’s dashboard with its figures and the cases by type and grade', async () => {
    const d = await office.get(`/api/mediation/dashboard?${Y}`);
    expect(d.statusCode, d.body).toBe(200);
    const b = d.json();
    expect(
      b.figures.find((f: { key: string }) => f.key === 'mediation.disputesResolved').value,
    ).toBeGreaterThanOrEqual(12);
    const received = b.byGrade.reduce((s: number, g: { received: number }) => s + g.received, 0);
    const all = (await office.get(`/api/mediation/cases?${Y}&pageSize=1`)).json().total;
    expect(received).toBe(all);
    expect(b.byType.map((x: { code: string }) => x.code)).toContain('grassland');
    expect(b.byMonth).toHaveLength(12);
    const mine = (await mediator.get(`/api/mediation/dashboard?${Y}`)).json();
    expect(mine.byUnit.map((u: { label: string }) => u.label)).toEqual(['亚拉镇人民调解委员会']);
  });
});
