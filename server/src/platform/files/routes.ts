import { z } from 'zod';
import { DomainError } from '../http/errors.js';
import { SESSION } from '../http/plugin.js';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { DownloadQuery, FileIdParam, FileView, OwnerRef, UploadForm, VoidFile } from './contract.js';
import { ensureMultipart, multipartValidator, readUpload } from './multipart.js';
import { contentDisposition } from './service.js';

/** Kinds a browser may show in place; everything else is always a download. */
const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/*
 * Permission: every route must declare one in config.permission, but which permission a file needs
 * depends on the record that owns it (a unit's establishment document needs org.unit.read, a case's
 * evidence the case permission…), which the route cannot know. So these routes declare SESSION (any
 * signed-in user may call them) and FilesService checks the owner's read/write permission over the
 * owner's unit on every call: an owner outside the actor's scope is 404, a read-only owner 403.
 */
export async function filesRoutes(app: App, platform: Platform) {
  const files = platform.files;
  const tags = ['files'];
  await ensureMultipart(app, files.maxBytes);

  app.post(
    '/api/files',
    {
      schema: {
        tags,
        summary: '上传附件（multipart：ownerEntity、ownerId、file；按内容判断类型）',
        consumes: ['multipart/form-data'],
        // Documentation only: the multipart body is read by readUpload, not by the validator.
        body: UploadForm,
        response: { 200: FileView },
      },
      config: { permission: SESSION },
      // The body schema above is for the OpenAPI document; the multipart stream is checked by readUpload.
      validatorCompiler: multipartValidator,
    },
    async (req) => {
      const { fields, file } = await readUpload(req, files.maxBytes);
      const ref = OwnerRef.safeParse(fields);
      if (!ref.success) {
        const errors = ref.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
        throw badRequest(errors);
      }
      return files.upload(req.ctx, ref.data, { name: file.filename, bytes: file.bytes });
    },
  );

  app.get(
    '/api/files',
    {
      schema: {
        tags,
        summary: '某条记录的附件',
        querystring: OwnerRef,
        response: { 200: z.array(FileView) },
      },
      config: { permission: SESSION },
    },
    (req) => files.list(req.actor, req.query),
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags,
        summary: '下载附件',
        params: FileIdParam,
        querystring: DownloadQuery,
        produces: ['application/octet-stream'],
      },
      config: { permission: SESSION },
    },
    async (req, reply) => {
      const { file, stream } = await files.open(req.ctx, req.params.id);
      const inline = req.query.inline === 'true' && INLINE.has(file.mime);
      return reply
        .header('content-type', file.mime)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.name, inline))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.post(
    '/api/files/:id/void',
    {
      schema: { tags, summary: '作废附件', params: FileIdParam, body: VoidFile, response: { 200: FileView } },
      config: { permission: SESSION },
    },
    (req) => files.void(req.ctx, req.params.id, req.body.reason),
  );
}

function badRequest(errors: { field: string; message: string }[]) {
  return new DomainError(
    400,
    'INVALID_INPUT',
    `输入有误：${errors.map((e) => `${e.field}（${e.message}）`).join('；')}`,
    {
      errors,
    },
  );
}
