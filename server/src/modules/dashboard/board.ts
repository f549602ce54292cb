import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import type { Actor, Scope } from '../../platform/access/actor.js';
import { badInput } from '../../platform/http/errors.js';
import type { FigureDef, FigureMemo, FigurePeriod, FigureScope } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import type { Board, BoardQuery, ModuleQuery, MonthlyBoard, UnitBoard } from './board-contract.js';
import { drillLink, intersectScopes, mapLimit, monthsOf } from './scopes.js';
import { P } from './service.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

/** Figure computations in flight at once: enough to keep a server pool busy, not to take all of it. */
const CONCURRENCY = 4;
/**
 * A cached value is reused this long at most, and never after any audited write (see FigureCache);
 * the TTL only bounds what no write announces, such as a task turning overdue as the day changes.
 */
const TTL_MS = 5 * 60_000;
/** Beyond this many townships and departments the by-unit view asks for a smaller division. */
const MAX_UNITS = 120;

type Def = FigureDef & { module: string };

/**
 * Computed figure values for a short time. Every write appends to the audit chain in its own
 * transaction, so the chain head's id is a write counter: a value is served only while the counter
 * is where it was when the value's computation began, so a write landing mid-computation is not hidden.
 */
class FigureCache {
  private generation = '';
  private readonly values = new Map<string, { value: number | null; at: number; generation: string }>();

  /** The current write counter, read at the start of a request; older values are dropped. */
  async sync(platform: Platform): Promise<string> {
    const [r] = await query<{ g: string | null }>(
      platform.db,
      sql`select max(last_id)::text as g from audit_head`,
    );
    const g = r?.g ?? '0';
    if (g !== this.generation) {
      this.values.clear();
      this.generation = g;
    }
    return g;
  }

  async get(key: string, generation: string, compute: () => Promise<number | null>): Promise<number | null> {
    const hit = this.values.get(key);
    if (hit && hit.generation === this.generation && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = await compute();
    if (generation === this.generation) {
      if (this.values.size > 50_000) this.values.clear();
      this.values.set(key, { value, at: Date.now(), generation });
    }
    return value;
  }
}

interface Where {
  year: number;
  period: FigurePeriod;
  division: { code: string; name: string; path: string };
  scopes: Scope[];
  /** the cache's write counter when this request began */
  generation: string;
  /** loads shared by the figures of this request (the ledger's one grouped scan per scope and period) */
  memo: FigureMemo;
}

/**
 * The cockpit's figures: every figure the modules register, read from the one registry (a new
 * module's figures appear here without any code of its own), for the year, by township and
 * department, and by month, each value with the address of the records it counts.
 */
export class FigureBoard {
  private readonly cache = new FigureCache();

  constructor(
    private readonly platform: Platform,
    private readonly concurrency = CONCURRENCY,
  ) {}

  async board(actor: Actor, q: BoardQuery): Promise<Board> {
    const w = await this.where(actor, q);
    const scope = this.scope(w, w.scopes);
    const defs = [...this.platform.figures.byKey.values()];
    const values = await mapLimit(defs, this.concurrency, (d) => this.compute(w, d, scope, w.period));
    const modules: Board['modules'] = [];
    for (const m of this.platform.modules) {
      const figures = defs
        .map((d, i) => ({ d, value: values[i]! }))
        .filter((x) => x.d.module === m.name)
        .map(({ d, value }) => ({ ...head(d), value, link: drillLink(d, w.period) }));
      if (figures.length) modules.push({ name: m.name, label: m.label, figures });
    }
    return { ...whereView(w), modules };
  }

  async byUnit(actor: Actor, q: ModuleQuery): Promise<UnitBoard> {
    const w = await this.where(actor, q);
    const { label, defs } = this.moduleDefs(q.module);
    const { units, rest } = await this.units(w);
    const scopes = [
      ...units.map((u) => intersectScopes(w.scopes, { path: u.path, subtree: true })),
      rest,
      w.scopes,
    ];
    const jobs = defs.flatMap((d) => scopes.map((s) => ({ d, s })));
    const values = await mapLimit(jobs, this.concurrency, ({ d, s }) =>
      this.compute(w, d, this.scope(w, s), w.period),
    );
    const per = scopes.length;
    return {
      ...whereView(w),
      module: q.module,
      moduleLabel: label,
      units: units.map((u) => ({ unitId: u.id, unitName: u.name, kind: u.kind })),
      figures: defs.map((d, i) => {
        const row = values.slice(i * per, (i + 1) * per);
        return {
          ...head(d),
          cells: units.map((u, j) => ({ value: row[j]!, link: drillLink(d, { ...w.period, unitId: u.id }) })),
          rest: row[per - 2]!,
          link: drillLink(d, w.period),
          total: row[per - 1]!,
        };
      }),
    };
  }

