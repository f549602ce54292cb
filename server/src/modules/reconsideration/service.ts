/**
 * The reconsideration workflow: intake review (intake-review.ts), then procedure, decision and
 * closing here, each step checked against 《行政复议法》(2023) in one audited transaction. Reads are in store.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type RequestContext } from '../../db/tx.js';
import { zhDate } from '../../platform/calendar/dates.js';
import { badInput, conflict } from '../../platform/http/errors.js';
import type { DecideInput, HearingInput } from './contract.js';
import { decisionTypes, noReplyDecisions, type SuspensionGround, type TerminationGround } from './kinds.js';
import { earliestHearing } from './rules.js';
import { reconsiderationHearings as hearings, reconsiderationSuspensions as suspensions } from './schema.js';
import { P, needsSuperior } from './store.js';

import { IntakeReview } from './intake-review.js';

export class ReconsiderationService extends IntakeReview {
  // ——— procedure ———

  /** Art. 55: simple → normal, approved by the head of the 复议机构. */
  switchProcedure(
    ctx: RequestContext,
    id: string,
    input: { on: string; approvedBy: string; reason: string },
  ) {
    return this.step(ctx, id, P.handle, async (_t, c, tl) => {
      this.requireStage(tl, ['accepted', 'suspended'], '转为普通程序');
      if (c.row.procedure !== 'simple') throw conflict('NOT_SIMPLE', '本案已适用普通程序');
      this.notBefore('on', input.on, tl.acceptedOn!);
      return {
        patch: { procedure: 'normal', procedureSwitchedOn: input.on },
        event: 'procedureSwitched',
        on: input.on,
        diff: input,
      };
    });
  }

  /** The copy of the application to the respondent (Art. 48: 7 working days; Art. 54: 3). */
  copySent(ctx: RequestContext, id: string, input: { on: string; receivedOn?: string | null }) {
    return this.step(ctx, id, P.handle, async (_t, c, tl) => {
      this.requireStage(tl, ['accepted'], '发送申请书副本');
      if (c.row.copySentOn)
        throw conflict('COPY_ALREADY_SENT', `已于${zhDate(c.row.copySentOn)}发送申请书副本`);
      this.notBefore('on', input.on, tl.acceptedOn!);
      if (input.receivedOn && input.receivedOn < input.on)
        throw badInput('receivedOn', '被申请人收到日期不能早于发送日期');
      return {
        patch: { copySentOn: input.on, copyReceivedOn: input.receivedOn ?? null },
        event: 'copySent',
        on: input.on,
        diff: input,
      };
    });
  }

  reply(ctx: RequestContext, id: string, on: string) {
    return this.step(ctx, id, P.handle, async (_t, c, tl) => {
      this.requireStage(tl, ['accepted', 'suspended'], '登记答复');
      if (!c.row.copySentOn) throw conflict('COPY_NOT_SENT', '尚未向被申请人发送申请书副本');
      if (c.row.replyReceivedOn)
        throw conflict('REPLY_EXISTS', `已于${zhDate(c.row.replyReceivedOn)}收到答复`);
      this.notBefore('on', on, c.row.copySentOn);
      const due = tl.deadlines.find((d) => d.key === 'reply')!;
      return {
        patch: { replyReceivedOn: on },
        event: 'replyReceived',
        on,
        diff: { on, late: !!due.dueOn && on > due.dueOn },
      };
    });
  }

  /** Art. 50–51: a panel of a presiding officer, two or more members and a clerk; notice 5 working days ahead. */
  hearing(ctx: RequestContext, id: string, input: HearingInput) {
    return this.step(ctx, id, P.handle, async (t, c, tl, cal) => {
      this.requireStage(tl, ['accepted'], '组织听证');
      this.notBefore('noticeOn', input.noticeOn, tl.acceptedOn!);
      const earliest = earliestHearing(input.noticeOn, cal, c.divisionPath);
      if (earliest.end && input.hearingOn < earliest.end)
        throw badInput(
          'hearingOn',
          `听证通知应于举行听证的五个工作日前送达（第五十一条第一款）：${zhDate(input.noticeOn)}通知的，最早于${zhDate(earliest.end)}举行`,
        );
      const people = [input.presiding, ...input.members, input.clerk];
      if (new Set(people).size !== people.length)
        throw badInput('members', '主持人、听证员、记录员应为不同人员');
      await t.db.insert(hearings).values({ caseId: id, ...input });
      return { patch: {}, event: 'hearingNoticed', on: input.noticeOn, diff: input };
    });
  }

  hearingRecord(
    ctx: RequestContext,
    id: string,
    input: { hearingId: number; heldOn: string; record: string },
  ) {
    return this.step(ctx, id, P.handle, async (t) => {
      const [h] = await t.db
        .select()
        .from(hearings)
        .where(and(eq(hearings.id, input.hearingId), eq(hearings.caseId, id)));
      if (!h) throw badInput('hearingId', `本案没有编号为 ${input.hearingId} 的听证`);
      if (h.heldOn) throw conflict('HEARING_RECORDED', '该听证已记录笔录');
      this.notBefore('heldOn', input.heldOn, h.hearingOn);
      await t.db
        .update(hearings)
        .set({ heldOn: input.heldOn, record: input.record })
        .where(eq(hearings.id, h.id));
      return { patch: {}, event: 'hearingHeld', on: input.heldOn, diff: { hearingId: h.id } };
    });
  }

  /** Art. 52: the 行政复议委员会's advisory opinion, recorded. */
  consult(ctx: RequestContext, id: string, input: { on: string; opinion: string }) {
    return this.step(ctx, id, P.handle, async (_t, _c, tl) => {
      this.requireStage(tl, ['accepted', 'suspended'], '提请咨询');
      this.notBefore('on', input.on, tl.acceptedOn!);
      return {
        patch: { committeeConsultedOn: input.on, committeeOpinion: input.opinion },
        event: 'consulted',
        on: input.on,
        diff: input,
      };
    });
  }

  /** Art. 39: the clock stops; it runs again on resumption. */
  suspend(
    ctx: RequestContext,
    id: string,
    input: { on: string; ground: SuspensionGround; note?: string | null },
  ) {
    return this.step(ctx, id, P.handle, async (t, c, tl) => {
      this.requireStage(tl, ['accepted'], '中止审理');
      const last = c.suspensions.at(-1);
      this.notBefore('on', input.on, last?.toOn ?? tl.acceptedOn!);
      const due = tl.deadlines.find((d) => d.key === 'decision');
      if (due?.dueOn && input.on > due.dueOn)
        throw badInput('on', `审理期限已于${zhDate(due.dueOn)}届满，不能再中止`);
      await t.db
        .insert(suspensions)
        .values({ caseId: id, ground: input.ground, fromOn: input.on, note: input.note ?? null });
      return { patch: { stage: 'suspended' }, event: 'suspended', on: input.on, diff: input };
    });
  }

  resume(ctx: RequestContext, id: string, on: string) {
    return this.step(ctx, id, P.handle, async (t, c, tl) => {
      this.requireStage(tl, ['suspended'], '恢复审理');
      const open = c.suspensions.find((s) => !s.toOn)!;
      this.notBefore('on', on, open.fromOn);
      await t.db.update(suspensions).set({ toOn: on }).where(eq(suspensions.id, open.id));
      return {
        patch: { stage: 'accepted' },
        event: 'resumed',
        on,
        diff: { suspensionId: open.id, from: open.fromOn, to: on },
      };
    });
  }

  /** Art. 62(1): up to 30 days, approved by the head of the 复议机构, before the period ends; none in simple procedure. */
  extend(
    ctx: RequestContext,
    id: string,
    input: { on: string; days: number; approvedBy: string; reason: string },
  ) {
    return this.step(ctx, id, P.decide, async (_t, c, tl) => {
      this.requireStage(tl, ['accepted'], '延长审理期限');
      if (c.row.procedure === 'simple')
        throw conflict(
          'SIMPLE_NO_EXTENSION',
          '简易程序案件应在受理之日起三十日内作出决定，不能延长（第六十二条第二款）；确需延长的，先经批准转为普通程序（第五十五条）',
        );
      if (c.row.extensionDays)
        throw conflict(
          'ALREADY_EXTENDED',
          `本案已延长${c.row.extensionDays}日，延长期限最多不得超过三十日（第六十二条第一款）`,
        );
      const due = tl.deadlines.find((d) => d.key === 'decision')!.dueOn;
      this.notBefore('on', input.on, tl.acceptedOn!);
      if (due && input.on > due) throw badInput('on', `审理期限已于${zhDate(due)}届满，延长应在期限内批准`);
      return {
        patch: {
          extensionDays: input.days,
          extendedOn: input.on,
          extensionApprovedBy: input.approvedBy,
          extensionReason: input.reason,
        },
        event: 'extended',
        on: input.on,
        diff: input,
      };
    });
  }

  // ——— closing ———

  decide(ctx: RequestContext, id: string, input: DecideInput) {
    return this.step(ctx, id, P.decide, async (t, c, tl) => {
      this.requireStage(tl, ['accepted'], '作出决定');
      this.notBefore('on', input.on, tl.acceptedOn!);
      if (new Set(c.row.officers).size < 2)
        throw conflict(
          'TOO_FEW_OFFICERS',
          '审理行政复议案件应由2名以上行政复议人员参加（行政复议法实施条例第三十二条），请先指定承办人员',
        );
      if (!c.row.copySentOn)
        throw conflict('COPY_NOT_SENT', '尚未向被申请人发送申请书副本、听取答复（第四十八条、第五十四条）');
      if (c.row.major) {
        const held = await t.db
          .select({ id: hearings.id })
          .from(hearings)
          .where(and(eq(hearings.caseId, id), sql`${hearings.heldOn} is not null`));
        if (!held.length)
          throw conflict('HEARING_REQUIRED', '重大、疑难、复杂案件应当组织听证（第五十条第一款）');
        if (!c.row.committeeConsultedOn)
          throw conflict(
            'CONSULTATION_REQUIRED',
            '案情重大、疑难、复杂的，应当提请行政复议委员会提出咨询意见（第五十二条第二款）',
          );
      }
      if (tl.noReply && !noReplyDecisions.includes(input.type) && !input.thirdPartyEvidence)
        throw conflict(
          'NO_REPLY',
          `被申请人未按期提出书面答复，视为该行政行为没有证据、依据（第七十条），不能作出“${decisionTypes[input.type].label}”决定`,
        );
      if (needsSuperior(c) && !c.row.respondentSuperior)
        throw badInput(
          'respondentSuperior',
          '被申请人是本级人民政府工作部门，决定书应同时抄告其上一级主管部门（第七十九条第二款），请先填写该主管部门',
        );
      return {
        patch: {
          stage: 'decided',
          decisionType: input.type,
          decidedOn: input.on,
          closedOn: input.on,
          decisionFindings: input.findings,
          decisionReasoning: input.reasoning,
          decisionOrder: input.order,
        },
        event: 'decided',
        on: input.on,
        diff: { type: input.type, article: decisionTypes[input.type].article },
      };
    });
  }

  /** Art. 73: a mediation agreement signed by all parties ends the case with a 调解书. */
  mediate(ctx: RequestContext, id: string, input: { on: string; agreement: string }) {
    return this.step(ctx, id, P.decide, async (t, c, tl) => {
      this.requireStage(tl, ['accepted', 'suspended'], '调解结案');
      this.notBefore('on', input.on, tl.acceptedOn!);
      await this.closeSuspension(t, c, input.on);
      return {
        patch: { stage: 'mediated', closedOn: input.on, closingNote: input.agreement },
        event: 'mediated',
        on: input.on,
        diff: input,
      };
    });
  }

  /** Art. 41 (withdrawal, also after a settlement under Art. 74). */
  terminate(
    ctx: RequestContext,
    id: string,
    input: { on: string; ground: TerminationGround; note?: string | null },
  ) {
    return this.step(ctx, id, P.decide, async (t, c, tl) => {
      this.requireStage(tl, ['intake', 'correction', 'accepted', 'suspended'], '终止');
      this.notBefore('on', input.on, c.row.receivedOn);
      if (input.ground === 'suspendedTooLong') {
        const limit = tl.deadlines.find((d) => d.key === 'suspensionLimit');
        if (!limit?.dueOn || input.on <= limit.dueOn)
          throw conflict(
            'SUSPENSION_NOT_EXPIRED',
            '仅因第三十九条第一款第一项、第二项、第四项中止满六十日的，方可依第四十一条第五项终止',
          );
      }
      await this.closeSuspension(t, c, input.on);
      return {
        patch: {
          stage: 'terminated',
          terminationGround: input.ground,
          closedOn: input.on,
          closingNote: input.note ?? null,
        },
        event: 'terminated',
        on: input.on,
        diff: input,
      };
    });
  }

  /** Art. 79(1): publication of the decision (the published text is masked, see documents.ts). */
  publish(ctx: RequestContext, id: string, on: string) {
    return this.step(ctx, id, P.decide, async (_t, c) => {
      if (c.row.stage !== 'decided') throw conflict('NOT_DECIDED', '只有已作出的行政复议决定书可以公开');
      if (c.row.publishedOn) throw conflict('ALREADY_PUBLISHED', `已于${zhDate(c.row.publishedOn)}公开`);
      this.notBefore('on', on, c.row.decidedOn!);
      return { patch: { publishedOn: on }, event: 'published', on, diff: { on } };
    });
  }
}
