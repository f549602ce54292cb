import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import type { Platform } from '../../platform/platform.js';
import { ActivityService } from '../activities/service.js';
import { numberPrefix } from './common.js';
import {
  filePartCodes,
  levelOfDivision,
  type Appointment,
  type CommitteeRole,
  type Employment,
  type FilePart,
  type Gender,
  type Grade,
  type Performance,
  type Source,
  type Status,
} from './kinds.js';
import { confirmationWindow, exclusionOf, subsidyFen } from './rules.js';
import {
  mediationCaseEvaluations,
  mediationCaseMediators,
  mediationCases,
  mediationCentres,
  mediationCommitteeProfiles,
  mediationConfirmations,
  mediationCounters,
  mediationEvaluationRounds,
  mediationFollowUps,
  mediationParties,
  mediationQuestions,
  mediationSessions,
  mediationVisits,
  mediatorTrainings,
  mediators,
  type SubsidyRates,
} from './schema.js';

/*
 * Suo County 2023, as the report tells it (六（二）):
 * - the one-stop centre opened in July 2023. Its reception: 52 visit registrations (56 people: four
 *   came in pairs); 42 resolved on the spot, 2 sent on to other channels, 8 became dispute cases; with
 *   4 cases referred by the court, police and petition office, 12 disputes, all settled, every
 *   agreement judicially confirmed, 180余万元 at stake. 150 counter consultations and 289 online
 *   answers (three more questions of 30–31 December were answered in January 2024).
 *   接待事项化解率 = (42 + 150 + 12) / (44 + 150 + 12) = 204 / 206 = 99.0%.
 * - people's mediation county-wide: the year's case files — the centre's 12 (mediated by the county and
 *   township committees stationed there) and 71 more of the committees' own — were evaluated for
 *   以案定补 at the December meeting: 83 files, 9 excluded (4 failed, 2 withdrawn, 2 agreements not
 *   performed, 1 without its follow-up record), 74 paid at the rates below: 24,590 元.
 * - 18 full-time mediators recruited (招聘) and 9 selected (选聘) in 2023.
 */

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const a2 = [...xs];
    for (let i = a2.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a2[i], a2[j]] = [a2[j]!, a2[i]!];
    }
    return a2;
  };
  return { next, int, pick, shuffle };
}

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/** Rates of the 2023 meeting, 元 per file by committee level and difficulty. */
export const DEMO_RATES: SubsidyRates = {
  county: { simple: 30000, complex: 46000, difficult: 65000 },
  township: { simple: 24000, complex: 38000, difficult: 52000 },
  village: { simple: 15000, complex: 25000, difficult: 35000 },
};

const first = [
  '扎西',
  '次仁',
  '格桑',
  '洛桑',
  '索朗',
  '尼玛',
  '达瓦',
  '平措',
  '旦增',
  '多吉',
  '拉巴',
  '普布',
  '边巴',
  '巴桑',
  '阿旺',
  '丹增',
];
const second = [
  '多吉',
  '次仁',
  '顿珠',
  '旺堆',
  '罗布',
  '曲扎',
  '加措',
  '坚参',
  '桑珠',
  '群培',
  '卓玛',
  '央金',
  '措姆',
  '拉姆',
  '曲珍',
  '德吉',
];
const femaleSecond = new Set(['卓玛', '央金', '措姆', '拉姆', '曲珍', '德吉']);
const hanNames: [string, Gender][] = [
  ['王建军', 'male'],
  ['李红梅', 'female'],
  ['张志强', 'male'],
  ['刘海燕', 'female'],
];

