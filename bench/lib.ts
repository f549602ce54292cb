/** What the benchmarks share: the database, the server, autocannon and the marked section of PERFORMANCE.md. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig, type Config } from '../server/src/config.js';
import type { Db } from '../server/src/db/database.js';
import type { Running } from '../server/src/server.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const KEY = randomBytes(16).toString('hex');
export const PASSWORD = 'Fazhi@2023';

export const log = (...a: unknown[]) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

export function withDb(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Load {
  backend: string;
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** responses received in the run (autocannon's requests.total) */
  responses: number;
  timeouts: number;
}

/** The autocannon runs as a markdown table, one row per target and connection count. */
export const loadTable = (loads: readonly Load[]) => [
  '| target | conn. | req/s | p50 ms | p99 ms | errors | non-2xx |',
  '|---|--:|--:|--:|--:|--:|--:|',
  ...loads.map(
    (l) =>
      `| ${l.target} | ${l.connections} | ${Math.round(l.rps)} | ${l.p50} | ${l.p99} | ${l.errors} | ${l.non2xx} |`,
  ),
];

/** autocannon in its own process, so the load generator does not share the server's event loop. */
export function autocannon(
  url: string,
  connections: number,
  headers: Record<string, string>,
  seconds: number,
) {
  const args = ['-c', String(connections), '-d', String(seconds), '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise<{
    requests: { average: number; total: number };
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

/**
 * A 3 s unmeasured warm-up at 10 connections, then one measured run per connection count, the server
 * settled after the warm-up and after each run: a list that takes seconds per request would otherwise
 * start each measured run behind the previous one's queue.
 */
export async function drive(
  backend: string,
  target: string,
  url: string,
  headers: Record<string, string>,
  opts: { seconds: number; connections?: number[] },
): Promise<Load[]> {
  const base = new URL(url).origin;
  await autocannon(url, 10, headers, 3).catch(() => undefined); // JIT and caches warm up
  await settle(base);
  const out: Load[] = [];
  for (const connections of opts.connections ?? [10, 50]) {
    const r = await autocannon(url, connections, headers, opts.seconds);
    const l: Load = {
      backend,
      target,
      connections,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      responses: r.requests.total,
      timeouts: r.timeouts,
    };
    out.push(l);
    log(
      `${backend} ${target} c=${connections}: ${l.rps} req/s p50 ${l.p50} ms p99 ${l.p99} ms errors ${l.errors} ` +
        `(timeouts ${l.timeouts}) non2xx ${l.non2xx} responses ${l.responses}`,
    );
    await settle(base);
  }
  return out;
}

/**
 * Waits until the server answers quickly again, however long that takes (up to 10 minutes): after an
 * overload it finishes every queued request, even those whose client has gone.
 */
export async function settle(base: string) {
  for (let i = 0; i < 10; i++) {
    const t = Date.now();
    await drained(base);
    if (Date.now() - t < 59_000) return;
  }
  throw new Error('server still busy after 10 minutes');
}

/** Sequential requests, one at a time: what one user waits; `last` is the last answer's JSON. */
export async function single(url: string, cookie: string, n = 10) {
  const ms: number[] = [];
  let last: unknown;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    last = await r.json();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(n / 2)]!, max: ms[n - 1]!, last };
}

/** A fresh database's name for one bench run (created and dropped by the bench). */
export const benchDatabaseName = () => `fazhi_bench_${randomBytes(4).toString('hex')}`;

/** The machine's load average before a run, for the report: other work shares the two cores. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** Runs a bench's main and exits with its outcome (the server's timers would keep the process alive). */
export function runBench(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

/**
 * `units` org units under the region: 40 governments, half of them under 索县人民政府 (inside the
 * office user's scope), and departments under each. Paths are settled after insert, from the parent.
 */
export async function loadUnits(db: Db, units: number) {
  const settlePaths = () =>
    db.execute(sql`
      update org_units o set path = p.path || o.id || '/'
        from org_units p where o.path like 'pending:bench:%' and p.id = o.parent_id`);
  await db.execute(sql`
    insert into org_units (name, kind, division_code, parent_id, path, sort)
    select 'bench单位' || g, 'government', case when g % 2 = 0 then '540626' else '540000' end,
           (select id from org_units where name = case when g % 2 = 0 then '索县人民政府' else '西藏自治区人民政府' end),
           'pending:bench:' || g, g
      from generate_series(1, 40) g`);
  await settlePaths();
  await db.execute(sql`
    insert into org_units (name, kind, division_code, parent_id, path, sort)
    select t.name || '-' || g, 'department', t.division_code, t.id, 'pending:bench:' || t.id || ':' || g, g
      from org_units t cross join generate_series(1, ${(units - 40) / 40}) g
     where t.name like 'bench单位%'`);
  await settlePaths();
}

export async function login(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('fazhi_session='));
  return cookie!.split(';')[0]!;
}

/** After an overload the server may still be working through queued requests: wait until it answers quickly. */
export async function drained(url: string) {
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

export async function stopWithin(running: Running, ms = 30_000) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), ms)));
  const r = await Promise.race([running.stop().then(() => 'ok' as const), late]);
  clearTimeout(timer);
  if (r === 'late') throw new Error(`server did not stop within ${ms / 1000} s`);
}

export function config(over: Partial<Config>): Config {
  return {
    ...loadConfig({ FAZHI_FIELD_KEY: KEY, FAZHI_LOG_LEVEL: 'warn' }),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    ...over,
  };
}

/** Replaces the section between `begin` and `end` in docs/PERFORMANCE.md (appends it when missing). */
export function writeSection(begin: string, end: string, section: string) {
  const file = path.join(root, 'docs/PERFORMANCE.md');
  const block = `${begin}\n\n${section}\n\n${end}`;
  let text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Performance\n\nHow fast Fazhi is on the machines it runs on, measured, not guessed.\n';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  text =
    a >= 0 && b > a
      ? text.slice(0, a) + block + text.slice(b + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  log(`wrote ${path.relative(root, file)}`);
}
