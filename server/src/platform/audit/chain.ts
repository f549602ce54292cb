import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { sm3 } from '../privacy/sm3.js';
import { auditEvents, auditHead } from './schema.js';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  diff?: Record<string, unknown> | null;
}

export interface AuditContext {
  actorId: string | null;
  actorName: string;
  ip?: string | null;
  requestId?: string | null;
}

/** JSON with object keys sorted at every depth: jsonb reorders keys, the hash must not care. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

interface ChainedFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  diff: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}

export function rowHash(prevHash: string, r: ChainedFields): string {
  return sm3(
    prevHash +
      canonical({
        id: r.id,
        at: r.at.getTime(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        diff: r.diff,
        ip: r.ip,
        requestId: r.requestId,
      }),
  );
}

/**
 * Appends entries to the chain inside the caller's transaction. The head row is locked first,
 * so concurrent writers append one after another and the chain never forks.
 */
export async function appendAudit(tx: Db, ctx: AuditContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(
    sql`insert into audit_head (id, last_id, last_hash) values (1, 0, ${GENESIS}) on conflict do nothing`,
  );
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  let prev = head!.lastHash;
  let id = head!.lastId;
  const at = new Date();
  const rows = entries.map((e) => {
    id += 1;
    const r: ChainedFields = {
      id,
      at,
      actorId: ctx.actorId,
      actorName: ctx.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      diff: e.diff ?? null,
      ip: ctx.ip ?? null,
      requestId: ctx.requestId ?? null,
    };
    const hash = rowHash(prev, r);
    const row = { ...r, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  await tx.insert(auditEvents).values(rows);
  await tx.update(auditHead).set({ lastId: id, lastHash: prev }).where(eq(auditHead.id, 1));
}

export type VerifyResult =
  { ok: true; rows: number; lastId: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Re-walks the whole chain in id order, in pages, and names the first row that does not fit. */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<VerifyResult> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  let prev = head?.purgedHash ?? GENESIS;
  let after = head?.purgedThrough ?? 0;
  let expectedId = after + 1;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, after))
      .orderBy(asc(auditEvents.id))
      .limit(pageSize);
    for (const r of page) {
      if (r.id !== expectedId)
        return {
          ok: false,
          rows,
          brokenAt: r.id,
          reason: `缺少第 ${expectedId} 条至第 ${r.id - 1} 条记录（已被删除）`,
        };
      if (r.prevHash !== prev)
        return { ok: false, rows, brokenAt: r.id, reason: '前序哈希不一致（前一条记录被篡改或删除）' };
      if (rowHash(prev, { ...r, diff: r.diff ?? null }) !== r.hash)
        return { ok: false, rows, brokenAt: r.id, reason: '记录内容与其哈希不一致（该记录被篡改）' };
      prev = r.hash;
      expectedId += 1;
      rows += 1;
      after = r.id;
    }
    if (page.length < pageSize) break;
  }
  const lastId = expectedId - 1;
  if (head && (head.lastId !== lastId || head.lastHash !== prev))
    return {
      ok: false,
      rows,
      brokenAt: lastId + 1,
      reason: `链尾记录缺失：链头指向第 ${head.lastId} 条，实际只到第 ${lastId} 条`,
    };
  return { ok: true, rows, lastId };
}

/**
 * Removes rows older than the retention period (网络安全法 Art. 21: logs kept ≥ 6 months) and moves
 * the chain's anchor past them, so verification still holds for what remains.
 */
export async function purgeAudit(tx: Db, olderThan: Date): Promise<number> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) return 0;
  const [last] = await tx
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .where(sql`${auditEvents.at} < ${olderThan} and ${auditEvents.id} > ${head.purgedThrough}`)
    .orderBy(sql`${auditEvents.id} desc`)
    .limit(1);
  if (!last) return 0;
  const removed = await tx.execute(sql`delete from audit_events where id <= ${last.id}`);
  await tx
    .update(auditHead)
    .set({ purgedThrough: last.id, purgedHash: last.hash })
    .where(eq(auditHead.id, 1));
  return Number(
    (removed as { rowCount?: number; affectedRows?: number }).rowCount ??
      (removed as { affectedRows?: number }).affectedRows ??
      0,
  );
}
