import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  ActivityId,
  ActivityPage,
  ActivityQuery,
  ActivityView,
  CreateActivity,
  KindsView,
  UpdateActivity,
  VoidActivity,
} from './contract.js';
import {
  activityKinds,
  activityKindCodes,
  categories,
  languageLabels,
  languages,
  materialKindCodes,
  materialKinds,
  type KindDef,
} from './kinds.js';
import { activityImportRoutes } from './import.js';
import { ActivityService, P } from './service.js';

export async function activityRoutes(app: App, platform: Platform) {
  const service = new ActivityService(platform.db);
  const tags = ['activities'];

  app.get(
    '/api/activities/kinds',
    {
      schema: { tags, summary: '台账类别、各类别登记的指标、资料种类', response: { 200: KindsView } },
      config: { permission: P.read },
    },
    () => ({
      categories: Object.entries(categories).map(([code, label]) => ({
        code: code as keyof typeof categories,
        label,
      })),
      kinds: activityKindCodes.map((code) => {
        const d: KindDef = activityKinds[code];
        return {
          code,
          label: d.label,
          category: d.category,
          campaign: d.campaign ?? false,
          quantityUnit: d.quantityUnit ?? null,
          metrics: d.metrics as Record<string, 'required' | 'optional'>,
        };
      }),
      materials: materialKindCodes.map((code) => ({ code, ...materialKinds[code] })),
      languages: languages.map((code) => ({ code, label: languageLabels[code] })),
    }),
  );
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: '工作台账（本人权限范围内，按日期倒序）',
        querystring: ActivityQuery,
        response: { 200: ActivityPage },
      },
      config: { permission: P.read },
    },
    (req) => service.list(req.actor, req.query),
  );
  app.get(
    '/api/activities/:id',
    {
      schema: { tags, summary: '台账记录详情', params: ActivityId, response: { 200: ActivityView } },
      config: { permission: P.read },
    },
    (req) => service.get(platform.db, req.actor, req.params.id),
  );
  app.post(
    '/api/activities',
    {
      schema: { tags, summary: '登记活动', body: CreateActivity, response: { 200: ActivityView } },
      config: { permission: P.manage },
    },
    (req) => service.create(req.ctx, req.body),
  );
  app.put(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: '更正台账记录（整条替换，留痕）',
        params: ActivityId,
        body: UpdateActivity,
        response: { 200: ActivityView },
      },
      config: { permission: P.manage },
    },
    (req) => service.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/activities/:id/void',
    {
      schema: {
        tags,
        summary: '作废台账记录（不删除，须填原因）',
        params: ActivityId,
        body: VoidActivity,
        response: { 200: ActivityView },
      },
      config: { permission: P.manage },
    },
    (req) => service.void(req.ctx, req.params.id, req.body.reason),
  );
  await activityImportRoutes(app, platform, service);
}
