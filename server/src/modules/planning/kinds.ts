/**
 * The tags a task carries so the annual report's sections can pull it: the eight 体系 of the
 * 《法治政府建设实施纲要（2021—2025年）》, plus 党的领导 and 普法, which counties add themselves
 * (domain/rules-research.md §3.1).
 */
export const systems = {
  partyLeadership: '加强党的领导',
  governmentFunctions: '政府机构职能体系',
  institutions: '依法行政制度体系',
  decisionMaking: '行政决策制度体系',
  enforcement: '行政执法工作体系',
  emergencies: '突发事件应对体系',
  disputeResolution: '社会矛盾纠纷行政预防调处化解体系',
  oversight: '行政权力制约和监督体系',
  technology: '法治政府建设科技保障体系',
  legalPublicity: '法治宣传教育（普法）',
} as const;
export type TaskSystem = keyof typeof systems;
export const systemCodes = Object.keys(systems) as [TaskSystem, ...TaskSystem[]];

/** A task's state is computed from its deadline, the legal calendar and its accepted progress, never stored. */
export const taskStates = {
  notStarted: '未启动',
  onTrack: '正常推进',
  atRisk: '临期预警',
  overdue: '逾期未完成',
  done: '已完成',
} as const;
export type TaskState = keyof typeof taskStates;
export const taskStateCodes = Object.keys(taskStates) as [TaskState, ...TaskState[]];

export const progressStatuses = { submitted: '待审核', accepted: '已采纳', returned: '已退回' } as const;
export type ProgressStatus = keyof typeof progressStatuses;

/** The lead unit reports the task's percentage; a participating unit reports its own part. */
export const progressRoles = { lead: '牵头单位', participant: '参与单位' } as const;
export type ProgressRole = keyof typeof progressRoles;

/** Defaults of a plan's early-warning rule: within 10 working days of the deadline and below 80 %. */
export const DEFAULT_RISK_WORKDAYS = 10;
export const DEFAULT_RISK_THRESHOLD = 80;

/** A supervision notice's reply period, in working days, unless the office sets another. */
export const DEFAULT_REPLY_WORKDAYS = 5;

/**
 * Escalation of an unanswered notice by calendar days past its reply date: a reminder first, then
 * a county-wide 通报, then a talk with the unit's head (约谈), the usual ladder of 督察 practice.
 */
export const escalationLevels = [
  { level: 1, minDays: 1, label: '催办' },
  { level: 2, minDays: 6, label: '通报' },
  { level: 3, minDays: 16, label: '约谈' },
] as const;
export const escalationLabel = (level: number) =>
  escalationLevels.find((e) => e.level === level)?.label ?? null;

/** 督办单 numbers: 索法督〔2023〕3号 — the county's one-character name, 法督, the year, the sequence. */
export const NOTICE_KIND = 'supervisionNotice';
export const noticeWord = '法督';
export function divisionAbbreviation(divisionName: string): string {
  return (
    divisionName.replace(/(自治区|自治州|自治县|地区|省|市|县|区|旗|盟)$/, '').slice(0, 1) || divisionName
  );
}
export const noticeNumber = (abbr: string, year: number, seq: number) =>
  `${abbr}${noticeWord}〔${year}〕${seq}号`;
