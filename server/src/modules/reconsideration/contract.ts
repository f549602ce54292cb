import { z } from 'zod';
import {
  channelCodes,
  decisionTypeCodes,
  documentKindCodes,
  simpleGroundCodes,
  stageCodes,
  suspensionGroundCodes,
  terminationGroundCodes,
} from './kinds.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const Id = z.uuid('编号格式不正确');
export const IdParam = z.object({ id: Id });
export const DocParam = z.object({ id: Id, kind: z.enum(documentKindCodes) });

export const Channel = z.enum(channelCodes);
export const Stage = z.enum(stageCodes);
export const DecisionType = z.enum(decisionTypeCodes);
export const SimpleGround = z.enum(simpleGroundCodes);
export const SuspensionGround = z.enum(suspensionGroundCodes);
export const TerminationGround = z.enum(terminationGroundCodes);
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
const names = z.array(text(2, 40, '请填写姓名')).max(10);

/** The elements of an application (行政复议法第二十二条; 实施条例第十九条). */
export const ApplicationElements = z.object({
  applicantKind: z.enum(['person', 'organisation']).default('person'),
  applicantName: text(2, 80, '请填写申请人姓名或名称'),
  /** 18-digit resident ID (the last may be X), or a unified social credit code for an organisation */
  applicantIdNumber: z
    .string()
    .trim()
    .regex(/^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{18})$/, '身份证号码或统一社会信用代码应为 18 位')
    .nullish(),
  applicantPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写有效的手机或固定电话号码')
    .nullish(),
  applicantAddress: z.string().trim().max(200).nullish(),
  applicantRepresentative: z.string().trim().max(40).nullish(),
  respondentName: text(2, 80, '请填写被申请人（作出行政行为的行政机关）'),
  respondentUnitId: z.number().int().positive().nullish(),
  respondentSuperior: z.string().trim().max(80).nullish(),
  actDescription: text(4, 500, '请写明申请复议的行政行为'),
  actNumber: z.string().trim().max(80).nullish(),
  actDate: isoDate.nullish(),
  request: text(4, 2000, '请写明行政复议请求'),
  factsAndReasons: text(4, 20000, '请写明主要事实和理由'),
  learnedOn: isoDate,
  /** when the authority did not tell of the right to apply, the organ and the period: the day the applicant learned of them (Art. 20(3)) */
  rightsLearnedOn: isoDate.nullish(),
  lateReason: z.string().trim().max(1000).nullish(),
  amountYuan: z.number().nonnegative().max(1e9).nullish(),
});

export const RegisterApplication = ApplicationElements.extend({
  organUnitId: z.number().int().positive(),
  channel: Channel.exclude(['portal']),
  receivedOn: isoDate,
  /** 口头申请笔录: required for an oral application, read back to and signed by the applicant */
  oralRecord: z.string().trim().max(20000).nullish(),
  officers: names.default([]),
  attachmentIds: z.array(Id).max(50).default([]),
});
export type RegisterApplication = z.output<typeof RegisterApplication>;

export const UpdateCase = z.object({
  respondentSuperior: z.string().trim().max(80).nullish(),
  respondentUnitId: z.number().int().positive().nullish(),
  major: z.boolean().optional(),
  officers: names.optional(),
  lateReason: z.string().trim().max(1000).nullish(),
});
export type UpdateCase = z.output<typeof UpdateCase>;

export const AcceptInput = z.object({
  on: isoDate,
  procedure: z.enum(['normal', 'simple']).default('normal'),
  simpleGround: SimpleGround.nullish(),
  major: z.boolean().optional(),
  officers: names.optional(),
});
export type AcceptInput = z.output<typeof AcceptInput>;

export const RefuseInput = z.object({
  on: isoDate,
  reason: text(4, 2000, '请说明不予受理的理由'),
  /** the organ with jurisdiction when this one has none (Art. 30(2)) */
  properOrgan: z.string().trim().max(80).nullish(),
});
export type RefuseInput = z.output<typeof RefuseInput>;

export const CorrectionNoticeInput = z.object({
  on: isoDate,
  /** every missing item, in the one notice (Art. 31(1)) */
  items: z
    .array(text(2, 300, '补正事项不能为空'))
    .min(1, '请列明需要补正的事项')
    .max(30),
  servedOn: isoDate.nullish(),
});
export type CorrectionNoticeInput = z.output<typeof CorrectionNoticeInput>;

export const DateInput = z.object({ on: isoDate, note: z.string().trim().max(2000).nullish() });
export type DateInput = z.output<typeof DateInput>;

