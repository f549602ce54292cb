import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OfficialDocument } from '../../platform/documents/types.js';
import { divisions, orgUnits, users } from '../../platform/org/schema.js';
import type { Outline } from './contract.js';
import type { ReportState, SecrecyResult, SignoffDecision, SubjectKind } from './kinds.js';

/**
 * One annual report (法治政府建设年度报告) of a division or of one unit for a year. The outline is the
 * working copy; every rendering is kept in report_versions, never changed afterwards.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    divisionCode: text('division_code')
      .notNull()
      .references(() => divisions.code),
    /** the department or township a unit report covers */
    subjectUnitId: integer('subject_unit_id').references(() => orgUnits.id),
    /** the owning unit, which scopes the row: the division's government, or the subject unit */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    state: text('state').$type<ReportState>().notNull().default('draft'),
    outline: jsonb('outline').$type<Outline>().notNull(),
    commentRound: integer('comment_round').notNull().default(0),
    commentDueOn: date('comment_due_on', { mode: 'string' }),
    publishedVersionId: uuid('published_version_id'),
    publishedOn: date('published_on', { mode: 'string' }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_reports_division_year_uq')
      .on(t.divisionCode, t.year)
      .where(sql`voided_at is null and subject_kind = 'division'`),
    uniqueIndex('annual_reports_unit_year_uq')
      .on(t.subjectUnitId, t.year)
      .where(sql`voided_at is null and subject_kind = 'unit'`),
    index('annual_reports_unit_idx').on(t.unitId),
    index('annual_reports_published_idx')
      .on(t.publishedOn)
      .where(sql`published_version_id is not null`),
  ],
);

/**
 * A rendering of a report, immutable: the outline it came from, the figure values it used and the
 * document it produced. The published version is the one the portal serves, for good.
 */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id),
    seq: integer('seq').notNull(),
    /** draft (saved or re-rendered), signed, published */
    kind: text('kind').notNull(),
    outline: jsonb('outline').$type<Outline>().notNull(),
    figureValues: jsonb('figure_values').$type<Record<string, number | null>>().notNull(),
    document: jsonb('document').$type<OfficialDocument>().notNull(),
    unowned: jsonb('unowned').$type<string[]>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_versions_seq_uq').on(t.reportId, t.seq)],
);

/** 征求意见: a comment in a round, on a version and optionally one section. */
export const reportComments = pgTable(
  'report_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id),
    round: integer('round').notNull(),
    versionSeq: integer('version_seq').notNull(),
    sectionId: text('section_id'),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_comments_report_idx').on(t.reportId, t.round)],
);

/** A leader's 签批 of a version. */
export const reportSignoffs = pgTable(
  'report_signoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id),
    versionSeq: integer('version_seq').notNull(),
    userId: uuid('user_id').references(() => users.id),
    userName: text('user_name').notNull(),
    decision: text('decision').$type<SignoffDecision>().notNull(),
    comment: text('comment'),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_signoffs_report_idx').on(t.reportId)],
);

/** 保密审查 before publication: who reviewed which version, and the result. */
export const reportSecrecyReviews = pgTable(
  'report_secrecy_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id),
    versionSeq: integer('version_seq').notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewerName: text('reviewer_name').notNull(),
    result: text('result').$type<SecrecyResult>().notNull(),
    note: text('note').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_secrecy_reviews_report_idx').on(t.reportId)],
);
