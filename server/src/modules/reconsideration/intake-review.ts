/**
 * Intake (行政复议法第二十二条、第三十条、第三十一条): registering an application, the five-working-day
 * review ending in acceptance, refusal or one correction notice, and the correction window.
 */
import { eq, sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { zhDate } from '../../platform/calendar/dates.js';
import { DomainError, badInput, conflict } from '../../platform/http/errors.js';
import { orgUnits } from '../../platform/org/schema.js';
import type { AcceptInput, CorrectionNoticeInput, RefuseInput, UpdateCase } from './contract.js';
import { SMALL_AMOUNT_LIMIT_YUAN } from './kinds.js';
import { applicationPeriod, rules } from './rules.js';
import { reconsiderationCases as cases } from './schema.js';
import { P, loadCase, presentCase } from './store.js';
import { computeDeadline } from '../../platform/calendar/periods.js';

import { CaseWorkflow, dedupe, reviewDue, type Application, type Patch } from './workflow.js';

export class IntakeReview extends CaseWorkflow {
  /** The full case; the unmasked ID and phone only to holders of P.personal, and that read is audited. */
  async get(ctx: RequestContext, id: string) {
    const c = await loadCase(this.db, ctx.actor, P.read, id);
    const unmasked = ctx.actor.covers(P.personal, c.organPath);
    const view = await presentCase(
      this.db,
      c,
      this.presenter(await this.calendar.calendar(this.db)),
      unmasked,
    );
    if (unmasked && (c.row.applicantIdEnc || c.row.applicantPhoneEnc))
      await inTx(this.db, ctx, async (t) =>
        t.audit({
          action: 'reconsideration.applicant.personal.read',
          entity: 'reconsiderationCase',
          entityId: id,
        }),
      );
    return view;
  }

  // ——— intake ———

  /** A written (counter, post) or oral application registered by the office. */
  async register(ctx: RequestContext, input: Omit<Application, 'submissionId'>) {
    return inTx(this.db, ctx, async (t) => {
      const id = await this.create(t, ctx.actor, { ...input }, P.handle);
      return this.view(t, id);
    });
  }

  /**
   * Writes a new application. Used by the office (inside its transaction) and by the portal intake
   * handler (inside the intake service's). The organ must be a government in the actor's scope.
   */
  async create(t: Tx, actor: Actor, a: Application, permission: string): Promise<string> {
    const [organ] = await query<{ id: number; division_code: string; kind: string }>(
      t.db,
      sql`select id, division_code, kind from org_units
          where id = ${a.organUnitId} and active and kind = 'government' and (${inScope(sql`path`, actor.scopes(permission))})`,
    );
    if (!organ)
      throw badInput('organUnitId', `复议机关 ${a.organUnitId} 不存在、不是人民政府或不在您的办理范围内`);
    if (a.receivedOn > this.today()) throw badInput('receivedOn', '收到申请的日期不能晚于今天');
    if (a.learnedOn > a.receivedOn) throw badInput('learnedOn', '知道行政行为的日期不能晚于收到申请的日期');
    if (a.rightsLearnedOn && (a.rightsLearnedOn < a.learnedOn || a.rightsLearnedOn > a.receivedOn))
      throw badInput(
        'rightsLearnedOn',
        '知道申请复议权利的日期应在知道行政行为之日与收到申请之日之间（第二十条第三款）',
      );
    if (a.actDate && a.actDate > a.receivedOn)
      throw badInput('actDate', '行政行为作出日期不能晚于收到申请的日期');
    if (a.channel === 'oral' && !a.oralRecord)
      throw badInput(
        'oralRecord',
        '口头申请应当场制作申请笔录，记录申请人基本情况、请求、主要事实、理由和时间（第二十二条第三款）',
      );
    if (a.respondentUnitId) {
      const [u] = await t.db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(eq(orgUnits.id, a.respondentUnitId));
      if (!u) throw badInput('respondentUnitId', `被申请人单位 ${a.respondentUnitId} 不存在`);
    }
    const cal = await this.calendar.calendar(t.db);
    const divisionPath = await this.divisionPath(t.db, organ.division_code);
    // a receipt late in December may need next year's holidays: the due date then waits for them
    let reviewDueOn: string | null = null;
    try {
      reviewDueOn = computeDeadline(rules.intakeReview, a.receivedOn, cal, divisionPath).end;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'CALENDAR_YEAR_MISSING')) throw e;
    }
    const [row] = await t.db
      .insert(cases)
      .values({
        organUnitId: organ.id,
        divisionCode: organ.division_code,
        stage: 'intake',
        channel: a.channel,
        receivedOn: a.receivedOn,
        submissionId: a.submissionId ?? null,
        applicantKind: a.applicantKind,
        applicantName: a.applicantName,
        applicantIdEnc: this.crypto.encryptOptional(a.applicantIdNumber?.toUpperCase()),
        applicantPhoneEnc: this.crypto.encryptOptional(a.applicantPhone),
        applicantAddress: a.applicantAddress ?? null,
        applicantRepresentative: a.applicantRepresentative ?? null,
        respondentName: a.respondentName,
        respondentUnitId: a.respondentUnitId ?? null,
        respondentSuperior: a.respondentSuperior ?? null,
        actDescription: a.actDescription,
        actNumber: a.actNumber ?? null,
        actDate: a.actDate ?? null,
        request: a.request,
        factsAndReasons: a.factsAndReasons,
        learnedOn: a.learnedOn,
        rightsLearnedOn: a.rightsLearnedOn ?? null,
        lateReason: a.lateReason ?? null,
        oralRecord: a.oralRecord ?? null,
        amountFen: a.amountYuan == null ? null : Math.round(a.amountYuan * 100),
        officers: a.officers,
        attachmentIds: a.attachmentIds,
        reviewDueOn,
        createdBy: actor.id,
      })
      .returning({ id: cases.id });
    // the timeline's own rule: unknown (a year without its holiday notice) is not late
    const period = applicationPeriod(
      { learnedOn: a.learnedOn, rightsLearnedOn: a.rightsLearnedOn ?? null, receivedOn: a.receivedOn },
      cal,
      divisionPath,
    );
    const late = !!period.end && a.receivedOn > period.end;
    await this.event(t, row!.id, 'received', a.receivedOn, { channel: a.channel, late });
    t.audit({
      action: 'reconsideration.case.register',
      entity: 'reconsiderationCase',
      entityId: row!.id,
      // personal numbers stay out of the audit diff
      diff: {
        channel: a.channel,
        receivedOn: a.receivedOn,
        applicantName: a.applicantName,
        respondentName: a.respondentName,
        late,
      },
    });
    return row!.id;
  }

  /** Corrections of the record while the case is open (the copy-to organ, officers, the major flag). */
  update(ctx: RequestContext, id: string, input: UpdateCase) {
    return this.step(ctx, id, P.handle, async (t, c) => {
      this.requireOpen(c);
      const patch: Patch = {};
      if (input.respondentSuperior !== undefined) patch.respondentSuperior = input.respondentSuperior;
      if (input.respondentUnitId !== undefined) patch.respondentUnitId = input.respondentUnitId;
      if (input.major !== undefined) patch.major = input.major;
      if (input.officers !== undefined) patch.officers = dedupe(input.officers);
      if (input.lateReason !== undefined) patch.lateReason = input.lateReason;
      return { patch, event: 'updated', on: this.today(), diff: patch };
    });
  }

  /** 受理 within the review period (Art. 30(1)); simple procedure only on an Art. 53 ground. */
  accept(ctx: RequestContext, id: string, input: AcceptInput) {
    return this.step(ctx, id, P.handle, async (t, c, tl) => {
      this.requireStage(tl, ['intake'], '受理');
      const start = c.row.correctionReceivedOn ?? c.row.receivedOn;
      this.dateBetween('on', input.on, start, reviewDue(tl), '受理日期应在受理审查期限内（第三十条）');
      if (input.procedure === 'simple') {
        if (!input.simpleGround) throw badInput('simpleGround', '适用简易程序应说明第五十三条规定的情形');
        if (
          input.simpleGround === 'smallAmount' &&
          (c.row.amountFen === null || c.row.amountFen > SMALL_AMOUNT_LIMIT_YUAN * 100)
        )
          throw badInput(
            'simpleGround',
            `案件涉及款额未填写或超过${SMALL_AMOUNT_LIMIT_YUAN}元，不符合第五十三条第一款第三项`,
          );
      }
      const number = await this.allocateNumber(t, c, input.on);
      return {
        patch: {
          stage: 'accepted',
          acceptedOn: input.on,
          procedure: input.procedure,
          simpleGround: input.procedure === 'simple' ? input.simpleGround! : null,
          ...number,
          ...(input.major !== undefined ? { major: input.major } : {}),
          ...(input.officers ? { officers: dedupe(input.officers) } : {}),
        },
        event: 'accepted',
        on: input.on,
        diff: {
          procedure: input.procedure,
          caseNumber: number.caseNumber,
          simpleGround: input.simpleGround ?? null,
        },
      };
    });
  }

  /** 不予受理 within the review period, with reasons, naming the proper organ where there is one (Art. 30(2)). */
  refuse(ctx: RequestContext, id: string, input: RefuseInput) {
    return this.step(ctx, id, P.handle, async (_t, c, tl) => {
      this.requireStage(tl, ['intake'], '决定不予受理');
      const start = c.row.correctionReceivedOn ?? c.row.receivedOn;
      this.dateBetween(
        'on',
        input.on,
        start,
        reviewDue(tl),
        '不予受理决定应在审查期限内作出（第三十条第二款），期限已过的视为受理',
      );
      return {
        patch: {
          stage: 'refused',
          refusedOn: input.on,
          refusalReason: input.reason,
          properOrgan: input.properOrgan ?? null,
        },
        event: 'refused',
        on: input.on,
        diff: { reason: input.reason, properOrgan: input.properOrgan ?? null },
      };
    });
  }

  /** ONE correction notice listing every missing item, within 5 working days of receipt (Art. 31(1)). */
  correctionNotice(ctx: RequestContext, id: string, input: CorrectionNoticeInput) {
    return this.step(ctx, id, P.handle, async (t, c, tl, cal) => {
      this.requireStage(tl, ['intake'], '通知补正');
      if (c.row.correctionNoticeOn)
        throw conflict(
          'CORRECTION_ALREADY_SENT',
          `已于${zhDate(c.row.correctionNoticeOn)}发出补正通知；补正通知应一次性载明需要补正的事项（第三十一条第一款），不能再次通知`,
        );
      const due = computeDeadline(rules.correctionNotice, c.row.receivedOn, cal, c.divisionPath).end;
      this.dateBetween(
        'on',
        input.on,
        c.row.receivedOn,
        due,
        `补正通知应自收到申请之日起五个工作日内（${zhDate(due)}前）发出（第三十一条第一款）`,
      );
      if (input.servedOn && input.servedOn < input.on) throw badInput('servedOn', '送达日期不能早于通知日期');
      return {
        patch: {
          stage: 'correction',
          correctionNoticeOn: input.on,
          correctionItems: input.items,
          correctionServedOn: input.servedOn ?? null,
        },
        event: 'correctionNotice',
        on: input.on,
        diff: { items: input.items },
      };
    });
  }

  correctionReceived(ctx: RequestContext, id: string, on: string) {
    return this.step(ctx, id, P.handle, async (_t, c, tl, cal) => {
      this.requireStage(tl, ['correction'], '登记补正材料');
      const replyDue = tl.deadlines.find((d) => d.key === 'correctionReply')!.dueOn!;
      this.dateBetween(
        'on',
        on,
        c.row.correctionNoticeOn!,
        replyDue,
        `补正材料应在补正期限（${zhDate(replyDue)}）内提交（第三十一条第二款）`,
      );
      // Art. 31(3): the review runs again from receipt of the corrected materials
      const review = computeDeadline(rules.intakeReview, on, cal, c.divisionPath).end;
      return {
        patch: { stage: 'intake', correctionReceivedOn: on, reviewDueOn: review },
        event: 'correctionReceived',
        on,
        diff: { reviewDueOn: review },
      };
    });
  }

  /** Art. 31(2): a longer reply period for good reason. */
  extendCorrection(ctx: RequestContext, id: string, to: string, reason: string) {
    return this.step(ctx, id, P.handle, async (_t, _c, tl) => {
      this.requireStage(tl, ['correction'], '延长补正期限');
      const current = tl.deadlines.find((d) => d.key === 'correctionReply')!.dueOn!;
      if (to <= current) throw badInput('to', `延长后的补正期限应晚于现有期限${zhDate(current)}`);
      return {
        patch: { correctionExtendedTo: to },
        event: 'correctionExtended',
        on: this.today(),
        diff: { to, reason },
      };
    });
  }
}
