import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ensureMultipart, multipartValidator } from '../files/multipart.js';
import { DomainError, badInput, notFound } from '../http/errors.js';
import { PUBLIC } from '../http/plugin.js';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { MAX_FILES, type ReceivedFile } from './attachments.js';
import {
  ChallengeView,
  GovernmentView,
  KindView,
  LookupInput,
  LookupView,
  ReceiptView,
  SolutionInput,
  SubmissionDetail,
  SubmissionId,
  SubmissionItem,
  SubmissionQuery,
  TownshipView,
} from './contract.js';
import { governments, townships } from './places.js';
import type { IntakeService, RawSubmission } from './service.js';

const tags = ['portal'];
/** Per visitor address; a citizen fixing a form resubmits a few times, a script is stopped. */
export const SUBMIT_RATE = { max: 20, timeWindow: '1 minute' };
export const CHALLENGE_RATE = { max: 30, timeWindow: '1 minute' };
export const LOOKUP_RATE = { max: 20, timeWindow: '1 minute' };

export function intakePortalRoutes(app: App, platform: Platform, intake: IntakeService) {
  app.get(
    '/api/public/intake/kinds',
    {
      schema: { tags, summary: '门户可提交的事项（由各模块登记）', response: { 200: z.array(KindView) } },
      config: { permission: PUBLIC },
    },
    () => intake.kinds(),
  );

  app.get(
    '/api/public/intake/townships',
    {
      schema: { tags, summary: '乡镇（表单中的“所在乡镇”）', response: { 200: z.array(TownshipView) } },
      config: { permission: PUBLIC },
    },
    () => townships(platform.db),
  );

  app.get(
    '/api/public/intake/governments',
    {
      schema: {
        tags,
        summary: '人民政府（申请可以向其提出的机关，县级在前）',
        response: { 200: z.array(GovernmentView) },
      },
      config: { permission: PUBLIC },
    },
    () => governments(platform.db),
  );

  app.get(
    '/api/public/intake/challenge',
    {
      schema: {
        tags,
        summary: '取得一次性验证题（工作量证明，无需第三方服务）',
        response: { 200: ChallengeView },
      },
      config: { permission: PUBLIC, rateLimit: CHALLENGE_RATE },
    },
    (_req, reply) => {
      void reply.header('cache-control', 'no-store');
      return intake.challenges.issue();
    },
  );

  // POST rather than GET: the phone number stays out of addresses, proxies' logs and history.
  app.post(
    '/api/public/intake/lookup',
    {
      schema: {
        tags,
        summary: '凭查询码和手机号码查询办理进度',
        body: LookupInput,
        response: { 200: LookupView },
      },
      config: { permission: PUBLIC, rateLimit: LOOKUP_RATE },
    },
    (req) => intake.lookup(req.ip, req.body.code, req.body.factor),
  );

  // One route per kind, so the OpenAPI document (and the web's generated types) carry each kind's form.
  for (const { handler } of intake.handlers.values())
    app.post(
      `/api/public/intake/${handler.kind}`,
      {
        schema: {
          tags,
          summary: `提交：${handler.label}`,
          description:
            '先取得验证题并求解。无附件时以 JSON 提交；有附件时以 multipart/form-data 提交：' +
            `字段 payload 与 challenge 为 JSON 文本，files 为附件（至多 ${MAX_FILES} 个）。` +
            '提交先行保存，随后登记；回执含查询码。',
          body: z.object({ payload: handler.schema, challenge: SolutionInput }),
          response: { 200: ReceiptView },
        },
        config: { permission: PUBLIC, rateLimit: SUBMIT_RATE },
        // Checked by the service (JSON and multipart alike), so errors name payload.<field>.
        validatorCompiler: multipartValidator,
      },
      async (req) => {
        const { raw, files } = await readSubmission(req, intake.maxFileBytes);
        return intake.receive(req.ip, handler.kind, raw, files);
      },
    );

  app.post(
    '/api/public/intake/:kind',
    {
      schema: { hide: true, params: z.object({ kind: z.string() }) },
      config: { permission: PUBLIC, rateLimit: SUBMIT_RATE },
      validatorCompiler: multipartValidator,
    },
    (req) => {
      throw notFound('门户提交类型', req.params.kind);
    },
  );
}

