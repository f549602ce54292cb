/**
 * Everything a rendering needs from outside the report: its subject, the figure values for that
 * subject and year, the task-list items the sections pull. Read before the write transaction opens
 * (PGlite has one connection; the figures and the planning service read through the platform's).
 */
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import type { Actor, Scope } from '../../platform/access/actor.js';
import type { Platform } from '../../platform/platform.js';
import { PlanningService } from '../planning/service.js';
import { composeReport, outlineKeys, type Composed, type FigureInfo, type TaskItem } from './compose.js';
import type { Outline } from './contract.js';
import type { SubjectKind } from './kinds.js';
import { computeScope, narrowToUnit, rollup, yearPeriod, type Values } from './values.js';

export interface Subject {
  kind: SubjectKind;
  divisionCode: string;
  divisionName: string;
  divisionPath: string;
  /** 1 province, 2 city, 3 county, 4 township */
  divisionLevel: number;
  /** the owning unit: the division's government, or the subject unit itself */
  unitId: number;
  unitPath: string;
  unitName: string;
  subjectUnitId: number | null;
  /** who the report is of: 索县, 那曲市, 索县司法局 */
  name: string;
}

export { todayInShanghai } from '../../platform/calendar/dates.js';

export async function divisionSubject(db: Db, code: string): Promise<Subject | null> {
  const [r] = await query<{
    code: string;
    name: string;
    path: string;
    level: number;
    unit_id: number | null;
    unit_path: string | null;
    unit_name: string | null;
  }>(
    db,
    sql`select d.code, d.name, d.path, d.level, u.id as unit_id, u.path as unit_path, u.name as unit_name
        from divisions d
        left join lateral (select id, path, name from org_units
          where division_code = d.code and kind = 'government' and active order by id limit 1) u on true
        where d.code = ${code}`,
  );
  if (!r || r.unit_id === null) return null;
  return {
    kind: 'division',
    divisionCode: r.code,
    divisionName: r.name,
    divisionPath: r.path,
    divisionLevel: Number(r.level),
    unitId: r.unit_id,
    unitPath: r.unit_path!,
    unitName: r.unit_name!,
    subjectUnitId: null,
    name: r.name,
  };
}

export async function unitSubject(db: Db, unitId: number): Promise<Subject | null> {
  const [r] = await query<{
    id: number;
    name: string;
    path: string;
    code: string;
    dname: string;
    dpath: string;
    level: number;
  }>(
    db,
    sql`select u.id, u.name, u.path, d.code, d.name as dname, d.path as dpath, d.level
        from org_units u join divisions d on d.code = u.division_code
        where u.id = ${unitId} and u.active and u.kind in ('department', 'township', 'government', 'lawOffice')`,
  );
  if (!r) return null;
  return {
    kind: 'unit',
    divisionCode: r.code,
    divisionName: r.dname,
    divisionPath: r.dpath,
    divisionLevel: Number(r.level),
    unitId: r.id,
    unitPath: r.path,
    unitName: r.name,
    subjectUnitId: r.id,
    name: r.name,
  };
}

export interface Prepared {
  values: Values;
  /** the roll-up's per-division values, for a city report */
  children?: { code: string; name: string; values: Values }[];
}

export class ReportRenderer {
  private readonly planning: PlanningService;

  constructor(private readonly platform: Platform) {
    this.planning = new PlanningService(platform.db, platform.calendar, platform.files);
  }

  info = (key: string): FigureInfo | undefined => {
    const d = this.platform.figures.byKey.get(key);
    return d && { label: d.label, unit: d.unit, definition: d.definition, module: d.module };
  };

  owned = (key: string): boolean => this.platform.figures.byKey.has(key);

  /** the keys a rendering computes: the text's, and every check's that touches them */
  keysFor(outline: Outline): string[] {
    const keys = new Set(outlineKeys(outline));
    const checks = this.platform.modules.flatMap((m) => m.checks ?? []);
    for (const c of checks) if (c.figures.some((f) => keys.has(f))) c.figures.forEach((f) => keys.add(f));
    return [...keys];
  }

  /** The subject's figure values for the year, seen through `scopes`. */
  async values(
    subject: Subject,
    year: number,
    scopes: readonly Scope[],
    keys?: readonly string[],
  ): Promise<Prepared> {
    const period = yearPeriod(year);
    const db = this.platform.db;
    if (subject.kind === 'unit') {
      const unitScopes = narrowToUnit(scopes, subject.unitPath);
      const scope = { divisionCode: subject.divisionCode, divisionPath: subject.divisionPath, unitScopes };
      return { values: await computeScope(this.platform, db, scope, period, keys) };
    }
    if (subject.divisionLevel <= 2) {
      const r = await rollup(this.platform, db, subject.divisionCode, scopes, period, keys);
      return {
        values: r.total,
        children: r.children.map((c, i) => ({ ...c, values: r.byChild[i]! })),
      };
    }
    const scope = {
      divisionCode: subject.divisionCode,
      divisionPath: subject.divisionPath,
      unitScopes: scopes,
    };
    return { values: await computeScope(this.platform, db, scope, period, keys) };
  }

  /** Task-list items of the year by 体系, for the sections that pull them; read through planning. */
  async tasks(
    actor: Actor,
    subject: Subject,
    year: number,
    outline: Outline,
  ): Promise<Map<string, TaskItem[]>> {
    const systems = [
      ...new Set(outline.sections.filter((s) => s.includeTasks && s.system).map((s) => s.system!)),
    ];
    const out = new Map<string, TaskItem[]>();
    for (const system of systems) {
      const items: TaskItem[] = [];
      for (let page = 1; ; page++) {
        const r = await this.planning.listTasks(actor, {
          system,
          year,
          page,
          pageSize: 200,
          ...(subject.kind === 'unit' ? { unitId: subject.unitId } : {}),
          today: `${year}-12-31`,
        });
        for (const t of r.items)
          items.push({
            planTitle: t.planTitle,
            seq: t.seq,
            title: t.title,
            leadUnit: t.leadUnit.name,
            stateLabel: t.stateLabel,
            acceptedPercent: t.acceptedPercent,
          });
        if (page * r.pageSize >= r.total) break;
      }
      out.set(system, items);
    }
    return out;
  }

  async render(
    actor: Actor,
    scopes: readonly Scope[],
    subject: Subject,
    year: number,
    outline: Outline,
    date: string,
  ): Promise<{ composed: Composed; values: Values; prepared: Prepared }> {
    const prepared = await this.values(subject, year, scopes, this.keysFor(outline));
    const tasks = await this.tasks(actor, subject, year, outline);
    const composed = this.compose(subject, year, outline, date, prepared.values, tasks);
    return { composed, values: prepared.values, prepared };
  }

  compose(
    subject: Subject,
    year: number,
    outline: Outline,
    date: string,
    values: Values,
    tasks?: Map<string, TaskItem[]>,
  ) {
    return composeReport({
      outline,
      year,
      divisionName: subject.kind === 'unit' ? subject.name : subject.divisionName,
      signature: [subject.unitName],
      date,
      values,
      info: this.info,
      tasks,
    });
  }
}
