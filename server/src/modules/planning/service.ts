import { markVoided } from '../../db/void.js';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor, type Scope } from '../../platform/access/actor.js';
import { diffOf, snapshotOf } from '../../platform/audit/diff.js';
import type { CalendarService } from '../../platform/calendar/service.js';
import type { FilesService } from '../../platform/files/service.js';
import { DomainError, badInput, conflict, notFound } from '../../platform/http/errors.js';
import { orgUnits } from '../../platform/org/schema.js';
import type {
  CreateTask,
  ProgressView,
  ReportProgress,
  ReviewProgress,
  TaskQuery,
  TaskView,
  UpdateTask,
} from './contract.js';
import { progressStatuses } from './kinds.js';
import { tellNewTask, tellProgressReturned } from './notify.js';
import { planningProgress, planningTaskUnits, planningTasks } from './schema.js';
import { refreshAccepted } from './state.js';
import { findTasks, present } from './task-reads.js';
import { activeUnits, todayInShanghai } from './units.js';
import { notePlanUnits, visiblePlans, type PlanFilter } from './visible.js';

export const P = { read: 'planning.read', manage: 'planning.manage', report: 'planning.report' } as const;

/** Tasks of `t` seen through `scopes`: the plan's owner, the lead unit or a participating unit is in scope. */
export const taskVisible = (scopes: readonly Scope[]): SQL => sql`(${inScope(sql`ou.path`, scopes)}
  or ${inScope(sql`lu.path`, scopes)}
  or exists (select 1 from planning_task_units tu join org_units pu on pu.id = tu.unit_id
             where tu.task_id = t.id and ${inScope(sql`pu.path`, scopes)}))`;

