import { z } from 'zod';
import { findingStates, severities } from '../findings/service.js';
import { actionKinds, methods, roundKinds } from './kinds.js';

export const RoundKind = z
  .enum(roundKinds)
  .describe('regular 日常督察、assessment 督察指导考核、specialCampaign 专项整治督察、followUp 回头看');
export const Method = z.enum(methods).describe('督察方式');
export const ActionKind = z
  .enum(actionKinds)
  .describe('inspection 督察；followUp 整改落实督察（须关联反馈问题）');

const FindingState = z.enum(findingStates);
const Severity = z.enum(severities);
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const unitIds = z.array(z.number().int().positive()).max(200);

export const RoundId = z.object({ id: z.uuid('督察编号格式不正确') });
export const ActionRef = z.object({
  id: z.uuid('督察编号格式不正确'),
  actionId: z.uuid('督察事项编号格式不正确'),
});

export const RoundQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: RoundKind.optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
});
export type RoundQuery = z.output<typeof RoundQuery>;

export const CreateRound = z
  .object({
    unitId: z.number().int().positive().describe('组织督察的单位（一般为依法治县办）'),
    title: z.string().trim().min(2, '请填写督察名称').max(200),
    year: z.number().int().min(2000).max(2100),
    kind: RoundKind,
    followUpOfId: z.uuid().nullish().describe('“回头看”针对的前一轮督察'),
    targetUnitIds: unitIds.min(1, '请至少选择一个督察对象'),
    methods: z.array(Method).min(1, '请至少选择一种督察方式').max(7),
    note: z.string().trim().max(2000).nullish(),
  })
  .refine((v) => (v.kind === 'followUp') === !!v.followUpOfId, {
    path: ['followUpOfId'],
    message: '“回头看”须且只有“回头看”须选择针对的前一轮督察',
  });
export type CreateRound = z.output<typeof CreateRound>;

export const CreateAction = z
  .object({
    kind: ActionKind.default('inspection'),
    date: isoDate,
    place: z.string().trim().min(2, '请填写地点').max(120),
    method: Method,
    participants: z.string().trim().min(2, '请填写参加人员').max(500),
    targetUnitId: z.number().int().positive().describe('督察对象单位'),
    feedbackItemIds: z.array(z.uuid()).max(50).default([]).describe('整改落实督察所检查的反馈问题'),
    notes: z.string().trim().max(4000).nullish(),
  })
  .refine((v) => (v.kind === 'followUp') === v.feedbackItemIds.length > 0, {
    path: ['feedbackItemIds'],
    message: '整改落实督察须关联反馈问题，其他督察不关联',
  });
export type CreateAction = z.output<typeof CreateAction>;

export const CreateFeedbackItem = z.object({
  source: z.string().trim().min(2, '请填写反馈机关').max(120).describe('如 自治区专项督察组'),
  reference: z.string().trim().max(80).nullish().describe('反馈文号'),
  receivedOn: isoDate.describe('收到反馈日期（即问题发现日期）'),
  title: z.string().trim().min(2, '请填写反馈问题').max(300),
  aspects: z
    .array(
      z.object({
        description: z.string().trim().min(2, '请填写该方面的问题').max(2000),
        responsibleUnitId: z.number().int().positive().describe('整改责任单位'),
        dueOn: isoDate.describe('整改时限'),
        severity: Severity.default('normal'),
      }),
    )
    .min(1, '每项反馈至少包含一个方面')
    .max(30),
});
export type CreateFeedbackItem = z.output<typeof CreateFeedbackItem>;

export const VoidBody = z.object({ reason: z.string().trim().min(2, '请填写作废原因').max(200) });

const Unit = z.object({ id: z.number().int(), name: z.string() });

export const ActionView = z.object({
  id: z.string(),
  kind: ActionKind,
  kindLabel: z.string(),
  date: z.string(),
  place: z.string(),
  method: Method,
  participants: z.string(),
  targetUnitId: z.number().int(),
  targetUnitName: z.string(),
  feedbackItemIds: z.array(z.string()),
  notes: z.string().nullable(),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
});

export const FeedbackItemView = z.object({
  id: z.string(),
  seq: z.number().int(),
  source: z.string(),
  reference: z.string().nullable(),
  receivedOn: z.string(),
  title: z.string(),
  aspects: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      description: z.string(),
      responsibleUnitId: z.number().int(),
      responsibleUnitName: z.string(),
      dueOn: z.string(),
      findingId: z.string(),
      findingState: FindingState.nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export const RoundSummary = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  title: z.string(),
  year: z.number().int(),
  kind: RoundKind,
  kindLabel: z.string(),
  followUpOfId: z.string().nullable(),
  targetUnits: z.array(Unit),
  methods: z.array(Method),
  note: z.string().nullable(),
  actionCount: z.number().int(),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
  createdAt: z.string(),
});
export const RoundView = RoundSummary.extend({
  actions: z.array(ActionView).describe('督察事项，按日期'),
  feedback: z.array(FeedbackItemView).describe('上级反馈问题及各方面的整改情况'),
});
export type RoundView = z.infer<typeof RoundView>;
export const RoundList = z.object({ items: z.array(RoundSummary) });
export const MethodsView = z.object({
  kinds: z.array(z.object({ code: RoundKind, label: z.string() })),
  methods: z.array(Method),
  actionKinds: z.array(z.object({ code: ActionKind, label: z.string() })),
});
