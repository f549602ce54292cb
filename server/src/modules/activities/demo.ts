import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import type { Platform } from '../../platform/platform.js';
import type { ActivityKind, Language, MaterialKind } from './kinds.js';
import { activities, activityAttendance, activityMaterials } from './schema.js';

/**
 * Suo County's 2023 activity ledger: individual events spread over the year, owned by the county's
 * departments and townships. The totals below are what the 2023 report states (inside its 余/多 band
 * where it rounds); the generator only distributes them over records, and every figure is then the
 * sum of those records.
 */
const TARGET = {
  lawStudy: 317, // 学法活动300余次
  reconsiderationStudy: 12, // 其中学习行政复议法12次
  govServiceTrainings: 4,
  govServiceAttendance: 200,
  enforcementLectures: 7,
  enforcementCourses: 3,
  enforcementAttendance: 540,
  mediatorTrainings: 4,
  mediatorTrainees: 753, // 750余人
  reconsiderationTrainings: 2,
  publicityLectures: 224,
  constitutionWeekEvents: 10, // one per township; with the lectures, 234 场次
  campaignAudience: 22_468, // 2.2万人次
  banners: 280,
  videoPlays: 233, // 230余次
  vehiclePatrols: 53, // 50多次
  bilingualBroadcasts: 135,
  campaignMaterials: {
    handbook: 2500,
    petitionRegulation: 1500,
    caseBooklet: 5000,
    loudspeaker: 134,
    studyNotebook: 1246,
    confirmationForm: 1743,
  } satisfies Partial<Record<MaterialKind, number>>, // together 1.2万余份
  businessEvents: 10,
  businessGifts: 1086, // 1000余份
  businessBrochures: 836, // 800余份
  govServiceEvents: 24,
  govServiceBrochures: 10_412, // 10000余份
  govServicePosters: 674, // 670余份
  govServiceReaders: 206,
  reconsiderationEvents: 30,
  reconsiderationLawCopies: 526, // 500余册
  reconsiderationBrochures: 1000,
  mediationEvents: 18,
  mediationLeaflets: 812,
  mediationBrochures: 423, // with the leaflets 1200余份
};

/** mulberry32: a small seeded PRNG, so every demo load is the same county. */
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
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    let r = next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  /** `n` whole parts of `total`, each at least `min`, of random sizes; they sum to `total`. */
  const split = (total: number, n: number, min = 1): number[] => {
    if (n * min > total) throw new Error(`cannot split ${total} into ${n} parts of at least ${min}`);
    const w = Array.from({ length: n }, () => 0.4 + next());
    const sum = w.reduce((s, x) => s + x, 0);
    const rest = total - n * min;
    const parts = w.map((x) => min + Math.floor((rest * x) / sum));
    for (let left = total - parts.reduce((s, x) => s + x, 0); left > 0; left--) parts[int(0, n - 1)]!++;
    return parts;
  };
  return { next, int, pick, shuffle, weighted, split };
}
type Rng = ReturnType<typeof prng>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A working day (Mon–Fri) of 2023 between two dates, inclusive. */
function workday(rng: Rng, from = '2023-01-03', to = '2023-12-29'): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  for (;;) {
    const d = new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000);
    const dow = d.getUTCDay();
    // 藏历新年 and the Spring Festival fall in late January and February 2023: fewer events then.
    const festive = d.getUTCMonth() === 1 && d.getUTCDate() >= 18 && d.getUTCDate() <= 28;
    if (dow !== 0 && dow !== 6 && !festive)
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
}
const monthOf = (d: string) => Number(d.slice(5, 7));

interface Unit {
  id: number;
  name: string;
  kind: string;
}
const short = (u: Unit) =>
  u.name
    .replace(/^那曲市|^国家税务总局/, '')
    .replace(/^索县/, '')
    .replace(/人民政府$/, '') || u.name;

const studyLaws = [
  '习近平法治思想',
  '宪法',
  '民法典',
  '行政处罚法',
  '行政许可法',
  '信访工作条例',
  '土地管理法',
  '安全生产法',
  '优化营商环境条例',
  '反电信网络诈骗法',
  '党政主要负责人履行推进法治建设第一责任人职责规定',
  '保守国家秘密法',
];
const campaignLaws = [
  '民法典',
  '宪法',
  '土地管理法',
  '信访工作条例',
  '刑法',
  '治安管理处罚法',
  '反电信网络诈骗法',
];

interface Row {
  id: string;
  unitId: number;
  kind: ActivityKind;
  title: string;
  date: string;
  place: string;
  organiserUnitId: number;
  language: Language;
  participants: number | null;
  sessions: number | null;
  quantity: number | null;
  laws: string[];
  createdAt: Date;
}

