/**
 * The words of 《行政复议法》(2023年修订，2024年1月1日施行) that the workflow uses, each with its article.
 * Labels are zh-CN; the web catalogues translate by code.
 */

export const LAW = '行政复议法';
export const REGULATION = '行政复议法实施条例';

/** How an application arrived (Art. 22; 实施条例 Art. 18). */
export const channels = {
  counter: '当面递交',
  post: '邮寄',
  portal: '互联网渠道（门户网站）',
  oral: '口头申请（当场记录）',
} as const;
export type Channel = keyof typeof channels;
export const channelCodes = Object.keys(channels) as Channel[];

/**
 * Where a case stands. `intake` and `correction` may lapse by themselves (视为受理 Art. 30(3),
 * 视为放弃 Art. 31(2)); the view computes that from the stored dates, and the settle job writes it.
 */
export const stages = {
  intake: '受理审查中',
  correction: '待补正',
  accepted: '审理中',
  suspended: '中止审理',
  refused: '不予受理',
  abandoned: '视为放弃申请',
  decided: '已作出决定',
  mediated: '调解结案',
  terminated: '终止',
} as const;
export type Stage = keyof typeof stages;
export const stageCodes = Object.keys(stages) as Stage[];
export const openStages: readonly Stage[] = ['intake', 'correction', 'accepted', 'suspended'];

export const procedures = { normal: '普通程序', simple: '简易程序' } as const;
export type Procedure = keyof typeof procedures;

/** Art. 53(1): the kinds of case that may go the simple way when facts are clear; (2): all parties agree. */
export const simpleGrounds = {
  onTheSpot: { label: '被申请行政复议的行政行为是当场作出', article: '第五十三条第一款第一项' },
  warning: { label: '被申请行政复议的行政行为是警告或者通报批评', article: '第五十三条第一款第二项' },
  smallAmount: { label: '案件涉及款额三千元以下', article: '第五十三条第一款第三项' },
  infoDisclosure: { label: '属于政府信息公开案件', article: '第五十三条第一款第四项' },
  partiesAgree: { label: '当事人各方同意适用简易程序', article: '第五十三条第二款' },
} as const;
export type SimpleGround = keyof typeof simpleGrounds;
export const simpleGroundCodes = Object.keys(simpleGrounds) as SimpleGround[];
/** Art. 53(1)(三) */
export const SMALL_AMOUNT_LIMIT_YUAN = 3000;

/** 决定类型, Arts. 63–69. `corrective` is the default 纠错 set of the correction rate. */
export const decisionTypes = {
  change: { label: '变更', article: '第六十三条', corrective: true },
  revoke: { label: '撤销', article: '第六十四条', corrective: true },
  confirmIllegal: { label: '确认违法', article: '第六十五条', corrective: true },
  orderPerform: { label: '责令履行', article: '第六十六条', corrective: true },
  confirmVoid: { label: '确认无效', article: '第六十七条', corrective: true },
  uphold: { label: '维持', article: '第六十八条', corrective: false },
  reject: { label: '驳回行政复议请求', article: '第六十九条', corrective: false },
} as const;
export type DecisionType = keyof typeof decisionTypes;
export const decisionTypeCodes = Object.keys(decisionTypes) as DecisionType[];
export const defaultCorrectiveTypes = decisionTypeCodes.filter((c) => decisionTypes[c].corrective);
/**
 * Art. 70: when the respondent did not reply in time the act counts as having no evidence or basis;
 * the organ revokes, confirms it illegal or void, or orders performance (unless a third party's evidence saves it).
 */
export const noReplyDecisions: readonly DecisionType[] = [
  'revoke',
  'confirmIllegal',
  'confirmVoid',
  'orderPerform',
];

/** 中止, Art. 39(1). Items (一)(二)(四) turn into termination after 60 days (Art. 41(5)). */
export const suspensionGrounds = {
  applicantDied: { label: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议', item: 1 },
  applicantIncapacitated: {
    label: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人',
    item: 2,
  },
  applicantMissing: { label: '作为申请人的公民下落不明', item: 3 },
  organisationEnded: { label: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人', item: 4 },
  forceMajeure: { label: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议', item: 5 },
  mediation: { label: '依照本法规定进行调解、和解，申请人和被申请人同意中止', item: 6 },
  interpretation: { label: '法律适用问题需要有权机关作出解释或者确认', item: 7 },
  otherCase: { label: '审理需要以其他案件的审理结果为依据，而其他案件尚未审结', item: 8 },
  normativeReview: { label: '有本法第五十六条或者第五十七条规定的情形（规范性文件附带审查）', item: 9 },
  other: { label: '需要中止行政复议的其他情形', item: 10 },
} as const;
export type SuspensionGround = keyof typeof suspensionGrounds;
export const suspensionGroundCodes = Object.keys(suspensionGrounds) as SuspensionGround[];
const CN_ITEMS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const suspensionArticle = (g: SuspensionGround) =>
  `第三十九条第一款第${CN_ITEMS[suspensionGrounds[g].item]}项`;
/** Art. 41(5) */
export const groundsEndingAfter60Days: readonly SuspensionGround[] = [
  'applicantDied',
  'applicantIncapacitated',
  'organisationEnded',
];

/** 终止, Art. 41(1); a settlement (Art. 74) ends by withdrawal. */
export const terminationGrounds = {
  withdrawn: { label: '申请人撤回行政复议申请，行政复议机构准予撤回', article: '第四十一条第一项' },
  settled: { label: '当事人达成和解，申请人撤回行政复议申请', article: '第七十四条第二款、第四十一条第一项' },
  noSuccessor: {
    label: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
    article: '第四十一条第二项',
  },
  organisationNoSuccessor: {
    label: '作为申请人的法人或者其他组织终止，没有权利义务承受人或者承受人放弃行政复议权利',
    article: '第四十一条第三项',
  },
  criminalMeasure: {
    label: '因同一违法行为涉嫌犯罪，被采取刑事强制措施',
    article: '第四十一条第四项',
  },
  suspendedTooLong: {
    label: '依照第三十九条第一款第一项、第二项、第四项中止满六十日，中止原因仍未消除',
    article: '第四十一条第五项',
  },
} as const;
export type TerminationGround = keyof typeof terminationGrounds;
export const terminationGroundCodes = Object.keys(terminationGrounds) as TerminationGround[];

/** The Word documents a case produces. */
export const documentKinds = {
  acceptance: '受理通知书',
  correction: '补正通知书',
  refusal: '不予受理决定书',
  replyNotice: '提出答复通知书',
  decision: '行政复议决定书',
} as const;
export type DocumentKind = keyof typeof documentKinds;
export const documentKindCodes = Object.keys(documentKinds) as DocumentKind[];
