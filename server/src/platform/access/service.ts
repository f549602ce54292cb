import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { inScope } from './actor.js';
import { DomainError, badInput, notFound } from '../http/errors.js';
import type { PermissionDef } from '../manifest.js';
import { orgUnits, users } from '../org/schema.js';
import { builtinRoles, type BuiltinRole } from './roles.js';
import { roleGrants, roles } from './schema.js';

export const P = { roleManage: 'access.role.manage', grantManage: 'access.grant.manage' } as const;

/**
 * Creates missing built-in roles and gives them the permissions the manifests assign by default,
 * once: a permission the security administrator removed later is not put back.
 */
export async function syncBuiltinRoles(db: Db, permissions: ReadonlyMap<string, PermissionDef>) {
  const existing = new Map((await db.select().from(roles)).map((r) => [r.code, r]));
  for (const [code, def] of Object.entries(builtinRoles) as [
    BuiltinRole,
    (typeof builtinRoles)[BuiltinRole],
  ][]) {
    const defaults = [...permissions.values()].filter((p) => p.roles.includes(code)).map((p) => p.code);
    const r = existing.get(code);
    if (!r) {
      await db.insert(roles).values({
        code,
        name: def.name,
        description: def.description,
        permissions: defaults,
        defaultsApplied: defaults,
        builtin: true,
      });
      continue;
    }
    const fresh = defaults.filter((p) => !r.defaultsApplied.includes(p));
    if (fresh.length)
      await db
        .update(roles)
        .set({
          permissions: [...new Set([...r.permissions, ...fresh])],
          defaultsApplied: [...r.defaultsApplied, ...fresh],
        })
        .where(eq(roles.code, code));
  }
}

export class AccessService {
  constructor(
    private readonly db: Db,
    private readonly permissions: ReadonlyMap<string, PermissionDef>,
    private readonly onChange: (userId?: string) => void,
  ) {}

  listRoles() {
    return this.db.select().from(roles).orderBy(asc(roles.code));
  }

  listPermissions() {
    return [...this.permissions.values()].map(({ code, label }) => ({ code, label }));
  }

  private checkCodes(codes: string[]) {
    const unknown = codes.filter((c) => !this.permissions.has(c));
    if (unknown.length) throw badInput('permissions', `未知的权限代码：${unknown.join('、')}`);
    // 三员分立: the audit permission never sits in a role with administrative permissions.
    if (codes.includes('audit.read') && codes.some((c) => c.endsWith('.manage')))
      throw new DomainError(409, 'SEPARATION_OF_DUTIES', '三员分立：审计权限不能与管理权限授予同一角色');
  }

  async saveRole(
    ctx: RequestContext,
    code: string,
    input: { name: string; description?: string; permissions: string[] },
  ) {
    this.checkCodes(input.permissions);
    return inTx(this.db, ctx, async (t) => {
      const [before] = await t.db.select().from(roles).where(eq(roles.code, code));
      const values = {
        name: input.name,
        description: input.description ?? '',
        permissions: input.permissions,
      };
      const [after] = before
        ? await t.db.update(roles).set(values).where(eq(roles.code, code)).returning()
        : await t.db
            .insert(roles)
            .values({ code, ...values, defaultsApplied: [], builtin: false })
            .returning();
      t.audit({
        action: before ? 'access.role.update' : 'access.role.create',
        entity: 'access.role',
        entityId: code,
        diff: { permissions: [before?.permissions ?? null, after!.permissions] },
      });
      this.onChange();
      return after!;
    });
  }

  async listGrants(ctx: RequestContext, userId: string) {
    return this.db
      .select({
        id: roleGrants.id,
        roleCode: roleGrants.roleCode,
        unitId: roleGrants.unitId,
        unitName: orgUnits.name,
        subtree: roleGrants.subtree,
      })
      .from(roleGrants)
      .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.userId, userId), inScope(orgUnits.path, ctx.actor.scopes(P.grantManage))));
  }

  async grant(
    ctx: RequestContext,
    input: { userId: string; roleCode: string; unitId: number; subtree: boolean },
  ) {
    return inTx(this.db, ctx, async (t) => {
      if (ctx.actor.id === input.userId) throw new DomainError(409, 'SELF_GRANT', '不能给自己授权');
      const [unit] = await t.db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.id, input.unitId), inScope(orgUnits.path, ctx.actor.scopes(P.grantManage))));
      if (!unit) throw badInput('unitId', `单位 ${input.unitId} 不存在或不在您的授权范围内`);
      // The user must sit in the grantor's scope too: no reaching into another unit's accounts.
      const [user] = await t.db
        .select({ id: users.id })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
        .where(and(eq(users.id, input.userId), inScope(orgUnits.path, ctx.actor.scopes(P.grantManage))));
      if (!user) throw badInput('userId', `用户 ${input.userId} 不存在或不在您的授权范围内`);
      const [role] = await t.db.select().from(roles).where(eq(roles.code, input.roleCode));
      if (!role) throw badInput('roleCode', `角色 ${input.roleCode} 不存在`);
      const [row] = await t.db.insert(roleGrants).values(input).returning();
      t.audit({ action: 'access.grant', entity: 'access.grant', entityId: row!.id, diff: { ...input } });
      this.onChange(input.userId);
      return row!;
    });
  }

  async revoke(ctx: RequestContext, grantId: string) {
    return inTx(this.db, ctx, async (t) => {
      const [g] = await t.db
        .select({ g: roleGrants })
        .from(roleGrants)
        .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
        .where(and(eq(roleGrants.id, grantId), inScope(orgUnits.path, ctx.actor.scopes(P.grantManage))));
      if (!g) throw notFound('授权', grantId);
      await t.db.delete(roleGrants).where(eq(roleGrants.id, grantId));
      t.audit({ action: 'access.revoke', entity: 'access.grant', entityId: grantId, diff: { ...g.g } });
      this.onChange(g.g.userId);
      return { ok: true as const };
    });
  }
}
