import { markVoided } from '../../db/void.js';
import { eq, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { diffOf, snapshotOf } from '../../platform/audit/diff.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import type { CreateMeeting, MeetingView, UpdateMeeting } from './contract.js';
import { planningMeetings } from './schema.js';
import { P, taskVisible } from './service.js';
import { ownUnit } from './units.js';

interface MeetingRow {
  id: string;
  unit_id: number;
  unit_name: string;
  title: string;
  held_on: string;
  place: string | null;
  agenda: string[];
  attendees: MeetingView['attendees'];
  decisions: string[];
  voided: boolean;
  voided_reason: string | null;
}

/**
 * Meetings of the 全面依法治县委员会. A meeting is seen by whoever sees its office, and by the units
 * that lead or join a task it assigned.
 */
const meetingVisible = (actor: Actor, permission: string): SQL => {
  const s = actor.scopes(permission);
  return permission === P.read
    ? sql`(${inScope(sql`o.path`, s)} or exists (select 1 from planning_tasks t
        join org_units ou on ou.id = t.unit_id join org_units lu on lu.id = t.lead_unit_id
        where t.meeting_id = m.id and t.voided_at is null and ${taskVisible(s)}))`
    : inScope(sql`o.path`, s);
};

export class MeetingService {
  constructor(private readonly db: Db) {}

  private async rows(db: Db, where: SQL): Promise<MeetingView[]> {
    const rows = await query<MeetingRow>(
      db,
      sql`select m.id, m.unit_id, o.name as unit_name, m.title, m.held_on::text as held_on, m.place,
            m.agenda, m.attendees, m.decisions, m.voided_at is not null as voided, m.voided_reason
          from planning_meetings m join org_units o on o.id = m.unit_id
          where ${where} order by m.held_on desc, m.created_at desc`,
    );
    const ids = rows.map((r) => r.id);
    const tasks = ids.length
      ? await query<{ meeting_id: string; id: string; seq: number; title: string; plan_id: string }>(
          db,
          sql`select t.meeting_id, t.id, t.seq, t.title, t.plan_id from planning_tasks t
              where t.voided_at is null
                and t.meeting_id in (${sql.join(
                  ids.map((i) => sql`${i}::uuid`),
                  sql`, `,
                )})
              order by t.seq`,
        )
      : [];
    return rows.map((r) => ({
      id: r.id,
      unit: { id: r.unit_id, name: r.unit_name },
      title: r.title,
      heldOn: r.held_on,
      place: r.place,
      agenda: r.agenda,
      attendees: r.attendees,
      decisions: r.decisions,
      tasks: tasks
        .filter((x) => x.meeting_id === r.id)
        .map(({ id, seq, title, plan_id }) => ({ id, seq, title, planId: plan_id })),
      voided: r.voided,
      voidedReason: r.voided_reason,
    }));
  }

  list(actor: Actor, year?: number) {
    return this.rows(
      this.db,
      sql`m.voided_at is null and ${meetingVisible(actor, P.read)}
          ${year ? sql`and m.held_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date` : sql``}`,
    );
  }

  async get(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<MeetingView> {
    const [m] = await this.rows(db, sql`m.id = ${id} and ${meetingVisible(actor, permission)}`);
    if (!m) throw notFound('会议', id);
    return m;
  }

  async create(ctx: RequestContext, input: CreateMeeting): Promise<MeetingView> {
    return inTx(this.db, ctx, async (t) => {
      await ownUnit(t.db, ctx.actor, input.unitId, P.manage);
      const [row] = await t.db
        .insert(planningMeetings)
        .values({ ...input, place: input.place ?? null, createdBy: ctx.actor.id })
        .returning();
      t.audit({
        action: 'planning.meeting.create',
        entity: 'planning_meeting',
        entityId: row!.id,
        diff: snapshotOf(row!),
      });
      return this.get(t.db, ctx.actor, row!.id, P.manage);
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateMeeting): Promise<MeetingView> {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.get(t.db, ctx.actor, id, P.manage);
      if (before.voided) throw conflict('VOIDED', '该会议记录已作废，不能修改', { id });
      await t.db
        .update(planningMeetings)
        .set({ ...input, place: input.place ?? null, updatedAt: new Date() })
        .where(eq(planningMeetings.id, id));
      const after = await this.get(t.db, ctx.actor, id, P.manage);
      t.audit({
        action: 'planning.meeting.update',
        entity: 'planning_meeting',
        entityId: id,
        diff: diffOf(before, after),
      });
      return after;
    });
  }

  async void(ctx: RequestContext, id: string, reason: string): Promise<MeetingView> {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.get(t.db, ctx.actor, id, P.manage);
      if (before.voided) throw conflict('ALREADY_VOIDED', '该会议记录已作废', { id });
      await markVoided(t, planningMeetings, id, reason, {
        action: 'planning.meeting.void',
        entity: 'planning_meeting',
      });
      return this.get(t.db, ctx.actor, id, P.manage);
    });
  }
}
