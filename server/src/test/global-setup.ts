import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { prepare } from '../platform/bootstrap.js';
import { testConfig } from './config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string | null;
  }
}

/**
 * Builds the migrated, demo-loaded template once per run: a PGlite dump every test file loads
 * (no initdb per test), and on PostgreSQL a template database every test file clones.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-'));
  const dumpPath = path.join(dir, 'template.tar');
  const config = testConfig();

  const lite = await openDatabase({});
  await lite.migrate();
  const { platform, app } = await buildApp({ config, database: lite, serveWeb: false });
  await prepare(platform);
  await app.close();
  const dump = await lite.pglite!.dumpDataDir('none');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', dumpPath);

  let templateDb: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    templateDb = `fazhi_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateDb}`);
    await admin.query(`create database ${templateDb}`);
    await admin.end();
    const server = await openDatabase({ databaseUrl: withDb(url, templateDb), poolSize: 2 });
    await server.migrate();
    const built = await buildApp({ config, database: server, serveWeb: false });
    await prepare(built.platform);
    await built.app.close();
    await server.close();
  }
  project.provide('pgTemplateDb', templateDb);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && templateDb) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${templateDb} with (force)`);
      await admin.end();
    }
  };
}

export function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
