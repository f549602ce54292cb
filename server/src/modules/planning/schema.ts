import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnits, users } from '../../platform/org/schema.js';
import type { ProgressRole, ProgressStatus, TaskSystem } from './kinds.js';

const voiding = () => ({
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  voidedReason: text('voided_reason'),
});
const stamps = () => ({
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A division's yearly work plan (工作要点 + 任务清单), owned by its law office or government. */
export const planningPlans = pgTable(
  'planning_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** early warning: a task is at risk within this many working days of its deadline… */
    riskWorkdays: integer('risk_workdays').notNull().default(10),
    /** …while its accepted progress is below this percentage */
    riskThreshold: integer('risk_threshold').notNull().default(80),
    note: text('note'),
    ...voiding(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('planning_plans_unit_year_uq')
      .on(t.unitId, t.year)
      .where(sql`voided_at is null`),
    check('planning_plans_risk_ck', sql`${t.riskWorkdays} between 1 and 60`),
    check('planning_plans_threshold_ck', sql`${t.riskThreshold} between 1 and 100`),
  ],
);

/** The documents a plan was issued by (《索县2023年法治政府建设工作要点》…); the file is an attachment. */
export const planningDocuments = pgTable(
  'planning_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => planningPlans.id),
    title: text('title').notNull(),
    /** 文号, e.g. 索法办发〔2023〕1号 */
    docNumber: text('doc_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    /** in the files service, owner planning.plan:<plan id> */
    fileId: uuid('file_id'),
    ...voiding(),
    ...stamps(),
  },
  (t) => [index('planning_documents_plan_idx').on(t.planId)],
);

/** A committee meeting (全面依法治县委员会会议) that assigns tasks. */
export const planningMeetings = pgTable(
  'planning_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place'),
    agenda: text('agenda').array().notNull(),
    /** [{ name, unitName, role }] */
    attendees: jsonb('attendees')
      .$type<{ name: string; unitName: string; role: string | null }[]>()
      .notNull(),
    decisions: text('decisions').array().notNull(),
    ...voiding(),
    ...stamps(),
  },
  (t) => [index('planning_meetings_unit_held_idx').on(t.unitId, t.heldOn)],
);

/** One task of a plan's task list (任务清单). The owning unit is the plan's. */
export const planningTasks = pgTable(
  'planning_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => planningPlans.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** 序号 within the plan, allocated in order */
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    content: text('content'),
    targets: text('targets'),
    steps: text('steps'),
    leadUnitId: integer('lead_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    system: text('system').$type<TaskSystem>(),
    meetingId: uuid('meeting_id').references(() => planningMeetings.id),
    note: text('note'),
    /**
     * The latest accepted lead report's percentage, and the day from which it is the answer (the last
     * review date of an accepted lead report), kept by refreshAccepted in the review's transaction. The
     * state of 100,000 tasks then needs no per-task subquery (bench/planning.ts); for an earlier `today`
     * the reports themselves are read (state.ts acceptedPercent).
     */
    acceptedPercent: integer('accepted_percent'),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    ...voiding(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('planning_tasks_plan_seq_uq').on(t.planId, t.seq),
    // Everything a task's state and visibility need, so counting a plan's tasks by state is an
    // index-only range scan on the deadline (task-reads.ts; drizzle has no INCLUDE, hence key columns).
    index('planning_tasks_state_idx')
      .on(t.planId, t.deadline, t.acceptedPercent, t.acceptedOn, t.leadUnitId, t.system, t.seq, t.id)
      .where(sql`voided_at is null`),
    // The tasks not done by their stored acceptance: every state but done is counted from these alone.
    index('planning_tasks_open_idx')
      .on(t.planId, t.deadline, t.acceptedPercent, t.leadUnitId, t.system, t.seq, t.id)
      .where(sql`voided_at is null and coalesce(accepted_percent, 0) < 100`),
    // whether any review is dated after the day asked about (state.ts storedAnswers)
    index('planning_tasks_accepted_on_idx').on(t.acceptedOn),
    index('planning_tasks_lead_idx').on(t.leadUnitId),
    index('planning_tasks_deadline_idx').on(t.deadline),
    index('planning_tasks_meeting_idx').on(t.meetingId),
  ],
);

/** 参与单位 of a task. */
export const planningTaskUnits = pgTable(
  'planning_task_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => planningTasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('planning_task_units_unit_idx').on(t.unitId)],
);

/**
 * The units that lead or join some task of a plan: which plans a caller outside the plan owner's
 * scope may see tasks of, found without reading every task. Rows are only ever added
 * (when a task names a unit), so the set may hold a unit no longer on any task of the plan: it makes
 * the plan a candidate, and the task's own lead and participants still decide (visible.ts).
 */
export const planningPlanUnits = pgTable(
  'planning_plan_units',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => planningPlans.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.unitId] })],
);

/** A progress report on a task by its lead or a participating unit, accepted or returned by the office. */
export const planningProgress = pgTable(
  'planning_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planningTasks.id),
    /** the reporting unit */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    role: text('role').$type<ProgressRole>().notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    /** the lead unit's overall percentage; a participant may give its own part's */
    percent: integer('percent'),
    fileIds: uuid('file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').$type<ProgressStatus>().notNull().default('submitted'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewReason: text('review_reason'),
    ...stamps(),
  },
  (t) => [
    index('planning_progress_task_idx').on(t.taskId, t.reportedOn),
    // the state rule reads each task's latest accepted lead report (state.ts acceptedPercent): one index probe
    index('planning_progress_accepted_idx')
      .on(t.taskId, t.reportedOn.desc(), t.createdAt.desc())
      .where(sql`role = 'lead' and status = 'accepted'`),
    check('planning_progress_percent_ck', sql`${t.percent} is null or ${t.percent} between 0 and 100`),
  ],
);

/** 督办单: issued to a unit for one or more tasks, numbered gaplessly per issuer and year. */
export const planningNotices = pgTable(
  'planning_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the issuing office */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    targetUnitId: integer('target_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    requirements: text('requirements').notNull(),
    replyWorkdays: integer('reply_workdays').notNull(),
    replyDue: date('reply_due', { mode: 'string' }).notNull(),
    /** how replyDue was computed: unit, length, basis, description (platform calendar) */
    replyDueRule: jsonb('reply_due_rule').$type<Record<string, unknown>>().notNull(),
    reply: text('reply'),
    repliedOn: date('replied_on', { mode: 'string' }),
    replyFileIds: uuid('reply_file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    repliedBy: uuid('replied_by').references(() => users.id),
    ...voiding(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('planning_notices_number_uq').on(t.unitId, t.year, t.seq),
    index('planning_notices_target_idx').on(t.targetUnitId),
    index('planning_notices_due_idx').on(t.replyDue),
  ],
);

export const planningNoticeTasks = pgTable(
  'planning_notice_tasks',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => planningNotices.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planningTasks.id),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.taskId] }),
    index('planning_notice_tasks_task_idx').on(t.taskId),
  ],
);

/** The last number allocated per unit, year and kind; bumped inside the issuing transaction (gapless). */
export const planningCounters = pgTable(
  'planning_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.kind] })],
);
