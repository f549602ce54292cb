import { markVoided } from '../../db/void.js';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput, conflict, notFound } from '../../platform/http/errors.js';
import { divisions, orgUnits } from '../../platform/org/schema.js';
import type {
  AddReporters,
  CampaignView,
  CreateCampaign,
  ReportQuery,
  ReportView,
  ReporterView,
  ReviewReport,
  SetDutyList,
  SubmitReport,
} from './contract.js';
import {
  defaultDutyItems,
  postTypeCodes,
  postTypes,
  ratings,
  reportFormats,
  type PostType,
} from './kinds.js';
import { lawDutyCampaigns, lawDutyLists, lawDutyReporters, lawDutyReports } from './schema.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

export const P = {
  read: 'accountability.read',
  manage: 'accountability.manage',
  submit: 'accountability.submit',
} as const;

/** The files service's owner entity for a signed report: its id is the reporter's. */
export const REPORT_FILE_OWNER = 'accountability.report';

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

interface CampaignRow {
  id: string;
  unit_id: number;
  unit_name: string;
  division_code: string;
  year: number;
  title: string;
  format: CampaignView['format'];
  due_on: string;
  note: string | null;
  required: number;
  submitted: number;
  reviewed: number;
  created_at: string | Date;
}

interface ReporterRow {
  id: string;
  campaign_id: string;
  unit_id: number;
  unit_name: string;
  unit_kind: string;
  person_name: string;
  post: string;
  post_type: PostType;
  report_id: string | null;
  submitted_on: string | null;
  rating: ReporterView['rating'];
  due_on: string;
  unit_path: string;
}

export class AccountabilityService {
  constructor(private readonly db: Db) {}

