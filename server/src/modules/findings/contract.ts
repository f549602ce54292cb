import { z } from 'zod';
import { eventKinds, findingStates, severities } from './states.js';

export const Severity = z.enum(severities).describe('严重程度：minor 轻微、normal 一般、serious 严重');
export const FindingState = z
  .enum(findingStates)
  .describe('状态：open 待整改、rectifying 整改中、submitted 已报整改、closed 已销号');
export const EventKind = z.enum(eventKinds);
export const findingActions = ['measures', 'evidence', 'submit', 'verify', 'reopen', 'void'] as const;
export type FindingAction = (typeof findingActions)[number];
export const FindingAction = z
  .enum(findingActions)
  .describe(
    'measures 填写整改措施、evidence 上传佐证、submit 报送整改、verify 核查（销号或退回）、reopen 重新打开、void 作废',
  );

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const flag = z.enum(['true', 'false']);
/** A query-string list: `?state=open&state=rectifying` or `?state=open,rectifying`. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(10));

export const FindingId = z.object({ id: z.uuid('问题编号格式不正确') });

export const FindingQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('整改单位'),
  subtree: flag.optional().describe('true：含下级单位'),
  sourceModule: z.string().max(40).optional().describe('来源模块，如 inspections'),
  sourceKind: z.string().max(40).optional().describe('来源记录类型，如 feedbackAspect'),
  sourceId: z.string().max(80).optional().describe('来源记录编号'),
  state: list(FindingState).optional(),
  severity: list(Severity).optional(),
  overdue: flag.optional().describe('true：仅逾期未销号；false：仅未逾期'),
  includeVoided: flag.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FindingQuery = z.output<typeof FindingQuery>;

export const CreateFinding = z
  .object({
    unitId: z.number().int().positive().describe('整改单位'),
    title: z.string().trim().min(2, '请填写问题（至少 2 个字）').max(200),
    description: z.string().trim().max(4000).optional(),
    severity: Severity.default('normal'),
    foundOn: isoDate.describe('发现日期'),
    dueOn: isoDate.describe('整改时限（此日之后未销号即逾期）'),
    reference: z.string().trim().max(80).nullish().describe('来源文号或说明'),
  })
  .refine((v) => v.dueOn >= v.foundOn, { path: ['dueOn'], message: '整改时限不能早于发现日期' });
export type CreateFinding = z.output<typeof CreateFinding>;

const stepDate = isoDate.optional().describe('办理日期，默认今天');
export const SetMeasures = z.object({
  measures: z.string().trim().min(4, '请填写整改措施（至少 4 个字）').max(4000),
  on: stepDate,
});
export const AddEvidence = z.object({
  fileIds: z
    .array(z.uuid('附件编号格式不正确'))
    .min(1, '请至少选择一个附件')
    .max(50)
    .describe('已上传到 findings.finding 名下的附件编号'),
  on: stepDate,
});
export const SubmitRectification = z.object({
  on: stepDate,
  note: z.string().trim().max(2000).nullish().describe('整改情况说明'),
});
export const VerifyRectification = z.object({
  outcome: z.enum(['closed', 'rejected']).describe('closed 核查通过予以销号；rejected 退回重新整改'),
  on: stepDate,
  note: z.string().trim().max(2000).nullish().describe('核查意见；退回时必填'),
});
export const ReopenFinding = z.object({
  reason: z.string().trim().min(2, '请填写重新打开的原因').max(1000),
  on: stepDate,
});
export const VoidFinding = z.object({ reason: z.string().trim().min(2, '请填写作废原因').max(200) });

export const FindingEvent = z.object({
  seq: z.number().int(),
  kind: EventKind,
  kindLabel: z.string(),
  state: FindingState.describe('此步之后的状态'),
  on: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type FindingEvent = z.infer<typeof FindingEvent>;

export const FindingView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  source: z.object({ module: z.string(), kind: z.string(), id: z.string() }).describe('问题来源记录'),
  title: z.string(),
  description: z.string().nullable(),
  severity: Severity,
  severityLabel: z.string(),
  foundOn: z.string(),
  dueOn: z.string(),
  state: FindingState,
  stateLabel: z.string(),
  overdue: z.boolean().describe('未销号且已过整改时限'),
  closedOn: z.string().nullable().describe('销号日期'),
  measures: z.string().nullable(),
  evidenceFileIds: z.array(z.string()),
  events: z.array(FindingEvent).describe('办理经过，按先后'),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
  createdAt: z.string(),
  actions: z
    .array(FindingAction)
    .describe('当前用户此刻可办理的下一步（按问题状态及本人权限、管辖范围计算）'),
});
export type FindingView = z.infer<typeof FindingView>;

export const FindingPage = z.object({
  items: z.array(FindingView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
