import { markVoided } from '../../db/void.js';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { snapshotOf } from '../../platform/audit/diff.js';
import { DomainError, badInput, notFound } from '../../platform/http/errors.js';
import { orgUnits } from '../../platform/org/schema.js';
import { findingStatusOf, openFinding } from '../findings/service.js';
import type { CreateAction, CreateFeedbackItem, CreateRound, RoundQuery, RoundView } from './contract.js';
import { actionKindLabels, roundKindLabels } from './kinds.js';
import {
  inspectionActions,
  inspectionFeedbackAspects,
  inspectionFeedbackItems,
  inspectionRounds,
} from './schema.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

export const P = { read: 'inspections.read', manage: 'inspections.manage' } as const;

export class InspectionService {
  constructor(private readonly db: Db) {}

  private async unitNames(db: Db, ids: readonly number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db
      .select({ id: orgUnits.id, name: orgUnits.name })
      .from(orgUnits)
      .where(inArray(orgUnits.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private rounds(db: Db, actor: Actor, permission: string, extra: SQL[]) {
    return db
      .select({
        r: inspectionRounds,
        unitName: orgUnits.name,
        actionCount: sql<number>`(select count(*)::int from ${inspectionActions} a
          where a.round_id = ${inspectionRounds.id} and a.voided_at is null)`,
      })
      .from(inspectionRounds)
      .innerJoin(orgUnits, eq(orgUnits.id, inspectionRounds.unitId))
      .where(and(inScope(orgUnits.path, actor.scopes(permission)), ...extra))
      .orderBy(desc(inspectionRounds.year), desc(inspectionRounds.createdAt));
  }

  private async summaries(db: Db, rows: Awaited<ReturnType<InspectionService['rounds']>>) {
    const names = await this.unitNames(
      db,
      rows.flatMap((x) => x.r.targetUnitIds),
    );
    return rows.map(({ r, unitName, actionCount }) => ({
      id: r.id,
      unitId: r.unitId,
      unitName,
      title: r.title,
      year: r.year,
      kind: r.kind,
      kindLabel: roundKindLabels[r.kind],
      followUpOfId: r.followUpOfId,
      targetUnits: r.targetUnitIds.map((id) => ({ id, name: names.get(id) ?? String(id) })),
      methods: r.methods,
      note: r.note,
      actionCount: Number(actionCount),
      voided: r.voidedAt !== null,
      voidedReason: r.voidedReason,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** Rounds in the actor's scope (by the organising unit), newest year first. */
  async list(actor: Actor, q: RoundQuery) {
    const extra: SQL[] = [];
    if (q.includeVoided !== 'true') extra.push(isNull(inspectionRounds.voidedAt));
    if (q.year) extra.push(eq(inspectionRounds.year, q.year));
    if (q.kind) extra.push(eq(inspectionRounds.kind, q.kind));
    return { items: await this.summaries(this.db, await this.rounds(this.db, actor, P.read, extra)) };
  }

  async get(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<RoundView> {
    const rows = await this.rounds(db, actor, permission, [eq(inspectionRounds.id, id)]);
    if (!rows.length) throw notFound('督察', id);
    const [summary] = await this.summaries(db, rows);
    const [actions, items] = await Promise.all([
      db
        .select()
        .from(inspectionActions)
        .where(eq(inspectionActions.roundId, id))
        .orderBy(asc(inspectionActions.date), asc(inspectionActions.createdAt)),
      db
        .select()
        .from(inspectionFeedbackItems)
        .where(and(eq(inspectionFeedbackItems.roundId, id), isNull(inspectionFeedbackItems.voidedAt)))
        .orderBy(asc(inspectionFeedbackItems.seq)),
    ]);
    const aspects = items.length
      ? await db
          .select()
          .from(inspectionFeedbackAspects)
          .where(
            inArray(
              inspectionFeedbackAspects.itemId,
              items.map((i) => i.id),
            ),
          )
          .orderBy(asc(inspectionFeedbackAspects.seq))
      : [];
    const names = await this.unitNames(db, [
      ...actions.map((a) => a.targetUnitId),
      ...aspects.map((a) => a.responsibleUnitId),
    ]);
    const status = await findingStatusOf(
      db,
      aspects.map((a) => a.findingId),
    );
    return {
      ...summary!,
      actions: actions.map((a) => ({
        id: a.id,
        kind: a.kind,
        kindLabel: actionKindLabels[a.kind],
        date: a.date,
        place: a.place,
        method: a.method,
        participants: a.participants,
        targetUnitId: a.targetUnitId,
        targetUnitName: names.get(a.targetUnitId) ?? String(a.targetUnitId),
        feedbackItemIds: a.feedbackItemIds,
        notes: a.notes,
        voided: a.voidedAt !== null,
        voidedReason: a.voidedReason,
      })),
      feedback: items.map((i) => ({
        id: i.id,
        seq: i.seq,
        source: i.source,
        reference: i.reference,
        receivedOn: i.receivedOn,
        title: i.title,
        aspects: aspects
          .filter((a) => a.itemId === i.id)
          .map((a) => ({
            id: a.id,
            seq: a.seq,
            description: a.description,
            responsibleUnitId: a.responsibleUnitId,
            responsibleUnitName: names.get(a.responsibleUnitId) ?? String(a.responsibleUnitId),
            dueOn: a.dueOn,
            findingId: a.findingId,
            findingState: status.get(a.findingId)?.state ?? null,
            overdue: status.get(a.findingId)?.overdue ?? false,
          })),
      })),
    };
  }

  private async checkActiveUnits(db: Db, ids: readonly number[], field: string) {
    const found = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(inArray(orgUnits.id, [...ids]), eq(orgUnits.active, true)));
    const ok = new Set(found.map((u) => u.id));
    const i = ids.findIndex((id) => !ok.has(id));
    if (i >= 0) throw badInput(`${field}.${i}`, `单位 ${ids[i]} 不存在或已停用`);
  }

  async createRound(ctx: RequestContext, input: CreateRound) {
    return inTx(this.db, ctx, (t) => this.createRoundIn(t, input));
  }

  async createRoundIn(t: Tx, input: CreateRound): Promise<RoundView> {
    const [own] = await t.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, input.unitId), inScope(orgUnits.path, t.ctx.actor.scopes(P.manage))));
    if (!own) throw badInput('unitId', `单位 ${input.unitId} 不存在或不在您的管理范围内`);
    await this.checkActiveUnits(t.db, input.targetUnitIds, 'targetUnitIds');
    if (input.followUpOfId) {
      const earlier = await this.get(t.db, t.ctx.actor, input.followUpOfId, P.manage).catch(() => null);
      if (!earlier || earlier.voided) throw badInput('followUpOfId', '“回头看”针对的督察不存在或已作废');
      if (earlier.year > input.year) throw badInput('year', '“回头看”不能早于被回头看的督察');
    }
    const [row] = await t.db
      .insert(inspectionRounds)
      .values({
        unitId: input.unitId,
        title: input.title,
        year: input.year,
        kind: input.kind,
        followUpOfId: input.followUpOfId ?? null,
        targetUnitIds: [...new Set(input.targetUnitIds)],
        methods: [...new Set(input.methods)],
        note: input.note ?? null,
        createdBy: t.ctx.actor.id,
      })
      .returning();
    t.audit({
      action: 'inspections.round.create',
      entity: 'inspectionRound',
      entityId: row!.id,
      diff: snapshotOf(row!),
    });
    return this.get(t.db, t.ctx.actor, row!.id, P.manage);
  }

  private async openRound(t: Tx, id: string) {
    const round = await this.get(t.db, t.ctx.actor, id, P.manage);
    if (round.voided) throw new DomainError(409, 'VOIDED', '该督察已作废', { id });
    return round;
  }

  /** Records one action; the target must be one of the round's targets, the date within its year. */
  async addAction(ctx: RequestContext, id: string, input: CreateAction) {
    return inTx(this.db, ctx, (t) => this.addActionIn(t, id, input));
  }

  async addActionIn(t: Tx, id: string, input: CreateAction): Promise<RoundView> {
    const round = await this.openRound(t, id);
    if (!round.targetUnits.some((u) => u.id === input.targetUnitId))
      throw badInput('targetUnitId', '督察对象须是本轮督察确定的对象单位');
    if (Number(input.date.slice(0, 4)) < round.year) throw badInput('date', `日期不能早于 ${round.year} 年`);
    if (input.date > todayInShanghai()) throw badInput('date', '日期不能晚于今天');
    const known = new Set(round.feedback.map((f) => f.id));
    const i = input.feedbackItemIds.findIndex((f) => !known.has(f));
    if (i >= 0) throw badInput(`feedbackItemIds.${i}`, '关联的反馈问题不属于本轮督察');
    const [row] = await t.db
      .insert(inspectionActions)
      .values({
        roundId: id,
        unitId: round.unitId,
        kind: input.kind,
        date: input.date,
        place: input.place,
        method: input.method,
        participants: input.participants,
        targetUnitId: input.targetUnitId,
        feedbackItemIds: [...new Set(input.feedbackItemIds)],
        notes: input.notes ?? null,
        createdBy: t.ctx.actor.id,
      })
      .returning();
    t.audit({
      action: 'inspections.action.create',
      entity: 'inspectionAction',
      entityId: row!.id,
      diff: snapshotOf(row!),
    });
    return this.get(t.db, t.ctx.actor, id, P.manage);
  }

  /** Records a higher level's feedback item; each of its aspects opens a finding for the unit to rectify. */
  async addFeedback(ctx: RequestContext, id: string, input: CreateFeedbackItem) {
    return inTx(this.db, ctx, (t) => this.addFeedbackIn(t, id, input));
  }

  async addFeedbackIn(t: Tx, id: string, input: CreateFeedbackItem): Promise<RoundView> {
    const round = await this.openRound(t, id);
    if (input.receivedOn > todayInShanghai()) throw badInput('receivedOn', '日期不能晚于今天');
    await this.checkActiveUnits(
      t.db,
      input.aspects.map((a) => a.responsibleUnitId),
      'aspects',
    );
    input.aspects.forEach((a, i) => {
      if (a.dueOn < input.receivedOn) throw badInput(`aspects.${i}.dueOn`, '整改时限不能早于收到反馈日期');
    });
    // Lock the round so two clerks adding items get consecutive numbers.
    await t.db
      .select({ id: inspectionRounds.id })
      .from(inspectionRounds)
      .where(eq(inspectionRounds.id, id))
      .for('update');
    const [{ next } = { next: 1 }] = await t.db
      .select({ next: sql<number>`coalesce(max(${inspectionFeedbackItems.seq}), 0)::int + 1` })
      .from(inspectionFeedbackItems)
      .where(eq(inspectionFeedbackItems.roundId, id));
    const [item] = await t.db
      .insert(inspectionFeedbackItems)
      .values({
        roundId: id,
        unitId: round.unitId,
        seq: Number(next),
        source: input.source,
        reference: input.reference ?? null,
        receivedOn: input.receivedOn,
        title: input.title,
        createdBy: t.ctx.actor.id,
      })
      .returning();
    for (const [i, a] of input.aspects.entries()) {
      const aspectId = crypto.randomUUID();
      const { id: findingId } = await openFinding(t, {
        source: { module: 'inspections', kind: 'feedbackAspect', id: aspectId },
        unitId: a.responsibleUnitId,
        title: `${input.source}反馈第${item!.seq}项第${i + 1}方面：${a.description}`.slice(0, 200),
        description: `${round.title}｜${input.title}`,
        severity: a.severity,
        foundOn: input.receivedOn,
        dueOn: a.dueOn,
      });
      await t.db.insert(inspectionFeedbackAspects).values({
        id: aspectId,
        itemId: item!.id,
        seq: i + 1,
        description: a.description,
        responsibleUnitId: a.responsibleUnitId,
        dueOn: a.dueOn,
        findingId,
      });
    }
    t.audit({
      action: 'inspections.feedback.create',
      entity: 'inspectionFeedbackItem',
      entityId: item!.id,
      diff: snapshotOf({ ...item!, aspects: input.aspects }),
    });
    return this.get(t.db, t.ctx.actor, id, P.manage);
  }

  async voidRound(ctx: RequestContext, id: string, reason: string) {
    return inTx(this.db, ctx, async (t) => {
      await this.openRound(t, id);
      await markVoided(t, inspectionRounds, id, reason, {
        action: 'inspections.round.void',
        entity: 'inspectionRound',
      });
      return this.get(t.db, ctx.actor, id, P.manage);
    });
  }

  async voidAction(ctx: RequestContext, id: string, actionId: string, reason: string) {
    return inTx(this.db, ctx, async (t) => {
      const round = await this.openRound(t, id);
      const action = round.actions.find((a) => a.id === actionId);
      if (!action) throw notFound('督察事项', actionId);
      if (action.voided) throw new DomainError(409, 'ALREADY_VOIDED', '该督察事项已作废', { id: actionId });
      await markVoided(t, inspectionActions, actionId, reason, {
        action: 'inspections.action.void',
        entity: 'inspectionAction',
      });
      return this.get(t.db, ctx.actor, id, P.manage);
    });
  }
}
