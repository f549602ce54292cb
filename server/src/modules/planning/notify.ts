import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import type { Tx } from '../../db/tx.js';
import { notify } from '../../platform/notifications/index.js';
import type { NoticeView, TaskView } from './contract.js';

/**
 * What planning tells whom (issue #3 point 9), each inside the transaction of the change. Permission
 * codes are spelled out here rather than imported from service.ts, which imports this file.
 */
const REPORT = 'planning.report';
const MANAGE = 'planning.manage';
export const taskLink = (id: string) => `/planning/tasks?id=${id}`;
const noticeLink = (id: string) => `/planning/notices?id=${id}`;

/** 新任务: the lead and participating units' clerks who report on it. */
export const tellNewTask = (t: Tx, task: TaskView) =>
  notify(t, {
    units: [task.leadUnit.id, ...task.participantUnits.map((u) => u.id)],
    permission: REPORT,
    kind: 'planning.task.created',
    title: `新任务：${task.title}`,
    body: `《${task.planTitle}》第 ${task.seq} 项任务“${task.title}”已下达，牵头单位：${task.leadUnit.name}，完成时限：${task.deadline}。`,
    link: taskLink(task.id),
    entity: 'planning_task',
    entityId: task.id,
  });

/** 进展被退回: the unit that reported, with the reviewer's reason. */
export async function tellProgressReturned(t: Tx, progressId: string) {
  const [p] = await query<{ unit_id: number; task_id: string; title: string; reason: string | null }>(
    t.db,
    sql`select p.unit_id, p.task_id, t.title, p.review_reason as reason from planning_progress p
        join planning_tasks t on t.id = p.task_id where p.id = ${progressId}`,
  );
  if (!p) return 0;
  return notify(t, {
    units: [p.unit_id],
    permission: REPORT,
    kind: 'planning.progress.returned',
    title: `进展被退回：${p.title}`,
    body: `您单位报送的任务“${p.title}”进展被退回。退回原因：${p.reason ?? '未说明'}。请修改后重新报送。`,
    link: taskLink(p.task_id),
    entity: 'planning_progress',
    entityId: progressId,
  });
}

/** 督办通知: the addressed unit's clerks, who must reply by the due date. */
export const tellNoticeIssued = (t: Tx, n: NoticeView) =>
  notify(t, {
    units: [n.targetUnit.id],
    permission: REPORT,
    kind: 'planning.notice.issued',
    title: `督办通知：${n.subject}`,
    body: `${n.unit.name}向您单位下发督办单 ${n.number}（${n.subject}），请于 ${n.replyDue} 前回复。`,
    link: noticeLink(n.id),
    entity: 'planning_notice',
    entityId: n.id,
  });

/** 督办回复: the issuing office's staff who manage planning. */
export const tellNoticeReplied = (t: Tx, n: NoticeView) =>
  notify(t, {
    units: [n.unit.id],
    permission: MANAGE,
    kind: 'planning.notice.replied',
    title: `督办已回复：${n.subject}`,
    body: `${n.targetUnit.name}已于 ${n.repliedOn ?? ''} 回复督办单 ${n.number}（${n.subject}）。`,
    link: noticeLink(n.id),
    entity: 'planning_notice',
    entityId: n.id,
  });
