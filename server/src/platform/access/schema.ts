import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from '../org/schema.js';

/** Roles are bundles of permission codes, edited by the security administrator (三员分立). */
export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  permissions: text('permissions').array().notNull(),
  /** Default codes the platform already applied, so a removed permission is not re-added at the next start. */
  defaultsApplied: text('defaults_applied').array().notNull(),
  builtin: boolean('builtin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A user holds a role over a scope: one unit, or that unit's whole subtree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    subtree: boolean('subtree').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_grants_user_idx').on(t.userId)],
);
