import { z } from 'zod';
import { DOCX_MIME, renderDocx } from '../../platform/documents/docx.js';
import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import { query } from '../../db/database.js';
import { sql } from 'drizzle-orm';
import { inScope } from '../../platform/access/actor.js';
import {
  AddFollowUp,
  AddSession,
  AddTraining,
  AnswerQuestion,
  ApplyConfirmation,
  AssignCase,
  CasePage,
  CaseQuery,
  CaseView,
  CloseCase,
  CloseVisit,
  CommitteeView,
  CreateCase,
  CreateMediator,
  CreateQuestion,
  CreateRound,
  CreateVisit,
  DashboardQuery,
  DashboardView,
  EvaluateCase,
  IdParam,
  MediatorView,
  Meta,
  PayRound,
  PayoutView,
  QuestionPage,
  QuestionQuery,
  QuestionView,
  RoundDetail,
  RoundView,
  RouteSuggestion,
  RuleConfirmation,
  SetCommitteeProfile,
  SetDisputeType,
  UnitParam,
  VisitPage,
  VisitQuery,
  VisitView,
  VoidInput,
} from './contract.js';
import {
  fileParts,
  filePartCodes,
  gradeCodes,
  grades,
  levelOfDivision,
  performanceCodes,
  performances,
  sourceCodes,
  sources,
  statusCodes,
  statuses,
} from './kinds.js';
import { MediationService, P } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const Done = z.object({ id: z.string() });

