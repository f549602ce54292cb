import { pathInScope, type Scope } from '../../platform/access/actor.js';
import type { FigureDef, FigurePeriod } from '../../platform/manifest.js';

/**
 * The part two scopes have in common, as a scope, or null. Scopes are path prefixes (subtree) or
 * single paths, so the intersection of two is always one of them or nothing.
 */
function intersectOne(a: Scope, b: Scope): Scope | null {
  // x ⊆ y when x's root lies in y and x reaches no further than y (a subtree only inside a subtree)
  const within = (x: Scope, y: Scope) => pathInScope(x.path, y) && (!x.subtree || y.subtree);
  if (within(b, a)) return b;
  if (within(a, b)) return a;
  return null; // prefixes that do not nest share nothing
}

/**
 * The asker's scopes narrowed to a unit (its subtree, or the unit alone): computing a figure with
 * them is computing it for that unit, within what the asker may see.
 */
export function intersectScopes(asker: readonly Scope[], unit: Scope): Scope[] {
  const out: Scope[] = [];
  for (const s of asker) {
    const x = intersectOne(s, unit);
    if (x && !out.some((o) => o.path === x.path && o.subtree === x.subtree)) out.push(x);
  }
  return out;
}

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping the order of the results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The twelve months of a year as periods (inclusive dates). */
export function monthsOf(year: number): (FigurePeriod & { month: string })[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    const last = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
    return { month: `${year}-${m}`, from: `${year}-${m}-01`, to: `${year}-${m}-${last}` };
  });
}

/**
 * A figure's drill-down address for one unit (or the whole division) and period: the figure's
 * `drill.path` with its placeholders filled; a parameter left without a value is dropped
 * (platform/manifest.ts, FigureDrill, describes the pattern).
 */
export function drillLink(
  def: Pick<FigureDef, 'drill'>,
  at: FigurePeriod & { unitId?: number },
): string | null {
  if (!def.drill) return null;
  const [path, search = ''] = def.drill.path.split('?');
  const values: Record<string, string> = {
    unit: at.unitId ? String(at.unitId) : '',
    from: at.from,
    to: at.to,
    year: at.from.slice(0, 4),
  };
  const out = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(search)) {
    const filled = v.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
    if (filled) out.append(k, filled);
  }
  const q = out.toString();
  return q ? `${path}?${q}` : path!;
}
