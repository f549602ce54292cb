import { sql } from 'drizzle-orm';
import {
  bigint,
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
  AgreementForm,
  Appointment,
  CommitteeRole,
  Employment,
  Exclusion,
  FilePart,
  Gender,
  Grade,
  Language,
  MediationKind,
  PartyKind,
  PartyRole,
  Performance,
  QuestionChannel,
  Ruling,
  Source,
  Status,
  VisitHandling,
} from './kinds.js';

const voided = {
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  voidedReason: text('voided_reason'),
};
const created = {
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

/** The configurable list of dispute types (纠纷类型); the common ones are seeded at start. */
export const mediationDisputeTypes = pgTable('mediation_dispute_types', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/** Units that work as a 矛盾纠纷（多元）化解中心: their intake is what the centre figures count. */
export const mediationCentres = pgTable('mediation_centres', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => orgUnits.id),
  establishedOn: date('established_on', { mode: 'string' }).notNull(),
});

/** What the Art. 8 check needs to know of a committee beyond the org tree. */
export const mediationCommitteeProfiles = pgTable('mediation_committee_profiles', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => orgUnits.id),
  /** 多民族居住的地区 (人民调解法第八条第三款) */
  multiEthnic: boolean('multi_ethnic').notNull().default(false),
  /** the area's most numerous ethnic group; a member of any other counts as 人数较少民族 */
  majorityEthnicity: text('majority_ethnicity').notNull().default('藏族'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A people's mediator of one committee (委员 or engaged mediator, 人民调解法第十三条). */
export const mediators = pgTable(
  'mediators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    ethnicity: text('ethnicity').notNull(),
    employment: text('employment').$type<Employment>().notNull(),
    appointment: text('appointment').$type<Appointment>().notNull(),
    appointedOn: date('appointed_on', { mode: 'string' }).notNull(),
    committeeRole: text('committee_role').$type<CommitteeRole>(),
    /** SM4 (platform.fieldCrypto) */
    phoneEnc: text('phone_enc'),
    ...voided,
    ...created,
  },
  (t) => [index('mediators_unit_idx').on(t.unitId)],
);

/**
 * A training a mediator attended: the activity ledger's event when it is there (the ledger counts
 * sessions and attendance), or a date and title for one held elsewhere (by the city, online).
 */
export const mediatorTrainings = pgTable(
  'mediator_trainings',
  {
    id: serial('id').primaryKey(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    activityId: uuid('activity_id'),
    trainedOn: date('trained_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    ...created,
  },
  (t) => [
    uniqueIndex('mediator_trainings_activity_uq')
      .on(t.mediatorId, t.activityId)
      .where(sql`activity_id is not null`),
  ],
);

/** 来访登记 at a centre or committee. */
export const mediationVisits = pgTable(
  'mediation_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    visitorName: text('visitor_name').notNull(),
    phoneEnc: text('phone_enc'),
    /** people who came together about this matter (接待来访群众 counts people) */
    persons: integer('persons').notNull().default(1),
    divisionCode: text('division_code').references(() => divisions.code),
    disputeTypeCode: text('dispute_type_code').references(() => mediationDisputeTypes.code),
    matter: text('matter').notNull(),
    handling: text('handling').$type<VisitHandling>().notNull().default('pending'),
    handlingNote: text('handling_note'),
    caseId: uuid('case_id'),
    closedOn: date('closed_on', { mode: 'string' }),
    ...voided,
    ...created,
  },
  (t) => [index('mediation_visits_unit_date_idx').on(t.unitId, t.visitedOn)],
);

/** 在线答疑 and 法律咨询: a question the centre answers. */
export const mediationQuestions = pgTable(
  'mediation_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    channel: text('channel').$type<QuestionChannel>().notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    askerName: text('asker_name'),
    phoneEnc: text('phone_enc'),
    divisionCode: text('division_code').references(() => divisions.code),
    language: text('language').$type<Language>().notNull().default('zh'),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: uuid('answered_by').references(() => users.id),
    submissionId: text('submission_id'),
    ...voided,
    ...created,
  },
  (t) => [index('mediation_questions_unit_date_idx').on(t.unitId, t.receivedOn)],
);

