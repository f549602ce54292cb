import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { sharedLoad, unitsInFigureScope } from '../../platform/figures/registry.js';
import type { FigureDef, FigurePeriod, FigureScope } from '../../platform/manifest.js';
import {
  activityKinds,
  campaignKinds,
  kindsOf,
  materialKinds,
  type ActivityKind,
  type Language,
  type MaterialKind,
} from './kinds.js';

/** What a ledger figure aggregates over the matching activities. */
type Measure =
  | { events: true }
  | { sum: 'participants' | 'sessions' | 'quantity' }
  | { attendance: true }
  | { covered: 'department' | 'township' }
  | { materials: readonly MaterialKind[] | 'all' };

interface Spec {
  key: string;
  label: string;
  unit: string;
  /** what counts, in the report's words; the common conditions are appended */
  definition: string;
  kinds: readonly ActivityKind[];
  measure: Measure;
  language?: Language;
  /** only activities that name this law (normalised name) */
  law?: string;
}

const COMMON = '（只计期间内开展、未作废、归属单位在所选行政区划及本人权限范围内的台账记录）';

const labels = (kinds: readonly ActivityKind[]) => kinds.map((k) => `“${activityKinds[k].label}”`).join('、');
const materialLabels = (ms: readonly MaterialKind[]) => ms.map((m) => materialKinds[m].label).join('、');

const enforcement: ActivityKind[] = ['enforcementLecture', 'enforcementCourse'];
const reportedCampaignMaterials: MaterialKind[] = [
  'handbook',
  'petitionRegulation',
  'caseBooklet',
  'loudspeaker',
  'studyNotebook',
  'confirmationForm',
];

const campaignMaterial = (key: string, m: MaterialKind, unit: string): Spec => ({
  key,
  label: materialKinds[m].label,
  unit,
  definition: `精准普法宣传活动（${labels(campaignKinds)}）中发放的“${materialKinds[m].label}”数量之和`,
  kinds: campaignKinds,
  measure: { materials: [m] },
});
const materialAt = (
  key: string,
  label: string,
  unit: string,
  kind: ActivityKind,
  ms: readonly MaterialKind[] | 'all',
): Spec => ({
  key,
  label,
  unit,
  definition:
    ms === 'all'
      ? `${labels([kind])}活动中发放的各类宣传资料数量之和`
      : `${labels([kind])}活动中发放的${materialLabels(ms)}数量之和`,
  kinds: [kind],
  measure: { materials: ms },
});
const eventsOf = (key: string, label: string, unit: string, kinds: ActivityKind[], extra = ''): Spec => ({
  key,
  label,
  unit,
  definition: `${labels(kinds)}活动的场次数，一条台账记录为一场${extra}`,
  kinds,
  measure: { events: true },
});
const sessionsOf = (key: string, label: string, kinds: ActivityKind[]): Spec => ({
  key,
  label,
  unit: '次',
  definition: `${labels(kinds)}的培训期数之和（一条记录可登记多期）`,
  kinds,
  measure: { sum: 'sessions' },
});
const attendanceOf = (key: string, label: string, unit: string, kinds: ActivityKind[]): Spec => ({
  key,
  label,
  unit,
  definition: `${labels(kinds)}各参训单位登记的参加人次之和`,
  kinds,
  measure: { attendance: true },
});
const quantityOf = (key: string, label: string, kind: ActivityKind, extra = ''): Spec => ({
  key,
  label,
  unit: activityKinds[kind].quantityUnit!,
  definition: `${labels([kind])}记录所登记数量（${activityKinds[kind].quantityUnit}）之和${extra}`,
  kinds: [kind],
  measure: { sum: 'quantity' },
});

