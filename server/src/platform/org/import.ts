import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Tx } from '../../db/tx.js';
import type { Actor } from '../access/actor.js';
import { roleGrants, roles } from '../access/schema.js';
import { generateInitialPassword, hashPassword } from '../auth/password.js';
import { DryRunQuery, ImportReportView, RowProblem, runImport } from '../excel/importer.js';
import { buildTemplate, defineSheet } from '../excel/sheet.js';
import { FileForm, ensureMultipart, multipartValidator, readUpload } from '../files/multipart.js';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { CreateUnit, CreateUser, UnitKind, unitKindLabels } from './contract.js';
import { orgUnits } from './schema.js';
import { P, type OrgService } from './service.js';

const kindByLabel = new Map<string, z.infer<typeof UnitKind>>(
  Object.entries(unitKindLabels).map(([k, label]) => [label, k as z.infer<typeof UnitKind>]),
);
const kindLabels = Object.values(unitKindLabels);

const optionalText = (max: number) => z.string().max(max, `不能超过 ${max} 个字`);

export const unitSheet = defineSheet({
  name: '单位',
  columns: [
    {
      key: 'name',
      header: '单位名称',
      required: true,
      schema: CreateUnit.shape.name,
      note: '单位全称，同一上级单位下不能重名',
      example: '索县自然资源局',
      width: 34,
    },
    { key: 'shortName', header: '简称', schema: optionalText(20), example: '县自然资源局' },
    {
      key: 'kind',
      header: '单位类型',
      required: true,
      choices: kindLabels,
      schema: z.string().transform((v, c) => {
        const k =
          kindByLabel.get(v) ?? (UnitKind.safeParse(v).success ? (v as z.infer<typeof UnitKind>) : null);
        if (!k) {
          c.addIssue({ code: 'custom', message: `单位类型“${v}”不正确，应为：${kindLabels.join('、')}` });
          return z.NEVER;
        }
        return k;
      }),
      example: '县直部门',
    },
    {
      key: 'parent',
      header: '上级单位',
      required: true,
      schema: z.string().max(60),
      note: '上级单位全称：已有单位，或本表中排在前面的单位',
      example: '索县人民政府',
      width: 34,
    },
    {
      key: 'divisionCode',
      header: '行政区划代码',
      schema: z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字'),
      note: '不填则与上级单位相同',
      example: '540626',
    },
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      schema: z
        .string()
        .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位'),
      width: 24,
    },
    {
      key: 'sort',
      header: '排序',
      schema: z.coerce.number({ message: '排序应为整数' }).int('排序应为整数').min(0).max(100000),
      example: '10',
    },
  ],
});

export const userSheet = defineSheet({
  name: '用户',
  columns: [
    {
      key: 'username',
      header: '用户名',
      required: true,
      schema: CreateUser.shape.username,
      note: '登录名，字母开头，3–32 位字母、数字或 _ . -',
      example: 'zhangsan',
    },
    {
      key: 'displayName',
      header: '姓名',
      required: true,
      schema: CreateUser.shape.displayName,
      example: '张三',
    },
    {
      key: 'unit',
      header: '所属单位',
      required: true,
      schema: z.string().max(60),
      note: '单位全称',
      example: '索县司法局',
      width: 34,
    },
    {
      key: 'phone',
      header: '手机号码',
      schema: z.string().regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位'),
      example: '13908960000',
    },
    {
      key: 'role',
      header: '角色',
      schema: z.string().max(40),
      note: '选填：角色名称或代码；授予角色须有授权管理权限（三员分立：由安全管理员办理）',
      example: '县直部门联络员',
    },
    {
      key: 'subtree',
      header: '含下级单位',
      choices: ['是', '否'],
      schema: z.enum(['是', '否'], { message: '应填“是”或“否”' }).transform((v) => v === '是'),
      note: '角色的权限范围是否包括所属单位的下级单位，默认“否”',
    },
  ],
});

const CreatedUnit = z.object({ row: z.number().int(), id: z.number().int(), name: z.string() });
const ImportedUser = z.object({
  row: z.number().int(),
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitName: z.string(),
  role: z.string().nullable(),
  /** shown once: the user must change it at first login */
  initialPassword: z.string(),
});

/**
 * A unit named in a file: by its full name, among active units. Names are unique under one parent, not
 * across the tree, so a name that matches several units in scope is a row error, not a guess.
 */
