import { z } from 'zod';
import { escalationLevels, progressRoles, progressStatuses, systemCodes, taskStateCodes } from './kinds.js';

export const TaskSystem = z.enum(systemCodes);
export const TaskState = z.enum(taskStateCodes);
export const ProgressStatus = z.enum(Object.keys(progressStatuses) as ['submitted', 'accepted', 'returned']);
export const ProgressRole = z.enum(Object.keys(progressRoles) as ['lead', 'participant']);

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const text = (what: string, max: number, min = 1) =>
  z.string().trim().min(min, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);
const optText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).nullish();
const unitId = z.number().int().positive();
const uuid = z.uuid('编号格式不正确');
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const Id = z.object({ id: uuid });

// ——— plans ———

export const CreatePlan = z.object({
  unitId: unitId.describe('所属单位（依法治县办或政府）'),
  year: z.number().int().min(2000).max(2100),
  title: text('计划名称', 120, 2),
  riskWorkdays: z.number().int().min(1).max(60).default(10).describe('完成时限前多少个工作日内预警'),
  riskThreshold: z.number().int().min(1).max(100).default(80).describe('预警时采纳进度低于该百分比'),
  note: optText(1000),
});
export type CreatePlan = z.output<typeof CreatePlan>;
export const UpdatePlan = CreatePlan.omit({ unitId: true, year: true });
export type UpdatePlan = z.output<typeof UpdatePlan>;

export const AddDocument = z.object({
  title: text('文件名称', 200, 2),
  docNumber: optText(60),
  issuedOn: isoDate.nullish(),
  fileId: uuid.nullish().describe('已上传附件的编号（所属对象 planning.plan:<计划编号>）'),
});
export type AddDocument = z.output<typeof AddDocument>;

export const DocumentView = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  fileId: z.string().nullable(),
});

export const PlanView = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  title: z.string(),
  riskWorkdays: z.number().int(),
  riskThreshold: z.number().int(),
  note: z.string().nullable(),
  documents: z.array(DocumentView),
  taskCount: z.number().int(),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanQuery = z.object({ year: z.coerce.number().int().optional() });

export const VoidBody = z.object({ reason: text('作废原因', 200, 2) });

// ——— tasks ———

const TaskFields = z.object({
  planId: uuid,
  title: text('工作任务', 300, 2),
  content: optText(4000),
  targets: optText(2000),
  steps: optText(4000),
  leadUnitId: unitId,
  participantUnitIds: z.array(unitId).max(60).default([]),
  deadline: isoDate,
  system: TaskSystem.nullish(),
  meetingId: uuid.nullish(),
  note: optText(1000),
});
export const CreateTask = TaskFields.superRefine((v, ctx) => {
  const seen = new Set<number>();
  v.participantUnitIds.forEach((u, i) => {
    if (u === v.leadUnitId)
      ctx.addIssue({
        code: 'custom',
        path: ['participantUnitIds', i],
        message: '牵头单位不必再列为参与单位',
      });
    if (seen.has(u))
      ctx.addIssue({ code: 'custom', path: ['participantUnitIds', i], message: '参与单位重复' });
    seen.add(u);
  });
});
export type CreateTask = z.output<typeof CreateTask>;
export const UpdateTask = TaskFields.omit({ planId: true });
export type UpdateTask = z.output<typeof UpdateTask>;

export const UnitRef = z.object({ id: z.number().int(), name: z.string() });

export const TaskView = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  title: z.string(),
  content: z.string().nullable(),
  targets: z.string().nullable(),
  steps: z.string().nullable(),
  leadUnit: UnitRef,
  participantUnits: z.array(UnitRef),
  deadline: z.string(),
  system: TaskSystem.nullable(),
  systemLabel: z.string().nullable(),
  meetingId: z.string().nullable(),
  note: z.string().nullable(),
  /** computed for `today`, never stored */
  state: TaskState,
  stateLabel: z.string(),
  acceptedPercent: z.number().int().nullable(),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
});
export type TaskView = z.infer<typeof TaskView>;

export const TaskQuery = z.object({
  planId: uuid.optional(),
  year: z.coerce.number().int().optional(),
  state: TaskState.optional(),
  system: TaskSystem.optional(),
  /** tasks this unit leads or takes part in */
  unitId: z.coerce.number().int().positive().optional(),
  leadUnitId: z.coerce.number().int().positive().optional(),
  meetingId: uuid.optional(),
  q: z.string().trim().max(60).optional(),
  /** the day states are computed for (default: today in Beijing time) */
  today: isoDate.optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
  ...page,
});
export type TaskQuery = z.output<typeof TaskQuery>;

