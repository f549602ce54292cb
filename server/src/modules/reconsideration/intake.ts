/**
 * Applications from the portal (行政复议法第二十二条第二款: an internet channel designated by the organ).
 * The intake service stores the submission first; this turns it into an application received on
 * the day it was submitted, and tells the applicant its stage, number and next statutory date.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query } from '../../db/database.js';
import { Actor } from '../../platform/access/actor.js';
import { defineIntake } from '../../platform/intake/types.js';
import { ApplicationElements } from './contract.js';
import { stages } from './kinds.js';
import { timeline } from './rules.js';
import { ReconsiderationService } from './service.js';
import { P, factsOf, loadCase } from './store.js';
import { shanghaiDate, todayInShanghai } from '../../platform/calendar/dates.js';

export const PortalApplication = ApplicationElements.extend({
  /** the 复议机关 addressed (a people's government) */
  organUnitId: z.number().int().positive(),
  applicantPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '请填写 11 位手机号码，查询进度时需再次输入'),
})
  // refused at the door, not when processing: a stored submission that cannot be registered waits for an officer
  .superRefine((a, ctx) => {
    const today = todayInShanghai();
    if (a.learnedOn > today)
      ctx.addIssue({ code: 'custom', path: ['learnedOn'], message: '知道行政行为的日期不能晚于今天' });
    if (a.rightsLearnedOn && (a.rightsLearnedOn < a.learnedOn || a.rightsLearnedOn > today))
      ctx.addIssue({
        code: 'custom',
        path: ['rightsLearnedOn'],
        message: '知道申请复议权利的日期应在知道行政行为之日与今天之间（第二十条第三款）',
      });
  });
export type PortalApplication = z.output<typeof PortalApplication>;

/** The events the applicant is told of, by stage code. */
const visible: Record<string, keyof typeof stages | 'received'> = {
  received: 'received',
  correctionNotice: 'correction',
  correctionReceived: 'intake',
  accepted: 'accepted',
  deemedAccepted: 'accepted',
  refused: 'refused',
  abandoned: 'abandoned',
  suspended: 'suspended',
  resumed: 'accepted',
  decided: 'decided',
  mediated: 'mediated',
  terminated: 'terminated',
};
const stageText = (code: string) =>
  code === 'received' ? '已收到申请' : stages[code as keyof typeof stages];

export const applicationIntake = defineIntake({
  kind: 'reconsideration.application',
  label: '行政复议申请',
  readPermission: P.read,
  schema: PortalApplication,
  secondFactor: (p) => p.applicantPhone,
  async receivingUnit({ db, payload }) {
    const [u] = await query<{ id: number }>(
      db,
      sql`select id from org_units where id = ${payload.organUnitId} and kind = 'government' and active`,
    );
    return u?.id ?? null;
  },
  async process({ platform, tx, submissionId, receivedAt, payload, fileIds }) {
    const s = new ReconsiderationService(platform.db, platform.calendar, platform.fieldCrypto);
    const id = await s.create(
      tx,
      Actor.system,
      {
        ...payload,
        channel: 'portal',
        receivedOn: shanghaiDate(receivedAt),
        officers: [],
        attachmentIds: [...fileIds],
        submissionId,
      },
      P.handle,
    );
    return id;
  },
  async status({ platform, db, recordId }) {
    let c;
    try {
      c = await loadCase(db, Actor.system, P.read, recordId);
    } catch {
      return null;
    }
    const tl = timeline(
      factsOf(c.row, c.suspensions),
      await platform.calendar.calendar(db),
      c.divisionPath,
      shanghaiDate(new Date()),
    );
    const events = await query<{ kind: string; at: string | Date }>(
      db,
      sql`select kind, at from reconsideration_events where case_id = ${recordId} order by id`,
    );
    const history = events
      .filter((e) => visible[e.kind])
      .map((e) => ({
        at: new Date(e.at).toISOString(),
        stageCode: visible[e.kind]!,
        stage: stageText(visible[e.kind]!),
      }));
    return {
      stage: tl.acceptanceDeemed ? '已受理（审查期限届满视为受理）' : stages[tl.stage],
      stageCode: tl.stage,
      caseNumber: c.row.caseNumber,
      nextDeadline: tl.next?.dueOn
        ? { date: tl.next.dueOn, label: tl.next.label, article: tl.next.article }
        : null,
      history,
    };
  },
});