/** GB 11643 check digit. */
function idNumber(division: string, birth: string, seq: number, female: boolean): string {
  const s = `${division}${birth.replaceAll('-', '')}${String(seq * 2 + (female ? 0 : 1))
    .padStart(3, '0')
    .slice(-3)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...s].reduce((acc, ch, i) => acc + Number(ch) * w[i]!, 0);
  return s + '10X98765432'[sum % 11]!;
}

interface CaseSpec {
  committee: Committee;
  centre: boolean;
  source: Source;
  grade: Grade;
  type: string;
  amountFen: number;
  status: Exclude<Status, 'received'>;
  performance: Performance | null;
  missing: FilePart[];
  receivedOn: string;
  closedOn: string | null;
  confirmed: boolean;
}
interface Committee {
  id: number;
  name: string;
  divisionCode: string;
  divisionName: string;
  level: 'county' | 'township' | 'village';
}

/** What the centre's twelve disputes were about, and what was at stake (元). */
const CENTRE_CASES: { type: string; grade: Grade; amount: number; source: Source; summary: string }[] = [
  {
    type: 'grassland',
    grade: 'difficult',
    amount: 426000,
    source: 'petition',
    summary: '两村之间冬季草场边界争议，涉及草场补奖资金分配',
  },
  {
    type: 'wageArrears',
    grade: 'difficult',
    amount: 318500,
    source: 'walkIn',
    summary: '32名农牧民工追讨某建筑公司拖欠的劳务工资',
  },
  {
    type: 'contract',
    grade: 'difficult',
    amount: 276000,
    source: 'court',
    summary: '砂石料供应合同货款结算纠纷，法院立案前委派调解',
  },
  {
    type: 'damages',
    grade: 'difficult',
    amount: 198000,
    source: 'police',
    summary: '道路交通事故致人受伤，赔偿数额协商不成',
  },
  {
    type: 'grassland',
    grade: 'difficult',
    amount: 161000,
    source: 'walkIn',
    summary: '草场承包经营权流转费用及期限争议',
  },
  {
    type: 'homestead',
    grade: 'complex',
    amount: 123400,
    source: 'walkIn',
    summary: '宅基地界址及围墙拆除补偿纠纷',
  },
  {
    type: 'labour',
    grade: 'complex',
    amount: 96800,
    source: 'walkIn',
    summary: '虫草采挖季节雇工报酬结算纠纷',
  },
  {
    type: 'debt',
    grade: 'complex',
    amount: 85000,
    source: 'court',
    summary: '民间借贷本金及利息归还纠纷，法院立案前委派调解',
  },
  {
    type: 'marriageFamily',
    grade: 'complex',
    amount: 62000,
    source: 'walkIn',
    summary: '离婚后子女抚养费及牲畜分割纠纷',
  },
  {
    type: 'landUse',
    grade: 'complex',
    amount: 47300,
    source: 'walkIn',
    summary: '耕地承包经营权互换后收益分配纠纷',
  },
  {
    type: 'damages',
    grade: 'complex',
    amount: 29600,
    source: 'walkIn',
    summary: '牦牛越界啃食青稞造成损失赔偿纠纷',
  },
  { type: 'neighbour', grade: 'complex', amount: 18400, source: 'walkIn', summary: '相邻房屋排水及通行纠纷' },
];

const TOWNSHIP_TYPES = [
  'grassland',
  'grassland',
  'neighbour',
  'neighbour',
  'marriageFamily',
  'homestead',
  'damages',
  'damages',
  'labour',
  'debt',
  'landUse',
  'contract',
  'wageArrears',
];

export async function loadMediationDemo(platform: Platform): Promise<void> {
  const rng = prng(20230070);
  const db = platform.db;
  const crypto = platform.fieldCrypto;
  const ctx = { actor: Actor.system };

  const units = await query<{
    id: number;
    name: string;
    division_code: string;
    division_name: string;
    level: number;
    kind: string;
  }>(
    db,
    sql`select u.id, u.name, u.division_code, d.name as division_name, d.level, u.kind from org_units u
        join divisions d on d.code = u.division_code
        where u.division_code like '540626%' and u.active order by u.sort, u.id`,
  );
  const centreUnit = units.find((u) => u.name === '索县矛盾纠纷多元化解中心')!;
  const justice = units.find((u) => u.name === '索县司法局')!;
  const committees: Committee[] = units
    .filter((u) => u.kind === 'mediationCommittee')
    .map((u) => ({
      id: u.id,
      name: u.name,
      divisionCode: u.division_code,
      divisionName: u.division_name,
      level: levelOfDivision(u.level),
    }));
  const county = committees.find((c) => c.level === 'county')!;
  const townships = committees.filter((c) => c.level === 'township');

  // Working days of 2023 as the county sees them.
  const workdays: string[] = [];
  for (let d = '2023-01-03'; d <= '2023-12-29'; d = addDays(d, 1))
    if ((await platform.calendar.day(d, '540626')).work) workdays.push(d);
  const workdayIn = (from: string, to: string) => {
    const xs = workdays.filter((d) => d >= from && d <= to);
    return rng.pick(xs);
  };
  const workdayAfter = (d: string, lo: number, hi: number) => {
    const target = addDays(d, rng.int(lo, hi));
    return workdays.find((w) => w >= target) ?? '2023-12-29';
  };

  const usedNames = new Set<string>(['拉巴次仁']);
  /** A Tibetan name; mediators' are unique on the roster, parties and visitors may share a name. */
  const tibetan = (gender?: Gender, unique = false): [string, Gender] => {
    for (;;) {
      const s = rng.pick(second);
      const g: Gender = femaleSecond.has(s) ? 'female' : 'male';
      if (gender && g !== gender) continue;
      const n = `${rng.pick(first)}${s}`;
      if (!unique) return [n, g];
      if (!usedNames.has(n)) return (usedNames.add(n), [n, g]);
    }
  };
  const roster1 = (gender?: Gender) => tibetan(gender, true);
  const phone = () => `1${rng.pick(['39', '38', '89', '91', '78'])}${String(rng.int(10000000, 99999999))}`;

  // ——— centre, committee profiles, rosters ———
  type Row = typeof mediators.$inferInsert;
  const roster: Row[] = [];
  const member = (
    c: Committee,
    role: CommitteeRole | null,
    name: [string, Gender],
    ethnicity = '藏族',
    employment: Employment = 'partTime',
    appointment: Appointment = 'elected',
    appointedOn = '2021-03-15',
  ) =>
    roster.push({
      unitId: c.id,
      name: name[0],
      gender: name[1],
      ethnicity,
      employment,
      appointment,
      appointedOn,
      committeeRole: role,
      phoneEnc: crypto.encrypt(phone()),
      createdAt: new Date(`${appointedOn}T10:00:00+08:00`),
    });
  // county committee: the county seat is home to Han residents too, so a Han member (第八条第三款)
  member(county, 'director', roster1('male'));
  member(county, 'deputyDirector', hanNames[1]!, '汉族');
  member(county, 'member', roster1('female'));
  member(county, 'member', roster1('male'));
  member(county, 'member', hanNames[0]!, '汉族');
  townships.forEach((c, i) => {
    const last = i === townships.length - 1;
    // 亚拉镇's director is the demo account 拉巴次仁
    member(c, 'director', c.divisionCode === '540626100' ? ['拉巴次仁', 'male'] : roster1('male'));
    // the last township's committee has lost its woman member: the roster page warns (第八条第三款)
    member(c, 'member', last ? roster1('male') : roster1('female'));
    for (let k = 0; k < 1 + (i % 3); k++) member(c, 'member', roster1(last ? 'male' : undefined));
  });
  // full-time mediators (专职人民调解员配备工作方案): 18 recruited in spring, 9 selected in August
  const recruitedAt = [
    county,
    county,
    county,
    county,
    ...townships.slice(0, 4),
    ...townships.slice(0, 4),
    ...townships.slice(4),
  ];
  const selectedAt = [county, county, county, ...townships.slice(0, 6)];
  for (const c of recruitedAt)
    member(c, null, roster1(), '藏族', 'fullTime', 'recruited', workdayIn('2023-05-15', '2023-06-30'));
  for (const c of selectedAt)
    member(c, null, roster1(), '藏族', 'fullTime', 'selected', workdayIn('2023-08-01', '2023-09-15'));

  const trainings = (
    await new ActivityService(db).list(Actor.system, {
      kind: ['mediatorTraining'],
      from: '2023-01-01',
      to: '2023-12-31',
      page: 1,
      pageSize: 50,
    } as Parameters<ActivityService['list']>[1])
  ).items;

  const mediatorIds = await inTx(db, ctx, async (t) => {
    await t.db.insert(mediationCentres).values({ unitId: centreUnit.id, establishedOn: '2023-07-03' });
    await t.db
      .insert(mediationCommitteeProfiles)
      .values([
        { unitId: county.id, multiEthnic: true, majorityEthnicity: '藏族' },
        ...townships.map((c) => ({ unitId: c.id, multiEthnic: false, majorityEthnicity: '藏族' })),
      ]);
    const rows = await t.db.insert(mediators).values(roster).returning({
      id: mediators.id,
      unitId: mediators.unitId,
      employment: mediators.employment,
      appointedOn: mediators.appointedOn,
    });
    const attended: (typeof mediatorTrainings.$inferInsert)[] = [];
    for (const m of rows)
      for (const a of rng.shuffle(trainings).slice(0, rng.int(1, 2)))
        if (a.date >= m.appointedOn)
          attended.push({ mediatorId: m.id, activityId: a.id, trainedOn: a.date, title: a.title });
    if (attended.length) await t.db.insert(mediatorTrainings).values(attended);
    t.audit({
      action: 'demo.load',
      entity: 'mediator',
      diff: { mediators: rows.length, trainings: attended.length },
    });
    return rows;
  });
  const mediatorsOf = (c: Committee, on: string) => {
    const all = mediatorIds.filter((m) => m.unitId === c.id && m.appointedOn <= on);
    const full = all.filter((m) => m.employment === 'fullTime');
    return full.length
      ? [rng.pick(full), ...rng.shuffle(all.filter((m) => !full.includes(m))).slice(0, 1)]
      : rng.shuffle(all).slice(0, 2);
  };

  // ——— the cases ———
  const specs: CaseSpec[] = [];
  const centreDates = rng
    .shuffle(workdays.filter((d) => d >= '2023-07-05' && d <= '2023-11-17'))
    .slice(0, 12)
    .sort();
  CENTRE_CASES.forEach((c, i) => {
    const receivedOn = centreDates[i]!;
    specs.push({
      committee: c.grade === 'difficult' ? county : townships[i % townships.length]!,
      centre: true,
      source: c.source,
      grade: c.grade,
      type: c.type,
      amountFen: c.amount * 100,
      status: 'agreed',
      performance: 'performed',
      missing: [],
      receivedOn,
      closedOn: workdayAfter(receivedOn, 5, 20),
      confirmed: true,
    });
  });
  const own = (
    committee: Committee,
    grade: Grade,
    status: CaseSpec['status'],
    performance: Performance | null,
    missing: FilePart[] = [],
  ) => {
    const receivedOn = workdayIn('2023-01-04', '2023-11-24');
    specs.push({
      committee,
      centre: false,
      source: rng.pick(['walkIn', 'walkIn', 'walkIn', 'own', 'police', 'court'] as const),
      grade,
      type: rng.pick(TOWNSHIP_TYPES),
      amountFen: grade === 'simple' ? rng.int(0, 80) * 10000 : rng.int(20, 400) * 10000,
      status,
      performance,
      missing,
      receivedOn,
      closedOn: status === 'mediating' ? null : workdayAfter(receivedOn, 2, 18),
      confirmed: false,
    });
  };
  const tw = (i: number) => townships[i % townships.length]!;
  own(county, 'complex', 'agreed', 'performed');
  own(county, 'complex', 'agreed', 'performed');
  for (let i = 0; i < 40; i++) own(tw(i), 'simple', 'agreed', 'performed');
  for (let i = 0; i < 16; i++) own(tw(i + 3), 'complex', 'agreed', 'performed');
  for (let i = 0; i < 4; i++) own(tw(i * 2), 'difficult', 'agreed', 'performed');
  for (let i = 0; i < 4; i++) own(tw(i + 1), 'simple', 'failed', null);
  for (let i = 0; i < 2; i++) own(tw(i + 5), 'simple', 'withdrawn', null);
  for (let i = 0; i < 2; i++) own(tw(i + 7), 'complex', 'agreed', 'partial');
  own(tw(9), 'simple', 'agreed', 'performed', ['followUp']);
  // still being mediated at the year's end
  for (let i = 0; i < 4; i++) {
    const receivedOn = workdayIn('2023-12-11', '2023-12-27');
    specs.push({
      committee: tw(i * 3),
      centre: false,
      source: 'walkIn',
      grade: 'simple',
      type: rng.pick(TOWNSHIP_TYPES),
      amountFen: rng.int(1, 30) * 10000,
      status: 'mediating',
      performance: null,
      missing: [],
      receivedOn,
      closedOn: null,
      confirmed: false,
    });
  }
  specs.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));

  const typeLabels = new Map(
    (
      await query<{ code: string; label: string }>(db, sql`select code, label from mediation_dispute_types`)
    ).map((r) => [r.code, r.label]),
  );
  // the 30-day windows, computed before the transaction (the calendar reads through platform.db)
  const windows = new Map<number, Awaited<ReturnType<typeof platform.calendar.deadline>>>();
  for (const [i, s] of specs.entries())
    if (s.confirmed)
      windows.set(
        i,
        await platform.calendar.deadline(confirmationWindow, s.closedOn!, s.committee.divisionCode),
      );

  const counters = new Map<number, number>();
  const centreCaseDates: string[] = [];
  await inTx(db, ctx, async (t) => {
    for (const [i, s] of specs.entries()) {
      const receiver = s.centre
        ? { id: centreUnit.id, name: centreUnit.name, isCentre: true }
        : { id: s.committee.id, name: s.committee.name, isCentre: false };
      const seq = (counters.get(receiver.id) ?? 0) + 1;
      counters.set(receiver.id, seq);
      const label = typeLabels.get(s.type) ?? '纠纷';
      const division =
        s.committee.level === 'county' ? rng.pick(townships).divisionCode : s.committee.divisionCode;
      const agreed = s.status === 'agreed';
      const [a, aG] = tibetan();
      const [b, bG] = tibetan();
      const organisation = s.type === 'wageArrears' || s.type === 'contract';
      const [row] = await t.db
        .insert(mediationCases)
        .values({
          unitId: s.committee.id,
          receivedUnitId: receiver.id,
          year: 2023,
          seq,
          number: `${numberPrefix(receiver.name, receiver.isCentre)}〔2023〕${seq}号`,
          receivedOn: s.receivedOn,
          source: s.source,
          disputeTypeCode: s.type,
          grade: s.grade,
          divisionCode: division,
          summary: s.centre
            ? CENTRE_CASES.find((c) => c.type === s.type && c.amount * 100 === s.amountFen)!.summary
            : `${a}与${organisation ? '对方单位' : b}之间的${label}，申请人民调解委员会调解。`,
          amountFen: s.amountFen,
          status: s.status,
          closedOn: s.closedOn,
          outcomeNote:
            s.status === 'failed'
              ? '双方分歧较大，调解不成，已告知当事人可以依法通过仲裁、行政、司法等途径维护权利（人民调解法第二十六条）'
              : s.status === 'withdrawn'
                ? '申请人撤回调解申请'
                : null,
          agreementForm: agreed ? 'written' : null,
          agreementFacts: agreed
            ? `${label}。经调查，双方对主要事实无异议，争议集中在赔偿（给付）数额及期限。`
            : null,
          agreementTerms: agreed
            ? [
                `被申请人向申请人支付${(s.amountFen / 100).toLocaleString('zh-CN')}元`,
                '双方就本纠纷再无其他争议',
              ]
            : null,
          agreementTermsBo:
            agreed && s.centre ? ['ཞུ་གཏུག་བྱས་མཁན་ལ་དངུལ་སྤྲོད་རྒྱུ།', 'གཉིས་ཕྱོགས་ཀྱི་རྩོད་གཞི་འདི་ལ་རྩོད་པ་གཞན་མེད།'] : null,
          performanceMethod: agreed ? '一次性现金或银行转账支付' : null,
          performanceDue: agreed ? addDays(s.closedOn!, 5) : null,
          agreementEffectiveOn: agreed ? s.closedOn : null,
          performance: agreed ? s.performance : null,
          createdAt: new Date(`${s.receivedOn}T10:00:00+08:00`),
          updatedAt: new Date(`${s.closedOn ?? s.receivedOn}T17:00:00+08:00`),
        })
        .returning({ id: mediationCases.id });
      const caseId = row!.id;
      await t.db.insert(mediationParties).values([
        {
          caseId,
          role: 'applicant',
          kind: 'person',
          name: a,
          gender: aG,
          ethnicity: '藏族',
          idNumberEnc: crypto.encrypt(
            idNumber(
              division.slice(0, 6),
              `19${rng.int(60, 99)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
              rng.int(1, 400),
              aG === 'female',
            ),
          ),
          phoneEnc: crypto.encrypt(phone()),
          address: `${s.committee.divisionName}`,
          sort: 0,
        },
        organisation
          ? {
              caseId,
              role: 'respondent',
              kind: 'organisation',
              name: rng.pick([
                '索县雪域建筑工程有限公司',
                '那曲市高原砂石料有限公司',
                '索县惠民商贸有限公司',
              ]),
              representative: tibetan('male')[0],
              phoneEnc: crypto.encrypt(phone()),
              address: '索县亚拉镇',
              sort: 1,
            }
          : {
              caseId,
              role: 'respondent',
              kind: 'person',
              name: b,
              gender: bG,
              ethnicity: '藏族',
              idNumberEnc: crypto.encrypt(
                idNumber(
                  division.slice(0, 6),
                  `19${rng.int(60, 99)}-1${rng.int(0, 2)}-0${rng.int(1, 9)}`,
                  rng.int(1, 400),
                  bG === 'female',
                ),
              ),
              phoneEnc: crypto.encrypt(phone()),
              address: `${s.committee.divisionName}`,
              sort: 1,
            },
      ]);
      const team = mediatorsOf(s.committee, s.receivedOn);
      await t.db
        .insert(mediationCaseMediators)
        .values(team.map((m, k) => ({ caseId, mediatorId: m.id, lead: k === 0 })));
      const sessions = s.status === 'mediating' ? 1 : rng.int(1, 3);
      const last = s.closedOn ?? s.receivedOn;
      for (let k = 0; k < sessions; k++)
        await t.db.insert(mediationSessions).values({
          caseId,
          heldOn: k === sessions - 1 ? last : s.receivedOn,
          place: `${s.committee.name.replace('人民调解委员会', '')}调解室`,
          record:
            k === sessions - 1 && agreed
              ? '调解员释法说理，双方互谅互让，当场达成协议并签字。'
              : '调解员分别听取双方陈述，核实证据，组织双方面对面协商。',
          createdAt: new Date(`${k === sessions - 1 ? last : s.receivedOn}T15:00:00+08:00`),
        });
      if (agreed && !s.missing.includes('followUp'))
        await t.db.insert(mediationFollowUps).values({
          caseId,
          visitedOn: addDays(s.closedOn!, 6 + rng.int(0, 2)),
          method: rng.pick(['phone', 'visit']),
          performance: s.performance!,
          note:
            s.performance === 'performed'
              ? '经回访，协议已全部履行，双方满意。'
              : '经回访，被申请人仅支付部分款项，调委会继续督促履行。',
          createdAt: new Date(`${addDays(s.closedOn!, 8)}T11:00:00+08:00`),
        });
      if (s.confirmed) {
        const w = windows.get(i)!;
        const appliedOn = workdayAfter(s.closedOn!, 1, 12);
        const ruledOn = workdayAfter(appliedOn, 3, 12);
        await t.db.insert(mediationConfirmations).values({
          caseId,
          appliedOn: appliedOn <= w.end ? appliedOn : w.end,
          court: '索县人民法院',
          windowEnd: w.end,
          windowRule: w.rule,
          ruling: 'confirmed',
          ruledOn,
          rulingNumber: `（2023）藏0626民特${centreCaseDates.length + 101}号`,
          createdAt: new Date(`${appliedOn}T10:00:00+08:00`),
        });
        centreCaseDates.push(s.receivedOn);
      }
      (s as CaseSpec & { id?: string }).id = caseId;
    }
    await t.db
      .insert(mediationCounters)
      .values([...counters].map(([unitId, last]) => ({ unitId, year: 2023, last })));
    t.audit({ action: 'demo.load', entity: 'mediationCase', diff: { cases: specs.length } });
  });

  // ——— the centre's reception ———
  await inTx(db, ctx, async (t) => {
    const walkIns = specs.filter((s) => s.centre && s.source === 'walkIn') as (CaseSpec & { id: string })[];
    const visits: (typeof mediationVisits.$inferInsert)[] = walkIns.map((s) => ({
      unitId: centreUnit.id,
      visitedOn: s.receivedOn,
      visitorName: tibetan()[0],
      phoneEnc: crypto.encrypt(phone()),
      persons: 1,
      divisionCode:
        s.committee.level === 'township' ? s.committee.divisionCode : rng.pick(townships).divisionCode,
      disputeTypeCode: s.type,
      matter: '来访反映纠纷，申请调解',
      handling: 'case',
      caseId: s.id,
      closedOn: s.receivedOn,
      createdAt: new Date(`${s.receivedOn}T09:30:00+08:00`),
    }));
    const matters = [
      '咨询草场补奖资金发放政策',
      '反映邻居占用通道',
      '咨询离婚后子女抚养问题',
      '反映务工工资结算',
      '咨询土地承包经营权流转',
      '反映牲畜损害庄稼赔偿',
      '咨询遗产继承',
    ];
    for (let i = 0; i < 44; i++) {
      const on = workdayIn('2023-07-03', '2023-12-29');
      const referred = i === 10 || i === 30;
      visits.push({
        unitId: centreUnit.id,
        visitedOn: on,
        visitorName: tibetan()[0],
        phoneEnc: rng.next() < 0.8 ? crypto.encrypt(phone()) : null,
        persons: i % 11 === 5 ? 2 : 1,
        divisionCode: rng.pick(townships).divisionCode,
        disputeTypeCode: null,
        matter: rng.pick(matters),
        handling: referred ? 'referred' : 'resolved',
        handlingNote: referred ? '属于信访事项，引导至县信访局依法办理' : '工作人员释法答疑，当场化解',
        closedOn: on,
        createdAt: new Date(`${on}T10:30:00+08:00`),
      });
    }
    await t.db.insert(mediationVisits).values(visits);

    const qs = [
      '草场被他人占用怎么办？',
      '借钱不还可以起诉吗？',
      '工伤怎么认定？',
      '离婚时牲畜怎么分？',
      '宅基地可以买卖吗？',
      '拖欠工资向哪里投诉？',
      '交通事故赔偿标准是什么？',
    ];
    const answers = '依据相关法律规定作出解答，并告知可申请人民调解或向人民法院起诉。';
    const questions: (typeof mediationQuestions.$inferInsert)[] = [];
    for (let i = 0; i < 150; i++) {
      const on = workdayIn('2023-07-03', '2023-12-29');
      questions.push({
        unitId: centreUnit.id,
        channel: 'counter',
        receivedOn: on,
        askerName: tibetan()[0],
        language: i % 4 === 0 ? 'bo' : 'zh',
        question: rng.pick(qs),
        answer: answers,
        answeredOn: on,
        createdAt: new Date(`${on}T11:00:00+08:00`),
      });
    }
    for (let i = 0; i < 292; i++) {
      const late = i >= 289;
      const on = late ? (i === 289 ? '2023-12-30' : '2023-12-31') : workdayIn('2023-07-03', '2023-12-27');
      const answeredOn = late ? '2024-01-02' : workdayAfter(on, 0, 2);
      questions.push({
        unitId: centreUnit.id,
        channel: 'online',
        receivedOn: on,
        askerName: rng.next() < 0.5 ? tibetan()[0] : null,
        phoneEnc: crypto.encrypt(phone()),
        divisionCode: rng.pick(townships).divisionCode,
        language: i % 3 === 0 ? 'bo' : 'zh',
        question: rng.pick(qs),
        answer: answers,
        answeredOn,
        createdAt: new Date(`${on}T20:00:00+08:00`),
      });
    }
    await t.db.insert(mediationQuestions).values(questions);
    t.audit({
      action: 'demo.load',
      entity: 'mediationVisit',
      diff: { visits: visits.length, questions: questions.length },
    });
  });

  // ——— 以案定补: the December meeting evaluates the year's closed files ———
  await inTx(db, ctx, async (t) => {
    const [round] = await t.db
      .insert(mediationEvaluationRounds)
      .values({
        unitId: justice.id,
        divisionCode: '540626',
        year: 2023,
        title: '2023年度人民调解“以案定补、以奖代补”案卷评定会',
        heldOn: '2023-12-20',
        rates: DEMO_RATES,
        paidOn: '2023-12-28',
        createdAt: new Date('2023-12-20T15:00:00+08:00'),
      })
      .returning({ id: mediationEvaluationRounds.id });
    const leads = await query<{ case_id: string; mediator_id: string }>(
      t.db,
      sql`select case_id, mediator_id from mediation_case_mediators where lead`,
    );
    const rows = (specs as (CaseSpec & { id: string })[])
      .filter((s) => s.closedOn)
      .map((s) => {
        const optional = filePartCodes.filter(
          (p) =>
            rng.next() < 0.15 && ['cover', 'identity', 'service', 'assessment', 'attachments'].includes(p),
        );
        const parts = filePartCodes.filter((p) => !s.missing.includes(p) && !optional.includes(p));
        const exclusion = exclusionOf({
          mediationKind: 'people',
          status: s.status,
          performance: s.performance,
          parts,
        });
        return {
          roundId: round!.id,
          caseId: s.id,
          parts,
          grade: s.grade,
          exclusion,
          amountFen: subsidyFen(DEMO_RATES, s.committee.level, s.grade, exclusion),
          mediatorId: leads.find((l) => l.case_id === s.id)!.mediator_id,
          createdAt: new Date('2023-12-20T16:00:00+08:00'),
        };
      });
    await t.db.insert(mediationCaseEvaluations).values(rows);
    t.audit({
      action: 'demo.load',
      entity: 'mediationEvaluationRound',
      entityId: round!.id,
      diff: { evaluations: rows.length },
    });
  });
}
