import { z } from 'zod';
import { isValidDate } from './dates.js';
import { periodUnits } from './periods.js';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isValidDate, '不是有效日期');
const divisionCode = z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字');

export const PeriodUnit = z.enum(periodUnits);

export const DeadlineQuery = z.object({
  start: date.describe('起算日（当日不计入）'),
  length: z.coerce.number().int('期间长度应为整数').min(1, '期间长度至少为 1').max(3660, '期间长度过大'),
  unit: PeriodUnit.describe('workday 工作日 | day 日 | month 月 | year 年'),
  division: divisionCode
    .optional()
    .describe('计算地的行政区划代码；地方节假日（如那曲市藏历新年）适用其全部下级区划。不填则只按全国日历'),
});

const DayNote = z.object({ date: z.string(), reason: z.string() });

export const DeadlineView = z.object({
  start: z.string(),
  end: z.string().describe('期间届满日（当日二十四时截止）'),
  endWeekday: z.string(),
  nominalEnd: z.string().describe('顺延前的最后一日'),
  division: z.object({ code: z.string(), name: z.string() }).nullable(),
  rule: z.object({
    unit: PeriodUnit,
    length: z.number().int(),
    law: z.string().nullable(),
    article: z.string().nullable(),
    extendable: z.object({ max: z.number().int(), by: z.string() }).optional(),
    basis: z.string(),
    description: z.string(),
  }),
  skipped: z.array(DayNote).describe('不计入或顺延跳过的休息日'),
  adjustedWorkdays: z.array(DayNote).describe('计入的周末调休上班日'),
});

export const DayKind = z.enum(['rest', 'work']);

export const CalendarDayView = z.object({
  id: z.number().int(),
  day: z.string(),
  kind: DayKind,
  name: z.string(),
  source: z.string(),
  assumption: z.boolean(),
  /** null: national (State Council notice) */
  divisionCode: z.string().nullable(),
  divisionName: z.string().nullable(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

const year = z.coerce
  .number()
  .int('年份应为整数')
  .min(2000, '年份应在 2000–2100 之间')
  .max(2100, '年份应在 2000–2100 之间');

export const DaysQuery = z.object({
  year,
  division: divisionCode.optional().describe('只列适用于该区划的安排（全国 + 本级及上级地方）；不填列出全部'),
});

export const DaysView = z.object({
  year: z.number().int(),
  nationalKnown: z.boolean().describe('是否已载入该年国务院办公厅放假通知；未载入时不能计算涉及该年的期间'),
  nationalSource: z.string().nullable(),
  nationalEnteredByHand: z
    .boolean()
    .describe('该年全国安排系管理员按通知录入（软件尚未内置该年通知）；可更正，软件内置后以内置为准'),
  division: z.object({ code: z.string(), name: z.string(), path: z.string() }).nullable(),
  days: z.array(CalendarDayView),
});

export const CreateRegionalDays = z.object({
  division: divisionCode.describe('发布通知的行政区划，如 540600 那曲市'),
  from: date,
  to: date.optional().describe('含当日；不填则只录入 from 一天'),
  kind: DayKind.describe('rest 放假 | work 调休上班（须为周六或周日）'),
  name: z.string().trim().min(2, '请填写节日名称').max(40),
  source: z.string().trim().min(4, '请填写依据的通知（文号或标题）').max(300),
  assumption: z.boolean().default(false).describe('日期系推定、尚无本区划正式通知时为 true'),
});
export type CreateRegionalDays = z.infer<typeof CreateRegionalDays>;

export const DayIdParam = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });

const holidayName = z.string().trim().min(2, '请填写节日名称').max(20, '节日名称过长');

/**
 * A year's State Council notice entered by hand, for a year the bundled notices do not yet cover
 * (the notice comes out in November; a deadline running into January needs it at once).
 */
export const NationalYearInput = z.object({
  source: z
    .string()
    .trim()
    .min(8, '请填写通知的标题及文号，如 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）')
    .max(300),
  holidays: z
    .array(z.object({ name: holidayName, from: date, to: date }))
    .min(1, '请至少录入一个放假安排')
    .max(12, '放假安排过多'),
  workdays: z
    .array(z.object({ name: holidayName, day: date }))
    .max(16, '调休上班日过多')
    .default([]),
});
export type NationalYearInput = z.output<typeof NationalYearInput>;

export const YearParam = z.object({ year });
