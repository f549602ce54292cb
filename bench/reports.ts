/**
 * `npm run bench:reports`: the annual report's figures on PostgreSQL over one county-year of
 * ≈ 200,000 records (the Suo County demo's records copied in bulk SQL, dates kept in 2023), plus
 * 20,000 ledger records in each of the other ten counties of 那曲市 for the roll-up. Measures all
 * registered figures for 索县 2023, the 那曲市 roll-up over its 11 counties and the Word file, and
 * replaces the bench:reports section of docs/PERFORMANCE.md.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (a fresh database is created and dropped)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../server/src/db/database.js';
import { renderDocx } from '../server/src/platform/documents/docx.js';
import type { Platform } from '../server/src/platform/platform.js';
import { startServer } from '../server/src/server.js';
import {
  admin,
  benchDatabaseName,
  config,
  log,
  PASSWORD,
  PG_URL,
  runBench,
  stopWithin,
  withDb,
  writeSection,
} from './lib.js';

/** Session and CSRF cookies, and the token to echo on writes. */
async function login(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}
const csrfOf = (cookie: string) => /fazhi_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';

const TARGET = Number(process.env.BENCH_RECORDS ?? 200_000);
const OTHER_COUNTY_ROWS = 20_000;
const SUO = '540626';

/**
 * Record tables copied, with the child tables that hang off each copied row. Only tables whose
 * rows carry nothing unique but their id are copied (a case number, say, is unique per unit and
 * year); children are copied with their parent's new id.
 */
const FAMILIES: { table: string; unit: string; children: { table: string; fk: string }[] }[] = [
  {
    table: 'activities',
    unit: 'unit_id',
    children: [
      { table: 'activity_materials', fk: 'activity_id' },
      { table: 'activity_attendance', fk: 'activity_id' },
    ],
  },
  { table: 'findings', unit: 'unit_id', children: [{ table: 'finding_events', fk: 'finding_id' }] },
  { table: 'mediation_visits', unit: 'unit_id', children: [] },
  { table: 'mediation_questions', unit: 'unit_id', children: [] },
];

async function columns(db: Db, table: string): Promise<string[]> {
  const rows = await query<{ column_name: string }>(
    db,
    sql`select column_name from information_schema.columns where table_name = ${table} and table_schema = 'public'
        order by ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

const list = (cols: string[], prefix = '') => sql.raw(cols.map((c) => `${prefix}"${c}"`).join(', '));

/**
 * Copies `times` times every row of a family owned by a unit of `fromDivision`'s subtree, each copy
 * with a fresh id; with `toUnit` the copies belong to that unit instead (another county).
 */
async function copyFamily(
  db: Db,
  f: (typeof FAMILIES)[number],
  fromDivision: string,
  times: number,
  toUnit?: number,
): Promise<number> {
  const cols = (await columns(db, f.table)).filter((c) => c !== 'id');
  if (!cols.length) return 0;
  await db.execute(sql.raw(`drop table if exists bench_map`));
  await db.execute(sql`
    create temp table bench_map on commit drop as
    select r.id as old_id, gen_random_uuid() as new_id
      from ${sql.raw(f.table)} r join org_units u on u.id = r.${sql.raw(f.unit)} join divisions d on d.code = u.division_code
      cross join generate_series(1, ${times}) g
     where d.path like ${`%/${fromDivision}/%`}`);
  // a temp table has no statistics: without them the copies below plan nested loops over the whole table
  await db.execute(sql`analyze bench_map`);
  const pick = cols.map((c) =>
    toUnit !== undefined && (c === f.unit || c === 'organiser_unit_id') ? `${toUnit}` : `r."${c}"`,
  );
  const res = await db.execute(sql`
    insert into ${sql.raw(f.table)} (id, ${list(cols)})
    select m.new_id, ${sql.raw(pick.join(', '))} from bench_map m join ${sql.raw(f.table)} r on r.id = m.old_id
    on conflict do nothing`);
  for (const child of f.children) {
    const cc = (await columns(db, child.table)).filter((c) => c !== 'id' && c !== child.fk);
    const pickC = cc.map((c) => (toUnit !== undefined && c === 'unit_id' ? `${toUnit}` : `c."${c}"`));
    await db.execute(sql`
      insert into ${sql.raw(child.table)} (${sql.raw(child.fk)}, ${list(cc)})
      select m.new_id, ${sql.raw(pickC.join(', '))} from bench_map m join ${sql.raw(child.table)} c on c.${sql.raw(child.fk)} = m.old_id
       where exists (select 1 from ${sql.raw(f.table)} p where p.id = m.new_id)
      on conflict do nothing`);
  }
  return (res as unknown as { rowCount?: number }).rowCount ?? 0;
}

async function countSuo(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const f of FAMILIES) {
    const [r] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.raw(f.table)} r join org_units u on u.id = r.${sql.raw(f.unit)}
          join divisions d on d.code = u.division_code where d.path like ${`%/${SUO}/%`}`,
    );
    out[f.table] = Number(r?.n ?? 0);
  }
  return out;
}

