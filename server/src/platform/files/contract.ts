import { z } from 'zod';

export const FileView = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  /** SM3 digest of the bytes, hex */
  sm3: z.string(),
  ownerEntity: z.string(),
  ownerId: z.string(),
  unitId: z.number().int(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type FileView = z.infer<typeof FileView>;

export const OwnerRef = z.object({
  ownerEntity: z
    .string()
    .trim()
    .regex(/^[a-z][\w.]{1,60}$/, '所属对象类型格式不正确'),
  ownerId: z.string().trim().min(1, '请指明所属记录').max(64),
});
export type OwnerRef = z.infer<typeof OwnerRef>;

export const FileIdParam = z.object({ id: z.uuid('附件编号格式不正确') });
export const DownloadQuery = z.object({ inline: z.enum(['true', 'false']).optional() });
export const VoidFile = z.object({ reason: z.string().trim().min(2, '请填写作废原因').max(200) });

/** The multipart form of an upload, for the OpenAPI document: fields first, then the file. */
export const UploadForm = z.object({
  ownerEntity: OwnerRef.shape.ownerEntity,
  ownerId: OwnerRef.shape.ownerId,
  file: z.string().meta({ format: 'binary', description: '附件（按文件内容判断类型，扩展名须一致）' }),
});
