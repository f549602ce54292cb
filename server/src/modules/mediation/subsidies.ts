import ExcelJS from 'exceljs';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput, conflict, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { P, fen, notAfterToday, yuan } from './common.js';
import type { CreateRound, EvaluateCase, Rates, RoundView } from './contract.js';
import {
  grades,
  gradeCodes,
  levelCodes,
  levelOfDivision,
  type Exclusion,
  type FilePart,
  type Grade,
  type Level,
  type MediationKind,
  type Performance,
  type Status,
} from './kinds.js';
import { exclusionLabel, exclusionOf, missingRequired, subsidyFen } from './rules.js';
import { mediationCaseEvaluations, mediationEvaluationRounds, type SubsidyRates } from './schema.js';

const toFen = (r: Rates): SubsidyRates =>
  Object.fromEntries(
    levelCodes.map((l) => [l, Object.fromEntries(gradeCodes.map((g) => [g, fen(r[l][g])]))]),
  ) as SubsidyRates;
const toYuan = (r: SubsidyRates): Rates =>
  Object.fromEntries(
    levelCodes.map((l) => [l, Object.fromEntries(gradeCodes.map((g) => [g, yuan(r[l][g])]))]),
  ) as Rates;

interface RoundRow {
  id: string;
  unit_id: number;
  unit_name: string;
  division_code: string;
  year: number;
  title: string;
  held_on: string;
  rates: SubsidyRates;
  paid_on: string | null;
  evaluated: number;
  eligible: number;
  total_fen: string | number;
}

/** 以案定补、以奖代补: evaluation rounds over closed case files, and the payout per mediator (谁调解补谁). */
export class SubsidyService {
  constructor(private readonly platform: Platform) {}
  private get db() {
    return this.platform.db;
  }

  private rounds(db: Db, actor: Actor, permission: string, where: ReturnType<typeof sql>) {
    return query<RoundRow>(
      db,
      sql`select r.id, r.unit_id, u.name as unit_name, r.division_code, r.year, r.title, r.held_on, r.rates, r.paid_on,
            (select count(*)::int from mediation_case_evaluations e where e.round_id = r.id) as evaluated,
            (select count(*)::int from mediation_case_evaluations e where e.round_id = r.id and e.exclusion is null) as eligible,
            (select coalesce(sum(e.amount_fen), 0)::int from mediation_case_evaluations e where e.round_id = r.id) as total_fen
          from mediation_evaluation_rounds r join org_units u on u.id = r.unit_id
          where r.voided_at is null and ${where} and ${inScope(sql`u.path`, actor.scopes(permission))}
          order by r.held_on desc, r.created_at desc`,
    );
  }

