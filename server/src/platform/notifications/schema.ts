import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from '../org/schema.js';

/** One message to one user (站内消息), written in the transaction of the change it tells about. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** the recipient's unit when it was sent: every row names its owning unit */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** e.g. planning.task.created */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** a web path, e.g. /planning/tasks?id=… */
    link: text('link'),
    entity: text('entity'),
    entityId: text('entity_id'),
    /** sent at most once per (kind, entity, user): reminders a job may try again every hour */
    once: boolean('once').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_read_created_idx').on(t.userId, t.readAt, t.createdAt),
    uniqueIndex('notifications_once_uq')
      .on(t.kind, t.entityId, t.userId)
      .where(sql`once`),
    // the mail job's scan: unread, not yet mailed
    index('notifications_unmailed_idx')
      .on(t.createdAt)
      .where(sql`emailed_at is null and read_at is null`),
  ],
);
