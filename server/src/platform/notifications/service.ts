import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { notFound } from '../http/errors.js';
import type { NotificationQuery, NotificationView } from './contract.js';
import { notifications } from './schema.js';

export interface Notice {
  /** every active user of these units who holds `permission` over their unit (all of them without one) */
  units?: readonly number[];
  /** these users, when active (and holding `permission`, if given) */
  userIds?: readonly string[];
  permission?: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  entity?: string | null;
  entityId?: string | null;
  /** at most once per (kind, entityId, user), however often it is sent again (reminder jobs) */
  once?: boolean;
}

/**
 * Writes a notice to its recipients inside the caller's transaction, so it exists exactly when the
 * change it tells about does. Recipients are resolved in the same statement, through `t.db` only.
 * The actor who made the change is not told about it. Returns how many rows were written.
 */
export async function notify(t: Tx, n: Notice): Promise<number> {
  const units = [...new Set(n.units ?? [])];
  const userIds = [...new Set(n.userIds ?? [])];
  if (!units.length && !userIds.length) return 0;
  const who: SQL[] = [];
  if (units.length)
    who.push(
      sql`u.unit_id in (${sql.join(
        units.map((id) => sql`${id}::int`),
        sql`, `,
      )})`,
    );
  if (userIds.length)
    who.push(
      sql`u.id in (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  // The permission must be held over the recipient's own unit: a grant on it, or on an ancestor with subtree.
  const holds = n.permission
    ? sql`and exists (select 1 from role_grants g join roles r on r.code = g.role_code
          join org_units gu on gu.id = g.unit_id
          where g.user_id = u.id and ${n.permission} = any(r.permissions)
            and (gu.path = ou.path or (g.subtree and ou.path like gu.path || '%')))`
    : sql``;
  const actor = t.ctx.actor.id;
  const rows = await query<{ id: string }>(
    t.db,
    sql`insert into notifications (user_id, unit_id, kind, title, body, link, entity, entity_id, once)
        select u.id, u.unit_id, ${n.kind}, ${n.title}, ${n.body}, ${n.link ?? null}, ${n.entity ?? null},
          ${n.entityId ?? null}, ${n.once ?? false}
        from users u join org_units ou on ou.id = u.unit_id
        where u.active and (${sql.join(who, sql` or `)}) ${holds}
          ${actor ? sql`and u.id <> ${actor}::uuid` : sql``}
        ${n.once ? sql`on conflict (kind, entity_id, user_id) where once do nothing` : sql``}
        returning id`,
  );
  return rows.length;
}

const view = (r: typeof notifications.$inferSelect): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  entity: r.entity,
  entityId: r.entityId,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

/** A user's own notifications: every query is keyed on the signed-in user, never on a unit scope. */
export class NotificationService {
  constructor(private readonly db: Db) {}

  private userOf(ctx: RequestContext): string {
    const id = ctx.actor.id;
    if (!id) throw new Error('notifications need a signed-in user');
    return id;
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const [r] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, this.userOf(ctx)), isNull(notifications.readAt)));
    return Number(r?.n ?? 0);
  }

  async list(ctx: RequestContext, f: NotificationQuery) {
    const mine = eq(notifications.userId, this.userOf(ctx));
    const where = f.unreadOnly === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
    const rows = await this.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
    const [c] = await this.db
      .select({
        total: sql<number>`count(*)::int`,
        unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int`,
      })
      .from(notifications)
      .where(mine);
    const total = f.unreadOnly === 'true' ? c!.unread : c!.total;
    return {
      items: rows.map(view),
      total: Number(total),
      unread: Number(c!.unread),
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  /** Marks one of the user's own notifications read; someone else's is not found (404), not forbidden. */
  async markRead(ctx: RequestContext, id: string): Promise<NotificationView> {
    const userId = this.userOf(ctx);
    return inTx(this.db, ctx, async (t) => {
      const [cur] = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .for('update');
      if (!cur) throw notFound('消息', id);
      if (cur.readAt) return view(cur);
      const [row] = await t.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(eq(notifications.id, id))
        .returning();
      t.audit({ action: 'notification.read', entity: 'notification', entityId: id });
      return view(row!);
    });
  }

  async markAllRead(ctx: RequestContext): Promise<number> {
    const userId = this.userOf(ctx);
    return inTx(this.db, ctx, async (t) => {
      const rows = await t.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      if (rows.length)
        t.audit({
          action: 'notification.readAll',
          entity: 'notification',
          entityId: null,
          diff: { marked: rows.length },
        });
      return rows.length;
    });
  }
}
