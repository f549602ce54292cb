import { z } from 'zod';
import { DOCX_MIME, renderDocx } from '../../platform/documents/docx.js';
import { HTML_MIME, renderHtml } from '../../platform/documents/html.js';
import { PUBLIC } from '../../platform/http/plugin.js';
import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  AddComment,
  CommentView,
  CreateReport,
  IdParam,
  Outline,
  PreviewView,
  Publish,
  PublicReport,
  PublicReportQuery,
  ReportListItem,
  ReportQuery,
  ReportView,
  RollupView,
  SaveOutline,
  SecrecyReview,
  Signoff,
  StartComments,
  VersionParam,
  WorkflowView,
} from './contract.js';
import { P, type ReportService } from './service.js';

const attachment = (fallback: string, name: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const fileName = (title: string, seq: number) => `${title.replace(/\s+/g, '')}（第${seq}版）.docx`;

const RollupQuery = z.object({
  division: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  year: z.coerce.number().int().min(2000).max(2100),
});
const SeqQuery = z.object({ seq: z.coerce.number().int().min(1).optional() });

export function reportRoutes(app: App, platform: Platform, service: ReportService) {
  const tags = ['reports'];
  const base = '/api/reports';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '年度报告列表（本人范围内）',
        querystring: ReportQuery,
        response: { 200: z.array(ReportListItem) },
      },
      config: { permission: P.read },
    },
    (req) => service.list(req.actor, req.query),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: '新建年度报告（行政区划或单位 × 年度；提纲默认取索县2023年报告的结构）',
        body: CreateReport,
        response: { 200: ReportView },
      },
      config: { permission: P.manage },
    },
    (req) => service.create(req.ctx, req.body),
  );
  app.get(
    '/api/reports/rollup',
    {
      schema: {
        tags,
        summary: '市级汇总：各县指标及合计（计数求和，比率由分子分母重算，其他比率不汇总）',
        querystring: RollupQuery,
        response: { 200: RollupView },
      },
      config: { permission: P.read },
    },
    (req) => service.rollup(req.actor, req.query.division, req.query.year),
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '年度报告（含提纲、状态、发布倒计时）',
        params: IdParam,
        response: { 200: ReportView },
      },
      config: { permission: P.read },
    },
    (req) => service.get(req.actor, req.params.id),
  );
  app.get(
    `${base}/:id/preview`,
    {
      schema: {
        tags,
        summary: '按当前提纲和最新数据生成的正文，及一致性检查、五项内容检查、无来源指标',
        params: IdParam,
        response: { 200: PreviewView },
      },
      config: { permission: P.read },
    },
    (req) => service.preview(req.actor, req.params.id),
  );
  app.post(
    `${base}/:id/preview`,
    {
      schema: {
        tags,
        summary: '预览未保存的提纲（不保存）',
        params: IdParam,
        body: z.object({ outline: Outline }),
        response: { 200: PreviewView },
      },
      config: { permission: P.manage },
    },
    (req) => service.preview(req.actor, req.params.id, req.body.outline),
  );
  app.put(
    `${base}/:id/outline`,
    {
      schema: {
        tags,
        summary: '保存提纲并生成新版本（baseSeq 不是最新版本时 409）',
        params: IdParam,
        body: SaveOutline,
        response: { 200: ReportView },
      },
      config: { permission: P.manage },
    },
    (req) => service.saveOutline(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/render`,
    {
      schema: {
        tags,
        summary: '按最新数据重新生成正文（新版本）',
        params: IdParam,
        response: { 200: ReportView },
      },
      config: { permission: P.manage },
    },
    (req) => service.rerender(req.ctx, req.params.id),
  );
  app.post(
    `${base}/:id/comments/start`,
    {
      schema: {
        tags,
        summary: '发起一轮征求意见',
        params: IdParam,
        body: StartComments,
        response: { 200: ReportView },
      },
      config: { permission: P.manage },
    },
    (req) => service.startComments(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/comments`,
    {
      schema: {
        tags,
        summary: '提出意见（征求意见期间）',
        params: IdParam,
        body: AddComment,
        response: { 200: CommentView },
      },
      config: { permission: P.comment },
    },
    (req) => service.addComment(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/comments/close`,
    {
      schema: { tags, summary: '结束本轮征求意见', params: IdParam, response: { 200: ReportView } },
      config: { permission: P.manage },
    },
    (req) => service.closeComments(req.ctx, req.params.id),
  );
  app.post(
    `${base}/:id/submit`,
    {
      schema: {
        tags,
        summary: '提交领导签批（五项内容、指标来源、一致性检查均须通过）',
        params: IdParam,
        response: { 200: ReportView },
      },
      config: { permission: P.manage },
    },
    (req) => service.submit(req.ctx, req.params.id),
  );
  app.post(
    `${base}/:id/signoff`,
    {
      schema: {
        tags,
        summary: '领导签批：同意或退回修改',
        params: IdParam,
        body: Signoff,
        response: { 200: ReportView },
      },
      config: { permission: P.sign },
    },
    (req) => service.signoff(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/secrecy-review`,
    {
      schema: {
        tags,
        summary: '保密审查（记录审查人和结论）',
        params: IdParam,
        body: SecrecyReview,
        response: { 200: ReportView },
      },
      config: { permission: P.secrecy },
    },
    (req) => service.secrecyReview(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/publish`,
    {
      schema: {
        tags,
        summary: '在门户发布（冻结签批版本及其指标数值）',
        params: IdParam,
        body: Publish,
        response: { 200: ReportView },
      },
      config: { permission: P.publish },
    },
    (req) => service.publish(req.ctx, req.params.id, req.body),
  );
  app.get(
    `${base}/:id/workflow`,
    {
      schema: {
        tags,
        summary: '意见、签批、保密审查记录和全部版本',
        params: IdParam,
        response: { 200: WorkflowView },
      },
      config: { permission: P.read },
    },
    (req) => service.workflow(req.actor, req.params.id),
  );
  app.get(
    `${base}/:id/versions/:seq`,
    {
      schema: {
        tags,
        summary: '某一版本（提纲、所用指标数值、正文）',
        params: VersionParam,
        response: {
          200: z.object({
            seq: z.number().int(),
            kind: z.string(),
            note: z.string().nullable(),
            outline: Outline,
            figureValues: z.record(z.string(), z.number().nullable()),
            unowned: z.array(z.string()),
            document: z.unknown(),
            createdBy: z.string().nullable(),
            createdAt: z.string(),
          }),
        },
      },
      config: { permission: P.read },
    },
    async (req) => {
      const v = await service.version(req.actor, req.params.id, req.params.seq);
      return {
        seq: Number(v.seq),
        kind: v.kind,
        note: v.note,
        outline: v.outline,
        figureValues: v.figure_values,
        unowned: v.unowned,
        document: v.document,
        createdBy: v.created_by_name,
        createdAt: new Date(v.created_at).toISOString(),
      };
    },
  );
  app.get(
    `${base}/:id/docx`,
    {
      schema: {
        tags,
        summary: 'Word 文件（GB/T 9704 版式；默认最新版本）',
        params: IdParam,
        querystring: SeqQuery,
      },
      config: { permission: P.read },
    },
    async (req, reply) => {
      const v = await service.version(req.actor, req.params.id, req.query.seq);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', attachment('report.docx', fileName(v.document.title, Number(v.seq))))
        .send(await renderDocx(v.document));
    },
  );
  app.get(
    `${base}/:id/html`,
    {
      schema: {
        tags,
        summary: 'HTML 预览（可打印为 A4；默认最新版本）',
        params: IdParam,
        querystring: SeqQuery,
      },
      config: { permission: P.read },
    },
    async (req, reply) => {
      const v = await service.version(req.actor, req.params.id, req.query.seq);
      return reply.header('content-type', HTML_MIME).send(renderHtml(v.document));
    },
  );
  void platform;
}

/** The portal: published reports only, exactly as frozen at publication. */
export function reportPortalRoutes(app: App, _platform: Platform, service: ReportService) {
  const tags = ['portal'];
  app.get(
    '/api/public/reports',
    {
      schema: {
        tags,
        summary: '已发布的法治政府建设年度报告',
        querystring: PublicReportQuery,
        response: { 200: z.array(PublicReport) },
      },
      config: { permission: PUBLIC },
    },
    (req) => service.listPublished(req.query),
  );
  app.get(
    '/api/public/reports/:id/html',
    { schema: { tags, summary: '已发布报告（HTML）', params: IdParam }, config: { permission: PUBLIC } },
    async (req, reply) => {
      const v = await service.publishedVersion(req.params.id);
      return reply.header('content-type', HTML_MIME).send(renderHtml(v.document));
    },
  );
  app.get(
    '/api/public/reports/:id/docx',
    { schema: { tags, summary: '已发布报告（Word）', params: IdParam }, config: { permission: PUBLIC } },
    async (req, reply) => {
      const v = await service.publishedVersion(req.params.id);
      return reply
        .header('content-type', DOCX_MIME)
        .header(
          'content-disposition',
          attachment('report.docx', `${v.document.title.replace(/\s+/g, '')}.docx`),
        )
        .send(await renderDocx(v.document));
    },
  );
}
