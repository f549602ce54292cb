import path from 'node:path';
import type { Db } from '../../db/database.js';
import { files } from '../files/schema.js';
import { cleanName, tooLarge } from '../files/service.js';
import type { BlobStore } from '../files/store.js';
import { allowedExtensions, describeRefused, detectKind, type FileKind } from '../files/types.js';
import { DomainError } from '../http/errors.js';
import { sm3 } from '../privacy/sm3.js';

/** How many attachments one portal submission may carry. */
export const MAX_FILES = 5;
/** A citizen's scan or photo; the staff-side limit (FAZHI_UPLOAD_MAX_MB) applies when it is lower. */
export const MAX_PORTAL_FILE_BYTES = 10 * 1024 * 1024;

export interface ReceivedFile {
  filename: string;
  bytes: Buffer;
}

export interface CheckedFile {
  name: string;
  bytes: Buffer;
  kind: FileKind;
  digest: string;
}

const fileError = (index: number, status: number, code: string, detail: string) =>
  new DomainError(status, code, detail, {
    errors: [{ field: `files.${index}`, message: detail }],
    allowed: allowedExtensions,
  });

/**
 * The same checks the files service makes for staff uploads (name, extension, size, kind by the
 * bytes), naming the attachment by its position so the form can point at it.
 */
export function checkFiles(received: readonly ReceivedFile[], maxBytes: number): CheckedFile[] {
  if (received.length > MAX_FILES)
    throw fileError(MAX_FILES, 400, 'INVALID_INPUT', `最多上传 ${MAX_FILES} 个附件`);
  return received.map((f, i) => {
    const name = cleanName(f.filename);
    const ext = path.extname(name).slice(1).toLowerCase();
    const label = `第 ${i + 1} 个附件（${name}）`;
    if (!ext || !allowedExtensions.includes(ext))
      throw fileError(
        i,
        415,
        'UNSUPPORTED_FILE_TYPE',
        `${label}的类型不支持，只接受 ${allowedExtensions.map((e) => `.${e}`).join('、')}`,
      );
    if (f.bytes.length === 0) throw fileError(i, 400, 'INVALID_INPUT', `${label}是空文件`);
    if (f.bytes.length > maxBytes) {
      const e = tooLarge(maxBytes);
      throw fileError(i, 413, e.code, `${label}：${e.detail}`);
    }
    const kind = detectKind(f.bytes, ext);
    if (!kind) {
      const what = describeRefused(f.bytes);
      throw fileError(
        i,
        415,
        'UNSUPPORTED_FILE_TYPE',
        `${label}的内容${what ? `是${what}` : '不是允许的类型'}，不能作为附件`,
      );
    }
    if (!kind.extensions.includes(ext))
      throw fileError(
        i,
        415,
        'FILE_TYPE_MISMATCH',
        `${label}的扩展名 .${ext} 与实际内容（${kind.label}）不符，请改为 .${kind.extensions[0]}`,
      );
    return { name, bytes: f.bytes, kind, digest: sm3(f.bytes) };
  });
}

/** Bytes first (content-addressed, idempotent), so the rows written next never point at nothing. */
export async function storeBlobs(store: BlobStore, checked: readonly CheckedFile[]) {
  for (const f of checked) await store.put(f.digest, f.bytes);
}

/** The attachments' rows, owned by the submission, inside the submission's own transaction. */
export async function insertFileRows(
  db: Db,
  submissionId: string,
  unitId: number,
  checked: readonly CheckedFile[],
): Promise<string[]> {
  if (checked.length === 0) return [];
  const rows = await db
    .insert(files)
    .values(
      checked.map((f) => ({
        sm3: f.digest,
        size: f.bytes.length,
        mime: f.kind.mime,
        name: f.name,
        ownerEntity: SUBMISSION_ENTITY,
        ownerId: submissionId,
        unitId,
      })),
    )
    .returning({ id: files.id });
  return rows.map((r) => r.id);
}

export const SUBMISSION_ENTITY = 'intake.submission';
