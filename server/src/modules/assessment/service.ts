import { and, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput, conflict, DomainError, notFound } from '../../platform/http/errors.js';
import { orgUnits } from '../../platform/org/schema.js';
import { openFinding } from '../findings/service.js';
import type {
  CreateRound,
  CreateSystem,
  IndicatorInput,
  RoundView,
  ScoreItems,
  SelfEvaluate,
  SheetView,
  SystemView,
} from './contract.js';
import { compareCodes, depthOf, parentCodeOf } from './kinds.js';
import {
  assessmentIndicators,
  assessmentRoundUnits,
  assessmentRounds,
  assessmentScores,
  assessmentSystems,
} from './schema.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

export const P = {
  read: 'assessment.read',
  manage: 'assessment.manage',
  selfEvaluate: 'assessment.selfEvaluate',
} as const;

/** The files service's owner entity for self-evaluation evidence: its id is the round unit's. */
export const EVIDENCE_OWNER = 'assessment.selfEvaluation';

interface RoundRow {
  id: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  division_code: string;
  system_id: string;
  system_name: string;
  year: number;
  title: string;
  published_on: string | null;
}

export class AssessmentService {
  constructor(private readonly db: Db) {}

  // ——— indicator systems ———

  /** Seen by whoever sees its owner, or an assessed unit of a round using it. */
  async getSystem(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<SystemView> {
    const scopes = actor.scopes(permission);
    const [s] = await query<{
      id: string;
      unit_id: number;
      unit_name: string;
      division_code: string;
      year: number;
      name: string;
    }>(
      db,
      sql`select s.id, s.unit_id, u.name as unit_name, s.division_code, s.year, s.name
          from assessment_systems s join org_units u on u.id = s.unit_id
          where s.id = ${id} and ((${inScope(sql`u.path`, scopes)}) or exists (
            select 1 from assessment_rounds r join assessment_round_units ru on ru.round_id = r.id
              join org_units au on au.id = ru.unit_id
            where r.system_id = s.id and (${inScope(sql`au.path`, scopes)})))`,
    );
    if (!s) throw notFound('考核指标体系', id);
    const rows = await db.select().from(assessmentIndicators).where(eq(assessmentIndicators.systemId, id));
    rows.sort((a, b) => compareCodes(a.code, b.code));
    const indicators = rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      points: r.points,
      scoringNotes: r.scoringNotes,
      parentCode: parentCodeOf(r.code),
      depth: depthOf(r.code),
      leaf: !rows.some((c) => parentCodeOf(c.code) === r.code),
    }));
    return {
      id: s.id,
      unitId: s.unit_id,
      unitName: s.unit_name,
      divisionCode: s.division_code,
      year: s.year,
      name: s.name,
      totalPoints: indicators.filter((i) => i.depth === 1).reduce((a, i) => a + i.points, 0),
      indicators,
    };
  }

  async listSystems(actor: Actor) {
    const scopes = actor.scopes(P.read);
    return query<{ id: string; year: number; name: string; unitName: string }>(
      this.db,
      sql`select s.id, s.year, s.name, u.name as "unitName" from assessment_systems s join org_units u on u.id = s.unit_id
          where (${inScope(sql`u.path`, scopes)}) or exists (
            select 1 from assessment_rounds r join assessment_round_units ru on ru.round_id = r.id
              join org_units au on au.id = ru.unit_id
            where r.system_id = s.id and (${inScope(sql`au.path`, scopes)}))
          order by s.year desc, s.created_at desc`,
    );
  }

  async createSystem(ctx: RequestContext, input: CreateSystem): Promise<SystemView> {
    return inTx(this.db, ctx, async (t) => {
      const [u] = await t.db
        .select({ id: orgUnits.id, divisionCode: orgUnits.divisionCode })
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.id, input.unitId),
            eq(orgUnits.active, true),
            inScope(orgUnits.path, ctx.actor.scopes(P.manage)),
          ),
        );
      if (!u) throw badInput('unitId', `单位 ${input.unitId} 不存在、已停用或不在您的管理范围内`);
      const [s] = await t.db
        .insert(assessmentSystems)
        .values({
          unitId: u.id,
          divisionCode: u.divisionCode,
          year: input.year,
          name: input.name,
          createdBy: ctx.actor.id,
        })
        .returning();
      t.audit({ action: 'assessment.system.create', entity: 'assessmentSystem', entityId: s!.id, diff: s });
      for (const [i, ind] of input.indicators.entries()) {
        try {
          await this.addIndicator(t, s!.id, ind);
        } catch (e) {
          const field = (e as { extra?: { errors?: { field: string }[] } }).extra?.errors?.[0]?.field;
          if (field)
            (e as { extra: { errors: { field: string }[] } }).extra.errors[0]!.field =
              `indicators.${i}.${field}`;
          throw e;
        }
      }
      return this.getSystem(t.db, ctx.actor, s!.id, P.manage);
    });
  }

  /**
   * Adds one indicator: its code is new in the system and its parent (the code's prefix) is already
   * there. A system a round uses is fixed: changing it would change published scores' meaning.
   */
  async addIndicator(t: Tx, systemId: string, input: IndicatorInput) {
    const [used] = await t.db
      .select({ id: assessmentRounds.id })
      .from(assessmentRounds)
      .where(eq(assessmentRounds.systemId, systemId));
    if (used) throw conflict('SYSTEM_IN_USE', '该指标体系已用于考核，不能再修改', { roundId: used.id });
    const existing = await t.db
      .select({ id: assessmentIndicators.id, code: assessmentIndicators.code })
      .from(assessmentIndicators)
      .where(eq(assessmentIndicators.systemId, systemId));
    if (existing.some((e) => e.code === input.code)) throw badInput('code', `编码 ${input.code} 已存在`);
    const parentCode = parentCodeOf(input.code);
    const parent = parentCode ? existing.find((e) => e.code === parentCode) : null;
    if (parentCode && !parent) throw badInput('code', `上级指标 ${parentCode} 不存在（上级须先于下级录入）`);
    const [row] = await t.db
      .insert(assessmentIndicators)
      .values({
        systemId,
        code: input.code,
        parentId: parent?.id ?? null,
        name: input.name,
        points: input.points,
        scoringNotes: input.scoringNotes ?? null,
      })
      .returning();
    t.audit({
      action: 'assessment.indicator.create',
      entity: 'assessmentIndicator',
      entityId: row!.id,
      diff: row,
    });
    return row!;
  }

  /** Each parent's points must equal the sum of its children's, or the totals would not add up. */
  private checkConsistent(s: SystemView) {
    if (!s.indicators.length) throw badInput('systemId', '该指标体系还没有指标');
    for (const p of s.indicators.filter((i) => !i.leaf)) {
      const sum = s.indicators.filter((c) => c.parentCode === p.code).reduce((a, c) => a + c.points, 0);
      if (Math.abs(sum - p.points) > 1e-6)
        throw badInput(
          'systemId',
          `指标 ${p.code}“${p.name}”分值 ${p.points} 与下级指标分值之和 ${sum} 不一致`,
        );
    }
  }

  // ——— rounds ———

  private async roundRow(
    db: Db,
    actor: Actor,
    id: string,
    permission: string,
  ): Promise<RoundRow & { organiser: boolean }> {
    const scopes = actor.scopes(permission);
    const [r] = await query<RoundRow>(
      db,
      sql`select r.id, r.unit_id, u.name as unit_name, u.path as unit_path, r.division_code, r.system_id,
            s.name as system_name, r.year, r.title, r.published_on
          from assessment_rounds r join org_units u on u.id = r.unit_id join assessment_systems s on s.id = r.system_id
          where r.id = ${id} and ((${inScope(sql`u.path`, scopes)}) or exists (
            select 1 from assessment_round_units ru join org_units au on au.id = ru.unit_id
            where ru.round_id = r.id and (${inScope(sql`au.path`, scopes)})))`,
    );
    if (!r) throw notFound('考核', id);
    return { ...r, organiser: actor.covers(P.manage, r.unit_path) };
  }

  /** Totals and ranks over every unit of the round, in SQL; the rows returned are those the asker may see. */
  private async results(db: Db, actor: Actor, r: RoundRow & { organiser: boolean }) {
    if (!r.organiser && !r.published_on) return [];
    const [max] = await query<{ max: number }>(
      db,
      sql`select coalesce(sum(points), 0)::float8 as max from assessment_indicators where system_id = ${r.system_id} and parent_id is null`,
    );
    const rows = await query<{
      unit_id: number;
      unit_name: string;
      total: number;
      rank: number;
      scored: number;
      deductions: number;
      self_total: number | null;
    }>(
      db,
      sql`select * from (
            select ru.unit_id, u.name as unit_name, u.path, u.sort,
              coalesce(sum(s.score), 0)::float8 as total,
              rank() over (order by coalesce(sum(s.score), 0) desc)::int as rank,
              count(s.score)::int as scored,
              count(*) filter (where s.score < i.points)::int as deductions,
              sum(s.self_score)::float8 as self_total
            from assessment_round_units ru join org_units u on u.id = ru.unit_id
            left join assessment_scores s on s.round_unit_id = ru.id
            left join assessment_indicators i on i.id = s.indicator_id
            where ru.round_id = ${r.id}
            group by ru.unit_id, u.name, u.path, u.sort) x
          where ${r.organiser ? sql`true` : inScope(sql`x.path`, actor.scopes(P.read))}
          order by x.rank, x.sort, x.unit_id`,
    );
    return rows.map((x) => ({
      unitId: x.unit_id,
      unitName: x.unit_name,
      total: x.total,
      maxPoints: max!.max,
      rank: x.rank,
      scoredIndicators: x.scored,
      deductions: x.deductions,
      selfTotal: x.self_total,
    }));
  }

  async getRound(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<RoundView> {
    const r = await this.roundRow(db, actor, id, permission);
    const units = await query<{ unit_id: number; unit_name: string; self: boolean }>(
      db,
      sql`select ru.unit_id, u.name as unit_name, ru.self_submitted_at is not null as self
          from assessment_round_units ru join org_units u on u.id = ru.unit_id
          where ru.round_id = ${id} and ${r.organiser ? sql`true` : inScope(sql`u.path`, actor.scopes(permission))}
          order by u.sort, u.id`,
    );
    const [leaves] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from assessment_indicators i where i.system_id = ${r.system_id}
          and not exists (select 1 from assessment_indicators c where c.parent_id = i.id)`,
    );
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      divisionCode: r.division_code,
      systemId: r.system_id,
      systemName: r.system_name,
      year: r.year,
      title: r.title,
      published: r.published_on !== null,
      publishedOn: r.published_on,
      leafIndicators: leaves!.n,
      assessedUnits: units.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name, selfSubmitted: u.self })),
      results: await this.results(db, actor, r),
    };
  }

  async listRounds(actor: Actor, year?: number) {
    const scopes = actor.scopes(P.read);
    return query<{
      id: string;
      year: number;
      title: string;
      published: boolean;
      publishedOn: string | null;
      unitName: string;
    }>(
      this.db,
      sql`select r.id, r.year, r.title, r.published_on is not null as published, r.published_on as "publishedOn", u.name as "unitName"
          from assessment_rounds r join org_units u on u.id = r.unit_id
          where ${year ? sql`r.year = ${year}` : sql`true`} and ((${inScope(sql`u.path`, scopes)}) or exists (
            select 1 from assessment_round_units ru join org_units au on au.id = ru.unit_id
            where ru.round_id = r.id and (${inScope(sql`au.path`, scopes)})))
          order by r.year desc, r.created_at desc`,
    );
  }

  async createRound(ctx: RequestContext, input: CreateRound): Promise<RoundView> {
    return inTx(this.db, ctx, async (t) => {
      const s = await this.getSystem(t.db, ctx.actor, input.systemId, P.manage).catch(() => {
        throw badInput('systemId', '指标体系不存在或不在您的管理范围内');
      });
      const [owner] = await t.db
        .select({ path: orgUnits.path })
        .from(orgUnits)
        .where(eq(orgUnits.id, s.unitId));
      if (!ctx.actor.covers(P.manage, owner!.path)) throw badInput('systemId', '指标体系不在您的管理范围内');
      this.checkConsistent(s);
      const scope = inScope(sql`u.path`, ctx.actor.scopes(P.manage));
      const inDivision = sql`u.division_code in (select d.code from divisions d where d.path like (select path from divisions where code = ${s.divisionCode}) || '%')`;
      const units = input.unitIds
        ? await query<{ id: number }>(
            t.db,
            sql`select u.id from org_units u where u.active and u.id in (${sql.join(
              input.unitIds.map((i) => sql`${i}`),
              sql`, `,
            )}) and ${inDivision} and (${scope})`,
          )
        : await query<{ id: number }>(
            t.db,
            sql`select u.id from org_units u where u.active and u.kind = 'township' and ${inDivision} and (${scope}) order by u.sort, u.id`,
          );
      const missing = input.unitIds?.findIndex((id) => !units.some((u) => u.id === id)) ?? -1;
      if (missing >= 0)
        throw badInput(
          `unitIds.${missing}`,
          `单位 ${input.unitIds![missing]} 不存在、已停用或不在本地区您的管理范围内`,
        );
      if (!units.length) throw badInput('unitIds', '没有可考核的单位');
      const [r] = await t.db
        .insert(assessmentRounds)
        .values({
          unitId: s.unitId,
          divisionCode: s.divisionCode,
          systemId: s.id,
          year: s.year,
          title: input.title,
          createdBy: ctx.actor.id,
        })
        .returning();
      await t.db
        .insert(assessmentRoundUnits)
        .values([...new Set(units.map((u) => u.id))].map((unitId) => ({ roundId: r!.id, unitId })));
      t.audit({
        action: 'assessment.round.create',
        entity: 'assessmentRound',
        entityId: r!.id,
        diff: { ...r, unitIds: units.map((u) => u.id) },
      });
      return this.getRound(t.db, ctx.actor, r!.id, P.manage);
    });
  }

  // ——— per unit: self-evaluation and scores ———

  private async roundUnit(db: Db, actor: Actor, roundId: string, unitId: number, permission: string) {
    const r = await this.roundRow(db, actor, roundId, permission);
    const [ru] = await query<{
      id: string;
      unit_name: string;
      unit_path: string;
      self_submitted_at: string | Date | null;
    }>(
      db,
      sql`select ru.id, u.name as unit_name, u.path as unit_path, ru.self_submitted_at
          from assessment_round_units ru join org_units u on u.id = ru.unit_id
          where ru.round_id = ${roundId} and ru.unit_id = ${unitId}
            and (${r.organiser && permission !== P.selfEvaluate ? sql`true` : inScope(sql`u.path`, actor.scopes(permission))})`,
    );
    if (!ru) throw notFound('被考核单位', `${roundId}/${unitId}`);
    return { round: r, ru };
  }

  private async leaves(db: Db, systemId: string) {
    const rows = await query<{ id: string; code: string; name: string; points: number }>(
      db,
      sql`select i.id, i.code, i.name, i.points::float8 as points from assessment_indicators i where i.system_id = ${systemId}
          and not exists (select 1 from assessment_indicators c where c.parent_id = i.id)`,
    );
    return rows.sort((a, b) => compareCodes(a.code, b.code));
  }

  async sheet(
    db: Db,
    actor: Actor,
    roundId: string,
    unitId: number,
    permission: string = P.read,
  ): Promise<SheetView> {
    const { round, ru } = await this.roundUnit(db, actor, roundId, unitId, permission);
    const visible = round.organiser || round.published_on !== null;
    const scores = await db.select().from(assessmentScores).where(eq(assessmentScores.roundUnitId, ru.id));
    return {
      roundId,
      roundUnitId: ru.id,
      unitId,
      unitName: ru.unit_name,
      published: round.published_on !== null,
      scoresVisible: visible,
      selfSubmittedAt: ru.self_submitted_at ? new Date(ru.self_submitted_at).toISOString() : null,
      rows: (await this.leaves(db, round.system_id)).map((i) => {
        const s = scores.find((x) => x.indicatorId === i.id);
        return {
          indicatorId: i.id,
          code: i.code,
          name: i.name,
          points: i.points,
          selfScore: s?.selfScore ?? null,
          selfNote: s?.selfNote ?? null,
          evidenceFileIds: s?.evidenceFileIds ?? [],
          score: visible ? (s?.score ?? null) : null,
          method: visible ? (s?.method ?? null) : null,
          deductionReason: visible ? (s?.deductionReason ?? null) : null,
          findingId: visible ? (s?.findingId ?? null) : null,
        };
      }),
    };
  }

  private leafOf(
    leaves: Awaited<ReturnType<AssessmentService['leaves']>>,
    i: number,
    indicatorId: string,
    score: number,
  ) {
    const leaf = leaves.find((l) => l.id === indicatorId);
    if (!leaf) throw badInput(`items.${i}.indicatorId`, '该指标不属于本次考核的指标体系，或不是末级指标');
    if (score > leaf.points)
      throw badInput(`items.${i}`, `指标 ${leaf.code} 满分 ${leaf.points} 分，得分不能超过满分`);
    return leaf;
  }

  private async upsert(
    t: Tx,
    roundUnitId: string,
    indicatorId: string,
    unitId: number,
    set: Partial<typeof assessmentScores.$inferInsert>,
  ) {
    const [row] = await t.db
      .insert(assessmentScores)
      .values({ roundUnitId, indicatorId, unitId, ...set })
      .onConflictDoUpdate({ target: [assessmentScores.roundUnitId, assessmentScores.indicatorId], set })
      .returning();
    return row!;
  }

  /** The township's own evaluation, with evidence attached to its round unit; only before publication. */
  async selfEvaluate(
    ctx: RequestContext,
    roundId: string,
    unitId: number,
    input: SelfEvaluate,
  ): Promise<SheetView> {
    return inTx(this.db, ctx, async (t) => {
      const { round, ru } = await this.roundUnit(t.db, ctx.actor, roundId, unitId, P.selfEvaluate);
      if (round.published_on) throw conflict('PUBLISHED', '考核结果已发布，不能再自评');
      const leaves = await this.leaves(t.db, round.system_id);
      const fileIds = [...new Set(input.items.flatMap((x) => x.evidenceFileIds))];
      if (fileIds.length) {
        const found = await query<{ id: string }>(
          t.db,
          sql`select id from files where owner_entity = ${EVIDENCE_OWNER} and owner_id = ${ru.id} and voided_reason is null
              and id in (${sql.join(
                fileIds.map((f) => sql`${f}::uuid`),
                sql`, `,
              )})`,
        );
        const i = input.items.findIndex((x) => x.evidenceFileIds.some((f) => !found.some((r) => r.id === f)));
        if (i >= 0)
          throw badInput(`items.${i}.evidenceFileIds`, '佐证材料未上传到本单位的本次考核名下，或已作废');
      }
      for (const [i, item] of input.items.entries()) {
        this.leafOf(leaves, i, item.indicatorId, item.selfScore);
        await this.upsert(t, ru.id, item.indicatorId, unitId, {
          selfScore: item.selfScore,
          selfNote: item.note ?? null,
          evidenceFileIds: item.evidenceFileIds,
          selfEvaluatedAt: new Date(),
        });
      }
      await t.db
        .update(assessmentRoundUnits)
        .set({ selfSubmittedAt: new Date() })
        .where(eq(assessmentRoundUnits.id, ru.id));
      t.audit({
        action: 'assessment.self',
        entity: 'assessmentRoundUnit',
        entityId: ru.id,
        diff: { items: input.items },
      });
      return this.sheet(t.db, ctx.actor, roundId, unitId, P.selfEvaluate);
    });
  }

  /** The team's scores; a deduction must say why, and may open a finding for the unit to rectify. */
  async score(ctx: RequestContext, roundId: string, unitId: number, input: ScoreItems): Promise<SheetView> {
    return inTx(this.db, ctx, async (t) => {
      const { round, ru } = await this.roundUnit(t.db, ctx.actor, roundId, unitId, P.manage);
      if (!round.organiser) throw notFound('考核', roundId);
      if (round.published_on) throw conflict('PUBLISHED', '考核结果已发布，不能再修改评分');
      if (input.scoredOn > todayInShanghai()) throw badInput('scoredOn', '评分日期不能晚于今天');
      const leaves = await this.leaves(t.db, round.system_id);
      for (const [i, item] of input.items.entries()) {
        const leaf = this.leafOf(leaves, i, item.indicatorId, item.score);
        const deducted = item.score < leaf.points;
        if (deducted && !item.deductionReason)
          throw badInput(`items.${i}.deductionReason`, `指标 ${leaf.code} 扣分须写明理由`);
        if (!deducted && item.finding) throw badInput(`items.${i}.finding`, '未扣分的指标不能生成问题');
        const row = await this.upsert(t, ru.id, item.indicatorId, unitId, {
          score: item.score,
          method: item.method,
          deductionReason: deducted ? item.deductionReason! : null,
          scoredOn: input.scoredOn,
          scoredBy: ctx.actor.id,
        });
        if (item.finding) {
          if (row.findingId) throw badInput(`items.${i}.finding`, `指标 ${leaf.code} 的扣分已生成问题`);
          const { id } = await openFinding(t, {
            source: { module: 'assessment', kind: 'deduction', id: row.id },
            unitId,
            title: item.finding.title ?? `${round.year}年度法治政府建设考核扣分：${leaf.name}`,
            description: `${leaf.code} ${leaf.name}（满分 ${leaf.points} 分，得 ${item.score} 分）：${item.deductionReason}`,
            severity: item.finding.severity,
            dueOn: item.finding.dueOn,
            foundOn: input.scoredOn,
          }).catch((e: unknown) => {
            throw underItem(e, `items.${i}.finding`, leaf.code);
          });
          await t.db.update(assessmentScores).set({ findingId: id }).where(eq(assessmentScores.id, row.id));
        }
      }
      t.audit({ action: 'assessment.score', entity: 'assessmentRoundUnit', entityId: ru.id, diff: input });
      return this.sheet(t.db, ctx.actor, roundId, unitId, P.manage);
    });
  }

  /** Publishing makes each unit's result visible to it; every unit must be scored on every leaf first. */
  async publish(ctx: RequestContext, id: string, publishedOn: string): Promise<RoundView> {
    return inTx(this.db, ctx, async (t) => {
      const r = await this.roundRow(t.db, ctx.actor, id, P.manage);
      if (!r.organiser) throw notFound('考核', id);
      if (r.published_on) throw conflict('ALREADY_PUBLISHED', `考核结果已于 ${r.published_on} 发布`);
      if (publishedOn > todayInShanghai()) throw badInput('publishedOn', '发布日期不能晚于今天');
      const [m] = await query<{ missing: number }>(
        t.db,
        sql`select count(*)::int as missing from assessment_round_units ru
            cross join assessment_indicators i
            left join assessment_scores s on s.round_unit_id = ru.id and s.indicator_id = i.id
            where ru.round_id = ${id} and i.system_id = ${r.system_id}
              and not exists (select 1 from assessment_indicators c where c.parent_id = i.id)
              and s.score is null`,
      );
      if (m!.missing)
        throw conflict('INCOMPLETE', `还有 ${m!.missing} 项指标未评分，不能发布`, { missing: m!.missing });
      await t.db
        .update(assessmentRounds)
        .set({ publishedOn, publishedBy: ctx.actor.id })
        .where(eq(assessmentRounds.id, id));
      t.audit({
        action: 'assessment.round.publish',
        entity: 'assessmentRound',
        entityId: id,
        diff: { publishedOn },
      });
      return this.getRound(t.db, ctx.actor, id, P.manage);
    });
  }

  /** For the files service: evidence belongs to a round unit, scoped by the assessed unit. */
  static async unitPathOf(db: Db, roundUnitId: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(roundUnitId)) return null;
    const [r] = await db
      .select({ path: orgUnits.path })
      .from(assessmentRoundUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, assessmentRoundUnits.unitId))
      .where(eq(assessmentRoundUnits.id, roundUnitId));
    return r?.path ?? null;
  }
}

/** The findings service names its own fields (dueOn); the sheet needs to know which row refused. */
function underItem(e: unknown, prefix: string, code: string): unknown {
  if (!(e instanceof DomainError) || e.status !== 400) return e;
  const errors = (e.extra.errors as { field: string; message: string }[] | undefined) ?? [];
  const field = errors[0] ? `${prefix}.${errors[0].field}` : prefix;
  return badInput(field, `指标 ${code}：${e.detail}`);
}
