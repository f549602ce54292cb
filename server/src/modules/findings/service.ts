import { markVoided } from '../../db/void.js';
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { snapshotOf } from '../../platform/audit/diff.js';
import { DomainError, badInput, notFound } from '../../platform/http/errors.js';
import { files } from '../../platform/files/schema.js';
import { orgUnits, users } from '../../platform/org/schema.js';
import {
  findingActions,
  type FindingAction,
  type FindingEvent,
  type FindingQuery,
  type FindingView,
} from './contract.js';
import { findingEvents, findings } from './schema.js';
import {
  eventLabels,
  severityLabels,
  stateLabels,
  transitions,
  type EventKind,
  type FindingState,
  type Severity,
} from './states.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

export { findingStates, severities, type FindingState, type Severity } from './states.js';

type StepKind = Exclude<EventKind, 'opened'>;

export const P = { read: 'findings.read', manage: 'findings.manage', rectify: 'findings.rectify' } as const;
/** Who takes each step: the owning unit rectifies, the office verifies, closes and reopens. */
const stepPermission: Record<StepKind, string> = {
  measures: P.rectify,
  evidence: P.rectify,
  submitted: P.rectify,
  rejected: P.manage,
  closed: P.manage,
  reopened: P.manage,
};
/** The steps behind each action a caller is offered; `void` is not a step and has no state to follow. */
const actionSteps: Record<Exclude<FindingAction, 'void'>, readonly StepKind[]> = {
  measures: ['measures'],
  evidence: ['evidence'],
  submit: ['submitted'],
  verify: ['closed', 'rejected'],
  reopen: ['reopened'],
};

interface StepSubject {
  id: string;
  state: FindingState;
  stateLabel: string;
  voided: boolean;
  measures: string | null;
}

/**
 * Why a step cannot follow now, or null when it can: the finding is live, the transitions table
 * allows the step from its state, and a report comes with measures on record. The steps themselves
 * and the actions offered to the caller both ask this, so the buttons never promise a refusal.
 */
function stepRefusal(f: StepSubject, kind: StepKind): DomainError | null {
  if (f.voided) return new DomainError(409, 'VOIDED', '该问题已作废', { id: f.id });
  if (!transitions[kind].from.includes(f.state))
    return new DomainError(409, 'BAD_STATE', `问题当前为“${f.stateLabel}”，不能${eventLabels[kind]}`, {
      id: f.id,
      state: f.state,
    });
  if (kind === 'submitted' && !f.measures) return badInput('measures', '请先填写整改措施再报送');
  return null;
}

/** The next steps `actor` may take on a finding of the unit at `unitPath`: the state allows it, and so do the actor's permissions over that unit. */
function actionsFor(actor: Actor, f: StepSubject, unitPath: string): FindingAction[] {
  return findingActions.filter((a) =>
    a === 'void'
      ? !f.voided && actor.covers(P.manage, unitPath)
      : actionSteps[a].some((k) => actor.covers(stepPermission[k], unitPath) && !stepRefusal(f, k)),
  );
}

/** The files service's owner entity for rectification evidence. */
export const EVIDENCE_OWNER = 'findings.finding';

export { todayInShanghai } from '../../platform/calendar/dates.js';

/**
 * The finding's id, always table-qualified: drizzle leaves columns bare in a single-table select, and a
 * bare "id" inside the subqueries below would be the event's own id.
 */
const findingIdSql = sql.raw('"findings"."id"');
/** The state left by a finding's latest event: the events are the record, the state follows from them. */
export const stateSql = sql<FindingState>`(select e.state from ${findingEvents} e where e.finding_id = ${findingIdSql} order by e.seq desc limit 1)`;
/** The 销号 date of a closed finding (its latest closure); null while not closed. */
export const closedOnSql = sql<
  string | null
>`(select case when e.state = 'closed' then e.on end from ${findingEvents} e where e.finding_id = ${findingIdSql} order by e.seq desc limit 1)`;
/** Overdue: not closed and the due date has passed (overdue from the day after dueOn). */
export const overdueSql = (today: string) =>
  sql<boolean>`(${stateSql} <> 'closed' and ${findings.dueOn} < ${today}::date)`;