async function unitByName(db: Db, actor: Actor, permission: string, name: string, column: string) {
  const all = await db
    .select({ id: orgUnits.id, path: orgUnits.path, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.name, name), eq(orgUnits.active, true)));
  if (!all.length) throw new RowProblem(`单位“${name}”不存在（请填写单位全称）`, column);
  const mine = all.filter((u) => actor.covers(permission, u.path));
  if (!mine.length) throw new RowProblem(`单位“${name}”不在您的管理范围内`, column);
  if (mine.length > 1)
    throw new RowProblem(`有 ${mine.length} 个名为“${name}”的单位，无法确定是哪一个`, column);
  return mine[0]!;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) =>
  `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function orgImportRoutes(app: App, platform: Platform, org: OrgService) {
  await ensureMultipart(app, platform.files.maxBytes);
  const tags = ['org'];
  const maxBytes = platform.files.maxBytes;
  const importSchema = (summary: string, created: z.ZodType) => ({
    tags,
    summary,
    querystring: DryRunQuery,
    consumes: ['multipart/form-data'],
    body: FileForm,
    response: { 200: ImportReportView(created) },
  });

  app.get(
    '/api/org/import/units/template',
    { schema: { tags, summary: '单位导入模板（.xlsx）' }, config: { permission: P.unitManage } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('单位导入模板.xlsx'))
        .send(await buildTemplate(unitSheet)),
  );
  app.post(
    '/api/org/import/units',
    {
      schema: importSchema('导入单位（dryRun=true 只校验；false 全部写入或全部不写）', CreatedUnit),
      config: { permission: P.unitManage },
      validatorCompiler: multipartValidator,
    },
    async (req) => {
      const { file } = await readUpload(req, maxBytes);
      return runImport({
        db: platform.db,
        ctx: req.ctx,
        sheet: unitSheet,
        bytes: file.bytes,
        dryRun: req.query.dryRun === 'true',
        fieldColumns: { parentId: 'parent', name: 'name', divisionCode: 'divisionCode' },
        async apply(t, { row, values: v }) {
          const parent = await unitByName(t.db, t.ctx.actor, P.unitManage, v.parent as string, 'parent');
          const unit = await org.createUnitIn(t, {
            name: v.name as string,
            shortName: (v.shortName as string | undefined) ?? null,
            kind: v.kind as z.infer<typeof UnitKind>,
            parentId: parent.id,
            divisionCode: v.divisionCode as string | undefined,
            creditCode: (v.creditCode as string | undefined) ?? null,
            sort: (v.sort as number | undefined) ?? 0,
          });
          return { row, id: unit.id, name: unit.name };
        },
      });
    },
  );

  app.get(
    '/api/org/import/users/template',
    { schema: { tags, summary: '用户导入模板（.xlsx）' }, config: { permission: P.userManage } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('用户导入模板.xlsx'))
        .send(await buildTemplate(userSheet)),
  );
  app.post(
    '/api/org/import/users',
    {
      schema: importSchema(
        '导入用户（返回一次性初始密码，首次登录须修改；dryRun=true 只校验）',
        ImportedUser,
      ),
      config: { permission: P.userManage },
      validatorCompiler: multipartValidator,
    },
    async (req) => {
      const { file } = await readUpload(req, maxBytes);
      const dryRun = req.query.dryRun === 'true';
      // A dry run writes nothing that lasts, so it skips the (deliberately slow) password hashing.
      const placeholder = dryRun ? await hashPassword(generateInitialPassword()) : '';
      const roleList = await platform.db.select({ code: roles.code, name: roles.name }).from(roles);
      return runImport({
        db: platform.db,
        ctx: req.ctx,
        sheet: userSheet,
        bytes: file.bytes,
        dryRun,
        fieldColumns: { unitId: 'unit', username: 'username', phone: 'phone' },
        async apply(t: Tx, { row, values: v }) {
          const actor = t.ctx.actor;
          const unit = await unitByName(t.db, actor, P.userManage, v.unit as string, 'unit');
          const roleText = v.role as string | undefined;
          const role = roleText
            ? roleList.find((r) => r.name === roleText || r.code === roleText)
            : undefined;
          if (roleText && !role) throw new RowProblem(`角色“${roleText}”不存在`, 'role');
          if (role && !actor.covers('access.grant.manage', unit.path))
            throw new RowProblem('没有授予角色的权限（三员分立：角色授权由安全管理员办理），请留空', 'role');
          const password = generateInitialPassword();
          const created = await org.createUserIn(
            t,
            {
              username: v.username as string,
              displayName: v.displayName as string,
              unitId: unit.id,
              phone: (v.phone as string | undefined) ?? null,
            },
            dryRun ? placeholder : await hashPassword(password),
            password,
            true,
          );
          if (role) {
            const [g] = await t.db
              .insert(roleGrants)
              .values({
                userId: created.user.id,
                roleCode: role.code,
                unitId: unit.id,
                subtree: (v.subtree as boolean | undefined) ?? false,
              })
              .returning();
            t.audit({
              action: 'access.grant',
              entity: 'access.grant',
              entityId: g!.id,
              diff: { userId: g!.userId, roleCode: g!.roleCode, unitId: g!.unitId, subtree: g!.subtree },
            });
          }
          return {
            row,
            id: created.user.id,
            username: created.user.username,
            displayName: created.user.displayName,
            unitName: created.user.unitName,
            role: role?.code ?? null,
            initialPassword: created.initialPassword,
          };
        },
      }).finally(() => platform.auth.invalidateUser());
    },
  );
}
