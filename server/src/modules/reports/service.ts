/**
 * The annual report's workflow (rules-research §3.2): draft from the outline, comment rounds,
 * leaders' sign-off, 保密审查, publication by 1 April. Every rendering is a new immutable version;
 * the published one is frozen with the figure values it was rendered with.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { dayResolver } from '../../platform/calendar/periods.js';
import { badInput, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import type { OfficialDocument } from '../../platform/documents/types.js';
import type { Platform } from '../../platform/platform.js';
import { requiredItemsCheck, runChecks, type CheckOutcome } from './checks.js';
import type {
  AddComment,
  CreateReport,
  Outline,
  PreviewView,
  Publish,
  ReportQuery,
  ReportView,
  SaveOutline,
  SecrecyReview,
  Signoff,
  StartComments,
} from './contract.js';
import {
  PUBLICATION_DEADLINE,
  publicationDeadline,
  reportStates,
  secrecyResults,
  type ReportState,
} from './kinds.js';
import { divisionSubject, ReportRenderer, todayInShanghai, unitSubject, type Subject } from './render.js';
import {
  annualReports,
  reportComments,
  reportSecrecyReviews,
  reportSignoffs,
  reportVersions,
} from './schema.js';
import { seedOutline } from './seed-outline.js';
import { aggregationOf, type Values } from './values.js';

export const P = {
  read: 'reports.read',
  manage: 'reports.manage',
  comment: 'reports.comment',
  sign: 'reports.sign',
  secrecy: 'reports.secrecy',
  publish: 'reports.publish',
} as const;

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

interface ReportRow {
  id: string;
  year: number;
  subject_kind: 'division' | 'unit';
  division_code: string;
  division_name: string;
  subject_unit_id: number | null;
  subject_name: string;
  unit_id: number;
  state: ReportState;
  outline: Outline;
  comment_round: number;
  comment_due_on: string | null;
  published_on: string | null;
  published_seq: number | null;
  latest_seq: number;
  created_at: string | Date;
  updated_at: string | Date;
}

export interface VersionRow {
  id: string;
  seq: number;
  kind: string;
  outline: Outline;
  figure_values: Values;
  document: OfficialDocument;
  unowned: string[];
  note: string | null;
  created_by_name: string | null;
  created_at: string | Date;
}

export class ReportService {
  readonly renderer: ReportRenderer;
  constructor(private readonly platform: Platform) {
    this.renderer = new ReportRenderer(platform);
  }
  private get db() {
    return this.platform.db;
  }

  // ——— reads ———

  private async rows(
    db: Db,
    actor: Actor,
    permission: string,
    where: SQL,
    lock = false,
  ): Promise<ReportRow[]> {
    return query<ReportRow>(
      db,
      sql`select r.id, r.year, r.subject_kind, r.division_code, d.name as division_name, r.subject_unit_id,
            coalesce(su.name, d.name) as subject_name, r.unit_id, r.state, r.outline, r.comment_round,
            r.comment_due_on::text as comment_due_on, r.published_on::text as published_on,
            (select seq from report_versions v where v.id = r.published_version_id) as published_seq,
            coalesce((select max(seq) from report_versions v where v.report_id = r.id), 0) as latest_seq,
            r.created_at, r.updated_at
          from annual_reports r
          join org_units ou on ou.id = r.unit_id
          join divisions d on d.code = r.division_code
          left join org_units su on su.id = r.subject_unit_id
          where r.voided_at is null and (${inScope(sql`ou.path`, actor.scopes(permission))}) and ${where}
          order by r.year desc, r.division_code, r.created_at
          ${lock ? sql`for update of r` : sql``}`,
    );
  }

  private async row(db: Db, actor: Actor, id: string, permission: string, lock = false) {
    const [r] = await this.rows(db, actor, permission, sql`r.id = ${id}`, lock);
    if (!r) throw notFound('年度报告', id);
    return r;
  }

  /** Calendar and working days left to 1 April of the next year (督察规定第二十四条). */
  async countdown(year: number, divisionPath: string | null, today = todayInShanghai()) {
    const deadline = publicationDeadline(year);
    const days = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
    let workdaysLeft: number | null = null;
    try {
      const day = dayResolver(await this.platform.calendar.calendar(), divisionPath);
      let n = 0;
      for (let d = Date.parse(today) + 86_400_000; d <= Date.parse(deadline); d += 86_400_000)
        if (day(new Date(d).toISOString().slice(0, 10)).work) n++;
      workdaysLeft = days > 0 ? n : 0;
    } catch {
      workdaysLeft = null; // a year the calendar has no notice for: say nothing rather than guess
    }
    return {
      deadline,
      article: PUBLICATION_DEADLINE.article,
      daysLeft: days,
      workdaysLeft,
      overdue: days < 0,
    };
  }

  private async view(r: ReportRow): Promise<ReportView> {
    const [d] = await query<{ path: string }>(
      this.db,
      sql`select path from divisions where code = ${r.division_code}`,
    );
    return {
      id: r.id,
      year: r.year,
      subjectKind: r.subject_kind,
      divisionCode: r.division_code,
      divisionName: r.division_name,
      subjectUnitId: r.subject_unit_id,
      subjectName: r.subject_name,
      title: r.outline.title
        .replace(/\{\{\s*report\.year\s*\}\}/g, String(r.year))
        .replace(/\{\{\s*report\.division\s*\}\}/g, r.subject_name),
      state: r.state,
      stateLabel: reportStates[r.state],
      outline: r.outline,
      latestSeq: Number(r.latest_seq),
      publishedSeq: r.published_seq === null ? null : Number(r.published_seq),
      publishedOn: r.published_on,
      commentRound: r.comment_round,
      commentDueOn: r.comment_due_on,
      countdown: await this.countdown(r.year, d?.path ?? null),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    };
  }

  async list(actor: Actor, q: ReportQuery) {
    const where: SQL[] = [sql`true`];
    if (q.year) where.push(sql`r.year = ${q.year}`);
    if (q.state) where.push(sql`r.state = ${q.state}`);
    const rows = await this.rows(this.db, actor, P.read, sql.join(where, sql` and `));
    const out = [];
    for (const r of rows) {
      const { outline: _o, ...v } = await this.view(r);
      out.push(v);
    }
    return out;
  }

  async get(actor: Actor, id: string) {
    return this.view(await this.row(this.db, actor, id, P.read));
  }

  async versions(db: Db, reportId: string): Promise<VersionRow[]> {
    return query<VersionRow>(
      db,
      sql`select id, seq, kind, outline, figure_values, document, unowned, note, created_by_name, created_at
          from report_versions where report_id = ${reportId} order by seq`,
    );
  }

  async version(actor: Actor, id: string, seq?: number): Promise<VersionRow> {
    const r = await this.row(this.db, actor, id, P.read);
    const want = seq ?? Number(r.latest_seq);
    const [v] = await query<VersionRow>(
      this.db,
      sql`select id, seq, kind, outline, figure_values, document, unowned, note, created_by_name, created_at
          from report_versions where report_id = ${id} and seq = ${want}`,
    );
    if (!v) throw notFound('报告版本', `${id}#${want}`);
    return v;
  }

  async subjectOf(
    db: Db,
    r: Pick<ReportRow, 'subject_kind' | 'division_code' | 'subject_unit_id'>,
  ): Promise<Subject> {
    const s =
      r.subject_kind === 'unit'
        ? await unitSubject(db, r.subject_unit_id!)
        : await divisionSubject(db, r.division_code);
    if (!s) throw conflict('SUBJECT_GONE', '报告主体单位已停用或不存在');
    return s;
  }

  /**
   * The draft rendered now, with every check beside it: the registered consistency checks, the five
   * required items, placeholders nobody computes, and figures that changed since the text was last
   * rendered (a version holds the values it was rendered with).
   */
  async preview(actor: Actor, id: string, outline?: Outline): Promise<PreviewView> {
    const r = await this.row(this.db, actor, id, P.read);
    const subject = await this.subjectOf(this.db, r);
    const useOutline = outline ?? r.outline;
    const { composed, values } = await this.renderer.render(
      actor,
      actor.scopes(P.read),
      subject,
      r.year,
      useOutline,
      todayInShanghai(),
    );
    const [last] = await query<{ seq: number; figure_values: Values }>(
      this.db,
      sql`select seq, figure_values from report_versions where report_id = ${id} order by seq desc limit 1`,
    );
    const changed = last
      ? composed.used
          .filter((k) => this.renderer.owned(k) && (last.figure_values[k] ?? null) !== (values[k] ?? null))
          .map((k) => ({ key: k, was: last.figure_values[k] ?? null, now: values[k] ?? null }))
      : [];
    const checks: CheckOutcome[] = [
      requiredItemsCheck(useOutline),
      ...runChecks(this.platform.modules, this.renderer.owned, values).filter((c) =>
        c.figures.some((f) => composed.used.includes(f)),
      ),
      {
        key: 'reports.figuresChanged',
        label: '正文生成后指标数值未变',
        status: changed.length ? 'failed' : 'ok',
        detail: changed.length
          ? `${changed.map((c) => `${c.key}：${c.was ?? '空'} → ${c.now ?? '空'}`).join('；')}，请重新生成正文`
          : last
            ? `与第 ${last.seq} 版一致`
            : '尚未生成',
        figures: changed.map((c) => c.key),
        article: null,
      },
    ];
    return {
      seq: last ? Number(last.seq) : 0,
      title: composed.document.title,
      paragraphs: composed.paragraphs,
      figures: composed.used.map((k) => {
        const info = this.renderer.info(k);
        return {
          key: k,
          label: info?.label ?? null,
          unit: info?.unit ?? null,
          module: info?.module ?? null,
          definition: info?.definition ?? null,
          value: values[k] ?? null,
          owned: !!info,
        };
      }),
      unowned: composed.unowned,
      empty: composed.empty,
      checks,
      changedSinceRendered: changed,
      tasksPulled: composed.tasksPulled,
    };
  }

  // ——— writes ———

  private async insertVersion(
    t: Tx,
    reportId: string,
    kind: string,
    outline: Outline,
    values: Values,
    document: VersionRow['document'],
    unowned: string[],
    note: string | null,
  ) {
    const [{ next }] = (await query<{ next: number }>(
      t.db,
      sql`select coalesce(max(seq), 0) + 1 as next from report_versions where report_id = ${reportId}`,
    )) as [{ next: number }];
    const [v] = await t.db
      .insert(reportVersions)
      .values({
        reportId,
        seq: Number(next),
        kind,
        outline,
        figureValues: values,
        document,
        unowned,
        note,
        createdBy: t.ctx.actor.id,
        createdByName: t.ctx.actor.user?.displayName ?? t.ctx.actor.name,
      })
      .returning({ id: reportVersions.id, seq: reportVersions.seq });
    t.audit({
      action: 'reports.version.create',
      entity: 'reportVersion',
      entityId: v!.id,
      diff: { reportId, seq: v!.seq, kind, note },
    });
    return v!;
  }

  private async touch(
    t: Tx,
    id: string,
    set: Partial<typeof annualReports.$inferInsert>,
    action: string,
    diff: Record<string, unknown>,
  ) {
    await t.db
      .update(annualReports)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(annualReports.id, id));
    t.audit({ action, entity: 'annualReport', entityId: id, diff });
  }

  private needState(r: ReportRow, allowed: ReportState[], doing: string) {
    if (!allowed.includes(r.state))
      throw conflict('WRONG_STATE', `报告当前“${reportStates[r.state]}”，不能${doing}`, { state: r.state });
  }

  async create(ctx: RequestContext, input: CreateReport): Promise<ReportView> {
    const subject = input.unitId
      ? await unitSubject(this.db, input.unitId)
      : await divisionSubject(this.db, input.divisionCode!);
    if (!subject)
      throw input.unitId
        ? badInput('unitId', `单位 ${input.unitId} 不存在、已停用，或不是部门、乡镇`)
        : badInput('divisionCode', `行政区划 ${input.divisionCode} 不存在或没有人民政府单位`);
    if (!ctx.actor.covers(P.manage, subject.unitPath))
      throw forbidden(`“${subject.unitName}”不在您的管理范围内`);
    const outline = input.outline ?? seedOutline;
    const date = todayInShanghai();
    const { composed, values } = await this.renderer.render(
      ctx.actor,
      ctx.actor.scopes(P.read),
      subject,
      input.year,
      outline,
      date,
    );
    const id = await inTx(this.db, ctx, async (t) => {
      const dup = await t.db
        .select({ id: annualReports.id })
        .from(annualReports)
        .where(
          and(
            eq(annualReports.year, input.year),
            isNull(annualReports.voidedAt),
            subject.kind === 'unit'
              ? eq(annualReports.subjectUnitId, subject.unitId)
              : and(
                  eq(annualReports.divisionCode, subject.divisionCode),
                  eq(annualReports.subjectKind, 'division'),
                ),
          ),
        );
      if (dup.length)
        throw conflict('REPORT_EXISTS', `${subject.name}${input.year}年度报告已存在`, { id: dup[0]!.id });
      const [row] = await t.db
        .insert(annualReports)
        .values({
          year: input.year,
          subjectKind: subject.kind,
          divisionCode: subject.divisionCode,
          subjectUnitId: subject.subjectUnitId,
          unitId: subject.unitId,
          outline,
          createdBy: ctx.actor.id,
        })
        .returning({ id: annualReports.id });
      t.audit({
        action: 'reports.create',
        entity: 'annualReport',
        entityId: row!.id,
        diff: { year: input.year, subject: subject.name },
      });
      await this.insertVersion(
        t,
        row!.id,
        'draft',
        outline,
        values,
        composed.document,
        composed.unowned,
        '创建',
      );
      return row!.id;
    });
    return this.get(ctx.actor, id);
  }

  /** Save the edited outline as a new version; a version saved by someone else since is a conflict. */
  async saveOutline(ctx: RequestContext, id: string, input: SaveOutline): Promise<ReportView> {
    const r = await this.row(this.db, ctx.actor, id, P.manage);
    this.needState(r, ['draft', 'commenting'], '修改');
    const ids = new Set<string>();
    input.outline.sections.forEach((s, i) => {
      if (ids.has(s.id)) throw badInput(`outline.sections.${i}.id`, `章节编号 ${s.id} 重复`);
      ids.add(s.id);
    });
    const subject = await this.subjectOf(this.db, r);
    const { composed, values } = await this.renderer.render(
      ctx.actor,
      ctx.actor.scopes(P.read),
      subject,
      r.year,
      input.outline,
      todayInShanghai(),
    );
    await inTx(this.db, ctx, async (t) => {
      const now = await this.row(t.db, ctx.actor, id, P.manage, true);
      if (Number(now.latest_seq) !== input.baseSeq)
        throw conflict(
          'VERSION_CONFLICT',
          `报告已有第 ${now.latest_seq} 版（您基于第 ${input.baseSeq} 版修改），请刷新后再保存`,
          {
            latestSeq: Number(now.latest_seq),
          },
        );
      this.needState(now, ['draft', 'commenting'], '修改');
      await this.touch(t, id, { outline: input.outline }, 'reports.outline.save', { baseSeq: input.baseSeq });
      await this.insertVersion(
        t,
        id,
        'draft',
        input.outline,
        values,
        composed.document,
        composed.unowned,
        input.note ?? '修改提纲',
      );
    });
    return this.get(ctx.actor, id);
  }

  /** Render the current outline again with today's figures (after the records changed). */
  async rerender(ctx: RequestContext, id: string): Promise<ReportView> {
    const r = await this.row(this.db, ctx.actor, id, P.manage);
    return this.saveOutline(ctx, id, {
      outline: r.outline,
      baseSeq: Number(r.latest_seq),
      note: '按最新数据重新生成',
    });
  }

  async startComments(ctx: RequestContext, id: string, input: StartComments): Promise<ReportView> {
    await inTx(this.db, ctx, async (t) => {
      const r = await this.row(t.db, ctx.actor, id, P.manage, true);
      this.needState(r, ['draft'], '发起征求意见');
      if (input.dueOn < todayInShanghai()) throw badInput('dueOn', '征求意见截止日期不能早于今天');
      await this.touch(
        t,
        id,
        { state: 'commenting', commentRound: r.comment_round + 1, commentDueOn: input.dueOn },
        'reports.comments.start',
        {
          round: r.comment_round + 1,
          dueOn: input.dueOn,
          note: input.note ?? null,
        },
      );
    });
    return this.get(ctx.actor, id);
  }

  async addComment(ctx: RequestContext, id: string, input: AddComment) {
    return inTx(this.db, ctx, async (t) => {
      const r = await this.row(t.db, ctx.actor, id, P.comment);
      this.needState(r, ['commenting'], '提出意见');
      if (input.sectionId && !r.outline.sections.some((s) => s.id === input.sectionId))
        throw badInput('sectionId', `章节 ${input.sectionId} 不在报告提纲中`);
      const [c] = await t.db
        .insert(reportComments)
        .values({
          reportId: id,
          round: r.comment_round,
          versionSeq: Number(r.latest_seq),
          sectionId: input.sectionId ?? null,
          authorId: ctx.actor.id,
          authorName: ctx.actor.user?.displayName ?? ctx.actor.name,
          body: input.body,
        })
        .returning();
      t.audit({
        action: 'reports.comment.add',
        entity: 'reportComment',
        entityId: c!.id,
        diff: { reportId: id, round: c!.round },
      });
      return {
        id: c!.id,
        round: c!.round,
        versionSeq: c!.versionSeq,
        sectionId: c!.sectionId,
        authorName: c!.authorName,
        body: c!.body,
        createdAt: iso(c!.createdAt),
      };
    });
  }

  async closeComments(ctx: RequestContext, id: string): Promise<ReportView> {
    await inTx(this.db, ctx, async (t) => {
      const r = await this.row(t.db, ctx.actor, id, P.manage, true);
      this.needState(r, ['commenting'], '结束征求意见');
      await this.touch(t, id, { state: 'draft' }, 'reports.comments.close', { round: r.comment_round });
    });
    return this.get(ctx.actor, id);
  }

  /**
   * Send the latest version to the leaders. Refused while a required item is missing, a placeholder
   * has no figure, a consistency check fails, or a figure changed since the text was rendered.
   */
  async submit(ctx: RequestContext, id: string): Promise<ReportView> {
    const r = await this.row(this.db, ctx.actor, id, P.manage);
    this.needState(r, ['draft', 'commenting'], '提交签批');
    const p = await this.preview(ctx.actor, id);
    const problems = [
      ...p.checks.filter((c) => c.status === 'failed').map((c) => `${c.label}：${c.detail}`),
      ...(p.unowned.length ? [`无数据来源的指标：${p.unowned.join('、')}`] : []),
      ...(p.empty.length ? [`暂无数据的指标：${p.empty.join('、')}`] : []),
    ];
    if (problems.length)
      throw conflict('REPORT_NOT_READY', `报告尚不能提交签批：${problems.join('；')}`, { problems });
    await inTx(this.db, ctx, async (t) => {
      const now = await this.row(t.db, ctx.actor, id, P.manage, true);
      if (Number(now.latest_seq) !== p.seq)
        throw conflict('VERSION_CONFLICT', '检查期间报告已有新版本，请重新提交');
      this.needState(now, ['draft', 'commenting'], '提交签批');
      await this.touch(t, id, { state: 'signing' }, 'reports.submit', { seq: p.seq });
    });
    return this.get(ctx.actor, id);
  }

  /** A leader's 签批 of the version under signature: approval sends it to 保密审查, a return to drafting. */
  async signoff(ctx: RequestContext, id: string, input: Signoff): Promise<ReportView> {
    await inTx(this.db, ctx, async (t) => {
      const r = await this.row(t.db, ctx.actor, id, P.sign, true);
      this.needState(r, ['signing'], '签批');
      if (input.decision === 'return' && !input.comment) throw badInput('comment', '退回修改时请写明意见');
      const [s] = await t.db
        .insert(reportSignoffs)
        .values({
          reportId: id,
          versionSeq: Number(r.latest_seq),
          userId: ctx.actor.id,
          userName: ctx.actor.user?.displayName ?? ctx.actor.name,
          decision: input.decision,
          comment: input.comment ?? null,
        })
        .returning({ id: reportSignoffs.id });
      t.audit({
        action: 'reports.signoff',
        entity: 'reportSignoff',
        entityId: s!.id,
        diff: { reportId: id, ...input },
      });
      await this.touch(
        t,
        id,
        { state: input.decision === 'approve' ? 'secrecyReview' : 'draft' },
        'reports.state',
        {
          from: 'signing',
          decision: input.decision,
        },
      );
    });
    return this.get(ctx.actor, id);
  }

  /** 保密审查: a recorded step with its reviewer and result; only a passed review allows publication. */
  async secrecyReview(ctx: RequestContext, id: string, input: SecrecyReview): Promise<ReportView> {
    await inTx(this.db, ctx, async (t) => {
      const r = await this.row(t.db, ctx.actor, id, P.secrecy, true);
      this.needState(r, ['secrecyReview'], '进行保密审查');
      const [s] = await t.db
        .insert(reportSecrecyReviews)
        .values({
          reportId: id,
          versionSeq: Number(r.latest_seq),
          reviewerId: ctx.actor.id,
          reviewerName: ctx.actor.user?.displayName ?? ctx.actor.name,
          result: input.result,
          note: input.note,
        })
        .returning({ id: reportSecrecyReviews.id });
      t.audit({
        action: 'reports.secrecyReview',
        entity: 'reportSecrecyReview',
        entityId: s!.id,
        diff: { reportId: id, ...input },
      });
      await this.touch(t, id, { state: input.result === 'passed' ? 'approved' : 'draft' }, 'reports.state', {
        from: 'secrecyReview',
        result: input.result,
      });
    });
    return this.get(ctx.actor, id);
  }

  /** Publish the signed, reviewed version as it is: its text and its figure values are frozen. */
  async publish(ctx: RequestContext, id: string, input: Publish): Promise<ReportView> {
    await inTx(this.db, ctx, async (t) => {
      const r = await this.row(t.db, ctx.actor, id, P.publish, true);
      this.needState(r, ['approved'], '发布');
      const [signed] = await this.versions(t.db, id).then((vs) =>
        vs.filter((v) => v.seq === Number(r.latest_seq)),
      );
      const on = input.publishedOn ?? todayInShanghai();
      const document = { ...signed!.document, date: on };
      const v = await this.insertVersion(
        t,
        id,
        'published',
        signed!.outline,
        signed!.figure_values,
        document,
        signed!.unowned,
        `发布（据第 ${signed!.seq} 版）`,
      );
      await this.touch(
        t,
        id,
        { state: 'published', publishedVersionId: v.id, publishedOn: on },
        'reports.publish',
        {
          seq: v.seq,
          publishedOn: on,
        },
      );
    });
    return this.get(ctx.actor, id);
  }

  async workflow(actor: Actor, id: string) {
    await this.row(this.db, actor, id, P.read);
    const comments = await this.db
      .select()
      .from(reportComments)
      .where(eq(reportComments.reportId, id))
      .orderBy(reportComments.createdAt);
    const signoffs = await this.db
      .select()
      .from(reportSignoffs)
      .where(eq(reportSignoffs.reportId, id))
      .orderBy(reportSignoffs.signedAt);
    const reviews = await this.db
      .select()
      .from(reportSecrecyReviews)
      .where(eq(reportSecrecyReviews.reportId, id))
      .orderBy(reportSecrecyReviews.reviewedAt);
    const versions = await this.versions(this.db, id);
    return {
      comments: comments.map((c) => ({
        id: c.id,
        round: c.round,
        versionSeq: c.versionSeq,
        sectionId: c.sectionId,
        authorName: c.authorName,
        body: c.body,
        createdAt: iso(c.createdAt),
      })),
      signoffs: signoffs.map((s) => ({
        id: s.id,
        versionSeq: s.versionSeq,
        userName: s.userName,
        decision: s.decision,
        comment: s.comment,
        signedAt: iso(s.signedAt),
      })),
      secrecyReviews: reviews.map((s) => ({
        id: s.id,
        versionSeq: s.versionSeq,
        reviewerName: s.reviewerName,
        result: s.result,
        resultLabel: secrecyResults[s.result],
        note: s.note,
        reviewedAt: iso(s.reviewedAt),
      })),
      versions: versions.map((v) => ({
        seq: Number(v.seq),
        kind: v.kind,
        note: v.note,
        createdBy: v.created_by_name,
        createdAt: iso(v.created_at),
      })),
    };
  }

  // ——— roll-up and portal ———

  /** A city's figures as the sum of its counties' (values.ts says how rates are treated). */
  async rollup(actor: Actor, divisionCode: string, year: number) {
    const subject = await divisionSubject(this.db, divisionCode);
    if (!subject) throw badInput('division', `行政区划 ${divisionCode} 不存在或没有人民政府单位`);
    if (subject.divisionLevel > 2) throw badInput('division', '汇总只适用于市（地区）及以上行政区划');
    const prepared = await this.renderer.values(subject, year, actor.scopes(P.read));
    const children = prepared.children ?? [];
    return {
      divisionCode,
      year,
      counties: children.map((c) => ({ code: c.code, name: c.name })),
      figures: [...this.platform.figures.byKey.values()].map((d) => ({
        key: d.key,
        label: d.label,
        unit: d.unit,
        total: prepared.values[d.key] ?? null,
        method: aggregationOf(d),
        byCounty: children.map((c) => c.values[d.key] ?? null),
      })),
    };
  }

  async listPublished(q: { division?: string; year?: number }) {
    const where: SQL[] = [sql`r.voided_at is null and r.published_version_id is not null`];
    if (q.division) where.push(sql`r.division_code = ${q.division}`);
    if (q.year) where.push(sql`r.year = ${q.year}`);
    const rows = await query<{
      id: string;
      year: number;
      title: string;
      subject_name: string;
      division_code: string;
      published_on: string;
    }>(
      this.db,
      sql`select r.id, r.year, v.document->>'title' as title, coalesce(su.name, d.name) as subject_name,
            r.division_code, r.published_on::text as published_on
          from annual_reports r join report_versions v on v.id = r.published_version_id
          join divisions d on d.code = r.division_code left join org_units su on su.id = r.subject_unit_id
          where ${sql.join(where, sql` and `)} order by r.published_on desc, r.division_code`,
    );
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      title: r.title.replace(/\n/g, ''),
      subjectName: r.subject_name,
      divisionCode: r.division_code,
      publishedOn: r.published_on,
      htmlUrl: `/api/public/reports/${r.id}/html`,
      docxUrl: `/api/public/reports/${r.id}/docx`,
    }));
  }

  /** The published version exactly as frozen; nothing else of a report is public. */
  async publishedVersion(id: string): Promise<VersionRow> {
    const [v] = await query<VersionRow>(
      this.db,
      sql`select v.id, v.seq, v.kind, v.outline, v.figure_values, v.document, v.unowned, v.note, v.created_by_name, v.created_at
          from annual_reports r join report_versions v on v.id = r.published_version_id
          where r.id = ${id} and r.voided_at is null`,
    );
    if (!v) throw notFound('已发布的年度报告', id);
    return v;
  }
}