/** A dispute case; owned by the committee that mediates it (the centre until it is routed). */
export const mediationCases = pgTable(
  'mediation_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** where it was received (the centre, or the committee itself); numbers are this unit's */
    receivedUnitId: integer('received_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    source: text('source').$type<Source>().notNull(),
    disputeTypeCode: text('dispute_type_code')
      .notNull()
      .references(() => mediationDisputeTypes.code),
    grade: text('grade').$type<Grade>().notNull(),
    /** the township (or county) where the dispute arose */
    divisionCode: text('division_code')
      .notNull()
      .references(() => divisions.code),
    summary: text('summary').notNull(),
    /** 涉案金额, fen */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    mediationKind: text('mediation_kind').$type<MediationKind>().notNull().default('people'),
    status: text('status').$type<Status>().notNull().default('received'),
    closedOn: date('closed_on', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    agreementForm: text('agreement_form').$type<AgreementForm>(),
    /** 纠纷的主要事实、争议事项以及各方当事人的责任 (人民调解法第二十九条第一款第二项) */
    agreementFacts: text('agreement_facts'),
    agreementTerms: text('agreement_terms').array(),
    /** the Tibetan text of the terms, for a bilingual agreement */
    agreementTermsBo: text('agreement_terms_bo').array(),
    performanceMethod: text('performance_method'),
    performanceDue: date('performance_due', { mode: 'string' }),
    /** the day the parties and the mediator signed and the committee sealed (第二十九条第二款) */
    agreementEffectiveOn: date('agreement_effective_on', { mode: 'string' }),
    performance: text('performance').$type<Performance>(),
    submissionId: text('submission_id'),
    ...voided,
    ...created,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mediation_cases_number_uq').on(t.receivedUnitId, t.year, t.seq),
    // the case list's order, whole-county, per committee and per status, read backwards for
    // `order by received_on desc, number desc` (bench:cases)
    index('mediation_cases_list_idx')
      .on(t.receivedOn, t.number)
      .where(sql`${t.voidedAt} is null`),
    index('mediation_cases_unit_idx')
      .on(t.unitId, t.receivedOn, t.number)
      .where(sql`${t.voidedAt} is null`),
    index('mediation_cases_status_idx')
      .on(t.status, t.receivedOn, t.number)
      .where(sql`${t.voidedAt} is null`),
  ],
);

/** The last case number allocated per receiving unit and year, bumped inside the intake transaction. */
export const mediationCounters = pgTable(
  'mediation_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

export const mediationCaseMediators = pgTable(
  'mediation_case_mediators',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    lead: boolean('lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.mediatorId] }), index('mcm_mediator_idx').on(t.mediatorId)],
);

/** A party; ID and phone numbers are SM4-encrypted and shown masked to those who may not see them. */
export const mediationParties = pgTable(
  'mediation_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id),
    role: text('role').$type<PartyRole>().notNull(),
    kind: text('kind').$type<PartyKind>().notNull(),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>(),
    ethnicity: text('ethnicity'),
    idNumberEnc: text('id_number_enc'),
    phoneEnc: text('phone_enc'),
    address: text('address'),
    /** 法定代表人 / 负责人 of an organisation */
    representative: text('representative'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('mediation_parties_case_idx').on(t.caseId)],
);

/** 调解记录: one session (人民调解法第二十七条). */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    record: text('record').notNull(),
    ...created,
  },
  (t) => [index('mediation_sessions_case_idx').on(t.caseId)],
);

/** 回访: the committee supervises performance (人民调解法第三十一条第二款). */
export const mediationFollowUps = pgTable(
  'mediation_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    performance: text('performance').$type<Performance>().notNull(),
    note: text('note').notNull(),
    ...created,
  },
  (t) => [index('mediation_follow_ups_case_idx').on(t.caseId)],
);

/** 司法确认: the joint application and the court's ruling (民事诉讼法第二百零五条、第二百零六条). */
export const mediationConfirmations = pgTable(
  'mediation_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    court: text('court').notNull(),
    /** the last day of the 30-day window, and how it was reached */
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    windowRule: jsonb('window_rule').notNull(),
    ruling: text('ruling').$type<Ruling>(),
    ruledOn: date('ruled_on', { mode: 'string' }),
    rulingNumber: text('ruling_number'),
    ...voided,
    ...created,
  },
  (t) => [
    uniqueIndex('mediation_confirmations_case_uq')
      .on(t.caseId)
      .where(sql`voided_at is null`),
  ],
);

/** Subsidy amounts, fen, by committee level and grade: {township: {simple: 20000, …}, …} */
export type SubsidyRates = Record<'county' | 'township' | 'village', Record<Grade, number>>;

/** 以案定补 案卷评定会: one round evaluates closed case files of a division. */
export const mediationEvaluationRounds = pgTable(
  'mediation_evaluation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the organiser (司法局) */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    divisionCode: text('division_code')
      .notNull()
      .references(() => divisions.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    rates: jsonb('rates').$type<SubsidyRates>().notNull(),
    /** 兑现: the day the money was paid out; the round is then closed */
    paidOn: date('paid_on', { mode: 'string' }),
    ...voided,
    ...created,
  },
  (t) => [index('mediation_rounds_division_idx').on(t.divisionCode, t.year)],
);

export const mediationCaseEvaluations = pgTable(
  'mediation_case_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => mediationEvaluationRounds.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => mediationCases.id),
    /** the parts found in the file */
    parts: text('parts').array().$type<FilePart[]>().notNull(),
    /** the difficulty as the evaluation found it */
    grade: text('grade').$type<Grade>().notNull(),
    exclusion: text('exclusion').$type<Exclusion>(),
    amountFen: integer('amount_fen').notNull(),
    /** 谁调解补谁: the lead mediator */
    mediatorId: uuid('mediator_id').references(() => mediators.id),
    comment: text('comment'),
    ...created,
  },
  (t) => [
    uniqueIndex('mediation_evaluations_case_uq').on(t.roundId, t.caseId),
    index('mediation_evaluations_case_idx').on(t.caseId),
  ],
);
