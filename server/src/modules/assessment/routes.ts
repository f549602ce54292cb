import { z } from 'zod';
import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  CreateRound,
  CreateSystem,
  IdParam,
  MetaView,
  Publish,
  RoundQuery,
  RoundUnitParam,
  RoundView,
  ScoreItems,
  SelfEvaluate,
  SheetView,
  SystemView,
} from './contract.js';
import { indicatorImportRoutes } from './import.js';
import { methodCodes, methods } from './kinds.js';
import { AssessmentService, P } from './service.js';

const SystemSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  unitName: z.string(),
});
const RoundSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  published: z.boolean(),
  publishedOn: z.string().nullable(),
  unitName: z.string(),
});

export async function assessmentRoutes(app: App, platform: Platform) {
  const service = new AssessmentService(platform.db);
  const tags = ['assessment'];
  const base = '/api/assessment';

  app.get(
    `${base}/meta`,
    {
      schema: {
        tags,
        summary: '考核方式（现场检查、听取汇报、查阅资料、随机询问）',
        response: { 200: MetaView },
      },
      config: { permission: P.read },
    },
    () => ({ methods: methodCodes.map((code) => ({ code, label: methods[code] })) }),
  );
  app.get(
    `${base}/systems`,
    {
      schema: { tags, summary: '考核指标体系', response: { 200: z.array(SystemSummary) } },
      config: { permission: P.read },
    },
    (req) => service.listSystems(req.actor),
  );
  app.post(
    `${base}/systems`,
    {
      schema: {
        tags,
        summary: '新建考核指标体系（可同时录入指标）',
        body: CreateSystem,
        response: { 200: SystemView },
      },
      config: { permission: P.manage },
    },
    (req) => service.createSystem(req.ctx, req.body),
  );
  app.get(
    `${base}/systems/:id`,
    {
      schema: {
        tags,
        summary: '考核指标体系详情（指标树，按编码排序）',
        params: IdParam,
        response: { 200: SystemView },
      },
      config: { permission: P.read },
    },
    (req) => service.getSystem(platform.db, req.actor, req.params.id),
  );
  app.get(
    `${base}/rounds`,
    {
      schema: {
        tags,
        summary: '考核（本人可见的）',
        querystring: RoundQuery,
        response: { 200: z.array(RoundSummary) },
      },
      config: { permission: P.read },
    },
    (req) => service.listRounds(req.actor, req.query.year),
  );
  app.post(
    `${base}/rounds`,
    {
      schema: {
        tags,
        summary: '发起考核（默认考核本地区全部乡镇）',
        body: CreateRound,
        response: { 200: RoundView },
      },
      config: { permission: P.manage },
    },
    (req) => service.createRound(req.ctx, req.body),
  );
  app.get(
    `${base}/rounds/:id`,
    {
      schema: {
        tags,
        summary: '考核详情与总分排名（组织单位随时可见；其他单位发布后只见本单位）',
        params: IdParam,
        response: { 200: RoundView },
      },
      config: { permission: P.read },
    },
    (req) => service.getRound(platform.db, req.actor, req.params.id),
  );
  app.get(
    `${base}/rounds/:id/units/:unitId`,
    {
      schema: {
        tags,
        summary: '被考核单位逐项自评与评分（评分发布后对本单位可见）',
        params: RoundUnitParam,
        response: { 200: SheetView },
      },
      config: { permission: P.read },
    },
    (req) => service.sheet(platform.db, req.actor, req.params.id, req.params.unitId),
  );
  app.put(
    `${base}/rounds/:id/units/:unitId/self`,
    {
      schema: {
        tags,
        summary: '乡镇自评（逐项自评分、说明、佐证材料）',
        params: RoundUnitParam,
        body: SelfEvaluate,
        response: { 200: SheetView },
      },
      config: { permission: P.selfEvaluate },
    },
    (req) => service.selfEvaluate(req.ctx, req.params.id, req.params.unitId, req.body),
  );
  app.put(
    `${base}/rounds/:id/units/:unitId/scores`,
    {
      schema: {
        tags,
        summary: '考核组评分（逐项得分、考核方式、扣分理由，可生成整改问题）',
        params: RoundUnitParam,
        body: ScoreItems,
        response: { 200: SheetView },
      },
      config: { permission: P.manage },
    },
    (req) => service.score(req.ctx, req.params.id, req.params.unitId, req.body),
  );
  app.post(
    `${base}/rounds/:id/publish`,
    {
      schema: {
        tags,
        summary: '发布考核结果（须全部评分）',
        params: IdParam,
        body: Publish,
        response: { 200: RoundView },
      },
      config: { permission: P.manage },
    },
    (req) => service.publish(req.ctx, req.params.id, req.body.publishedOn),
  );
  await indicatorImportRoutes(app, platform, service);
}