  private present(r: RoundRow): RoundView {
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      divisionCode: r.division_code,
      year: r.year,
      title: r.title,
      heldOn: r.held_on,
      rates: toYuan(r.rates),
      paidOn: r.paid_on,
      evaluated: r.evaluated,
      eligible: r.eligible,
      total: yuan(r.total_fen),
    };
  }

  async list(actor: Actor) {
    return (await this.rounds(this.db, actor, P.read, sql`true`)).map((r) => this.present(r));
  }

  private async round(db: Db, actor: Actor, id: string, permission: string) {
    const [r] = await this.rounds(db, actor, permission, sql`r.id = ${id}`);
    if (!r) throw notFound('案卷评定', id);
    return r;
  }

  async create(ctx: RequestContext, input: CreateRound) {
    return inTx(this.db, ctx, async (t) => {
      const [u] = await query<{ id: number; division_code: string; dpath: string }>(
        t.db,
        sql`select u.id, u.division_code, d.path as dpath from org_units u join divisions d on d.code = u.division_code
            where u.id = ${input.unitId} and u.active and ${inScope(sql`u.path`, ctx.actor.scopes(P.subsidy))}`,
      );
      if (!u) throw badInput('unitId', `单位 ${input.unitId} 不存在或不在您的管理范围内`);
      const [d] = await query<{ code: string }>(
        t.db,
        sql`select code from divisions where code = ${input.divisionCode} and path like ${`${u.dpath}%`}`,
      );
      if (!d) throw badInput('divisionCode', `行政区划 ${input.divisionCode} 不在组织单位的辖区内`);
      notAfterToday('heldOn', input.heldOn, '评定日期');
      const [row] = await t.db
        .insert(mediationEvaluationRounds)
        .values({
          unitId: u.id,
          divisionCode: input.divisionCode,
          year: input.year,
          title: input.title,
          heldOn: input.heldOn,
          rates: toFen(input.rates),
          createdBy: ctx.actor.id,
        })
        .returning({ id: mediationEvaluationRounds.id });
      t.audit({
        action: 'mediation.round.create',
        entity: 'mediationEvaluationRound',
        entityId: row!.id,
        diff: input,
      });
      return this.present(await this.round(t.db, ctx.actor, row!.id, P.subsidy));
    });
  }

  /**
   * One case file evaluated: its parts against the checklist, its grade, and the amount the round's
   * rates give the committee's level — nothing for a file the rules exclude. The lead mediator is paid.
   */
  async evaluate(ctx: RequestContext, roundId: string, input: EvaluateCase) {
    return inTx(this.db, ctx, async (t) => {
      const r = await this.round(t.db, ctx.actor, roundId, P.subsidy);
      if (r.paid_on) throw conflict('ROUND_PAID', '本次评定已兑现，不能再评定案卷');
      const [c] = await query<{
        id: string;
        status: Status;
        mediation_kind: MediationKind;
        performance: Performance | null;
        closed_on: string | null;
        level: number;
        other_round: string | null;
        lead: string | null;
      }>(
        t.db,
        sql`select c.id, c.status, c.mediation_kind, c.performance, c.closed_on, d.level,
              (select e.round_id::text from mediation_case_evaluations e join mediation_evaluation_rounds er on er.id = e.round_id
                 where e.case_id = c.id and er.voided_at is null limit 1) as other_round,
              (select cm.mediator_id::text from mediation_case_mediators cm where cm.case_id = c.id and cm.lead) as lead
            from mediation_cases c join org_units u on u.id = c.unit_id join divisions d on d.code = u.division_code,
              divisions rd
            where c.id = ${input.caseId} and c.voided_at is null and rd.code = ${r.division_code}
              and d.path like rd.path || '%' and ${inScope(sql`u.path`, ctx.actor.scopes(P.subsidy))}`,
      );
      if (!c) throw badInput('caseId', '案件不存在、不在本次评定的辖区内或不在您的权限范围内');
      if (!c.closed_on) throw badInput('caseId', '只评定已办结的案卷');
      if (c.closed_on > r.held_on) throw badInput('caseId', '案件办结日期晚于评定日期');
      if (c.other_round) throw conflict('ALREADY_EVALUATED', '该案卷已在评定中，一案只补一次');
      const parts = [...new Set(input.parts)] as FilePart[];
      const exclusion: Exclusion | null = exclusionOf({
        mediationKind: c.mediation_kind,
        status: c.status,
        performance: c.performance,
        parts,
      });
      const level: Level = levelOfDivision(c.level);
      const amountFen = subsidyFen(r.rates, level, input.grade, exclusion);
      const [row] = await t.db
        .insert(mediationCaseEvaluations)
        .values({
          roundId,
          caseId: c.id,
          parts,
          grade: input.grade,
          exclusion,
          amountFen,
          mediatorId: c.lead,
          comment: input.comment ?? null,
          createdBy: ctx.actor.id,
        })
        .returning({ id: mediationCaseEvaluations.id });
      t.audit({
        action: 'mediation.case.evaluate',
        entity: 'mediationEvaluationRound',
        entityId: roundId,
        diff: { evaluationId: row!.id, caseId: c.id, grade: input.grade, exclusion, amountFen },
      });
      return { id: row!.id, exclusion, exclusionLabel: exclusionLabel(exclusion), amount: yuan(amountFen) };
    });
  }

  async pay(ctx: RequestContext, roundId: string, paidOn: string) {
    return inTx(this.db, ctx, async (t) => {
      const r = await this.round(t.db, ctx.actor, roundId, P.subsidy);
      if (r.paid_on) throw conflict('ROUND_PAID', `已于${r.paid_on}兑现`);
      if (paidOn < r.held_on) throw badInput('paidOn', '兑现日期不能早于评定日期');
      notAfterToday('paidOn', paidOn, '兑现日期');
      await t.db
        .update(mediationEvaluationRounds)
        .set({ paidOn })
        .where(and(eq(mediationEvaluationRounds.id, roundId), isNull(mediationEvaluationRounds.voidedAt)));
      t.audit({
        action: 'mediation.round.pay',
        entity: 'mediationEvaluationRound',
        entityId: roundId,
        diff: { paidOn },
      });
      return this.present(await this.round(t.db, ctx.actor, roundId, P.subsidy));
    });
  }

  async detail(actor: Actor, roundId: string) {
    const r = await this.round(this.db, actor, roundId, P.read);
    const rows = await query<{
      id: string;
      case_id: string;
      number: string;
      unit_name: string;
      level: number;
      dispute_type_label: string;
      grade: Grade;
      parts: FilePart[];
      exclusion: Exclusion | null;
      amount_fen: number;
      mediator_name: string | null;
      comment: string | null;
    }>(
      this.db,
      sql`select e.id, e.case_id, c.number, u.name as unit_name, d.level, t.label as dispute_type_label, e.grade,
            e.parts, e.exclusion, e.amount_fen, m.name as mediator_name, e.comment
          from mediation_case_evaluations e join mediation_cases c on c.id = e.case_id
          join org_units u on u.id = c.unit_id join divisions d on d.code = u.division_code
          join mediation_dispute_types t on t.code = c.dispute_type_code
          left join mediators m on m.id = e.mediator_id
          where e.round_id = ${roundId} and ${inScope(sql`u.path`, actor.scopes(P.read))}
          order by u.sort, u.id, c.number`,
    );
    return {
      ...this.present(r),
      evaluations: rows.map((e) => ({
        id: e.id,
        caseId: e.case_id,
        caseNumber: e.number,
        unitName: e.unit_name,
        level: levelOfDivision(e.level),
        disputeTypeLabel: e.dispute_type_label,
        grade: e.grade,
        gradeLabel: grades[e.grade].label,
        parts: e.parts,
        missingRequired: missingRequired(e.parts),
        exclusion: e.exclusion,
        exclusionLabel: exclusionLabel(e.exclusion),
        amount: yuan(e.amount_fen),
        mediatorName: e.mediator_name,
        comment: e.comment,
      })),
    };
  }

  /** 谁调解补谁: the round's amounts summed per mediator, with the total. */
  async payout(actor: Actor, roundId: string) {
    const r = await this.round(this.db, actor, roundId, P.read);
    const rows = await query<{
      mediator_id: string;
      mediator_name: string;
      unit_name: string;
      cases: number;
      amount_fen: number;
    }>(
      this.db,
      sql`select m.id as mediator_id, m.name as mediator_name, u.name as unit_name, count(*)::int as cases,
            sum(e.amount_fen)::int as amount_fen
          from mediation_case_evaluations e join mediators m on m.id = e.mediator_id
          join mediation_cases c on c.id = e.case_id join org_units u on u.id = m.unit_id
          where e.round_id = ${roundId} and e.amount_fen > 0 and ${inScope(sql`u.path`, actor.scopes(P.read))}
          group by m.id, m.name, u.name, u.sort, u.id
          order by u.sort, u.id, m.name`,
    );
    const out = rows.map((x) => ({
      mediatorId: x.mediator_id,
      mediatorName: x.mediator_name,
      unitName: x.unit_name,
      cases: x.cases,
      amount: yuan(x.amount_fen),
    }));
    return { round: this.present(r), rows: out, total: yuan(rows.reduce((s, x) => s + x.amount_fen, 0)) };
  }

  /** The payout list and the evaluation detail as one workbook, the layout the finance office pays from. */
  async payoutWorkbook(actor: Actor, roundId: string): Promise<{ name: string; bytes: Buffer }> {
    const p = await this.payout(actor, roundId);
    const d = await this.detail(actor, roundId);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Fazhi 法治';
    const ws = wb.addWorksheet('兑现清单');
    ws.addRow([`${p.round.title}以案定补资金兑现清单`]).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, 5);
    ws.addRow(['序号', '调解员', '所在调委会', '补贴案件数', '补贴金额（元）']).font = { bold: true };
    p.rows.forEach((r, i) => ws.addRow([i + 1, r.mediatorName, r.unitName, r.cases, r.amount]));
    ws.addRow(['合计', '', '', p.rows.reduce((s, r) => s + r.cases, 0), p.total]).font = { bold: true };
    ws.columns = [{ width: 8 }, { width: 14 }, { width: 30 }, { width: 12 }, { width: 16 }];
    ws.getColumn(5).numFmt = '#,##0.00';
    const wd = wb.addWorksheet('评定明细');
    wd.addRow([
      '案号',
      '调委会',
      '纠纷类型',
      '难易程度',
      '缺少必备材料',
      '不予补贴原因',
      '补贴金额（元）',
      '调解员',
    ]).font = {
      bold: true,
    };
    for (const e of d.evaluations)
      wd.addRow([
        e.caseNumber,
        e.unitName,
        e.disputeTypeLabel,
        e.gradeLabel,
        e.missingRequired.join('、'),
        e.exclusionLabel ?? '',
        e.amount,
        e.mediatorName ?? '',
      ]);
    wd.columns = [
      { width: 22 },
      { width: 28 },
      { width: 18 },
      { width: 10 },
      { width: 24 },
      { width: 28 },
      { width: 14 },
      { width: 12 },
    ];
    return { name: `${p.round.title}兑现清单.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
}