export function mediationRoutes(app: App, platform: Platform) {
  const s = new MediationService(platform);
  const tags = ['mediation'];
  const base = '/api/mediation';

  app.get(
    `${base}/meta`,
    {
      schema: {
        tags,
        summary: '人民调解：纠纷类型、来源、分级、状态、案卷材料及可选单位',
        response: { 200: Meta },
      },
      config: { permission: P.read },
    },
    async (req) => {
      const units = await query<{ id: number; name: string; centre: boolean; level: number }>(
        platform.db,
        sql`select u.id, u.name, exists (select 1 from mediation_centres c where c.unit_id = u.id) as centre, d.level
            from org_units u join divisions d on d.code = u.division_code
            where u.active and (u.kind = 'mediationCommittee' or exists (select 1 from mediation_centres c where c.unit_id = u.id))
              and ${inScope(sql`u.path`, req.actor.scopes(P.read))}
            order by centre desc, d.level, u.sort, u.id`,
      );
      return {
        disputeTypes: (await s.organisation.disputeTypes()).map(({ code, label, active }) => ({
          code,
          label,
          active,
        })),
        sources: sourceCodes.map((code) => ({ code, label: sources[code] })),
        grades: gradeCodes.map((code) => ({ code, label: grades[code].label, route: grades[code].route })),
        statuses: statusCodes.map((code) => ({ code, label: statuses[code] })),
        performances: performanceCodes.map((code) => ({ code, label: performances[code] })),
        fileParts: filePartCodes.map((code) => ({
          code,
          label: fileParts[code].label,
          required: fileParts[code].required,
        })),
        units: units.map((u) => ({
          id: u.id,
          name: u.name,
          kind: u.centre ? ('centre' as const) : ('committee' as const),
          level: levelOfDivision(u.level),
        })),
        canHandle: req.actor.can(P.handle),
        canOrganise: req.actor.can(P.organise),
        canSubsidise: req.actor.can(P.subsidy),
      };
    },
  );
  app.put(
    `${base}/dispute-types`,
    {
      schema: {
        tags,
        summary: '新增或修改纠纷类型（停用而不删除）',
        body: SetDisputeType,
        response: { 200: z.array(SetDisputeType.extend({ sort: z.number().int() })) },
      },
      config: { permission: P.organise },
    },
    (req) => s.organisation.setDisputeType(req.ctx, req.body),
  );

  // ——— cases ———
  app.get(
    `${base}/cases`,
    {
      schema: {
        tags,
        summary: '调解案件（本人权限范围内，可按状态、分级、来源、类型、单位、日期筛选）',
        querystring: CaseQuery,
        response: { 200: CasePage },
      },
      config: { permission: P.read },
    },
    (req) => s.cases.list(req.actor, req.query),
  );
  app.post(
    `${base}/cases`,
    {
      schema: {
        tags,
        summary: '受理纠纷（登记当事人、类型、金额、来源、分级）',
        body: CreateCase,
        response: { 200: CaseView },
      },
      config: { permission: P.intake },
    },
    (req) => s.cases.create(req.ctx, req.body),
  );
  app.get(
    `${base}/cases/:id`,
    {
      schema: {
        tags,
        summary: '案件详情（无权查看个人信息者身份证号、电话打码；明文查看留痕）',
        params: IdParam,
        response: { 200: CaseView },
      },
      config: { permission: P.read },
    },
    (req) => s.cases.get(req.ctx, req.params.id),
  );
  app.get(
    `${base}/cases/:id/route`,
    {
      schema: {
        tags,
        summary: '分级调处建议：简易→村、复杂→乡镇、疑难→县',
        params: IdParam,
        response: { 200: RouteSuggestion },
      },
      config: { permission: P.read },
    },
    (req) => s.cases.suggestRoute(req.actor, req.params.id),
  );
  app.post(
    `${base}/cases/:id/assign`,
    {
      schema: {
        tags,
        summary: '分流指派：调委会及调解员',
        params: IdParam,
        body: AssignCase,
        response: { 200: CaseView },
      },
      config: { permission: P.intake },
    },
    (req) => s.cases.assign(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/cases/:id/sessions`,
    {
      schema: {
        tags,
        summary: '记录调解（人民调解法第二十七条）',
        params: IdParam,
        body: AddSession,
        response: { 200: CaseView },
      },
      config: { permission: P.handle },
    },
    (req) => s.cases.addSession(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/cases/:id/close`,
    {
      schema: {
        tags,
        summary: '结案：调解成功（协议）、调解不成或撤回',
        params: IdParam,
        body: CloseCase,
        response: { 200: CaseView },
      },
      config: { permission: P.handle },
    },
    (req) => s.cases.close(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/cases/:id/follow-ups`,
    {
      schema: {
        tags,
        summary: '回访履行情况（人民调解法第三十一条）',
        params: IdParam,
        body: AddFollowUp,
        response: { 200: CaseView },
      },
      config: { permission: P.handle },
    },
    (req) => s.cases.followUp(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/cases/:id/confirmation`,
    {
      schema: {
        tags,
        summary: '申请司法确认（协议生效之日起三十日内，民事诉讼法第二百零五条）',
        params: IdParam,
        body: ApplyConfirmation,
        response: { 200: CaseView },
      },
      config: { permission: P.handle },
    },
    (req) => s.cases.applyConfirmation(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/cases/:id/confirmation/ruling`,
    {
      schema: {
        tags,
        summary: '登记法院裁定：确认有效或驳回（民事诉讼法第二百零六条）',
        params: IdParam,
        body: RuleConfirmation,
        response: { 200: CaseView },
      },
      config: { permission: P.handle },
    },
    (req) => s.cases.ruleConfirmation(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/cases/:id/void`,
    {
      schema: {
        tags,
        summary: '作废案件（须填原因）',
        params: IdParam,
        body: VoidInput,
        response: { 200: Done },
      },
      config: { permission: P.intake },
    },
    (req) => s.cases.void(req.ctx, req.params.id, req.body.reason),
  );
  app.get(
    `${base}/cases/:id/agreement.docx`,
    {
      schema: { tags, summary: '下载人民调解协议书（Word）', params: IdParam },
      config: { permission: P.read },
    },
    async (req, reply) => {
      const { doc, fileName } = await s.cases.agreementDoc(req.ctx, req.params.id);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', attachment('agreement.docx', fileName))
        .send(await renderDocx(doc));
    },
  );

  // ——— intake ———
  app.get(
    `${base}/visits`,
    {
      schema: { tags, summary: '来访登记', querystring: VisitQuery, response: { 200: VisitPage } },
      config: { permission: P.read },
    },
    (req) => s.intake.listVisits(req.actor, req.query),
  );
  app.post(
    `${base}/visits`,
    {
      schema: { tags, summary: '登记来访', body: CreateVisit, response: { 200: VisitView } },
      config: { permission: P.intake },
    },
    (req) => s.intake.createVisit(req.ctx, req.body),
  );
  app.post(
    `${base}/visits/:id/close`,
    {
      schema: {
        tags,
        summary: '来访办结：当场化解或引导至其他途径',
        params: IdParam,
        body: CloseVisit,
        response: { 200: VisitView },
      },
      config: { permission: P.intake },
    },
    (req) => s.intake.closeVisit(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/visits/:id/void`,
    {
      schema: { tags, summary: '作废来访登记', params: IdParam, body: VoidInput, response: { 200: Done } },
      config: { permission: P.intake },
    },
    (req) => s.intake.voidVisit(req.ctx, req.params.id, req.body.reason),
  );
  app.get(
    `${base}/questions`,
    {
      schema: {
        tags,
        summary: '在线答疑与法律咨询',
        querystring: QuestionQuery,
        response: { 200: QuestionPage },
      },
      config: { permission: P.read },
    },
    (req) => s.intake.listQuestions(req.actor, req.query),
  );
  app.post(
    `${base}/questions`,
    {
      schema: {
        tags,
        summary: '登记咨询（可同时答复）',
        body: CreateQuestion,
        response: { 200: QuestionView },
      },
      config: { permission: P.intake },
    },
    (req) => s.intake.createQuestion(req.ctx, req.body),
  );
  app.post(
    `${base}/questions/:id/answer`,
    {
      schema: {
        tags,
        summary: '答复咨询',
        params: IdParam,
        body: AnswerQuestion,
        response: { 200: QuestionView },
      },
      config: { permission: P.intake },
    },
    (req) => s.intake.answer(req.ctx, req.params.id, req.body),
  );

  // ——— organisation ———
  app.get(
    `${base}/committees`,
    {
      schema: {
        tags,
        summary: '人民调解委员会（含人民调解法第八条提示）',
        response: { 200: z.array(CommitteeView) },
      },
      config: { permission: P.read },
    },
    (req) => s.organisation.committees(req.actor),
  );
  app.put(
    `${base}/committees/:unitId/profile`,
    {
      schema: {
        tags,
        summary: '设置调委会所在地区是否多民族居住',
        params: UnitParam,
        body: SetCommitteeProfile,
        response: { 200: CommitteeView },
      },
      config: { permission: P.organise },
    },
    (req) => s.organisation.setProfile(req.ctx, req.params.unitId, req.body),
  );
  app.get(
    `${base}/mediators`,
    {
      schema: {
        tags,
        summary: '人民调解员名册',
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
        response: { 200: z.array(MediatorView) },
      },
      config: { permission: P.read },
    },
    (req) => s.organisation.listMediators(req.actor, req.query.unitId),
  );
  app.post(
    `${base}/mediators`,
    {
      schema: { tags, summary: '登记人民调解员', body: CreateMediator, response: { 200: MediatorView } },
      config: { permission: P.organise },
    },
    (req) => s.organisation.createMediator(req.ctx, req.body),
  );
  app.post(
    `${base}/mediators/:id/trainings`,
    {
      schema: {
        tags,
        summary: '登记调解员参加培训（台账中的培训或其他培训）',
        params: IdParam,
        body: AddTraining,
        response: { 200: MediatorView },
      },
      config: { permission: P.organise },
    },
    (req) => s.organisation.addTraining(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/mediators/:id/void`,
    {
      schema: {
        tags,
        summary: '调解员离任（作废并注明原因）',
        params: IdParam,
        body: VoidInput,
        response: { 200: Done },
      },
      config: { permission: P.organise },
    },
    (req) => s.organisation.voidMediator(req.ctx, req.params.id, req.body.reason),
  );

  // ——— subsidies ———
  app.get(
    `${base}/rounds`,
    {
      schema: { tags, summary: '以案定补案卷评定', response: { 200: z.array(RoundView) } },
      config: { permission: P.read },
    },
    (req) => s.subsidies.list(req.actor),
  );
  app.post(
    `${base}/rounds`,
    {
      schema: {
        tags,
        summary: '组织案卷评定（设定各级调委会各难度的补贴标准）',
        body: CreateRound,
        response: { 200: RoundView },
      },
      config: { permission: P.subsidy },
    },
    (req) => s.subsidies.create(req.ctx, req.body),
  );
  app.get(
    `${base}/rounds/:id`,
    {
      schema: {
        tags,
        summary: '评定详情（逐卷材料、难度、不予补贴原因、金额）',
        params: IdParam,
        response: { 200: RoundDetail },
      },
      config: { permission: P.read },
    },
    (req) => s.subsidies.detail(req.actor, req.params.id),
  );
  app.post(
    `${base}/rounds/:id/evaluations`,
    {
      schema: {
        tags,
        summary: '评定一份案卷',
        params: IdParam,
        body: EvaluateCase,
        response: {
          200: z.object({
            id: z.string(),
            exclusion: z.string().nullable(),
            exclusionLabel: z.string().nullable(),
            amount: z.number(),
          }),
        },
      },
      config: { permission: P.subsidy },
    },
    (req) => s.subsidies.evaluate(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/rounds/:id/pay`,
    {
      schema: {
        tags,
        summary: '兑现补贴资金',
        params: IdParam,
        body: PayRound,
        response: { 200: RoundView },
      },
      config: { permission: P.subsidy },
    },
    (req) => s.subsidies.pay(req.ctx, req.params.id, req.body.paidOn),
  );
  app.get(
    `${base}/rounds/:id/payout`,
    {
      schema: { tags, summary: '兑现清单（谁调解补谁）', params: IdParam, response: { 200: PayoutView } },
      config: { permission: P.read },
    },
    (req) => s.subsidies.payout(req.actor, req.params.id),
  );
  app.get(
    `${base}/rounds/:id/payout.xlsx`,
    { schema: { tags, summary: '导出兑现清单（.xlsx）', params: IdParam }, config: { permission: P.read } },
    async (req, reply) => {
      const { name, bytes } = await s.subsidies.payoutWorkbook(req.actor, req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('payout.xlsx', name))
        .send(bytes);
    },
  );

  // ——— dashboard ———
  app.get(
    `${base}/dashboard`,
    {
      schema: {
        tags,
        summary: '调解中心驾驶舱：指标与分类统计',
        querystring: DashboardQuery,
        response: { 200: DashboardView },
      },
      config: { permission: P.read },
    },
    (req) => s.dashboard.board(req.actor, req.query.from, req.query.to),
  );
}