export const CorrectionExtendInput = z.object({ to: isoDate, reason: text(2, 500, '请说明正当理由') });
export const CopySentInput = z.object({ on: isoDate, receivedOn: isoDate.nullish() });
export const SwitchProcedureInput = z.object({
  on: isoDate,
  approvedBy: text(2, 40, '请填写批准的行政复议机构负责人'),
  reason: text(2, 500, '请说明理由'),
});
export const HearingInput = z.object({
  noticeOn: isoDate,
  hearingOn: isoDate,
  place: text(2, 100, '请填写听证地点'),
  matters: text(2, 1000, '请填写拟听证事项'),
  presiding: text(2, 40, '请填写主持人'),
  members: z
    .array(text(2, 40, '请填写听证员'))
    .min(2, '听证员应为两名以上（第五十条第三款）')
    .max(6),
  clerk: text(2, 40, '请填写记录员'),
});
export type HearingInput = z.output<typeof HearingInput>;
export const HearingRecordInput = z.object({
  hearingId: z.number().int().positive(),
  heldOn: isoDate,
  record: text(10, 50000, '请填写听证笔录（至少 10 个字）'),
});
export const ConsultationInput = z.object({ on: isoDate, opinion: text(4, 10000, '请记录咨询意见') });
export const SuspendInput = z.object({
  on: isoDate,
  ground: SuspensionGround,
  note: z.string().trim().max(1000).nullish(),
});
export const ExtendInput = z.object({
  on: isoDate,
  days: z.number().int().min(1).max(30, '延长期限最多不得超过三十日（第六十二条第一款）'),
  approvedBy: text(2, 40, '请填写批准的行政复议机构负责人'),
  reason: text(2, 500, '请说明情况复杂的理由'),
});
export const DecideInput = z.object({
  on: isoDate,
  type: DecisionType,
  findings: text(4, 20000, '请写明审理查明的事实'),
  reasoning: text(4, 20000, '请写明决定理由'),
  order: text(4, 5000, '请写明决定内容'),
  /** Art. 70 proviso: the act touches a third party's rights and that party gave evidence */
  thirdPartyEvidence: z.boolean().default(false),
});
export type DecideInput = z.output<typeof DecideInput>;
export const MediateInput = z.object({ on: isoDate, agreement: text(4, 10000, '请写明调解协议内容') });
export const TerminateInput = z.object({
  on: isoDate,
  ground: TerminationGround,
  note: z.string().trim().max(2000).nullish(),
});

export const DeadlineView = z.object({
  key: z.string(),
  label: z.string(),
  dueOn: z.string().nullable(),
  article: z.string(),
  description: z.string(),
  status: z.enum(['met', 'late', 'open', 'overdue', 'paused', 'lapsed']),
  doneOn: z.string().nullable(),
  error: z.string().nullable(),
});

const Applicant = z.object({
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  representative: z.string().nullable(),
  /** false: ID and phone are masked for this reader */
  unmasked: z.boolean(),
});

export const CaseListItem = z.object({
  id: z.string(),
  caseNumber: z.string().nullable(),
  organName: z.string(),
  stage: Stage,
  stageLabel: z.string(),
  channel: Channel,
  channelLabel: z.string(),
  receivedOn: z.string(),
  applicantName: z.string(),
  respondentName: z.string(),
  actDescription: z.string(),
  procedure: z.enum(['normal', 'simple']).nullable(),
  acceptedOn: z.string().nullable(),
  acceptanceDeemed: z.boolean(),
  decisionType: DecisionType.nullable(),
  decisionTypeLabel: z.string().nullable(),
  closedOn: z.string().nullable(),
  late: z.boolean(),
  overdue: z.boolean(),
  approaching: z.boolean(),
  noReply: z.boolean(),
  next: DeadlineView.nullable(),
});

