import path from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import type { Actor } from '../access/actor.js';
import { DomainError, badInput, notFound } from '../http/errors.js';
import type { FileOwner, ModuleManifest } from '../manifest.js';
import { sm3 } from '../privacy/sm3.js';
import type { FileView, OwnerRef } from './contract.js';
import { files } from './schema.js';
import { BlobStore } from './store.js';
import { allowedExtensions, describeRefused, detectKind, type FileKind } from './types.js';

type FileRow = typeof files.$inferSelect;

export interface Upload {
  /** the name the uploader gave, kept for download */
  name: string;
  bytes: Buffer;
}

/**
 * Attachments of any module's records. The files service knows no business: whether someone may see
 * or attach a file is decided by the record that owns it, through the FileOwner its module declares
 * (`fileOwners` in the manifest): the owner names the permission and the unit the record belongs to,
 * and the actor must hold that permission with that unit in scope.
 */
export class FilesService {
  readonly owners: ReadonlyMap<string, FileOwner>;

  constructor(
    private readonly db: Db,
    readonly store: BlobStore,
    readonly maxBytes: number,
    private readonly modules: readonly ModuleManifest[],
  ) {
    const owners = new Map<string, FileOwner>();
    for (const m of modules)
      for (const [entity, owner] of Object.entries(m.fileOwners ?? {})) {
        if (owners.has(entity)) throw new Error(`附件所属对象 ${entity} 被重复注册（${m.name}）`);
        owners.set(entity, owner);
      }
    this.owners = owners;
  }

  /**
   * The owning record's unit, if `actor` may read (and, for 'write', attach to) it. A record the actor
   * may not read is reported as missing (404), so its existence is not disclosed; one they may read but
   * not attach to is 403.
   */
  private async authorize(db: Db, actor: Actor, ref: OwnerRef, mode: 'read' | 'write') {
    const owner = this.owners.get(ref.ownerEntity);
    if (!owner) throw badInput('ownerEntity', `未知的附件所属对象类型：${ref.ownerEntity}`);
    const unitPath = await owner.unitPathOf(db, ref.ownerId);
    const kindPermission = unitPath && (await owner.kindPermissionOf?.(db, ref.ownerId, this.modules));
    if (
      !unitPath ||
      !actor.covers(owner.readPermission, unitPath) ||
      (kindPermission && !actor.covers(kindPermission, unitPath))
    )
      throw notFound('附件所属记录', `${ref.ownerEntity}:${ref.ownerId}`);
    if (mode === 'write' && !actor.covers(owner.writePermission, unitPath))
      throw new DomainError(403, 'FORBIDDEN', '没有给该记录添加附件的权限', {
        permission: owner.writePermission,
      });
    const unitId = Number(unitPath.split('/').filter(Boolean).at(-1));
    return { unitPath, unitId };
  }

  /** Checks the bytes, stores them by digest (once), and records the attachment in one audited transaction. */
  async upload(ctx: RequestContext, ref: OwnerRef, upload: Upload): Promise<FileView> {
    const name = cleanName(upload.name);
    const ext = path.extname(name).slice(1).toLowerCase();
    if (!ext || !allowedExtensions.includes(ext))
      throw new DomainError(415, 'UNSUPPORTED_FILE_TYPE', unsupportedDetail(ext), {
        allowed: allowedExtensions,
      });
    if (upload.bytes.length === 0) throw badInput('file', '文件是空的');
    if (upload.bytes.length > this.maxBytes) throw tooLarge(this.maxBytes);
    // Authorise before touching the disk: a refused request leaves nothing behind.
    await this.authorize(this.db, ctx.actor, ref, 'write');
    const kind = checkKind(upload.bytes, ext);
    const digest = sm3(upload.bytes);
    await this.store.put(digest, upload.bytes);
    return inTx(this.db, ctx, async (t) => {
      const { unitId } = await this.authorize(t.db, ctx.actor, ref, 'write');
      const [row] = await t.db
        .insert(files)
        .values({
          sm3: digest,
          size: upload.bytes.length,
          mime: kind.mime,
          name,
          ownerEntity: ref.ownerEntity,
          ownerId: ref.ownerId,
          unitId,
          uploadedBy: ctx.actor.id,
        })
        .returning();
      t.audit({
        action: 'files.upload',
        entity: 'file',
        entityId: row!.id,
        diff: {
          name,
          size: row!.size,
          mime: kind.mime,
          sm3: digest,
          ownerEntity: ref.ownerEntity,
          ownerId: ref.ownerId,
        },
      });
      return present(row!);
    });
  }

