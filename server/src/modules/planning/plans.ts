import { markVoided } from '../../db/void.js';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { diffOf, snapshotOf } from '../../platform/audit/diff.js';
import type { FilesService } from '../../platform/files/service.js';
import { badInput, conflict, notFound } from '../../platform/http/errors.js';
import { orgUnits } from '../../platform/org/schema.js';
import type { AddDocument, CreatePlan, PlanView, UpdatePlan } from './contract.js';
import { planningDocuments, planningPlans } from './schema.js';
import { P, taskVisible } from './service.js';
import { ownUnit } from './units.js';

/** Yearly work plans (工作要点 + 任务清单) and the documents they were issued by. */
export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly files: FilesService,
  ) {}

  private async planRow(db: Db, actor: Actor, id: string, permission: string) {
    const scopes = actor.scopes(permission);
    const [row] = await db
      .select({ p: planningPlans, unitName: orgUnits.name, unitPath: orgUnits.path })
      .from(planningPlans)
      .innerJoin(orgUnits, eq(orgUnits.id, planningPlans.unitId))
      .where(
        and(
          eq(planningPlans.id, id),
          // a unit that leads or joins one of the plan's tasks may read the plan too
          permission === P.read
            ? sql`(${inScope(orgUnits.path, scopes)} or exists (
                select 1 from planning_tasks t join org_units ou on ou.id = t.unit_id
                join org_units lu on lu.id = t.lead_unit_id
                where t.plan_id = ${planningPlans.id} and t.voided_at is null and ${taskVisible(scopes)}))`
            : inScope(orgUnits.path, scopes),
        ),
      );
    if (!row) throw notFound('工作计划', id);
    return row;
  }

  async getPlan(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<PlanView> {
    const { p, unitName } = await this.planRow(db, actor, id, permission);
    const docs = await db
      .select()
      .from(planningDocuments)
      .where(and(eq(planningDocuments.planId, id), isNull(planningDocuments.voidedAt)))
      .orderBy(asc(planningDocuments.issuedOn), asc(planningDocuments.createdAt));
    const [n] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from planning_tasks where plan_id = ${id} and voided_at is null`,
    );
    return {
      id: p.id,
      unitId: p.unitId,
      unitName,
      year: p.year,
      title: p.title,
      riskWorkdays: p.riskWorkdays,
      riskThreshold: p.riskThreshold,
      note: p.note,
      documents: docs.map((d) => ({
        id: d.id,
        title: d.title,
        docNumber: d.docNumber,
        issuedOn: d.issuedOn,
        fileId: d.fileId,
      })),
      taskCount: Number(n?.n ?? 0),
      voided: p.voidedAt !== null,
      voidedReason: p.voidedReason,
      createdAt: p.createdAt.toISOString(),
    };
  }

  async listPlans(actor: Actor, year?: number): Promise<PlanView[]> {
    const scopes = actor.scopes(P.read);
    const rows = await query<{ id: string }>(
      this.db,
      sql`select pl.id from planning_plans pl join org_units o on o.id = pl.unit_id
          where pl.voided_at is null ${year ? sql`and pl.year = ${year}` : sql``}
            and (${inScope(sql`o.path`, scopes)} or exists (
              select 1 from planning_tasks t join org_units ou on ou.id = t.unit_id
              join org_units lu on lu.id = t.lead_unit_id
              where t.plan_id = pl.id and t.voided_at is null and ${taskVisible(scopes)}))
          order by pl.year desc, o.sort, pl.created_at`,
    );
    const out: PlanView[] = [];
    for (const r of rows) out.push(await this.getPlan(this.db, actor, r.id));
    return out;
  }

  async createPlan(ctx: RequestContext, input: CreatePlan): Promise<PlanView> {
    return inTx(this.db, ctx, async (t) => {
      await ownUnit(t.db, ctx.actor, input.unitId, P.manage);
      const [dup] = await t.db
        .select({ id: planningPlans.id })
        .from(planningPlans)
        .where(
          and(
            eq(planningPlans.unitId, input.unitId),
            eq(planningPlans.year, input.year),
            isNull(planningPlans.voidedAt),
          ),
        );
      if (dup) throw conflict('PLAN_EXISTS', `该单位${input.year}年度已有工作计划`, { id: dup.id });
      const [row] = await t.db
        .insert(planningPlans)
        .values({ ...input, note: input.note ?? null, createdBy: ctx.actor.id })
        .returning();
      t.audit({
        action: 'planning.plan.create',
        entity: 'planning_plan',
        entityId: row!.id,
        diff: snapshotOf(row!),
      });
      return this.getPlan(t.db, ctx.actor, row!.id, P.manage);
    });
  }

  async updatePlan(ctx: RequestContext, id: string, input: UpdatePlan): Promise<PlanView> {
    return inTx(this.db, ctx, async (t) => {
      const { p } = await this.planRow(t.db, ctx.actor, id, P.manage);
      if (p.voidedAt) throw conflict('VOIDED', '该计划已作废，不能修改', { id });
      const next = { ...input, note: input.note ?? null };
      await t.db
        .update(planningPlans)
        .set({ ...next, updatedAt: new Date() })
        .where(eq(planningPlans.id, id));
      t.audit({
        action: 'planning.plan.update',
        entity: 'planning_plan',
        entityId: id,
        diff: diffOf(p, { ...p, ...next }),
      });
      return this.getPlan(t.db, ctx.actor, id, P.manage);
    });
  }

  async voidPlan(ctx: RequestContext, id: string, reason: string): Promise<PlanView> {
    return inTx(this.db, ctx, async (t) => {
      const { p } = await this.planRow(t.db, ctx.actor, id, P.manage);
      if (p.voidedAt) throw conflict('ALREADY_VOIDED', '该计划已作废', { id });
      await markVoided(t, planningPlans, id, reason, {
        action: 'planning.plan.void',
        entity: 'planning_plan',
      });
      return this.getPlan(t.db, ctx.actor, id, P.manage);
    });
  }

  /** Files attached to `ownerEntity:ownerId` in the files service; every id given must be one of them. */
  async addDocument(ctx: RequestContext, planId: string, input: AddDocument): Promise<PlanView> {
    await this.planRow(this.db, ctx.actor, planId, P.manage);
    if (input.fileId) {
      const have = (await this.files.list(ctx.actor, { ownerEntity: 'planning.plan', ownerId: planId })).map(
        (f) => f.id,
      );
      if (!have.includes(input.fileId)) throw badInput('fileId', '附件不存在，或不是为本计划上传的');
    }
    return inTx(this.db, ctx, async (t) => {
      const { p } = await this.planRow(t.db, ctx.actor, planId, P.manage);
      if (p.voidedAt) throw conflict('VOIDED', '该计划已作废', { id: planId });
      const [row] = await t.db
        .insert(planningDocuments)
        .values({
          planId,
          title: input.title,
          docNumber: input.docNumber ?? null,
          issuedOn: input.issuedOn ?? null,
          fileId: input.fileId ?? null,
          createdBy: ctx.actor.id,
        })
        .returning();
      t.audit({
        action: 'planning.document.create',
        entity: 'planning_document',
        entityId: row!.id,
        diff: snapshotOf(row!),
      });
      return this.getPlan(t.db, ctx.actor, planId, P.manage);
    });
  }

  /** For the files service: the plan's owning unit decides who sees and attaches its documents. */
  static async planUnitPath(db: Db, id: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [r] = await db
      .select({ path: orgUnits.path })
      .from(planningPlans)
      .innerJoin(orgUnits, eq(orgUnits.id, planningPlans.unitId))
      .where(eq(planningPlans.id, id));
    return r?.path ?? null;
  }
}
