import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from './database.js';

/**
 * Logical backup that reads and writes the same on PGlite and PostgreSQL, so it also moves a county
 * from the embedded database to a server:
 *
 *   <dir>/manifest.json        format, migration, backend, per-table rows + SM3 of its file, files, key
 *   <dir>/tables/<t>.jsonl.gz  one JSON object per row; every value as PostgreSQL's text form
 *                              (bigint/numeric exact, dates and instants as strings), json/jsonb as JSON,
 *                              bytea as base64
 *   <dir>/files/…              copy of DATA_DIR/files (content-addressed attachments), when present
 *   <dir>/field.key            only with --include-key: the SM4 key that decrypts phone/ID numbers
 */
export const BACKUP_FORMAT = 'fazhi-backup/1';
const BATCH = 2000;

export interface ColumnInfo {
  name: string;
  /** format_type(): 'text', 'numeric(12,2)', 'timestamp with time zone', 'text[]' … */
  type: string;
  kind: 'text' | 'json' | 'bytea';
}

export interface TableEntry {
  name: string;
  file: string;
  rows: number;
  sm3: string;
  columns: ColumnInfo[];
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  backend: Database['kind'];
  migration: string | null;
  tables: TableEntry[];
  files: { count: number; bytes: number };
  includesKey: boolean;
  /** SM3 of the field key, first 16 hex digits: lets restore tell whether the target has the same key */
  keyFingerprint: string | null;
}

export class BackupError extends Error {}

type Q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** Runs fn on one connection inside one transaction (a consistent snapshot when read-only). */
async function withConnection<T>(
  database: Database,
  mode: 'snapshot' | 'write',
  fn: (q: Q) => Promise<T>,
): Promise<T> {
  const begin =
    mode === 'snapshot'
      ? 'begin isolation level repeatable read read only'
      : 'begin isolation level serializable';
  const setup =
    "set local timezone = 'Asia/Shanghai'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local extra_float_digits = 3";
  if (database.kind === 'postgres') {
    const client: pg.PoolClient = await database.pool!.connect();
    const q: Q = async (text, params) => (await client.query(text, params as unknown[])).rows;
    try {
      await client.query(begin);
      for (const s of setup.split(';')) await client.query(s);
      const r = await fn(q);
      await client.query('commit');
      return r;
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  const lite: PGlite = database.pglite!;
  return lite.transaction(async (tx: Transaction) => {
    await tx.exec(setup);
    const q: Q = async <T>(text: string, params?: unknown[]) =>
      (await tx.query<T>(text, params as unknown[])).rows;
    return fn(q);
  });
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function publicTables(q: Q): Promise<string[]> {
  const rows = await q<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  return rows.map((r) => r.name);
}

async function columnsOf(q: Q, table: string): Promise<ColumnInfo[]> {
  const rows = await q<{ name: string; type: string; base: string }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, t.typname as base
       from pg_attribute a join pg_type t on t.oid = a.atttypid
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`,
    [`public.${ident(table)}`],
  );
  return rows.map((r) => ({
    name: r.name,
    type: r.type,
    kind: r.base === 'json' || r.base === 'jsonb' ? 'json' : r.base === 'bytea' ? 'bytea' : 'text',
  }));
}

/** Tables ordered so every table comes after the tables its foreign keys point to. */
export async function foreignKeyOrder(q: Q, tables: string[]): Promise<string[]> {
  const edges = await q<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
       join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
      where k.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public'`,
  );
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent && deps.has(e.child)) deps.get(e.child)!.add(e.parent);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string, trail: string[]) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting')
      throw new BackupError(`外键存在循环依赖：${[...trail, t].join(' → ')}，无法确定恢复顺序`);
    state.set(t, 'visiting');
    for (const p of [...(deps.get(t) ?? [])].sort()) if (deps.has(p)) visit(p, [...trail, t]);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return order;
}

function selectList(cols: ColumnInfo[]): string {
  return cols
    .map((c) => {
      const id = ident(c.name);
      if (c.kind === 'json') return `${id}::text as ${id}`;
      if (c.kind === 'bytea') return `encode(${id}, 'base64') as ${id}`;
      return `${id}::text as ${id}`;
    })
    .join(', ');
}

function sm3File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sm3');
    fs.createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

/** Where the field key lives now, without creating one (loadFieldKey would). */
export function currentFieldKey(fieldKeyHex: string | undefined, dataDir: string | undefined): string | null {
  if (fieldKeyHex) return fieldKeyHex.toLowerCase();
  if (!dataDir) return null;
  const file = path.join(dataDir, 'field.key');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().toLowerCase() : null;
}

const fingerprint = (keyHex: string) => createHash('sm3').update(keyHex).digest('hex').slice(0, 16);

