import { z } from 'zod';
import type { PlanningService } from '../planning/service.js';
import { figureStyles } from './format.js';
import {
  reportStateCodes,
  requiredItemCodes,
  secrecyResults,
  signoffDecisions,
  subjectKinds,
} from './kinds.js';

/**
 * The 体系 tags of planning's tasks (planning/kinds.ts `systems`), repeated here because a module
 * reaches another only through its service; the two type checks below fail to compile if they drift.
 */
type TaskSystem = NonNullable<Parameters<PlanningService['listTasks']>[1]['system']>;
export const taskSystemCodes = [
  'partyLeadership',
  'governmentFunctions',
  'institutions',
  'decisionMaking',
  'enforcement',
  'emergencies',
  'disputeResolution',
  'oversight',
  'technology',
  'legalPublicity',
] as const satisfies readonly TaskSystem[];
export const taskSystemsComplete: Exclude<TaskSystem, (typeof taskSystemCodes)[number]> extends never
  ? true
  : never = true;

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const Uuid = z.uuid('编号格式不正确');
export const IdParam = z.object({ id: Uuid });
export const VersionParam = z.object({ id: Uuid, seq: z.coerce.number().int().min(1) });

export const RequiredItem = z
  .enum(requiredItemCodes)
  .describe(
    '督察规定第二十四条的五项内容：measures 主要举措和成效、shortcomings 不足和原因、leaderDuties 第一责任人履职、plans 下一年度安排、other 其他',
  );
export const ReportState = z.enum(reportStateCodes);

export const OutlineSection = z.object({
  id: z.string().trim().min(1).max(40),
  level: z.union([z.literal(1), z.literal(2)]).describe('1 一、 2 （一）'),
  heading: z.string().trim().max(80).describe('不含序号，序号按位置自动编排；空则不出标题'),
  text: z
    .string()
    .max(20000)
    .describe('正文，换行分段；{{指标键}} 或 {{指标键|approx}} 等占位符在生成时替换为指标值'),
  item: RequiredItem.optional(),
  system: z.enum(taskSystemCodes).optional().describe('任务清单的体系标签'),
  includeTasks: z.boolean().optional().describe('true：在本节末尾列出该体系的任务清单事项'),
});
export type OutlineSection = z.infer<typeof OutlineSection>;

export const Outline = z.object({
  title: z.string().trim().min(4, '请填写报告标题').max(120).describe('换行处分行排版'),
  preamble: z.string().max(20000),
  sections: z.array(OutlineSection).max(200),
});
export type Outline = z.infer<typeof Outline>;

export const CreateReport = z
  .object({
    year: z.number().int().min(2000, '年度不能早于 2000 年').max(2100),
    /** a county or city report: its division (540626 索县, 540600 那曲市) */
    divisionCode: z
      .string()
      .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字')
      .optional(),
    /** a department's or township's own report */
    unitId: z.number().int().positive().optional(),
    /** defaults to the seed report's outline */
    outline: Outline.optional(),
  })
  .refine((v) => !!v.divisionCode !== !!v.unitId, {
    path: ['divisionCode'],
    message: '请指定报告主体：行政区划或单位，二者选一',
  });
export type CreateReport = z.output<typeof CreateReport>;

export const ReportQuery = z.object({
  year: z.coerce.number().int().optional(),
  state: ReportState.optional(),
});
export type ReportQuery = z.output<typeof ReportQuery>;

export const SaveOutline = z.object({
  outline: Outline,
  /** the version the editor started from; a newer one in between is a conflict */
  baseSeq: z.number().int().min(0),
  note: z.string().trim().max(200).optional(),
});
export type SaveOutline = z.output<typeof SaveOutline>;

export const StartComments = z.object({
  dueOn: isoDate.describe('征求意见截止日期'),
  note: z.string().trim().max(500).optional(),
});
export type StartComments = z.output<typeof StartComments>;

export const AddComment = z.object({
  sectionId: z.string().max(40).nullish().describe('针对的章节；空为全文'),
  body: z.string().trim().min(2, '请填写意见').max(4000),
});
export type AddComment = z.output<typeof AddComment>;

export const Signoff = z.object({
  decision: z.enum(Object.keys(signoffDecisions) as ['approve', 'return']),
  comment: z.string().trim().max(1000).optional(),
});
export type Signoff = z.output<typeof Signoff>;

