import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type Res, type TestApp } from '../../test/harness.js';

/**
 * Every by-id route of the module, proved both ways (the route walk lists them as proved here):
 * the mediator of 亚拉镇's committee reaches its own committee's records and not 荣布镇's or the
 * centre's; the office (the whole county) does not reach records of 嘉黎县.
 */
describe.each(backends())('mediation scope on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let mediator: Client;
  const one = async <T>(q: ReturnType<typeof sql>) => (await query<T>(t.database.db, q))[0]!;
  const unit = async (name: string) =>
    await one<{ id: number; division_code: string }>(
      sql`select id, division_code from org_units where name = ${name}`,
    );
  let yala: { id: number; division_code: string };
  let rongbu: { id: number; division_code: string };
  let centre: number;
  let jiali: number;
  const team = async (u: number) =>
    (
      await query<{ id: string }>(
        t.database.db,
        sql`select id from mediators where unit_id = ${u} and voided_at is null order by name`,
      )
    ).map((r) => r.id);
  const status = async (id: string) =>
    await one<{ status: string; voided: boolean }>(
      sql`select status, voided_at is not null as voided from mediation_cases where id = ${id}`,
    );
  const gone = (r: Res) => expect([400, 404], r.body).toContain(r.statusCode);

  const newCase = async (c: Client, u: { id: number; division_code: string }) => {
    const r = await c.post('/api/mediation/cases', {
      unitId: u.id,
      receivedOn: '2024-03-01',
      source: 'walkIn',
      disputeTypeCode: 'neighbour',
      grade: 'simple',
      divisionCode: u.division_code,
      summary: '相邻通道纠纷',
      parties: [
        { role: 'applicant', name: '边巴', phone: '13908960001' },
        { role: 'respondent', name: '普布', phone: '13908960002' },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id as string;
  };
  const agreed = async (c: Client, u: { id: number; division_code: string }) => {
    const id = await newCase(c, u);
    const m = await team(u.id);
    expect(
      (await c.post(`/api/mediation/cases/${id}/assign`, { unitId: u.id, mediatorIds: [m[0]] })).statusCode,
    ).toBe(200);
    await c.post(`/api/mediation/cases/${id}/sessions`, {
      heldOn: '2024-03-04',
      place: '调解室',
      record: '双方当面协商，达成一致。',
    });
    const r = await c.post(`/api/mediation/cases/${id}/close`, {
      outcome: 'agreed',
      closedOn: '2024-03-04',
      agreement: {
        facts: '通道宽度争议。',
        terms: ['通道保留两米'],
        performanceMethod: '拆除围栏',
        performanceDue: '2024-03-10',
        effectiveOn: '2024-03-04',
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    mediator = await t.as('mediator');
    yala = await unit('亚拉镇人民调解委员会');
    rongbu = await unit('荣布镇人民调解委员会');
    centre = (await unit('索县矛盾纠纷多元化解中心')).id;
    jiali = (await unit('嘉黎县人民政府')).id;
  });
  afterAll(() => t?.close());

  it('cases: read, route, assign, session, close, follow-up, confirmation, ruling, Word, void', async () => {
    const theirs = await agreed(office, rongbu);
    const open = await newCase(office, rongbu);
    const mine = await newCase(mediator, yala);
    const myAgreed = await agreed(mediator, yala);
    const rongbuTeam = await team(rongbu.id);
    const yalaTeam = await team(yala.id);

    // outside: 荣布镇's cases are simply not found for 亚拉镇's mediator, and nothing changes
    gone(await mediator.get(`/api/mediation/cases/${theirs}`));
    gone(await mediator.get(`/api/mediation/cases/${theirs}/route`));
    gone(await mediator.get(`/api/mediation/cases/${theirs}/agreement.docx`));
    gone(
      await mediator.post(`/api/mediation/cases/${open}/assign`, {
        unitId: rongbu.id,
        mediatorIds: [rongbuTeam[0]],
      }),
    );
    gone(
      await mediator.post(`/api/mediation/cases/${open}/sessions`, {
        heldOn: '2024-03-02',
        place: '调解室',
        record: '越权记录的调解过程。',
      }),
    );
    gone(
      await mediator.post(`/api/mediation/cases/${open}/close`, {
        outcome: 'withdrawn',
        closedOn: '2024-03-02',
      }),
    );
    gone(
      await mediator.post(`/api/mediation/cases/${theirs}/follow-ups`, {
        visitedOn: '2024-03-11',
        performance: 'performed',
        note: '越权回访',
      }),
    );
    gone(
      await mediator.post(`/api/mediation/cases/${theirs}/confirmation`, {
        appliedOn: '2024-03-05',
        court: '索县人民法院',
      }),
    );
    gone(
      await mediator.post(`/api/mediation/cases/${theirs}/confirmation/ruling`, {
        ruling: 'confirmed',
        ruledOn: '2024-03-08',
      }),
    );
    gone(await mediator.post(`/api/mediation/cases/${open}/void`, { reason: '越权作废' }));
    expect(await status(open)).toEqual({ status: 'received', voided: false });
    expect(
      (
        await one<{ n: number }>(
          sql`select count(*)::int as n from mediation_sessions where case_id = ${open}`,
        )
      ).n,
    ).toBe(0);
    expect(
      (
        await one<{ n: number }>(
          sql`select count(*)::int as n from mediation_confirmations where case_id = ${theirs}`,
        )
      ).n,
    ).toBe(0);
    // nor can the mediator send its own case to another committee
    gone(
      await mediator.post(`/api/mediation/cases/${mine}/assign`, {
        unitId: rongbu.id,
        mediatorIds: [rongbuTeam[0]],
      }),
    );

    // inside: its own committee's cases
    expect((await mediator.get(`/api/mediation/cases/${mine}`)).statusCode).toBe(200);
    expect((await mediator.get(`/api/mediation/cases/${mine}/route`)).json()).toMatchObject({
      level: 'township',
      units: [{ id: yala.id }],
    });
    expect(
      (
        await mediator.post(`/api/mediation/cases/${mine}/assign`, {
          unitId: yala.id,
          mediatorIds: [yalaTeam[0]],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await mediator.post(`/api/mediation/cases/${mine}/sessions`, {
          heldOn: '2024-03-02',
          place: '调解室',
          record: '听取双方陈述并调查核实。',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await mediator.post(`/api/mediation/cases/${mine}/close`, {
          outcome: 'withdrawn',
          closedOn: '2024-03-02',
        })
      ).json(),
    ).toMatchObject({ status: 'withdrawn' });
    expect(
      (
        await mediator.post(`/api/mediation/cases/${myAgreed}/follow-ups`, {
          visitedOn: '2024-03-11',
          performance: 'performed',
          note: '已拆除围栏',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await mediator.post(`/api/mediation/cases/${myAgreed}/confirmation`, {
          appliedOn: '2024-03-05',
          court: '索县人民法院',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await mediator.post(`/api/mediation/cases/${myAgreed}/confirmation/ruling`, {
          ruling: 'rejected',
          ruledOn: '2024-03-08',
        })
      ).json().confirmation,
    ).toMatchObject({ ruling: 'rejected' });
    expect((await mediator.get(`/api/mediation/cases/${myAgreed}/agreement.docx`)).statusCode).toBe(200);
    expect(
      (await mediator.post(`/api/mediation/cases/${mine}/void`, { reason: '重复登记' })).statusCode,
    ).toBe(200);
    expect(await status(mine)).toEqual({ status: 'withdrawn', voided: true });
  });

  it('visits and questions: the centre’s are out of a committee mediator’s reach, its committee’s are not', async () => {
    const centreVisit = (
      await office.post('/api/mediation/visits', {
        unitId: centre,
        visitedOn: '2024-03-01',
        visitorName: '尼玛',
        matter: '咨询草场补奖',
      })
    ).json().id;
    const centreVisit2 = (
      await office.post('/api/mediation/visits', {
        unitId: centre,
        visitedOn: '2024-03-01',
        visitorName: '达瓦',
        matter: '咨询土地流转',
      })
    ).json().id;
    const centreQuestion = (
      await office.post('/api/mediation/questions', {
        unitId: centre,
        channel: 'counter',
        receivedOn: '2024-03-01',
        question: '借款纠纷如何处理？',
      })
    ).json().id;
    gone(
      await mediator.post(`/api/mediation/visits/${centreVisit}/close`, {
        handling: 'resolved',
        closedOn: '2024-03-01',
        note: '越权办结',
      }),
    );
    gone(await mediator.post(`/api/mediation/visits/${centreVisit2}/void`, { reason: '越权作废' }));
    gone(
      await mediator.post(`/api/mediation/questions/${centreQuestion}/answer`, {
        answer: '越权答复内容',
        answeredOn: '2024-03-01',
      }),
    );
    expect(
      (await one<{ handling: string }>(sql`select handling from mediation_visits where id = ${centreVisit}`))
        .handling,
    ).toBe('pending');
    expect(
      (
        await one<{ answer: string | null }>(
          sql`select answer from mediation_questions where id = ${centreQuestion}`,
        )
      ).answer,
    ).toBeNull();

    const v = (
      await mediator.post('/api/mediation/visits', {
        unitId: yala.id,
        visitedOn: '2024-03-01',
        visitorName: '旦增',
        matter: '反映邻里纠纷',
      })
    ).json().id;
    const v2 = (
      await mediator.post('/api/mediation/visits', {
        unitId: yala.id,
        visitedOn: '2024-03-01',
        visitorName: '旦增',
        matter: '重复登记的来访',
      })
    ).json().id;
    const q = (
      await mediator.post('/api/mediation/questions', {
        unitId: yala.id,
        channel: 'counter',
        receivedOn: '2024-03-01',
        question: '宅基地能否转让？',
      })
    ).json().id;
    expect(
      (
        await mediator.post(`/api/mediation/visits/${v}/close`, {
          handling: 'resolved',
          closedOn: '2024-03-01',
          note: '当场化解',
        })
      ).statusCode,
    ).toBe(200);
    expect((await mediator.post(`/api/mediation/visits/${v2}/void`, { reason: '重复登记' })).statusCode).toBe(
      200,
    );
    expect(
      (
        await mediator.post(`/api/mediation/questions/${q}/answer`, {
          answer: '宅基地不得向本集体以外人员转让。',
          answeredOn: '2024-03-01',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('the centre’s staff (zhongxin) take in and route for every committee of the county, and see parties in full', async () => {
    const centreStaff = await t.as('zhongxin');
    const atRongbu = await newCase(office, rongbu);
    const atYala = await newCase(centreStaff, yala);
    const list = (await centreStaff.get('/api/mediation/cases?pageSize=200')).json();
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([atRongbu, atYala]));
    const one = (await centreStaff.get(`/api/mediation/cases/${atRongbu}`)).json();
    expect(one.partyList[0].phone).toBe('13908960001');
    const route = await centreStaff.post(`/api/mediation/cases/${atRongbu}/assign`, {
      unitId: rongbu.id,
      mediatorIds: [(await team(rongbu.id))[0]],
    });
    expect(route.statusCode, route.body).toBe(200);
    // but the county's other business is not theirs
    expect((await centreStaff.get('/api/planning/tasks')).statusCode).toBe(403);
    expect((await centreStaff.get('/api/reconsideration/cases')).statusCode).toBe(403);
  });

  it('committees, mediators and evaluation rounds: the office does not reach 嘉黎县', async () => {
    const theirMediator = await one<{ id: string }>(
      sql`insert into mediators (unit_id, name, gender, ethnicity, employment, appointment, appointed_on)
          values (${jiali}, '嘉黎调解员', 'male', '藏族', 'partTime', 'elected', '2022-01-01') returning id`,
    );
    const theirRound = await one<{ id: string }>(
      sql`insert into mediation_evaluation_rounds (unit_id, division_code, year, title, held_on, rates)
          values (${jiali}, '540621', 2023, '嘉黎县案卷评定', '2023-12-01', '{"county":{"simple":1,"complex":1,"difficult":1},"township":{"simple":1,"complex":1,"difficult":1},"village":{"simple":1,"complex":1,"difficult":1}}') returning id`,
    );
    const act = await one<{ id: string }>(
      sql`select id from activities where kind = 'mediatorTraining' limit 1`,
    );
    gone(
      await office.put(`/api/mediation/committees/${jiali}/profile`, {
        multiEthnic: true,
        majorityEthnicity: '藏族',
      }),
    );
    gone(await office.post(`/api/mediation/mediators/${theirMediator.id}/trainings`, { activityId: act.id }));
    gone(await office.post(`/api/mediation/mediators/${theirMediator.id}/void`, { reason: '越权作废' }));
    gone(await office.get(`/api/mediation/rounds/${theirRound.id}`));
    gone(await office.get(`/api/mediation/rounds/${theirRound.id}/payout`));
    gone(await office.get(`/api/mediation/rounds/${theirRound.id}/payout.xlsx`));
    gone(
      await office.post(`/api/mediation/rounds/${theirRound.id}/evaluations`, {
        caseId: theirMediator.id,
        parts: [],
        grade: 'simple',
      }),
    );
    gone(await office.post(`/api/mediation/rounds/${theirRound.id}/pay`, { paidOn: '2023-12-10' }));
    expect(
      await one<{ v: boolean; paid: string | null }>(
        sql`select m.voided_at is not null as v, r.paid_on as paid from mediators m, mediation_evaluation_rounds r where m.id = ${theirMediator.id} and r.id = ${theirRound.id}`,
      ),
    ).toEqual({ v: false, paid: null });
    // the county round is the justice bureau's: a committee's mediator does not see it either
    const suoRound = (await office.get('/api/mediation/rounds')).json()[0].id;
    gone(await mediator.get(`/api/mediation/rounds/${suoRound}`));

    // inside
    expect(
      (
        await office.put(`/api/mediation/committees/${yala.id}/profile`, {
          multiEthnic: false,
          majorityEthnicity: '藏族',
        })
      ).statusCode,
    ).toBe(200);
    const [m] = await team(rongbu.id);
    const unlinked = await one<{ id: string }>(
      sql`select id from activities a where kind = 'mediatorTraining' and not exists (select 1 from mediator_trainings x where x.mediator_id = ${m} and x.activity_id = a.id) limit 1`,
    );
    expect(
      (
        await office.post(
          `/api/mediation/mediators/${m}/trainings`,
          unlinked
            ? { activityId: unlinked.id }
            : { trainedOn: '2024-01-05', title: '那曲市人民调解员示范培训' },
        )
      ).statusCode,
    ).toBe(200);
    expect((await office.get(`/api/mediation/rounds/${suoRound}`)).json().evaluations).toHaveLength(83);
    expect((await office.get(`/api/mediation/rounds/${suoRound}/payout`)).statusCode).toBe(200);
    expect((await office.get(`/api/mediation/rounds/${suoRound}/payout.xlsx`)).statusCode).toBe(200);
    const justice = (await unit('索县司法局')).id;
    const rates = {
      county: { simple: 1, complex: 2, difficult: 3 },
      township: { simple: 1, complex: 2, difficult: 3 },
      village: { simple: 1, complex: 2, difficult: 3 },
    };
    const round = (
      await office.post('/api/mediation/rounds', {
        unitId: justice,
        divisionCode: '540626',
        year: 2024,
        title: '2024年案卷评定',
        heldOn: '2024-04-01',
        rates,
      })
    ).json().id;
    const closed = await agreed(office, rongbu);
    expect(
      (
        await office.post(`/api/mediation/rounds/${round}/evaluations`, {
          caseId: closed,
          parts: ['contents', 'application', 'record', 'agreement'],
          grade: 'simple',
        })
      ).json(),
    ).toMatchObject({ exclusion: 'notPerformed', amount: 0 });
    expect(
      (await office.post(`/api/mediation/rounds/${round}/pay`, { paidOn: '2024-04-02' })).statusCode,
    ).toBe(200);
    const extra = (
      await office.post('/api/mediation/mediators', {
        unitId: yala.id,
        name: '索朗卓玛',
        gender: 'female',
        ethnicity: '藏族',
        employment: 'partTime',
        appointment: 'engaged',
        appointedOn: '2024-01-02',
      })
    ).json().id;
    expect((await office.post(`/api/mediation/mediators/${extra}/void`, { reason: '调离' })).statusCode).toBe(
      200,
    );
  });
});
