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
} from 'drizzle-orm/pg-core';
import { orgUnits, users } from '../../platform/org/schema.js';
import type { EventKind, FindingState, Severity } from './states.js';

/** A problem found by any module (督察, 评查, 考核…), owned by the unit that must rectify it. */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the unit that must rectify: whose list the finding is on, and what scopes it */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** where it came from: the module, its record kind and id (e.g. inspections / feedbackAspect / uuid) */
    sourceModule: text('source_module').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    severity: text('severity').$type<Severity>().notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    /** 整改时限: overdue from the next day if not closed */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** 整改措施, written by the owning unit */
    measures: text('measures'),
    evidenceFileIds: uuid('evidence_file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('findings_unit_idx').on(t.unitId),
    index('findings_found_idx').on(t.foundOn),
    index('findings_source_idx').on(t.sourceModule, t.sourceKind, t.sourceId),
    check('findings_due_ck', sql`${t.dueOn} >= ${t.foundOn}`),
  ],
);

/** The history of a finding; its current state is the state left by its latest event. */
export const findingEvents = pgTable(
  'finding_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id),
    /** order within the finding, from 1 */
    seq: integer('seq').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    state: text('state').$type<FindingState>().notNull(),
    /** the legal date of the step (销号 date for a closure) */
    on: date('on', { mode: 'string' }).notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('finding_events_finding_seq_uq').on(t.findingId, t.seq),
    index('finding_events_state_on_idx').on(t.state, t.on),
  ],
);
