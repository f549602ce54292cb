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
import { progressStatuses, systems, taskStates, type TaskState, type TaskSystem } from './kinds.js';
import { tellNewTask, tellProgressReturned } from './notify.js';
import { planningProgress, planningTaskUnits, planningTasks } from './schema.js';
import { acceptedPercent, cutoffTable, cutoffsFor, refreshAccepted, stateSql } from './state.js';
import { activeUnits, todayInShanghai } from './units.js';

export const P = { read: 'planning.read', manage: 'planning.manage', report: 'planning.report' } as const;

/** Tasks of `t` seen through `scopes`: the plan's owner, the lead unit or a participating unit is in scope. */
export const taskVisible = (scopes: readonly Scope[]): SQL => sql`(${inScope(sql`ou.path`, scopes)}
  or ${inScope(sql`lu.path`, scopes)}
  or exists (select 1 from planning_task_units tu join org_units pu on pu.id = tu.unit_id
             where tu.task_id = t.id and ${inScope(sql`pu.path`, scopes)}))`;

interface TaskRow {
  id: string;
  plan_id: string;
  plan_title: string;
  year: number;
  seq: number;
  title: string;
  content: string | null;
  targets: string | null;
  steps: string | null;
  lead_unit_id: number;
  lead_name: string;
  deadline: string;
  system: TaskSystem | null;
  meeting_id: string | null;
  note: string | null;
  voided: boolean;
  voided_reason: string | null;
  pct: number | null;
  state: TaskState;
  total: string | number;
}

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

  /** Per-plan cut-offs of the state rule for `today` (see state.ts). */
  async cutoffs(db: Db, today: string, planId?: string) {
    const plans = await query<{ id: string; path: string; risk_workdays: number }>(
      db,
      sql`select pl.id, d.path, pl.risk_workdays from planning_plans pl
          join org_units o on o.id = pl.unit_id join divisions d on d.code = o.division_code
          where pl.voided_at is null ${planId ? sql`and pl.id = ${planId}` : sql``}`,
    );
    const memo = new Map<string, Awaited<ReturnType<typeof cutoffsFor>>>();
    const rows = [];
    for (const p of plans) {
      const key = `${p.path}|${p.risk_workdays}`;
      let cut = memo.get(key);
      if (!cut) memo.set(key, (cut = await cutoffsFor(this.calendar, today, p.risk_workdays, p.path)));
      rows.push({ planId: p.id, cut });
    }
    return cutoffTable(rows);
  }

  private async taskRows(
    db: Db,
    where: SQL,
    today: string,
    opts: { planId?: string; state?: TaskState; limit?: number; offset?: number },
  ) {
    const rc = await this.cutoffs(db, today, opts.planId);
    const stateFilter = opts.state ? sql`where x.state = ${opts.state}` : sql``;
    // One query for the page and, by a window count, the total of the filtered set.
    const rows = await query<TaskRow & { total: number }>(
      db,
      sql`select x.*, (count(*) over ())::int as total from (
            select t.id, t.plan_id, pl.title as plan_title, pl.year, t.seq, t.title, t.content, t.targets,
              t.steps, t.lead_unit_id, lu.name as lead_name, t.deadline::text as deadline, t.system,
              t.meeting_id, t.note, t.voided_at is not null as voided, t.voided_reason, a.pct,
              ${stateSql(sql`a.pct`)} as state
            from planning_tasks t
            join planning_plans pl on pl.id = t.plan_id
            join org_units ou on ou.id = t.unit_id
            join org_units lu on lu.id = t.lead_unit_id
            join ${rc} on rc.plan_id = t.plan_id
            cross join lateral (select ${acceptedPercent(today)} as pct offset 0) a
            where ${where}) x
          ${stateFilter}
          order by x.year desc, x.plan_id, x.seq
          ${opts.limit ? sql`limit ${opts.limit} offset ${opts.offset ?? 0}` : sql``}`,
    );
    if (rows.length || !opts.limit || !opts.offset) return { rows, total: rows[0]?.total ?? 0 };
    // a page past the end has no row to carry the total
    const [n] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select ${stateSql(sql`a.pct`)} as state
          from planning_tasks t join planning_plans pl on pl.id = t.plan_id
          join org_units ou on ou.id = t.unit_id join org_units lu on lu.id = t.lead_unit_id
          join ${rc} on rc.plan_id = t.plan_id
          cross join lateral (select ${acceptedPercent(today)} as pct offset 0) a where ${where}) x
          ${stateFilter}`,
    );
    return { rows, total: Number(n?.n ?? 0) };
  }

  private async present(db: Db, rows: TaskRow[]): Promise<TaskView[]> {
    const ids = rows.map((r) => r.id);
    const parts = ids.length
      ? await query<{ task_id: string; id: number; name: string }>(
          db,
          sql`select tu.task_id, u.id, u.name from planning_task_units tu join org_units u on u.id = tu.unit_id
              where tu.task_id in (${sql.join(
                ids.map((i) => sql`${i}::uuid`),
                sql`, `,
              )})
              order by u.sort, u.id`,
        )
      : [];
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planTitle: r.plan_title,
      year: r.year,
      seq: r.seq,
      title: r.title,
      content: r.content,
      targets: r.targets,
      steps: r.steps,
      leadUnit: { id: r.lead_unit_id, name: r.lead_name },
      participantUnits: parts.filter((p) => p.task_id === r.id).map(({ id, name }) => ({ id, name })),
      deadline: r.deadline,
      system: r.system,
      systemLabel: r.system ? systems[r.system] : null,
      meetingId: r.meeting_id,
      note: r.note,
      state: r.state,
      stateLabel: taskStates[r.state],
      acceptedPercent: r.pct === null ? null : Number(r.pct),
      voided: r.voided,
      voidedReason: r.voided_reason,
    }));
  }

  /** The task list in the actor's scope, each task's state computed for `today`, filterable on it. */
  async listTasks(actor: Actor, f: TaskQuery) {
    const today = f.today ?? todayInShanghai();
    const where: SQL[] = [sql`pl.voided_at is null`, taskVisible(actor.scopes(P.read))];
    if (f.includeVoided !== 'true') where.push(sql`t.voided_at is null`);
    if (f.planId) where.push(sql`t.plan_id = ${f.planId}`);
    if (f.year) where.push(sql`pl.year = ${f.year}`);
    if (f.system) where.push(sql`t.system = ${f.system}`);
    if (f.leadUnitId) where.push(sql`t.lead_unit_id = ${f.leadUnitId}`);
    if (f.meetingId) where.push(sql`t.meeting_id = ${f.meetingId}`);
    if (f.unitId)
      where.push(sql`(t.lead_unit_id = ${f.unitId} or exists (select 1 from planning_task_units tu
        where tu.task_id = t.id and tu.unit_id = ${f.unitId}))`);
    if (f.q) where.push(sql`t.title ilike ${`%${f.q}%`}`);
    const { rows, total } = await this.taskRows(this.db, sql.join(where, sql` and `), today, {
      planId: f.planId,
      state: f.state,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    });
    return { items: await this.present(this.db, rows), total, page: f.page, pageSize: f.pageSize, today };
  }

  async getTask(db: Db, actor: Actor, id: string, permission: string = P.read, today = todayInShanghai()) {
    const { rows } = await this.taskRows(
      db,
      sql`t.id = ${id} and pl.voided_at is null and ${taskVisible(actor.scopes(permission))}`,
      today,
      {},
    );
    if (!rows.length) throw notFound('任务', id);
    return (await this.present(db, rows))[0]!;
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