async function loadUnits(db: Db) {
  const rows = await query<Unit>(
    db,
    sql`select u.id, u.name, u.kind from org_units u join divisions d on d.code = u.division_code
        where d.path like '%/540626/%' and u.active order by u.sort, u.id`,
  );
  const byName = (name: string) => {
    const u = rows.find((r) => r.name === name);
    if (!u) throw new Error(`演示数据：找不到单位“${name}”，请先加载索县组织机构`);
    return u;
  };
  const justice = byName('索县司法局');
  const departments = rows.filter((r) => r.kind === 'department' && r.id !== justice.id);
  const townships = rows.filter((r) => r.kind === 'township');
  if (departments.length !== 28 || townships.length !== 10)
    throw new Error(
      `演示数据：索县应有 28 个县直部门（不含司法局）和 10 个乡镇，实有 ${departments.length}、${townships.length}`,
    );
  const lawOffice = rows.find((r) => r.kind === 'lawOffice');
  if (!lawOffice) throw new Error('演示数据：找不到索县依法治县办');
  return {
    justice,
    lawOffice,
    departments,
    townships,
    committees: rows.filter((r) => r.kind === 'mediationCommittee'),
    byName,
  };
}

export function generate(units: Awaited<ReturnType<typeof loadUnits>>, seed = 20231231) {
  const rng = prng(seed);
  const { justice, lawOffice, departments, townships, committees, byName } = units;
  const govCentre = byName('索县政务服务中心');
  const police = byName('索县公安局');
  const market = byName('索县市场监督管理局');
  const commerce = byName('索县商务局');
  const tax = byName('国家税务总局索县税务局');
  const rows: Row[] = [];
  const attendance: { activityId: string; unitId: number; count: number }[] = [];
  const materials: { activityId: string; materialKind: MaterialKind; quantity: number }[] = [];

  const languageFor = (u: Unit): Language =>
    u.kind === 'township'
      ? rng.weighted([
          ['bilingual', 6],
          ['bo', 3],
          ['zh', 1],
        ])
      : rng.weighted([
          ['zh', 7],
          ['bilingual', 3],
        ]);
  const add = (
    r: Omit<Row, 'id' | 'createdAt' | 'organiserUnitId' | 'participants' | 'sessions' | 'quantity' | 'laws'> &
      Partial<Pick<Row, 'organiserUnitId' | 'participants' | 'sessions' | 'quantity' | 'laws'>>,
  ): Row => {
    const row: Row = {
      id: randomUUID(),
      organiserUnitId: r.unitId,
      participants: null,
      sessions: null,
      quantity: null,
      laws: [],
      createdAt: new Date(`${r.date}T${pad(rng.int(15, 20))}:${pad(rng.int(0, 59))}:00+08:00`),
      ...r,
    };
    rows.push(row);
    return row;
  };
  const giveOut = (events: readonly Row[], kind: MaterialKind, total: number, min = 1) =>
    rng
      .split(total, events.length, min)
      .forEach((q, i) => materials.push({ activityId: events[i]!.id, materialKind: kind, quantity: q }));
  /** Spread a training's attendance over units: every unit in `must` at least once, the rest at random. */
  const attend = (
    sessions: readonly Row[],
    pool: readonly Unit[],
    total: number,
    must: readonly Unit[] = [],
  ) => {
    const slots = new Map<string, number>();
    const put = (s: Row, u: Unit) => slots.set(`${s.id}|${u.id}`, (slots.get(`${s.id}|${u.id}`) ?? 0) + 1);
    for (const u of must) put(rng.pick(sessions), u);
    for (let i = must.length; i < total; i++) put(rng.pick(sessions), rng.pick(pool));
    for (const [k, count] of slots) {
      const [activityId, unitId] = k.split('|');
      attendance.push({ activityId: activityId!, unitId: Number(unitId), count });
    }
  };

  // ——— 学法: every department and township, the office and the justice bureau ———
  const studyUnits = [lawOffice, justice, ...departments, ...townships];
  const studies: Row[] = [];
  rng.split(TARGET.lawStudy, studyUnits.length, 4).forEach((n, i) => {
    const u = studyUnits[i]!;
    for (let k = 0; k < n; k++) {
      const kind = rng.weighted<ActivityKind>([
        ['centralGroupStudy', 45],
        ['preMeetingStudy', 35],
        ['studyLecture', 20],
      ]);
      const laws = rng.shuffle(studyLaws).slice(0, rng.int(1, 2));
      const date = workday(rng);
      const s = short(u);
      const title = {
        centralGroupStudy: `${s}党组（党委）理论学习中心组学法：${laws.map((l) => `《${l}》`).join('')}`,
        preMeetingStudy: `${s}${monthOf(date)}月会议会前学法：${laws.map((l) => `《${l}》`).join('')}`,
        studyLecture: `${s}法治专题讲座：${laws[0]}解读`,
      }[kind as 'centralGroupStudy'];
      studies.push(
        add({
          unitId: u.id,
          kind,
          title,
          date,
          place: `${u.name}会议室`,
          language: languageFor(u),
          participants: kind === 'studyLecture' ? rng.int(25, 80) : rng.int(7, 24),
          laws,
        }),
      );
    }
  });
  // The new 行政复议法 (adopted 2023-09-01) studied at central-group and pre-meeting sessions in the autumn.
  const autumn = rng.shuffle(studies.filter((r) => r.kind !== 'studyLecture' && r.date >= '2023-09-04'));
  for (const r of autumn.slice(0, TARGET.reconsiderationStudy)) {
    r.laws = ['行政复议法'];
    r.title = r.title.replace(/：.*$/, '：新修订《行政复议法》');
  }

  // ——— 培训 ———
  const govTrainings = ['2023-03-', '2023-05-', '2023-08-', '2023-11-']
    .slice(0, TARGET.govServiceTrainings)
    .map((m, i) =>
      add({
        unitId: govCentre.id,
        kind: 'govServiceTraining',
        title: `2023年第${i + 1}期县乡“互联网+政务服务”业务培训班`,
        date: workday(rng, `${m}06`, `${m}24`),
        place: '索县政务服务中心培训室',
        language: 'bilingual',
        sessions: 1,
      }),
    );
  attend(govTrainings, [...departments, ...townships], TARGET.govServiceAttendance, [
    ...departments,
    ...townships,
  ]);

  const enforcers = departments.filter((d) =>
    /公安|自然资源|住房|交通|农业|水利|商务|文化|卫生|应急|市场|林业|生态|税务|城市管理|医疗|民族宗教|教育/.test(
      d.name,
    ),
  );
  const enforcementTrainings = [
    ...Array.from({ length: TARGET.enforcementLectures }, () => 'enforcementLecture' as const),
    ...Array.from({ length: TARGET.enforcementCourses }, () => 'enforcementCourse' as const),
  ].map((kind, i) => {
    const topic = rng.pick([
      '行政处罚法',
      '行政执法“三项制度”',
      '行政许可法',
      '行政强制法',
      '执法文书制作与案卷归档',
    ]);
    return add({
      unitId: justice.id,
      kind,
      organiserUnitId: i % 3 === 0 ? lawOffice.id : justice.id,
      title:
        kind === 'enforcementLecture'
          ? `行政执法人员专题讲座：${topic}`
          : `全县行政执法人员集中培训班（${topic}）`,
      date: workday(rng),
      place: kind === 'enforcementLecture' ? '索县司法局会议室' : '县委党校（行政学院）',
      language: 'zh',
      sessions: 1,
      laws: topic.endsWith('法') ? [topic] : [],
    });
  });
  rng
    .split(TARGET.enforcementAttendance, enforcementTrainings.length, 30)
    .forEach((n, i) => attend([enforcementTrainings[i]!], [...enforcers, ...townships], n));

  const mediatorTrainings = Array.from({ length: TARGET.mediatorTrainings }, (_, i) =>
    add({
      unitId: justice.id,
      kind: 'mediatorTraining',
      title: `2023年人民调解员业务培训（第${i + 1}期）`,
      date: workday(rng, `2023-${pad([3, 5, 8, 11][i % 4]!)}-01`, `2023-${pad([3, 5, 8, 11][i % 4]!)}-28`),
      place: i % 2 ? `${rng.pick(townships).name}会议室` : '索县司法局会议室',
      language: 'bilingual',
      sessions: 1,
      laws: ['人民调解法'],
    }),
  );
  rng
    .split(TARGET.mediatorTrainees, mediatorTrainings.length, 120)
    .forEach((n, i) => attend([mediatorTrainings[i]!], committees, n, committees));

  const reconTrainings = Array.from({ length: TARGET.reconsiderationTrainings }, (_, i) =>
    add({
      unitId: justice.id,
      kind: 'reconsiderationTraining',
      title: i ? '行政复议应诉工作培训' : '新修订《行政复议法》专题讲座',
      date: workday(rng, '2023-09-11', '2023-12-15'),
      place: '索县司法局会议室',
      language: 'zh',
      sessions: 1,
      laws: ['行政复议法'],
    }),
  );
  attend(reconTrainings, departments, rng.int(60, 90));

  // ——— 精准普法 ———
  const lecturers = [
    ...townships.map((t) => [t, 12] as const),
    [justice, 30] as const,
    [lawOffice, 8] as const,
    [police, 14] as const,
    ...departments.filter((d) => d !== police).map((d) => [d, 1.2] as const),
  ];
  const campaignEvents: Row[] = [];
  for (let i = 0; i < TARGET.publicityLectures; i++) {
    const u = rng.weighted(lecturers);
    const laws = rng.shuffle(campaignLaws).slice(0, rng.int(1, 3));
    const where =
      u.kind === 'township'
        ? rng.pick([
            `${short(u)}集镇广场`,
            `${short(u)}村委会`,
            `${short(u)}牧民定居点`,
            `${short(u)}中心小学`,
          ])
        : rng.pick(['县城广场', '县城农贸市场', '索县中学', '县城社区', '县城商业街']);
    campaignEvents.push(
      add({
        unitId: u.id,
        kind: 'publicityLecture',
        organiserUnitId: u.kind === 'township' && rng.next() < 0.2 ? justice.id : u.id,
        title: `“精准普法”集中宣讲：${laws.map((l) => `《${l}》`).join('')}`,
        date: workday(rng),
        place: where,
        language: languageFor(u),
        laws,
      }),
    );
  }
  for (const t of townships.slice(0, TARGET.constitutionWeekEvents))
    campaignEvents.push(
      add({
        unitId: t.id,
        kind: 'constitutionWeek',
        title: `${short(t)}2023年“宪法宣传周”集中宣传活动`,
        date: `2023-12-0${rng.int(4, 7)}`,
        place: `${short(t)}集镇广场`,
        language: 'bilingual',
        laws: ['宪法'],
      }),
    );
  rng.split(TARGET.campaignAudience, campaignEvents.length, 20).forEach((n, i) => {
    campaignEvents[i]!.participants = n;
  });
  for (const [kind, total] of Object.entries(TARGET.campaignMaterials) as [MaterialKind, number][]) {
    const share = kind === 'loudspeaker' ? 0.15 : kind === 'caseBooklet' ? 0.6 : 0.4;
    const events = rng.shuffle(campaignEvents).slice(0, Math.round(campaignEvents.length * share));
    giveOut(events, kind, total);
  }

  const outputUnits = [...townships, justice, police, lawOffice];
  rng.split(TARGET.banners, 40, 2).forEach((n) => {
    const u = rng.pick(outputUnits);
    add({
      unitId: u.id,
      kind: 'bannerScreen',
      title: rng.pick(['悬挂“八五”普法宣传横幅', 'LED屏滚动播放法治宣传标语', '悬挂《民法典》宣传横幅']),
      date: workday(rng),
      place: u.kind === 'township' ? `${short(u)}集镇主街` : '县城主干道及LED屏',
      language: 'bilingual',
      quantity: n,
    });
  });
  rng.split(TARGET.videoPlays, 70, 1).forEach((n) => {
    const u = rng.pick([justice, lawOffice, police, ...townships.slice(0, 3)]);
    add({
      unitId: u.id,
      kind: 'videoPush',
      title: rng.pick(['普法短视频推送', '“索县融媒”法治专栏', '微信公众号普法推文', '抖音普法短视频']),
      date: workday(rng),
      place: rng.pick(['索县融媒', '微信公众号', '抖音号']),
      language: languageFor(u),
      quantity: n,
      laws: [rng.pick(campaignLaws)],
    });
  });
  rng.split(TARGET.vehiclePatrols, 31, 1).forEach((n) => {
    const t = rng.pick(townships);
    add({
      unitId: police.id,
      kind: 'vehiclePatrol',
      title: `法治宣传车巡回宣传（${short(t)}）`,
      date: workday(rng),
      place: `${short(t)}沿线各村`,
      language: 'bilingual',
      quantity: n,
    });
  });
  rng.split(TARGET.bilingualBroadcasts, 45, 1).forEach((n) => {
    const t = rng.pick(townships);
    add({
      unitId: t.id,
      kind: 'broadcast',
      title: `藏汉双语法治广播：《${rng.pick(campaignLaws)}》`,
      date: workday(rng),
      place: `${short(t)}各村广播`,
      language: 'bilingual',
      quantity: n,
    });
  });
  // Broadcasts in one language only: in the ledger, not in the bilingual count.
  for (let i = 0; i < 16; i++) {
    const t = rng.pick(townships);
    add({
      unitId: t.id,
      kind: 'broadcast',
      title: `藏语法治广播：《${rng.pick(campaignLaws)}》`,
      date: workday(rng),
      place: `${short(t)}各村广播`,
      language: 'bo',
      quantity: rng.int(1, 3),
    });
  }

  // ——— 送法进企业、政务服务宣传、行政复议法宣传、人民调解宣传 ———
  const business = Array.from({ length: TARGET.businessEvents }, () => {
    const u = rng.pick([market, commerce, justice, tax]);
    return add({
      unitId: u.id,
      kind: 'businessOutreach',
      title: rng.pick(['“法律进企业”送法活动', '“法律进商户”送法上门', '《优化营商环境条例》宣传']),
      date: workday(rng),
      place: rng.pick(['县城商业街商户', '县城农贸市场', '县工业园区企业', '县城个体工商户集中区']),
      language: 'bilingual',
      participants: rng.int(20, 70),
      laws: ['优化营商环境条例'],
    });
  });
  giveOut(business, 'gift', TARGET.businessGifts, 40);
  giveOut(business, 'brochure', TARGET.businessBrochures, 30);

  const govPublicity = Array.from({ length: TARGET.govServiceEvents }, (_, i) => {
    const u = i % 2 ? rng.pick(townships) : govCentre;
    return add({
      unitId: u.id,
      kind: 'govServicePublicity',
      title: '“互联网+政务服务”宣传',
      date: workday(rng),
      place: u === govCentre ? '索县政务服务中心大厅' : `${short(u)}便民服务中心`,
      language: 'bilingual',
      participants: rng.int(30, 180),
    });
  });
  giveOut(govPublicity, 'brochure', TARGET.govServiceBrochures, 100);
  giveOut(govPublicity, 'poster', TARGET.govServicePosters, 5);
  giveOut(rng.shuffle(govPublicity).slice(0, 12), 'reader', TARGET.govServiceReaders, 4);

  const reconPublicity = Array.from({ length: TARGET.reconsiderationEvents }, (_, i) => {
    const u = i < 10 ? justice : townships[i % townships.length]!;
    return add({
      unitId: u.id,
      kind: 'reconsiderationPublicity',
      organiserUnitId: justice.id,
      title: '新修订《行政复议法》专题宣传',
      date: workday(rng, '2023-09-04', '2023-12-29'),
      place: u === justice ? rng.pick(['县城广场', '县城社区', '县政务服务中心']) : `${short(u)}集镇广场`,
      language: u === justice ? 'zh' : 'bilingual',
      participants: rng.int(30, 120),
      laws: ['行政复议法'],
    });
  });
  giveOut(reconPublicity, 'lawCopy', TARGET.reconsiderationLawCopies, 5);
  giveOut(reconPublicity, 'brochure', TARGET.reconsiderationBrochures, 10);

  const mediationPublicity = Array.from({ length: TARGET.mediationEvents }, () => {
    const u = rng.pick([justice, ...committees]);
    return add({
      unitId: u.id,
      kind: 'mediationPublicity',
      title: '《人民调解法》宣传',
      date: workday(rng),
      place: u === justice ? '县城广场' : `${u.name.replace('人民调解委员会', '')}集镇`,
      language: 'bilingual',
      participants: rng.int(20, 90),
      laws: ['人民调解法'],
    });
  });
  giveOut(mediationPublicity, 'leaflet', TARGET.mediationLeaflets, 10);
  giveOut(rng.shuffle(mediationPublicity).slice(0, 9), 'brochure', TARGET.mediationBrochures, 10);

  return { rows, attendance, materials };
}

async function insertChunked<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Loads the ledger after the organisation (demo order 50), in bulk, in one audited transaction. */
export async function loadActivitiesDemo(platform: Platform): Promise<void> {
  await inTx(platform.db, { actor: Actor.system }, async (t) => {
    const { rows, attendance, materials } = generate(await loadUnits(t.db));
    await insertChunked(rows, 500, (c) =>
      t.db.insert(activities).values(c.map((r) => ({ ...r, updatedAt: r.createdAt }))),
    );
    await insertChunked(attendance, 1000, (c) => t.db.insert(activityAttendance).values(c));
    await insertChunked(materials, 1000, (c) => t.db.insert(activityMaterials).values(c));
    t.audit({
      action: 'demo.load',
      entity: 'activity',
      diff: { activities: rows.length, attendance: attendance.length, materials: materials.length },
    });
  });
}
