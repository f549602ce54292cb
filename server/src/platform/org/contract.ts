import { z } from 'zod';
import { unitKinds } from './schema.js';

export const UnitKind = z.enum(unitKinds);
export const unitKindLabels: Record<(typeof unitKinds)[number], string> = {
  government: '人民政府',
  lawOffice: '依法治县（市）办',
  department: '县直部门',
  township: '乡镇',
  court: '人民法院',
  procuratorate: '人民检察院',
  lawFirm: '律师事务所',
  mediationCommittee: '人民调解委员会',
  other: '其他',
};

export const Division = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  path: z.string(),
});

export const Unit = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: UnitKind,
  divisionCode: z.string(),
  divisionName: z.string(),
  parentId: z.number().int().nullable(),
  path: z.string(),
  creditCode: z.string().nullable(),
  sort: z.number().int(),
  active: z.boolean(),
  voidedReason: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

const creditCode = z
  .string()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位');

export const CreateUnit = z.object({
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(60),
  shortName: z.string().trim().max(20).nullish(),
  kind: UnitKind,
  parentId: z.number().int().positive(),
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字')
    .optional(),
  creditCode: creditCode.nullish(),
  sort: z.number().int().min(0).max(100000).default(0),
});
export type CreateUnit = z.infer<typeof CreateUnit>;

export const UpdateUnit = CreateUnit.partial();
export type UpdateUnit = z.infer<typeof UpdateUnit>;

export const VoidBody = z.object({ reason: z.string().trim().min(2, '请填写停用原因').max(200) });

export const UnitQuery = z.object({
  q: z.string().trim().max(60).optional(),
  kind: UnitKind.optional(),
  parentId: z.coerce.number().int().positive().optional(),
  divisionCode: z.string().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const IdParam = z.object({ id: z.coerce.number().int().positive() });
export const UuidParam = z.object({ id: z.uuid('编号格式不正确') });

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** masked (139****5678) unless the reader holds org.user.personal */
  phone: z.string().nullable(),
  /** work email, where notifications are mailed */
  email: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  active: z.boolean(),
  roles: z.array(z.object({ code: z.string(), unitId: z.number().int(), subtree: z.boolean() })),
});
export type UserView = z.infer<typeof UserView>;

export const UserQuery = Page.extend({
  q: z.string().trim().max(60).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  sort: z
    .enum(['username', '-username', 'displayName', '-displayName', 'lastLoginAt', '-lastLoginAt'])
    .default('username'),
  includeInactive: z.enum(['true', 'false']).optional(),
});

const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位');

const email = z.email('邮箱地址格式不正确').max(254).describe('工作邮箱，用于接收消息提醒');

export const CreateUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3–32 位字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请填写姓名').max(40),
  unitId: z.number().int().positive(),
  phone: phone.nullish(),
  email: email.nullish(),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  unitId: z.number().int().positive().optional(),
  phone: phone.nullish(),
  email: email.nullish(),
});
export type UpdateUser = z.infer<typeof UpdateUser>;

export const CreatedUser = z.object({ user: UserView, initialPassword: z.string() });

export const Paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
