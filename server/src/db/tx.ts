import type { Actor } from '../platform/access/actor.js';
import { appendAudit, type AuditEntry } from '../platform/audit/chain.js';
import type { Db } from './database.js';

/** Who asks, from where: carried from the request into every audited write. */
export interface RequestContext {
  actor: Actor;
  ip?: string | null;
  requestId?: string | null;
}

export interface Tx {
  db: Db;
  ctx: RequestContext;
  /** Queue an audit row; all queued rows are chained and written before the transaction commits. */
  audit(entry: AuditEntry): void;
}

/**
 * A write is one transaction, audited by construction: the audit rows go in with the change,
 * or neither does.
 */
export async function inTx<T>(db: Db, ctx: RequestContext, fn: (t: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const result = await fn({ db: tx as unknown as Db, ctx, audit: (e) => entries.push(e) });
    await appendAudit(tx as unknown as Db, auditContextOf(ctx), entries);
    return result;
  });
}

export function auditContextOf(ctx: RequestContext) {
  return {
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
  };
}
