import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import type { App } from '../platform/manifest.js';
import type { Platform } from '../platform/platform.js';
import { testConfig } from './config.js';
import { withDb } from './global-setup.js';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function backends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export const DEMO_PASSWORD = 'Fazhi@2023';

/** A fresh copy of the demo database: a PGlite clone of the template, or a PostgreSQL database made from it. */
export async function openTestDatabase(kind: Backend): Promise<Database> {
  if (kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ loadDataDir: blob });
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `fazhi_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('pgTemplateDb')!}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: withDb(url, name), poolSize: 4 });
  const close = db.close;
  db.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return db;
}

export interface TestApp {
  kind: Backend;
  app: App;
  platform: Platform;
  database: Database;
  /** A signed-in client for a demo account. */
  as(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export async function testApp(kind: Backend, config: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const { app, platform } = await buildApp({ config: testConfig(config), database, serveWeb: false });
  await app.ready();
  return {
    kind,
    app,
    platform,
    database,
    anonymous: () => new Client(app),
    async as(username, password = DEMO_PASSWORD) {
      const c = new Client(app);
      const r = await c.post('/api/auth/login', { username, password });
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      return c;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Res {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Keeps the session and CSRF cookies like a browser, and echoes the CSRF token on writes. */
export class Client {
  cookies = new Map<string, string>();
  constructor(private readonly app: App) {}

  async request(
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('fazhi_csrf');
    const r = await this.app.inject({
      method: method as 'GET',
      url,
      payload: payload as object,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
    });
    for (const c of r.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return r as unknown as Res;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
