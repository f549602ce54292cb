import { markVoided } from '../../db/void.js';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { diffOf, snapshotOf } from '../../platform/audit/diff.js';
import { DomainError, badInput, notFound } from '../../platform/http/errors.js';
import { orgUnits } from '../../platform/org/schema.js';
import type { ActivityQuery, ActivityView, CreateActivity } from './contract.js';
import { activityKinds, kindsOf } from './kinds.js';
import { activities, activityAttendance, activityMaterials } from './schema.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

export const P = { read: 'activities.read', manage: 'activities.manage' } as const;

const organiser = alias(orgUnits, 'organiser');

export class ActivityService {
  constructor(private readonly db: Db) {}

  private select(db: Db) {
    return db
      .select({
        a: activities,
        unitName: orgUnits.name,
        organiserUnitName: organiser.name,
      })
      .from(activities)
      .innerJoin(orgUnits, eq(orgUnits.id, activities.unitId))
      .innerJoin(organiser, eq(organiser.id, activities.organiserUnitId));
  }

  private async present(
    db: Db,
    rows: Awaited<ReturnType<ActivityService['select']>>,
  ): Promise<ActivityView[]> {
    const ids = rows.map((r) => r.a.id);
    const [att, mats] = ids.length
      ? await Promise.all([
          db
            .select({
              activityId: activityAttendance.activityId,
              unitId: activityAttendance.unitId,
              count: activityAttendance.count,
              unitName: orgUnits.name,
            })
            .from(activityAttendance)
            .innerJoin(orgUnits, eq(orgUnits.id, activityAttendance.unitId))
            .where(inArray(activityAttendance.activityId, ids))
            .orderBy(asc(orgUnits.sort), asc(orgUnits.id)),
          db
            .select()
            .from(activityMaterials)
            .where(inArray(activityMaterials.activityId, ids))
            .orderBy(asc(activityMaterials.materialKind)),
        ])
      : [[], []];
    return rows.map(({ a, unitName, organiserUnitName }) => {
      const attendance = att
        .filter((x) => x.activityId === a.id)
        .map(({ unitId, count, unitName }) => ({ unitId, count, unitName }));
      const def = activityKinds[a.kind];
      return {
        id: a.id,
        unitId: a.unitId,
        unitName,
        kind: a.kind,
        kindLabel: def.label,
        category: def.category,
        title: a.title,
        date: a.date,
        place: a.place,
        organiserUnitId: a.organiserUnitId,
        organiserUnitName,
        language: a.language,
        participants: a.participants,
        sessions: a.sessions,
        quantity: a.quantity,
        attendanceTotal: attendance.reduce((s, x) => s + x.count, 0),
        attendance,
        materials: mats
          .filter((m) => m.activityId === a.id)
          .map(({ materialKind, quantity }) => ({ materialKind, quantity })),
        laws: a.laws,
        photoFileIds: a.photoFileIds,
        note: a.note,
        voided: a.voidedAt !== null,
        voidedReason: a.voidedReason,
        voidedAt: a.voidedAt?.toISOString() ?? null,
        createdAt: a.createdAt.toISOString(),
      };
    });
  }

