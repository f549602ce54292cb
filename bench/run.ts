/**
 * `npm run bench`: the real server on each back end, loaded with a region-sized data set on top of the
 * Suo County demo, driven by autocannon; the results replace the marked section of docs/PERFORMANCE.md.
 *
 *   BENCH_DURATION=10        seconds per autocannon run
 *   BENCH_BACKENDS=pglite,postgres
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (a fresh database is created and dropped)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig, type Config } from '../server/src/config.js';
import { query } from '../server/src/db/database.js';
import { startServer, type Running } from '../server/src/server.js';
import { startBare, USERS_PAGE_SQL } from './bare-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
const UNITS = 2_000;
const USERS = 100_000;
const AS_USER = 'office';
const PASSWORD = 'Fazhi@2023';
const USERS_PATH = '/api/org/users?page=1&pageSize=20&q=bench12&sort=-lastLoginAt';
const KEY = randomBytes(16).toString('hex');

interface Load {
  backend: string;
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}
const loads: Load[] = [];
const facts: Record<string, Record<string, string>> = {};
const notes: string[] = [];

const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

function withDb(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** autocannon in its own process, so the load generator does not share the server's event loop. */
function autocannon(
  url: string,
  connections: number,
  headers: Record<string, string> = {},
  seconds = DURATION,
) {
  const args = ['-c', String(connections), '-d', String(seconds), '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise<{
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  }>((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/autocannon'), args, { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      resolve(JSON.parse(out));
    });
  });
}

async function drive(
  backend: string,
  target: string,
  url: string,
  headers: Record<string, string> = {},
  only?: number[],
) {
  await autocannon(url, 10, headers, 3).catch(() => undefined); // not measured: JIT and caches warm up
  for (const connections of only ?? [10, 50]) {
    const r = await autocannon(url, connections, headers);
    const l: Load = {
      backend,
      target,
      connections,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
    };
    loads.push(l);
    log(
      `${backend} ${target} c=${connections}: ${l.rps} req/s p50 ${l.p50} ms p99 ${l.p99} ms errors ${l.errors} non2xx ${l.non2xx}`,
    );
  }
}

/** 2,000 units under the region (half of them inside 索县, the office user's scope), 100,000 users. */
async function bulkLoad(running: Running) {
  const db = running.database.db;
  const started = Date.now();
  await db.transaction(async (tx) => {
    const settlePaths = () =>
      tx.execute(sql`
        update org_units o set path = p.path || o.id || '/'
          from org_units p where o.path like 'pending:bench:%' and p.id = o.parent_id`);
    await tx.execute(sql`
      insert into org_units (name, kind, division_code, parent_id, path, sort)
      select 'bench单位' || g, 'government', case when g % 2 = 0 then '540626' else '540000' end,
             (select id from org_units where name = case when g % 2 = 0 then '索县人民政府' else '西藏自治区人民政府' end),
             'pending:bench:' || g, g
        from generate_series(1, 40) g`);
    await settlePaths();
    await tx.execute(sql`
      insert into org_units (name, kind, division_code, parent_id, path, sort)
      select t.name || '-' || g, 'department', t.division_code, t.id, 'pending:bench:' || t.id || ':' || g, g
        from org_units t cross join generate_series(1, ${(UNITS - 40) / 40}) g
       where t.name like 'bench单位%'`);
    await settlePaths();
    await tx.execute(sql`
      with units as (select array_agg(id order by id) as ids from org_units where name like 'bench单位%'),
           pw as (select password_hash from users where username = 'office')
      insert into users (username, display_name, unit_id, password_hash, must_change_password, last_login_at, created_at)
      select 'bench' || g, '测试用户' || g, units.ids[1 + g % array_length(units.ids, 1)], pw.password_hash, false,
             timestamptz '2023-12-31 18:00:00+08' - g * interval '5 minutes', now()
        from generate_series(1, ${USERS}) g, units, pw`);
  });
  await db.execute(sql`analyze`);
  const [c] = await query<{ units: number; users: number }>(
    db,
    sql`select (select count(*)::int from org_units) as units, (select count(*)::int from users) as users`,
  );
  return { ms: Date.now() - started, ...c! };
}

async function login(url: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: AS_USER, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${AS_USER}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('fazhi_session='));
  return cookie!.split(';')[0]!;
}

