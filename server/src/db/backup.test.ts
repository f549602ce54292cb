import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { verifyAudit } from '../platform/audit/chain.js';
import { backends, openTestDatabase, type Backend } from '../test/harness.js';
import { withDb } from '../test/global-setup.js';
import { backup, readManifest, restore } from './backup.js';
import { openDatabase, query, type Database } from './database.js';

const KEY = '0123456789abcdef0123456789abcdef';

/** A brand-new database with no schema at all. */
async function openEmpty(kind: Backend): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  const url = process.env.TEST_DATABASE_URL!;
  const name = `fazhi_r_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: withDb(url, name), poolSize: 2 });
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

/** Row count and an order-independent content digest of every public table. */
async function fingerprint(database: Database) {
  const tables = await query<{ name: string }>(
    database.db,
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, { rows: number; digest: string | null }> = {};
  for (const { name } of tables) {
    const [r] = await query<{ rows: number; digest: string | null }>(
      database.db,
      sql.raw(
        `select count(*)::int as rows, md5(string_agg(x, E'\\n' order by x)) as digest
           from (select t::text as x from public."${name}" t) s`,
      ),
    );
    out[name] = r!;
  }
  return out;
}

describe.each(backends())('backup and restore on %s', (kind) => {
  let source: Database;
  let target: Database;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
  const dir = path.join(tmp, 'backup');
  const srcData = path.join(tmp, 'src-data');
  const dstData = path.join(tmp, 'dst-data');

  beforeAll(async () => {
    source = await openTestDatabase(kind);
    target = await openEmpty(kind);
    // two content-addressed attachments under DATA_DIR/files
    fs.mkdirSync(path.join(srcData, 'files', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(srcData, 'files', 'ab', 'abcdef'), 'hello');
    fs.writeFileSync(path.join(srcData, 'files', 'ab', 'ab0123'), 'world!');
    fs.writeFileSync(path.join(srcData, 'field.key'), KEY);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('backs up the demo database, restores it into an empty one, and every table matches', async () => {
    const m = await backup(source, dir, { dataDir: srcData });
    expect(m.migration).toBeTruthy();
    expect(m.files).toEqual({ count: 2, bytes: 11 });
    expect(m.includesKey).toBe(false);
    expect(fs.existsSync(path.join(dir, 'field.key'))).toBe(false);
    expect(m.tables.find((t) => t.name === 'users')!.rows).toBeGreaterThan(10);
    expect(m.tables.every((t) => /^[0-9a-f]{64}$/.test(t.sm3))).toBe(true);

    const r = await restore(target, dir, { dataDir: dstData });
    expect(r.rows).toBe(m.tables.reduce((n, t) => n + t.rows, 0));
    expect(r.files.count).toBe(2);
    expect(fs.readFileSync(path.join(dstData, 'files', 'ab', 'abcdef'), 'utf8')).toBe('hello');
    // the key was not in the backup and the target has none: restore says so
    expect(r.key).toBe('missing');

    const before = await fingerprint(source);
    const after = await fingerprint(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const t of Object.keys(before)) expect({ t, ...after[t] }).toEqual({ t, ...before[t] });

    const audit = await verifyAudit(target.db);
    expect(audit.ok).toBe(true);
    expect(audit.rows).toBeGreaterThan(0);
    expect(await target.migrationVersion()).toBe(await source.migrationVersion());
  });

  it('continues serial ids after the restored rows', async () => {
    const [max] = await query<{ id: number }>(target.db, sql`select max(id)::int as id from org_units`);
    const [next] = await query<{ id: number }>(
      target.db,
      sql`select nextval(pg_get_serial_sequence('org_units', 'id'))::int as id`,
    );
    expect(next!.id).toBe(max!.id + 1);
  });

  it('refuses to restore into a database that already has data', async () => {
    await expect(restore(target, dir)).rejects.toThrow(/不是空的/);
    await expect(restore(source, dir)).rejects.toThrow(/恢复只能写入空数据库/);
  });

  it('refuses a backup whose table file does not match its digest', async () => {
    const m = readManifest(dir);
    const file = path.join(dir, m.tables[0]!.file);
    const saved = fs.readFileSync(file);
    fs.appendFileSync(file, 'x');
    try {
      await expect(restore(target, dir)).rejects.toThrow(/SM3 摘要不符/);
    } finally {
      fs.writeFileSync(file, saved);
    }
  });

  it('includes the field key only when asked', async () => {
    const withKey = path.join(tmp, 'with-key');
    const m = await backup(source, withKey, { dataDir: srcData, includeKey: true });
    expect(m.includesKey).toBe(true);
    expect(fs.readFileSync(path.join(withKey, 'field.key'), 'utf8')).toBe(KEY);
    expect((fs.statSync(path.join(withKey, 'field.key')).mode & 0o777).toString(8)).toBe('600');
  });
});

// A county moves from the embedded database to a server; without a server at hand, to another PGlite.
const moveTarget = backends().includes('postgres') ? 'postgres' : 'pglite';

describe(`backup moves a county from PGlite to ${moveTarget}`, () => {
  it('restores a PGlite backup into another empty database with every table equal', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-move-'));
    const source = await openTestDatabase('pglite');
    const target = await openEmpty(moveTarget);
    try {
      await backup(source, path.join(tmp, 'b'));
      await restore(target, path.join(tmp, 'b'));
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      expect((await verifyAudit(target.db)).ok).toBe(true);
    } finally {
      await source.close();
      await target.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
