import { z } from 'zod';
import {
  activityKindCodes,
  activityKinds,
  categories,
  languages,
  materialKindCodes,
  normaliseLaw,
  type KindDef,
  type Metric,
} from './kinds.js';

export const ActivityKind = z.enum(activityKindCodes);
export const Language = z.enum(languages);
export const MaterialKind = z.enum(materialKindCodes);
export const Category = z.enum(Object.keys(categories) as [keyof typeof categories]);

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const count = (what: string) =>
  z.number().int(`${what}应为整数`).min(0, `${what}不能为负数`).max(1_000_000, `${what}过大`);

export const AttendanceRow = z.object({
  unitId: z.number().int().positive(),
  count: z.number().int().min(1, '参加人次至少为 1').max(100_000),
});
export const MaterialRow = z.object({
  materialKind: MaterialKind,
  quantity: z.number().int().min(1, '数量至少为 1').max(10_000_000),
});

const metricField: Record<Metric, string> = {
  participants: 'participants',
  sessions: 'sessions',
  quantity: 'quantity',
  attendance: 'attendance',
  materials: 'materials',
};
const metricLabel: Record<Metric, string> = {
  participants: '参加（受教）人次',
  sessions: '培训期数',
  quantity: '数量',
  attendance: '各单位参训人次',
  materials: '发放资料',
};

const ActivityFields = z.object({
  unitId: z.number().int().positive(),
  kind: ActivityKind,
  title: z.string().trim().min(2, '请填写活动名称（至少 2 个字）').max(120),
  date: isoDate,
  place: z.string().trim().min(2, '请填写活动地点').max(120),
  organiserUnitId: z.number().int().positive().nullish(),
  language: Language.default('zh'),
  participants: count('人次').nullish(),
  sessions: z.number().int().min(1, '培训期数至少为 1').max(1000).nullish(),
  quantity: z.number().int().min(1, '数量至少为 1').max(1_000_000).nullish(),
  attendance: z.array(AttendanceRow).max(500).default([]),
  materials: z.array(MaterialRow).max(50).default([]),
  laws: z
    .array(z.string().trim().min(2).max(60))
    .max(20)
    .default([])
    .transform((ls) => [...new Set(ls.map(normaliseLaw))]),
  photoFileIds: z.array(z.uuid('照片编号格式不正确')).max(50).default([]),
  note: z.string().trim().max(1000).nullish(),
});

/** The metrics a kind requires must be there, the ones it does not record must not be. */
function checkKindMetrics(v: z.infer<typeof ActivityFields>, ctx: z.RefinementCtx) {
  const def: KindDef = activityKinds[v.kind];
  for (const m of Object.keys(metricField) as Metric[]) {
    const need = def.metrics[m];
    const value = v[m];
    const present = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
    if (need === 'required' && !present)
      ctx.addIssue({
        code: 'custom',
        path: [metricField[m]],
        message: `“${def.label}”须填写${metricLabel[m]}`,
      });
    if (!need && present)
      ctx.addIssue({
        code: 'custom',
        path: [metricField[m]],
        message: `“${def.label}”不记录${metricLabel[m]}`,
      });
  }
  const seen = new Set<number>();
  v.attendance.forEach((a, i) => {
    if (seen.has(a.unitId))
      ctx.addIssue({ code: 'custom', path: ['attendance', i, 'unitId'], message: '同一单位只能填一行' });
    seen.add(a.unitId);
  });
  const kinds = new Set<string>();
  v.materials.forEach((m, i) => {
    if (kinds.has(m.materialKind))
      ctx.addIssue({
        code: 'custom',
        path: ['materials', i, 'materialKind'],
        message: '同一种资料只能填一行',
      });
    kinds.add(m.materialKind);
  });
}

export const CreateActivity = ActivityFields.superRefine(checkKindMetrics);
export type CreateActivity = z.output<typeof CreateActivity>;
/** A correction replaces the whole record (the audit keeps the difference). */
export const UpdateActivity = CreateActivity;

export const VoidActivity = z.object({ reason: z.string().trim().min(2, '请填写作废原因').max(200) });

export const ActivityView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  kind: ActivityKind,
  kindLabel: z.string(),
  category: Category,
  title: z.string(),
  date: z.string(),
  place: z.string(),
  organiserUnitId: z.number().int(),
  organiserUnitName: z.string(),
  language: Language,
  participants: z.number().int().nullable(),
  sessions: z.number().int().nullable(),
  quantity: z.number().int().nullable(),
  /** training: the sum of the attendance rows */
  attendanceTotal: z.number().int(),
  attendance: z.array(AttendanceRow.extend({ unitName: z.string() })),
  materials: z.array(MaterialRow),
  laws: z.array(z.string()),
  photoFileIds: z.array(z.string()),
  note: z.string().nullable(),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivityView = z.infer<typeof ActivityView>;

/** One kind, or several separated by commas. */
const KindList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
  .pipe(z.array(ActivityKind).optional());

export const ActivityQuery = z.object({
  /** one kind, or several separated by commas */
  kind: KindList,
  category: Category.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  /** with unitId: include the unit's subtree */
  subtree: z.enum(['true', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  language: Language.optional(),
  q: z.string().trim().max(60).optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ActivityQuery = z.output<typeof ActivityQuery>;

export const ActivityPage = z.object({
  items: z.array(ActivityView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ActivityId = z.object({ id: z.uuid('编号格式不正确') });

export const KindsView = z.object({
  categories: z.array(z.object({ code: Category, label: z.string() })),
  kinds: z.array(
    z.object({
      code: ActivityKind,
      label: z.string(),
      category: Category,
      campaign: z.boolean(),
      quantityUnit: z.string().nullable(),
      metrics: z.record(z.string(), z.enum(['required', 'optional'])),
    }),
  ),
  materials: z.array(z.object({ code: MaterialKind, label: z.string(), unit: z.string() })),
  languages: z.array(z.object({ code: Language, label: z.string() })),
});
