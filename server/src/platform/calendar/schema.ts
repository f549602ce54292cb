import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { divisions, users } from '../org/schema.js';

/**
 * Exceptions to the Monday–Friday week: national holidays and 调休 workdays (division_code null),
 * and regional ones a division announces (藏历新年 in 那曲市, say), which apply to its whole subtree.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    id: serial('id').primaryKey(),
    divisionCode: text('division_code').references(() => divisions.code),
    day: date('day', { mode: 'string' }).notNull(),
    /** rest: a day off on what would be a workday; work: a 调休 workday on a weekend */
    kind: text('kind').$type<'rest' | 'work'>().notNull(),
    name: text('name').notNull(),
    /** the notice it comes from, e.g. 国办发明电〔2024〕12号 */
    source: text('source').notNull(),
    /** true where the dates are not from an official notice of that division */
    assumption: boolean('assumption').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calendar_days_division_day_uq').on(sql`coalesce(${t.divisionCode}, '')`, t.day),
    index('calendar_days_day_idx').on(t.day),
  ],
);

/** The years for which a division's calendar is known; a deadline in any other year is refused. */
export const calendarYears = pgTable(
  'calendar_years',
  {
    id: serial('id').primaryKey(),
    divisionCode: text('division_code').references(() => divisions.code),
    year: integer('year').notNull(),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('calendar_years_division_year_uq').on(sql`coalesce(${t.divisionCode}, '')`, t.year)],
);
