/**
 * The one table of activity kinds (台账类别): what each kind is called, which programme of the report it
 * belongs to, and which metrics its form records. The contract validates against it, the web form and
 * the Excel template read it from GET /api/activities/kinds, and the figures name kinds from it.
 */

export const categories = {
  lawStudy: '学法',
  training: '培训',
  publicity: '普法宣传',
} as const;
export type Category = keyof typeof categories;

export const languages = ['zh', 'bo', 'bilingual'] as const;
export type Language = (typeof languages)[number];
export const languageLabels: Record<Language, string> = { zh: '汉语', bo: '藏语', bilingual: '藏汉双语' };

/**
 * The metrics an activity may carry:
 * - participants: 参加/受教人次 (law study: participants; publicity: audience reached)
 * - sessions: 期数/场次 of a training (a two-day course held once is one session)
 * - quantity: the countable output of a publicity kind that is not an event (横幅 条, 视频 次, 巡逻 次, 广播 次)
 * - attendance: rows (unit, 人次) of who attended a training, so coverage can be counted
 * - materials: rows (material kind, quantity) handed out
 */
export type Metric = 'participants' | 'sessions' | 'quantity' | 'attendance' | 'materials';
type Need = 'required' | 'optional';

export interface KindDef {
  label: string;
  category: Category;
  metrics: Partial<Record<Metric, Need>>;
  /** unit of `quantity` for this kind, e.g. 条 */
  quantityUnit?: string;
  /** part of the county's 精准普法 campaign (the report's §六（一）) */
  campaign?: boolean;
}

const study = (label: string): KindDef => ({
  label,
  category: 'lawStudy',
  metrics: { participants: 'required' },
});
const training = (label: string): KindDef => ({
  label,
  category: 'training',
  metrics: { sessions: 'required', attendance: 'required', materials: 'optional' },
});
const event = (label: string, campaign = false): KindDef => ({
  label,
  category: 'publicity',
  metrics: { participants: 'required', materials: 'optional' },
  campaign,
});
const output = (label: string, quantityUnit: string): KindDef => ({
  label,
  category: 'publicity',
  metrics: { quantity: 'required', participants: 'optional', materials: 'optional' },
  quantityUnit,
  campaign: true,
});

export const activityKinds = {
  centralGroupStudy: study('中心组学法'),
  preMeetingStudy: study('会前学法'),
  studyLecture: study('法治专题讲座'),

  enforcementLecture: training('执法人员培训（讲座）'),
  enforcementCourse: training('执法人员培训（培训班）'),
  govServiceTraining: training('“互联网+政务服务”业务培训'),
  mediatorTraining: training('人民调解员培训'),
  reconsiderationTraining: training('行政复议讲座和培训'),

  publicityLecture: event('集中宣讲', true),
  constitutionWeek: event('宪法宣传周活动', true),
  bannerScreen: output('LED屏、横幅', '条'),
  videoPush: output('宣传视频、网络推送', '次'),
  vehiclePatrol: output('法治宣传车巡逻宣传', '次'),
  broadcast: output('广播宣传（藏汉双语广播）', '次'),
  businessOutreach: event('送法进企业、进商户'),
  reconsiderationPublicity: event('行政复议法专题宣传'),
  govServicePublicity: event('“互联网+政务服务”宣传'),
  mediationPublicity: event('人民调解宣传'),
} as const satisfies Record<string, KindDef>;

export type ActivityKind = keyof typeof activityKinds;
export const activityKindCodes = Object.keys(activityKinds) as [ActivityKind, ...ActivityKind[]];

export const kindDef = (k: ActivityKind): KindDef => activityKinds[k];
export const kindsOf = (c: Category): ActivityKind[] =>
  activityKindCodes.filter((k) => activityKinds[k].category === c);
export const campaignKinds: ActivityKind[] = activityKindCodes.filter(
  (k) => (activityKinds[k] as KindDef).campaign,
);

export const materialKinds = {
  handbook: { label: '精准普法手册', unit: '份' },
  petitionRegulation: { label: '《信访工作条例》', unit: '份' },
  caseBooklet: { label: '精准普法典型案例宣传册', unit: '份' },
  loudspeaker: { label: '宣传小喇叭', unit: '个' },
  studyNotebook: { label: '学法笔记', unit: '本' },
  confirmationForm: { label: '普法确认单', unit: '张' },
  brochure: { label: '宣传册（手册）', unit: '份' },
  leaflet: { label: '宣传单、折页', unit: '份' },
  poster: { label: '海报', unit: '份' },
  reader: { label: '辅导读本', unit: '本' },
  gift: { label: '宣传品', unit: '份' },
  lawCopy: { label: '法律法规文本', unit: '册' },
} as const satisfies Record<string, { label: string; unit: string }>;
export type MaterialKind = keyof typeof materialKinds;
export const materialKindCodes = Object.keys(materialKinds) as [MaterialKind, ...MaterialKind[]];

/** The law names are kept normalised (no 《》, no 中华人民共和国), so a figure can match one by name. */
export function normaliseLaw(name: string): string {
  return name
    .trim()
    .replace(/[《》〈〉]/g, '')
    .replace(/^中华人民共和国/, '')
    .replace(/（\d{4}年修订）$|\(\d{4}年修订\)$/, '')
    .trim();
}
