import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { modules as allModules } from './modules/index.js';
import { problem, registerHttp } from './platform/http/plugin.js';
import type { App, ModuleManifest } from './platform/manifest.js';
import { createPlatform, type Platform } from './platform/platform.js';

// Validation messages a user reads are Chinese by default; contracts override them where a field needs more.
z.config(z.locales.zhCN());

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Portal endpoints are open to everyone: each gets these limits unless it declares its own. */
export const PORTAL_RATE = { max: 60, timeWindow: '1 minute' };
export const PORTAL_BODY_LIMIT = 256 * 1024;

/** A registered route as the route-walk test reads it: method, url and declared permission. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: string | undefined;
}
const routeTables = new WeakMap<object, { method: string | string[]; url: string; config?: unknown }[]>();

/** Every route the app registered (HEAD twins included), read after `ready()`. */
export function routeTable(app: App): RouteEntry[] {
  return (routeTables.get(app) ?? []).flatMap((r) =>
    [r.method].flat().map((method) => ({
      method,
      url: r.url,
      permission: (r.config as { permission?: string } | undefined)?.permission,
    })),
  );
}

export interface BuildOptions {
  config: Config;
  database: Database;
  modules?: readonly ModuleManifest[];
  /** serve web/dist when it exists (off in API tests) */
  serveWeb?: boolean;
}

export async function buildApp(opts: BuildOptions): Promise<{ app: App; platform: Platform }> {
  const { config, database } = opts;
  const modules = opts.modules ?? allModules;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  const platform = createPlatform(config, database, modules, app.log as FastifyBaseLogger);

  // Kept by reference: the hooks below fill in defaults (permission, limits) on the same objects.
  const registered: { method: string | string[]; url: string; config?: unknown }[] = [];
  routeTables.set(app, registered);
  app.addHook('onRoute', (route) => void registered.push(route));

  // Before the rate limiter registers its own onRoute hook, so the limits below are seen by it.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/public/')) return;
    route.config ??= {};
    (route.config as { rateLimit?: unknown }).rateLimit ??= PORTAL_RATE;
    route.bodyLimit ??= PORTAL_BODY_LIMIT;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Fazhi 法治 API',
        version: '0.1.0',
        description:
          '法治政府建设平台接口。错误以 application/problem+json 返回，含稳定的 code 与中文 detail。',
        license: { name: 'MulanPSL-2.0', identifier: 'MulanPSL-2.0' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fazhi_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // After registerHttp, so its onRoute guard sees the docs routes and declares them public.
  await registerHttp(app, platform);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, () =>
    app.swagger(),
  );

  for (const m of modules) {
    if (m.routes) await m.routes(app, platform);
    if (m.portalRoutes) await m.portalRoutes(app, platform);
  }

  const serveWeb = opts.serveWeb ?? true;
  const index = path.join(webDist, 'index.html');
  if (serveWeb && fs.existsSync(index)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || !serveWeb || !fs.existsSync(index)) {
      return problem(reply, {
        status: 404,
        code: 'NOT_FOUND',
        detail: `没有这个地址：${req.method} ${req.url.split('?')[0]}`,
      });
    }
    // The single-page app owns every other path (/portal, /admin/units, …).
    return reply.type('text/html').sendFile('index.html');
  });

  return { app, platform };
}
