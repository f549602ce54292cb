import { markVoided } from '../../db/void.js';
import { eq, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { snapshotOf } from '../../platform/audit/diff.js';
import type { CalendarService } from '../../platform/calendar/service.js';
import type { FilesService } from '../../platform/files/service.js';
import { badInput, conflict, notFound } from '../../platform/http/errors.js';
import type { IssueNotice, NoticeQuery, NoticeView, ReplyNotice } from './contract.js';
import {
  NOTICE_KIND,
  divisionAbbreviation,
  escalationLabel,
  escalationLevels,
  noticeNumber,
} from './kinds.js';
import { tellNoticeIssued, tellNoticeReplied } from './notify.js';
import { planningCounters, planningNoticeTasks, planningNotices } from './schema.js';
import { P } from './service.js';
import { ownUnit, todayInShanghai } from './units.js';

/** Calendar days an unanswered notice is past its reply date as of `today`, and its escalation level. */
export const overdueDays = (today: string) => sql`case when n.replied_on is null and n.voided_at is null
  and ${today}::date > n.reply_due then ${today}::date - n.reply_due else 0 end`;
const levelOf = (days: SQL) =>
  sql`case ${sql.join(
    [...escalationLevels].reverse().map((e) => sql`when ${days} >= ${e.minDays} then ${e.level}`),
    sql` `,
  )} else 0 end`;

/** A notice is seen by whoever sees its issuer or the unit it is addressed to. */
export const noticeVisible = (actor: Actor, permission: string) => {
  const s = actor.scopes(permission);
  return sql`(${inScope(sql`iu.path`, s)} or ${inScope(sql`tu.path`, s)})`;
};

interface NoticeRow {
  id: string;
  number: string;
  year: number;
  seq: number;
  unit_id: number;
  unit_name: string;
  target_unit_id: number;
  target_name: string;
  issued_on: string;
  subject: string;
  requirements: string;
  reply_workdays: number;
  reply_due: string;
  reply_due_rule: Record<string, unknown>;
  reply: string | null;
  replied_on: string | null;
  reply_file_ids: string[];
  days: number;
  level: number;
  voided: boolean;
  voided_reason: string | null;
}

/** 督办单: issued to a unit for tasks, numbered gaplessly, replied to, escalated when unanswered. */
export class NoticeService {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly files: FilesService,
  ) {}

  private async rows(db: Db, where: SQL, today: string, limit?: number, offset = 0) {
    const days = overdueDays(today);
    const base = sql`from planning_notices n join org_units iu on iu.id = n.unit_id
      join org_units tu on tu.id = n.target_unit_id where ${where}`;
    const rows = await query<NoticeRow>(
      db,
      sql`select n.id, n.number, n.year, n.seq, n.unit_id, iu.name as unit_name, n.target_unit_id,
            tu.name as target_name, n.issued_on::text as issued_on, n.subject, n.requirements,
            n.reply_workdays, n.reply_due::text as reply_due, n.reply_due_rule, n.reply,
            n.replied_on::text as replied_on, n.reply_file_ids, (${days})::int as days,
            (${levelOf(days)})::int as level, n.voided_at is not null as voided, n.voided_reason
          ${base} order by n.year desc, n.seq desc
          ${limit ? sql`limit ${limit} offset ${offset}` : sql``}`,
    );
    const [n] = await query<{ n: number }>(db, sql`select count(*)::int as n ${base}`);
    return { rows, total: Number(n?.n ?? 0) };
  }

  private async present(db: Db, rows: NoticeRow[]): Promise<NoticeView[]> {
    const ids = rows.map((r) => r.id);
    const tasks = ids.length
      ? await query<{ notice_id: string; id: string; seq: number; title: string }>(
          db,
          sql`select nt.notice_id, t.id, t.seq, t.title from planning_notice_tasks nt
              join planning_tasks t on t.id = nt.task_id
              where nt.notice_id in (${sql.join(
                ids.map((i) => sql`${i}::uuid`),
                sql`, `,
              )}) order by t.seq`,
        )
      : [];
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      year: r.year,
      seq: r.seq,
      unit: { id: r.unit_id, name: r.unit_name },
      targetUnit: { id: r.target_unit_id, name: r.target_name },
      tasks: tasks.filter((x) => x.notice_id === r.id).map(({ id, seq, title }) => ({ id, seq, title })),
      issuedOn: r.issued_on,
      subject: r.subject,
      requirements: r.requirements,
      replyWorkdays: r.reply_workdays,
      replyDue: r.reply_due,
      replyDueRule: r.reply_due_rule,
      reply: r.reply,
      repliedOn: r.replied_on,
      replyFileIds: r.reply_file_ids ?? [],
      daysOverdue: Number(r.days),
      escalationLevel: Number(r.level),
      escalationLabel: escalationLabel(Number(r.level)),
      voided: r.voided,
      voidedReason: r.voided_reason,
    }));
  }

  async list(actor: Actor, f: NoticeQuery) {
    const today = f.today ?? todayInShanghai();
    const where: SQL[] = [noticeVisible(actor, P.read)];
    if (f.includeVoided !== 'true') where.push(sql`n.voided_at is null`);
    if (f.year) where.push(sql`n.year = ${f.year}`);
    if (f.targetUnitId) where.push(sql`n.target_unit_id = ${f.targetUnitId}`);
    if (f.taskId)
      where.push(
        sql`exists (select 1 from planning_notice_tasks nt where nt.notice_id = n.id and nt.task_id = ${f.taskId})`,
      );
    if (f.replied === 'true') where.push(sql`n.replied_on is not null`);
    if (f.replied === 'false') where.push(sql`n.replied_on is null`);
    // escalated: unanswered past the reply date (the same rule as `days` above)
    if (f.escalated === 'true') where.push(sql`(${overdueDays(today)}) > 0`);
    if (f.escalated === 'false') where.push(sql`(${overdueDays(today)}) = 0`);
    if (f.minLevel)
      where.push(
        sql`(${overdueDays(today)}) >= ${escalationLevels.find((e) => e.level === f.minLevel)!.minDays}`,
      );
    const { rows, total } = await this.rows(
      this.db,
      sql.join(where, sql` and `),
      today,
      f.pageSize,
      (f.page - 1) * f.pageSize,
    );
    return { items: await this.present(this.db, rows), total, page: f.page, pageSize: f.pageSize, today };
  }

  async get(db: Db, actor: Actor, id: string, permission: string = P.read, today = todayInShanghai()) {
    const { rows } = await this.rows(db, sql`n.id = ${id} and ${noticeVisible(actor, permission)}`, today);
    if (!rows.length) throw notFound('督办单', id);
    return (await this.present(db, rows))[0]!;
  }

  /** Issues a notice: the number is taken from the issuer's counter inside this transaction (gapless). */
  async issue(ctx: RequestContext, input: IssueNotice): Promise<NoticeView> {
    // The calendar reads through this.db: the reply date is computed before the transaction opens.
    const pre = await ownUnit(this.db, ctx.actor, input.unitId, P.manage);
    const due = await this.calendar.deadline(
      { unit: 'workday', length: input.replyWorkdays },
      input.issuedOn,
      pre.divisionCode,
    );
    return inTx(this.db, ctx, async (t) => {
      const issuer = await ownUnit(t.db, ctx.actor, input.unitId, P.manage);
      const target = await ownUnit(t.db, ctx.actor, input.targetUnitId, P.manage, 'targetUnitId');
      const taskIds = [...new Set(input.taskIds)];
      const found = await query<{ id: string; involved: boolean }>(
        t.db,
        sql`select t.id, (t.lead_unit_id = ${target.id} or exists (select 1 from planning_task_units x
              where x.task_id = t.id and x.unit_id = ${target.id})) as involved
            from planning_tasks t join planning_plans pl on pl.id = t.plan_id
            join org_units ou on ou.id = t.unit_id join org_units lu on lu.id = t.lead_unit_id
            where t.id in (${sql.join(
              taskIds.map((i) => sql`${i}::uuid`),
              sql`, `,
            )})
              and t.voided_at is null and pl.voided_at is null
              and ${inScope(sql`ou.path`, ctx.actor.scopes(P.manage))}`,
      );
      taskIds.forEach((id, i) => {
        const f = found.find((x) => x.id === id);
        if (!f) throw badInput(`taskIds.${i}`, `任务 ${id} 不存在、已作废或不在您的权限范围内`);
        if (!f.involved) throw badInput(`taskIds.${i}`, `“${target.name}”不是该任务的牵头或参与单位`);
      });
      const year = Number(input.issuedOn.slice(0, 4));
      const [c] = await t.db
        .insert(planningCounters)
        .values({ unitId: issuer.id, year, kind: NOTICE_KIND, last: 1 })
        .onConflictDoUpdate({
          target: [planningCounters.unitId, planningCounters.year, planningCounters.kind],
          set: { last: sql`${planningCounters.last} + 1` },
        })
        .returning({ last: planningCounters.last });
      const seq = c!.last;
      const [row] = await t.db
        .insert(planningNotices)
        .values({
          unitId: issuer.id,
          year,
          seq,
          number: noticeNumber(divisionAbbreviation(issuer.divisionName), year, seq),
          targetUnitId: target.id,
          issuedOn: input.issuedOn,
          subject: input.subject,
          requirements: input.requirements,
          replyWorkdays: input.replyWorkdays,
          replyDue: due.end,
          replyDueRule: { ...due.rule, skipped: due.skipped, adjustedWorkdays: due.adjustedWorkdays },
          createdBy: ctx.actor.id,
        })
        .returning();
      await t.db.insert(planningNoticeTasks).values(taskIds.map((taskId) => ({ noticeId: row!.id, taskId })));
      t.audit({
        action: 'planning.notice.issue',
        entity: 'planning_notice',
        entityId: row!.id,
        diff: snapshotOf({ ...row!, taskIds }),
      });
      const view = await this.get(t.db, ctx.actor, row!.id, P.manage);
      await tellNoticeIssued(t, view); // notifications: 督办通知 to the addressed unit
      return view;
    });
  }

  /** The addressed unit replies, once. */
  async reply(ctx: RequestContext, id: string, input: ReplyNotice): Promise<NoticeView> {
    if (input.repliedOn > todayInShanghai()) throw badInput('repliedOn', '回复日期不能晚于今天');
    if (input.fileIds.length) {
      // checked before the transaction: the files service reads through this.db
      const have = new Set(
        (await this.files.list(ctx.actor, { ownerEntity: 'planning.notice', ownerId: id })).map((f) => f.id),
      );
      input.fileIds.forEach((f, i) => {
        if (!have.has(f)) throw badInput(`fileIds.${i}`, `附件 ${f} 不存在，或不是为本督办单上传的`);
      });
    }
    return inTx(this.db, ctx, async (t) => {
      const [n] = await query<{ issued_on: string; replied: boolean; voided: boolean }>(
        t.db,
        sql`select n.issued_on::text as issued_on, n.replied_on is not null as replied, n.voided_at is not null as voided
            from planning_notices n join org_units tu on tu.id = n.target_unit_id
            where n.id = ${id} and ${inScope(sql`tu.path`, ctx.actor.scopes(P.report))} for update of n`,
      );
      if (!n) throw notFound('督办单', id);
      if (n.voided) throw conflict('VOIDED', '该督办单已作废', { id });
      if (n.replied) throw conflict('ALREADY_REPLIED', '该督办单已回复', { id });
      if (input.repliedOn < n.issued_on) throw badInput('repliedOn', '回复日期不能早于督办日期');
      await t.db
        .update(planningNotices)
        .set({
          reply: input.reply,
          repliedOn: input.repliedOn,
          replyFileIds: input.fileIds,
          repliedBy: ctx.actor.id,
          updatedAt: new Date(),
        })
        .where(eq(planningNotices.id, id));
      t.audit({
        action: 'planning.notice.reply',
        entity: 'planning_notice',
        entityId: id,
        diff: { repliedOn: [null, input.repliedOn], reply: [null, input.reply] },
      });
      const view = await this.get(t.db, ctx.actor, id, P.report);
      await tellNoticeReplied(t, view); // notifications: the reply, to the issuing office
      return view;
    });
  }

  /** Voiding keeps the number taken: the sequence stays gapless, the voided notice shows why. */
  async void(ctx: RequestContext, id: string, reason: string): Promise<NoticeView> {
    return inTx(this.db, ctx, async (t) => {
      const [n] = await query<{ voided: boolean }>(
        t.db,
        sql`select n.voided_at is not null as voided from planning_notices n join org_units iu on iu.id = n.unit_id
            where n.id = ${id} and ${inScope(sql`iu.path`, ctx.actor.scopes(P.manage))} for update of n`,
      );
      if (!n) throw notFound('督办单', id);
      if (n.voided) throw conflict('ALREADY_VOIDED', '该督办单已作废', { id });
      await markVoided(t, planningNotices, id, reason, {
        action: 'planning.notice.void',
        entity: 'planning_notice',
      });
      return this.get(t.db, ctx.actor, id, P.manage);
    });
  }

  static async targetUnitPath(db: Db, id: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [r] = await query<{ path: string }>(
      db,
      sql`select u.path from planning_notices n join org_units u on u.id = n.target_unit_id where n.id = ${id}`,
    );
    return r?.path ?? null;
  }
}
