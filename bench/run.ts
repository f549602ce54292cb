/**
 * `npm run bench`: the real server on each back end, loaded with a region-sized data set on top of the
 * Suo County demo, driven by autocannon; the results replace the marked section of docs/PERFORMANCE.md.
 *
 *   BENCH_DURATION=10        seconds per autocannon run
 *   BENCH_BACKENDS=pglite,postgres
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (a fresh database is created and dropped)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { query } from '../server/src/db/database.js';
import { startServer, type Running } from '../server/src/server.js';
import { startBare, USERS_PAGE_SQL } from './bare-server.js';
import {
  admin,
  benchDatabaseName,
  config,
  drained,
  drive as driveWith,
  freePort,
  KEY,
  loadUnits,
  log,
  login as loginAs,
  PG_URL,
  root,
  runBench,
  stopWithin,
  withDb,
  writeSection,
  type Load,
} from './lib.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
const UNITS = 2_000;
const USERS = 100_000;
const AS_USER = 'office';
const USERS_PATH = '/api/org/users?page=1&pageSize=20&q=bench12&sort=-lastLoginAt';

const loads: Load[] = [];
const facts: Record<string, Record<string, string>> = {};
const notes: string[] = [];

async function drive(
  backend: string,
  target: string,
  url: string,
  headers: Record<string, string> = {},
  only?: number[],
) {
  loads.push(...(await driveWith(backend, target, url, headers, { seconds: DURATION, connections: only })));
}

const login = (url: string) => loginAs(url, AS_USER);

/** 2,000 units under the region (half of them inside 索县, the office user's scope), 100,000 users. */
async function bulkLoad(running: Running) {
  const db = running.database.db;
  const started = Date.now();
  await db.transaction(async (tx) => {
    await loadUnits(tx, UNITS);
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

/** The real CLI (`serve`) in its own process, as `npm start` runs it; resolves at its first 200 from /api/health. */
async function spawnServer(env: Record<string, string>) {
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), FAZHI_LOG_LEVEL: 'warn', FAZHI_FIELD_KEY: KEY },
    stdio: 'ignore',
  });
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
      if (Date.now() - started > 60_000) throw new Error('server did not answer in 60 s');
      const ok = await fetch(`${url}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return { url, pid: child.pid!, startMs: Date.now() - started, stop };
      await new Promise((r) => setTimeout(r, 25));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Cold start of the real CLI on an existing data directory / database: spawn → first 200 from /api/health. */
async function coldStart(env: Record<string, string>): Promise<number> {
  const server = await spawnServer(env);
  await server.stop();
  return server.startMs;
}

/** Resident memory of a process in MB, as the kernel counts it (VmRSS). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Math.round(Number(kb) / 1024);
}

async function benchPglite() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const f: Record<string, string> = {};
  try {
    const running = await startServer(config({ dataDir, databaseUrl: undefined }), { jobs: false });
    f['demo load (empty database)'] = `${((running.prepared.demoMs ?? 0) / 1000).toFixed(1)} s`;
    const bulk = await bulkLoad(running);
    f['bulk load'] = `${(bulk.ms / 1000).toFixed(1)} s → ${bulk.units} units, ${bulk.users} users`;
    // The measured server is the real CLI in its own process, started on the loaded directory: its
    // memory is then the server's alone, not this process's, which did the demo and bulk loads.
    await stopWithin(running);
    const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      f['start → first 200 (existing data dir)'] = `${(server.startMs / 1000).toFixed(2)} s`;
      log('pglite ready', server.url, `pid ${server.pid}`, bulk);
      await drive('PGlite', 'GET /api/health', `${server.url}/api/health`);
      const cookie = await login(server.url);
      await drive('PGlite', `GET ${USERS_PATH} (as ${AS_USER})`, `${server.url}${USERS_PATH}`, { cookie });
      f['RSS after the run (server process)'] = `${rssOf(server.pid)} MB`;
      await drained(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  facts.PGlite = f;
}

async function benchPostgres() {
  const name = benchDatabaseName();
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
      `| RSS on PGlite < 600 MB | ${pass(num(facts.PGlite['RSS after the run (server process)']) < 600)} (${facts.PGlite['RSS after the run (server process)']}) |`,
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
  writeSection(BEGIN, END, section);
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

runBench(main);
