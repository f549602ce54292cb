import { z } from 'zod';
import { CODE_PATTERN, methodCodes } from './kinds.js';

export const Method = z.enum(methodCodes);
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const Id = z.uuid('编号格式不正确');
export const IdParam = z.object({ id: Id });
export const RoundUnitParam = z.object({ id: Id, unitId: z.coerce.number().int().positive() });
const Points = z
  .number()
  .min(0, '分值不能为负数')
  .max(1000, '分值过大')
  .refine((n) => Math.round(n * 10) === n * 10, '分值最多保留一位小数');

export const IndicatorInput = z.object({
  code: z.string().trim().regex(CODE_PATTERN, '编码应为 1、1.2、1.2.3 这样的层级编号'),
  name: z.string().trim().min(2, '请填写指标名称').max(200),
  points: Points.refine((n) => n > 0, '分值应大于 0'),
  scoringNotes: z.string().trim().max(2000).nullish(),
});
export type IndicatorInput = z.output<typeof IndicatorInput>;

export const CreateSystem = z.object({
  unitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(4, '请填写指标体系名称').max(120),
  indicators: z.array(IndicatorInput).max(500).default([]),
});
export type CreateSystem = z.output<typeof CreateSystem>;

export const IndicatorView = IndicatorInput.extend({
  id: z.string(),
  parentCode: z.string().nullable(),
  depth: z.number().int(),
  leaf: z.boolean(),
  scoringNotes: z.string().nullable(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const SystemView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  divisionCode: z.string(),
  year: z.number().int(),
  name: z.string(),
  /** sum of the first-level indicators' points */
  totalPoints: z.number(),
  indicators: z.array(IndicatorView),
});
export type SystemView = z.infer<typeof SystemView>;

export const CreateRound = z.object({
  systemId: Id,
  title: z.string().trim().min(4, '请填写考核名称').max(120),
  /** the assessed units; default: every township of the system's division */
  unitIds: z.array(z.number().int().positive()).max(200).optional(),
});
export type CreateRound = z.output<typeof CreateRound>;

export const ResultRow = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  total: z.number(),
  maxPoints: z.number(),
  /** rank by total among every unit of the round (ties share a rank) */
  rank: z.number().int(),
  scoredIndicators: z.number().int(),
  deductions: z.number().int(),
  selfTotal: z.number().nullable(),
});

export const RoundView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  divisionCode: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  year: z.number().int(),
  title: z.string(),
  published: z.boolean(),
  publishedOn: z.string().nullable(),
  leafIndicators: z.number().int(),
  assessedUnits: z.array(
    z.object({ unitId: z.number().int(), unitName: z.string(), selfSubmitted: z.boolean() }),
  ),
  /** totals and ranking: to the organisers always, to everyone else only once published, and only their own units */
  results: z.array(ResultRow),
});
export type RoundView = z.infer<typeof RoundView>;

export const RoundQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const SheetRow = z.object({
  indicatorId: z.string(),
  code: z.string(),
  name: z.string(),
  points: z.number(),
  selfScore: z.number().nullable(),
  selfNote: z.string().nullable(),
  evidenceFileIds: z.array(z.string()),
  /** null until published, unless the asker organises the round */
  score: z.number().nullable(),
  method: Method.nullable(),
  deductionReason: z.string().nullable(),
  findingId: z.string().nullable(),
});
export const SheetView = z.object({
  roundId: z.string(),
  roundUnitId: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  published: z.boolean(),
  scoresVisible: z.boolean(),
  selfSubmittedAt: z.string().nullable(),
  rows: z.array(SheetRow),
});
export type SheetView = z.infer<typeof SheetView>;

export const SelfEvaluate = z.object({
  items: z
    .array(
      z.object({
        indicatorId: Id,
        selfScore: Points,
        note: z.string().trim().max(2000).nullish(),
        /** uploaded first to the files service for owner 'assessment.selfEvaluation' = roundUnitId */
        evidenceFileIds: z.array(Id).max(30).default([]),
      }),
    )
    .min(1)
    .max(500),
});
export type SelfEvaluate = z.output<typeof SelfEvaluate>;

export const ScoreItems = z.object({
  /** the day of the inspection: the finding's foundOn */
  scoredOn: isoDate,
  items: z
    .array(
      z.object({
        indicatorId: Id,
        score: Points,
        method: Method,
        deductionReason: z.string().trim().min(4, '扣分须写明理由').max(2000).nullish(),
        /** open a finding (问题) for this deduction, to be rectified by the unit */
        finding: z
          .object({
            severity: z.enum(['minor', 'normal', 'serious']).default('normal'),
            dueOn: isoDate,
            title: z.string().trim().min(2).max(200).optional(),
          })
          .nullish(),
      }),
    )
    .min(1)
    .max(500),
});
export type ScoreItems = z.output<typeof ScoreItems>;

export const Publish = z.object({ publishedOn: isoDate });

export const MetaView = z.object({ methods: z.array(z.object({ code: Method, label: z.string() })) });