/** Cold start of the real CLI on an existing data directory / database: spawn → first 200 from /api/health. */
async function coldStart(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), FAZHI_LOG_LEVEL: 'warn', FAZHI_FIELD_KEY: KEY },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
      if (Date.now() - started > 60_000) throw new Error('server did not answer in 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

/** After an overload the server may still be working through queued requests: wait until it answers quickly. */
async function drained(url: string) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const t = Date.now();
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && Date.now() - t < 100) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  log('server still busy after 60 s');
}

async function stopWithin(running: Running, ms = 30_000) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), ms)));
  const r = await Promise.race([running.stop().then(() => 'ok' as const), late]);
  clearTimeout(timer);
  if (r === 'late') throw new Error(`server did not stop within ${ms / 1000} s`);
}

function config(over: Partial<Config>): Config {
  return {
    ...loadConfig({ FAZHI_FIELD_KEY: KEY, FAZHI_LOG_LEVEL: 'warn' }),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    ...over,
  };
}

async function benchPglite() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const f: Record<string, string> = {};
  try {
    let running = await startServer(config({ dataDir, databaseUrl: undefined }), { jobs: false });
    f['demo load (empty database)'] = `${((running.prepared.demoMs ?? 0) / 1000).toFixed(1)} s`;
    const bulk = await bulkLoad(running);
    f['bulk load'] = `${(bulk.ms / 1000).toFixed(1)} s → ${bulk.units} units, ${bulk.users} users`;
    // restart so the measured server did not do the bulk load itself
    await stopWithin(running);
    running = await startServer(config({ dataDir, databaseUrl: undefined }), { jobs: false });
    log('pglite ready', running.url, bulk);
    await drive('PGlite', 'GET /api/health', `${running.url}/api/health`);
    const cookie = await login(running.url);
    await drive('PGlite', `GET ${USERS_PATH} (as ${AS_USER})`, `${running.url}${USERS_PATH}`, { cookie });
    f['RSS after the run'] = `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;
    await drained(running.url);
    await stopWithin(running);
    f['start → first 200 (existing data dir)'] =
      `${((await coldStart({ DATA_DIR: dataDir, DATABASE_URL: '' })) / 1000).toFixed(2)} s`;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  facts.PGlite = f;
}

async function benchPostgres() {
  const name = `fazhi_bench_${randomBytes(4).toString('hex')}`;
  const url = withDb(PG_URL, name);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const f: Record<string, string> = {};
  await admin((c) => c.query(`create database ${name}`));
  try {
    const running = await startServer(config({ dataDir, databaseUrl: url }), { jobs: false });
    f['demo load (empty database)'] = `${((running.prepared.demoMs ?? 0) / 1000).toFixed(1)} s`;
    const bulk = await bulkLoad(running);
    f['bulk load'] = `${(bulk.ms / 1000).toFixed(1)} s → ${bulk.units} units, ${bulk.users} users`;
    log('postgres ready', running.url, bulk);
    await drive('PostgreSQL', 'GET /api/health', `${running.url}/api/health`);
    const cookie = await login(running.url);
    await drive('PostgreSQL', `GET ${USERS_PATH} (as ${AS_USER})`, `${running.url}${USERS_PATH}`, { cookie });
    const [scope] = await query<{ path: string }>(
      running.database.db,
      sql`select path from org_units where name = '索县人民政府'`,
    );
    const plan = await query<{ 'QUERY PLAN': string }>(
      running.database.db,
      sql.raw(
        `explain (analyze, buffers) ${USERS_PAGE_SQL.replace('$1', `'${scope!.path}%'`)
          .replace('$2', `'%bench12%'`)
          .replace('$2', `'%bench12%'`)
          .replace('$3', '20')
          .replace('$4', '0')}`,
      ),
    );
    notes.push(
      [
        'EXPLAIN ANALYZE of the page query (PostgreSQL):',
        '```',
        ...plan.map((p) => p['QUERY PLAN']),
        '```',
      ].join('\n'),
    );
    await drained(running.url);
    await stopWithin(running);
    const bare = await startBare(url, scope!.path);
    await drive(
      'PostgreSQL',
      'bare Fastify + pg, same SQL',
      `${bare.url}/users?page=1&pageSize=20&q=bench12`,
    );
    await bare.close();
    f['start → first 200 (existing database)'] =
      `${((await coldStart({ DATA_DIR: dataDir, DATABASE_URL: url })) / 1000).toFixed(2)} s`;
  } finally {
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  facts.PostgreSQL = f;
}

