/**
 * `npm run bench:overhead`: what a request costs before its own query, step by step on PostgreSQL, so
 * the p99-at-50-connections targets can be read against this machine's ceiling. The ladder: a bare
 * Fastify route; bare Fastify + pg reading one indexed page of 20 rows; the real server's health route
 * (no session); `/api/auth/me` (session, three small queries); and two lists over the demo's small
 * data, users (office) and mediation cases (a committee's mediator). The results replace the
 * bench:overhead section of docs/PERFORMANCE.md.
 *
 *   BENCH_DURATION=6         seconds per autocannon run
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (a fresh database is created and dropped)
 */
import os from 'node:os';
import { startServer } from '../server/src/server.js';
import { startBare } from './bare-server.js';
import {
  admin,
  benchDatabaseName,
  config,
  drive,
  loadAverage,
  loadTable,
  login,
  PG_URL,
  runBench,
  stopWithin,
  withDb,
  writeSection,
  type Load,
} from './lib.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 6);

async function main() {
  const started = Date.now();
  const before = loadAverage();
  const name = benchDatabaseName();
  await admin((c) => c.query(`create database ${name}`));
  const loads: Load[] = [];
  const run = async (target: string, url: string, cookie?: string) =>
    loads.push(...(await drive('PostgreSQL', target, url, cookie ? { cookie } : {}, { seconds: DURATION })));
  try {
    const url = withDb(PG_URL, name);
    const running = await startServer(config({ databaseUrl: url }), { jobs: false });
    const bare = await startBare(url, '/'); // its /users route is bench:run's; the ladder uses /trivial and /page
    try {
      const office = await login(running.url, 'office');
      const mediator = await login(running.url, 'mediator');
      await run('bare Fastify, no database', `${bare.url}/trivial`);
      await run('bare Fastify + pg, one indexed page of 20 rows', `${bare.url}/page`);
      await run('GET /api/health (no session)', `${running.url}/api/health`);
      await run('GET /api/auth/me (session, 3 small queries)', `${running.url}/api/auth/me`, office);
      await run(
        'GET /api/org/users?page=1&pageSize=20 (office, demo)',
        `${running.url}/api/org/users?page=1&pageSize=20`,
        office,
      );
      await run(
        'GET /api/mediation/cases?page=1&pageSize=20 (mediator, demo)',
        `${running.url}/api/mediation/cases?page=1&pageSize=20`,
        mediator,
      );
    } finally {
      await bare.close();
      await stopWithin(running);
    }
  } finally {
    await admin((c) => c.query(`drop database ${name} with (force)`));
  }
  const cpu = os.cpus();
  const section = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:overhead\` (${Math.round((Date.now() - started) / 1000)} s in all).`,
    '',
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, load average ${before} before the run; ` +
      `PostgreSQL on the same machine; autocannon in its own process; ${DURATION} s per run after a 3 s warm-up. ` +
      'Data: the Suo County demo only, so every query is small: what is measured is the cost around it.',
    '',
    ...loadTable(loads),
  ].join('\n');
  writeSection(BEGIN, END, section);
}

const BEGIN = '<!-- bench:overhead:begin (written by npm run bench:overhead; do not edit by hand) -->';
const END = '<!-- bench:overhead:end -->';

runBench(main);
