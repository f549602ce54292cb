import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/database.js';
import type { Scope } from './access/actor.js';
import type { BuiltinRole } from './access/roles.js';
import type { IntakeHandler } from './intake/types.js';
import type { Platform } from './platform.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** An action code (`org.unit.manage`) with its label, and the built-in roles that hold it by default. */
export interface PermissionDef {
  code: string;
  label: string;
  roles: readonly BuiltinRole[];
}

/** Where a figure is computed: the division's subtree, intersected with the asking user's scope. */
export interface FigureScope {
  divisionCode: string;
  divisionPath: string;
  unitScopes: readonly Scope[];
}
/** Inclusive dates, YYYY-MM-DD. */
export interface FigurePeriod {
  from: string;
  to: string;
}

/**
 * Where a figure's records are listed, for the dashboard's drill-down: the web path of the module's
 * list page with the filters that page reads from the address (web/src/app/url-state.ts), as close to
 * the figure's definition as the page allows. The dashboard fills the placeholders `{unit}` (an org
 * unit id; the list shows its subtree), `{from}`, `{to}` (YYYY-MM-DD) and `{year}`, and drops a query
 * parameter whose placeholder has no value (the county as a whole has no unit), e.g.
 *   drill: { path: '/mediation/cases?state=closed&unit={unit}&from={from}&to={to}' }
 * Use only parameters the page really reads; without `drill` the figure is shown without a link.
 */
export interface FigureDrill {
  path: string;
}

/**
 * Loads shared by the figures computed together (one grouped scan of the ledger serves its sixty
 * figures); keyed by the load, the scope and the period, so one memo may span several periods.
 * Callers computing many figures pass one; a figure computed alone works without.
 */
export type FigureMemo = Map<string, Promise<unknown>>;

export interface FigureArgs {
  db: Db;
  scope: FigureScope;
  period: FigurePeriod;
  memo?: FigureMemo;
}

export interface FigureDef {
  key: string;
  label: string;
  unit: string;
  definition: string;
  compute(args: FigureArgs): Promise<number | null>;
  drill?: FigureDrill;
}

/** A consistency check over figures, shown beside a report draft (rectified ≤ found…). */
export interface CheckDef {
  key: string;
  label: string;
  figures: readonly string[];
  evaluate(values: Readonly<Record<string, number | null>>): { ok: boolean; detail: string };
}

export interface NavEntry {
  path: string;
  /** i18n key in the web catalogues; `label` is the zh-CN text and the fallback */
  key: string;
  label: string;
  permission: string;
  group?: string;
}

export interface PortalPage {
  path: string;
  key: string;
  label: string;
}

/** How a module lets the files service decide who may read or attach to its records' files. */
export interface FileOwner {
  readPermission: string;
  writePermission: string;
  unitPathOf(db: Db, ownerId: string): Promise<string | null>;
  /**
   * A further permission reading needs, decided by the owning record (a portal submission: its kind's
   * case-file permission), checked on the same unit; null when none.
   */
  kindPermissionOf?(db: Db, ownerId: string, modules: readonly ModuleManifest[]): Promise<string | null>;
}

export interface DemoStep {
  /** lower runs first; the org tree is 0 */
  order: number;
  load(platform: Platform): Promise<void>;
}

export interface JobDef {
  name: string;
  everyMinutes: number;
  run(platform: Platform): Promise<void>;
}

export interface ModuleManifest {
  name: string;
  label: string;
  permissions: readonly PermissionDef[];
  routes?: (app: App, platform: Platform) => void | Promise<void>;
  /** Registered under /api/public with the portal's rate and size limits. */
  portalRoutes?: (app: App, platform: Platform) => void | Promise<void>;
  figures?: readonly FigureDef[];
  checks?: readonly CheckDef[];
  demo?: DemoStep;
  nav?: readonly NavEntry[];
  portalPages?: readonly PortalPage[];
  /** Kinds of portal submission this module takes (stored first by the intake service). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler keeps its own payload type
  intake?: readonly IntakeHandler<any>[];
  fileOwners?: Readonly<Record<string, FileOwner>>;
  jobs?: readonly JobDef[];
  /** Run at every start after migration (e.g. the calendar syncing national holidays); idempotent. */
  startup?: readonly ((platform: Platform) => Promise<void>)[];
}

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
