import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The audit trail: one row per write (and per read of personal data), chained by SM3. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    diff: jsonb('diff').$type<Record<string, unknown>>(),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_at_idx').on(t.actorId, t.at),
    index('audit_events_entity_at_idx').on(t.entity, t.at),
  ],
);

/**
 * The head of the chain, updated in the same transaction as each append. Locking this single row
 * serialises appends, and it lets verify notice a deleted tail (the last rows removed).
 */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  /** Rows up to this id were removed by the retention job; verification starts after them. */
  purgedThrough: bigint('purged_through', { mode: 'number' }).notNull().default(0),
  purgedHash: text('purged_hash').notNull().default('0'.repeat(64)),
});
