import { z } from 'zod';
import {
  agreementFormCodes,
  appointmentCodes,
  committeeRoleCodes,
  employmentCodes,
  filePartCodes,
  genderCodes,
  gradeCodes,
  levelCodes,
  mediationKindCodes,
  outcomeCodes,
  partyKindCodes,
  partyRoleCodes,
  performanceCodes,
  questionChannelCodes,
  rulingCodes,
  sourceCodes,
  statusCodes,
  visitHandlingCodes,
} from './kinds.js';

export const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const Id = z.uuid('编号格式不正确');
export const IdParam = z.object({ id: Id });
const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{7,20}$/, '电话号码格式不正确');
/** GB 11643: 17 digits and a check digit (0-9 or X). */
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位（末位可为 X）');
const division = z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 或 9 位数字');
/** 元 in, fen stored: at most two decimals. */
export const Yuan = z
  .number()
  .min(0, '金额不能为负数')
  .max(10_000_000_000, '金额过大')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '金额最多两位小数');

export const Grade = z.enum(gradeCodes);
export const Source = z.enum(sourceCodes);
export const Status = z.enum(statusCodes);
export const Outcome = z.enum(outcomeCodes);
export const Performance = z.enum(performanceCodes);
export const Gender = z.enum(genderCodes);

export const PartyInput = z
  .object({
    role: z.enum(partyRoleCodes),
    kind: z.enum(partyKindCodes).default('person'),
    name: text(2, 80, '当事人姓名或名称'),
    gender: Gender.nullish(),
    ethnicity: z.string().trim().max(20).nullish(),
    idNumber: idNumber.nullish(),
    phone: phone.nullish(),
    address: z.string().trim().max(200).nullish(),
    representative: z.string().trim().max(40).nullish(),
  })
  .refine((p) => p.kind === 'person' || !!p.representative, {
    message: '法人或其他组织须填写法定代表人或负责人',
    path: ['representative'],
  });
export type PartyInput = z.output<typeof PartyInput>;

export const CreateCase = z.object({
  /** the receiving unit: a centre or a committee */
  unitId: z.number().int().positive(),
  receivedOn: isoDate,
  source: Source,
  disputeTypeCode: z.string().trim().min(1, '请选择纠纷类型').max(40),
  grade: Grade,
  divisionCode: division,
  summary: text(4, 4000, '纠纷简要情况'),
  amount: Yuan.default(0),
  mediationKind: z.enum(mediationKindCodes).default('people'),
  parties: z.array(PartyInput).min(2, '至少须有双方当事人').max(30),
  /** a visit registration this case grows from */
  visitId: Id.nullish(),
});
export type CreateCase = z.output<typeof CreateCase>;

export const AssignCase = z.object({
  /** the committee that mediates it */
  unitId: z.number().int().positive(),
  mediatorIds: z.array(Id).min(1, '至少指派一名调解员').max(5),
  /** the first is the lead (主办) unless given */
  leadMediatorId: Id.nullish(),
  /** the centre may re-grade when routing (a portal request arrives as simple) */
  grade: Grade.nullish(),
});
export type AssignCase = z.output<typeof AssignCase>;

export const AddSession = z.object({
  heldOn: isoDate,
  place: text(2, 120, '调解地点'),
  record: text(10, 20000, '调解记录（至少 10 个字）'),
});
export type AddSession = z.output<typeof AddSession>;

export const CloseCase = z.object({
  outcome: Outcome,
  closedOn: isoDate,
  note: z.string().trim().max(2000).nullish(),
  agreement: z
    .object({
      form: z.enum(agreementFormCodes).default('written'),
      facts: text(4, 8000, '纠纷的主要事实、争议事项及责任'),
      terms: z
        .array(text(2, 2000, '协议条款'))
        .min(1, '至少一条协议内容')
        .max(30),
      termsBo: z.array(z.string().trim().max(4000)).max(30).nullish(),
      performanceMethod: text(2, 400, '履行方式'),
      performanceDue: isoDate,
      effectiveOn: isoDate,
    })
    .nullish(),
});
export type CloseCase = z.output<typeof CloseCase>;

export const AddFollowUp = z.object({
  visitedOn: isoDate,
  method: z.enum(['phone', 'visit']).default('visit'),
  performance: Performance,
  note: text(2, 2000, '回访情况'),
});
export type AddFollowUp = z.output<typeof AddFollowUp>;

