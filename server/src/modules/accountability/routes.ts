import { z } from 'zod';
import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  AddReporters,
  CampaignQuery,
  CampaignView,
  CompletenessQuery,
  CompletenessView,
  CreateCampaign,
  DutyList,
  DutyListQuery,
  IdParam,
  MetaView,
  ReportPage,
  ReportQuery,
  ReportView,
  ReporterView,
  ReviewReport,
  SetDutyList,
  SubmitReport,
  VoidInput,
} from './contract.js';
import { postTypeCodes, postTypes, ratingCodes, ratings, reportFormatCodes, reportFormats } from './kinds.js';
import { AccountabilityService, P } from './service.js';

export function accountabilityRoutes(app: App, platform: Platform) {
  const service = new AccountabilityService(platform.db);
  const tags = ['accountability'];
  const base = '/api/accountability';

  app.get(
    `${base}/meta`,
    {
      schema: { tags, summary: '述法：职务类别、述法形式、评议等次', response: { 200: MetaView } },
      config: { permission: P.read },
    },
    () => ({
      postTypes: postTypeCodes.map((code) => ({
        code,
        label: postTypes[code].label,
        unitKind: postTypes[code].unitKind,
      })),
      formats: reportFormatCodes.map((code) => ({ code, label: reportFormats[code] })),
      ratings: ratingCodes.map((code) => ({ code, label: ratings[code] })),
    }),
  );
  app.get(
    `${base}/duty-lists`,
    {
      schema: {
        tags,
        summary: '第一责任人职责清单（按职务类别；未设置的用默认清单）',
        querystring: DutyListQuery,
        response: { 200: z.array(DutyList) },
      },
      config: { permission: P.read },
    },
    (req) => service.dutyLists(platform.db, req.query.division),
  );
  app.put(
    `${base}/duty-lists`,
    {
      schema: {
        tags,
        summary: '设置某职务类别的第一责任人职责清单（整份替换）',
        body: SetDutyList,
        response: { 200: DutyList },
      },
      config: { permission: P.manage },
    },
    (req) => service.setDutyList(req.ctx, req.body),
  );
  app.get(
    `${base}/campaigns`,
    {
      schema: {
        tags,
        summary: '年度述法活动（含本人范围内应述、已述、已评议人数）',
        querystring: CampaignQuery,
        response: { 200: z.array(CampaignView) },
      },
      config: { permission: P.read },
    },
    (req) => service.listCampaigns(req.actor, req.query.year),
  );
  app.post(
    `${base}/campaigns`,
    {
      schema: { tags, summary: '发起年度述法活动', body: CreateCampaign, response: { 200: CampaignView } },
      config: { permission: P.manage },
    },
    (req) => service.createCampaign(req.ctx, req.body),
  );
  app.get(
    `${base}/campaigns/:id/completeness`,
    {
      schema: {
        tags,
        summary: '应述尽述：应述名单及提交情况（status=missing 只看未提交）',
        params: IdParam,
        querystring: CompletenessQuery,
        response: { 200: CompletenessView },
      },
      config: { permission: P.read },
    },
    (req) => service.completeness(req.actor, req.params.id, req.query.status),
  );
  app.post(
    `${base}/campaigns/:id/reporters`,
    {
      schema: {
        tags,
        summary: '添加应述人员（姓名、职务、单位）',
        params: IdParam,
        body: AddReporters,
        response: { 200: z.array(ReporterView) },
      },
      config: { permission: P.manage },
    },
    (req) => service.addReporters(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/reporters/:id/void`,
    {
      schema: {
        tags,
        summary: '移出应述名单（须填原因，如调离）',
        params: IdParam,
        body: VoidInput,
        response: { 200: ReporterView },
      },
      config: { permission: P.manage },
    },
    (req) => service.voidReporter(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    `${base}/reporters/:id/report`,
    {
      schema: {
        tags,
        summary: '提交述法报告（履职情况、存在问题、下一步打算、签字版文件）',
        params: IdParam,
        body: SubmitReport,
        response: { 200: ReportView },
      },
      config: { permission: P.submit },
    },
    (req) => service.submit(req.ctx, req.params.id, req.body),
  );
  app.get(
    `${base}/reports`,
    {
      schema: {
        tags,
        summary: '述法报告（本人权限范围内）',
        querystring: ReportQuery,
        response: { 200: ReportPage },
      },
      config: { permission: P.read },
    },
    (req) => service.listReports(req.actor, req.query),
  );
  app.get(
    `${base}/reports/:id`,
    {
      schema: {
        tags,
        summary: '述法报告详情（含职责清单与评议）',
        params: IdParam,
        response: { 200: ReportView },
      },
      config: { permission: P.read },
    },
    (req) => service.getReport(platform.db, req.actor, req.params.id),
  );
  app.post(
    `${base}/reports/:id/review`,
    {
      schema: {
        tags,
        summary: '述法评议（好/较好/一般/差及评议意见）',
        params: IdParam,
        body: ReviewReport,
        response: { 200: ReportView },
      },
      config: { permission: P.manage },
    },
    (req) => service.review(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/reports/:id/void`,
    {
      schema: {
        tags,
        summary: '退回述法报告（作废并注明原因，述法人可重新提交）',
        params: IdParam,
        body: VoidInput,
        response: { 200: ReportView },
      },
      config: { permission: P.manage },
    },
    (req) => service.voidReport(req.ctx, req.params.id, req.body.reason),
  );
}
