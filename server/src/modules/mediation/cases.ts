import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { markVoided } from '../../db/void.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput, conflict, DomainError, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.js';
import { agreementDocument } from './agreement.js';
import { P, allocateNumber, fen, mediationUnit, notAfterToday, yuan } from './common.js';
import type {
  AddFollowUp,
  AddSession,
  ApplyConfirmation,
  AssignCase,
  CaseQuery,
  CaseView,
  CloseCase,
  CreateCase,
  PartyInput,
  RuleConfirmation,
} from './contract.js';
import {
  grades,
  rulings,
  sources,
  statuses,
  type Grade,
  type Level,
  type Performance,
  type Ruling,
  type Source,
  type Status,
} from './kinds.js';
import { confirmationWindow } from './rules.js';
import {
  mediationCaseMediators,
  mediationCases,
  mediationConfirmations,
  mediationFollowUps,
  mediationParties,
  mediationSessions,
  mediationVisits,
} from './schema.js';

interface CaseRow {
  id: string;
  number: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  unit_division: string;
  received_unit_name: string;
  at_centre: boolean;
  received_on: string;
  source: Source;
  dispute_type_code: string;
  dispute_type_label: string;
  grade: Grade;
  division_code: string;
  division_name: string;
  amount_fen: string | number;
  status: Status;
  closed_on: string | null;
  parties: string | null;
  mediators: string | null;
  ruling: Ruling | null;
}

/**
 * The matching page is chosen first (filters and scope on the case and its unit, in the order of the
 * partial indexes on received_on, number), and only its rows get their parties, mediators and
 * ruling: a list of 20 does not aggregate the parties of every case in the county. The total is its
 * own count (caseCount): a window count would read and sort every match before the first row.
 */
const caseSelect = (where: SQL, scope: SQL, page?: { limit: number; offset: number }) =>
  sql`with hit as (
        select c.id, c.received_on, c.number
        from mediation_cases c join org_units u on u.id = c.unit_id
        where ${where} and (${scope})
        order by c.received_on desc, c.number desc
        ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``})
      select c.id, c.number, c.unit_id, u.name as unit_name, u.path as unit_path, u.division_code as unit_division,
        ru.name as received_unit_name,
        exists (select 1 from mediation_centres mc where mc.unit_id = c.received_unit_id) as at_centre,
        c.received_on, c.source, c.dispute_type_code, t.label as dispute_type_label, c.grade,
        c.division_code, d.name as division_name, c.amount_fen, c.status, c.closed_on,
        (select string_agg(p.name, '、' order by p.sort) from mediation_parties p where p.case_id = c.id) as parties,
        (select string_agg(m.name, '、' order by cm.lead desc, m.name) from mediation_case_mediators cm
           join mediators m on m.id = cm.mediator_id where cm.case_id = c.id) as mediators,
        (select j.ruling from mediation_confirmations j where j.case_id = c.id and j.voided_at is null) as ruling
      from hit join mediation_cases c on c.id = hit.id
      join org_units u on u.id = c.unit_id
      join org_units ru on ru.id = c.received_unit_id
      join mediation_dispute_types t on t.code = c.dispute_type_code
      join divisions d on d.code = c.division_code
      order by hit.received_on desc, hit.number desc`;

const caseCount = (where: SQL, scope: SQL) =>
  sql`select count(*)::int as total from mediation_cases c join org_units u on u.id = c.unit_id
      where ${where} and (${scope})`;

const summaryOf = (r: CaseRow) => ({
  id: r.id,
  number: r.number,
  unitId: r.unit_id,
  unitName: r.unit_name,
  receivedUnitName: r.received_unit_name,
  receivedAtCentre: r.at_centre,
  receivedOn: r.received_on,
  source: r.source,
  sourceLabel: sources[r.source],
  disputeTypeCode: r.dispute_type_code,
  disputeTypeLabel: r.dispute_type_label,
  grade: r.grade,
  gradeLabel: grades[r.grade].label,
  divisionCode: r.division_code,
  divisionName: r.division_name,
  amount: yuan(r.amount_fen),
  status: r.status,
  statusLabel: statuses[r.status],
  closedOn: r.closed_on,
  parties: r.parties ?? '',
  mediators: r.mediators ?? '',
  confirmationRuling: r.ruling,
});

