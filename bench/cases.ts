/**
 * `npm run bench:cases`: the two case lists of issue #4 on PostgreSQL — mediation
 * (`GET /api/mediation/cases`) and reconsideration (`GET /api/reconsideration/cases`) — over a heavy
 * county load on top of the Suo County demo: 100,000 mediation cases over the county's 11 committees
 * and five years (two parties each, their SM4 columns copied from the demo's parties) and 20,000
 * reconsideration cases copied from the demo's files with their dates shifted. The first page of each
 * list is driven as the users who read it; the results replace the bench:cases section of
 * docs/PERFORMANCE.md.
 *
 *   BENCH_DURATION=10        seconds per autocannon run
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (a fresh database is created and dropped)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { PG_SESSION_OPTIONS, query, type Db } from '../server/src/db/database.js';
import * as schema from '../server/src/db/schema.js';
import { CaseService } from '../server/src/modules/mediation/cases.js';
import { P as MP } from '../server/src/modules/mediation/common.js';
import { CaseQuery as MediationQuery } from '../server/src/modules/mediation/contract.js';
import { CaseQuery as ReconQuery } from '../server/src/modules/reconsideration/contract.js';
import { listCases } from '../server/src/modules/reconsideration/queries.js';
import { P as RP, todayInShanghai } from '../server/src/modules/reconsideration/store.js';
import { Actor, inScope } from '../server/src/platform/access/actor.js';
import { loadGrants } from '../server/src/platform/access/grants.js';
import type { Platform } from '../server/src/platform/platform.js';
import { startServer, type Running } from '../server/src/server.js';
import {
  admin,
  benchDatabaseName,
  config,
  drive,
  loadAverage,
  log,
  login,
  PG_URL,
  runBench,
  single,
  stopWithin,
  withDb,
  writeSection,
  type Load,
} from './lib.js';
import { FROM, MEDIATION_CASES, RECON_CASES, loadMediation, loadReconsideration } from './cases-load.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const TARGET_P99 = 50;
const THIS_YEAR = Number(todayInShanghai().slice(0, 4));

/**
 * Who reads which list (module manifests, org demo): mediation.read is held by the office
 * (`office`: 索县 subtree, every committee) and by a committee's mediators (`mediator`: 亚拉镇调委会
 * alone, no subtree); reconsideration.case.read only by the reconsideration officer (`fuyi`: 索县
 * subtree). `office` holds only the reconsideration statistics and is refused the list.
 */
interface Target {
  key: string;
  list: 'mediation' | 'reconsideration';
  user: string;
  path: string;
  note: string;
  /** the count the list's total must equal, in the user's scope; null when the filter is computed in JS */
  expect: ((scope: SQL) => SQL) | null;
  /** driven by autocannon; false: one request at a time only (it costs what the unfiltered list costs) */
  load: boolean;
}
const TARGETS: Target[] = [
  {
    key: 'mediation-office',
    list: 'mediation',
    user: 'office',
    path: '/api/mediation/cases?page=1&pageSize=20',
    note: 'office: whole county',
    expect: (scope) =>
      sql`select count(*)::int as n from mediation_cases c join org_units u on u.id = c.unit_id
          where c.voided_at is null and (${scope})`,
    load: true,
  },
  {
    key: 'mediation-mediator',
    list: 'mediation',
    user: 'mediator',
    path: '/api/mediation/cases?page=1&pageSize=20',
    note: 'mediator: 亚拉镇 committee',
    expect: (scope) =>
      sql`select count(*)::int as n from mediation_cases c join org_units u on u.id = c.unit_id
          where c.voided_at is null and (${scope})`,
    load: true,
  },
  {
    key: 'mediation-office-status',
    list: 'mediation',
    user: 'office',
    path: '/api/mediation/cases?page=1&pageSize=20&status=mediating',
    note: 'office: open cases, status=mediating',
    expect: (scope) =>
      sql`select count(*)::int as n from mediation_cases c join org_units u on u.id = c.unit_id
          where c.voided_at is null and c.status = 'mediating' and (${scope})`,
    load: true,
  },
  {
    key: 'recon-fuyi',
    list: 'reconsideration',
    user: 'fuyi',
    path: '/api/reconsideration/cases?page=1&pageSize=20',
    note: 'fuyi: every file of the organ',
    expect: (scope) =>
      sql`select count(*)::int as n from reconsideration_cases c join org_units o on o.id = c.organ_unit_id
          where c.voided_at is null and (${scope})`,
    load: true,
  },
  {
    key: 'recon-fuyi-stage',
    list: 'reconsideration',
    user: 'fuyi',
    path: '/api/reconsideration/cases?page=1&pageSize=20&stage=accepted',
    note: 'fuyi: stage=accepted, the waiting cases computed',
    expect: null,
    load: true,
  },
  {
    key: 'recon-fuyi-flag',
    list: 'reconsideration',
    user: 'fuyi',
    path: '/api/reconsideration/cases?page=1&pageSize=20&flag=overdue',
    note: 'fuyi: flag=overdue, the open cases computed',
    expect: null,
    load: true,
  },
  {
    key: 'recon-fuyi-year',
    list: 'reconsideration',
    user: 'fuyi',
    path: `/api/reconsideration/cases?page=1&pageSize=20&year=${THIS_YEAR}`,
    note: `fuyi: year=${THIS_YEAR}, narrowed in SQL`,
    expect: (scope) =>
      sql`select count(*)::int as n from reconsideration_cases c join org_units o on o.id = c.organ_unit_id
          where c.voided_at is null and (${scope})
            and (extract(year from c.received_on) = ${THIS_YEAR} or extract(year from c.accepted_on) = ${THIS_YEAR})`,
    load: true,
  },
];

