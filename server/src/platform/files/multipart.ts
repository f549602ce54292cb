import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, badInput } from '../http/errors.js';
import type { App } from '../manifest.js';
import { tooLarge } from './service.js';

/**
 * Registers @fastify/multipart once for the whole app (files, Excel imports…). Whoever needs uploads
 * calls this from its routes; the second call is a no-op.
 */
export async function ensureMultipart(app: App, maxBytes: number) {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  });
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { filename: string; mimetype: string; bytes: Buffer };
}

/** Reads a multipart request with one file part and a few text fields, in any order. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<ReceivedUpload> {
  if (!req.isMultipart()) throw badInput('body', '请以 multipart/form-data 方式上传文件');
  const fields: Record<string, string> = {};
  let file: ReceivedUpload['file'] | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (file) throw badInput('file', '一次只能上传一个文件');
        file = { filename: part.filename, mimetype: part.mimetype, bytes };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if ((e as { code?: string }).code === 'FST_FILES_LIMIT') throw badInput('file', '一次只能上传一个文件');
    throw e instanceof DomainError ? e : e;
  }
  if (!file) throw badInput('file', '请选择要上传的文件');
  return { fields, file };
}

/**
 * For multipart routes: the body schema documents the form in OpenAPI, but the stream is read and
 * checked by readUpload, so only the body skips the validator; params and query are validated as usual.
 */
export const multipartValidator = <S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult =>
  route.httpPart === 'body'
    ? (value: unknown) => ({ value })
    : validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);

/** The form of an Excel (or other single-file) upload, for the OpenAPI document. */
export const FileForm = z.object({
  file: z.string().meta({ format: 'binary', description: '上传的文件' }),
});