export const CaseView = CaseListItem.extend({
  organUnitId: z.number().int(),
  applicant: Applicant,
  respondentUnitId: z.number().int().nullable(),
  respondentSuperior: z.string().nullable(),
  actNumber: z.string().nullable(),
  actDate: z.string().nullable(),
  request: z.string(),
  factsAndReasons: z.string(),
  learnedOn: z.string(),
  rightsLearnedOn: z.string().nullable(),
  lateReason: z.string().nullable(),
  oralRecord: z.string().nullable(),
  amountYuan: z.number().nullable(),
  major: z.boolean(),
  officers: z.array(z.string()),
  attachmentIds: z.array(z.string()),
  correctionNoticeOn: z.string().nullable(),
  correctionItems: z.array(z.string()),
  correctionServedOn: z.string().nullable(),
  correctionExtendedTo: z.string().nullable(),
  correctionReceivedOn: z.string().nullable(),
  abandonedOn: z.string().nullable(),
  refusedOn: z.string().nullable(),
  refusalReason: z.string().nullable(),
  properOrgan: z.string().nullable(),
  simpleGround: SimpleGround.nullable(),
  procedureLabel: z.string().nullable(),
  copySentOn: z.string().nullable(),
  copyReceivedOn: z.string().nullable(),
  replyReceivedOn: z.string().nullable(),
  committeeConsultedOn: z.string().nullable(),
  committeeOpinion: z.string().nullable(),
  extensionDays: z.number().int().nullable(),
  extendedOn: z.string().nullable(),
  extensionApprovedBy: z.string().nullable(),
  extensionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionArticle: z.string().nullable(),
  decisionFindings: z.string().nullable(),
  decisionReasoning: z.string().nullable(),
  decisionOrder: z.string().nullable(),
  terminationGround: TerminationGround.nullable(),
  closingNote: z.string().nullable(),
  publishedOn: z.string().nullable(),
  /** Art. 79(2): the organs the decision is copied to */
  copyTo: z.array(z.string()),
  pausedDays: z.number().int(),
  deadlines: z.array(DeadlineView),
  suspensions: z.array(
    z.object({
      id: z.number().int(),
      ground: SuspensionGround,
      groundLabel: z.string(),
      article: z.string(),
      fromOn: z.string(),
      toOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  hearings: z.array(
    z.object({
      id: z.number().int(),
      noticeOn: z.string(),
      hearingOn: z.string(),
      place: z.string(),
      matters: z.string(),
      presiding: z.string(),
      members: z.array(z.string()),
      clerk: z.string(),
      record: z.string().nullable(),
      heldOn: z.string().nullable(),
    }),
  ),
  events: z.array(z.object({ kind: z.string(), label: z.string(), on: z.string(), at: z.string() })),
  /** what the office may do next, by the case's stage (the page shows these buttons only) */
  actions: z.array(z.string()),
  documents: z.array(z.object({ kind: z.string(), label: z.string() })),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  stage: Stage.optional(),
  flag: z.enum(['overdue', 'approaching', 'late', 'noReply']).optional(),
  procedure: z.enum(['normal', 'simple']).optional(),
  decisionType: DecisionType.optional(),
  respondent: z.string().trim().max(80).optional(),
  q: z.string().trim().max(80).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseQuery = z.output<typeof CaseQuery>;
export const CasePage = z.object({
  items: z.array(CaseListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const PublicationView = z.object({
  caseNumber: z.string().nullable(),
  title: z.string(),
  /** the decision as published: natural persons' names → 某, ID and phone numbers masked */
  blocks: z.array(z.object({ label: z.string().nullable(), text: z.string() })),
  publishedOn: z.string().nullable(),
});

export const DashboardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const DashboardView = z.object({
  year: z.number().int(),
  figures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      definition: z.string(),
      value: z.number().nullable(),
    }),
  ),
  byStage: z.array(z.object({ stage: Stage, label: z.string(), count: z.number().int() })),
  byDecision: z.array(z.object({ type: DecisionType, label: z.string(), count: z.number().int() })),
  byRespondent: z.array(
    z.object({ respondent: z.string(), received: z.number().int(), corrected: z.number().int() }),
  ),
  byMonth: z.array(
    z.object({ month: z.number().int(), received: z.number().int(), closed: z.number().int() }),
  ),
  openFlags: z.object({ overdue: z.number().int(), approaching: z.number().int() }),
  /** whether the asker may open the cases behind the numbers */
  canOpenCases: z.boolean(),
});

export const SettingsView = z.object({
  organUnitId: z.number().int(),
  organName: z.string(),
  numberPrefix: z.string(),
  correctiveTypes: z.array(DecisionType),
  configured: z.boolean(),
});
export const SetSettings = z.object({
  organUnitId: z.number().int().positive(),
  numberPrefix: z
    .string()
    .trim()
    .regex(/^[\u4e00-\u9fa5]{2,8}$/, '字号前缀应为 2 至 8 个汉字，如“索政复”'),
  correctiveTypes: z.array(DecisionType).min(1, '至少选择一种计入纠错的决定类型'),
});

export const MetaView = z.object({
  channels: z.array(z.object({ code: Channel, label: z.string() })),
  stages: z.array(z.object({ code: Stage, label: z.string() })),
  decisionTypes: z.array(z.object({ code: DecisionType, label: z.string(), article: z.string() })),
  simpleGrounds: z.array(z.object({ code: SimpleGround, label: z.string(), article: z.string() })),
  suspensionGrounds: z.array(z.object({ code: SuspensionGround, label: z.string(), article: z.string() })),
  terminationGrounds: z.array(z.object({ code: TerminationGround, label: z.string(), article: z.string() })),
  organs: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