/** Every figure the ledger owns, by its key in the annual report. */
const specs: Spec[] = [
  // ——— 学法 ———
  {
    key: 'study.lawStudyActivities',
    label: '干部职工学法活动',
    unit: '次',
    definition: `各级各部门开展的学法活动次数：${labels(kindsOf('lawStudy'))}，一条台账记录为一次`,
    kinds: kindsOf('lawStudy'),
    measure: { events: true },
  },
  {
    key: 'reconsideration.studySessions',
    label: '组织学习行政复议法',
    unit: '次',
    definition: `学习内容含《行政复议法》的学法活动（${labels(kindsOf('lawStudy'))}）次数`,
    kinds: kindsOf('lawStudy'),
    measure: { events: true },
    law: '行政复议法',
  },

  // ——— 培训 ———
  sessionsOf('services.trainings', '“互联网+政务服务”业务培训班', ['govServiceTraining']),
  attendanceOf('services.trainingAttendance', '“互联网+政务服务”培训参加人次', '人次', [
    'govServiceTraining',
  ]),
  {
    key: 'services.trainingDepartmentsCovered',
    label: '培训覆盖县直单位',
    unit: '家',
    definition: '“互联网+政务服务”业务培训有参训人次登记的不同县直部门（单位类别为县直部门）个数',
    kinds: ['govServiceTraining'],
    measure: { covered: 'department' },
  },
  {
    key: 'services.trainingTownshipsCovered',
    label: '培训覆盖乡镇',
    unit: '个',
    definition: '“互联网+政务服务”业务培训有参训人次登记的不同乡镇（单位类别为乡镇）个数',
    kinds: ['govServiceTraining'],
    measure: { covered: 'township' },
  },
  sessionsOf('enforcement.trainingSessions', '执法人员集中培训讲座', enforcement),
  sessionsOf('enforcement.trainingLectures', '其中讲座', ['enforcementLecture']),
  sessionsOf('enforcement.trainingCourses', '其中培训', ['enforcementCourse']),
  attendanceOf('enforcement.trainingAttendance', '参加培训执法人员', '人次', enforcement),
  sessionsOf('mediation.mediatorTrainings', '人民调解员培训', ['mediatorTraining']),
  attendanceOf('mediation.mediatorTrainees', '参训人民调解员', '人', ['mediatorTraining']),
  sessionsOf('reconsideration.lecturesAndTrainings', '行政复议讲座和培训', ['reconsiderationTraining']),

  // ——— 精准普法 ———
  eventsOf(
    'publicity.campaignEvents',
    '普法宣传',
    '场次',
    kindsOf('publicity').filter((k) => campaignKinds.includes(k) && !activityKinds[k].metrics.quantity),
    '（横幅、视频推送、宣传车巡逻、广播按条次另计，不计入场次）',
  ),
  eventsOf('publicity.lectures', '集中宣讲', '场次', ['publicityLecture']),
  quantityOf('publicity.bannersAndScreens', 'LED、横幅', 'bannerScreen'),
  quantityOf('publicity.videoPlays', '播放宣传视频、抖音、融媒、公众号等', 'videoPush'),
  quantityOf('publicity.vehiclePatrols', '法治宣传车巡逻宣传', 'vehiclePatrol'),
  {
    ...quantityOf(
      'publicity.bilingualBroadcasts',
      '藏汉双语广播',
      'broadcast',
      '，只计语言为“藏汉双语”的广播',
    ),
    language: 'bilingual',
  },
  {
    key: 'publicity.materialsDistributed',
    label: '发放宣传资料',
    unit: '份',
    definition: `精准普法宣传活动（${labels(campaignKinds)}）中发放的各类宣传资料（含手册、条例文本、案例册、小喇叭、学法笔记、确认单等）数量之和`,
    kinds: campaignKinds,
    measure: { materials: 'all' },
  },
  {
    key: 'publicity.peopleReached',
    label: '受教群众',
    unit: '人次',
    definition: `精准普法宣传活动（${labels(campaignKinds)}）登记的受教群众人次之和`,
    kinds: campaignKinds,
    measure: { sum: 'participants' },
  },
  ...reportedCampaignMaterials.map((m) =>
    campaignMaterial(
      {
        handbook: 'publicity.handbooks',
        petitionRegulation: 'publicity.petitionRegulationCopies',
        caseBooklet: 'publicity.caseBooklets',
        loudspeaker: 'publicity.loudspeakers',
        studyNotebook: 'publicity.studyNotebooks',
        confirmationForm: 'publicity.confirmationForms',
      }[m as string]!,
      m,
      materialKinds[m].unit,
    ),
  ),

  // ——— 营商环境送法、政务服务宣传 ———
  eventsOf('publicity.businessOutreachEvents', '营商环境送法活动', '次', ['businessOutreach']),
  materialAt('publicity.businessGifts', '送法活动发放宣传品', '份', 'businessOutreach', ['gift']),
  materialAt('publicity.businessBrochures', '送法活动发放宣传册', '份', 'businessOutreach', ['brochure']),
  materialAt('publicity.govServiceBrochures', '“互联网+政务服务”宣传册子', '份', 'govServicePublicity', [
    'brochure',
  ]),
  materialAt('publicity.govServicePosters', '“互联网+政务服务”海报', '份', 'govServicePublicity', ['poster']),
  materialAt('publicity.govServiceReaders', '“互联网+政务服务”辅导读本', '本', 'govServicePublicity', [
    'reader',
  ]),

  // ——— 人民调解、行政复议宣传 ———
  materialAt('mediation.publicityMaterials', '人民调解宣传资料', '份', 'mediationPublicity', 'all'),
  eventsOf('reconsideration.publicityEvents', '行政复议法专题宣传', '场次', ['reconsiderationPublicity']),
  materialAt(
    'reconsideration.lawCopiesDistributed',
    '发放新修订《行政复议法》',
    '册',
    'reconsiderationPublicity',
    ['lawCopy'],
  ),
  materialAt('reconsideration.brochuresDistributed', '行政复议宣传手册', '册', 'reconsiderationPublicity', [
    'brochure',
  ]),
];

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/** The activities a figure counts: in the period, not voided, owned inside the figure scope. */
function inPeriodAndScope(scope: FigureScope, period: FigurePeriod): SQL {
  return sql`a.voided_at is null and a.date between ${period.from}::date and ${period.to}::date
    and a.unit_id in (${unitsInFigureScope(scope)})`;
}

