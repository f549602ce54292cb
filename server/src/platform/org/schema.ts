import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Administrative divisions (GB/T 2260 and statistical codes), a tree by materialised path of codes. */
export const divisions = pgTable(
  'divisions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** 1 province, 2 city, 3 county, 4 township */
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    /** '/540000/540600/540626/' */
    path: text('path').notNull(),
  },
  (t) => [index('divisions_path_idx').on(t.path.op('text_pattern_ops'))],
);

export const unitKinds = [
  'government',
  'lawOffice',
  'department',
  'township',
  'court',
  'procuratorate',
  'lawFirm',
  'mediationCommittee',
  'other',
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Organisation units in one tree; every business row names its owning unit, scoping joins on `path`. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').$type<UnitKind>().notNull(),
    divisionCode: text('division_code')
      .notNull()
      .references(() => divisions.code),
    parentId: integer('parent_id'),
    /** '/1/4/17/': ids from the root down, this unit last. */
    path: text('path').notNull(),
    /** 统一社会信用代码, where the unit has one */
    creditCode: text('credit_code'),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    voidedReason: text('voided_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_units_path_uq').on(t.path),
    index('org_units_path_pattern_idx').on(t.path.op('text_pattern_ops')),
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_division_idx').on(t.divisionCode),
    uniqueIndex('org_units_parent_name_uq')
      .on(t.parentId, t.name)
      .where(sql`active`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** SM4-encrypted mobile number; see platform/privacy */
    phoneEnc: text('phone_enc'),
    /** work address for notification mail; none means in-app notifications only */
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    locale: text('locale').notNull().default('zh-CN'),
    active: boolean('active').notNull().default(true),
    voidedReason: text('voided_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_unit_idx').on(t.unitId),
    // Name search (ilike '%…%') on 100k users is a sequential scan without trigram indexes (bench/).
    index('users_username_trgm_idx').using('gin', t.username.op('gin_trgm_ops')),
    index('users_display_name_trgm_idx').using('gin', t.displayName.op('gin_trgm_ops')),
  ],
);
