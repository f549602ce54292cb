import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/database.js';
import { modules } from '../../modules/index.js';
import { testConfig } from '../../test/config.js';
import { backends, openTestDatabase } from '../../test/harness.js';
import { defineModule, type App } from '../manifest.js';

/** A portal page as a module would add one: a public form post. */
const echo = defineModule({
  name: 'echo',
  label: 'echo',
  permissions: [],
  portalRoutes(app) {
    app.post(
      '/api/public/echo',
      {
        schema: { body: z.object({ text: z.string() }), response: { 200: z.object({ length: z.number() }) } },
      },
      (req) => ({ length: req.body.text.length }),
    );
  },
  portalPages: [{ path: '/portal/echo', key: 'portal.echo', label: '回声' }],
});

describe.each(backends())('public portal limits on %s', (kind) => {
  let app: App;
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ app } = await buildApp({
      config: testConfig(),
      database,
      modules: [...modules, echo],
      serveWeb: false,
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('serves portal routes without login and lists the pages modules register', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/public/pages' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toContainEqual({
      path: '/portal/echo',
      key: 'portal.echo',
      label: '回声',
      module: 'echo',
    });
  });

  it('refuses a portal body over 256 KiB with a problem naming the cause', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/public/echo',
      payload: { text: 'x'.repeat(300 * 1024) },
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('TOO_LARGE');
    const ok = await app.inject({ method: 'POST', url: '/api/public/echo', payload: { text: '扎西德勒' } });
    expect(ok.json()).toEqual({ length: 4 });
  });

  it('rate-limits each visitor to 60 portal requests a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const r = await app.inject({ method: 'GET', url: '/api/public/pages', remoteAddress: '10.9.8.7' });
      statuses.push(r.statusCode);
    }
    // the two earlier tests used another address; this visitor gets exactly 60
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    const other = await app.inject({ method: 'GET', url: '/api/public/pages', remoteAddress: '10.9.8.8' });
    expect(other.statusCode).toBe(200);
  });
});