/** The same, narrowed to one figure's kinds, language and law. */
function activityFilter(s: Spec, scope: FigureScope, period: FigurePeriod): SQL {
  const parts: SQL[] = [inPeriodAndScope(scope, period), sql`a.kind in (${list(s.kinds)})`];
  if (s.language) parts.push(sql`a.language = ${s.language}`);
  if (s.law) parts.push(sql`${s.law} = any(a.laws)`);
  return sql.join(parts, sql` and `);
}

/** One figure's own query: used for a figure that names a law, which the summary does not split by. */
function aggregate(s: Spec, where: SQL): SQL {
  const m = s.measure;
  if ('events' in m) return sql`select count(*)::int as n from activities a where ${where}`;
  if ('sum' in m)
    return sql`select coalesce(sum(a.${sql.raw(m.sum)}), 0)::int as n from activities a where ${where}`;
  if ('attendance' in m)
    return sql`select coalesce(sum(t.count), 0)::int as n from activity_attendance t
      join activities a on a.id = t.activity_id where ${where}`;
  if ('covered' in m)
    return sql`select count(distinct t.unit_id)::int as n from activity_attendance t
      join activities a on a.id = t.activity_id join org_units u on u.id = t.unit_id
      where ${where} and u.kind = ${m.covered}`;
  const kindFilter = m.materials === 'all' ? sql`` : sql` and m.material_kind in (${list(m.materials)})`;
  return sql`select coalesce(sum(m.quantity), 0)::int as n from activity_materials m
    join activities a on a.id = m.activity_id where ${where}${kindFilter}`;
}

interface LedgerSummary {
  events: {
    kind: string;
    language: string;
    n: number;
    participants: number;
    sessions: number;
    quantity: number;
  }[];
  materials: { kind: string; language: string; material: string; n: number }[];
  attendance: { kind: string; language: string; unitId: number; unitKind: string; n: number }[];
}

/**
 * The ledger of one scope and period grouped by kind and language, in three scans instead of one per
 * figure: every figure without a law is a filter and a sum over these few hundred rows.
 */
async function ledgerSummary(db: Db, scope: FigureScope, period: FigurePeriod): Promise<LedgerSummary> {
  const where = inPeriodAndScope(scope, period);
  const events = await query<LedgerSummary['events'][number]>(
    db,
    sql`select a.kind, a.language, count(*)::int as n, coalesce(sum(a.participants), 0)::int as participants,
          coalesce(sum(a.sessions), 0)::int as sessions, coalesce(sum(a.quantity), 0)::int as quantity
        from activities a where ${where} group by 1, 2`,
  );
  const materials = await query<LedgerSummary['materials'][number]>(
    db,
    sql`select a.kind, a.language, m.material_kind as material, coalesce(sum(m.quantity), 0)::int as n
        from activity_materials m join activities a on a.id = m.activity_id where ${where} group by 1, 2, 3`,
  );
  const attendance = await query<LedgerSummary['attendance'][number]>(
    db,
    sql`select a.kind, a.language, t.unit_id as "unitId", u.kind as "unitKind", coalesce(sum(t.count), 0)::int as n
        from activity_attendance t join activities a on a.id = t.activity_id join org_units u on u.id = t.unit_id
        where ${where} group by 1, 2, 3, 4`,
  );
  return { events, materials, attendance };
}

function fromSummary(s: Spec, l: LedgerSummary): number {
  const mine = (r: { kind: string; language: string }) =>
    (s.kinds as readonly string[]).includes(r.kind) && (!s.language || r.language === s.language);
  const total = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
  const m = s.measure;
  if ('events' in m) return total(l.events.filter(mine), (r) => r.n);
  if ('sum' in m) return total(l.events.filter(mine), (r) => r[m.sum]);
  if ('attendance' in m) return total(l.attendance.filter(mine), (r) => r.n);
  if ('covered' in m)
    return new Set(l.attendance.filter((r) => mine(r) && r.unitKind === m.covered).map((r) => r.unitId)).size;
  const kinds = m.materials;
  return total(
    l.materials.filter(
      (r) => mine(r) && (kinds === 'all' || (kinds as readonly string[]).includes(r.material)),
    ),
    (r) => r.n,
  );
}

export const activityFigures: FigureDef[] = specs.map((s) => ({
  key: s.key,
  label: s.label,
  unit: s.unit,
  definition: `${s.definition}${COMMON}`,
  drill: {
    path: `/activities?${s.kinds.length === 1 ? `kind=${s.kinds[0]}&` : ''}${s.language ? `language=${s.language}&` : ''}unit={unit}&from={from}&to={to}`,
  },
  async compute(args) {
    const { db, scope, period } = args;
    if (s.law || !args.memo) {
      const [r] = await query<{ n: number }>(db, aggregate(s, activityFilter(s, scope, period)));
      return Number(r?.n ?? 0);
    }
    return fromSummary(
      s,
      await sharedLoad(args, 'activities.ledger', () => ledgerSummary(db, scope, period)),
    );
  },
}));

export const activityFigureKeys = specs.map((s) => s.key);