  async list(actor: Actor, ref: OwnerRef): Promise<FileView[]> {
    await this.authorize(this.db, actor, ref, 'read');
    const rows = await this.db
      .select()
      .from(files)
      .where(
        and(
          eq(files.ownerEntity, ref.ownerEntity),
          eq(files.ownerId, ref.ownerId),
          isNull(files.voidedReason),
        ),
      )
      .orderBy(asc(files.createdAt));
    return rows.map(present);
  }

  private async row(actor: Actor, id: string, mode: 'read' | 'write'): Promise<FileRow> {
    const [row] = await this.db.select().from(files).where(eq(files.id, id));
    if (!row || row.voidedReason) throw notFound('附件', id);
    await this.authorize(this.db, actor, row, mode).catch((e: unknown) => {
      // Whatever hides the owner hides its files too.
      throw e instanceof DomainError && e.status === 404 ? notFound('附件', id) : e;
    });
    return row;
  }

  /**
   * A file and its bytes, for a reader of the owning record. Attachments often carry personal data
   * (applications, ID copies), so every download is audited like a read of personal data.
   */
  async open(ctx: RequestContext, id: string) {
    const row = await this.row(ctx.actor, id, 'read');
    if (!this.store.has(row.sm3))
      throw new DomainError(500, 'FILE_MISSING', '附件内容在存储中缺失，请联系管理员', { id });
    await inTx(this.db, ctx, async (t) =>
      t.audit({ action: 'files.download', entity: 'file', entityId: id }),
    );
    return { file: present(row), stream: this.store.open(row.sm3) };
  }

  /** Attachments are not deleted: voiding hides one, the audit keeps who and why. */
  async void(ctx: RequestContext, id: string, reason: string): Promise<FileView> {
    const row = await this.row(ctx.actor, id, 'write');
    return inTx(this.db, ctx, async (t) => {
      const [after] = await t.db
        .update(files)
        .set({ voidedReason: reason })
        .where(eq(files.id, id))
        .returning();
      t.audit({ action: 'files.void', entity: 'file', entityId: id, diff: { name: row.name, reason } });
      return present(after!);
    });
  }
}

function present(r: FileRow): FileView {
  return {
    id: r.id,
    name: r.name,
    size: r.size,
    mime: r.mime,
    sm3: r.sm3,
    ownerEntity: r.ownerEntity,
    ownerId: r.ownerId,
    unitId: r.unitId,
    uploadedBy: r.uploadedBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export const tooLarge = (max: number) =>
  new DomainError(413, 'FILE_TOO_LARGE', `文件超过 ${formatBytes(max)} 的上限`, { maxBytes: max });

function formatBytes(n: number) {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

const unsupportedDetail = (ext: string) =>
  `不支持${ext ? ` .${ext} ` : '无扩展名的'}文件，只接受 ${allowedExtensions.map((e) => `.${e}`).join('、')}`;

/** The kind of `bytes`, which must be allowed and agree with the extension the name claims. */
function checkKind(bytes: Buffer, ext: string): FileKind {
  const kind = detectKind(bytes, ext);
  if (!kind) {
    const what = describeRefused(bytes);
    throw new DomainError(
      415,
      'UNSUPPORTED_FILE_TYPE',
      `文件内容${what ? `是${what}` : '不是允许的类型'}，不能作为附件上传（扩展名 .${ext} 与内容不符）`,
      { allowed: allowedExtensions },
    );
  }
  if (!kind.extensions.includes(ext))
    throw new DomainError(
      415,
      'FILE_TYPE_MISMATCH',
      `文件扩展名 .${ext} 与实际内容（${kind.label}）不符，请确认文件后改为 .${kind.extensions[0]}`,
      { detected: kind.key },
    );
  return kind;
}

/** The last path segment, without control characters, at most 200 characters (the extension kept). */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base || base === '.' || base === '..') throw badInput('file', '文件名不能为空');
  if (base.length <= 200) return base;
  const ext = path.extname(base);
  return base.slice(0, 200 - ext.length) + ext;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / RFC 5987), an ASCII fallback for old clients. */
export function contentDisposition(name: string, inline = false): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
