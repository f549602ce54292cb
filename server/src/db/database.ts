import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { acquireDirLock, type DirLock } from './lock.js';

export type Schema = typeof schema;
/** The drizzle handle both back ends share: one PostgreSQL dialect. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations',
);

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** For backup/restore and tests: the raw PGlite instance when embedded. */
  pglite?: PGlite;
  pool?: pg.Pool;
  migrate(): Promise<void>;
  migrationVersion(): Promise<string | null>;
  close(): Promise<void>;
}

// int8 and numeric come back as strings from pg; counts we cast to int in SQL, dates stay strings.
pg.types.setTypeParser(1082, (v) => v); // date → 'YYYY-MM-DD', never shifted by a time zone

export interface OpenOptions {
  databaseUrl?: string;
  /** Data directory for PGlite; undefined means in memory (tests, OpenAPI generation). */
  dataDir?: string;
  /** A PGlite data dump to start from (tests clone a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

export const PG_SESSION_OPTIONS = '-c TimeZone=Asia/Shanghai -c jit=off -c random_page_cost=1.1';

async function openPostgres(url: string, max: number): Promise<Database> {
  // Dates and instants are compared in Beijing time, whatever the server's own setting. JIT is off:
  // compiling a plan cost 0.8 s of a 1.5 s task-list query (bench/planning.ts), far more than it saves.
  // random_page_cost 1.1 (SSD, hot cache): at the default 4 the planner scans 100k users (54 ms)
  // rather than use the trigram index (4 ms).
  const pool = new pg.Pool({ connectionString: url, max, options: PG_SESSION_OPTIONS });
  // An idle connection the server ends (restart, failover, drop … with force) is dropped by the
  // pool and replaced on next use; unhandled, the pool's 'error' event would end the process.
  let closing = false;
  pool.on('error', (err) => {
    if (!closing) process.emitWarning(`PostgreSQL 空闲连接已断开：${err.message}`);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await pool.query('select 1');
  return {
    kind: 'postgres',
    db,
    pool,
    migrate: async () => {
      await prepareExtensions(db);
      await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
    },
    migrationVersion: () => readMigrationVersion(db),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob | File): Promise<Database> {
  let lock: DirLock | undefined;
  if (dataDir) lock = acquireDirLock(dataDir);
  try {
    const client = await PGlite.create({
      dataDir: dataDir ? path.join(dataDir, 'pg') : undefined,
      loadDataDir,
      // PGlite loads an extension only when it is passed at every open.
      extensions: { pg_trgm },
    });
    await client.exec("SET TIME ZONE 'Asia/Shanghai'; SET random_page_cost = 1.1");
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite: client,
      migrate: async () => {
        await prepareExtensions(db);
        await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
      },
      migrationVersion: () => readMigrationVersion(db),
      async close() {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/**
 * Extensions the schema's indexes need, created before the generated migrations run (drizzle-kit does
 * not emit CREATE EXTENSION). pg_trgm is a trusted extension: a database owner may create it.
 */
async function prepareExtensions(db: Db) {
  await db.execute(sql`create extension if not exists pg_trgm`);
}

let tags: Map<string, string> | undefined;
/** drizzle records each migration's journal `when`; the journal names it. Read once: health asks often. */
function journalTags(): Map<string, string> {
  if (!tags) {
    const journal = JSON.parse(
      fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
    ) as {
      entries: { when: number; tag: string }[];
    };
    tags = new Map(journal.entries.map((e) => [String(e.when), e.tag]));
  }
  return tags;
}

async function readMigrationVersion(db: Db): Promise<string | null> {
  try {
    const [row] = await query<{ created_at: string }>(
      db,
      sql`select created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    if (!row) return null;
    return journalTags().get(row.created_at) ?? row.created_at;
  } catch {
    return null;
  }
}

/** Raw SQL rows, typed by the caller: both drivers answer `{ rows }`. */
export async function query<T>(db: Db, q: SQL): Promise<T[]> {
  const r = (await db.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}
