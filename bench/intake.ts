/**
 * `npm run bench:intake`: the portal's submission endpoint on PostgreSQL. The real server (Suo County
 * demo) takes `mediation.question` submissions from autocannon for BENCH_DURATION seconds (default 30),
 * each with its own solved challenge and visitor address; afterwards the row of every lookup code
 * answered with a 200 must be in the table (nothing a citizen sent is lost). The results replace the bench:intake section
 * of docs/PERFORMANCE.md.
 *
 *   BENCH_DURATION=30  BENCH_CONNECTIONS=20
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (a fresh database is created and dropped)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { query } from '../server/src/db/database.js';
import { intakeOf } from '../server/src/platform/intake/index.js';
import { startServer, type Running } from '../server/src/server.js';
import {
  admin,
  benchDatabaseName,
  config,
  drained,
  loadAverage,
  log,
  PG_URL,
  root,
  stopWithin,
  withDb,
  writeSection,
} from './lib.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const KIND = 'mediation.question';
const BITS = 4;
const INTAKE_KEY = randomBytes(32).toString('hex');
const TARGET_RPS = 200;

interface Run {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  codes: string[];
}

function load(url: string, seconds: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/intake-load.ts',
        url,
        KIND,
        INTAKE_KEY,
        String(BITS),
        String(CONNECTIONS),
        String(seconds),
      ],
      { cwd: root },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}

const started = Date.now();
const loadBefore = loadAverage();
const name = benchDatabaseName();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
await admin((c) => c.query(`create database ${name}`));
let running: Running | undefined;
try {
  running = await startServer(
    config({
      dataDir,
      databaseUrl: withDb(PG_URL, name),
      // many citizens: each request carries its own address, as a proxy in front would pass it on
      trustProxy: true,
      intakeKeyHex: INTAKE_KEY,
      intakePowBits: BITS,
    }),
    { jobs: false },
  );
  if (!intakeOf(running.platform).handlers.has(KIND))
    throw new Error(`${KIND} is not registered: the mediation module must be in modules/index.ts`);
  const db = running.database.db;
  const count = async () =>
    (
      await query<{ n: number; processed: number }>(
        db,
        sql`select count(*)::int as n, count(processed_at)::int as processed from intake_submissions`,
      )
    )[0]!;

  log('warm-up 3 s');
  await load(running.url, 3);
  const before = await count();
  log(`measuring ${DURATION} s at ${CONNECTIONS} connections`);
  const r = await load(running.url, DURATION);
  // requests still in flight when autocannon stopped are finished (and stored) before counting
  await drained(running.url);
  const after = await count();
  const stored = after.n - before.n;
  const processed = after.processed - before.processed;
  const ok = r.codes.length;
  const [found] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from intake_submissions where lookup_code = any(string_to_array(${r.codes.join(',')}, ','))`,
  );
  const lost = ok - found!.n;
  log(
    `${r.requests.average} req/s p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms; 200s ${ok}, rows ${stored}, processed ${processed}, lost ${lost}, errors ${r.errors + r.timeouts}, non2xx ${r.non2xx}`,
  );
  await stopWithin(running);
  running = undefined;

  const rps = r.requests.average;
  const cpus = os.cpus();
  const met = (b: boolean) => (b ? 'met' : '**missed**');
  writeSection(
    '<!-- bench:intake:begin (written by npm run bench:intake; do not edit by hand) -->',
    '<!-- bench:intake:end -->',
    [
      '## Portal submissions (`npm run bench:intake`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (${Math.round((Date.now() - started) / 1000)} s in all). ` +
        `Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), Node ${process.version}; PostgreSQL on the same machine; ` +
        `autocannon in its own process; load average ${loadBefore} before the run (other work on the machine shares its cores).`,
      '',
      `\`POST /api/public/intake/${KIND}\` on PostgreSQL, Suo County demo, ${CONNECTIONS} connections for ${DURATION} s after a 3 s warm-up. ` +
        `Each request carries its own challenge, minted with the server's key (\`FAZHI_INTAKE_KEY\`) at ${BITS} bits and solved by the load process, ` +
        'and its own visitor address (`X-Forwarded-For`, `FAZHI_TRUST_PROXY=1`), so the per-address limits hold as for many citizens. ' +
        'Each submission is stored in its own transaction, then handed to the mediation module (a question record, audited) in a second one, ' +
        'and answered with the receipt.',
      '',
      'Afterwards every lookup code answered with a 200 is looked up in `intake_submissions`; rows beyond the 200s are the ' +
        `requests still in flight when autocannon stopped counting (at most one per connection), stored all the same.`,
      '',
      '| req/s | p50 ms | p99 ms | 200s | their rows found | rows stored | rows processed | errors | non-2xx |',
      '|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
      `| ${rps} | ${r.latency.p50} | ${r.latency.p99} | ${ok} | ${found!.n} | ${stored} | ${processed} | ${r.errors + r.timeouts} | ${r.non2xx} |`,
      '',
      '| target | result |',
      '|---|---|',
      `| ≥ ${TARGET_RPS} req/s for ${DURATION} s | ${met(rps >= TARGET_RPS)} (${rps}) |`,
      `| no error | ${met(r.errors + r.timeouts + r.non2xx === 0)} (${r.errors + r.timeouts + r.non2xx}) |`,
      `| no lost submission: every 200 answer's row is there | ${met(lost === 0 && stored - ok <= CONNECTIONS)} (${found!.n} of ${ok}; ${stored - ok} more in flight) |`,
    ].join('\n'),
  );
} finally {
  // the server's pool goes before its database does
  await running?.stop();
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
