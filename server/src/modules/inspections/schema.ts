import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { orgUnits, users } from '../../platform/org/schema.js';
import type { ActionKind, Method, RoundKind } from './kinds.js';

/** A 督察 round: a year's assessment, a special campaign, or a 回头看 of an earlier round. */
export const inspectionRounds = pgTable(
  'inspection_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the organising unit (usually the 依法治县办): whose round it is, and what scopes it */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').$type<RoundKind>().notNull(),
    /** a 回头看 names the round it follows up */
    followUpOfId: uuid('follow_up_of_id').references((): AnyPgColumn => inspectionRounds.id),
    /** the units to be inspected */
    targetUnitIds: integer('target_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    /** the methods planned for the round */
    methods: text('methods').array().$type<Method[]>().notNull(),
    note: text('note'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_rounds_unit_year_idx').on(t.unitId, t.year),
    check('inspection_rounds_follow_up_ck', sql`(${t.kind} = 'followUp') = (${t.followUpOfId} is not null)`),
  ],
);

/** One thing done in a round: a visit, a hearing, a ledger review… or a check of rectification. */
export const inspectionActions = pgTable(
  'inspection_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => inspectionRounds.id),
    /** the round's organising unit, copied so the row scopes on its own */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<ActionKind>().notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    method: text('method').$type<Method>().notNull(),
    participants: text('participants').notNull(),
    targetUnitId: integer('target_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** for a 整改落实督察: the feedback items whose rectification was checked */
    feedbackItemIds: uuid('feedback_item_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    notes: text('notes'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_actions_round_idx').on(t.roundId, t.date),
    index('inspection_actions_target_idx').on(t.targetUnitId),
    check(
      'inspection_actions_feedback_ck',
      sql`(${t.kind} = 'followUp') = (cardinality(${t.feedbackItemIds}) > 0)`,
    ),
  ],
);

/** One item of a higher level's feedback on a round (e.g. 自治区专项督察反馈 第一项). */
export const inspectionFeedbackItems = pgTable(
  'inspection_feedback_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => inspectionRounds.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** 第几项, from 1 within the round */
    seq: integer('seq').notNull(),
    /** who gave the feedback (自治区专项督察组…) */
    source: text('source').notNull(),
    reference: text('reference'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_feedback_items_round_seq_uq').on(t.roundId, t.seq)],
);

/** One aspect (方面) of a feedback item; each opens a finding for the unit that must rectify it. */
export const inspectionFeedbackAspects = pgTable(
  'inspection_feedback_aspects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inspectionFeedbackItems.id),
    seq: integer('seq').notNull(),
    description: text('description').notNull(),
    responsibleUnitId: integer('responsible_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** the finding opened for it in the findings module */
    findingId: uuid('finding_id').notNull(),
  },
  (t) => [uniqueIndex('inspection_feedback_aspects_item_seq_uq').on(t.itemId, t.seq)],
);
