/**
 * The figure values a report is rendered with, for its subject: a county computed directly, a city
 * (or the region) rolled up from the divisions under it, a department or township over its own unit.
 *
 * Roll-up rule (docs/REPORTS.md): counts and amounts are summed; a rate is recomputed from its
 * summed parts where its parts are declared (RATIO_PARTS, or a `parts` property on the FigureDef);
 * any other rate, percentage or average is not summed and has no roll-up value.
 */
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { pathInScope, type Scope } from '../../platform/access/actor.js';
import type { FigureDef, FigurePeriod, FigureScope } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';

export type Values = Record<string, number | null>;

export interface RatioParts {
  numerator: string;
  denominator: string;
  /** 1 for a 0–1 ratio (unit 比例), 100 for a percentage */
  scale: number;
}

/**
 * Rates whose parts are themselves registered figures. A module can declare the same on its figure
 * as `parts: { numerator, denominator, scale }`; this list covers the ones registered before that.
 */
export const RATIO_PARTS: Readonly<Record<string, RatioParts>> = {
  'planning.tasks.completionRate': {
    numerator: 'planning.tasks.done',
    denominator: 'planning.tasks.total',
    scale: 1,
  },
};

export function ratioPartsOf(def: FigureDef): RatioParts | undefined {
  return (def as FigureDef & { parts?: RatioParts }).parts ?? RATIO_PARTS[def.key];
}

export type Aggregation = 'sum' | 'ratio' | 'none';

/** How a figure rolls up from parts of a division to the whole. */
export function aggregationOf(def: FigureDef): Aggregation {
  if (ratioPartsOf(def)) return 'ratio';
  if (def.unit === '比例' || def.unit === '%') return 'none';
  if (/平均|average/i.test(`${def.key} ${def.label}`)) return 'none';
  return 'sum';
}

export const yearPeriod = (year: number): FigurePeriod => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The keys plus the parts their rates need. */
function withParts(platform: Platform, keys: readonly string[] | undefined): string[] | undefined {
  if (!keys) return undefined;
  const out = new Set(keys);
  for (const k of keys) {
    const def = platform.figures.byKey.get(k);
    const parts = def && ratioPartsOf(def);
    if (parts) out.add(parts.numerator).add(parts.denominator);
  }
  return [...out];
}

export async function computeScope(
  platform: Platform,
  db: Db,
  scope: FigureScope,
  period: FigurePeriod,
  keys?: readonly string[],
): Promise<Values> {
  const known = keys?.filter((k) => platform.figures.byKey.has(k));
  const list = await platform.figures.computeAll(db, scope, period, known);
  return Object.fromEntries(list.map((f) => [f.key, f.value]));
}

/** The part two scopes share (both are path prefixes or single paths), or null. */
function intersect(a: Scope, b: Scope): Scope | null {
  const within = (x: Scope, y: Scope) => pathInScope(x.path, y) && (!x.subtree || y.subtree);
  if (within(b, a)) return b;
  if (within(a, b)) return a;
  return null;
}

/** The asker's scopes narrowed to one unit's subtree: a unit report's figures. */
export function narrowToUnit(asker: readonly Scope[], unitPath: string): Scope[] {
  const unit = { path: unitPath, subtree: true };
  return asker.map((s) => intersect(s, unit)).filter((s): s is Scope => !!s);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface Rollup {
  children: { code: string; name: string }[];
  byChild: Values[];
  total: Values;
  method: Record<string, Aggregation>;
}

/** Sums (or recomputes) `values` of the parts of a whole, figure by figure. */
export function combine(platform: Platform, parts: readonly Values[], keys: readonly string[]) {
  const total: Values = {};
  const method: Record<string, Aggregation> = {};
  const sum = (k: string) => {
    const vs = parts.map((v) => v[k]).filter((v): v is number => v !== null && v !== undefined);
    return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
  };
  for (const k of keys) {
    const def = platform.figures.byKey.get(k);
    if (!def) continue;
    const how = aggregationOf(def);
    method[k] = how;
    if (how === 'sum') total[k] = sum(k);
    else if (how === 'none') total[k] = null;
    else {
      const p = ratioPartsOf(def)!;
      const num = sum(p.numerator);
      const den = sum(p.denominator);
      total[k] = num !== null && den ? (num / den) * p.scale : null;
    }
  }
  return { total, method };
}

/**
 * A city's (or the region's) figures as the roll-up of the divisions one level below it, each
 * computed over its own subtree within the asker's scope. On PostgreSQL four divisions are computed
 * at once; PGlite serves one query at a time anyway.
 */
export async function rollup(
  platform: Platform,
  db: Db,
  divisionCode: string,
  unitScopes: readonly Scope[],
  period: FigurePeriod,
  keys?: readonly string[],
): Promise<Rollup> {
  const children = await query<{ code: string; name: string; path: string }>(
    db,
    sql`select code, name, path from divisions where parent_code = ${divisionCode} order by code`,
  );
  const wanted = withParts(platform, keys) ?? [...platform.figures.byKey.keys()];
  const limit = platform.database.kind === 'pglite' ? 1 : 4;
  const byChild = await mapLimit(children, limit, (c) =>
    computeScope(platform, db, { divisionCode: c.code, divisionPath: c.path, unitScopes }, period, wanted),
  );
  const { total, method } = combine(platform, byChild, wanted);
  return { children: children.map(({ code, name }) => ({ code, name })), byChild, total, method };
}
