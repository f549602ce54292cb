import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor } from '../access/actor.js';
import { roleGrants } from '../access/schema.js';
import { diffOf, snapshotOf } from '../audit/diff.js';
import { hashPassword, generateInitialPassword } from '../auth/password.js';
import { sessions } from '../auth/schema.js';
import { DomainError, badInput, notFound } from '../http/errors.js';
import { maskPhone } from '../privacy/mask.js';
import type { FieldCrypto } from '../privacy/field-crypto.js';
import type { CreateUnit, CreateUser, Unit, UpdateUnit, UpdateUser, UserView } from './contract.js';
import { divisions, orgUnits, users } from './schema.js';

export const P = {
  unitRead: 'org.unit.read',
  unitManage: 'org.unit.manage',
  userRead: 'org.user.read',
  userManage: 'org.user.manage',
  userPersonal: 'org.user.personal',
} as const;

const unitColumns = {
  id: orgUnits.id,
  name: orgUnits.name,
  shortName: orgUnits.shortName,
  kind: orgUnits.kind,
  divisionCode: orgUnits.divisionCode,
  divisionName: divisions.name,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
  creditCode: orgUnits.creditCode,
  sort: orgUnits.sort,
  active: orgUnits.active,
  voidedReason: orgUnits.voidedReason,
};