  /** The ledger in the actor's scope, newest first; the scope is a condition of the query. */
  async list(actor: Actor, f: ActivityQuery) {
    const where: SQL[] = [inScope(orgUnits.path, actor.scopes(P.read))];
    if (f.includeVoided !== 'true') where.push(isNull(activities.voidedAt));
    if (f.kind?.length) where.push(inArray(activities.kind, f.kind));
    if (f.category) where.push(inArray(activities.kind, kindsOf(f.category)));
    if (f.unitId) {
      if (f.subtree === 'true') {
        const [u] = await this.db
          .select({ path: orgUnits.path })
          .from(orgUnits)
          .where(eq(orgUnits.id, f.unitId));
        where.push(u ? sql`${orgUnits.path} like ${`${u.path}%`}` : sql`false`);
      } else where.push(eq(activities.unitId, f.unitId));
    }
    if (f.from) where.push(gte(activities.date, f.from));
    if (f.to) where.push(lte(activities.date, f.to));
    if (f.language) where.push(eq(activities.language, f.language));
    if (f.q) where.push(ilike(activities.title, `%${f.q}%`));
    const cond = and(...where);
    const rows = await this.select(this.db)
      .where(cond)
      .orderBy(desc(activities.date), desc(activities.createdAt), asc(activities.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
    const [total] = await this.db
      .select({ n: count() })
      .from(activities)
      .innerJoin(orgUnits, eq(orgUnits.id, activities.unitId))
      .where(cond);
    return {
      items: await this.present(this.db, rows),
      total: Number(total!.n),
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  async get(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<ActivityView> {
    const rows = await this.select(db).where(
      and(eq(activities.id, id), inScope(orgUnits.path, actor.scopes(permission))),
    );
    if (!rows.length) throw notFound('台账记录', id);
    return (await this.present(db, rows))[0]!;
  }

  /** The owning unit must be in the actor's managing scope; the other units named must exist and be in use. */
  private async checkUnits(db: Db, actor: Actor, input: CreateActivity) {
    const [own] = await db
      .select({ id: orgUnits.id, active: orgUnits.active })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, input.unitId), inScope(orgUnits.path, actor.scopes(P.manage))));
    if (!own || !own.active)
      throw badInput('unitId', `单位 ${input.unitId} 不存在、已停用或不在您的填报范围内`);
    const others = [
      ...(input.organiserUnitId ? [input.organiserUnitId] : []),
      ...input.attendance.map((a) => a.unitId),
    ];
    if (!others.length) return;
    const found = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(inArray(orgUnits.id, others), eq(orgUnits.active, true)));
    const ok = new Set(found.map((u) => u.id));
    if (input.organiserUnitId && !ok.has(input.organiserUnitId))
      throw badInput('organiserUnitId', `主办单位 ${input.organiserUnitId} 不存在或已停用`);
    const i = input.attendance.findIndex((a) => !ok.has(a.unitId));
    if (i >= 0)
      throw badInput(`attendance.${i}.unitId`, `参训单位 ${input.attendance[i]!.unitId} 不存在或已停用`);
  }

  private checkDate(date: string) {
    if (date > todayInShanghai()) throw badInput('date', '活动日期不能晚于今天（台账记录已开展的活动）');
    if (date < '2000-01-01') throw badInput('date', '活动日期不能早于 2000 年');
  }

  private rowOf(input: CreateActivity) {
    return {
      unitId: input.unitId,
      kind: input.kind,
      title: input.title,
      date: input.date,
      place: input.place,
      organiserUnitId: input.organiserUnitId ?? input.unitId,
      language: input.language,
      participants: input.participants ?? null,
      sessions: input.sessions ?? null,
      quantity: input.quantity ?? null,
      laws: input.laws,
      photoFileIds: input.photoFileIds,
      note: input.note ?? null,
    };
  }

  private async writeRows(db: Db, id: string, input: CreateActivity) {
    if (input.attendance.length)
      await db
        .insert(activityAttendance)
        .values(input.attendance.map((a) => ({ activityId: id, unitId: a.unitId, count: a.count })));
    if (input.materials.length)
      await db.insert(activityMaterials).values(input.materials.map((m) => ({ activityId: id, ...m })));
  }

  async create(ctx: RequestContext, input: CreateActivity): Promise<ActivityView> {
    return inTx(this.db, ctx, (t) => this.createIn(t, input));
  }

  /** Records one activity inside a caller's transaction (the Excel import runs every row in one). */
  async createIn(t: Tx, input: CreateActivity): Promise<ActivityView> {
    this.checkDate(input.date);
    await this.checkUnits(t.db, t.ctx.actor, input);
    const [row] = await t.db
      .insert(activities)
      .values({ ...this.rowOf(input), createdBy: t.ctx.actor.id })
      .returning();
    await this.writeRows(t.db, row!.id, input);
    t.audit({
      action: 'activities.create',
      entity: 'activity',
      entityId: row!.id,
      diff: snapshotOf({ ...row!, attendance: input.attendance, materials: input.materials }),
    });
    return this.get(t.db, t.ctx.actor, row!.id, P.manage);
  }

  /** A correction: the record is replaced as a whole, the audit keeps what changed. */
  async update(ctx: RequestContext, id: string, input: CreateActivity): Promise<ActivityView> {
    this.checkDate(input.date);
    return inTx(this.db, ctx, async (t) => {
      const before = await this.get(t.db, ctx.actor, id, P.manage);
      if (before.voided) throw new DomainError(409, 'VOIDED', '该记录已作废，不能修改', { id });
      await this.checkUnits(t.db, ctx.actor, input);
      await t.db
        .update(activities)
        .set({ ...this.rowOf(input), updatedAt: new Date() })
        .where(eq(activities.id, id));
      // The metric rows belong to the record: a correction replaces them, the audit diff keeps the old ones.
      await t.db.delete(activityAttendance).where(eq(activityAttendance.activityId, id));
      await t.db.delete(activityMaterials).where(eq(activityMaterials.activityId, id));
      await this.writeRows(t.db, id, input);
      const after = await this.get(t.db, ctx.actor, id, P.manage);
      const strip = ({ attendanceTotal: _a, ...v }: ActivityView) => ({
        ...v,
        attendance: v.attendance.map(({ unitId, count }) => ({ unitId, count })),
      });
      t.audit({
        action: 'activities.update',
        entity: 'activity',
        entityId: id,
        diff: diffOf(strip(before), strip(after)),
      });
      return after;
    });
  }

  /** Records are never deleted: a void keeps the record, takes it out of every figure, and is audited. */
  async void(ctx: RequestContext, id: string, reason: string): Promise<ActivityView> {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.get(t.db, ctx.actor, id, P.manage);
      if (before.voided)
        throw new DomainError(409, 'ALREADY_VOIDED', `该记录已于 ${before.voidedAt} 作废`, { id });
      await markVoided(t, activities, id, reason, { action: 'activities.void', entity: 'activity' });
      return this.get(t.db, ctx.actor, id, P.manage);
    });
  }

  /** For the files service: the path of the unit owning an activity, to check access to its photos. */
  static async unitPathOf(db: Db, id: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [r] = await db
      .select({ path: orgUnits.path })
      .from(activities)
      .innerJoin(orgUnits, eq(orgUnits.id, activities.unitId))
      .where(eq(activities.id, id));
    return r?.path ?? null;
  }
}
