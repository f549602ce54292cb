import { z } from 'zod';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import {
  CreateUnit,
  CreateUser,
  CreatedUser,
  Division,
  IdParam,
  Paged,
  Unit,
  UnitQuery,
  UpdateUnit,
  UpdateUser,
  UserQuery,
  UserView,
  UuidParam,
  VoidBody,
} from './contract.js';
import { orgImportRoutes } from './import.js';
import { OrgService, P } from './service.js';

export async function orgRoutes(app: App, platform: Platform) {
  const org = new OrgService(platform.db, platform.fieldCrypto, (id) => platform.auth.invalidateUser(id));
  const tags = ['org'];

  app.get(
    '/api/org/divisions',
    {
      schema: { tags, summary: '行政区划', response: { 200: z.array(Division) } },
      config: { permission: P.unitRead },
    },
    () => org.listDivisions(),
  );
  app.get(
    '/api/org/units',
    {
      schema: {
        tags,
        summary: '单位列表（本人权限范围内）',
        querystring: UnitQuery,
        response: { 200: z.array(Unit) },
      },
      config: { permission: P.unitRead },
    },
    (req) =>
      org.listUnits(req.actor, { ...req.query, includeInactive: req.query.includeInactive === 'true' }),
  );
  app.get(
    '/api/org/units/:id',
    {
      schema: { tags, summary: '单位详情', params: IdParam, response: { 200: Unit } },
      config: { permission: P.unitRead },
    },
    (req) => org.getUnit(platform.db, req.actor, req.params.id),
  );
  app.post(
    '/api/org/units',
    {
      schema: { tags, summary: '新建单位', body: CreateUnit, response: { 200: Unit } },
      config: { permission: P.unitManage },
    },
    (req) => org.createUnit(req.ctx, req.body),
  );
  app.patch(
    '/api/org/units/:id',
    {
      schema: { tags, summary: '修改单位', params: IdParam, body: UpdateUnit, response: { 200: Unit } },
      config: { permission: P.unitManage },
    },
    (req) => org.updateUnit(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/org/units/:id/void',
    {
      schema: { tags, summary: '停用单位', params: IdParam, body: VoidBody, response: { 200: Unit } },
      config: { permission: P.unitManage },
    },
    (req) => org.voidUnit(req.ctx, req.params.id, req.body.reason),
  );

  app.get(
    '/api/org/users',
    {
      schema: { tags, summary: '用户列表', querystring: UserQuery, response: { 200: Paged(UserView) } },
      config: { permission: P.userRead },
    },
    (req) =>
      org.listUsers(req.actor, { ...req.query, includeInactive: req.query.includeInactive === 'true' }),
  );
  app.get(
    '/api/org/users/:id',
    {
      schema: { tags, summary: '用户详情', params: UuidParam, response: { 200: UserView } },
      config: { permission: P.userRead },
    },
    (req) => org.getUser(req.ctx, req.params.id),
  );
  app.post(
    '/api/org/users',
    {
      schema: {
        tags,
        summary: '新建用户（返回一次性初始密码）',
        body: CreateUser,
        response: { 200: CreatedUser },
      },
      config: { permission: P.userManage },
    },
    (req) => org.createUser(req.ctx, req.body),
  );
  app.patch(
    '/api/org/users/:id',
    {
      schema: { tags, summary: '修改用户', params: UuidParam, body: UpdateUser, response: { 200: UserView } },
      config: { permission: P.userManage },
    },
    (req) => org.updateUser(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/org/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: UuidParam,
        response: { 200: z.object({ initialPassword: z.string() }) },
      },
      config: { permission: P.userManage },
    },
    (req) => org.resetPassword(req.ctx, req.params.id),
  );
  app.post(
    '/api/org/users/:id/unlock',
    {
      schema: { tags, summary: '解除锁定', params: UuidParam, response: { 200: UserView } },
      config: { permission: P.userManage },
    },
    (req) => org.unlock(req.ctx, req.params.id),
  );
  app.post(
    '/api/org/users/:id/disable',
    {
      schema: { tags, summary: '停用账号', params: UuidParam, body: VoidBody, response: { 200: UserView } },
      config: { permission: P.userManage },
    },
    (req) => org.setActive(req.ctx, req.params.id, false, req.body.reason),
  );
  app.post(
    '/api/org/users/:id/enable',
    {
      schema: { tags, summary: '启用账号', params: UuidParam, response: { 200: UserView } },
      config: { permission: P.userManage },
    },
    (req) => org.setActive(req.ctx, req.params.id, true, null),
  );

  await orgImportRoutes(app, platform, org);
}
