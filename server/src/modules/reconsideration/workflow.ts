/**
 * The machinery every reconsideration step shares: one audited transaction per step, the lapses
 * the law attaches to time (视为受理, 视为放弃) written first, gapless case numbers, stage checks.
 */
import { eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { zhDate } from '../../platform/calendar/dates.js';
import type { CalendarService } from '../../platform/calendar/service.js';
import { badInput, conflict } from '../../platform/http/errors.js';
import type { FieldCrypto } from '../../platform/privacy/field-crypto.js';
import type { RegisterApplication } from './contract.js';
import { stages, type Channel, type Stage } from './kinds.js';
import { timeline, type CaseTimeline } from './rules.js';
import {
  reconsiderationCases as cases,
  reconsiderationEvents as events,
  reconsiderationSuspensions as suspensions,
} from './schema.js';
import { numberPrefixOf } from './settings.js';
import { P, factsOf, loadCase, presentCase, todayInShanghai, type Loaded } from './store.js';

export type Patch = Partial<typeof cases.$inferInsert>;
export type Application = Omit<RegisterApplication, 'channel' | 'officers' | 'attachmentIds'> & {
  channel: Channel;
  officers: string[];
  attachmentIds: string[];
  submissionId?: string | null;
};

/** Base of the workflow classes (intake review → procedure and closing). */
export abstract class CaseWorkflow {
  /** `today` is a seam for the tests; the service otherwise asks the clock in Asia/Shanghai. */
  constructor(
    readonly db: Db,
    protected readonly calendar: CalendarService,
    readonly crypto: FieldCrypto,
    protected readonly today: () => string = todayInShanghai,
  ) {}

  presenter(cal: Awaited<ReturnType<CalendarService['calendar']>>) {
    return { crypto: this.crypto, cal, today: this.today() };
  }

  // ——— machinery ———

  /**
   * One step: lock the case in scope, write the lapses the law attached to time (视为受理, 视为放弃)
   * first, then the step's own change, its event and its audit row, all in one transaction.
   */
  protected step(
    ctx: RequestContext,
    id: string,
    permission: string,
    fn: (
      t: Tx,
      c: Loaded,
      tl: CaseTimeline,
      cal: Awaited<ReturnType<CalendarService['calendar']>>,
    ) => Promise<{ patch: Patch; event: string; on: string; diff: Record<string, unknown> }>,
  ) {
    return inTx(this.db, ctx, async (t) => {
      const cal = await this.calendar.calendar(t.db);
      let c = await loadCase(t.db, ctx.actor, permission, id, true);
      if (await this.settle(t, c, cal)) c = await loadCase(t.db, ctx.actor, permission, id);
      const tl = timeline(factsOf(c.row, c.suspensions), cal, c.divisionPath, this.today());
      // a lapse written just now (or earlier) still explains a refusal: "视为受理"
      tl.acceptanceDeemed ||= c.row.acceptanceDeemed;
      const r = await fn(t, c, tl, cal);
      if (r.on > this.today()) throw badInput('on', '日期不能晚于今天');
      if (Object.keys(r.patch).length)
        await t.db
          .update(cases)
          .set({ ...r.patch, updatedAt: new Date() })
          .where(eq(cases.id, id));
      await this.event(t, id, r.event, r.on, r.diff);
      t.audit({
        action: `reconsideration.case.${r.event}`,
        entity: 'reconsiderationCase',
        entityId: id,
        diff: r.diff,
      });
      return this.view(t, id);
    });
  }

  /** Writes 视为受理 (Art. 30(3)) or 视为放弃 (Art. 31(2)) once its day has passed; true when it wrote. */
  async settle(t: Tx, c: Loaded, cal: Awaited<ReturnType<CalendarService['calendar']>>): Promise<boolean> {
    const tl = timeline(factsOf(c.row, c.suspensions), cal, c.divisionPath, this.today());
    if (tl.stage === c.row.stage) return false;
    if (tl.stage === 'accepted' && c.row.stage === 'intake') {
      const number = await this.allocateNumber(t, c, tl.acceptedOn!);
      await t.db
        .update(cases)
        .set({
          stage: 'accepted',
          acceptedOn: tl.acceptedOn,
          acceptanceDeemed: true,
          procedure: c.row.procedure ?? 'normal',
          ...number,
          updatedAt: new Date(),
        })
        .where(eq(cases.id, c.row.id));
      await this.event(t, c.row.id, 'deemedAccepted', tl.acceptedOn!, { caseNumber: number.caseNumber });
      t.audit({
        action: 'reconsideration.case.deemedAccepted',
        entity: 'reconsiderationCase',
        entityId: c.row.id,
        diff: { acceptedOn: tl.acceptedOn, ...number },
      });
      return true;
    }
    if (tl.stage === 'abandoned' && c.row.stage === 'correction') {
      await t.db
        .update(cases)
        .set({ stage: 'abandoned', abandonedOn: tl.abandonedOn, updatedAt: new Date() })
        .where(eq(cases.id, c.row.id));
      await this.event(t, c.row.id, 'abandoned', tl.abandonedOn!, {});
      t.audit({
        action: 'reconsideration.case.abandoned',
        entity: 'reconsiderationCase',
        entityId: c.row.id,
        diff: { abandonedOn: tl.abandonedOn },
      });
      return true;
    }
    return false;
  }

  /** For the job: settles every open intake or correction whose period has run out. */
  async settleAll(ctx: RequestContext): Promise<number> {
    const ids = await query<{ id: string }>(
      this.db,
      sql`select id from reconsideration_cases where voided_at is null and stage in ('intake', 'correction')`,
    );
    let n = 0;
    for (const { id } of ids)
      n += await inTx(this.db, ctx, async (t) => {
        const cal = await this.calendar.calendar(t.db);
        return (await this.settle(t, await loadCase(t.db, ctx.actor, P.handle, id, true), cal)) ? 1 : 0;
      });
    return n;
  }

  /**
   * The next number of the organ's year, gapless: the counter row is locked by the upsert until the
   * transaction ends, so concurrent acceptances queue and a rolled-back one gives its number back.
   */
  protected async allocateNumber(t: Tx, c: Loaded, acceptedOn: string) {
    const year = Number(acceptedOn.slice(0, 4));
    const [r] = await query<{ last: number }>(
      t.db,
      sql`insert into reconsideration_counters (organ_unit_id, year, last) values (${c.row.organUnitId}, ${year}, 1)
          on conflict (organ_unit_id, year) do update set last = reconsideration_counters.last + 1
          returning last`,
    );
    const prefix = await numberPrefixOf(t.db, c.row.organUnitId);
    return { caseYear: year, caseSeq: r!.last, caseNumber: `${prefix}〔${year}〕${r!.last}号` };
  }

  protected async closeSuspension(t: Tx, c: Loaded, on: string) {
    const open = c.suspensions.find((s) => !s.toOn);
    if (open) await t.db.update(suspensions).set({ toOn: on }).where(eq(suspensions.id, open.id));
  }

  protected async event(t: Tx, caseId: string, kind: string, on: string, detail: Record<string, unknown>) {
    await t.db.insert(events).values({ caseId, kind, on, detail, byUser: t.ctx.actor.id });
  }

  async view(t: Tx, id: string) {
    const c = await loadCase(t.db, t.ctx.actor, P.read, id);
    const cal = await this.calendar.calendar(t.db);
    return presentCase(t.db, c, this.presenter(cal), false);
  }

  protected async divisionPath(db: Db, code: string) {
    return (await this.calendar.division(code, 'organUnitId', db)).path;
  }

  protected requireStage(tl: CaseTimeline, allowed: Stage[], what: string) {
    if (!allowed.includes(tl.stage))
      throw conflict(
        'WRONG_STAGE',
        `案件当前为“${stages[tl.stage]}”${tl.acceptanceDeemed && tl.stage === 'accepted' ? '（审查期限届满，视为受理）' : ''}，不能${what}`,
        { stage: tl.stage },
      );
  }
  protected requireOpen(c: Loaded) {
    if (['refused', 'abandoned', 'decided', 'mediated', 'terminated'].includes(c.row.stage))
      throw conflict('CLOSED', `案件已${stages[c.row.stage]}，不能修改`);
  }
  protected notBefore(field: string, on: string, from: string) {
    if (on < from) throw badInput(field, `日期不能早于${zhDate(from)}`);
  }
  protected dateBetween(field: string, on: string, from: string, to: string, detail: string) {
    if (on < from) throw badInput(field, `日期不能早于${zhDate(from)}`);
    if (on > to) throw conflict('PERIOD_PASSED', detail, { field, due: to });
  }
}

/** The review's last day; unknown only while next year's holidays are not published (then no limit yet). */
export const reviewDue = (tl: CaseTimeline) =>
  tl.deadlines.find((d) => d.key === 'intakeReview')?.dueOn ?? '9999-12-31';
export const dedupe = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
