import { z } from 'zod';
import { PUBLIC, SESSION } from '../http/plugin.js';
import { defineModule, type App } from '../manifest.js';
import type { Platform } from '../platform.js';

const NavItem = z.object({
  path: z.string(),
  key: z.string(),
  label: z.string(),
  group: z.string(),
  module: z.string(),
});
const PortalPage = z.object({ path: z.string(), key: z.string(), label: z.string(), module: z.string() });

function routes(app: App, platform: Platform) {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: {
          200: z.object({
            status: z.literal('ok'),
            backend: z.enum(['pglite', 'postgres']),
            migration: z.string().nullable(),
            version: z.string(),
          }),
        },
      },
      config: { permission: PUBLIC },
    },
    async () => ({
      status: 'ok' as const,
      backend: platform.database.kind,
      migration: await platform.database.migrationVersion(),
      version: process.env.npm_package_version ?? '0.1.0',
    }),
  );

  // The navigation a user sees is built from the manifests and filtered by the user's permissions.
  app.get(
    '/api/nav',
    {
      schema: { tags: ['system'], summary: '导航菜单（按本人权限）', response: { 200: z.array(NavItem) } },
      config: { permission: SESSION },
    },
    (req) =>
      platform.modules.flatMap((m) =>
        (m.nav ?? [])
          .filter((n) => req.actor.can(n.permission))
          .map((n) => ({
            path: n.path,
            key: n.key,
            label: n.label,
            group: n.group ?? 'work',
            module: m.name,
          })),
      ),
  );

  app.get(
    '/api/public/pages',
    {
      schema: { tags: ['portal'], summary: '门户页面', response: { 200: z.array(PortalPage) } },
      config: { permission: PUBLIC },
    },
    () => platform.modules.flatMap((m) => (m.portalPages ?? []).map((p) => ({ ...p, module: m.name }))),
  );
}

export default defineModule({ name: 'system', label: '系统', permissions: [], routes });
