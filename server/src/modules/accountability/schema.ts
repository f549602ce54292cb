import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { divisions, orgUnits, users } from '../../platform/org/schema.js';
import type { PostType, Rating, ReportFormat } from './kinds.js';

/** A year's 述法 campaign of one division, organised by its law office. */
export const lawDutyCampaigns = pgTable(
  'law_duty_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the organising unit (依法治县办) */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    divisionCode: text('division_code')
      .notNull()
      .references(() => divisions.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    format: text('format').$type<ReportFormat>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    note: text('note'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('law_duty_campaigns_division_year_uq')
      .on(t.divisionCode, t.year)
      .where(sql`voided_at is null`),
  ],
);

/** One person who must report in a campaign (应述): a post in a unit. */
export const lawDutyReporters = pgTable(
  'law_duty_reporters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => lawDutyCampaigns.id),
    /** the reporter's unit: owns the row and scopes it */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    personName: text('person_name').notNull(),
    /** the post as titled locally (局长、党组书记、镇长…) */
    post: text('post').notNull(),
    postType: text('post_type').$type<PostType>().notNull(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('law_duty_reporters_post_uq')
      .on(t.campaignId, t.unitId, t.postType)
      .where(sql`voided_at is null`),
    index('law_duty_reporters_unit_idx').on(t.unitId),
  ],
);

/** A submitted 述法 report and its 评议; a returned report is voided and the reporter submits again. */
export const lawDutyReports = pgTable(
  'law_duty_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => lawDutyReporters.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => lawDutyCampaigns.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    format: text('format').$type<ReportFormat>().notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    /** 履职情况 */
    performance: text('performance').notNull(),
    /** 存在问题 */
    problems: text('problems').notNull(),
    /** 下一步打算 */
    plans: text('plans').notNull(),
    /** the signed report (files service, owner 'accountability.report' = the reporter) */
    documentFileId: uuid('document_file_id'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    rating: text('rating').$type<Rating>(),
    reviewComment: text('review_comment'),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('law_duty_reports_reporter_uq')
      .on(t.reporterId)
      .where(sql`voided_at is null`),
    index('law_duty_reports_unit_date_idx').on(t.unitId, t.submittedOn),
    index('law_duty_reports_campaign_idx').on(t.campaignId),
  ],
);

/** A division's 第一责任人职责清单 for one post type (replaced as a whole; the audit keeps the old one). */
export const lawDutyLists = pgTable(
  'law_duty_lists',
  {
    id: serial('id').primaryKey(),
    divisionCode: text('division_code')
      .notNull()
      .references(() => divisions.code),
    /** the unit that set it (依法治县办) */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    postType: text('post_type').$type<PostType>().notNull(),
    items: text('items').array().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('law_duty_lists_division_post_uq').on(t.divisionCode, t.postType)],
);