  /**
   * A campaign is seen by whoever sees its organiser or one of its reporters' units; the counts are
   * of the reporters the asker sees (a township clerk sees its own township's two).
   */
  private async campaigns(db: Db, actor: Actor, permission: string, where: SQL): Promise<CampaignView[]> {
    const scopes = actor.scopes(permission);
    const rows = await query<CampaignRow>(
      db,
      sql`select c.id, c.unit_id, ou.name as unit_name, c.division_code, c.year, c.title, c.format,
            c.due_on, c.note, c.created_at,
            count(r.id)::int as required,
            count(rep.id)::int as submitted,
            count(rep.rating)::int as reviewed
          from law_duty_campaigns c
          join org_units ou on ou.id = c.unit_id
          left join (law_duty_reporters r join org_units ru on ru.id = r.unit_id)
            on r.campaign_id = c.id and r.voided_at is null and (${inScope(sql`ru.path`, scopes)})
          left join law_duty_reports rep on rep.reporter_id = r.id and rep.voided_at is null
          where c.voided_at is null and ${where}
            and ((${inScope(sql`ou.path`, scopes)}) or exists (
              select 1 from law_duty_reporters r2 join org_units u2 on u2.id = r2.unit_id
              where r2.campaign_id = c.id and r2.voided_at is null and (${inScope(sql`u2.path`, scopes)})))
          group by c.id, ou.name
          order by c.year desc, c.created_at desc`,
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      divisionCode: r.division_code,
      year: r.year,
      title: r.title,
      format: r.format,
      dueOn: r.due_on,
      note: r.note,
      required: r.required,
      submitted: r.submitted,
      reviewed: r.reviewed,
      createdAt: iso(r.created_at),
    }));
  }

  listCampaigns(actor: Actor, year?: number) {
    return this.campaigns(this.db, actor, P.read, year ? sql`c.year = ${year}` : sql`true`);
  }

  async getCampaign(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<CampaignView> {
    const [c] = await this.campaigns(db, actor, permission, sql`c.id = ${id}`);
    if (!c) throw notFound('述法活动', id);
    return c;
  }

  /** The organiser must be a unit the actor manages; the campaign is that unit's division's. */
  async createCampaign(ctx: RequestContext, input: CreateCampaign): Promise<CampaignView> {
    return inTx(this.db, ctx, async (t) => {
      const [u] = await t.db
        .select({ id: orgUnits.id, divisionCode: orgUnits.divisionCode })
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.id, input.unitId),
            eq(orgUnits.active, true),
            inScope(orgUnits.path, ctx.actor.scopes(P.manage)),
          ),
        );
      if (!u) throw badInput('unitId', `单位 ${input.unitId} 不存在、已停用或不在您的管理范围内`);
      if (input.dueOn.slice(0, 4) < String(input.year)) throw badInput('dueOn', '截止日期不能早于述法年度');
      const [dup] = await t.db
        .select({ id: lawDutyCampaigns.id })
        .from(lawDutyCampaigns)
        .where(
          and(
            eq(lawDutyCampaigns.divisionCode, u.divisionCode),
            eq(lawDutyCampaigns.year, input.year),
            isNull(lawDutyCampaigns.voidedAt),
          ),
        );
      if (dup) throw conflict('CAMPAIGN_EXISTS', `本地区 ${input.year} 年度的述法活动已存在`, { id: dup.id });
      const [row] = await t.db
        .insert(lawDutyCampaigns)
        .values({
          unitId: u.id,
          divisionCode: u.divisionCode,
          year: input.year,
          title: input.title,
          format: input.format,
          dueOn: input.dueOn,
          note: input.note ?? null,
          createdBy: ctx.actor.id,
        })
        .returning();
      t.audit({
        action: 'accountability.campaign.create',
        entity: 'lawDutyCampaign',
        entityId: row!.id,
        diff: row,
      });
      return this.getCampaign(t.db, ctx.actor, row!.id, P.manage);
    });
  }

  /** 应述名单: each person's unit must fit the post (township posts in townships…) and lie in the campaign's division. */
  async addReporters(ctx: RequestContext, campaignId: string, input: AddReporters) {
    return inTx(this.db, ctx, async (t) => {
      const c = await this.getCampaign(t.db, ctx.actor, campaignId, P.manage);
      const [div] = await t.db.select().from(divisions).where(eq(divisions.code, c.divisionCode));
      const seen = new Set<string>();
      for (const [i, r] of input.reporters.entries()) {
        const [u] = await query<{ kind: string; name: string }>(
          t.db,
          sql`select u.kind, u.name from org_units u join divisions d on d.code = u.division_code
              where u.id = ${r.unitId} and u.active and d.path like ${`${div!.path}%`}
                and (${inScope(sql`u.path`, ctx.actor.scopes(P.manage))})`,
        );
        if (!u)
          throw badInput(`reporters.${i}.unitId`, `单位 ${r.unitId} 不存在、已停用或不在本次述法范围内`);
        const def = postTypes[r.postType];
        if (u.kind !== def.unitKind)
          throw badInput(`reporters.${i}.postType`, `“${def.label}”不适用于${u.name}`);
        const k = `${r.unitId}:${r.postType}`;
        const [dup] = await t.db
          .select({ id: lawDutyReporters.id })
          .from(lawDutyReporters)
          .where(
            and(
              eq(lawDutyReporters.campaignId, campaignId),
              eq(lawDutyReporters.unitId, r.unitId),
              eq(lawDutyReporters.postType, r.postType),
              isNull(lawDutyReporters.voidedAt),
            ),
          );
        if (dup || seen.has(k))
          throw badInput(`reporters.${i}.postType`, `${u.name}的“${def.label}”已在应述名单中`);
        seen.add(k);
      }
      const rows = await t.db
        .insert(lawDutyReporters)
        .values(input.reporters.map((r) => ({ campaignId, ...r })))
        .returning();
      t.audit({
        action: 'accountability.reporters.add',
        entity: 'lawDutyCampaign',
        entityId: campaignId,
        diff: {
          added: rows.map(({ id, unitId, personName, post, postType }) => ({
            id,
            unitId,
            personName,
            post,
            postType,
          })),
        },
      });
      return this.reporters(
        t.db,
        ctx.actor,
        P.manage,
        sql`r.id in (${sql.join(
          rows.map((r) => sql`${r.id}::uuid`),
          sql`, `,
        )})`,
      );
    });
  }

  private async reporters(db: Db, actor: Actor, permission: string, where: SQL): Promise<ReporterView[]> {
    const today = todayInShanghai();
    const rows = await query<ReporterRow>(
      db,
      sql`select r.id, r.campaign_id, r.unit_id, u.name as unit_name, u.kind as unit_kind, u.path as unit_path,
            r.person_name, r.post, r.post_type, rep.id as report_id, rep.submitted_on, rep.rating, c.due_on
          from law_duty_reporters r
          join law_duty_campaigns c on c.id = r.campaign_id
          join org_units u on u.id = r.unit_id
          left join law_duty_reports rep on rep.reporter_id = r.id and rep.voided_at is null
          where r.voided_at is null and c.voided_at is null and ${where}
            and (${inScope(sql`u.path`, actor.scopes(permission))})
          order by u.kind desc, u.sort, u.id, r.post_type`,
    );
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitKind: r.unit_kind,
      personName: r.person_name,
      post: r.post,
      postType: r.post_type,
      postTypeLabel: postTypes[r.post_type].label,
      reportId: r.report_id,
      submittedOn: r.submitted_on,
      rating: r.rating,
      overdue: !r.report_id && r.due_on < today,
    }));
  }

  /** 应述尽述: who of the campaign's reporters (in the asker's scope) has, or has not, submitted. */
  async completeness(actor: Actor, campaignId: string, status: 'all' | 'missing' | 'submitted') {
    const campaign = await this.getCampaign(this.db, actor, campaignId);
    const all = await this.reporters(this.db, actor, P.read, sql`r.campaign_id = ${campaignId}`);
    const submitted = all.filter((r) => r.reportId).length;
    return {
      campaign,
      required: all.length,
      submitted,
      missing: all.length - submitted,
      reporters: all.filter((r) =>
        status === 'all' ? true : status === 'missing' ? !r.reportId : !!r.reportId,
      ),
    };
  }

  async voidReporter(ctx: RequestContext, id: string, reason: string) {
    return inTx(this.db, ctx, async (t) => {
      const [r] = await this.reporters(t.db, ctx.actor, P.manage, sql`r.id = ${id}`);
      if (!r) throw notFound('应述人员', id);
      if (r.reportId)
        throw conflict('HAS_REPORT', `${r.personName}已提交述法报告，须先退回报告再移出名单`, {
          reportId: r.reportId,
        });
      await markVoided(t, lawDutyReporters, id, reason, {
        action: 'accountability.reporter.void',
        entity: 'lawDutyReporter',
      });
      return { ...r };
    });
  }

  /** A clerk submits for a reporter of its own unit; the signed document must be attached to that reporter. */
  async submit(ctx: RequestContext, reporterId: string, input: SubmitReport): Promise<ReportView> {
    return inTx(this.db, ctx, async (t) => {
      const [r] = await this.reporters(t.db, ctx.actor, P.submit, sql`r.id = ${reporterId}`);
      if (!r) throw notFound('应述人员', reporterId);
      if (r.reportId)
        throw conflict('ALREADY_SUBMITTED', `${r.personName}的述法报告已提交`, { reportId: r.reportId });
      if (input.submittedOn > todayInShanghai()) throw badInput('submittedOn', '提交日期不能晚于今天');
      const [c] = await t.db.select().from(lawDutyCampaigns).where(eq(lawDutyCampaigns.id, r.campaignId));
      if (input.submittedOn < `${c!.year}-01-01`)
        throw badInput('submittedOn', `提交日期不能早于 ${c!.year} 年`);
      const [file] = await query<{ id: string }>(
        t.db,
        sql`select id from files where id = ${input.documentFileId} and owner_entity = ${REPORT_FILE_OWNER}
            and owner_id = ${reporterId} and voided_reason is null`,
      );
      if (!file) throw badInput('documentFileId', '签字版述法报告未上传到该述法人名下，或已作废');
      const [row] = await t.db
        .insert(lawDutyReports)
        .values({
          reporterId,
          campaignId: r.campaignId,
          unitId: r.unitId,
          format: input.format ?? c!.format,
          submittedOn: input.submittedOn,
          performance: input.performance,
          problems: input.problems,
          plans: input.plans,
          documentFileId: input.documentFileId,
          submittedBy: ctx.actor.id,
        })
        .returning();
      t.audit({
        action: 'accountability.report.submit',
        entity: 'lawDutyReport',
        entityId: row!.id,
        diff: row,
      });
      return this.getReport(t.db, ctx.actor, row!.id, P.submit);
    });
  }

  private async reportRows(
    db: Db,
    actor: Actor,
    permission: string,
    where: SQL,
    page?: { limit: number; offset: number },
  ) {
    return query<{
      id: string;
      campaign_id: string;
      campaign_title: string;
      year: number;
      division_code: string;
      reporter_id: string;
      unit_id: number;
      unit_name: string;
      person_name: string;
      post: string;
      post_type: PostType;
      format: ReportView['format'];
      submitted_on: string;
      performance: string;
      problems: string;
      plans: string;
      document_file_id: string | null;
      rating: ReportView['rating'];
      review_comment: string | null;
      reviewed_on: string | null;
      voided_at: string | null;
      voided_reason: string | null;
      total: number;
    }>(
      db,
      sql`select rep.*, c.title as campaign_title, c.year, c.division_code, u.name as unit_name,
            r.person_name, r.post, r.post_type, count(*) over ()::int as total
          from law_duty_reports rep
          join law_duty_reporters r on r.id = rep.reporter_id
          join law_duty_campaigns c on c.id = rep.campaign_id
          join org_units u on u.id = rep.unit_id
          where ${where} and (${inScope(sql`u.path`, actor.scopes(permission))})
          order by rep.submitted_on desc, u.sort, rep.id
          ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
    );
  }

  private async present(
    db: Db,
    r: Awaited<ReturnType<AccountabilityService['reportRows']>>[number],
  ): Promise<ReportView> {
    return {
      id: r.id,
      campaignId: r.campaign_id,
      campaignTitle: r.campaign_title,
      year: r.year,
      reporterId: r.reporter_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      personName: r.person_name,
      post: r.post,
      postType: r.post_type,
      format: r.format,
      formatLabel: reportFormats[r.format],
      submittedOn: r.submitted_on,
      performance: r.performance,
      problems: r.problems,
      plans: r.plans,
      documentFileId: r.document_file_id,
      rating: r.rating,
      ratingLabel: r.rating ? ratings[r.rating] : null,
      reviewComment: r.review_comment,
      reviewedOn: r.reviewed_on,
      dutyItems: (await this.dutyLists(db, r.division_code)).find((l) => l.postType === r.post_type)!.items,
      voided: r.voided_at !== null,
      voidedReason: r.voided_reason,
    };
  }

  async getReport(db: Db, actor: Actor, id: string, permission: string = P.read): Promise<ReportView> {
    const [r] = await this.reportRows(db, actor, permission, sql`rep.id = ${id}`);
    if (!r) throw notFound('述法报告', id);
    return this.present(db, r);
  }

  async listReports(actor: Actor, f: ReportQuery) {
    const where: SQL[] = [sql`rep.voided_at is null`];
    if (f.campaignId) where.push(sql`rep.campaign_id = ${f.campaignId}`);
    if (f.year) where.push(sql`c.year = ${f.year}`);
    if (f.unitKind) where.push(sql`u.kind = ${f.unitKind}`);
    if (f.rating) where.push(sql`rep.rating = ${f.rating}`);
    if (f.reviewed) where.push(f.reviewed === 'true' ? sql`rep.rating is not null` : sql`rep.rating is null`);
    const rows = await this.reportRows(this.db, actor, P.read, sql.join(where, sql` and `), {
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    });
    const items = await Promise.all(
      rows.map(async (r) => {
        const {
          performance: _p,
          problems: _q,
          plans: _n,
          dutyItems: _d,
          ...v
        } = await this.present(this.db, r);
        return v;
      }),
    );
    // Past the last page the window count is absent: count apart then.
    const total =
      rows[0]?.total ??
      (f.page > 1
        ? ((await this.reportRows(this.db, actor, P.read, sql.join(where, sql` and `)))[0]?.total ?? 0)
        : 0);
    return { items, total, page: f.page, pageSize: f.pageSize };
  }

  /** 述法评议 by the office: a grade and comments; a later review replaces it, the audit keeps both. */
  async review(ctx: RequestContext, id: string, input: ReviewReport): Promise<ReportView> {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.getReport(t.db, ctx.actor, id, P.manage);
      if (before.voided) throw conflict('VOIDED', '该述法报告已退回，不能评议', { id });
      if (input.reviewedOn < before.submittedOn) throw badInput('reviewedOn', '评议日期不能早于报告提交日期');
      if (input.reviewedOn > todayInShanghai()) throw badInput('reviewedOn', '评议日期不能晚于今天');
      await t.db
        .update(lawDutyReports)
        .set({
          rating: input.rating,
          reviewComment: input.comment,
          reviewedOn: input.reviewedOn,
          reviewedBy: ctx.actor.id,
        })
        .where(eq(lawDutyReports.id, id));
      t.audit({
        action: 'accountability.report.review',
        entity: 'lawDutyReport',
        entityId: id,
        diff: {
          rating: [before.rating, input.rating],
          comment: [before.reviewComment, input.comment],
          reviewedOn: [before.reviewedOn, input.reviewedOn],
        },
      });
      return this.getReport(t.db, ctx.actor, id, P.manage);
    });
  }

  /** Returning a report (退回): it is voided with the reason, and the reporter may submit again. */
  async voidReport(ctx: RequestContext, id: string, reason: string): Promise<ReportView> {
    return inTx(this.db, ctx, async (t) => {
      const before = await this.getReport(t.db, ctx.actor, id, P.manage);
      if (before.voided) throw conflict('ALREADY_VOIDED', '该述法报告已退回', { id });
      await markVoided(t, lawDutyReports, id, reason, {
        action: 'accountability.report.void',
        entity: 'lawDutyReport',
      });
      return this.getReport(t.db, ctx.actor, id, P.manage);
    });
  }

  /** A division's duty lists, each post type's own or, where none is set, the default of the 2016 规定. */
  async dutyLists(db: Db, divisionCode: string) {
    const set = await db.select().from(lawDutyLists).where(eq(lawDutyLists.divisionCode, divisionCode));
    return postTypeCodes.map((pt) => {
      const own = set.find((l) => l.postType === pt);
      return {
        postType: pt,
        postTypeLabel: postTypes[pt].label,
        items: own ? own.items : [...defaultDutyItems[pt]],
        configured: !!own,
      };
    });
  }

  /** Set by the division's law office (a unit of kind lawOffice in that division, in the actor's scope). */
  async setDutyList(ctx: RequestContext, input: SetDutyList) {
    return inTx(this.db, ctx, async (t) => {
      const [office] = await t.db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.divisionCode, input.division),
            eq(orgUnits.kind, 'lawOffice'),
            eq(orgUnits.active, true),
            inScope(orgUnits.path, ctx.actor.scopes(P.manage)),
          ),
        );
      if (!office)
        throw badInput('division', `您不管理行政区划 ${input.division} 的依法治办，不能设置其职责清单`);
      const before = (await this.dutyLists(t.db, input.division)).find((l) => l.postType === input.postType)!;
      await t.db
        .insert(lawDutyLists)
        .values({
          divisionCode: input.division,
          unitId: office.id,
          postType: input.postType,
          items: input.items,
          updatedBy: ctx.actor.id,
        })
        .onConflictDoUpdate({
          target: [lawDutyLists.divisionCode, lawDutyLists.postType],
          set: { items: input.items, unitId: office.id, updatedBy: ctx.actor.id, updatedAt: new Date() },
        });
      t.audit({
        action: 'accountability.dutyList.set',
        entity: 'lawDutyList',
        entityId: `${input.division}:${input.postType}`,
        diff: { items: [before.items, input.items] },
      });
      return (await this.dutyLists(t.db, input.division)).find((l) => l.postType === input.postType)!;
    });
  }

  /** For the files service: a signed report's files belong to the reporter, scoped by the reporter's unit. */
  static async unitPathOf(db: Db, reporterId: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(reporterId)) return null;
    const [r] = await db
      .select({ path: orgUnits.path })
      .from(lawDutyReporters)
      .innerJoin(orgUnits, eq(orgUnits.id, lawDutyReporters.unitId))
      .where(and(eq(lawDutyReporters.id, reporterId), isNull(lawDutyReporters.voidedAt)));
    return r?.path ?? null;
  }
}
