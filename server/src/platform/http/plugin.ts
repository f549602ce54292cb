import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { RequestContext } from '../../db/tx.js';
import { Actor } from '../access/actor.js';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { DomainError, type Problem } from './errors.js';

/** Route permission: an action code, or one of these two for routes every visitor / every user may call. */
export const PUBLIC = 'public';
export const SESSION = 'session';
export const SESSION_COOKIE = 'fazhi_session';
export const CSRF_COOKIE = 'fazhi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: string;
  }
  interface FastifyRequest {
    actor: Actor;
    ctx: RequestContext;
    sessionToken?: string;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes a user who must change the initial password may still call. */
const ALLOWED_BEFORE_CHANGE = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password', '/api/nav']);

export interface ProblemInput {
  status: number;
  code: string;
  detail: string;
  title?: string;
  errors?: { field: string; message: string }[];
  [k: string]: unknown;
}

export function problem(reply: FastifyReply, p: ProblemInput) {
  const body: Problem = {
    ...p,
    type: `https://fazhi.example/problems/${p.code.toLowerCase()}`,
    title: p.title ?? p.code,
    requestId: String(reply.request.id),
  };
  return reply.status(p.status).type('application/problem+json').send(body);
}

export async function registerHttp(app: App, platform: Platform) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd styles components at run time with inline <style>; scripts stay 'self' only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: platform.config.secureCookie,
  });
  await app.register(rateLimit, { global: false });

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/')) return;
    route.config ??= {};
    if (url.startsWith('/api/docs') || url === '/api/openapi.json' || url.startsWith('/api/public/')) {
      route.config.permission ??= PUBLIC;
    }
    if (!route.config.permission) {
      throw new Error(`路由 ${String(route.method)} ${url} 没有声明权限 (config.permission)`);
    }
    if (
      route.config.permission !== PUBLIC &&
      route.config.permission !== SESSION &&
      !platform.permissions.has(route.config.permission)
    ) {
      throw new Error(
        `路由 ${String(route.method)} ${url} 声明的权限 ${route.config.permission} 未在任何模块清单中注册`,
      );
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    req.actor = Actor.anonymous;
    req.ctx = { actor: Actor.anonymous, ip: req.ip, requestId: String(req.id) };
    reply.header('x-request-id', String(req.id));
    const permission = req.routeOptions.config?.permission;
    if (!permission) return; // the SPA and static assets
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const r = await platform.auth.resolve(token);
      if (r && r !== 'expired') {
        req.actor = r.actor;
        req.ctx = { actor: r.actor, ip: req.ip, requestId: String(req.id) };
        req.sessionToken = token;
        if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== r.csrfToken) {
          return problem(reply, {
            status: 403,
            code: 'CSRF',
            detail: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
          });
        }
      } else if (permission !== PUBLIC) {
        clearSessionCookies(reply);
        return problem(reply, {
          status: 401,
          code: r === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
          detail: r === 'expired' ? '登录已超时，请重新登录' : '请先登录',
        });
      }
    }
    if (permission === PUBLIC) return;
    if (req.actor.kind !== 'user')
      return problem(reply, { status: 401, code: 'UNAUTHENTICATED', detail: '请先登录' });
    if (req.actor.user!.mustChangePassword && !ALLOWED_BEFORE_CHANGE.has(req.routeOptions.url ?? '')) {
      return problem(reply, {
        status: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
        detail: '首次登录须先修改初始密码',
      });
    }
    if (permission !== SESSION && !req.actor.can(permission)) {
      const label = platform.permissions.get(permission)?.label ?? permission;
      return problem(reply, { status: 403, code: 'FORBIDDEN', detail: `没有“${label}”权限`, permission });
    }
  });

  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof DomainError) {
      return problem(reply, { status: err.status, code: err.code, detail: err.detail, ...err.extra });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        const field = [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.');
        return { field, message: v.message ?? '格式不正确' };
      });
      return problem(reply, {
        status: 400,
        code: 'INVALID_INPUT',
        detail: `输入有误：${errors.map((e) => `${e.field}（${e.message}）`).join('；')}`,
        errors,
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause }, 'response does not match its contract');
      return problem(reply, { status: 500, code: 'INTERNAL', detail: '服务器内部错误' });
    }
    if (err.statusCode === 429) {
      return problem(reply, { status: 429, code: 'RATE_LIMITED', detail: '请求过于频繁，请稍后再试' });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return problem(reply, { status: 413, code: 'TOO_LARGE', detail: '提交的内容过大' });
    }
    if (err.statusCode && err.statusCode < 500) {
      return problem(reply, { status: err.statusCode, code: err.code ?? 'BAD_REQUEST', detail: err.message });
    }
    req.log.error({ err }, 'unhandled error');
    return problem(reply, {
      status: 500,
      code: 'INTERNAL',
      detail: '服务器内部错误，请联系管理员并提供请求编号',
    });
  });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export const newRequestId = () => randomUUID();
