import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import { addDays } from '../../platform/calendar/dates.js';
import type { Platform } from '../../platform/platform.js';
import { demoNotices, demoTasks, demoUnfinished } from './demo-tasks.js';
import { refreshAccepted } from './state.js';
import { notePlanUnits } from './visible.js';
import { NOTICE_KIND, divisionAbbreviation, noticeNumber } from './kinds.js';
import {
  planningCounters,
  planningDocuments,
  planningMeetings,
  planningNoticeTasks,
  planningNotices,
  planningPlans,
  planningProgress,
  planningTaskUnits,
  planningTasks,
} from './schema.js';

const OFFICE = '中共索县委员会全面依法治县委员会办公室';
/** A reviewed-at instant on a Beijing working day, mid-morning. */
const at = (day: string) => new Date(`${day}T10:30:00+08:00`);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Suo County's 2023 plan, its documents, the committee's 4th meeting, ~40 tasks, progress and notices. */
export async function loadPlanningDemo(platform: Platform): Promise<void> {
  const units = await query<{ id: number; name: string; kind: string }>(
    platform.db,
    sql`select u.id, u.name, u.kind from org_units u where u.division_code like '540626%' and u.active`,
  );
  const byName = new Map(units.map((u) => [u.name, u.id]));
  const towns = units.filter((u) => u.kind === 'township').map((u) => u.id);
  const id = (name: string) => {
    const v = byName.get(name);
    if (v === undefined) throw new Error(`demo: no unit ${name}`);
    return v;
  };
  const office = id(OFFICE);
  // The calendar reads through platform.db: ask it before the transaction (PGlite serves one at a time).
  const dues: Awaited<ReturnType<typeof platform.calendar.deadline>>[] = [];
  for (const [, issuedOn] of demoNotices)
    dues.push(await platform.calendar.deadline({ unit: 'workday', length: 5 }, issuedOn, '540626'));

  await inTx(platform.db, { actor: Actor.system }, async (t) => {
    const [meeting] = await t.db
      .insert(planningMeetings)
      .values({
        unitId: office,
        title: '中共索县委员会全面依法治县委员会第四次会议',
        heldOn: '2023-03-08',
        place: '县委常委会议室',
        agenda: [
          '传达学习中央、自治区、那曲市全面依法治国（治藏、治市）工作会议精神',
          '审议《索县2023年法治政府建设工作要点》《索县2023法治政府建设任务清单》',
          '审议贯彻落实《法治中国建设规划（2020—2025年）》《法治社会建设纲要（2020—2025年）》的实施方案',
          '听取2022年度法治政府建设情况汇报，部署2023年度重点工作',
        ],
        attendees: [
          { name: '县委书记', unitName: '中共索县委员会', role: '委员会主任' },
          { name: '县长', unitName: '索县人民政府', role: '委员会副主任' },
          { name: '县委政法委书记', unitName: '中共索县委员会政法委员会', role: '委员会副主任' },
          { name: '司法局局长', unitName: '索县司法局', role: '委员会办公室主任' },
          { name: '各协调小组组长', unitName: '各协调小组', role: '委员' },
        ],
        decisions: [
          '原则通过2023年法治政府建设工作要点和任务清单，由依法治县办印发',
          '各牵头单位每季度末向依法治县办报送任务进展，依法治县办定期督办',
          '年底前完成年度述法评议和法治政府建设督察考核',
        ],
      })
      .returning({ id: planningMeetings.id });

    const [plan] = await t.db
      .insert(planningPlans)
      .values({ unitId: office, year: 2023, title: '索县2023年法治政府建设工作要点及任务清单' })
      .returning({ id: planningPlans.id });
    await t.db.insert(planningDocuments).values([
      {
        planId: plan!.id,
        title: '《索县2023年法治政府建设工作要点》',
        docNumber: '索法办发〔2023〕1号',
        issuedOn: '2023-03-15',
      },
      {
        planId: plan!.id,
        title: '《索县2023法治政府建设任务清单》',
        docNumber: '索法办发〔2023〕2号',
        issuedOn: '2023-03-15',
      },
      {
        planId: plan!.id,
        title:
          '《中共索县委员会全面依法治县委员会关于贯彻落实〈法治中国建设规划（2020—2025年）〉的实施方案》',
        docNumber: '索法委发〔2023〕1号',
        issuedOn: '2023-03-20',
      },
      {
        planId: plan!.id,
        title:
          '《中共索县委员会全面依法治县委员会关于贯彻落实〈法治社会建设纲要（2020—2025年）〉的实施方案》',
        docNumber: '索法委发〔2023〕2号',
        issuedOn: '2023-03-20',
      },
    ]);

    const tasks = await t.db
      .insert(planningTasks)
      .values(
        demoTasks.map(([title, lead, , deadline, system, fromMeeting], i) => ({
          planId: plan!.id,
          unitId: office,
          seq: i + 1,
          title,
          leadUnitId: id(lead),
          deadline,
          system,
          meetingId: fromMeeting ? meeting!.id : null,
          createdAt: at('2023-03-15'),
          updatedAt: at('2023-03-15'),
        })),
      )
      .returning({ id: planningTasks.id, seq: planningTasks.seq });
    const taskId = (i: number) => tasks.find((x) => x.seq === i + 1)!.id;

    const parts = demoTasks.flatMap(([, lead, ps], i) =>
      [...new Set(ps.flatMap((p) => (p === 'towns' ? towns : [id(p)])))]
        .filter((u) => u !== id(lead))
        .map((unitId) => ({ taskId: taskId(i), unitId })),
    );
    await t.db.insert(planningTaskUnits).values(parts);
    await t.db.execute(notePlanUnits(sql`t.plan_id = ${plan!.id}`));

    // Progress: the lead reports at mid-course and at completion, each accepted a few days later;
    // an early report of every fifth task was sent back for more detail first.
    const progress: (typeof planningProgress.$inferInsert)[] = [];
    demoTasks.forEach(([title, lead, ps, deadline], i) => {
      const start = '2023-03-20';
      const mid = minDate(
        addDays(
          deadline,
          -Math.max(10, Math.floor((Date.parse(deadline) - Date.parse(start)) / 2 / 86_400_000)),
        ),
        addDays(deadline, -7),
      );
      const finalPct = demoUnfinished[i] ?? 100;
      const done = minDate(addDays(deadline, -2), '2023-12-27');
      const leadId = id(lead);
      if (i % 5 === 0)
        progress.push({
          taskId: taskId(i),
          unitId: leadId,
          role: 'lead',
          reportedOn: addDays(mid, -5),
          content: `${title}：已启动`,
          percent: 20,
          status: 'returned',
          reviewedAt: at(addDays(mid, -3)),
          reviewReason: '进展情况过于简略，请补充具体措施和佐证材料',
        });
      progress.push({
        taskId: taskId(i),
        unitId: leadId,
        role: 'lead',
        reportedOn: mid,
        content: `${title}：已制定工作方案，明确责任人和时间节点，正在按步骤推进`,
        percent: Math.min(50, finalPct),
        status: 'accepted',
        reviewedAt: at(addDays(mid, 2)),
      });
      const firstPart = ps[0] === 'towns' ? towns[i % towns.length]! : ps[0] ? id(ps[0]) : null;
      if (firstPart && firstPart !== leadId)
        progress.push({
          taskId: taskId(i),
          unitId: firstPart,
          role: 'participant',
          reportedOn: addDays(mid, 1),
          content: '已按牵头单位要求完成本单位承担部分，报送相关材料',
          percent: null,
          status: 'accepted',
          reviewedAt: at(addDays(mid, 3)),
        });
      progress.push({
        taskId: taskId(i),
        unitId: leadId,
        role: 'lead',
        reportedOn: finalPct === 100 ? done : minDate(addDays(deadline, 20), '2023-12-20'),
        content:
          finalPct === 100 ? `${title}：已全部完成，相关材料已归档` : `${title}：仍在推进，部分工作未完成`,
        percent: finalPct,
        status: 'accepted',
        reviewedAt: at(
          finalPct === 100
            ? minDate(addDays(done, 1), '2023-12-28')
            : minDate(addDays(deadline, 22), '2023-12-22'),
        ),
      });
    });
    await t.db.insert(planningProgress).values(progress.map((p) => ({ ...p, createdAt: at(p.reportedOn) })));
    await t.db.execute(refreshAccepted(sql`t.plan_id = ${plan!.id}`));

    const [county] = await query<{ name: string }>(
      t.db,
      sql`select d.name from org_units u join divisions d on d.code = u.division_code where u.id = ${office}`,
    );
    const abbr = divisionAbbreviation(county!.name);
    for (const [n, [task, issuedOn, repliedOn, subject]] of demoNotices.entries()) {
      const due = dues[n]!;
      const lead = id(demoTasks[task]![1]);
      const [row] = await t.db
        .insert(planningNotices)
        .values({
          unitId: office,
          year: 2023,
          seq: n + 1,
          number: noticeNumber(abbr, 2023, n + 1),
          targetUnitId: lead,
          issuedOn,
          subject,
          requirements: '请于回复期限内书面报告滞后原因、整改措施和完成时间',
          replyWorkdays: 5,
          replyDue: due.end,
          replyDueRule: { ...due.rule, skipped: due.skipped, adjustedWorkdays: due.adjustedWorkdays },
          reply: repliedOn ? '已召开专题会议研究，明确整改措施和完成时间，正在加快推进' : null,
          repliedOn,
          createdAt: at(issuedOn),
        })
        .returning({ id: planningNotices.id });
      await t.db.insert(planningNoticeTasks).values({ noticeId: row!.id, taskId: taskId(task) });
    }
    await t.db
      .insert(planningCounters)
      .values({ unitId: office, year: 2023, kind: NOTICE_KIND, last: demoNotices.length });

    t.audit({
      action: 'demo.load',
      entity: 'planning_plan',
      entityId: plan!.id,
      diff: { tasks: tasks.length, progress: progress.length, notices: demoNotices.length, meetings: 1 },
    });
  });
}
