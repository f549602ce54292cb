import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from '../org/schema.js';

/**
 * Attachment metadata. The bytes live under DATA_DIR/files by SM3 digest (content-addressed), so the
 * same document attached twice is stored once. A file always belongs to a record of some entity;
 * downloading it asks that entity's owner for permission.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sm3: text('sm3').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    name: text('name').notNull(),
    ownerEntity: text('owner_entity').notNull(),
    ownerId: text('owner_id').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    voidedReason: text('voided_reason'),
  },
  (t) => [index('files_owner_idx').on(t.ownerEntity, t.ownerId), index('files_sm3_idx').on(t.sm3)],
);
