import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inTx } from '../../db/tx.js';
import { Actor } from '../access/actor.js';
import { defineModule, type App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { purgeAudit, verifyAudit } from './chain.js';
import { auditEvents } from './schema.js';

const P = { read: 'audit.read' } as const;
const tags = ['audit'];

const AuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  diff: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const AuditQuery = z.object({
  actor: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: date.optional(),
  to: date.optional(),
  /** keyset pagination: rows with id below this */
  before: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

function routes(app: App, platform: Platform) {
  const { db } = platform;
  app.get(
    '/api/audit/events',
    {
      schema: {
        tags,
        summary: '审计日志（按操作人、对象、时间筛选）',
        querystring: AuditQuery,
        response: { 200: z.object({ items: z.array(AuditRow), next: z.number().int().nullable() }) },
      },
      config: { permission: P.read },
    },
    async (req) => {
      const q = req.query;
      const where: SQL[] = [];
      if (q.actor) where.push(eq(auditEvents.actorName, q.actor));
      if (q.entity) where.push(eq(auditEvents.entity, q.entity));
      if (q.action) where.push(sql`${auditEvents.action} like ${`${q.action}%`}`);
      if (q.from) where.push(gte(auditEvents.at, sql`${q.from}::date`));
      if (q.to) where.push(lt(auditEvents.at, sql`(${q.to}::date + 1)`));
      if (q.before) where.push(lt(auditEvents.id, q.before));
      const rows = await db
        .select()
        .from(auditEvents)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(q.pageSize + 1);
      const more = rows.length > q.pageSize;
      const items = rows.slice(0, q.pageSize).map((r) => ({ ...r, at: r.at.toISOString() }));
      return { items, next: more ? items[items.length - 1]!.id : null };
    },
  );
  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: '校验审计链',
        response: {
          200: z.object({
            ok: z.boolean(),
            rows: z.number().int(),
            brokenAt: z.number().int().optional(),
            reason: z.string().optional(),
            lastId: z.number().int().optional(),
          }),
        },
      },
      config: { permission: P.read },
    },
    () => verifyAudit(db),
  );
}

export default defineModule({
  name: 'audit',
  label: '审计',
  permissions: [{ code: P.read, label: '查看审计日志', roles: ['auditor'] }],
  routes,
  nav: [{ path: '/admin/audit', key: 'nav.audit', label: '审计日志', permission: P.read, group: 'admin' }],
  jobs: [
    {
      name: 'audit.retention',
      everyMinutes: 24 * 60,
      async run(platform) {
        const cutoff = new Date(Date.now() - platform.config.auditRetentionDays * 86_400_000);
        await inTx(platform.db, { actor: Actor.system }, async (t) => {
          const removed = await purgeAudit(t.db, cutoff);
          if (removed)
            t.audit({
              action: 'audit.purge',
              entity: 'audit',
              diff: { removed, before: cutoff.toISOString() },
            });
        });
      },
    },
  ],
});