export const ApplyConfirmation = z.object({
  appliedOn: isoDate,
  court: text(4, 80, '受理法院'),
});
export type ApplyConfirmation = z.output<typeof ApplyConfirmation>;
export const RuleConfirmation = z.object({
  ruling: z.enum(rulingCodes),
  ruledOn: isoDate,
  rulingNumber: z.string().trim().max(60).nullish(),
});
export type RuleConfirmation = z.output<typeof RuleConfirmation>;

export const VoidInput = z.object({ reason: text(2, 200, '作废原因') });

export const CaseQuery = z.object({
  status: Status.optional(),
  grade: Grade.optional(),
  source: Source.optional(),
  disputeTypeCode: z.string().max(40).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  /** a unit and its subtree (the dashboard's drill-down) */
  unit: z.coerce.number().int().positive().optional(),
  /** only cases received at a centre */
  centre: z.enum(['true', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  closedFrom: isoDate.optional(),
  closedTo: isoDate.optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseQuery = z.output<typeof CaseQuery>;

const Labelled = <T extends z.ZodType>(code: T) => z.object({ code, label: z.string() });

export const PartyView = z.object({
  id: z.string(),
  role: z.enum(partyRoleCodes),
  kind: z.enum(partyKindCodes),
  name: z.string(),
  gender: Gender.nullable(),
  ethnicity: z.string().nullable(),
  /** masked (540626********1234) unless the reader may see it */
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  representative: z.string().nullable(),
});

export const DeadlineView = z.object({
  start: z.string(),
  end: z.string(),
  law: z.string(),
  article: z.string(),
  description: z.string(),
});

export const ConfirmationView = z.object({
  id: z.string(),
  appliedOn: z.string(),
  court: z.string(),
  windowEnd: z.string(),
  withinWindow: z.boolean(),
  ruling: z.enum(rulingCodes).nullable(),
  rulingLabel: z.string().nullable(),
  ruledOn: z.string().nullable(),
  rulingNumber: z.string().nullable(),
});

export const CaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  receivedUnitName: z.string(),
  receivedAtCentre: z.boolean(),
  receivedOn: z.string(),
  source: Source,
  sourceLabel: z.string(),
  disputeTypeCode: z.string(),
  disputeTypeLabel: z.string(),
  grade: Grade,
  gradeLabel: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  /** 元 */
  amount: z.number(),
  status: Status,
  statusLabel: z.string(),
  closedOn: z.string().nullable(),
  /** party names as the reader may see them */
  parties: z.string(),
  mediators: z.string(),
  confirmationRuling: z.enum(rulingCodes).nullable(),
});

export const CaseView = CaseSummary.extend({
  summary: z.string(),
  mediationKind: z.enum(mediationKindCodes),
  outcomeNote: z.string().nullable(),
  partyList: z.array(PartyView),
  /** whether ID and phone numbers are shown unmasked (and the read audited) */
  personalShown: z.boolean(),
  mediatorList: z.array(z.object({ id: z.string(), name: z.string(), lead: z.boolean() })),
  sessions: z.array(z.object({ id: z.string(), heldOn: z.string(), place: z.string(), record: z.string() })),
  agreement: z
    .object({
      form: z.enum(agreementFormCodes),
      facts: z.string().nullable(),
      terms: z.array(z.string()),
      termsBo: z.array(z.string()).nullable(),
      performanceMethod: z.string().nullable(),
      performanceDue: z.string().nullable(),
      effectiveOn: z.string().nullable(),
    })
    .nullable(),
  performance: Performance.nullable(),
  followUps: z.array(
    z.object({
      id: z.string(),
      visitedOn: z.string(),
      method: z.string(),
      performance: Performance,
      note: z.string(),
    }),
  ),
  /** the 30-day joint application window (民事诉讼法第二百零五条), once an agreement is effective */
  confirmationWindow: DeadlineView.nullable(),
  /** why the window is not computed yet (its year's holiday notice is not in the calendar), or null */
  confirmationWindowPending: z.string().nullable(),
  confirmation: ConfirmationView.nullable(),
  voided: z.boolean(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CasePage = z.object({
  items: z.array(CaseSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const RouteSuggestion = z.object({
  grade: Grade,
  level: z.enum(levelCodes),
  units: z.array(z.object({ id: z.number().int(), name: z.string() })),
  reason: z.string(),
});

// ——— intake: visits and questions ———

export const CreateVisit = z.object({
  unitId: z.number().int().positive(),
  visitedOn: isoDate,
  visitorName: text(1, 40, '来访人姓名'),
  phone: phone.nullish(),
  persons: z.number().int().min(1).max(500).default(1),
  divisionCode: division.nullish(),
  disputeTypeCode: z.string().max(40).nullish(),
  matter: text(4, 4000, '来访事由'),
});
export type CreateVisit = z.output<typeof CreateVisit>;

export const CloseVisit = z.object({
  handling: z.enum(['resolved', 'referred']),
  closedOn: isoDate,
  note: text(2, 2000, '处理情况'),
});
export type CloseVisit = z.output<typeof CloseVisit>;

export const VisitView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  visitedOn: z.string(),
  visitorName: z.string(),
  phone: z.string().nullable(),
  persons: z.number().int(),
  divisionName: z.string().nullable(),
  disputeTypeLabel: z.string().nullable(),
  matter: z.string(),
  handling: z.enum(visitHandlingCodes),
  handlingLabel: z.string(),
  handlingNote: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export const VisitQuery = z.object({
  handling: z.enum(visitHandlingCodes).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const VisitPage = z.object({
  items: z.array(VisitView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const CreateQuestion = z.object({
  unitId: z.number().int().positive(),
  channel: z.enum(questionChannelCodes),
  receivedOn: isoDate,
  askerName: z.string().trim().max(40).nullish(),
  phone: phone.nullish(),
  divisionCode: division.nullish(),
  language: z.enum(['zh', 'bo']).default('zh'),
  question: text(4, 4000, '咨询问题'),
  answer: z.string().trim().max(8000).nullish(),
});
export type CreateQuestion = z.output<typeof CreateQuestion>;
export const AnswerQuestion = z.object({ answer: text(4, 8000, '答复内容'), answeredOn: isoDate });
export type AnswerQuestion = z.output<typeof AnswerQuestion>;
export const QuestionView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  channel: z.enum(questionChannelCodes),
  channelLabel: z.string(),
  receivedOn: z.string(),
  askerName: z.string().nullable(),
  phone: z.string().nullable(),
  divisionName: z.string().nullable(),
  language: z.enum(['zh', 'bo']),
  question: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  fromPortal: z.boolean(),
});
export const QuestionQuery = z.object({
  channel: z.enum(questionChannelCodes).optional(),
  answered: z.enum(['true', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const QuestionPage = z.object({
  items: z.array(QuestionView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ——— organisation ———

export const CreateMediator = z.object({
  unitId: z.number().int().positive(),
  name: text(2, 40, '姓名'),
  gender: Gender,
  ethnicity: text(2, 20, '民族'),
  employment: z.enum(employmentCodes),
  appointment: z.enum(appointmentCodes),
  appointedOn: isoDate,
  committeeRole: z.enum(committeeRoleCodes).nullish(),
  phone: phone.nullish(),
});
export type CreateMediator = z.output<typeof CreateMediator>;

export const AddTraining = z.union([
  z.object({ activityId: Id }),
  z.object({ trainedOn: isoDate, title: text(4, 120, '培训名称') }),
]);
export type AddTraining = z.output<typeof AddTraining>;

export const MediatorView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  gender: Gender,
  ethnicity: z.string(),
  employment: z.enum(employmentCodes),
  employmentLabel: z.string(),
  appointment: z.enum(appointmentCodes),
  appointmentLabel: z.string(),
  appointedOn: z.string(),
  committeeRole: z.enum(committeeRoleCodes).nullable(),
  committeeRoleLabel: z.string().nullable(),
  phone: z.string().nullable(),
  trainings: z.array(
    z.object({
      id: z.number().int(),
      activityId: z.string().nullable(),
      trainedOn: z.string(),
      title: z.string(),
    }),
  ),
});
export type MediatorView = z.infer<typeof MediatorView>;

export const CommitteeView = z.object({
  unitId: z.number().int(),
  name: z.string(),
  divisionCode: z.string(),
  level: z.enum(levelCodes),
  multiEthnic: z.boolean(),
  majorityEthnicity: z.string(),
  /** 委员 (director, deputies, members) */
  members: z.number().int(),
  mediators: z.number().int(),
  fullTime: z.number().int(),
  women: z.number().int(),
  /** 人民调解法第八条 problems, in Chinese */
  warnings: z.array(z.string()),
  openCases: z.number().int(),
});
export const SetCommitteeProfile = z.object({
  multiEthnic: z.boolean(),
  majorityEthnicity: text(2, 20, '主体民族').default('藏族'),
});
export const UnitParam = z.object({ unitId: z.coerce.number().int().positive() });

// ——— subsidies ———

const RateRow = z.object(
  Object.fromEntries(gradeCodes.map((g) => [g, Yuan])) as Record<(typeof gradeCodes)[number], typeof Yuan>,
);
export const Rates = z.object({ county: RateRow, township: RateRow, village: RateRow });
export type Rates = z.output<typeof Rates>;

export const CreateRound = z.object({
  unitId: z.number().int().positive(),
  divisionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  year: z.number().int().min(2000).max(2100),
  title: text(4, 120, '评定会名称'),
  heldOn: isoDate,
  /** 元 per case, by committee level and grade */
  rates: Rates,
});
export type CreateRound = z.output<typeof CreateRound>;

export const EvaluateCase = z.object({
  caseId: Id,
  parts: z.array(z.enum(filePartCodes)).max(filePartCodes.length),
  grade: Grade,
  comment: z.string().trim().max(1000).nullish(),
});
export type EvaluateCase = z.output<typeof EvaluateCase>;
export const PayRound = z.object({ paidOn: isoDate });

export const EvaluationView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  unitName: z.string(),
  level: z.enum(levelCodes),
  disputeTypeLabel: z.string(),
  grade: Grade,
  gradeLabel: z.string(),
  parts: z.array(z.enum(filePartCodes)),
  missingRequired: z.array(z.string()),
  exclusion: z.string().nullable(),
  exclusionLabel: z.string().nullable(),
  amount: z.number(),
  mediatorName: z.string().nullable(),
  comment: z.string().nullable(),
});
export const RoundView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  divisionCode: z.string(),
  year: z.number().int(),
  title: z.string(),
  heldOn: z.string(),
  rates: Rates,
  paidOn: z.string().nullable(),
  evaluated: z.number().int(),
  eligible: z.number().int(),
  total: z.number(),
});
export type RoundView = z.infer<typeof RoundView>;
export const RoundDetail = RoundView.extend({ evaluations: z.array(EvaluationView) });
export const PayoutRow = z.object({
  mediatorId: z.string(),
  mediatorName: z.string(),
  unitName: z.string(),
  cases: z.number().int(),
  amount: z.number(),
});
export const PayoutView = z.object({ round: RoundView, rows: z.array(PayoutRow), total: z.number() });

export const Meta = z.object({
  disputeTypes: z.array(z.object({ code: z.string(), label: z.string(), active: z.boolean() })),
  sources: z.array(Labelled(Source)),
  grades: z.array(Labelled(Grade).extend({ route: z.string() })),
  statuses: z.array(Labelled(Status)),
  performances: z.array(Labelled(Performance)),
  fileParts: z.array(Labelled(z.enum(filePartCodes)).extend({ required: z.boolean() })),
  units: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.enum(['centre', 'committee']),
      level: z.enum(levelCodes),
    }),
  ),
  canHandle: z.boolean(),
  canOrganise: z.boolean(),
  canSubsidise: z.boolean(),
});
export const SetDisputeType = z.object({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/, '代码应为字母开头的字母数字'),
  label: text(2, 40, '纠纷类型名称'),
  active: z.boolean().default(true),
});

// ——— dashboard ———

export const DashboardQuery = z.object({
  from: isoDate,
  to: isoDate,
});
const Bucket = z.object({
  code: z.string(),
  label: z.string(),
  received: z.number().int(),
  closed: z.number().int(),
  agreed: z.number().int(),
});
export const DashboardView = z.object({
  from: z.string(),
  to: z.string(),
  figures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      definition: z.string(),
      value: z.number().nullable(),
    }),
  ),
  byType: z.array(Bucket),
  byGrade: z.array(Bucket),
  bySource: z.array(Bucket),
  byUnit: z.array(Bucket.extend({ unitId: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), received: z.number().int(), agreed: z.number().int() })),
  /** agreements not yet taken to court whose 30-day window is still open at the period's end (or today) */
  windowsClosing: z.array(z.object({ caseId: z.string(), number: z.string(), windowEnd: z.string() })),
});
