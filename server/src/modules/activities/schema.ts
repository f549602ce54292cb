import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from '../../platform/org/schema.js';
import type { ActivityKind, Language, MaterialKind } from './kinds.js';

/** The activity ledger (台账): one row per law-study session, training or publicity event. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the owning unit: whose ledger the record is in, and what scopes it */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<ActivityKind>().notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    /** 主办单位; the owning unit unless another organised it */
    organiserUnitId: integer('organiser_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    language: text('language').$type<Language>().notNull(),
    /** 人次: participants of a law study, audience of a publicity event */
    participants: integer('participants'),
    /** training sessions (期/场次) */
    sessions: integer('sessions'),
    /** countable output of a non-event publicity kind (横幅 条, 视频 次…) */
    quantity: integer('quantity'),
    /** laws studied or publicised, normalised names (行政复议法, 民法典…) */
    laws: text('laws')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** evidence photos, ids in the files service */
    photoFileIds: uuid('photo_file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    note: text('note'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedReason: text('voided_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_date_idx').on(t.date),
    index('activities_unit_date_idx').on(t.unitId, t.date),
    index('activities_kind_date_idx').on(t.kind, t.date),
    check('activities_participants_ck', sql`${t.participants} is null or ${t.participants} >= 0`),
    check('activities_sessions_ck', sql`${t.sessions} is null or ${t.sessions} >= 1`),
    check('activities_quantity_ck', sql`${t.quantity} is null or ${t.quantity} >= 1`),
  ],
);

/** Who attended a training: 人次 per unit, so coverage (distinct units) can be counted. */
export const activityAttendance = pgTable(
  'activity_attendance',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.unitId] }),
    index('activity_attendance_unit_idx').on(t.unitId),
    check('activity_attendance_count_ck', sql`${t.count} >= 1`),
  ],
);

/** Materials handed out at an activity, by kind. */
export const activityMaterials = pgTable(
  'activity_materials',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    materialKind: text('material_kind').$type<MaterialKind>().notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.materialKind] }),
    check('activity_materials_quantity_ck', sql`${t.quantity} >= 1`),
  ],
);
