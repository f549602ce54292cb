import { z } from 'zod';
import { defineModule, type App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { AccessService, P } from './service.js';

const Role = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  builtin: z.boolean(),
});
const SaveRole = z.object({
  name: z.string().trim().min(2).max(40),
  description: z.string().max(200).optional(),
  permissions: z.array(z.string()).max(500),
});
const Grant = z.object({
  id: z.string(),
  roleCode: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  subtree: z.boolean(),
});
const NewGrant = z.object({
  userId: z.uuid(),
  roleCode: z.string().min(1),
  unitId: z.number().int().positive(),
  subtree: z.boolean(),
});
const tags = ['access'];

function routes(app: App, platform: Platform) {
  const access = new AccessService(platform.db, platform.permissions, (id) =>
    platform.auth.invalidateUser(id),
  );
  app.get(
    '/api/access/permissions',
    {
      schema: {
        tags,
        summary: '权限清单',
        response: { 200: z.array(z.object({ code: z.string(), label: z.string() })) },
      },
      config: { permission: P.roleManage },
    },
    () => access.listPermissions(),
  );
  app.get(
    '/api/access/roles',
    {
      schema: { tags, summary: '角色', response: { 200: z.array(Role) } },
      config: { permission: P.roleManage },
    },
    () => access.listRoles(),
  );
  app.put(
    '/api/access/roles/:code',
    {
      schema: {
        tags,
        summary: '新建或修改角色',
        params: z.object({
          code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{2,31}$/, '角色代码须为 3–32 位字母数字'),
        }),
        body: SaveRole,
        response: { 200: Role },
      },
      config: { permission: P.roleManage },
    },
    (req) => access.saveRole(req.ctx, req.params.code, req.body),
  );
  app.get(
    '/api/access/users/:id/grants',
    {
      schema: {
        tags,
        summary: '用户的授权',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.array(Grant) },
      },
      config: { permission: P.grantManage },
    },
    (req) => access.listGrants(req.ctx, req.params.id),
  );
  app.post(
    '/api/access/grants',
    {
      schema: { tags, summary: '授权', body: NewGrant, response: { 200: z.object({ id: z.string() }) } },
      config: { permission: P.grantManage },
    },
    (req) => access.grant(req.ctx, req.body),
  );
  app.delete(
    '/api/access/grants/:id',
    {
      schema: {
        tags,
        summary: '撤销授权',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: { permission: P.grantManage },
    },
    (req) => access.revoke(req.ctx, req.params.id),
  );
}

export default defineModule({
  name: 'access',
  label: '角色与授权',
  permissions: [
    { code: P.roleManage, label: '管理角色', roles: ['secadmin'] },
    { code: P.grantManage, label: '授权', roles: ['secadmin'] },
  ],
  routes,
  nav: [
    { path: '/admin/roles', key: 'nav.roles', label: '角色与授权', permission: P.roleManage, group: 'admin' },
  ],
});