export class PlanningService {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly files: FilesService,
  ) {}

  private async checkFiles(
    actor: Actor,
    ownerEntity: string,
    ownerId: string,
    ids: readonly string[],
    field: string,
  ) {
    if (!ids.length) return;
    const have = new Set((await this.files.list(actor, { ownerEntity, ownerId })).map((f) => f.id));
    ids.forEach((id, i) => {
      if (!have.has(id)) throw badInput(`${field}.${i}`, `附件 ${id} 不存在，或不是为本记录上传的`);
    });
  }

  // ——— tasks ———

  /** The plans with tasks visible through `scopes`, their state cut-offs computed for `today`. */
  visiblePlans(db: Db, scopes: readonly Scope[], today: string, f: PlanFilter = {}) {
    return visiblePlans(db, this.calendar, scopes, today, f);
  }

  /** The task list in the actor's scope, each task's state computed for `today`, filterable on it. */
  async listTasks(actor: Actor, f: TaskQuery) {
    const today = f.today ?? todayInShanghai();
    const plans = await this.visiblePlans(this.db, actor.scopes(P.read), today, {
      planId: f.planId,
      year: f.year,
    });
    const { rows, total } = await findTasks(
      this.db,
      plans,
      today,
      { ...f, includeVoided: f.includeVoided === 'true' },
      { limit: f.pageSize, offset: (f.page - 1) * f.pageSize },
    );
    return { items: await present(this.db, rows), total, page: f.page, pageSize: f.pageSize, today };
  }

  async getTask(db: Db, actor: Actor, id: string, permission: string = P.read, today = todayInShanghai()) {
    const [task] = await query<{ plan_id: string }>(
      db,
      sql`select plan_id from planning_tasks where id = ${id}`,
    );
    const plans = task
      ? await this.visiblePlans(db, actor.scopes(permission), today, { planId: task.plan_id })
      : [];
    const { rows } = await findTasks(db, plans, today, { id, includeVoided: true });
    if (!rows.length) throw notFound('任务', id);
    return (await present(db, rows))[0]!;
  }

  async taskDetail(actor: Actor, id: string, today?: string) {
    const task = await this.getTask(this.db, actor, id, P.read, today);
    return { ...task, progress: await this.progressOf(this.db, id) };
  }

  /** Manage scope: the plan's owner must be in it (a lead unit does not manage the task it leads). */
  private async managedTask(db: Db, actor: Actor, id: string) {
    const [row] = await query<{ id: string; plan_id: string; lead_unit_id: number; voided: boolean }>(
      db,
      sql`select t.id, t.plan_id, t.lead_unit_id, t.voided_at is not null as voided
          from planning_tasks t join org_units ou on ou.id = t.unit_id
          join planning_plans pl on pl.id = t.plan_id
          where t.id = ${id} and pl.voided_at is null and ${inScope(sql`ou.path`, actor.scopes(P.manage))}
          for update of t`,
    );
    if (!row) throw notFound('任务', id);
    return row;
  }

  private async checkTaskUnits(t: Tx, input: UpdateTask) {
    await activeUnits(t.db, [input.leadUnitId], 'leadUnitId');
    await activeUnits(t.db, input.participantUnitIds, 'participantUnitIds');
    if (input.meetingId) {
      const [m] = await query<{ id: string }>(
        t.db,
        sql`select m.id from planning_meetings m join org_units o on o.id = m.unit_id
            where m.id = ${input.meetingId} and m.voided_at is null
              and ${inScope(sql`o.path`, t.ctx.actor.scopes(P.manage))}`,
      );
      if (!m) throw badInput('meetingId', '会议不存在、已作废或不在您的权限范围内');
    }
  }

  private fields(input: UpdateTask) {
    return {
      title: input.title,
      content: input.content ?? null,
      targets: input.targets ?? null,
      steps: input.steps ?? null,
      leadUnitId: input.leadUnitId,
      deadline: input.deadline,
      system: input.system ?? null,
      meetingId: input.meetingId ?? null,
      note: input.note ?? null,
    };
  }

  /**
   * Task states need the calendar, which loads through this.db; PGlite serves one connection, so it is
   * loaded (or found cached) before a transaction opens, never from inside one.
   */
  warm() {
    return this.calendar.calendar();
  }

  async createTask(ctx: RequestContext, input: CreateTask, today?: string): Promise<TaskView> {
    await this.warm();
    return inTx(this.db, ctx, (t) => this.createTaskIn(t, input, today));
  }

  /** One task inside a caller's transaction (the Excel import runs every row in one). */
  async createTaskIn(t: Tx, input: CreateTask, today?: string): Promise<TaskView> {
    // The plan row is locked so two clerks adding tasks at once cannot take the same 序号.
    const [plan] = await query<{ id: string; unit_id: number; voided: boolean }>(
      t.db,
      sql`select pl.id, pl.unit_id, pl.voided_at is not null as voided from planning_plans pl
          join org_units o on o.id = pl.unit_id
          where pl.id = ${input.planId} and ${inScope(sql`o.path`, t.ctx.actor.scopes(P.manage))}
          for update of pl`,
    );
    if (!plan || plan.voided) throw badInput('planId', '工作计划不存在、已作废或不在您的权限范围内');
    await this.checkTaskUnits(t, input);
    const [next] = await query<{ n: number }>(
      t.db,
      sql`select coalesce(max(seq), 0)::int + 1 as n from planning_tasks where plan_id = ${input.planId}`,
    );
    const [row] = await t.db
      .insert(planningTasks)
      .values({
        planId: input.planId,
        unitId: plan.unit_id,
        seq: next!.n,
        ...this.fields(input),
        createdBy: t.ctx.actor.id,
      })
      .returning();
    if (input.participantUnitIds.length)
      await t.db
        .insert(planningTaskUnits)
        .values(input.participantUnitIds.map((unitId) => ({ taskId: row!.id, unitId })));
    await t.db.execute(notePlanUnits(sql`t.id = ${row!.id}`));
    t.audit({
      action: 'planning.task.create',
      entity: 'planning_task',
      entityId: row!.id,
      diff: snapshotOf({ ...row!, participantUnitIds: input.participantUnitIds }),
    });
    const view = await this.getTask(t.db, t.ctx.actor, row!.id, P.manage, today);
    await tellNewTask(t, view); // notifications: 新任务 to the lead and participating units
    return view;
  }

  async updateTask(ctx: RequestContext, id: string, input: UpdateTask): Promise<TaskView> {
    await this.warm();
    return inTx(this.db, ctx, async (t) => {
      const cur = await this.managedTask(t.db, ctx.actor, id);
      if (cur.voided) throw conflict('VOIDED', '该任务已作废，不能修改', { id });
      const before = await this.getTask(t.db, ctx.actor, id, P.manage);
      await this.checkTaskUnits(t, input);
      await t.db
        .update(planningTasks)
        .set({ ...this.fields(input), updatedAt: new Date() })
        .where(eq(planningTasks.id, id));
      // 参与单位 rows belong to the task: a correction replaces them, the audit diff keeps the old ones.
      await t.db.delete(planningTaskUnits).where(eq(planningTaskUnits.taskId, id));
      if (input.participantUnitIds.length)
        await t.db
          .insert(planningTaskUnits)
          .values(input.participantUnitIds.map((unitId) => ({ taskId: id, unitId })));
      await t.db.execute(notePlanUnits(sql`t.id = ${id}`));
      const after = await this.getTask(t.db, ctx.actor, id, P.manage);
      const strip = ({ state: _s, stateLabel: _l, ...v }: TaskView) => v;
      t.audit({
        action: 'planning.task.update',
        entity: 'planning_task',
        entityId: id,
        diff: diffOf(strip(before), strip(after)),
      });
      return after;
    });
  }

  async voidTask(ctx: RequestContext, id: string, reason: string): Promise<TaskView> {
    await this.warm();
    return inTx(this.db, ctx, async (t) => {
      const cur = await this.managedTask(t.db, ctx.actor, id);
      if (cur.voided) throw conflict('ALREADY_VOIDED', '该任务已作废', { id });
      await markVoided(t, planningTasks, id, reason, {
        action: 'planning.task.void',
        entity: 'planning_task',
      });
      return this.getTask(t.db, ctx.actor, id, P.manage);
    });
  }

  // ——— progress ———

  async progressOf(db: Db, taskId: string): Promise<ProgressView[]> {
    const rows = await db
      .select({ p: planningProgress, unitName: orgUnits.name })
      .from(planningProgress)
      .innerJoin(orgUnits, eq(orgUnits.id, planningProgress.unitId))
      .where(eq(planningProgress.taskId, taskId))
      .orderBy(asc(planningProgress.reportedOn), asc(planningProgress.createdAt));
    return rows.map(({ p, unitName }) => ({
      id: p.id,
      taskId: p.taskId,
      unit: { id: p.unitId, name: unitName },
      role: p.role,
      reportedOn: p.reportedOn,
      content: p.content,
      percent: p.percent,
      fileIds: p.fileIds,
      status: p.status,
      statusLabel: progressStatuses[p.status],
      reviewedAt: p.reviewedAt?.toISOString() ?? null,
      reviewReason: p.reviewReason,
      createdAt: p.createdAt.toISOString(),
    }));
  }

  /**
   * The lead unit reports the task's progress; a participating unit reports its part. The clerk must
   * hold planning.report over the reporting unit, which must be the task's lead or a participant.
   */
  async reportProgress(ctx: RequestContext, taskId: string, input: ReportProgress): Promise<ProgressView> {
    if (input.reportedOn > todayInShanghai()) throw badInput('reportedOn', '报送日期不能晚于今天');
    await this.warm();
    // The files service reads through this.db: checked before the transaction opens.
    await this.checkFiles(
      ctx.actor,
      'planning.taskUnit',
      `${taskId}:${input.unitId}`,
      input.fileIds,
      'fileIds',
    );
    return inTx(this.db, ctx, async (t) => {
      const task = await this.getTask(t.db, ctx.actor, taskId, P.report);
      if (task.voided) throw conflict('VOIDED', '该任务已作废，不能报送进展', { id: taskId });
      const involved = [task.leadUnit.id, ...task.participantUnits.map((u) => u.id)];
      if (!involved.includes(input.unitId))
        throw badInput('unitId', '报送单位应为该任务的牵头单位或参与单位');
      const unit = (await activeUnits(t.db, [input.unitId], 'unitId')).get(input.unitId)!;
      if (!ctx.actor.covers(P.report, unit.path)) throw badInput('unitId', `您不能代“${unit.name}”报送进展`);
      const role = input.unitId === task.leadUnit.id ? 'lead' : 'participant';
      if (role === 'lead' && (input.percent === null || input.percent === undefined))
        throw badInput('percent', '牵头单位报送进展须填写完成进度（0—100）');
      const [row] = await t.db
        .insert(planningProgress)
        .values({
          taskId,
          unitId: input.unitId,
          role,
          reportedOn: input.reportedOn,
          content: input.content,
          percent: input.percent ?? null,
          fileIds: input.fileIds,
          createdBy: ctx.actor.id,
        })
        .returning();
      t.audit({
        action: 'planning.progress.report',
        entity: 'planning_progress',
        entityId: row!.id,
        diff: snapshotOf(row!),
      });
      return (await this.progressOf(t.db, taskId)).find((p) => p.id === row!.id)!;
    });
  }

  /** The office accepts a report (it then counts toward the task's state) or returns it with a reason. */
  async reviewProgress(ctx: RequestContext, id: string, input: ReviewProgress): Promise<ProgressView> {
    return inTx(this.db, ctx, async (t) => {
      const [p] = await t.db
        .select({ taskId: planningProgress.taskId, status: planningProgress.status })
        .from(planningProgress)
        .where(eq(planningProgress.id, id))
        .for('update');
      if (!p) throw notFound('进展报送', id);
      try {
        await this.managedTask(t.db, ctx.actor, p.taskId);
      } catch (e) {
        if (e instanceof DomainError && e.status === 404) throw notFound('进展报送', id);
        throw e;
      }
      if (p.status !== 'submitted')
        throw conflict('ALREADY_REVIEWED', `该进展已${progressStatuses[p.status]}，不能重复审核`, { id });
      const status = input.decision === 'accept' ? 'accepted' : 'returned';
      await t.db
        .update(planningProgress)
        .set({
          status,
          reviewedAt: new Date(),
          reviewedBy: ctx.actor.id,
          reviewReason: input.reason ?? null,
          updatedAt: new Date(),
        })
        .where(eq(planningProgress.id, id));
      t.audit({
        action: `planning.progress.${input.decision}`,
        entity: 'planning_progress',
        entityId: id,
        diff: { status: [p.status, status], reason: input.reason ?? null },
      });
      if (status === 'returned')
        await tellProgressReturned(t, id); // notifications: 进展被退回
      else await t.db.execute(refreshAccepted(sql`t.id = ${p.taskId}`));
      return (await this.progressOf(t.db, p.taskId)).find((x) => x.id === id)!;
    });
  }

  // ——— for the files service ———

  /** `taskId:unitId` → the unit's path, when the unit leads or joins the task (progress attachments). */
  static async taskUnitPath(db: Db, ownerId: string): Promise<string | null> {
    const m = /^([0-9a-f-]{36}):(\d{1,9})$/i.exec(ownerId);
    if (!m) return null;
    const [r] = await query<{ path: string }>(
      db,
      sql`select u.path from planning_tasks t join org_units u on u.id = ${Number(m[2])}
          where t.id = ${m[1]} and (t.lead_unit_id = u.id or exists (
            select 1 from planning_task_units tu where tu.task_id = t.id and tu.unit_id = u.id))`,
    );
    return r?.path ?? null;
  }
}
