import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { divisions, orgUnits, users } from '../../platform/org/schema.js';
import type {
  Channel,
  DecisionType,
  Procedure,
  SimpleGround,
  Stage,
  SuspensionGround,
  TerminationGround,
} from './kinds.js';

/**
 * One application for 行政复议 and, once accepted, the case. The owning unit is the 复议机关 (索县人民政府);
 * scope is a join on its path. ID and phone numbers are SM4-encrypted (platform.fieldCrypto).
 */
export const reconsiderationCases = pgTable(
  'reconsideration_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the 复议机关 */
    organUnitId: integer('organ_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    divisionCode: text('division_code')
      .notNull()
      .references(() => divisions.code),
    stage: text('stage').$type<Stage>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** the portal submission this came from */
    submissionId: text('submission_id'),
    // 申请人 (实施条例第十九条第一项)
    applicantKind: text('applicant_kind').$type<'person' | 'organisation'>().notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdEnc: text('applicant_id_enc'),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantAddress: text('applicant_address'),
    /** an organisation's legal representative or principal */
    applicantRepresentative: text('applicant_representative'),
    // 被申请人
    respondentName: text('respondent_name').notNull(),
    respondentUnitId: integer('respondent_unit_id').references(() => orgUnits.id),
    /** 上一级主管部门 of a county department, to which the decision is copied (Art. 79(2)) */
    respondentSuperior: text('respondent_superior'),
    // 行政行为、请求、事实和理由
    actDescription: text('act_description').notNull(),
    actNumber: text('act_number'),
    actDate: date('act_date', { mode: 'string' }),
    request: text('request').notNull(),
    factsAndReasons: text('facts_and_reasons').notNull(),
    learnedOn: date('learned_on', { mode: 'string' }).notNull(),
    /** not told of the right to apply: when the applicant learned of it (Art. 20(3)) */
    rightsLearnedOn: date('rights_learned_on', { mode: 'string' }),
    /** 正当理由 for a late application (Art. 20(2)) */
    lateReason: text('late_reason'),
    /** 口头申请笔录 (Art. 22(3); 实施条例第二十条): what was recorded and read back to the applicant */
    oralRecord: text('oral_record'),
    /** the amount at stake, in fen, for the simple-procedure test of Art. 53(1)(三) */
    amountFen: integer('amount_fen'),
    /** 重大、疑难、复杂: hearing (Art. 50(1)) and committee consultation (Art. 52(2)) are compulsory */
    major: boolean('major').notNull().default(false),
    /** 行政复议人员: at least two per case (实施条例第三十二条) */
    officers: text('officers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** file ids of the application's attachments */
    attachmentIds: text('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // 受理审查
    reviewDueOn: date('review_due_on', { mode: 'string' }),
    correctionNoticeOn: date('correction_notice_on', { mode: 'string' }),
    correctionItems: text('correction_items').array(),
    correctionServedOn: date('correction_served_on', { mode: 'string' }),
    correctionExtendedTo: date('correction_extended_to', { mode: 'string' }),
    correctionReceivedOn: date('correction_received_on', { mode: 'string' }),
    abandonedOn: date('abandoned_on', { mode: 'string' }),
    refusedOn: date('refused_on', { mode: 'string' }),
    refusalReason: text('refusal_reason'),
    /** the organ with jurisdiction, named in a refusal (Art. 30(2)) */
    properOrgan: text('proper_organ'),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    acceptanceDeemed: boolean('acceptance_deemed').notNull().default(false),
    caseYear: integer('case_year'),
    caseSeq: integer('case_seq'),
    caseNumber: text('case_number'),
    // 审理
    procedure: text('procedure').$type<Procedure>(),
    simpleGround: text('simple_ground').$type<SimpleGround>(),
    procedureSwitchedOn: date('procedure_switched_on', { mode: 'string' }),
    copySentOn: date('copy_sent_on', { mode: 'string' }),
    copyReceivedOn: date('copy_received_on', { mode: 'string' }),
    replyReceivedOn: date('reply_received_on', { mode: 'string' }),
    committeeConsultedOn: date('committee_consulted_on', { mode: 'string' }),
    committeeOpinion: text('committee_opinion'),
    extensionDays: integer('extension_days'),
    extendedOn: date('extended_on', { mode: 'string' }),
    extensionApprovedBy: text('extension_approved_by'),
    extensionReason: text('extension_reason'),
    // 结案
    decisionType: text('decision_type').$type<DecisionType>(),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionFindings: text('decision_findings'),
    decisionReasoning: text('decision_reasoning'),
    decisionOrder: text('decision_order'),
    closedOn: date('closed_on', { mode: 'string' }),
    terminationGround: text('termination_ground').$type<TerminationGround>(),
    closingNote: text('closing_note'),
    publishedOn: date('published_on', { mode: 'string' }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reconsideration_cases_number_uq')
      .on(t.organUnitId, t.caseYear, t.caseSeq)
      .where(sql`case_seq is not null`),
    index('reconsideration_cases_organ_received_idx').on(t.organUnitId, t.receivedOn),
    index('reconsideration_cases_stage_idx').on(t.stage),
    // the case list's order, read backwards for `received_on desc, created_at desc` (bench:cases)
    index('reconsideration_cases_list_idx')
      .on(t.receivedOn, t.createdAt)
      .where(sql`${t.voidedAt} is null`),
  ],
);

/** The last case number given per organ and year: the row is locked by the upsert that takes the next one. */
export const reconsiderationCounters = pgTable(
  'reconsideration_counters',
  {
    organUnitId: integer('organ_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organUnitId, t.year] })],
);

/** Suspensions (Art. 39): the decision clock stops on `from` and runs again on `to`. */
export const reconsiderationSuspensions = pgTable(
  'reconsideration_suspensions',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reconsiderationCases.id),
    ground: text('ground').$type<SuspensionGround>().notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [index('reconsideration_suspensions_case_idx').on(t.caseId)],
);

/** Hearings (Arts. 50–51): notice 5 working days ahead, a presiding officer, two or more members, a clerk. */
export const reconsiderationHearings = pgTable(
  'reconsideration_hearings',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reconsiderationCases.id),
    noticeOn: date('notice_on', { mode: 'string' }).notNull(),
    hearingOn: date('hearing_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    matters: text('matters').notNull(),
    presiding: text('presiding').notNull(),
    members: text('members').array().notNull(),
    clerk: text('clerk').notNull(),
    /** 听证笔录, once held */
    record: text('record'),
    heldOn: date('held_on', { mode: 'string' }),
  },
  (t) => [index('reconsideration_hearings_case_idx').on(t.caseId)],
);

/** What happened to a case, in order: the timeline the officer and (by stage) the applicant see. */
export const reconsiderationEvents = pgTable(
  'reconsideration_events',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reconsiderationCases.id),
    kind: text('kind').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    byUser: uuid('by_user').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reconsideration_events_case_idx').on(t.caseId, t.id)],
);

/** An organ's settings: the case-number prefix and which decision types count as 纠错. */
export const reconsiderationSettings = pgTable('reconsideration_settings', {
  organUnitId: integer('organ_unit_id')
    .primaryKey()
    .references(() => orgUnits.id),
  numberPrefix: text('number_prefix').notNull(),
  correctiveTypes: text('corrective_types').array().$type<DecisionType[]>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