export interface OpenFindingInput {
  /** the record the problem was found in, e.g. { module: 'inspections', kind: 'feedbackAspect', id } */
  source: { module: string; kind: string; id: string };
  /** the unit that must rectify */
  unitId: number;
  title: string;
  description?: string;
  severity: Severity;
  dueOn: string;
  foundOn: string;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * Opens a finding inside the caller's transaction (audited with it). This is the only way any module
 * creates a finding: the caller's record is the source, the unit named must rectify it.
 */
export async function openFinding(t: Tx, input: OpenFindingInput): Promise<{ id: string }> {
  const title = input.title.trim();
  if (title.length < 2 || title.length > 200) throw badInput('title', '问题标题应为 2 至 200 个字');
  if (!input.source.module || !input.source.kind || !input.source.id)
    throw badInput('source', '须注明问题来源（模块、类型、记录编号）');
  if (!isDate(input.foundOn)) throw badInput('foundOn', '发现日期格式应为 YYYY-MM-DD');
  if (!isDate(input.dueOn)) throw badInput('dueOn', '整改时限格式应为 YYYY-MM-DD');
  if (input.dueOn < input.foundOn) throw badInput('dueOn', '整改时限不能早于发现日期');
  if (!(input.severity in severityLabels)) throw badInput('severity', '问题严重程度不正确');
  const [unit] = await t.db
    .select({ id: orgUnits.id, active: orgUnits.active })
    .from(orgUnits)
    .where(eq(orgUnits.id, input.unitId));
  if (!unit || !unit.active) throw badInput('unitId', `整改单位 ${input.unitId} 不存在或已停用`);
  const [row] = await t.db
    .insert(findings)
    .values({
      unitId: input.unitId,
      sourceModule: input.source.module,
      sourceKind: input.source.kind,
      sourceId: input.source.id,
      title,
      description: input.description?.trim() || null,
      severity: input.severity,
      foundOn: input.foundOn,
      dueOn: input.dueOn,
      createdBy: t.ctx.actor.id,
    })
    .returning();
  await t.db.insert(findingEvents).values({
    findingId: row!.id,
    seq: 1,
    kind: 'opened',
    state: 'open',
    on: input.foundOn,
    actorId: t.ctx.actor.id,
  });
  t.audit({ action: 'findings.open', entity: 'finding', entityId: row!.id, diff: snapshotOf(row!) });
  return { id: row!.id };
}

export class FindingService {
  constructor(private readonly db: Db) {}

  private select(db: Db) {
    return db
      .select({
        f: findings,
        unitName: orgUnits.name,
        unitPath: orgUnits.path,
        state: stateSql,
        closedOn: closedOnSql,
      })
      .from(findings)
      .innerJoin(orgUnits, eq(orgUnits.id, findings.unitId));
  }

  private async present(db: Db, actor: Actor, rows: Awaited<ReturnType<FindingService['select']>>) {
    const ids = rows.map((r) => r.f.id);
    const events = ids.length
      ? await db
          .select({ e: findingEvents, actorName: users.displayName })
          .from(findingEvents)
          .leftJoin(users, eq(users.id, findingEvents.actorId))
          .where(inArray(findingEvents.findingId, ids))
          .orderBy(asc(findingEvents.seq))
      : [];
    const today = todayInShanghai();
    return rows.map(({ f, unitName, unitPath, state, closedOn }): FindingView => ({
      id: f.id,
      unitId: f.unitId,
      unitName,
      source: { module: f.sourceModule, kind: f.sourceKind, id: f.sourceId },
      title: f.title,
      description: f.description,
      severity: f.severity,
      severityLabel: severityLabels[f.severity],
      foundOn: f.foundOn,
      dueOn: f.dueOn,
      state,
      stateLabel: stateLabels[state],
      overdue: !f.voidedAt && state !== 'closed' && f.dueOn < today,
      closedOn,
      measures: f.measures,
      evidenceFileIds: f.evidenceFileIds,
      events: events
        .filter((x) => x.e.findingId === f.id)
        .map(({ e, actorName }): FindingEvent => ({
          seq: e.seq,
          kind: e.kind,
          kindLabel: eventLabels[e.kind],
          state: e.state,
          on: e.on,
          note: e.note,
          actorName,
          at: e.at.toISOString(),
        })),
      voided: f.voidedAt !== null,
      voidedReason: f.voidedReason,
      createdAt: f.createdAt.toISOString(),
      actions: actionsFor(
        actor,
        {
          id: f.id,
          state,
          stateLabel: stateLabels[state],
          voided: f.voidedAt !== null,
          measures: f.measures,
        },
        unitPath,
      ),
    }));
  }

