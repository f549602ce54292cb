import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inScope } from '../../platform/access/actor.js';
import { DOCX_MIME, renderDocx } from '../../platform/documents/docx.js';
import { conflict } from '../../platform/http/errors.js';
import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  AcceptInput,
  CasePage,
  CaseQuery,
  CaseView,
  ConsultationInput,
  CopySentInput,
  CorrectionExtendInput,
  CorrectionNoticeInput,
  DashboardQuery,
  DashboardView,
  DateInput,
  DecideInput,
  DocParam,
  ExtendInput,
  HearingInput,
  HearingRecordInput,
  IdParam,
  MediateInput,
  MetaView,
  PublicationView,
  RefuseInput,
  RegisterApplication,
  SetSettings,
  SettingsView,
  SuspendInput,
  SwitchProcedureInput,
  TerminateInput,
  UpdateCase,
} from './contract.js';
import { builders, publicationDocument } from './documents.js';
import {
  channelCodes,
  channels,
  decisionTypeCodes,
  decisionTypes,
  documentKinds,
  simpleGroundCodes,
  simpleGrounds,
  stageCodes,
  stages,
  suspensionArticle,
  suspensionGroundCodes,
  suspensionGrounds,
  terminationGroundCodes,
  terminationGrounds,
} from './kinds.js';
import { dashboard, listCases } from './queries.js';
import { ReconsiderationService } from './service.js';
import { getSettings, setSettings } from './settings.js';
import { P, loadCase, presentCase } from './store.js';

const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const OrganQuery = z.object({ organUnitId: z.coerce.number().int().positive() });

