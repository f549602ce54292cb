import { z } from 'zod';
import { postTypeCodes, ratingCodes, reportFormatCodes } from './kinds.js';

export const PostType = z.enum(postTypeCodes);
export const ReportFormat = z.enum(reportFormatCodes);
export const Rating = z.enum(ratingCodes);
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const Id = z.uuid('编号格式不正确');
export const IdParam = z.object({ id: Id });

export const CreateCampaign = z.object({
  /** the organising unit; its division is the campaign's */
  unitId: z.number().int().positive(),
  year: z.number().int().min(2000, '年度不能早于 2000 年').max(2100),
  title: z.string().trim().min(4, '请填写活动名称').max(120),
  format: ReportFormat.default('written'),
  dueOn: isoDate,
  note: z.string().trim().max(1000).nullish(),
});
export type CreateCampaign = z.output<typeof CreateCampaign>;

export const ReporterInput = z.object({
  unitId: z.number().int().positive(),
  personName: z.string().trim().min(2, '请填写姓名').max(40),
  post: z.string().trim().min(2, '请填写职务').max(40),
  postType: PostType,
});
export const AddReporters = z.object({ reporters: z.array(ReporterInput).min(1).max(500) });
export type AddReporters = z.output<typeof AddReporters>;

export const VoidInput = z.object({ reason: z.string().trim().min(2, '请填写原因').max(200) });

export const SubmitReport = z.object({
  format: ReportFormat.optional(),
  submittedOn: isoDate,
  performance: z.string().trim().min(10, '请填写履职情况（至少 10 个字）').max(20000),
  problems: z.string().trim().min(4, '请填写存在问题').max(10000),
  plans: z.string().trim().min(4, '请填写下一步打算').max(10000),
  /** the signed report, uploaded first to the files service for owner 'accountability.report' = reporter id */
  documentFileId: Id,
});
export type SubmitReport = z.output<typeof SubmitReport>;

export const ReviewReport = z.object({
  rating: Rating,
  comment: z.string().trim().min(2, '请填写评议意见').max(4000),
  reviewedOn: isoDate,
});
export type ReviewReport = z.output<typeof ReviewReport>;

export const CampaignView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  divisionCode: z.string(),
  year: z.number().int(),
  title: z.string(),
  format: ReportFormat,
  dueOn: z.string(),
  note: z.string().nullable(),
  /** 应述 / 已述 within the asker's scope */
  required: z.number().int(),
  submitted: z.number().int(),
  reviewed: z.number().int(),
  createdAt: z.string(),
});
export type CampaignView = z.infer<typeof CampaignView>;

export const ReporterView = z.object({
  id: z.string(),
  campaignId: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.string(),
  personName: z.string(),
  post: z.string(),
  postType: PostType,
  postTypeLabel: z.string(),
  /** the submitted (not returned) report, if any */
  reportId: z.string().nullable(),
  submittedOn: z.string().nullable(),
  rating: Rating.nullable(),
  overdue: z.boolean(),
});
export type ReporterView = z.infer<typeof ReporterView>;

export const CompletenessView = z.object({
  campaign: CampaignView,
  /** 应述人数、已述人数、未述人数 */
  required: z.number().int(),
  submitted: z.number().int(),
  missing: z.number().int(),
  reporters: z.array(ReporterView),
});

export const CompletenessQuery = z.object({
  status: z.enum(['all', 'missing', 'submitted']).default('all'),
});

export const ReportView = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  year: z.number().int(),
  reporterId: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  personName: z.string(),
  post: z.string(),
  postType: PostType,
  format: ReportFormat,
  formatLabel: z.string(),
  submittedOn: z.string(),
  performance: z.string(),
  problems: z.string(),
  plans: z.string(),
  documentFileId: z.string().nullable(),
  rating: Rating.nullable(),
  ratingLabel: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  /** the reporter's 第一责任人职责清单 */
  dutyItems: z.array(z.string()),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportQuery = z.object({
  campaignId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitKind: z.enum(['department', 'township']).optional(),
  rating: Rating.optional(),
  reviewed: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportQuery = z.output<typeof ReportQuery>;

export const ReportPage = z.object({
  items: z.array(ReportView.omit({ performance: true, problems: true, plans: true, dutyItems: true })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const CampaignQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const DutyListQuery = z.object({
  division: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
});
export const DutyList = z.object({
  postType: PostType,
  postTypeLabel: z.string(),
  items: z.array(z.string()),
  /** false: the county has not set its own list, the default from the 2016 规定 applies */
  configured: z.boolean(),
});
export const SetDutyList = z.object({
  division: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  postType: PostType,
  items: z.array(z.string().trim().min(4, '职责条目至少 4 个字').max(300)).min(1, '至少一条职责').max(30),
});
export type SetDutyList = z.output<typeof SetDutyList>;

export const MetaView = z.object({
  postTypes: z.array(z.object({ code: PostType, label: z.string(), unitKind: z.string() })),
  formats: z.array(z.object({ code: ReportFormat, label: z.string() })),
  ratings: z.array(z.object({ code: Rating, label: z.string() })),
});