async function load(db: Db) {
  const before = await countSuo(db);
  const demoRows = Object.values(before).reduce((a, b) => a + b, 0);
  const times = Math.max(1, Math.ceil(TARGET / demoRows) - 1);
  // the other counties first, copying the demo's own records (not Suo's copies): ledger records
  // only, under each county's government
  const others = await query<{ code: string; id: number }>(
    db,
    sql`select d.code, u.id from divisions d join org_units u on u.division_code = d.code and u.kind = 'government'
        where d.parent_code = '540600' and d.code <> ${SUO}`,
  );
  const perCounty = Math.max(1, Math.round(OTHER_COUNTY_ROWS / before.activities!));
  // one transaction per copy: the temp mapping table lives in one connection of the pool
  for (const o of others) {
    const t = Date.now();
    await db.transaction((tx) => copyFamily(tx as unknown as Db, FAMILIES[0]!, SUO, perCounty, o.id));
    log(`county ${o.code}: ${Date.now() - t} ms`);
  }
  for (const f of FAMILIES) {
    const t = Date.now();
    const n = await db.transaction((tx) => copyFamily(tx as unknown as Db, f, SUO, times));
    log(`copied ${n} ${f.table} rows ×${times} in ${Date.now() - t} ms`);
  }
  const t = Date.now();
  await db.execute(sql`vacuum analyze`);
  log(`vacuum analyze ${Date.now() - t} ms`);
  const after = await countSuo(db);
  const [all] = await query<{ n: number }>(db, sql`select count(*)::int as n from activities`);
  return { before, after, times, otherCounties: others.length, activitiesTotal: Number(all?.n ?? 0) };
}

async function timed<T>(fn: () => Promise<T>, n = 5): Promise<{ median: number; max: number; last: T }> {
  await fn(); // warm-up: plans cached, pages in memory
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(n / 2)]!, max: ms[n - 1]!, last };
}

async function get(url: string, cookie: string) {
  const r = await fetch(url, { headers: { cookie } });
  if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  return r;
}

/** each figure alone for 索县 2023, slowest first */
async function perFigure(platform: Platform) {
  const [d] = await query<{ path: string }>(platform.db, sql`select path from divisions where code = ${SUO}`);
  const scope = { divisionCode: SUO, divisionPath: d!.path, unitScopes: [{ path: '/', subtree: true }] };
  const out: { key: string; ms: number }[] = [];
  for (const f of platform.figures.byKey.values()) {
    const t = performance.now();
    await f.compute({ db: platform.db, scope, period: { from: '2023-01-01', to: '2023-12-31' } });
    out.push({ key: f.key, ms: performance.now() - t });
  }
  return out.sort((a, b) => b.ms - a.ms);
}