export function reconsiderationRoutes(app: App, platform: Platform) {
  const s = new ReconsiderationService(platform.db, platform.calendar, platform.fieldCrypto);
  const tags = ['reconsideration'];
  const base = '/api/reconsideration';
  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    permission: string,
    run: (ctx: Parameters<typeof s.accept>[0], id: string, b: z.output<B>) => Promise<CaseView>,
  ) =>
    app.post(
      `${base}/cases/:id/${path}`,
      {
        schema: { tags, summary, params: IdParam, body, response: { 200: CaseView } },
        config: { permission },
      },
      (req) => run(req.ctx, req.params.id, req.body as z.output<B>),
    );

  app.get(
    `${base}/meta`,
    {
      schema: {
        tags,
        summary: '行政复议：渠道、阶段、决定类型及条文、简易程序情形、中止与终止情形、复议机关',
        response: { 200: MetaView },
      },
      config: { permission: P.read },
    },
    async (req) => ({
      channels: channelCodes.map((code) => ({ code, label: channels[code] })),
      stages: stageCodes.map((code) => ({ code, label: stages[code] })),
      decisionTypes: decisionTypeCodes.map((code) => ({
        code,
        label: decisionTypes[code].label,
        article: `第${decisionTypes[code].article.slice(1)}`,
      })),
      simpleGrounds: simpleGroundCodes.map((code) => ({ code, ...simpleGrounds[code] })),
      suspensionGrounds: suspensionGroundCodes.map((code) => ({
        code,
        label: suspensionGrounds[code].label,
        article: suspensionArticle(code),
      })),
      terminationGrounds: terminationGroundCodes.map((code) => ({ code, ...terminationGrounds[code] })),
      organs: await query<{ id: number; name: string }>(
        platform.db,
        sql`select id, name from org_units where kind = 'government' and active and (${inScope(sql`path`, req.actor.scopes(P.handle))}) order by path`,
      ),
    }),
  );
  app.get(
    `${base}/cases`,
    {
      schema: {
        tags,
        summary: '行政复议案件（期限标记：overdue 已逾期、approaching 临近届满；阶段按法定期限推算）',
        querystring: CaseQuery,
        response: { 200: CasePage },
      },
      config: { permission: P.read },
    },
    (req) => listCases(platform.db, platform.calendar, platform.fieldCrypto, req.actor, req.query),
  );
  app.post(
    `${base}/cases`,
    {
      schema: {
        tags,
        summary: '登记行政复议申请（当面、邮寄、口头；口头申请须有申请笔录）',
        body: RegisterApplication,
        response: { 200: CaseView },
      },
      config: { permission: P.handle },
    },
    (req) => s.register(req.ctx, req.body),
  );
  app.get(
    `${base}/cases/:id`,
    {
      schema: {
        tags,
        summary: '行政复议案件详情（含各项法定期限及条文；身份证号、电话仅授权人员可见，查看留痕）',
        params: IdParam,
        response: { 200: CaseView },
      },
      config: { permission: P.read },
    },
    (req) => s.get(req.ctx, req.params.id),
  );
  app.patch(
    `${base}/cases/:id`,
    {
      schema: {
        tags,
        summary: '修改案件信息（承办人员、重大案件、被申请人上一级主管部门等）',
        params: IdParam,
        body: UpdateCase,
        response: { 200: CaseView },
      },
      config: { permission: P.handle },
    },
    (req) => s.update(req.ctx, req.params.id, req.body),
  );

  step('accept', '受理（第三十条；简易程序须符合第五十三条）', AcceptInput, P.handle, (c, id, b) =>
    s.accept(c, id, b),
  );
  step(
    'refuse',
    '不予受理（第三十条第二款，须说明理由，告知有管辖权的机关）',
    RefuseInput,
    P.handle,
    (c, id, b) => s.refuse(c, id, b),
  );
  step(
    'correction-notice',
    '补正通知（第三十一条：一次性载明全部补正事项）',
    CorrectionNoticeInput,
    P.handle,
    (c, id, b) => s.correctionNotice(c, id, b),
  );
  step(
    'correction-received',
    '收到补正材料（审查期限重新起算，第三十一条第三款）',
    DateInput,
    P.handle,
    (c, id, b) => s.correctionReceived(c, id, b.on),
  );
  step(
    'correction-extend',
    '延长补正期限（第三十一条第二款，正当理由）',
    CorrectionExtendInput,
    P.handle,
    (c, id, b) => s.extendCorrection(c, id, b.to, b.reason),
  );
  step('switch-procedure', '简易程序转为普通程序（第五十五条）', SwitchProcedureInput, P.handle, (c, id, b) =>
    s.switchProcedure(c, id, b),
  );
  step('copy-sent', '发送申请书副本（第四十八条、第五十四条）', CopySentInput, P.handle, (c, id, b) =>
    s.copySent(c, id, b),
  );
  step('reply', '收到被申请人书面答复', DateInput, P.handle, (c, id, b) => s.reply(c, id, b.on));
  step('hearings', '组织听证（第五十条、第五十一条：五个工作日前通知）', HearingInput, P.handle, (c, id, b) =>
    s.hearing(c, id, b),
  );
  step('hearing-record', '听证笔录', HearingRecordInput, P.handle, (c, id, b) => s.hearingRecord(c, id, b));
  step('consultation', '行政复议委员会咨询意见（第五十二条）', ConsultationInput, P.handle, (c, id, b) =>
    s.consult(c, id, b),
  );
  step('suspend', '中止审理（第三十九条）', SuspendInput, P.handle, (c, id, b) => s.suspend(c, id, b));
  step('resume', '恢复审理（第三十九条第二款）', DateInput, P.handle, (c, id, b) => s.resume(c, id, b.on));
  step('extend', '延长审理期限（第六十二条第一款，最多三十日）', ExtendInput, P.decide, (c, id, b) =>
    s.extend(c, id, b),
  );
  step('decide', '作出行政复议决定（第六十三条至第六十九条）', DecideInput, P.decide, (c, id, b) =>
    s.decide(c, id, b),
  );
  step('mediate', '调解结案（第七十三条）', MediateInput, P.decide, (c, id, b) => s.mediate(c, id, b));
  step('terminate', '终止行政复议（第四十一条，含撤回、和解）', TerminateInput, P.decide, (c, id, b) =>
    s.terminate(c, id, b),
  );
  step('publish', '公开行政复议决定书（第七十九条第一款，个人信息已屏蔽）', DateInput, P.decide, (c, id, b) =>
    s.publish(c, id, b.on),
  );

  app.get(
    `${base}/cases/:id/documents/:kind`,
    {
      schema: {
        tags,
        summary: '下载文书（Word）：受理通知书、补正通知书、不予受理决定书、答复通知书、决定书',
        params: DocParam,
      },
      config: { permission: P.read },
    },
    async (req, reply) => {
      const c = await loadCase(platform.db, req.actor, P.read, req.params.id);
      // documents go to the parties: the applicant's own details appear unmasked, as in the file
      const view = await presentCase(platform.db, c, s.presenter(await platform.calendar.calendar()), true);
      if (!view.documents.some((d) => d.kind === req.params.kind))
        throw conflict('DOCUMENT_NOT_AVAILABLE', `本案当前阶段没有${documentKinds[req.params.kind]}`);
      const doc = builders[req.params.kind](view);
      const name = `${view.caseNumber ?? view.applicantName}${documentKinds[req.params.kind]}.docx`;
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', attachment(`${req.params.kind}.docx`, name))
        .send(await renderDocx(doc));
    },
  );
  app.get(
    `${base}/cases/:id/publication`,
    {
      schema: {
        tags,
        summary: '决定书公开文本预览（自然人姓名→某，身份证号、电话屏蔽，住所不公开）',
        params: IdParam,
        response: { 200: PublicationView },
      },
      config: { permission: P.read },
    },
    async (req) => {
      const c = await loadCase(platform.db, req.actor, P.read, req.params.id);
      const view = await presentCase(platform.db, c, s.presenter(await platform.calendar.calendar()), true);
      const doc = publicationDocument(view);
      return {
        caseNumber: view.caseNumber,
        title: doc.title,
        blocks: doc.blocks.flatMap((b): { label: string | null; text: string }[] =>
          b.kind === 'field'
            ? [{ label: b.label, text: b.value }]
            : b.kind === 'paragraph' || b.kind === 'heading'
              ? [{ label: null, text: b.text }]
              : [],
        ),
        publishedOn: view.publishedOn,
      };
    },
  );
  app.get(
    `${base}/dashboard`,
    {
      schema: {
        tags,
        summary: '行政复议统计（领导可看汇总，不能查看案卷）',
        querystring: DashboardQuery,
        response: { 200: DashboardView },
      },
      config: { permission: P.stats },
    },
    (req) =>
      dashboard(
        platform.db,
        platform.calendar,
        platform.fieldCrypto,
        platform.figures,
        req.actor,
        req.query.year,
      ),
  );
  app.get(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: '复议机关设置：案号字号、纠错率计入的决定类型',
        querystring: OrganQuery,
        response: { 200: SettingsView },
      },
      config: { permission: P.stats },
    },
    (req) => getSettings(platform.db, req.query.organUnitId),
  );
  app.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: '设置案号字号与纠错率口径',
        body: SetSettings,
        response: { 200: SettingsView },
      },
      config: { permission: P.settings },
    },
    (req) => setSettings(platform.db, req.ctx, req.body),
  );
}