function copyTree(from: string, to: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  if (!fs.existsSync(from)) return { count, bytes };
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      const r = copyTree(src, dst);
      count += r.count;
      bytes += r.bytes;
    } else if (e.isFile() && !e.name.endsWith('.tmp')) {
      // (*.tmp: a blob being written right now, renamed into place when complete)
      // content-addressed: a file already there under the same name has the same bytes
      if (!fs.existsSync(dst)) fs.copyFileSync(src, dst);
      count += 1;
      bytes += fs.statSync(src).size;
    }
  }
  return { count, bytes };
}

export interface BackupOptions {
  /** DATA_DIR: its files/ directory is copied, its field.key read for the fingerprint */
  dataDir?: string;
  fieldKeyHex?: string;
  includeKey?: boolean;
}

export async function backup(database: Database, dir: string, opts: BackupOptions = {}): Promise<Manifest> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new BackupError(`备份目录 ${dir} 不是空目录，请指定一个新目录`);
  fs.mkdirSync(path.join(dir, 'tables'), { recursive: true });
  const migration = await database.migrationVersion();
  const tables: TableEntry[] = [];
  await withConnection(database, 'snapshot', async (q) => {
    for (const name of await publicTables(q)) {
      const columns = await columnsOf(q, name);
      const file = `tables/${name}.jsonl.gz`;
      let rows = 0;
      await q(
        `declare backup_cur no scroll cursor for select ${selectList(columns)} from public.${ident(name)}`,
      );
      async function* lines() {
        for (;;) {
          const batch = await q<Record<string, string | null>>(`fetch ${BATCH} from backup_cur`);
          for (const r of batch) {
            const o: Record<string, unknown> = {};
            for (const c of columns) {
              const v = r[c.name] ?? null;
              o[c.name] = c.kind === 'json' && v !== null ? JSON.parse(v) : v;
            }
            rows += 1;
            yield JSON.stringify(o) + '\n';
          }
          if (batch.length < BATCH) return;
        }
      }
      await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(path.join(dir, file)));
      await q('close backup_cur');
      tables.push({ name, file, rows, sm3: await sm3File(path.join(dir, file)), columns });
    }
  });
  // Attachments after the snapshot: blobs are written before the rows that name them commit and are
  // never removed, so every blob the snapshot references is already there.
  const files = opts.dataDir
    ? copyTree(path.join(opts.dataDir, 'files'), path.join(dir, 'files'))
    : { count: 0, bytes: 0 };
  const key = currentFieldKey(opts.fieldKeyHex, opts.dataDir);
  if (opts.includeKey) {
    if (!key)
      throw new BackupError(
        '没有找到字段加密密钥（FAZHI_FIELD_KEY 或 DATA_DIR/field.key），无法 --include-key',
      );
    fs.writeFileSync(path.join(dir, 'field.key'), key, { mode: 0o600 });
  }
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    backend: database.kind,
    migration,
    tables,
    files,
    includesKey: Boolean(opts.includeKey),
    keyFingerprint: key ? fingerprint(key) : null,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new BackupError(`${dir} 不是 Fazhi 备份目录（缺少 manifest.json）`);
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== BACKUP_FORMAT) throw new BackupError(`不支持的备份格式 ${String(m.format)}`);
  return m;
}

/** Rows in the public schema (any table). A database is "empty" when every table has none. */
async function nonEmptyTables(q: Q): Promise<string[]> {
  const found: string[] = [];
  for (const t of await publicTables(q)) {
    const [r] = await q<{ has_rows: boolean }>(
      `select exists (select 1 from public.${ident(t)}) as has_rows`,
    );
    if (r?.has_rows) found.push(t);
  }
  return found;
}

export interface RestoreOptions {
  dataDir?: string;
  fieldKeyHex?: string;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  files: { count: number; bytes: number };
  /** what happened to the field key; a warning when phone/ID numbers will not decrypt */
  key: 'restored' | 'matches' | 'missing' | 'different' | 'unknown';
}