export class OrgService {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly onAccessChange: (userId?: string) => void,
  ) {}

  listDivisions() {
    return this.db.select().from(divisions).orderBy(asc(divisions.path));
  }

  async listUnits(
    actor: Actor,
    f: { q?: string; kind?: string; parentId?: number; divisionCode?: string; includeInactive?: boolean },
  ): Promise<Unit[]> {
    const where: SQL[] = [inScope(orgUnits.path, actor.scopes(P.unitRead))];
    if (!f.includeInactive) where.push(eq(orgUnits.active, true));
    if (f.q) where.push(ilike(orgUnits.name, `%${f.q}%`));
    if (f.kind) where.push(eq(orgUnits.kind, f.kind as Unit['kind']));
    if (f.parentId) where.push(eq(orgUnits.parentId, f.parentId));
    if (f.divisionCode) where.push(eq(orgUnits.divisionCode, f.divisionCode));
    return this.db
      .select(unitColumns)
      .from(orgUnits)
      .innerJoin(divisions, eq(divisions.code, orgUnits.divisionCode))
      .where(and(...where))
      .orderBy(asc(orgUnits.path), asc(orgUnits.sort));
  }

  async getUnit(db: Db, actor: Actor, id: number, permission: string = P.unitRead): Promise<Unit> {
    const [u] = await db
      .select(unitColumns)
      .from(orgUnits)
      .innerJoin(divisions, eq(divisions.code, orgUnits.divisionCode))
      .where(and(eq(orgUnits.id, id), inScope(orgUnits.path, actor.scopes(permission))));
    if (!u) throw notFound('单位', id);
    return u;
  }

  private async checkDivisionUnder(db: Db, parentDivision: string, code: string) {
    const [d] = await db.select().from(divisions).where(eq(divisions.code, code));
    const [p] = await db.select().from(divisions).where(eq(divisions.code, parentDivision));
    if (!d) throw badInput('divisionCode', `行政区划代码 ${code} 不存在`);
    if (!p || !d.path.startsWith(p.path))
      throw badInput(
        'divisionCode',
        `行政区划 ${d.name} 不在上级单位所在区划（${p?.name ?? parentDivision}）之内`,
      );
  }

  async createUnit(ctx: RequestContext, input: CreateUnit): Promise<Unit> {
    return inTx(this.db, ctx, (t) => this.createUnitIn(t, input));
  }

  /** createUnit inside a transaction the caller holds (Excel import: all rows or none). */
  async createUnitIn(t: Tx, input: CreateUnit): Promise<Unit> {
    const ctx = t.ctx;
    const parent = await this.getUnit(t.db, ctx.actor, input.parentId, P.unitManage).catch(() => {
      throw badInput('parentId', `上级单位 ${input.parentId} 不存在或不在您的管理范围内`);
    });
    const divisionCode = input.divisionCode ?? parent.divisionCode;
    await this.checkDivisionUnder(t.db, parent.divisionCode, divisionCode);
    await this.assertNameFree(t.db, input.parentId, input.name);
    const [row] = await t.db
      .insert(orgUnits)
      .values({
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        divisionCode,
        parentId: parent.id,
        path: `pending:${randomUUID()}`,
        creditCode: input.creditCode ?? null,
        sort: input.sort,
      })
      .returning();
    const path = `${parent.path}${row!.id}/`;
    await t.db.update(orgUnits).set({ path }).where(eq(orgUnits.id, row!.id));
    t.audit({
      action: 'org.unit.create',
      entity: 'org.unit',
      entityId: row!.id,
      diff: snapshotOf({ ...row!, path }),
    });
    return this.getUnit(t.db, ctx.actor, row!.id, P.unitManage);
  }

  private async assertNameFree(db: Db, parentId: number, name: string, exceptId?: number) {
    const [dup] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.parentId, parentId), eq(orgUnits.name, name), eq(orgUnits.active, true)));
    if (dup && dup.id !== exceptId)
      throw new DomainError(409, 'DUPLICATE_NAME', `同一上级单位下已有名为“${name}”的单位`, {
        errors: [{ field: 'name', message: '名称重复' }],
      });
  }

  async updateUnit(ctx: RequestContext, id: number, patch: UpdateUnit): Promise<Unit> {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.getUnit(t.db, ctx.actor, id, P.unitManage);
      const next: Partial<typeof orgUnits.$inferInsert> = { updatedAt: new Date() };
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.shortName !== undefined) next.shortName = patch.shortName;
      if (patch.kind !== undefined) next.kind = patch.kind;
      if (patch.creditCode !== undefined) next.creditCode = patch.creditCode;
      if (patch.sort !== undefined) next.sort = patch.sort;
      const parentId = patch.parentId ?? before.parentId;
      if (parentId && (patch.name || patch.parentId))
        await this.assertNameFree(t.db, parentId, patch.name ?? before.name, id);
      if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
        const parent = await this.getUnit(t.db, ctx.actor, patch.parentId, P.unitManage).catch(() => {
          throw badInput('parentId', `上级单位 ${patch.parentId} 不存在或不在您的管理范围内`);
        });
        if (parent.path.startsWith(before.path))
          throw badInput('parentId', '不能把单位移到它自己的下级单位之下');
        const newPath = `${parent.path}${id}/`;
        // Moving a unit rewrites the paths of its whole subtree in one statement.
        await t.db.execute(
          sql`update org_units set path = ${newPath} || substr(path, ${before.path.length + 1}) where path like ${`${before.path}%`}`,
        );
        next.parentId = parent.id;
        this.onAccessChange();
      }
      if (patch.divisionCode !== undefined) next.divisionCode = patch.divisionCode;
      await t.db.update(orgUnits).set(next).where(eq(orgUnits.id, id));
      const after = await this.getUnit(t.db, ctx.actor, id, P.unitManage);
      t.audit({ action: 'org.unit.update', entity: 'org.unit', entityId: id, diff: diffOf(before, after) });
      return after;
    });
  }

  async voidUnit(ctx: RequestContext, id: number, reason: string): Promise<Unit> {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.getUnit(t.db, ctx.actor, id, P.unitManage);
      const [child] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(orgUnits)
        .where(and(eq(orgUnits.parentId, id), eq(orgUnits.active, true)));
      if (child!.n > 0)
        throw new DomainError(409, 'HAS_CHILDREN', `该单位还有 ${child!.n} 个在用的下级单位，请先处理`);
      const [member] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.unitId, id), eq(users.active, true)));
      if (member!.n > 0)
        throw new DomainError(409, 'HAS_USERS', `该单位还有 ${member!.n} 个在用账号，请先调整`);
      await t.db
        .update(orgUnits)
        .set({ active: false, voidedReason: reason, updatedAt: new Date() })
        .where(eq(orgUnits.id, id));
      t.audit({
        action: 'org.unit.void',
        entity: 'org.unit',
        entityId: id,
        diff: { active: [true, false], reason },
      });
      return { ...before, active: false, voidedReason: reason };
    });
  }

  // ——— users ———

  private readonly userColumns = {
    id: users.id,
    username: users.username,
    displayName: users.displayName,
    unitId: users.unitId,
    unitName: orgUnits.name,
    phoneEnc: users.phoneEnc,
    email: users.email,
    mustChangePassword: users.mustChangePassword,
    lockedUntil: users.lockedUntil,
    lastLoginAt: users.lastLoginAt,
    active: users.active,
  };

  private userSelect(db: Db) {
    return db.select(this.userColumns).from(users).innerJoin(orgUnits, eq(orgUnits.id, users.unitId));
  }

  private async present(
    db: Db,
    rows: Awaited<ReturnType<OrgService['userSelect']>>,
    showPhone: boolean,
  ): Promise<UserView[]> {
    const grants = rows.length
      ? await db
          .select({
            userId: roleGrants.userId,
            code: roleGrants.roleCode,
            unitId: roleGrants.unitId,
            subtree: roleGrants.subtree,
          })
          .from(roleGrants)
          .where(
            inArray(
              roleGrants.userId,
              rows.map((r) => r.id),
            ),
          )
      : [];
    return rows.map((r) => {
      const phone = this.crypto.decryptOptional(r.phoneEnc);
      return {
        id: r.id,
        username: r.username,
        displayName: r.displayName,
        unitId: r.unitId,
        unitName: r.unitName,
        phone: showPhone ? phone : maskPhone(phone),
        email: r.email,
        mustChangePassword: r.mustChangePassword,
        lockedUntil:
          r.lockedUntil && r.lockedUntil.getTime() > Date.now() ? r.lockedUntil.toISOString() : null,
        lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
        active: r.active,
        roles: grants
          .filter((g) => g.userId === r.id)
          .map(({ code, unitId, subtree }) => ({ code, unitId, subtree })),
      };
    });
  }

  async listUsers(
    actor: Actor,
    f: {
      q?: string;
      unitId?: number;
      page: number;
      pageSize: number;
      sort: string;
      includeInactive?: boolean;
    },
  ) {
    const where: SQL[] = [inScope(orgUnits.path, actor.scopes(P.userRead))];
    if (!f.includeInactive) where.push(eq(users.active, true));
    if (f.unitId) where.push(eq(users.unitId, f.unitId));
    if (f.q)
      where.push(sql`(${users.username} ilike ${`%${f.q}%`} or ${users.displayName} ilike ${`%${f.q}%`})`);
    const col = { username: users.username, displayName: users.displayName, lastLoginAt: users.lastLoginAt }[
      f.sort.replace('-', '') as 'username'
    ];
    const order = f.sort.startsWith('-') ? desc(col) : asc(col);
    // One round trip: the page and, by a window count, the total of the filtered set.
    const rows = await this.db
      .select({ ...this.userColumns, total: sql<number>`(count(*) over ())::int` })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(and(...where))
      .orderBy(order, asc(users.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
    let total = rows[0]?.total;
    if (total === undefined) {
      // a page past the end has no row to carry the count
      const [c] = await this.db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
        .where(and(...where));
      total = c!.n;
    }
    return {
      items: await this.present(this.db, rows, false),
      total,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  /** One user; the unmasked phone is shown only to holders of org.user.personal, and that read is audited. */
  async getUser(ctx: RequestContext, id: string): Promise<UserView> {
    const [row] = await this.userSelect(this.db).where(
      and(eq(users.id, id), inScope(orgUnits.path, ctx.actor.scopes(P.userRead))),
    );
    if (!row) throw notFound('用户', id);
    const personal = ctx.actor.covers(P.userPersonal, (await this.unitPath(this.db, row.unitId))!);
    const [view] = await this.present(this.db, [row], personal);
    if (personal && row.phoneEnc)
      await inTx(this.db, ctx, async (t) =>
        t.audit({ action: 'org.user.personal.read', entity: 'org.user', entityId: id }),
      );
    return view!;
  }

  private async unitPath(db: Db, unitId: number) {
    const [u] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId));
    return u?.path ?? null;
  }

  private async requireUnitInScope(db: Db, actor: Actor, unitId: number, field: string) {
    const [u] = await db
      .select({ id: orgUnits.id, active: orgUnits.active })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, unitId), inScope(orgUnits.path, actor.scopes(P.userManage))));
    if (!u || !u.active) throw badInput(field, `单位 ${unitId} 不存在、已停用或不在您的管理范围内`);
  }

  async createUser(
    ctx: RequestContext,
    input: CreateUser,
    password = generateInitialPassword(),
    mustChange = true,
  ) {
    const passwordHash = await hashPassword(password);
    return inTx(this.db, ctx, (t) => this.createUserIn(t, input, passwordHash, password, mustChange));
  }

  /** createUser inside a transaction the caller holds, with the password already hashed. */
  async createUserIn(
    t: Tx,
    input: CreateUser,
    passwordHash: string,
    password: string,
    mustChange = true,
  ): Promise<{ user: UserView; initialPassword: string }> {
    const ctx = t.ctx;
    await this.requireUnitInScope(t.db, ctx.actor, input.unitId, 'unitId');
    const [dup] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`);
    if (dup)
      throw new DomainError(409, 'DUPLICATE_USERNAME', `用户名 ${input.username} 已被使用`, {
        errors: [{ field: 'username', message: '用户名已被使用' }],
      });
    const [row] = await t.db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        unitId: input.unitId,
        phoneEnc: this.crypto.encryptOptional(input.phone),
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: mustChange,
      })
      .returning();
    t.audit({ action: 'org.user.create', entity: 'org.user', entityId: row!.id, diff: snapshotOf(row!) });
    const [rowView] = await this.userSelect(t.db).where(eq(users.id, row!.id));
    const [view] = await this.present(t.db, [rowView!], false);
    return { user: view!, initialPassword: password };
  }

  async updateUser(ctx: RequestContext, id: string, patch: UpdateUser): Promise<UserView> {
    await inTx(this.db, ctx, async (t) => {
      const before = await this.requireUserInScope(t.db, ctx.actor, id);
      if (patch.unitId !== undefined) await this.requireUnitInScope(t.db, ctx.actor, patch.unitId, 'unitId');
      const next: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
      if (patch.displayName !== undefined) next.displayName = patch.displayName;
      if (patch.unitId !== undefined) next.unitId = patch.unitId;
      if (patch.phone !== undefined) next.phoneEnc = this.crypto.encryptOptional(patch.phone);
      if (patch.email !== undefined) next.email = patch.email;
      const [after] = await t.db.update(users).set(next).where(eq(users.id, id)).returning();
      t.audit({ action: 'org.user.update', entity: 'org.user', entityId: id, diff: diffOf(before, after) });
    });
    this.onAccessChange(id);
    return this.getUser(ctx, id);
  }

  private async requireUserInScope(db: Db, actor: Actor, id: string) {
    const [row] = await db
      .select({ u: users })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(and(eq(users.id, id), inScope(orgUnits.path, actor.scopes(P.userManage))));
    if (!row) throw notFound('用户', id);
    return row.u;
  }

  async resetPassword(ctx: RequestContext, id: string) {
    const password = generateInitialPassword();
    const passwordHash = await hashPassword(password);
    await inTx(this.db, ctx, async (t) => {
      await this.requireUserInScope(t.db, ctx.actor, id);
      await t.db
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: new Date(),
        })
        .where(eq(users.id, id));
      await t.db.delete(sessions).where(eq(sessions.userId, id));
      t.audit({ action: 'org.user.password.reset', entity: 'org.user', entityId: id });
    });
    this.onAccessChange(id);
    return { initialPassword: password };
  }

  async unlock(ctx: RequestContext, id: string) {
    await inTx(this.db, ctx, async (t) => {
      await this.requireUserInScope(t.db, ctx.actor, id);
      await t.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
      t.audit({ action: 'org.user.unlock', entity: 'org.user', entityId: id });
    });
    return this.getUser(ctx, id);
  }

  async setActive(ctx: RequestContext, id: string, active: boolean, reason: string | null) {
    if (ctx.actor.id === id && !active) throw new DomainError(409, 'SELF_DISABLE', '不能停用自己的账号');
    await inTx(this.db, ctx, async (t) => {
      const before = await this.requireUserInScope(t.db, ctx.actor, id);
      await t.db
        .update(users)
        .set({ active, voidedReason: reason, updatedAt: new Date() })
        .where(eq(users.id, id));
      if (!active) await t.db.delete(sessions).where(eq(sessions.userId, id));
      t.audit({
        action: active ? 'org.user.enable' : 'org.user.disable',
        entity: 'org.user',
        entityId: id,
        diff: { active: [before.active, active], reason },
      });
    });
    this.onAccessChange(id);
    return this.getUser(ctx, id);
  }
}
