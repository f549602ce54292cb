import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org/schema.js';

/**
 * Everything a citizen sends from the portal, as received, stored before any module sees it. The
 * payload holds ID and phone numbers, so it is kept SM4-encrypted (the JSON text as received); the
 * second factor only as a salted SM3 hash; the sender's address only as a hash.
 */
export const intakeSubmissions = pgTable(
  'intake_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** the receiving unit: scopes the officers' list and the attachments */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** SM4(JSON text of the payload as received) */
    payload: text('payload').notNull(),
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    /** 10 characters of the unambiguous alphabet, stored without the dash */
    lookupCode: text('lookup_code').notNull(),
    factorSalt: text('factor_salt').notNull(),
    /** SM3(salt ‖ ':' ‖ normalised second factor) */
    factorHash: text('factor_hash').notNull(),
    clientIpHash: text('client_ip_hash'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    recordId: text('record_id'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('intake_submissions_code_idx').on(t.lookupCode),
    // the retry job and the officers' list read only what is still pending
    index('intake_submissions_pending_idx')
      .on(t.receivedAt)
      .where(sql`processed_at is null`),
  ],
);

/** Proof-of-work challenges already used, kept until they would have expired anyway. */
export const intakeSpentChallenges = pgTable(
  'intake_spent_challenges',
  {
    nonce: text('nonce').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('intake_spent_challenges_expires_idx').on(t.expiresAt)],
);
