import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './tx.js';

/** A table whose rows are voided with a reason rather than deleted (DESIGN.md, data rules). */
export type VoidableTable = PgTable & {
  id: PgColumn;
  voidedAt: PgColumn;
  voidedReason: PgColumn;
  updatedAt?: PgColumn;
};

/**
 * Marks one row voided with its reason and audits it, in the caller's transaction. The caller has
 * already found the row in scope and refused a second void; this is only the write every module shares.
 */
export async function markVoided(
  t: Tx,
  table: VoidableTable,
  id: string,
  reason: string,
  audit: { action: string; entity: string },
): Promise<void> {
  const set = [
    sql`${sql.identifier(table.voidedAt.name)} = now()`,
    sql`${sql.identifier(table.voidedReason.name)} = ${reason}`,
  ];
  if (table.updatedAt) set.push(sql`${sql.identifier(table.updatedAt.name)} = now()`);
  await t.db.execute(sql`update ${table} set ${sql.join(set, sql`, `)} where ${table.id} = ${id}`);
  t.audit({ ...audit, entityId: id, diff: { voided: [false, true], reason } });
}