export class CaseService {
  constructor(private readonly platform: Platform) {}
  private get db() {
    return this.platform.db;
  }

  private async row(db: Db, actor: Actor, id: string, permission: string): Promise<CaseRow> {
    const [r] = await query<CaseRow>(
      db,
      caseSelect(sql`c.id = ${id} and c.voided_at is null`, inScope(sql`u.path`, actor.scopes(permission))),
    );
    if (!r) throw notFound('调解案件', id);
    return r;
  }

  async list(actor: Actor, f: CaseQuery) {
    const where: SQL[] = [sql`c.voided_at is null`];
    if (f.status) where.push(sql`c.status = ${f.status}`);
    if (f.grade) where.push(sql`c.grade = ${f.grade}`);
    if (f.source) where.push(sql`c.source = ${f.source}`);
    if (f.disputeTypeCode) where.push(sql`c.dispute_type_code = ${f.disputeTypeCode}`);
    if (f.unitId) where.push(sql`c.unit_id = ${f.unitId}`);
    if (f.centre)
      where.push(
        sql`${f.centre === 'true' ? sql`` : sql`not`} exists (select 1 from mediation_centres mc where mc.unit_id = c.received_unit_id)`,
      );
    if (f.unit) where.push(sql`u.path like (select path from org_units where id = ${f.unit}) || '%'`);
    if (f.closedFrom) where.push(sql`c.closed_on >= ${f.closedFrom}`);
    if (f.closedTo) where.push(sql`c.closed_on <= ${f.closedTo}`);
    if (f.from) where.push(sql`c.received_on >= ${f.from}`);
    if (f.to) where.push(sql`c.received_on <= ${f.to}`);
    if (f.q)
      where.push(
        sql`(c.number like ${`%${f.q}%`} or exists (select 1 from mediation_parties p where p.case_id = c.id and p.name like ${`%${f.q}%`}))`,
      );
    const scope = inScope(sql`u.path`, actor.scopes(P.read));
    const matching = sql.join(where, sql` and `);
    const rows = await query<CaseRow>(
      this.db,
      caseSelect(matching, scope, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize }),
    );
    // a short first page is the whole list: no count needed
    const total =
      f.page === 1 && rows.length < f.pageSize
        ? rows.length
        : ((await query<{ total: number }>(this.db, caseCount(matching, scope)))[0]?.total ?? 0);
    return { items: rows.map(summaryOf), total, page: f.page, pageSize: f.pageSize };
  }

  /**
   * One case. ID and phone numbers are shown to holders of mediation.personal over the case's
   * committee (its mediators, the centre, the office) and masked for everyone else; an unmasked read
   * is audited (rules-research §5.1).
   */
  async get(ctx: RequestContext, id: string, db: Db = this.db, audit = true): Promise<CaseView> {
    const r = await this.row(db, ctx.actor, id, P.read);
    const personal = ctx.actor.covers(P.personal, r.unit_path);
    const view = await this.detail(db, r, personal);
    if (audit && personal && view.partyList.some((p) => p.idNumber || p.phone))
      await inTx(this.db, ctx, async (t) =>
        t.audit({ action: 'mediation.case.personal.read', entity: 'mediationCase', entityId: id }),
      );
    return view;
  }

  private async detail(db: Db, r: CaseRow, personal: boolean): Promise<CaseView> {
    const crypto = this.platform.fieldCrypto;
    const [c] = await db.select().from(mediationCases).where(eq(mediationCases.id, r.id));
    const parties = await db
      .select()
      .from(mediationParties)
      .where(eq(mediationParties.caseId, r.id))
      .orderBy(mediationParties.sort);
    const mediatorList = await query<{ id: string; name: string; lead: boolean }>(
      db,
      sql`select m.id, m.name, cm.lead from mediation_case_mediators cm join mediators m on m.id = cm.mediator_id
          where cm.case_id = ${r.id} order by cm.lead desc, m.name`,
    );
    const sessions = await db
      .select()
      .from(mediationSessions)
      .where(eq(mediationSessions.caseId, r.id))
      .orderBy(mediationSessions.heldOn, mediationSessions.createdAt);
    const followUps = await db
      .select()
      .from(mediationFollowUps)
      .where(eq(mediationFollowUps.caseId, r.id))
      .orderBy(mediationFollowUps.visitedOn);
    const [conf] = await db
      .select()
      .from(mediationConfirmations)
      .where(and(eq(mediationConfirmations.caseId, r.id), isNull(mediationConfirmations.voidedAt)));
    const window = c!.agreementEffectiveOn
      ? await this.windowOrWhyNot(c!.agreementEffectiveOn, r.unit_division, db)
      : { window: null, pending: null };
    return {
      ...summaryOf(r),
      summary: c!.summary,
      mediationKind: c!.mediationKind,
      outcomeNote: c!.outcomeNote,
      personalShown: personal,
      partyList: parties.map((p) => {
        const idn = crypto.decryptOptional(p.idNumberEnc);
        const ph = crypto.decryptOptional(p.phoneEnc);
        return {
          id: p.id,
          role: p.role,
          kind: p.kind,
          name: p.name,
          gender: p.gender,
          ethnicity: p.ethnicity,
          idNumber: personal ? idn : maskIdNumber(idn),
          phone: personal ? ph : maskPhone(ph),
          address: p.address,
          representative: p.representative,
        };
      }),
      mediatorList,
      sessions: sessions.map((s) => ({ id: s.id, heldOn: s.heldOn, place: s.place, record: s.record })),
      agreement: c!.agreementForm
        ? {
            form: c!.agreementForm,
            facts: c!.agreementFacts,
            terms: c!.agreementTerms ?? [],
            termsBo: c!.agreementTermsBo,
            performanceMethod: c!.performanceMethod,
            performanceDue: c!.performanceDue,
            effectiveOn: c!.agreementEffectiveOn,
          }
        : null,
      performance: c!.performance,
      followUps: followUps.map((f) => ({
        id: f.id,
        visitedOn: f.visitedOn,
        method: f.method,
        performance: f.performance,
        note: f.note,
      })),
      confirmationWindow: window.window,
      confirmationWindowPending: window.pending,
      confirmation: conf
        ? {
            id: conf.id,
            appliedOn: conf.appliedOn,
            court: conf.court,
            windowEnd: conf.windowEnd,
            withinWindow: conf.appliedOn <= conf.windowEnd,
            ruling: conf.ruling,
            rulingLabel: conf.ruling ? rulings[conf.ruling] : null,
            ruledOn: conf.ruledOn,
            rulingNumber: conf.rulingNumber,
          }
        : null,
      voided: false,
    };
  }

  /** The 30-day window; null when the calendar does not yet hold the year (never guessed). */
  async window(effectiveOn: string, divisionCode: string, db: Db = this.db) {
    return (await this.windowOrWhyNot(effectiveOn, divisionCode, db)).window;
  }

  /** The window, or why it cannot be computed yet: the year's holiday notice is not in the calendar. */
  async windowOrWhyNot(effectiveOn: string, divisionCode: string, db: Db = this.db) {
    try {
      const d = await this.platform.calendar.deadline(confirmationWindow, effectiveOn, divisionCode, db);
      const window = {
        start: d.start,
        end: d.end,
        law: confirmationWindow.law,
        article: confirmationWindow.article,
        description: d.rule.description,
      };
      return { window, pending: null };
    } catch (e) {
      if (e instanceof DomainError && e.code === 'CALENDAR_YEAR_MISSING')
        return { window: null, pending: e.detail };
      throw e;
    }
  }

  private async insertParties(t: Tx, caseId: string, parties: PartyInput[]) {
    const crypto = this.platform.fieldCrypto;
    await t.db.insert(mediationParties).values(
      parties.map((p, i) => ({
        caseId,
        role: p.role,
        kind: p.kind,
        name: p.name,
        gender: p.kind === 'person' ? (p.gender ?? null) : null,
        ethnicity: p.ethnicity ?? null,
        idNumberEnc: crypto.encryptOptional(p.idNumber),
        phoneEnc: crypto.encryptOptional(p.phone),
        address: p.address ?? null,
        representative: p.representative ?? null,
        sort: i,
      })),
    );
  }

  /** Intake inside the caller's transaction (the portal handler uses it too). */
  async createIn(
    t: Tx,
    input: CreateCase & { submissionId?: string | null },
  ): Promise<{ id: string; number: string }> {
    const actor = t.ctx.actor;
    const unit = await mediationUnit(t.db, actor, input.unitId, P.intake);
    notAfterToday('receivedOn', input.receivedOn, '受理日期');
    if (
      !input.parties.some((p) => p.role === 'applicant') ||
      !input.parties.some((p) => p.role === 'respondent')
    )
      throw badInput('parties', '须有申请人和被申请人（纠纷的双方）');
    const [type] = await query<{ code: string }>(
      t.db,
      sql`select code from mediation_dispute_types where code = ${input.disputeTypeCode} and active`,
    );
    if (!type) throw badInput('disputeTypeCode', `纠纷类型“${input.disputeTypeCode}”不存在或已停用`);
    const [div] = await query<{ code: string }>(
      t.db,
      sql`select d.code from divisions d, divisions ud where ud.code = ${unit.divisionCode}
          and d.code = ${input.divisionCode}
          and (d.path like ud.path || '%' or ud.path like d.path || '%')`,
    );
    if (!div) throw badInput('divisionCode', `纠纷发生地 ${input.divisionCode} 不在${unit.name}的辖区内`);
    const year = Number(input.receivedOn.slice(0, 4));
    const { seq, number } = await allocateNumber(t.db, unit, year);
    const [row] = await t.db
      .insert(mediationCases)
      .values({
        unitId: unit.id,
        receivedUnitId: unit.id,
        year,
        seq,
        number,
        receivedOn: input.receivedOn,
        source: input.source,
        disputeTypeCode: input.disputeTypeCode,
        grade: input.grade,
        divisionCode: input.divisionCode,
        summary: input.summary,
        amountFen: fen(input.amount),
        mediationKind: input.mediationKind,
        submissionId: input.submissionId ?? null,
        createdBy: actor.id,
      })
      .returning({ id: mediationCases.id });
    await this.insertParties(t, row!.id, input.parties);
    if (input.visitId) {
      const [v] = await query<{ id: string; handling: string }>(
        t.db,
        sql`select v.id, v.handling from mediation_visits v join org_units u on u.id = v.unit_id
            where v.id = ${input.visitId} and v.voided_at is null and ${inScope(sql`u.path`, actor.scopes(P.intake))}`,
      );
      if (!v) throw badInput('visitId', '来访登记不存在或不在您的权限范围内');
      if (v.handling !== 'pending') throw badInput('visitId', '该来访登记已处理，不能再转为案件');
      await t.db
        .update(mediationVisits)
        .set({ handling: 'case', caseId: row!.id, closedOn: input.receivedOn })
        .where(eq(mediationVisits.id, input.visitId));
    }
    t.audit({
      action: 'mediation.case.create',
      entity: 'mediationCase',
      entityId: row!.id,
      // personal numbers never enter the audit diff
      diff: {
        number,
        unitId: unit.id,
        source: input.source,
        grade: input.grade,
        parties: input.parties.length,
      },
    });
    return { id: row!.id, number };
  }

  async create(ctx: RequestContext, input: CreateCase): Promise<CaseView> {
    const { id } = await inTx(this.db, ctx, (t) => this.createIn(t, input));
    return this.get(ctx, id, this.db, false);
  }

  /**
   * 分级调处: simple → the village committee, complex → the township's, difficult → the county's
   * (§1.16). Where the division has no committee of the wanted level, the next level up takes it.
   */
  async suggestRoute(actor: Actor, id: string) {
    const r = await this.row(this.db, actor, id, P.read);
    const want: Level = grades[r.grade].level;
    const committees = await query<{ id: number; name: string; level: number; dpath: string }>(
      this.db,
      sql`select u.id, u.name, d.level, d.path as dpath from org_units u join divisions d on d.code = u.division_code,
            divisions cd
          where cd.code = ${r.division_code} and u.kind = 'mediationCommittee' and u.active
            and cd.path like d.path || '%'
            and ${inScope(sql`u.path`, actor.scopes(P.read))}
          order by d.level desc, u.sort, u.id`,
    );
    const order: Level[] = ['village', 'township', 'county'];
    const levelOf = (l: number): Level => (l <= 3 ? 'county' : l === 4 ? 'township' : 'village');
    for (const lv of order.slice(order.indexOf(want))) {
      const units = committees.filter((c) => levelOf(c.level) === lv);
      if (units.length)
        return {
          grade: r.grade,
          level: lv,
          units: units.map(({ id, name }) => ({ id, name })),
          reason:
            lv === want
              ? `${grades[r.grade].label}纠纷由${grades[r.grade].route}调处`
              : `${grades[r.grade].label}纠纷应由${grades[r.grade].route}调处；纠纷发生地没有该级调委会，由上一级调处`,
        };
    }
    return { grade: r.grade, level: want, units: [], reason: '纠纷发生地及上级均无可指派的人民调解委员会' };
  }

  /** Routes the case to a committee and its mediators; the first mediator leads unless named. */
  async assign(ctx: RequestContext, id: string, input: AssignCase): Promise<CaseView> {
    await inTx(this.db, ctx, async (t) => {
      const before = await this.row(t.db, ctx.actor, id, P.intake);
      if (before.status !== 'received' && before.status !== 'mediating')
        throw conflict('CASE_CLOSED', `案件已${statuses[before.status]}，不能再指派`, {
          status: before.status,
        });
      const unit = await mediationUnit(t.db, ctx.actor, input.unitId, P.intake, 'unitId', 'committee');
      const ids = [...new Set(input.mediatorIds)];
      const found = await query<{ id: string }>(
        t.db,
        sql`select id from mediators where unit_id = ${unit.id} and voided_at is null and id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      );
      ids.forEach((m, i) => {
        if (!found.some((f) => f.id === m))
          throw badInput(`mediatorIds.${i}`, `调解员 ${m} 不是${unit.name}的在册调解员`);
      });
      const lead = input.leadMediatorId ?? ids[0]!;
      if (!ids.includes(lead)) throw badInput('leadMediatorId', '主办调解员须在指派名单中');
      await t.db.delete(mediationCaseMediators).where(eq(mediationCaseMediators.caseId, id));
      await t.db
        .insert(mediationCaseMediators)
        .values(ids.map((m) => ({ caseId: id, mediatorId: m, lead: m === lead })));
      await t.db
        .update(mediationCases)
        .set({
          unitId: unit.id,
          status: 'mediating',
          grade: input.grade ?? before.grade,
          updatedAt: new Date(),
        })
        .where(eq(mediationCases.id, id));
      t.audit({
        action: 'mediation.case.assign',
        entity: 'mediationCase',
        entityId: id,
        diff: {
          unitId: [before.unit_id, unit.id],
          grade: [before.grade, input.grade ?? before.grade],
          mediators: ids,
          lead,
        },
      });
    });
    return this.get(ctx, id, this.db, false);
  }

  private async handle(t: Tx, id: string): Promise<CaseRow> {
    return this.row(t.db, t.ctx.actor, id, P.handle);
  }

  async addSession(ctx: RequestContext, id: string, input: AddSession): Promise<CaseView> {
    await inTx(this.db, ctx, async (t) => {
      const c = await this.handle(t, id);
      if (c.status !== 'received' && c.status !== 'mediating')
        throw conflict('CASE_CLOSED', `案件已${statuses[c.status]}，不能再记录调解`, { status: c.status });
      if (input.heldOn < c.received_on) throw badInput('heldOn', '调解日期不能早于受理日期');
      notAfterToday('heldOn', input.heldOn, '调解日期');
      const [s] = await t.db
        .insert(mediationSessions)
        .values({ caseId: id, ...input, createdBy: ctx.actor.id })
        .returning({ id: mediationSessions.id });
      await t.db
        .update(mediationCases)
        .set({ status: 'mediating', updatedAt: new Date() })
        .where(eq(mediationCases.id, id));
      t.audit({
        action: 'mediation.session.add',
        entity: 'mediationCase',
        entityId: id,
        diff: { sessionId: s!.id, heldOn: input.heldOn },
      });
    });
    return this.get(ctx, id, this.db, false);
  }

  /** 调解成功 (with the agreement of 人民调解法第二十九条), 调解不成 (第二十六条) or withdrawal. */
  async close(ctx: RequestContext, id: string, input: CloseCase): Promise<CaseView> {
    await inTx(this.db, ctx, async (t) => {
      const c = await this.handle(t, id);
      if (c.status !== 'received' && c.status !== 'mediating')
        throw conflict('CASE_CLOSED', `案件已${statuses[c.status]}`, { status: c.status });
      if (input.closedOn < c.received_on) throw badInput('closedOn', '结案日期不能早于受理日期');
      notAfterToday('closedOn', input.closedOn, '结案日期');
      const a = input.agreement;
      if (input.outcome === 'agreed') {
        if (!a) throw badInput('agreement', '调解成功须填写调解协议（人民调解法第二十九条）');
        const [{ n }] = (await query<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from mediation_sessions where case_id = ${id}`,
        )) as [{ n: number }];
        if (n === 0) throw badInput('outcome', '尚无调解记录，请先记录调解过程（人民调解法第二十七条）');
        if (a.effectiveOn < c.received_on || a.effectiveOn > input.closedOn)
          throw badInput('agreement.effectiveOn', '协议生效日期应在受理日期与结案日期之间');
        if (a.performanceDue < a.effectiveOn)
          throw badInput('agreement.performanceDue', '履行期限不能早于协议生效日期');
        if (a.termsBo && a.termsBo.length > a.terms.length)
          throw badInput('agreement.termsBo', '藏文条款不能多于汉文条款');
      } else if (a) throw badInput('agreement', '调解不成或撤回的案件没有调解协议');
      if (input.outcome !== 'withdrawn' && !input.note && input.outcome === 'failed')
        throw badInput('note', '调解不成须写明终止调解的原因及告知当事人的其他途径（人民调解法第二十六条）');
      await t.db
        .update(mediationCases)
        .set({
          status: input.outcome,
          closedOn: input.closedOn,
          outcomeNote: input.note ?? null,
          agreementForm: a?.form ?? null,
          agreementFacts: a?.facts ?? null,
          agreementTerms: a?.terms ?? null,
          agreementTermsBo: a?.termsBo?.length ? a.termsBo : null,
          performanceMethod: a?.performanceMethod ?? null,
          performanceDue: a?.performanceDue ?? null,
          agreementEffectiveOn: a?.effectiveOn ?? null,
          performance: a ? 'pending' : null,
          updatedAt: new Date(),
        })
        .where(eq(mediationCases.id, id));
      t.audit({
        action: 'mediation.case.close',
        entity: 'mediationCase',
        entityId: id,
        diff: { status: [c.status, input.outcome], closedOn: input.closedOn, agreement: a ?? null },
      });
    });
    return this.get(ctx, id, this.db, false);
  }

  /** 回访: the committee supervises performance (人民调解法第三十一条第二款); the latest visit sets the state. */
  async followUp(ctx: RequestContext, id: string, input: AddFollowUp): Promise<CaseView> {
    await inTx(this.db, ctx, async (t) => {
      const c = await this.handle(t, id);
      if (c.status !== 'agreed') throw conflict('NO_AGREEMENT', '只有调解成功的案件需要回访履行情况');
      if (c.closed_on && input.visitedOn < c.closed_on)
        throw badInput('visitedOn', '回访日期不能早于结案日期');
      notAfterToday('visitedOn', input.visitedOn, '回访日期');
      await t.db.insert(mediationFollowUps).values({ caseId: id, ...input, createdBy: ctx.actor.id });
      const [latest] = await query<{ performance: Performance }>(
        t.db,
        sql`select performance from mediation_follow_ups where case_id = ${id} order by visited_on desc, created_at desc limit 1`,
      );
      await t.db
        .update(mediationCases)
        .set({ performance: latest!.performance, updatedAt: new Date() })
        .where(eq(mediationCases.id, id));
      t.audit({ action: 'mediation.followUp.add', entity: 'mediationCase', entityId: id, diff: input });
    });
    return this.get(ctx, id, this.db, false);
  }

  /** The joint application, refused once the 30-day window has passed (民事诉讼法第二百零五条). */
  async applyConfirmation(ctx: RequestContext, id: string, input: ApplyConfirmation): Promise<CaseView> {
    await inTx(this.db, ctx, async (t) => {
      const c = await this.handle(t, id);
      const [full] = await t.db.select().from(mediationCases).where(eq(mediationCases.id, id));
      if (c.status !== 'agreed' || !full!.agreementEffectiveOn)
        throw conflict('NO_AGREEMENT', '只有已生效的调解协议可以申请司法确认');
      const [dup] = await t.db
        .select({ id: mediationConfirmations.id })
        .from(mediationConfirmations)
        .where(and(eq(mediationConfirmations.caseId, id), isNull(mediationConfirmations.voidedAt)));
      if (dup) throw conflict('ALREADY_APPLIED', '该调解协议已申请司法确认', { id: dup.id });
      if (input.appliedOn < full!.agreementEffectiveOn)
        throw badInput('appliedOn', '申请日期不能早于协议生效日期');
      notAfterToday('appliedOn', input.appliedOn, '申请日期');
      const w = await this.platform.calendar.deadline(
        confirmationWindow,
        full!.agreementEffectiveOn,
        c.unit_division,
        t.db,
      );
      if (input.appliedOn > w.end)
        throw badInput(
          'appliedOn',
          `已超过申请司法确认的期限：${w.rule.description}双方当事人可以通过调解方式变更原协议或达成新的协议，也可以向人民法院提起诉讼。`,
        );
      await t.db.insert(mediationConfirmations).values({
        caseId: id,
        appliedOn: input.appliedOn,
        court: input.court,
        windowEnd: w.end,
        windowRule: w.rule,
        createdBy: ctx.actor.id,
      });
      t.audit({
        action: 'mediation.confirmation.apply',
        entity: 'mediationCase',
        entityId: id,
        diff: { ...input, windowEnd: w.end },
      });
    });
    return this.get(ctx, id, this.db, false);
  }

  /** The court's ruling: confirmed valid, or the application rejected (民事诉讼法第二百零六条). */
  async ruleConfirmation(ctx: RequestContext, id: string, input: RuleConfirmation): Promise<CaseView> {
    await inTx(this.db, ctx, async (t) => {
      await this.handle(t, id);
      const [conf] = await t.db
        .select()
        .from(mediationConfirmations)
        .where(and(eq(mediationConfirmations.caseId, id), isNull(mediationConfirmations.voidedAt)));
      if (!conf) throw conflict('NOT_APPLIED', '该案件尚未申请司法确认');
      if (conf.ruling) throw conflict('ALREADY_RULED', `法院已${rulings[conf.ruling]}`);
      if (input.ruledOn < conf.appliedOn) throw badInput('ruledOn', '裁定日期不能早于申请日期');
      notAfterToday('ruledOn', input.ruledOn, '裁定日期');
      await t.db
        .update(mediationConfirmations)
        .set({ ruling: input.ruling, ruledOn: input.ruledOn, rulingNumber: input.rulingNumber ?? null })
        .where(eq(mediationConfirmations.id, conf.id));
      t.audit({ action: 'mediation.confirmation.rule', entity: 'mediationCase', entityId: id, diff: input });
    });
    return this.get(ctx, id, this.db, false);
  }

  async void(ctx: RequestContext, id: string, reason: string): Promise<{ id: string }> {
    return inTx(this.db, ctx, async (t) => {
      await this.row(t.db, ctx.actor, id, P.intake);
      await markVoided(t, mediationCases, id, reason, {
        action: 'mediation.case.void',
        entity: 'mediationCase',
      });
      return { id };
    });
  }

  /** The agreement as an OfficialDocument; ID numbers appear only for readers who may see them. */
  async agreementDoc(ctx: RequestContext, id: string) {
    const v = await this.get(ctx, id);
    if (!v.agreement || v.agreement.form !== 'written' || v.status !== 'agreed')
      throw conflict('NO_AGREEMENT', '该案件没有书面调解协议');
    const a = v.agreement;
    const doc = agreementDocument({
      number: v.number,
      committee: v.unitName,
      parties: v.partyList,
      disputeType: v.disputeTypeLabel,
      facts: a.facts ?? '',
      terms: a.terms,
      termsBo: a.termsBo,
      performanceMethod: a.performanceMethod ?? '',
      performanceDue: a.performanceDue ?? a.effectiveOn ?? v.closedOn!,
      effectiveOn: a.effectiveOn ?? v.closedOn!,
      mediators: v.mediatorList.map((m) => m.name),
    });
    return { doc, fileName: `${v.number}人民调解协议书.docx` };
  }
}