  async monthly(actor: Actor, q: ModuleQuery): Promise<MonthlyBoard> {
    const w = await this.where(actor, q);
    const { label, defs } = this.moduleDefs(q.module);
    const scope = this.scope(w, w.scopes);
    const months = monthsOf(w.year);
    const periods: FigurePeriod[] = [...months, w.period];
    const jobs = defs.flatMap((d) => periods.map((p) => ({ d, p })));
    const values = await mapLimit(jobs, this.concurrency, ({ d, p }) => this.compute(w, d, scope, p));
    const per = periods.length;
    return {
      ...whereView(w),
      module: q.module,
      moduleLabel: label,
      months: months.map((p) => p.month),
      figures: defs.map((d, i) => {
        const row = values.slice(i * per, (i + 1) * per);
        return {
          ...head(d),
          cells: months.map((p, j) => ({ value: row[j]!, link: drillLink(d, p) })),
          total: row[per - 1]!,
          link: drillLink(d, w.period),
        };
      }),
    };
  }

  private scope(w: Where, unitScopes: readonly Scope[]): FigureScope {
    return { divisionCode: w.division.code, divisionPath: w.division.path, unitScopes };
  }

  private compute(w: Where, d: Def, scope: FigureScope, period: FigurePeriod) {
    const scopes = scope.unitScopes.map((s) => `${s.subtree ? '*' : '='}${s.path}`).join(',');
    const key = `${d.key}|${scope.divisionPath}|${scopes}|${period.from}|${period.to}`;
    return this.cache.get(key, w.generation, () =>
      d.compute({ db: this.platform.db, scope, period, memo: w.memo }),
    );
  }

  private moduleDefs(module: string) {
    const m = this.platform.modules.find((x) => x.name === module);
    const defs = [...this.platform.figures.byKey.values()].filter((d) => d.module === module);
    if (!m || !defs.length) throw badInput('module', `没有名为“${module}”的指标模块`);
    return { label: m.label, defs };
  }

  /** The year, the division (given, or the asker's own unit's) and the asker's scopes; the cache is synced. */
  private async where(actor: Actor, q: BoardQuery): Promise<Where> {
    const db = this.platform.db;
    const year = q.year ?? Number(todayInShanghai().slice(0, 4));
    const [division] = q.division
      ? await query<Where['division']>(
          db,
          sql`select code, name, path from divisions where code = ${q.division}`,
        )
      : await query<Where['division']>(
          db,
          sql`select d.code, d.name, d.path from org_units u join divisions d on d.code = u.division_code
              where u.id = ${actor.user?.unitId ?? 0}`,
        );
    if (!division)
      throw badInput('division', q.division ? `行政区划代码 ${q.division} 不存在` : '请选择行政区划');
    const generation = await this.cache.sync(this.platform);
    return {
      year,
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      division,
      scopes: actor.scopes(P.read),
      generation,
      memo: new Map(),
    };
  }

  /**
   * The division's townships and departments the asker may see (outermost only, so no record is
   * counted twice), and the scopes of every other unit there, each alone: together they partition it.
   */
  private async units(w: Where) {
    const rows = await query<{ id: number; name: string; kind: string; path: string; active: boolean }>(
      this.platform.db,
      sql`select u.id, u.name, u.kind, u.path, u.active from org_units u
          join divisions d on d.code = u.division_code
          where d.path like ${`${w.division.path}%`}
          order by case u.kind when 'township' then 0 when 'department' then 1 else 2 end, u.sort, u.id`,
    );
    const candidates = rows.filter(
      (u) =>
        u.active &&
        (u.kind === 'township' || u.kind === 'department') &&
        intersectScopes(w.scopes, { path: u.path, subtree: true }).length > 0,
    );
    const units = candidates
      .filter((u) => !candidates.some((o) => o !== u && u.path.startsWith(o.path)))
      .map((u) => ({ ...u, kind: u.kind as 'township' | 'department' }));
    if (units.length > MAX_UNITS)
      throw badInput('division', `该行政区划有 ${units.length} 个乡镇和部门，请选择下一级行政区划分单位查看`);
    const rest = rows
      .filter((r) => !units.some((u) => r.path.startsWith(u.path)))
      .flatMap((r) => intersectScopes(w.scopes, { path: r.path, subtree: false }));
    return { units, rest };
  }
}

const head = (d: Def) => ({ key: d.key, label: d.label, unit: d.unit, definition: d.definition });

const whereView = (w: Where) => ({
  year: w.year,
  divisionCode: w.division.code,
  divisionName: w.division.name,
  from: w.period.from,
  to: w.period.to,
});
