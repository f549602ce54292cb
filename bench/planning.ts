/**
 * `npm run bench:planning`: the task list and the planning dashboard on PostgreSQL, over a region-sized
 * plan load (2,000 units, 100,000 tasks, 500,000 progress reports) on top of the Suo County demo. The
 * results replace the bench:planning section of docs/PERFORMANCE.md.
 *
 *   BENCH_DURATION=10        seconds per autocannon run
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (a fresh database is created and dropped)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../server/src/db/database.js';
import { stateGroups } from '../server/src/modules/planning/dashboard.js';
import { systemCodes } from '../server/src/modules/planning/kinds.js';
import { P, PlanningService } from '../server/src/modules/planning/service.js';
import { percentFor, refreshAccepted, storedAnswers } from '../server/src/modules/planning/state.js';
import { countsByPlan } from '../server/src/modules/planning/task-reads.js';
import { todayInShanghai } from '../server/src/modules/planning/units.js';
import { notePlanUnits } from '../server/src/modules/planning/visible.js';
import type { Scope } from '../server/src/platform/access/actor.js';
import { startServer } from '../server/src/server.js';
import {
  admin,
  benchDatabaseName,
  config,
  drained,
  drive,
  loadTable,
  loadUnits,
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

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const UNITS = 2_000;
const TASKS = 100_000;
const REPORTS = 500_000;
const AS_USER = 'office';
const LIST_PATH = '/api/planning/tasks?page=1&pageSize=20&state=overdue';
const DASHBOARD_PATH = '/api/planning/dashboard?year=2023&division=540626';

/**
 * One 2023 plan per bench government (40: half inside 索县), 2,500 tasks each led by its departments
 * (a third with a participating department), deadlines spread over the year, and five progress reports
 * per task: three quarters reach 100 % and are accepted, the rest stall between 20 and 80 %.
 */
async function loadPlans(db: Db) {
  await db.transaction(async (tx) => {
    await loadUnits(tx, UNITS);
    await tx.execute(sql`
      insert into planning_plans (unit_id, year, title)
      select id, 2023, name || '2023年法治政府建设任务清单' from org_units where name ~ '^bench单位[0-9]+$'`);
    const systems = `{${systemCodes.join(',')}}`;
    await tx.execute(sql`
      with p as (select pl.id, pl.unit_id, (row_number() over (order by pl.id) - 1)::int as pn from planning_plans pl
                  join org_units o on o.id = pl.unit_id where o.name like 'bench单位%'),
           d as (select parent_id, array_agg(id order by id) as ids from org_units
                  where name like 'bench单位%-%' group by parent_id)
      insert into planning_tasks (plan_id, unit_id, seq, title, lead_unit_id, deadline, system)
      select p.id, p.unit_id, g, 'bench任务' || p.pn || '-' || g,
             d.ids[1 + (g * 7 + p.pn) % array_length(d.ids, 1)],
             date '2023-01-15' + ((g * 37 + p.pn * 11) % 350),
             case when g % 11 = 0 then null else (${systems}::text[])[1 + g % ${systemCodes.length}] end
        from p join d on d.parent_id = p.unit_id
        cross join generate_series(1, ${TASKS / 40}) g`);
    await tx.execute(sql`
      insert into planning_task_units (task_id, unit_id)
      select t.id, (select o.id from org_units o where o.parent_id = lu.parent_id and o.id <> t.lead_unit_id
                      order by o.id limit 1)
        from planning_tasks t join org_units lu on lu.id = t.lead_unit_id
       where t.title like 'bench任务%' and t.seq % 3 = 0`);
    await tx.execute(sql`
      with t as (select id, lead_unit_id, deadline, seq, row_number() over (order by id) as rn
                   from planning_tasks where title like 'bench任务%')
      insert into planning_progress (task_id, unit_id, role, reported_on, content, percent, status, reviewed_at)
      select t.id, t.lead_unit_id, 'lead', t.deadline - (5 - k) * 20, '按计划推进，第' || (k + 1) || '次报送',
             case when t.seq % 4 = 0 then least(80, 20 * (k + 1) - 10) else 20 * (k + 1) end,
             'accepted', (t.deadline - (5 - k) * 20 + 2)::timestamp at time zone 'Asia/Shanghai'
        from generate_series(0, ${REPORTS / TASKS - 1}) k cross join t`);
    await tx.execute(refreshAccepted(sql`t.title like 'bench任务%'`));
    await tx.execute(notePlanUnits(sql`t.title like 'bench任务%'`));
  });
  // What autovacuum does within a minute of a bulk load; index-only scans need the visibility map.
  await db.execute(sql`vacuum analyze`);
  return query<{ units: number; tasks: number; reports: number }>(
    db,
    sql`select (select count(*)::int from org_units) as units, (select count(*)::int from planning_tasks) as tasks,
          (select count(*)::int from planning_progress) as reports`,
  );
}