function report(totalMs: number): string {
  const cpu = os.cpus();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (${(totalMs / 1000).toFixed(0)} s in all).`,
    '',
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ` +
      `Node ${process.version}; PostgreSQL server on the same machine; autocannon in its own process; ` +
      `${DURATION} s per run after a 3 s warm-up; log level warn.`,
    '',
    `Data: Suo County demo + ${UNITS.toLocaleString('en')} units under 西藏自治区 (half inside 索县) + ` +
      `${USERS.toLocaleString('en')} users. The list is \`${USERS_PATH}\` as \`${AS_USER}\` (scope: 索县 subtree, ` +
      '≈ 50,000 users; the filter matches ≈ 560 of them; rows + total + role grants).',
    '',
    '| back end | target | conn. | req/s | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
    ...loads.map(
      (l) =>
        `| ${l.backend} | ${l.target.replace(/\|/g, '\\|')} | ${l.connections} | ${Math.round(l.rps)} | ${l.p50} | ${l.p99} | ${l.errors} | ${l.non2xx} |`,
    ),
    '',
  ];
  const real = loads.find(
    (l) => l.backend === 'PostgreSQL' && l.target.startsWith('GET /api/org') && l.connections === 50,
  );
  const bare = loads.find(
    (l) => l.backend === 'PostgreSQL' && l.target.startsWith('bare') && l.connections === 50,
  );
  if (real && bare) {
    const ratio = real.rps / bare.rps;
    lines.push(
      `Real route / bare handler at 50 connections on PostgreSQL: **${(ratio * 100).toFixed(0)} %** ` +
        `(${Math.round(real.rps)} / ${Math.round(bare.rps)} req/s).`,
      '',
    );
  }
  lines.push('| back end | measure | value |', '|---|---|---|');
  for (const [b, f] of Object.entries(facts))
    for (const [k, v] of Object.entries(f)) lines.push(`| ${b} | ${k} | ${v} |`);
  lines.push('', '| target | result |', '|---|---|');
  const num = (s?: string) => (s ? Number.parseFloat(s) : NaN);
  const pass = (ok: boolean) => (ok ? 'met' : '**missed**');
  if (real && bare) {
    lines.push(
      `| real route ≥ 50 % of bare req/s at 50 conn. (PostgreSQL) | ${pass(real.rps / bare.rps >= 0.5)} (${((real.rps / bare.rps) * 100).toFixed(0)} %) |`,
    );
    lines.push(
      `| p99 < 50 ms (real route, 50 conn., PostgreSQL) | ${pass(real.p99 < 50)} (${real.p99} ms) |`,
    );
  }
  const errs = loads.reduce((n, l) => n + l.errors + l.non2xx, 0);
  lines.push(`| no errors | ${pass(errs === 0)} (${errs}) |`);
  if (facts.PGlite)
    lines.push(
      `| RSS on PGlite < 600 MB | ${pass(num(facts.PGlite['RSS after the run']) < 600)} (${facts.PGlite['RSS after the run']}) |`,
    );
  for (const [b, f] of Object.entries(facts)) {
    const start = Object.entries(f).find(([k]) => k.startsWith('start'))?.[1];
    lines.push(`| start < 5 s (${b}) | ${pass(num(start) < 5)} (${start}) |`);
    lines.push(
      `| demo load < 60 s (${b}) | ${pass(num(f['demo load (empty database)']) < 60)} (${f['demo load (empty database)']}) |`,
    );
  }
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

const BEGIN = '<!-- bench:begin (written by npm run bench; do not edit by hand) -->';
const END = '<!-- bench:end -->';

function writeDoc(section: string) {
  const file = path.join(root, 'docs/PERFORMANCE.md');
  const block = `${BEGIN}\n\n${section}\n\n${END}`;
  let text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Performance\n\nHow fast Fazhi is on the machines it runs on, measured, not guessed. `npm run bench` rewrites the section below.\n\n' +
      `${BEGIN}\n${END}\n`;
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  text =
    a >= 0 && b > a
      ? text.slice(0, a) + block + text.slice(b + END.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  log(`wrote ${path.relative(root, file)}`);
}

async function main() {
  const started = Date.now();
  // Everything pending may be promises only (PGlite's queue): keep the process alive until we are done.
  setInterval(() => undefined, 1000);
  if (BACKENDS.includes('pglite')) await benchPglite();
  if (BACKENDS.includes('postgres')) await benchPostgres();
  const section = report(Date.now() - started);
  console.log(`\n${section}\n`);
  writeDoc(section);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
