import { eq, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { markVoided } from '../../db/void.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput, conflict, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { P, mediationUnit, notAfterToday } from './common.js';
import type { AnswerQuestion, CloseVisit, CreateQuestion, CreateVisit } from './contract.js';
import { questionChannels, visitHandlings, type QuestionChannel, type VisitHandling } from './kinds.js';
import { mediationQuestions, mediationVisits } from './schema.js';

interface VisitRow {
  id: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  visited_on: string;
  visitor_name: string;
  phone_enc: string | null;
  persons: number;
  division_name: string | null;
  dispute_type_label: string | null;
  matter: string;
  handling: VisitHandling;
  handling_note: string | null;
  case_id: string | null;
  case_number: string | null;
  closed_on: string | null;
  total: number;
}

interface QuestionRow {
  id: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  channel: QuestionChannel;
  received_on: string;
  asker_name: string | null;
  phone_enc: string | null;
  division_name: string | null;
  language: 'zh' | 'bo';
  question: string;
  answer: string | null;
  answered_on: string | null;
  submission_id: string | null;
  total: number;
}

const paged = (p: { page: number; pageSize: number }) =>
  sql`limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`;

/** 来访登记 and 在线答疑/法律咨询: the centre's reception work. Phones are masked in lists. */
export class IntakeService {
  constructor(private readonly platform: Platform) {}
  private get db() {
    return this.platform.db;
  }

  private visitRows(db: Db, where: SQL, tail: SQL = sql``) {
    return query<VisitRow>(
      db,
      sql`select v.id, v.unit_id, u.name as unit_name, u.path as unit_path, v.visited_on, v.visitor_name, v.phone_enc,
            v.persons, d.name as division_name, t.label as dispute_type_label, v.matter, v.handling, v.handling_note,
            v.case_id, c.number as case_number, v.closed_on, count(*) over ()::int as total
          from mediation_visits v join org_units u on u.id = v.unit_id
          left join divisions d on d.code = v.division_code
          left join mediation_dispute_types t on t.code = v.dispute_type_code
          left join mediation_cases c on c.id = v.case_id
          where v.voided_at is null and ${where}
          order by v.visited_on desc, v.created_at desc ${tail}`,
    );
  }

  private presentVisit(r: VisitRow, actor: Actor) {
    const phone = this.platform.fieldCrypto.decryptOptional(r.phone_enc);
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      visitedOn: r.visited_on,
      visitorName: r.visitor_name,
      // lists show the phone masked to everyone; the registering unit's staff call back from the case
      phone: actor.covers(P.personal, r.unit_path) ? phone : maskPhone(phone),
      persons: r.persons,
      divisionName: r.division_name,
      disputeTypeLabel: r.dispute_type_label,
      matter: r.matter,
      handling: r.handling,
      handlingLabel: visitHandlings[r.handling],
      handlingNote: r.handling_note,
      caseId: r.case_id,
      caseNumber: r.case_number,
      closedOn: r.closed_on,
    };
  }

  async listVisits(
    actor: Actor,
    f: { handling?: VisitHandling; from?: string; to?: string; page: number; pageSize: number },
  ) {
    const where: SQL[] = [inScope(sql`u.path`, actor.scopes(P.read))];
    if (f.handling) where.push(sql`v.handling = ${f.handling}`);
    if (f.from) where.push(sql`v.visited_on >= ${f.from}`);
    if (f.to) where.push(sql`v.visited_on <= ${f.to}`);
    const rows = await this.visitRows(this.db, sql.join(where, sql` and `), paged(f));
    return {
      items: rows.map((r) => this.presentVisit(r, actor)),
      total: rows[0]?.total ?? 0,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  private async visitIn(db: Db, actor: Actor, id: string, permission: string) {
    const [r] = await this.visitRows(
      db,
      sql`v.id = ${id} and ${inScope(sql`u.path`, actor.scopes(permission))}`,
    );
    if (!r) throw notFound('来访登记', id);
    return r;
  }

  async createVisit(ctx: RequestContext, input: CreateVisit) {
    const r = await inTx(this.db, ctx, async (t) => {
      const unit = await mediationUnit(t.db, ctx.actor, input.unitId, P.intake);
      notAfterToday('visitedOn', input.visitedOn, '来访日期');
      const [row] = await t.db
        .insert(mediationVisits)
        .values({
          unitId: unit.id,
          visitedOn: input.visitedOn,
          visitorName: input.visitorName,
          phoneEnc: this.platform.fieldCrypto.encryptOptional(input.phone),
          persons: input.persons,
          divisionCode: input.divisionCode ?? null,
          disputeTypeCode: input.disputeTypeCode ?? null,
          matter: input.matter,
          createdBy: ctx.actor.id,
        })
        .returning({ id: mediationVisits.id });
      t.audit({
        action: 'mediation.visit.create',
        entity: 'mediationVisit',
        entityId: row!.id,
        diff: { unitId: unit.id, visitedOn: input.visitedOn, persons: input.persons },
      });
      return this.visitIn(t.db, ctx.actor, row!.id, P.intake);
    });
    return this.presentVisit(r, ctx.actor);
  }

  /** 当场化解 or 引导至其他途径; turning a visit into a case goes through case intake (visitId). */
  async closeVisit(ctx: RequestContext, id: string, input: CloseVisit) {
    const r = await inTx(this.db, ctx, async (t) => {
      const v = await this.visitIn(t.db, ctx.actor, id, P.intake);
      if (v.handling !== 'pending') throw conflict('VISIT_CLOSED', `该来访已${visitHandlings[v.handling]}`);
      if (input.closedOn < v.visited_on) throw badInput('closedOn', '办结日期不能早于来访日期');
      notAfterToday('closedOn', input.closedOn, '办结日期');
      await t.db
        .update(mediationVisits)
        .set({ handling: input.handling, handlingNote: input.note, closedOn: input.closedOn })
        .where(eq(mediationVisits.id, id));
      t.audit({ action: 'mediation.visit.close', entity: 'mediationVisit', entityId: id, diff: input });
      return this.visitIn(t.db, ctx.actor, id, P.intake);
    });
    return this.presentVisit(r, ctx.actor);
  }

  async voidVisit(ctx: RequestContext, id: string, reason: string) {
    return inTx(this.db, ctx, async (t) => {
      await this.visitIn(t.db, ctx.actor, id, P.intake);
      await markVoided(t, mediationVisits, id, reason, {
        action: 'mediation.visit.void',
        entity: 'mediationVisit',
      });
      return { id };
    });
  }

  // ——— questions ———

  private questionRows(db: Db, where: SQL, tail: SQL = sql``) {
    return query<QuestionRow>(
      db,
      sql`select q.id, q.unit_id, u.name as unit_name, u.path as unit_path, q.channel, q.received_on, q.asker_name,
            q.phone_enc, d.name as division_name, q.language, q.question, q.answer, q.answered_on, q.submission_id,
            count(*) over ()::int as total
          from mediation_questions q join org_units u on u.id = q.unit_id
          left join divisions d on d.code = q.division_code
          where q.voided_at is null and ${where}
          order by q.received_on desc, q.created_at desc ${tail}`,
    );
  }

  private presentQuestion(r: QuestionRow, actor: Actor) {
    const phone = this.platform.fieldCrypto.decryptOptional(r.phone_enc);
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      channel: r.channel,
      channelLabel: questionChannels[r.channel],
      receivedOn: r.received_on,
      askerName: r.asker_name,
      phone: actor.covers(P.personal, r.unit_path) ? phone : maskPhone(phone),
      divisionName: r.division_name,
      language: r.language,
      question: r.question,
      answer: r.answer,
      answeredOn: r.answered_on,
      fromPortal: !!r.submission_id,
    };
  }

  async listQuestions(
    actor: Actor,
    f: {
      channel?: QuestionChannel;
      answered?: 'true' | 'false';
      from?: string;
      to?: string;
      page: number;
      pageSize: number;
    },
  ) {
    const where: SQL[] = [inScope(sql`u.path`, actor.scopes(P.read))];
    if (f.channel) where.push(sql`q.channel = ${f.channel}`);
    if (f.answered) where.push(f.answered === 'true' ? sql`q.answer is not null` : sql`q.answer is null`);
    if (f.from) where.push(sql`q.received_on >= ${f.from}`);
    if (f.to) where.push(sql`q.received_on <= ${f.to}`);
    const rows = await this.questionRows(this.db, sql.join(where, sql` and `), paged(f));
    return {
      items: rows.map((r) => this.presentQuestion(r, actor)),
      total: rows[0]?.total ?? 0,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  private async questionIn(db: Db, actor: Actor, id: string, permission: string) {
    const [r] = await this.questionRows(
      db,
      sql`q.id = ${id} and ${inScope(sql`u.path`, actor.scopes(permission))}`,
    );
    if (!r) throw notFound('咨询', id);
    return r;
  }

  /** Insert inside the caller's transaction (the portal handler passes the system actor). */
  async createQuestionIn(
    db: Db,
    ctx: RequestContext,
    input: CreateQuestion & { submissionId?: string | null },
  ): Promise<string> {
    const unit = await mediationUnit(db, ctx.actor, input.unitId, P.intake);
    notAfterToday('receivedOn', input.receivedOn, '咨询日期');
    const [row] = await db
      .insert(mediationQuestions)
      .values({
        unitId: unit.id,
        channel: input.channel,
        receivedOn: input.receivedOn,
        askerName: input.askerName ?? null,
        phoneEnc: this.platform.fieldCrypto.encryptOptional(input.phone),
        divisionCode: input.divisionCode ?? null,
        language: input.language,
        question: input.question,
        answer: input.answer ?? null,
        answeredOn: input.answer ? input.receivedOn : null,
        answeredBy: input.answer ? ctx.actor.id : null,
        submissionId: input.submissionId ?? null,
        createdBy: ctx.actor.id,
      })
      .returning({ id: mediationQuestions.id });
    return row!.id;
  }

  async createQuestion(ctx: RequestContext, input: CreateQuestion) {
    const r = await inTx(this.db, ctx, async (t) => {
      const id = await this.createQuestionIn(t.db, ctx, input);
      t.audit({
        action: 'mediation.question.create',
        entity: 'mediationQuestion',
        entityId: id,
        diff: { channel: input.channel, answered: !!input.answer },
      });
      return this.questionIn(t.db, ctx.actor, id, P.intake);
    });
    return this.presentQuestion(r, ctx.actor);
  }

  async answer(ctx: RequestContext, id: string, input: AnswerQuestion) {
    const r = await inTx(this.db, ctx, async (t) => {
      const q = await this.questionIn(t.db, ctx.actor, id, P.intake);
      if (q.answer) throw conflict('ANSWERED', '该咨询已答复');
      if (input.answeredOn < q.received_on) throw badInput('answeredOn', '答复日期不能早于咨询日期');
      notAfterToday('answeredOn', input.answeredOn, '答复日期');
      await t.db
        .update(mediationQuestions)
        .set({ answer: input.answer, answeredOn: input.answeredOn, answeredBy: ctx.actor.id })
        .where(eq(mediationQuestions.id, id));
      t.audit({
        action: 'mediation.question.answer',
        entity: 'mediationQuestion',
        entityId: id,
        diff: input,
      });
      return this.questionIn(t.db, ctx.actor, id, P.intake);
    });
    return this.presentQuestion(r, ctx.actor);
  }
}
