import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { roles } from '../access/schema.js';
import { CSRF_COOKIE, PUBLIC, SESSION, SESSION_COOKIE, clearSessionCookies } from '../http/plugin.js';
import type { App } from '../manifest.js';
import { divisions, orgUnits, users } from '../org/schema.js';
import type { Platform } from '../platform.js';
import { ChangePasswordBody, LoginBody, Me, Ok } from './contract.js';

export function authRoutes(app: App, platform: Platform) {
  const { auth, config, db } = platform;
  const cookieOpts = { path: '/', sameSite: 'strict' as const, secure: config.secureCookie };

  async function me(actor: Actor, csrfToken: string): Promise<Me> {
    const u = actor.user!;
    const [row] = await db
      .select({ unitName: orgUnits.name, divisionCode: divisions.code, locale: users.locale })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .innerJoin(divisions, eq(divisions.code, orgUnits.divisionCode))
      .where(eq(users.id, u.id));
    const roleNames = new Map(
      (await db.select({ code: roles.code, name: roles.name }).from(roles)).map((r) => [r.code, r.name]),
    );
    // Only the units the grants name, not the whole tree: /me is read on every page load.
    const grantUnits = [...new Set(actor.grants.map((g) => g.unitId))];
    const unitNames = new Map(
      grantUnits.length
        ? (
            await db
              .select({ id: orgUnits.id, name: orgUnits.name })
              .from(orgUnits)
              .where(inArray(orgUnits.id, grantUnits))
          ).map((r) => [r.id, r.name])
        : [],
    );
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      unitId: u.unitId,
      unitName: row?.unitName ?? '',
      unitPath: u.unitPath,
      divisionCode: row?.divisionCode ?? '',
      locale: row?.locale ?? 'zh-CN',
      mustChangePassword: u.mustChangePassword,
      roles: actor.grants.map((g) => ({
        code: g.role,
        name: roleNames.get(g.role) ?? g.role,
        unitId: g.unitId,
        unitName: unitNames.get(g.unitId) ?? '',
        subtree: g.subtree,
      })),
      permissions: actor.permissions(),
      csrfToken,
      sessionIdleMinutes: config.sessionIdleMinutes,
    };
  }

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: Me } },
      config: { permission: PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, csrfToken } = await auth.login(
        req.ctx,
        req.body.username,
        req.body.password,
        req.headers['user-agent'],
      );
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOpts, httpOnly: true });
      // Readable by the page so it can echo it in the x-csrf-token header (double submit).
      reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieOpts, httpOnly: false });
      const resolved = await auth.resolve(token);
      if (!resolved || resolved === 'expired') throw new Error('session vanished right after login');
      return me(resolved.actor, csrfToken);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } },
      config: { permission: SESSION },
    },
    async (req) => {
      const r = await auth.resolve(req.sessionToken!);
      return me(req.actor, r && r !== 'expired' ? r.csrfToken : '');
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } },
      config: { permission: SESSION },
    },
    async (req, reply) => {
      await auth.logout(req.ctx, req.sessionToken!);
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordBody, response: { 200: Ok } },
      config: { permission: SESSION, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => {
      await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/auth/locale',
    {
      schema: {
        tags: ['auth'],
        summary: '设置界面语言',
        body: z.object({ locale: z.enum(['zh-CN', 'en', 'bo']) }),
        response: { 200: Ok },
      },
      config: { permission: SESSION },
    },
    async (req) => {
      await db.update(users).set({ locale: req.body.locale }).where(eq(users.id, req.actor.id!));
      return { ok: true as const };
    },
  );
}