export const TaskPage = z.object({
  items: z.array(TaskView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  today: z.string(),
});

export const TodayQuery = z.object({ today: isoDate.optional() });

// ——— progress ———

export const ReportProgress = z.object({
  unitId: unitId.describe('报送单位：牵头单位或参与单位'),
  reportedOn: isoDate,
  content: text('进展情况', 4000, 2),
  percent: z.number().int().min(0, '完成进度不能小于 0').max(100, '完成进度不能超过 100').nullish(),
  fileIds: z.array(uuid).max(30).default([]),
});
export type ReportProgress = z.output<typeof ReportProgress>;

export const ReviewProgress = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), reason: optText(500) }),
  z.object({ decision: z.literal('return'), reason: text('退回原因', 500, 2) }),
]);
export type ReviewProgress = z.output<typeof ReviewProgress>;

export const ProgressView = z.object({
  id: z.string(),
  taskId: z.string(),
  unit: UnitRef,
  role: ProgressRole,
  reportedOn: z.string(),
  content: z.string(),
  percent: z.number().int().nullable(),
  fileIds: z.array(z.string()),
  status: ProgressStatus,
  statusLabel: z.string(),
  reviewedAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
  createdAt: z.string(),
});
export type ProgressView = z.infer<typeof ProgressView>;

export const TaskDetail = TaskView.extend({ progress: z.array(ProgressView) });

// ——— supervision notices ———

export const IssueNotice = z.object({
  unitId: unitId.describe('督办单位（依法治县办）'),
  targetUnitId: unitId.describe('被督办单位'),
  taskIds: z.array(uuid).min(1, '请至少选择一项任务').max(50),
  issuedOn: isoDate,
  subject: text('督办事项', 200, 2),
  requirements: text('督办要求', 4000, 2),
  replyWorkdays: z.number().int().min(1).max(60).default(5).describe('回复期限（工作日）'),
});
export type IssueNotice = z.output<typeof IssueNotice>;

export const ReplyNotice = z.object({
  repliedOn: isoDate,
  reply: text('回复内容', 4000, 2),
  fileIds: z.array(uuid).max(30).default([]),
});
export type ReplyNotice = z.output<typeof ReplyNotice>;

export const NoticeView = z.object({
  id: z.string(),
  number: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  unit: UnitRef,
  targetUnit: UnitRef,
  tasks: z.array(z.object({ id: z.string(), seq: z.number().int(), title: z.string() })),
  issuedOn: z.string(),
  subject: z.string(),
  requirements: z.string(),
  replyWorkdays: z.number().int(),
  replyDue: z.string(),
  replyDueRule: z.record(z.string(), z.unknown()),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  replyFileIds: z.array(z.string()),
  /** calendar days past the reply date without a reply, as of `today` */
  daysOverdue: z.number().int(),
  escalationLevel: z.number().int().min(0).max(escalationLevels.length),
  escalationLabel: z.string().nullable(),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticeQuery = z.object({
  year: z.coerce.number().int().optional(),
  targetUnitId: z.coerce.number().int().positive().optional(),
  taskId: uuid.optional(),
  /** true: only unanswered notices past their reply date */
  escalated: z.enum(['true', 'false']).optional(),
  replied: z.enum(['true', 'false']).optional(),
  minLevel: z.coerce.number().int().min(1).max(escalationLevels.length).optional(),
  today: isoDate.optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
  ...page,
});
export type NoticeQuery = z.output<typeof NoticeQuery>;

export const NoticePage = z.object({
  items: z.array(NoticeView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  today: z.string(),
});

// ——— committee meetings ———

export const Attendee = z.object({
  name: text('姓名', 40),
  unitName: text('单位', 80),
  role: optText(40).transform((v) => v ?? null),
});

export const CreateMeeting = z.object({
  unitId: unitId.describe('会议所属单位（委员会办公室）'),
  title: text('会议名称', 120, 2),
  heldOn: isoDate,
  place: optText(120),
  agenda: z.array(text('议题', 300)).min(1, '请至少填写一项议题').max(30),
  attendees: z.array(Attendee).max(200).default([]),
  decisions: z.array(text('议定事项', 1000)).max(50).default([]),
});
export type CreateMeeting = z.output<typeof CreateMeeting>;
export const UpdateMeeting = CreateMeeting.omit({ unitId: true });
export type UpdateMeeting = z.output<typeof UpdateMeeting>;

export const MeetingView = z.object({
  id: z.string(),
  unit: UnitRef,
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  agenda: z.array(z.string()),
  attendees: z.array(z.object({ name: z.string(), unitName: z.string(), role: z.string().nullable() })),
  decisions: z.array(z.string()),
  tasks: z.array(z.object({ id: z.string(), seq: z.number().int(), title: z.string(), planId: z.string() })),
  voided: z.boolean(),
  voidedReason: z.string().nullable(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingQuery = z.object({ year: z.coerce.number().int().optional() });

export const SystemsView = z.object({
  systems: z.array(z.object({ code: TaskSystem, label: z.string() })),
  states: z.array(z.object({ code: TaskState, label: z.string() })),
  escalation: z.array(z.object({ level: z.number().int(), minDays: z.number().int(), label: z.string() })),
});
