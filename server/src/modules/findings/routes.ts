import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  AddEvidence,
  CreateFinding,
  FindingId,
  FindingPage,
  FindingQuery,
  FindingView,
  ReopenFinding,
  SetMeasures,
  SubmitRectification,
  VerifyRectification,
  VoidFinding,
} from './contract.js';
import { FindingService, P, todayInShanghai } from './service.js';

export function findingRoutes(app: App, platform: Platform) {
  const service = new FindingService(platform.db);
  const tags = ['findings'];
  const one = { params: FindingId, response: { 200: FindingView } };

  app.get(
    '/api/findings',
    {
      schema: {
        tags,
        summary: '问题整改清单（按整改单位限定在本人权限范围内，按发现日期倒序）',
        querystring: FindingQuery,
        response: { 200: FindingPage },
      },
      config: { permission: P.read },
    },
    (req) => service.list(req.actor, req.query),
  );
  app.get(
    '/api/findings/:id',
    { schema: { tags, summary: '问题详情及办理经过', ...one }, config: { permission: P.read } },
    (req) => service.get(platform.db, req.actor, req.params.id),
  );
  app.post(
    '/api/findings',
    {
      schema: {
        tags,
        summary: '登记问题（人工登记；督察、评查等模块自动生成）',
        body: CreateFinding,
        response: { 200: FindingView },
      },
      config: { permission: P.manage },
    },
    (req) => service.create(req.ctx, req.body),
  );
  app.put(
    '/api/findings/:id/measures',
    {
      schema: { tags, summary: '填写或修改整改措施（整改单位）', body: SetMeasures, ...one },
      config: { permission: P.rectify },
    },
    (req) => service.setMeasures(req.ctx, req.params.id, req.body.measures, req.body.on ?? todayInShanghai()),
  );
  app.post(
    '/api/findings/:id/evidence',
    {
      schema: {
        tags,
        summary: '添加整改佐证材料（先上传附件到 findings.finding 名下）',
        body: AddEvidence,
        ...one,
      },
      config: { permission: P.rectify },
    },
    (req) => service.addEvidence(req.ctx, req.params.id, req.body.fileIds, req.body.on ?? todayInShanghai()),
  );
  app.post(
    '/api/findings/:id/submit',
    {
      schema: { tags, summary: '报送整改情况（整改单位）', body: SubmitRectification, ...one },
      config: { permission: P.rectify },
    },
    (req) => service.submit(req.ctx, req.params.id, req.body.on ?? todayInShanghai(), req.body.note ?? null),
  );
  app.post(
    '/api/findings/:id/verify',
    {
      schema: {
        tags,
        summary: '核查整改：通过销号或退回重新整改（依法治县办）',
        body: VerifyRectification,
        ...one,
      },
      config: { permission: P.manage },
    },
    (req) =>
      service.verify(
        req.ctx,
        req.params.id,
        req.body.outcome,
        req.body.on ?? todayInShanghai(),
        req.body.note ?? null,
      ),
  );
  app.post(
    '/api/findings/:id/reopen',
    {
      schema: { tags, summary: '重新打开已销号问题（须填原因）', body: ReopenFinding, ...one },
      config: { permission: P.manage },
    },
    (req) => service.reopen(req.ctx, req.params.id, req.body.on ?? todayInShanghai(), req.body.reason),
  );
  app.post(
    '/api/findings/:id/void',
    {
      schema: { tags, summary: '作废误登记的问题（不删除，须填原因）', body: VoidFinding, ...one },
      config: { permission: P.manage },
    },
    (req) => service.void(req.ctx, req.params.id, req.body.reason),
  );
}