async function main() {
  setInterval(() => undefined, 1000);
  const started = Date.now();
  const name = benchDatabaseName();
  const url = withDb(PG_URL, name);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const facts: [string, string][] = [];
  const results: { label: string; target: number; ms: number }[] = [];
  let slow: { key: string; ms: number }[] = [];
  await admin((c) => c.query(`create database ${name}`));
  try {
    const running = await startServer(config({ dataDir, databaseUrl: url }), { jobs: false });
    const t0 = Date.now();
    log('server started; loading');
    const loaded = await load(running.database.db);
    const suoRows = Object.values(loaded.after).reduce((a, b) => a + b, 0);
    facts.push([
      'bulk load',
      `${((Date.now() - t0) / 1000).toFixed(1)} s → 索县 2023: ${suoRows.toLocaleString('en')} records ` +
        `(${Object.entries(loaded.after)
          .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
          .join(', ')}; demo ×${loaded.times + 1}); ` +
        `${loaded.otherCounties} other counties with ledger records; ${loaded.activitiesTotal.toLocaleString('en')} activities in all`,
    ]);
    log('loaded', loaded);
    const office = await login(running.url, 'office');
    const city = await login(running.url, 'city');
    const figuresUrl = `${running.url}/api/figures?division=${SUO}&from=2023-01-01&to=2023-12-31`;
    const figures = await timed(
      async () => (await (await get(figuresUrl, office)).json()) as { figures: unknown[] },
    );
    results.push({
      label: `all ${figures.last.figures.length} registered figures, 索县 2023 (GET /api/figures)`,
      target: 500,
      ms: figures.median,
    });
    const rollupUrl = `${running.url}/api/reports/rollup?division=540600&year=2023`;
    const roll = await timed(
      async () => (await (await get(rollupUrl, city)).json()) as { counties: unknown[] },
      3,
    );
    results.push({
      label: `那曲市 roll-up over ${roll.last.counties.length} counties (GET /api/reports/rollup)`,
      target: 3000,
      ms: roll.median,
    });
    const created = await fetch(`${running.url}/api/reports`, {
      method: 'POST',
      headers: { cookie: office, 'content-type': 'application/json', 'x-csrf-token': csrfOf(office) },
      body: JSON.stringify({ year: 2023, divisionCode: SUO }),
    });
    if (created.status !== 200) throw new Error(`create report: ${created.status} ${await created.text()}`);
    const id = ((await created.json()) as { id: string }).id;
    const docx = await timed(
      async () =>
        (await (await get(`${running.url}/api/reports/${id}/docx`, office)).arrayBuffer()).byteLength,
    );
    results.push({
      label: 'Word file of the Suo 2023 report (GET /api/reports/:id/docx)',
      target: 2000,
      ms: docx.median,
    });
    const version = (await (await get(`${running.url}/api/reports/${id}/versions/1`, office)).json()) as {
      document: Parameters<typeof renderDocx>[0];
    };
    const pure = await timed(() => renderDocx(version.document));
    facts.push([
      'renderDocx alone (median of 5)',
      `${pure.median.toFixed(0)} ms, ${(docx.last / 1024).toFixed(0)} KB`,
    ]);
    const preview = await timed(
      async () => (await get(`${running.url}/api/reports/${id}/preview`, office)).json(),
      3,
    );
    facts.push([
      'report preview with checks (GET /api/reports/:id/preview, median of 3)',
      `${preview.median.toFixed(0)} ms`,
    ]);
    slow = (await perFigure(running.platform)).slice(0, 8);
    await stopWithin(running);
  } finally {
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const section = report(results, facts, slow, Date.now() - started);
  console.log(`\n${section}\n`);
  writeSection(BEGIN, END, section);
}

function report(
  results: { label: string; target: number; ms: number }[],
  facts: [string, string][],
  slow: { key: string; ms: number }[],
  totalMs: number,
) {
  const cpu = os.cpus();
  return [
    '## Annual report (`npm run bench:reports`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:reports\` (${(totalMs / 1000).toFixed(0)} s in all).`,
    '',
    'Data: the Suo County demo on PostgreSQL, its ledger records, findings, visits and questions copied in bulk SQL ' +
      '(dates kept in 2023) until 索县 2023 holds ≈ 200,000 records; each other county of 那曲市 gets the demo’s ' +
      'ledger records under its government, for the roll-up. Cases keep their demo numbers (a case number is unique), ' +
      'so case figures count the demo’s cases.',
    '',
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), shared with other work; PostgreSQL on the same machine. ` +
      'Each time is the median of 5 requests (3 for the roll-up) after one warm-up, one request at a time.',
    '',
    '| measure | target | median | result |',
    '|---|--:|--:|---|',
    ...results.map(
      (r) =>
        `| ${r.label} | < ${r.target} ms | ${r.ms.toFixed(0)} ms | ${r.ms < r.target ? 'met' : '**missed**'} |`,
    ),
    '',
    '| fact | value |',
    '|---|---|',
    ...facts.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    'Slowest figures for 索县 2023, each computed alone (a figure asked by itself runs its own query; computed ' +
      'together, the ledger figures share one grouped scan, `activities.ledger` in activities/figures.ts):',
    '',
    '| figure | ms |',
    '|---|--:|',
    ...slow.map((s) => `| ${s.key} | ${s.ms.toFixed(1)} |`),
  ].join('\n');
}

const BEGIN = '<!-- bench:reports:begin (written by npm run bench:reports; do not edit by hand) -->';
const END = '<!-- bench:reports:end -->';

runBench(main);