/** The signed-in user's actor, as the session builds it. */
async function actorOf(db: Db, username: string) {
  const [u] = await query<{ id: string; display_name: string; unit_id: number; path: string }>(
    db,
    sql`select u.id, u.display_name, u.unit_id, o.path from users u join org_units o on o.id = u.unit_id
        where u.username = ${username}`,
  );
  if (!u) throw new Error(`no user ${username}`);
  return Actor.user(
    {
      id: u.id,
      username,
      displayName: u.display_name,
      unitId: u.unit_id,
      unitPath: u.path,
      mustChangePassword: false,
    },
    await loadGrants(db, u.id),
  );
}

const searchOf = (p: string) => Object.fromEntries(new URL(p, 'http://x').searchParams);
const permissionOf = (t: Target) => (t.list === 'mediation' ? MP.read : RP.read);
const scopeSql = (t: Target, actor: Actor) =>
  inScope(t.list === 'mediation' ? sql`u.path` : sql`o.path`, actor.scopes(permissionOf(t)));

/** The route's own service call, in process, on `db`. */
function listIn(platform: Platform, db: Db, t: Target, actor: Actor): Promise<{ total: number }> {
  return t.list === 'mediation'
    ? new CaseService({ ...platform, db }).list(actor, MediationQuery.parse(searchOf(t.path)))
    : listCases(db, platform.calendar, platform.fieldCrypto, actor, ReconQuery.parse(searchOf(t.path)));
}

type Run = Load & { key: string };

