import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { divisions, orgUnits, users } from '../../platform/org/schema.js';
import type { Method } from './kinds.js';

const points = (name: string) => numeric(name, { precision: 6, scale: 1, mode: 'number' });

/** An indicator system (考核指标体系) of one year, set by a division's law office. */
export const assessmentSystems = pgTable('assessment_systems', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnits.id),
  divisionCode: text('division_code')
    .notNull()
    .references(() => divisions.code),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One indicator; a parent's points are the sum of its children's, only leaves are scored. */
export const assessmentIndicators = pgTable(
  'assessment_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => assessmentSystems.id),
    code: text('code').notNull(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    points: points('points').notNull(),
    scoringNotes: text('scoring_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_indicators_code_uq').on(t.systemId, t.code),
    check('assessment_indicators_points_ck', sql`${t.points} > 0`),
  ],
);

/** A round (年度考核) of assessed units against one system. */
export const assessmentRounds = pgTable('assessment_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** the organising unit (依法治县办) */
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnits.id),
  divisionCode: text('division_code')
    .notNull()
    .references(() => divisions.code),
  systemId: uuid('system_id')
    .notNull()
    .references(() => assessmentSystems.id),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  publishedOn: date('published_on', { mode: 'string' }),
  publishedBy: uuid('published_by').references(() => users.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An assessed unit of a round; its self-evaluation evidence is attached here (file owner). */
export const assessmentRoundUnits = pgTable(
  'assessment_round_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    selfSubmittedAt: timestamp('self_submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('assessment_round_units_uq').on(t.roundId, t.unitId),
    index('assessment_round_units_unit_idx').on(t.unitId),
  ],
);

/** Per assessed unit and leaf indicator: the self-evaluation and the team's score. */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundUnitId: uuid('round_unit_id')
      .notNull()
      .references(() => assessmentRoundUnits.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => assessmentIndicators.id),
    /** the assessed unit, for scoping */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    selfScore: points('self_score'),
    selfNote: text('self_note'),
    evidenceFileIds: uuid('evidence_file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    selfEvaluatedAt: timestamp('self_evaluated_at', { withTimezone: true }),
    score: points('score'),
    method: text('method').$type<Method>(),
    deductionReason: text('deduction_reason'),
    scoredOn: date('scored_on', { mode: 'string' }),
    scoredBy: uuid('scored_by').references(() => users.id),
    /** the finding a deduction opened (findings module) */
    findingId: uuid('finding_id'),
  },
  (t) => [
    uniqueIndex('assessment_scores_uq').on(t.roundUnitId, t.indicatorId),
    index('assessment_scores_unit_idx').on(t.unitId),
    check('assessment_scores_score_ck', sql`${t.score} is null or ${t.score} >= 0`),
    check('assessment_scores_self_ck', sql`${t.selfScore} is null or ${t.selfScore} >= 0`),
  ],
);
