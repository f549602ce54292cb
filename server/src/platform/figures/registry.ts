import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inScope } from '../access/actor.js';
import { DomainError } from '../http/errors.js';
import type { FigureArgs, FigureDef, FigurePeriod, FigureScope, ModuleManifest } from '../manifest.js';
import { divisions } from '../org/schema.js';

export interface FigureValue {
  key: string;
  module: string;
  label: string;
  unit: string;
  definition: string;
  value: number | null;
}

/** Every registered figure, read by the report, the dashboard and the API alike. */
export class FigureRegistry {
  readonly byKey = new Map<string, FigureDef & { module: string }>();

  constructor(modules: readonly ModuleManifest[]) {
    for (const m of modules)
      for (const f of m.figures ?? []) {
        if (this.byKey.has(f.key)) throw new Error(`指标 ${f.key} 被重复注册（${m.name}）`);
        this.byKey.set(f.key, { ...f, module: m.name });
      }
  }

  async scopeFor(db: Db, divisionCode: string, unitScopes: FigureScope['unitScopes']): Promise<FigureScope> {
    const [d] = await db.select().from(divisions).where(eq(divisions.code, divisionCode));
    if (!d)
      throw new DomainError(400, 'UNKNOWN_DIVISION', `行政区划代码 ${divisionCode} 不存在`, {
        errors: [{ field: 'division', message: '行政区划代码不存在' }],
      });
    return { divisionCode, divisionPath: d.path, unitScopes };
  }

  async computeAll(
    db: Db,
    scope: FigureScope,
    period: FigurePeriod,
    keys?: readonly string[],
  ): Promise<FigureValue[]> {
    const defs = [...this.byKey.values()].filter((f) => !keys || keys.includes(f.key));
    // Sequential on purpose: PGlite serves one query at a time, and on a server pool the figures
    // of one request should not take every connection.
    const out: FigureValue[] = [];
    const memo = new Map<string, Promise<unknown>>();
    for (const f of defs) {
      out.push({
        key: f.key,
        module: f.module,
        label: f.label,
        unit: f.unit,
        definition: f.definition,
        value: await f.compute({ db, scope, period, memo }),
      });
    }
    return out;
  }
}

/**
 * The ids of the units a figure counts: inside the division's subtree and the asker's scope.
 * Figures filter their rows with `unit_id in (${unitsInFigureScope(scope)})`.
 */
export function unitsInFigureScope(scope: FigureScope): SQL {
  return sql`select u.id from org_units u join divisions d on d.code = u.division_code
    where d.path like ${`${scope.divisionPath}%`} and (${inScope(sql`u.path`, scope.unitScopes)})`;
}

/**
 * One load shared by the figures of one computation (see FigureMemo): the first figure to ask runs
 * it, the others reuse its promise. Without a memo the load simply runs.
 */
export function sharedLoad<T>(args: FigureArgs, name: string, load: () => Promise<T>): Promise<T> {
  if (!args.memo) return load();
  const { scope, period } = args;
  const scopes = scope.unitScopes.map((s) => `${s.subtree ? '*' : '='}${s.path}`).join(',');
  const key = `${name}|${scope.divisionPath}|${scopes}|${period.from}|${period.to}`;
  let p = args.memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    args.memo.set(key, p);
  }
  return p;
}