export async function restore(
  database: Database,
  dir: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const manifest = readManifest(dir);
  // 1. integrity first: nothing is written unless every table file matches its digest
  for (const t of manifest.tables) {
    const file = path.join(dir, t.file);
    if (!fs.existsSync(file)) throw new BackupError(`备份不完整：缺少 ${t.file}`);
    const digest = await sm3File(file);
    if (digest !== t.sm3) throw new BackupError(`备份文件 ${t.file} 的 SM3 摘要不符，文件已损坏或被改动`);
  }
  // 2. only into an empty database
  const busy = await withConnection(database, 'snapshot', nonEmptyTables);
  if (busy.length)
    throw new BackupError(
      `目标数据库不是空的（${busy.slice(0, 5).join('、')}${busy.length > 5 ? ' 等' : ''} 表中已有数据），` +
        '恢复只能写入空数据库。请新建一个空数据库（或换一个空的 DATA_DIR）后再恢复。',
    );
  // 3. schema at the code's version; the backup must not come from a newer version
  await database.migrate();
  const current = await database.migrationVersion();
  if (manifest.migration && manifest.migration !== current)
    throw new BackupError(
      `备份的数据库版本为 ${manifest.migration}，本程序为 ${current ?? '无'}：请用与备份相同版本的 Fazhi 恢复，再升级`,
    );
  // 4. every table in foreign-key order, one transaction
  let total = 0;
  await withConnection(database, 'write', async (q) => {
    const existing = new Set(await publicTables(q));
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    for (const t of manifest.tables)
      if (!existing.has(t.name)) throw new BackupError(`备份中的表 ${t.name} 在当前数据库结构中不存在`);
    for (const name of await foreignKeyOrder(q, [...byName.keys()])) {
      const t = byName.get(name)!;
      const targetCols = new Map((await columnsOf(q, name)).map((c) => [c.name, c]));
      for (const c of t.columns)
        if (!targetCols.has(c.name))
          throw new BackupError(`备份中的列 ${name}.${c.name} 在当前数据库结构中不存在`);
      const cols = t.columns.map((c) => targetCols.get(c.name)!);
      const recordDef = cols
        .map((c) => `${ident(c.name)} ${c.kind === 'json' ? 'jsonb' : 'text'}`)
        .join(', ');
      const exprs = cols
        .map((c) =>
          c.kind === 'bytea' ? `decode(x.${ident(c.name)}, 'base64')` : `x.${ident(c.name)}::${c.type}`,
        )
        .join(', ');
      const insert =
        `insert into public.${ident(name)} (${cols.map((c) => ident(c.name)).join(', ')}) overriding system value ` +
        `select ${exprs} from jsonb_to_recordset($1::jsonb) as x(${recordDef})`;
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await q(insert, [`[${batch.join(',')}]`]);
        total += batch.length;
        batch = [];
      };
      let n = 0;
      const rl = readline.createInterface({
        input: fs.createReadStream(path.join(dir, t.file)).pipe(zlib.createGunzip()),
        crlfDelay: Infinity,
      });
      for await (const line of rl) {
        if (!line) continue;
        batch.push(line);
        n += 1;
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (n !== t.rows) throw new BackupError(`表 ${name} 应有 ${t.rows} 行，备份文件中有 ${n} 行`);
    }
    // 5. serial / identity sequences continue after the restored ids
    const seqs = await q<{ tbl: string; col: string; seq: string }>(
      `select c.relname as tbl, a.attname as col, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as seq
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and pg_get_serial_sequence(format('public.%I', c.relname), a.attname) is not null`,
    );
    for (const s of seqs)
      await q(
        `select setval($1::regclass, coalesce((select max(${ident(s.col)}) from public.${ident(s.tbl)}), 0) + 1, false)`,
        [s.seq],
      );
  });
  // 6. attachments and the key
  const files = opts.dataDir
    ? copyTree(path.join(dir, 'files'), path.join(opts.dataDir, 'files'))
    : { count: 0, bytes: 0 };
  return { manifest, rows: total, files, key: restoreKey(manifest, dir, opts) };
}

function restoreKey(manifest: Manifest, dir: string, opts: RestoreOptions): RestoreResult['key'] {
  const have = currentFieldKey(opts.fieldKeyHex, opts.dataDir);
  const backedUp = path.join(dir, 'field.key');
  if (!have && fs.existsSync(backedUp) && opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(path.join(opts.dataDir, 'field.key'), fs.readFileSync(backedUp, 'utf8').trim(), {
      mode: 0o600,
    });
    return 'restored';
  }
  if (!manifest.keyFingerprint) return 'unknown';
  if (!have) return 'missing';
  return fingerprint(have) === manifest.keyFingerprint ? 'matches' : 'different';
}

export const keyAdvice: Record<RestoreResult['key'], string | null> = {
  restored: '已从备份恢复字段加密密钥到 DATA_DIR/field.key。',
  matches: null,
  unknown: null,
  missing:
    '警告：备份不含字段加密密钥，本机也没有。加密的手机号、身份证号将无法解密：' +
    '请把原服务器的 DATA_DIR/field.key 复制到本机 DATA_DIR，或设置 FAZHI_FIELD_KEY，然后再启动服务。',
  different:
    '警告：本机的字段加密密钥与备份时的不同，加密的手机号、身份证号将无法解密：' +
    '请换用原服务器的 DATA_DIR/field.key 或 FAZHI_FIELD_KEY。',
};
