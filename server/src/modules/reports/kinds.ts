/**
 * The annual report's statutory frame: 《法治政府建设与责任落实督察工作规定》 (中办、国办, 厅字〔2019〕28号,
 * in force 2019-04-15), as summarised in domain/rules-research.md §1.7 and §3.
 */

export const DUCHA_RULE = '《法治政府建设与责任落实督察工作规定》';

/**
 * The five items a 法治政府建设年度报告 must contain (第二十四条, rules-research §1.7 / §3.1). Each outline
 * section may carry one of these tags; the report is incomplete until every item has a section with text.
 */
export const requiredItems = {
  measures: '上一年度推进法治政府建设的主要举措和成效',
  shortcomings: '上一年度推进法治政府建设存在的不足和原因',
  leaderDuties: '上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
  plans: '下一年度推进法治政府建设的主要安排',
  other: '其他需要报告的情况',
} as const;
export type RequiredItem = keyof typeof requiredItems;
export const requiredItemCodes = Object.keys(requiredItems) as [RequiredItem, ...RequiredItem[]];
export const REQUIRED_ITEMS_ARTICLE = `${DUCHA_RULE}第二十四条`;

/**
 * Publication on the government website or in newspapers by 1 April of the following year, state
 * secrets excepted (第二十四条, rules-research §1.7); a fixed date, not a period, so it does not move
 * off a rest day.
 */
export const PUBLICATION_DEADLINE = { month: 4, day: 1, article: `${DUCHA_RULE}第二十四条` } as const;
export const publicationDeadline = (year: number) => `${year + 1}-04-01`;

/**
 * A report's life (rules-research §3.2): drafted, circulated for comments, signed by the leaders,
 * checked for secrets, then published. Every rendering is kept as an immutable version.
 */
export const reportStates = {
  draft: '起草中',
  commenting: '征求意见中',
  signing: '待领导签批',
  secrecyReview: '待保密审查',
  approved: '待发布',
  published: '已发布',
} as const;
export type ReportState = keyof typeof reportStates;
export const reportStateCodes = Object.keys(reportStates) as [ReportState, ...ReportState[]];

export const subjectKinds = { division: '行政区划', unit: '单位' } as const;
export type SubjectKind = keyof typeof subjectKinds;

export const signoffDecisions = { approve: '同意', return: '退回修改' } as const;
export type SignoffDecision = keyof typeof signoffDecisions;

export const secrecyResults = {
  passed: '通过（不涉及国家秘密、工作秘密和个人隐私）',
  failed: '不通过',
} as const;
export type SecrecyResult = keyof typeof secrecyResults;

/** placeholder text for a figure nobody computes, and for one computed without a value */
export const NO_SOURCE = '（暂无数据来源）';
export const NO_VALUE = '（暂无数据）';