/** drive() of lib.ts for one target, its runs keyed for the report. */
const measure = async (base: string, t: Target, cookie: string): Promise<Run[]> =>
  (
    await drive(
      'PostgreSQL',
      `GET ${t.path} (${t.user})`,
      `${base}${t.path}`,
      { cookie },
      { seconds: DURATION },
    )
  ).map((l) => ({ ...l, key: t.key }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** Plan lines are cut at 160 characters: the page's ids travel as one array literal. */
const cut = (l: string) => (l.length > 160 ? `${l.slice(0, 160)}… (${l.length} chars)` : l);

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL the list sends, exactly: the service runs once on a drizzle
 * handle with a logger (own pool, the server's session options), and each logged statement is then
 * explained with its parameters.
 */
async function explainList(url: string, platform: Platform, t: Target, actor: Actor) {
  const seen: { text: string; params: unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1, options: PG_SESSION_OPTIONS });
  try {
    const db = drizzle(pool, {
      schema,
      logger: { logQuery: (text, params) => seen.push({ text, params }) },
    }) as unknown as Db;
    await listIn(platform, db, t, actor);
    const out: string[] = [];
    for (const [i, s] of seen.entries()) {
      if (!/mediation_cases|reconsideration_/.test(s.text)) continue;
      const r = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.text}`, s.params);
      out.push(
        `-- statement ${i + 1} of ${seen.length} (${s.params.length} parameters)`,
        ...r.rows.map((x) => cut(x['QUERY PLAN'])),
      );
    }
    return out;
  } finally {
    await pool.end();
  }
}

/** Where a request's time goes, in process (no HTTP), median of 7: the whole service call. */
async function phases(running: Running, t: Target, actor: Actor): Promise<[string, string][]> {
  const whole: number[] = [];
  for (let i = 0; i < 7; i++)
    whole.push((await timed(() => listIn(running.platform, running.platform.db, t, actor)))[1]);
  return [[`${t.note}: service call in process`, `${median(whole).toFixed(1)} ms`]];
}

async function main() {
  setInterval(() => undefined, 1000);
  const started = Date.now();
  const loadBefore = loadAverage();
  const name = benchDatabaseName();
  const url = withDb(PG_URL, name);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const loads: Run[] = [];
  const facts: [string, string][] = [];
  const singles = new Map<string, { median: number; max: number; total: number }>();
  const plans = new Map<string, string[]>();
  await admin((c) => c.query(`create database ${name}`));
  let running: Running | undefined;
  try {
    running = await startServer(config({ dataDir, databaseUrl: url }), { jobs: false });
    const db = running.database.db;
    const t0 = Date.now();
    await loadMediation(db);
    const t1 = Date.now();
    await loadReconsideration(db);
    const t2 = Date.now();
    // What autovacuum does within a minute of a bulk load; index-only scans need the visibility map.
    await db.execute(sql`vacuum analyze`);
    const [n] = await query<{ cases: number; parties: number; mediators: number; recon: number }>(
      db,
      sql`select (select count(*)::int from mediation_cases) as cases, (select count(*)::int from mediation_parties) as parties,
            (select count(*)::int from mediation_case_mediators) as mediators,
            (select count(*)::int from reconsideration_cases) as recon`,
    );
    facts.push([
      'bulk load',
      `${((t1 - t0) / 1000).toFixed(1)} s mediation + ${((t2 - t1) / 1000).toFixed(1)} s reconsideration + ` +
        `${((Date.now() - t2) / 1000).toFixed(1)} s vacuum analyze → ${n!.cases} mediation cases, ${n!.parties} parties, ` +
        `${n!.mediators} case mediators; ${n!.recon} reconsideration cases`,
    ]);
    log('loaded', n, `in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const cookies = new Map<string, string>();
    const actors = new Map<string, Actor>();
    for (const u of new Set(TARGETS.map((t) => t.user))) {
      cookies.set(u, await login(running.url, u));
      actors.set(u, await actorOf(db, u));
    }
    // the office may see the statistics, never the files
    const refused = await fetch(`${running.url}/api/reconsideration/cases?page=1&pageSize=20`, {
      headers: { cookie: await login(running.url, 'office') },
    });
    facts.push(['`office` asking for the reconsideration list', `HTTP ${refused.status}`]);
    if (refused.status !== 403) throw new Error(`office read the reconsideration list: ${refused.status}`);

    // The loaded rows must be what the lists count, or the numbers measure an empty page.
    for (const t of TARGETS) {
      const r = await single(`${running.url}${t.path}`, cookies.get(t.user)!);
      const s = { ...r, total: (r.last as { total: number }).total };
      singles.set(t.key, s);
      if (t.expect) {
        const [e] = await query<{ n: number }>(db, t.expect(scopeSql(t, actors.get(t.user)!)));
        if (s.total !== e!.n) throw new Error(`${t.key}: the list says ${s.total}, the table ${e!.n}`);
      }
      log(t.key, `total ${s.total}`, `median ${s.median.toFixed(1)} ms`, `max ${s.max.toFixed(1)} ms`);
    }
    if (singles.get('mediation-office')!.total < MEDIATION_CASES)
      throw new Error('mediation load not visible');
    if (singles.get('recon-fuyi')!.total < RECON_CASES) throw new Error('reconsideration load not visible');

    // in process and EXPLAIN first, on a quiet server
    for (const t of TARGETS) facts.push(...(await phases(running, t, actors.get(t.user)!)));
    for (const key of ['mediation-office', 'mediation-mediator', 'mediation-office-status', 'recon-fuyi']) {
      const t = TARGETS.find((x) => x.key === key)!;
      plans.set(key, await explainList(url, running.platform, t, actors.get(t.user)!));
    }
    // the unfiltered reconsideration list last: it leaves the longest queue behind
    const order = TARGETS.filter((t) => t.load).sort(
      (a, b) => Number(a.key === 'recon-fuyi') - Number(b.key === 'recon-fuyi'),
    );
    for (const t of order) loads.push(...(await measure(running.url, t, cookies.get(t.user)!)));
    await stopWithin(running);
    running = undefined;
  } finally {
    // the server's pool goes before its database does
    await running?.stop();
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const section = report(loads, facts, singles, plans, Date.now() - started, loadBefore);
  console.log(`\n${section}\n`);
  writeSection(BEGIN, END, section);
}

function report(
  loads: Run[],
  facts: [string, string][],
  singles: Map<string, { median: number; max: number; total: number }>,
  plans: Map<string, string[]>,
  totalMs: number,
  loadBefore: string,
) {
  const cpu = os.cpus();
  const pass = (ok: boolean) => (ok ? 'met' : '**missed**');
  const at50 = (key: string) => loads.find((l) => l.key === key && l.connections === 50);
  const verdict = (t: Target) => {
    const l = at50(t.key);
    if (!l) {
      const s = singles.get(t.key);
      return `**missed** (not driven: one request alone takes ${s ? s.median.toFixed(0) : '?'} ms)`;
    }
    const ok = l.responses > 0 && l.errors === 0 && l.non2xx === 0 && l.p99 < TARGET_P99;
    return `${pass(ok)} (${l.responses > 0 ? `${l.p99} ms` : 'no response'}${l.timeouts ? `, ${l.timeouts} timeouts` : ''})`;
  };
  // autocannon reports 0 ms latencies when nothing came back within the run
  const ms = (l: Run, v: number) => (l.responses > 0 ? String(v) : '—');
  const plan = (key: string, title: string) => [
    '',
    title,
    '```',
    ...(plans.get(key) ?? ['(not captured)']),
    '```',
  ];
  return [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:cases\` (${(totalMs / 1000).toFixed(0)} s in all).`,
    '',
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, shared with other work ` +
      `(load average ${loadBefore} before the run); PostgreSQL on the same machine; autocannon in its own process; ` +
      `${DURATION} s per run after a 3 s warm-up, each run started only once the server answers quickly again; ` +
      "the server's pool has 10 connections.",
    '',
    `Data: Suo County demo + ${MEDIATION_CASES.toLocaleString('en')} mediation cases over the 11 committees ` +
      `(county + 10 townships), received ${FROM} to yesterday, a fifth of those since July 2023 at the centre, two ` +
      `parties each (SM4 columns copied from the demo), open in the last 45 days, closed before; ` +
      `${RECON_CASES.toLocaleString('en')} reconsideration files of 索县人民政府 copied from the demo's with their dates shifted ` +
      '(every 50th still 审理中); then `vacuum analyze`. Each list total was checked against a count of the table in the ' +
      'user’s scope before measuring.',
    '',
    '| list (user) | total | one at a time, median / max ms |',
    '|---|--:|--:|',
    ...TARGETS.map((t) => {
      const s = singles.get(t.key);
      return `| \`${t.path}\` (${t.note}) | ${s?.total ?? '—'} | ${s ? `${s.median.toFixed(0)} / ${s.max.toFixed(0)}` : '—'} |`;
    }),
    '',
    '| target | conn. | req/s | p50 ms | p99 ms | errors (timeouts) | non-2xx | responses |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...loads.map(
      (l) =>
        `| ${l.target} | ${l.connections} | ${l.rps < 10 ? l.rps.toFixed(1) : Math.round(l.rps)} | ${ms(l, l.p50)} | ${ms(l, l.p99)} | ` +
        `${l.errors} (${l.timeouts}) | ${l.non2xx} | ${l.responses} |`,
    ),
    '',
    'Errors count autocannon’s timeouts (no answer within 10 s); the server still works through such requests ' +
      'after their client has gone, and each run starts only once it answers quickly again.',
    '',
    '| measure | value |',
    '|---|---|',
    ...facts.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '| target | result |',
    '|---|---|',
    ...TARGETS.map((t) => `| ${t.note}: p99 < ${TARGET_P99} ms at 50 conn. | ${verdict(t)} |`),
    ...plan(
      'mediation-office',
      'EXPLAIN (ANALYZE, BUFFERS) of the mediation list as `office` (the whole county):',
    ),
    ...plan(
      'mediation-mediator',
      'EXPLAIN (ANALYZE, BUFFERS) of the mediation list as `mediator` (亚拉镇 committee):',
    ),
    ...plan(
      'mediation-office-status',
      'EXPLAIN (ANALYZE, BUFFERS) of the mediation list as `office`, status=mediating:',
    ),
    ...plan(
      'recon-fuyi',
      'EXPLAIN (ANALYZE, BUFFERS) of the statements of the reconsideration list as `fuyi` (the page’s ids, ' +
        'the total, then the page’s cases with their organs, their rows and their suspensions):',
    ),
  ].join('\n');
}

const BEGIN = '<!-- bench:cases:begin (written by npm run bench:cases; do not edit by hand) -->';
const END = '<!-- bench:cases:end -->';

runBench(main);