export const SecrecyReview = z.object({
  result: z.enum(Object.keys(secrecyResults) as ['passed', 'failed']),
  note: z.string().trim().min(2, '请填写审查意见').max(2000),
});
export type SecrecyReview = z.output<typeof SecrecyReview>;

export const Publish = z.object({
  publishedOn: isoDate.optional().describe('发布日期，默认今天'),
});
export type Publish = z.output<typeof Publish>;

// ——— views ———

export const FigureUse = z.object({
  key: z.string(),
  label: z.string().nullable(),
  unit: z.string().nullable(),
  module: z.string().nullable(),
  definition: z.string().nullable(),
  value: z.number().nullable(),
  /** owned: a module computes it; unowned keys render as （暂无数据来源） */
  owned: z.boolean(),
});
export type FigureUse = z.infer<typeof FigureUse>;

export const CheckResult = z.object({
  key: z.string(),
  label: z.string(),
  /** ok, failed, or skipped when a figure it needs has no value or no owner */
  status: z.enum(['ok', 'failed', 'skipped']),
  detail: z.string(),
  figures: z.array(z.string()),
  article: z.string().nullable(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const Countdown = z.object({
  deadline: z.string(),
  article: z.string(),
  daysLeft: z.number().int(),
  /** working days left by the platform calendar, null where it has no data for the year */
  workdaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
});

export const VersionSummary = z.object({
  seq: z.number().int(),
  kind: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const ReportView = z.object({
  id: z.string(),
  year: z.number().int(),
  subjectKind: z.enum(Object.keys(subjectKinds) as ['division', 'unit']),
  divisionCode: z.string(),
  divisionName: z.string(),
  subjectUnitId: z.number().int().nullable(),
  subjectName: z.string(),
  title: z.string(),
  state: ReportState,
  stateLabel: z.string(),
  outline: Outline,
  latestSeq: z.number().int(),
  publishedSeq: z.number().int().nullable(),
  publishedOn: z.string().nullable(),
  commentRound: z.number().int(),
  commentDueOn: z.string().nullable(),
  countdown: Countdown,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportListItem = ReportView.omit({ outline: true });

export const CommentView = z.object({
  id: z.string(),
  round: z.number().int(),
  versionSeq: z.number().int(),
  sectionId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const SignoffView = z.object({
  id: z.string(),
  versionSeq: z.number().int(),
  userName: z.string(),
  decision: z.string(),
  comment: z.string().nullable(),
  signedAt: z.string(),
});

export const SecrecyReviewView = z.object({
  id: z.string(),
  versionSeq: z.number().int(),
  reviewerName: z.string(),
  result: z.string(),
  resultLabel: z.string(),
  note: z.string(),
  reviewedAt: z.string(),
});

export const WorkflowView = z.object({
  comments: z.array(CommentView),
  signoffs: z.array(SignoffView),
  secrecyReviews: z.array(SecrecyReviewView),
  versions: z.array(VersionSummary),
});

/** The draft as it would be rendered now, with the checks beside it. */
export const PreviewView = z.object({
  seq: z.number().int().describe('the version the text was last rendered in; 0 before the first'),
  title: z.string(),
  paragraphs: z.array(
    z.object({
      sectionId: z.string().nullable(),
      kind: z.string(),
      level: z.number().int().nullable(),
      text: z.string(),
    }),
  ),
  figures: z.array(FigureUse),
  unowned: z.array(z.string()),
  empty: z.array(z.string()),
  checks: z.array(CheckResult),
  /** figures whose value differs from the one the last version was rendered with */
  changedSinceRendered: z.array(
    z.object({ key: z.string(), was: z.number().nullable(), now: z.number().nullable() }),
  ),
  tasksPulled: z.number().int(),
});
export type PreviewView = z.infer<typeof PreviewView>;

export const RollupView = z.object({
  divisionCode: z.string(),
  year: z.number().int(),
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
  figures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      total: z.number().nullable(),
      /** sum, ratio (recomputed from summed parts) or none (a ratio without declared parts) */
      method: z.enum(['sum', 'ratio', 'none']),
      byCounty: z.array(z.number().nullable()),
    }),
  ),
});

export const PublicReport = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  subjectName: z.string(),
  divisionCode: z.string(),
  publishedOn: z.string(),
  htmlUrl: z.string(),
  docxUrl: z.string(),
});
export const PublicReportQuery = z.object({
  division: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
  year: z.coerce.number().int().optional(),
});

export const styles = figureStyles;
