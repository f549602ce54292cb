/**
 * Every table of the platform and its modules, for drizzle's typed queries and drizzle-kit.
 * This file is the only place outside a module that may import the module's schema.ts.
 */
export * from '../platform/org/schema.js';
export * from '../platform/access/schema.js';
export * from '../platform/auth/schema.js';
export * from '../platform/audit/schema.js';
export * from '../platform/files/schema.js';
export * from '../platform/calendar/schema.js';
export * from '../platform/notifications/schema.js';
export * from '../platform/intake/schema.js';
export * from '../modules/activities/schema.js';
export * from '../modules/planning/schema.js';
export * from '../modules/findings/schema.js';
export * from '../modules/inspections/schema.js';
export * from '../modules/accountability/schema.js';
export * from '../modules/assessment/schema.js';
export * from '../modules/reconsideration/schema.js';
export * from '../modules/mediation/schema.js';
export * from '../modules/reports/schema.js';
