import { z } from 'zod';

export const ChallengeView = z.object({
  token: z.string(),
  nonce: z.string(),
  bits: z.number().int().meta({ description: 'SHA-256(`${nonce}:${counter}`) 须以这么多个 0 比特开头' }),
  expiresAt: z.string(),
});

export const SolutionInput = z.object({
  token: z.string().min(1).max(300),
  counter: z.string().regex(/^\d{1,16}$/, '应为十进制计数'),
});

export const KindView = z.object({
  kind: z.string(),
  label: z.string(),
  module: z.string(),
  maxFiles: z.number().int(),
  maxFileBytes: z.number().int(),
  allowedExtensions: z.array(z.string()),
  /** field → the values it may take, where the module offers a list */
  choices: z.record(z.string(), z.array(z.object({ value: z.string(), label: z.string() }))),
});

export const TownshipView = z.object({
  code: z.string(),
  name: z.string(),
  /** the county it lies in */
  county: z.string(),
});

export const StatusView = z.object({
  stage: z.string(),
  stageCode: z.string(),
  caseNumber: z.string().nullable().optional(),
  nextDeadline: z.object({ date: z.string(), label: z.string(), article: z.string() }).nullable().optional(),
  history: z.array(z.object({ at: z.string(), stageCode: z.string(), stage: z.string() })),
});

export const ReceiptView = z.object({
  /** ABCDE-FGHJK */
  code: z.string(),
  kind: z.string(),
  label: z.string(),
  receivedAt: z.string(),
  /** whether the owning module has registered it yet (it will be, by the retry job, if not) */
  processed: z.boolean(),
  files: z.array(z.object({ name: z.string(), size: z.number().int() })),
  status: StatusView,
});

export const LookupInput = z.object({
  code: z.string().trim().min(1, '请填写查询码').max(20, '查询码为 10 位'),
  factor: z.string().trim().min(1, '请填写申请时留下的手机号码').max(40),
});

export const LookupView = z.object({
  code: z.string(),
  kind: z.string(),
  label: z.string(),
  receivedAt: z.string(),
  status: StatusView,
});

export const SubmissionState = z.enum(['pending', 'failed', 'processed']);

export const SubmissionQuery = z.object({
  state: z.enum(['open', 'pending', 'failed', 'processed']).default('open').meta({
    description: 'open：未处理（含失败）；pending：尚未尝试或等待重试；failed：最近一次处理失败',
  }),
  kind: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const SubmissionItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  label: z.string(),
  code: z.string(),
  unitId: z.number().int(),
  state: SubmissionState,
  receivedAt: z.string(),
  processedAt: z.string().nullable(),
  recordId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  fileIds: z.array(z.string()),
});

export const SubmissionDetail = SubmissionItem.extend({
  /** the payload as the citizen sent it (personal data: reading it is audited) */
  payload: z.unknown(),
});

export const SubmissionId = z.object({ id: z.uuid('提交编号格式不正确') });

export const GovernmentView = z.object({ id: z.number().int(), name: z.string(), divisionCode: z.string() });