  /** Findings in the actor's scope (by the rectifying unit), newest first; the scope is in the query. */
  async list(actor: Actor, q: FindingQuery) {
    const where: SQL[] = [inScope(orgUnits.path, actor.scopes(P.read))];
    if (q.includeVoided !== 'true') where.push(isNull(findings.voidedAt));
    if (q.unitId) {
      if (q.subtree === 'true') {
        const [u] = await this.db
          .select({ path: orgUnits.path })
          .from(orgUnits)
          .where(eq(orgUnits.id, q.unitId));
        where.push(u ? sql`${orgUnits.path} like ${`${u.path}%`}` : sql`false`);
      } else where.push(eq(findings.unitId, q.unitId));
    }
    if (q.sourceModule) where.push(eq(findings.sourceModule, q.sourceModule));
    if (q.sourceKind) where.push(eq(findings.sourceKind, q.sourceKind));
    if (q.sourceId) where.push(eq(findings.sourceId, q.sourceId));
    if (q.state?.length) where.push(inArray(stateSql, q.state));
    if (q.severity?.length) where.push(inArray(findings.severity, q.severity));
    if (q.overdue === 'true') where.push(overdueSql(todayInShanghai()));
    if (q.overdue === 'false') where.push(sql`not ${overdueSql(todayInShanghai())}`);
    const cond = and(...where);
    const rows = await this.select(this.db)
      .where(cond)
      .orderBy(desc(findings.foundOn), desc(findings.createdAt), asc(findings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [total] = await this.db
      .select({ n: count() })
      .from(findings)
      .innerJoin(orgUnits, eq(orgUnits.id, findings.unitId))
      .where(cond);
    return {
      items: await this.present(this.db, actor, rows),
      total: Number(total!.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<FindingView> {
    const rows = await this.select(db).where(
      and(eq(findings.id, id), inScope(orgUnits.path, actor.scopes(permission))),
    );
    if (!rows.length) throw notFound('问题', id);
    return (await this.present(db, actor, rows))[0]!;
  }

  /** A finding the office records by hand (e.g. from a letter of the city); other modules use openFinding. */
  async create(ctx: RequestContext, input: Omit<OpenFindingInput, 'source'> & { reference?: string | null }) {
    return inTx(this.db, ctx, async (t) => {
      const [u] = await t.db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.id, input.unitId), inScope(orgUnits.path, ctx.actor.scopes(P.manage))));
      if (!u) throw badInput('unitId', `单位 ${input.unitId} 不存在或不在您的管理范围内`);
      const { id } = await openFinding(t, {
        ...input,
        source: { module: 'findings', kind: 'manual', id: input.reference?.trim() || '—' },
      });
      return this.get(t.db, ctx.actor, id, P.manage);
    });
  }

  /**
   * Moves a finding one step inside the caller's transaction: checks who may (the owning unit
   * rectifies, the office verifies), that the step follows from the state, and appends the event.
   */
  async advanceIn(
    t: Tx,
    id: string,
    kind: StepKind,
    on: string,
    note: string | null,
    measures?: string,
  ): Promise<FindingView> {
    const permission = stepPermission[kind];
    // Serialise steps on one finding: two clerks submitting at once must not both append seq n+1.
    await t.db.select({ id: findings.id }).from(findings).where(eq(findings.id, id)).for('update');
    const before = await this.get(t.db, t.ctx.actor, id, permission);
    const refusal = stepRefusal(before, kind);
    if (refusal) throw refusal;
    if (kind === 'rejected' && !note) throw badInput('note', '退回须说明理由');
    const last = before.events.at(-1)!;
    if (on < last.on) throw badInput('on', `日期不能早于上一步（${last.on}）`);
    if (on > todayInShanghai()) throw badInput('on', '日期不能晚于今天');
    const state = transitions[kind].to(before.state);
    await t.db.insert(findingEvents).values({
      findingId: id,
      seq: last.seq + 1,
      kind,
      state,
      on,
      note,
      actorId: t.ctx.actor.id,
    });
    await t.db
      .update(findings)
      .set({ updatedAt: new Date(), ...(measures !== undefined ? { measures } : {}) })
      .where(eq(findings.id, id));
    t.audit({
      action: `findings.${kind}`,
      entity: 'finding',
      entityId: id,
      diff: {
        state: [before.state, state],
        on,
        note,
        ...(measures !== undefined ? { measures: [before.measures, measures] } : {}),
      },
    });
    return this.get(t.db, t.ctx.actor, id, permission);
  }

  /** The owning unit writes (or revises) its 整改措施; the finding is then being rectified. */
  async setMeasures(ctx: RequestContext, id: string, measures: string, on: string) {
    return inTx(this.db, ctx, (t) => this.advanceIn(t, id, 'measures', on, null, measures));
  }

  /** Attaches evidence already uploaded to this finding in the files service. */
  async addEvidence(ctx: RequestContext, id: string, fileIds: readonly string[], on: string) {
    return inTx(this.db, ctx, async (t) => {
      // The finding first: whoever cannot reach it learns nothing about its files.
      await this.get(t.db, ctx.actor, id, P.rectify);
      const found = await t.db
        .select({ id: files.id })
        .from(files)
        .where(
          and(
            inArray(files.id, [...fileIds]),
            eq(files.ownerEntity, EVIDENCE_OWNER),
            eq(files.ownerId, id),
            isNull(files.voidedReason),
          ),
        );
      const ok = new Set(found.map((f) => f.id));
      const i = fileIds.findIndex((f) => !ok.has(f));
      if (i >= 0) throw badInput(`fileIds.${i}`, `附件 ${fileIds[i]} 不存在或不是本问题的附件`);
      const before = await this.advanceIn(t, id, 'evidence', on, `${fileIds.length} 个附件`);
      const next = [...new Set([...before.evidenceFileIds, ...fileIds])];
      await t.db.update(findings).set({ evidenceFileIds: next }).where(eq(findings.id, id));
      t.audit({
        action: 'findings.evidence.add',
        entity: 'finding',
        entityId: id,
        diff: { evidenceFileIds: [before.evidenceFileIds, next] },
      });
      return this.get(t.db, ctx.actor, id, P.rectify);
    });
  }

  /** The owning unit reports the rectification done; measures must be on record first. */
  async submit(ctx: RequestContext, id: string, on: string, note: string | null) {
    return inTx(this.db, ctx, (t) => this.advanceIn(t, id, 'submitted', on, note));
  }

  /** The office verifies the reported rectification and closes it (销号), or sends it back. */
  async verify(
    ctx: RequestContext,
    id: string,
    outcome: 'closed' | 'rejected',
    on: string,
    note: string | null,
  ) {
    return inTx(this.db, ctx, (t) => this.advanceIn(t, id, outcome, on, note));
  }

  /** A closed finding found not truly rectified goes back to the owning unit, with the reason. */
  async reopen(ctx: RequestContext, id: string, on: string, reason: string) {
    return inTx(this.db, ctx, (t) => this.advanceIn(t, id, 'reopened', on, reason));
  }

  /** A finding opened in error is voided with a reason, never deleted; it leaves every figure. */
  async void(ctx: RequestContext, id: string, reason: string) {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.get(t.db, ctx.actor, id, P.manage);
      if (before.voided) throw new DomainError(409, 'ALREADY_VOIDED', '该问题已作废', { id });
      await markVoided(t, findings, id, reason, { action: 'findings.void', entity: 'finding' });
      return this.get(t.db, ctx.actor, id, P.manage);
    });
  }

  /** For the files service: the path of the unit that must rectify, to guard the evidence files. */
  static async unitPathOf(db: Db, id: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [r] = await db
      .select({ path: orgUnits.path })
      .from(findings)
      .innerJoin(orgUnits, eq(orgUnits.id, findings.unitId))
      .where(eq(findings.id, id));
    return r?.path ?? null;
  }
}

/** For modules that show their findings: the current state of each finding by id. */
export async function findingStatusOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { state: FindingState; closedOn: string | null; overdue: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: findings.id,
      state: stateSql,
      closedOn: closedOnSql,
      overdue: overdueSql(todayInShanghai()),
    })
    .from(findings)
    .where(inArray(findings.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { state: r.state, closedOn: r.closedOn, overdue: r.overdue }]));
}
