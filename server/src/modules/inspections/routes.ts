import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  ActionRef,
  CreateAction,
  CreateFeedbackItem,
  CreateRound,
  MethodsView,
  RoundId,
  RoundList,
  RoundQuery,
  RoundView,
  VoidBody,
} from './contract.js';
import { actionKindLabels, actionKinds, methods, roundKindLabels, roundKinds } from './kinds.js';
import { InspectionService, P } from './service.js';

export function inspectionRoutes(app: App, platform: Platform) {
  const service = new InspectionService(platform.db);
  const tags = ['inspections'];
  const one = { params: RoundId, response: { 200: RoundView } };

  app.get(
    '/api/inspections/kinds',
    {
      schema: { tags, summary: '督察类别、督察方式、督察事项类别', response: { 200: MethodsView } },
      config: { permission: P.read },
    },
    () => ({
      kinds: roundKinds.map((code) => ({ code, label: roundKindLabels[code] })),
      methods: [...methods],
      actionKinds: actionKinds.map((code) => ({ code, label: actionKindLabels[code] })),
    }),
  );
  app.get(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: '督察轮次（本人权限范围内，按年度倒序）',
        querystring: RoundQuery,
        response: { 200: RoundList },
      },
      config: { permission: P.read },
    },
    (req) => service.list(req.actor, req.query),
  );
  app.get(
    '/api/inspections/:id',
    {
      schema: { tags, summary: '督察详情：督察事项、上级反馈问题及整改情况', ...one },
      config: { permission: P.read },
    },
    (req) => service.get(platform.db, req.actor, req.params.id),
  );
  app.post(
    '/api/inspections',
    {
      schema: { tags, summary: '新建督察轮次', body: CreateRound, response: { 200: RoundView } },
      config: { permission: P.manage },
    },
    (req) => service.createRound(req.ctx, req.body),
  );
  app.post(
    '/api/inspections/:id/actions',
    {
      schema: { tags, summary: '登记督察事项（日期、地点、方式、人员、对象）', body: CreateAction, ...one },
      config: { permission: P.manage },
    },
    (req) => service.addAction(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/inspections/:id/feedback',
    {
      schema: {
        tags,
        summary: '登记上级反馈问题（一项含若干方面，每个方面生成一条整改问题）',
        body: CreateFeedbackItem,
        ...one,
      },
      config: { permission: P.manage },
    },
    (req) => service.addFeedback(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/inspections/:id/void',
    {
      schema: { tags, summary: '作废督察轮次（不删除，须填原因）', body: VoidBody, ...one },
      config: { permission: P.manage },
    },
    (req) => service.voidRound(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/api/inspections/:id/actions/:actionId/void',
    {
      schema: {
        tags,
        summary: '作废督察事项（不删除，须填原因）',
        params: ActionRef,
        body: VoidBody,
        response: { 200: RoundView },
      },
      config: { permission: P.manage },
    },
    (req) => service.voidAction(req.ctx, req.params.id, req.params.actionId, req.body.reason),
  );
}