/** EXPLAIN ANALYZE of the two state queries the routes run, as the office user sees them. */
async function explain(db: Db, running: Awaited<ReturnType<typeof startServer>>) {
  const service = new PlanningService(db, running.platform.calendar, running.platform.files);
  const scopes = await query<Scope>(
    db,
    sql`select o.path, g.subtree from role_grants g join users u on u.id = g.user_id
        join roles r on r.code = g.role_code join org_units o on o.id = g.unit_id
        where u.username = ${AS_USER} and ${P.read} = any(r.permissions)`,
  );
  const [division] = await query<{ path: string }>(db, sql`select path from divisions where code = '540626'`);
  const today = todayInShanghai();
  const run = async (q: SQL) =>
    (await query<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${q}`)).map(
      (p) => p['QUERY PLAN'],
    );
  const p = percentFor(today, await storedAnswers(db, today));
  const all = await service.visiblePlans(db, scopes, today);
  const year = await service.visiblePlans(db, scopes, today, { year: 2023, divisionPath: division!.path });
  return {
    list: await run(countsByPlan(all, p, { state: 'overdue' })),
    dashboard: await run(stateGroups(year, p)),
  };
}

async function main() {
  setInterval(() => undefined, 1000);
  const started = Date.now();
  const name = benchDatabaseName();
  const url = withDb(PG_URL, name);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const loads: Load[] = [];
  const facts: [string, string][] = [];
  let plan: { list: string[]; dashboard: string[] } = { list: [], dashboard: [] };
  await admin((c) => c.query(`create database ${name}`));
  try {
    const running = await startServer(config({ dataDir, databaseUrl: url }), { jobs: false });
    const t0 = Date.now();
    const [counts] = await loadPlans(running.database.db);
    facts.push([
      'bulk load',
      `${((Date.now() - t0) / 1000).toFixed(1)} s → ${counts!.units} units, ${counts!.tasks} tasks, ${counts!.reports} progress reports`,
    ]);
    log('loaded', counts);
    const cookie = await login(running.url, AS_USER);
    for (const [label, p] of [
      ['task list', LIST_PATH],
      ['dashboard', DASHBOARD_PATH],
    ] as const) {
      const s = await single(`${running.url}${p}`, cookie);
      facts.push([
        `${label}, one request at a time (median / max of 10)`,
        `${s.median.toFixed(0)} / ${s.max.toFixed(0)} ms`,
      ]);
      log(label, s);
    }
    loads.push(
      ...(await drive(
        'PostgreSQL',
        `GET ${LIST_PATH}`,
        `${running.url}${LIST_PATH}`,
        { cookie },
        { seconds: DURATION },
      )),
    );
    await drained(running.url);
    loads.push(
      ...(await drive(
        'PostgreSQL',
        `GET ${DASHBOARD_PATH}`,
        `${running.url}${DASHBOARD_PATH}`,
        { cookie },
        { seconds: DURATION },
      )),
    );
    await drained(running.url);
    plan = await explain(running.database.db, running);
    await stopWithin(running);
  } finally {
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const section = report(loads, facts, plan, Date.now() - started);
  console.log(`\n${section}\n`);
  writeSection(BEGIN, END, section);
}

function report(
  loads: Load[],
  facts: [string, string][],
  plan: { list: string[]; dashboard: string[] },
  totalMs: number,
) {
  const cpu = os.cpus();
  const at = (target: string, c: number) =>
    loads.find((l) => l.target.includes(target) && l.connections === c);
  const list50 = at('/tasks', 50);
  const single = (label: string) => Number.parseFloat(facts.find(([k]) => k.startsWith(label))?.[1] ?? 'NaN');
  const pass = (ok: boolean) => (ok ? 'met' : '**missed**');
  return [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:planning\` (${(totalMs / 1000).toFixed(0)} s in all).`,
    '',
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), shared with other work; PostgreSQL on the same machine; ` +
      `autocannon in its own process; ${DURATION} s per run after a 3 s warm-up.`,
    '',
    `Data: Suo County demo + ${UNITS.toLocaleString('en')} units + ${TASKS.toLocaleString('en')} tasks in 40 plans of 2023 ` +
      `(half inside 索县, the office user's scope) + ${REPORTS.toLocaleString('en')} accepted progress reports, ` +
      'then `vacuum analyze`. Task states are computed per request for the day (state.ts), never stored.',
    '',
    ...loadTable(loads),
    '',
    '| measure | value |',
    '|---|---|',
    ...facts.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '| target | result |',
    '|---|---|',
    `| task list p99 < 50 ms at 50 conn. | ${pass(!!list50 && list50.errors === 0 && list50.p99 > 0 && list50.p99 < 50)} (${list50?.p99} ms) |`,
    `| dashboard < 200 ms, one request | ${pass(single('dashboard') < 200)} (median ${single('dashboard').toFixed(0)} ms) |`,
    '',
    'EXPLAIN ANALYZE of the task list’s total (overdue tasks per plan, office user; the page then reads only the plans it lies in):',
    '```',
    ...plan.list,
    '```',
    '',
    'EXPLAIN ANALYZE of the dashboard’s state counts (office user, 2023, 索县):',
    '```',
    ...plan.dashboard,
    '```',
  ].join('\n');
}

const BEGIN = '<!-- bench:planning:begin (written by npm run bench:planning; do not edit by hand) -->';
const END = '<!-- bench:planning:end -->';

runBench(main);