export async function intakeStaffRoutes(app: App, platform: Platform, intake: IntakeService) {
  const staffTags = ['intake'];
  app.get(
    '/api/intake/submissions',
    {
      schema: {
        tags: staffTags,
        summary: '门户提交（默认：尚未登记的，含处理失败的）',
        querystring: SubmissionQuery,
        response: { 200: z.array(SubmissionItem) },
      },
      config: { permission: 'intake.submission.read' },
    },
    (req) => intake.list(req.actor, req.query),
  );
  app.get(
    '/api/intake/submissions/:id',
    {
      schema: {
        tags: staffTags,
        summary: '门户提交原文（含个人信息，查看留痕）',
        params: SubmissionId,
        response: { 200: SubmissionDetail },
      },
      config: { permission: 'intake.submission.read' },
    },
    (req) => intake.detail(req.ctx, req.params.id),
  );
  app.post(
    '/api/intake/submissions/:id/retry',
    {
      schema: {
        tags: staffTags,
        summary: '重新登记一件未登记的门户提交',
        params: SubmissionId,
        response: { 200: SubmissionItem },
      },
      config: { permission: 'intake.submission.retry' },
    },
    (req) => intake.retry(req.ctx, req.params.id),
  );
  await ensureMultipart(app, platform.files.maxBytes);
}

const Envelope = z.object({ payload: z.unknown(), challenge: SolutionInput });

/** The envelope and attachments of a submission, from JSON or from multipart/form-data. */
async function readSubmission(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ raw: RawSubmission; files: ReceivedFile[] }> {
  let body: unknown = req.body;
  const files: ReceivedFile[] = [];
  if (req.isMultipart()) {
    const fields: Record<string, unknown> = {};
    try {
      for await (const part of req.parts({
        limits: {
          files: MAX_FILES,
          fileSize: maxBytes,
          fields: 4,
          fieldSize: 128 * 1024,
          parts: MAX_FILES + 4,
        },
      })) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.file.truncated) throw tooLargeAt(files.length, maxBytes);
          files.push({ filename: part.filename, bytes });
        } else if (part.fieldname === 'payload' || part.fieldname === 'challenge') {
          fields[part.fieldname] = parseJsonField(part.fieldname, part.value);
        }
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargeAt(files.length, maxBytes);
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
        throw badInput(`files.${MAX_FILES}`, `最多上传 ${MAX_FILES} 个附件`);
      if (code === 'FST_FIELDS_LIMIT' || code === 'FST_FIELD_SIZE_LIMIT')
        throw new DomainError(413, 'TOO_LARGE', '填写的内容过长');
      throw e;
    }
    body = fields;
  }
  const env = Envelope.safeParse(body ?? {});
  if (!env.success || env.data.payload === undefined) {
    const missing = env.success ? [{ field: 'payload', message: '缺少填写内容' }] : fieldsOf(env.error);
    throw new DomainError(
      400,
      'INVALID_INPUT',
      `输入有误：${missing.map((e) => `${e.field}（${e.message}）`).join('；')}`,
      { errors: missing },
    );
  }
  return { raw: { payload: env.data.payload, challenge: env.data.challenge }, files };
}

function fieldsOf(error: z.ZodError) {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message }));
}

function parseJsonField(name: string, value: unknown): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    throw badInput(name, `${name} 应为 JSON 文本`);
  }
}

function tooLargeAt(index: number, maxBytes: number) {
  const detail = `第 ${index + 1} 个附件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限`;
  return new DomainError(413, 'FILE_TOO_LARGE', detail, {
    errors: [{ field: `files.${index}`, message: detail }],
    maxBytes,
  });
}
