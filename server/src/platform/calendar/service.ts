import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { Actor, inScope } from '../access/actor.js';
import { snapshotOf } from '../audit/diff.js';
import { badInput, conflict, forbidden, notFound } from '../http/errors.js';
import { divisions, orgUnits } from '../org/schema.js';
import type { CalendarDayView, CreateRegionalDays, NationalYearInput } from './contract.js';
import { addDays, isWeekend, toDayNumber, weekdayName, zhDate } from './dates.js';
import { nationalDays, nationalNotices, nationalYears } from './national.js';
import { buildCalendar, computeDeadline, dayStatus, type CalendarData, type PeriodSpec } from './periods.js';
import { calendarDays, calendarYears } from './schema.js';

export const P = { read: 'calendar.read', manage: 'calendar.manage' } as const;

/** A regional notice covers a holiday block, not a season. */
const MAX_SPAN_DAYS = 31;
/** Other app servers may edit the calendar too; a stale cache lives at most this long. */
const CACHE_TTL_MS = 60_000;

export interface DivisionRef {
  code: string;
  name: string;
  path: string;
}

const dayColumns = {
  id: calendarDays.id,
  day: calendarDays.day,
  kind: calendarDays.kind,
  name: calendarDays.name,
  source: calendarDays.source,
  assumption: calendarDays.assumption,
  divisionCode: calendarDays.divisionCode,
  divisionName: divisions.name,
};

/**
 * National and regional calendar days, and the deadlines computed over them. The whole calendar is
 * small (a few hundred rows), so it is held in memory and reloaded after every edit.
 */
export class CalendarService {
  private cached: { at: number; data: Promise<CalendarData> } | null = null;

  constructor(private readonly db: Db) {}

  invalidate() {
    this.cached = null;
  }

  /**
   * The calendar as the deadline engine reads it. Inside a transaction pass its handle (`t.db`):
   * PGlite has one connection, and a read through `this.db` would wait for the transaction forever.
   */
  calendar(db: Db = this.db): Promise<CalendarData> {
    if (this.cached && Date.now() - this.cached.at < CACHE_TTL_MS) return this.cached.data;
    const entry = { at: Date.now(), data: this.load(db) };
    this.cached = entry;
    entry.data.catch(() => {
      if (this.cached === entry) this.cached = null; // a failed load is not cached
    });
    return entry.data;
  }

  private async load(db: Db): Promise<CalendarData> {
    const rows = await db
      .select({ ...dayColumns, divisionPath: divisions.path })
      .from(calendarDays)
      .leftJoin(divisions, eq(divisions.code, calendarDays.divisionCode));
    const years = await db
      .select({ year: calendarYears.year })
      .from(calendarYears)
      .where(isNull(calendarYears.divisionCode));
    return buildCalendar(
      rows.map((r) => ({
        day: r.day,
        kind: r.kind,
        name: r.name,
        divisionPath: r.divisionCode ? r.divisionPath : null,
        region: r.divisionName,
        assumption: r.assumption,
      })),
      years.map((y) => y.year),
    );
  }

  async division(code: string, field = 'division', db: Db = this.db): Promise<DivisionRef> {
    const [d] = await db
      .select({ code: divisions.code, name: divisions.name, path: divisions.path })
      .from(divisions)
      .where(eq(divisions.code, code));
    if (!d) throw badInput(field, `行政区划代码 ${code} 不存在`);
    return d;
  }

  /** The last day of a period counted from `start` (not counted) for a body in `divisionCode`. */
  async deadline(spec: PeriodSpec, start: string, divisionCode: string | null, db: Db = this.db) {
    const d = divisionCode ? await this.division(divisionCode, 'division', db) : null;
    const result = computeDeadline(spec, start, await this.calendar(db), d?.path ?? null);
    return {
      ...result,
      endWeekday: weekdayName(result.end),
      division: d ? { code: d.code, name: d.name } : null,
    };
  }

  /** Whether a day is a working day for a body in `divisionCode` (null: the national calendar only). */
  async day(date: string, divisionCode: string | null, db: Db = this.db) {
    const d = divisionCode ? await this.division(divisionCode, 'division', db) : null;
    return dayStatus(date, await this.calendar(db), d?.path ?? null);
  }

  /** The year's exceptions that apply in a division (national + its own and its ancestors'), or all of them. */
  async listDays(year: number, divisionCode?: string) {
    const d = divisionCode ? await this.division(divisionCode) : null;
    const inYear = and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`));
    const applies = d
      ? or(isNull(calendarDays.divisionCode), sql`${d.path} like ${divisions.path} || '%'`)
      : undefined;
    const days: CalendarDayView[] = await this.db
      .select(dayColumns)
      .from(calendarDays)
      .leftJoin(divisions, eq(divisions.code, calendarDays.divisionCode))
      .where(and(inYear, applies))
      .orderBy(asc(calendarDays.day), sql`${divisions.path} nulls first`);
    const [known] = await this.db
      .select({ source: calendarYears.source })
      .from(calendarYears)
      .where(and(isNull(calendarYears.divisionCode), eq(calendarYears.year, year)));
    return {
      year,
      nationalKnown: !!known,
      nationalSource: known?.source ?? null,
      nationalEnteredByHand: !!known && !nationalNotices[year],
      division: d,
      days,
    };
  }

  /**
   * Enters (or corrects) a year's national rest days and 调休 workdays from the State Council notice,
   * for a year the bundled notices do not cover yet, and marks the year known: the whole notice at
   * once, so no deadline is ever computed on half a year. Once a release bundles that year's notice,
   * syncNational takes over and brings the days in line with it.
   */
  async enterNationalYear(ctx: RequestContext, year: number, input: NationalYearInput) {
    const bundled = nationalNotices[year];
    if (bundled)
      throw conflict(
        'CALENDAR_NATIONAL_BUNDLED',
        `${year}年全国节假日安排已随软件载入（${bundled}），不能手工更改`,
        { year },
      );
    const rows = nationalRowsOf(year, input);
    const summary = await inTx(this.db, ctx, async (t) => {
      await assertCanManageNational(t.db, ctx.actor);
      const inYear = and(
        isNull(calendarDays.divisionCode),
        gte(calendarDays.day, `${year}-01-01`),
        lte(calendarDays.day, `${year}-12-31`),
      );
      const before = await t.db.select({ day: calendarDays.day }).from(calendarDays).where(inYear);
      const [known] = await t.db
        .select({ source: calendarYears.source })
        .from(calendarYears)
        .where(and(isNull(calendarYears.divisionCode), eq(calendarYears.year, year)));
      await t.db.delete(calendarDays).where(inYear);
      await t.db
        .insert(calendarDays)
        .values(
          rows.map((r) => ({ ...r, divisionCode: null, source: input.source, createdBy: ctx.actor.id })),
        );
      if (known)
        await t.db
          .update(calendarYears)
          .set({ source: input.source })
          .where(and(isNull(calendarYears.divisionCode), eq(calendarYears.year, year)));
      else await t.db.insert(calendarYears).values({ divisionCode: null, year, source: input.source });
      t.audit({
        action: known ? 'calendar.national.correct' : 'calendar.national.enter',
        entity: 'calendar',
        entityId: String(year),
        diff: {
          year,
          source: input.source,
          previousSource: known?.source ?? null,
          previousDays: before.map((b) => b.day).sort(),
          restDays: rows.filter((r) => r.kind === 'rest').map((r) => r.day),
          workDays: rows.filter((r) => r.kind === 'work').map((r) => r.day),
        },
      });
      return { year, replaced: !!known, days: rows.length };
    });
    this.invalidate();
    return summary;
  }

  /** Enters a regional notice: one row per day from `from` to `to`. */
  async addRegionalDays(ctx: RequestContext, input: CreateRegionalDays): Promise<CalendarDayView[]> {
    const d = await this.division(input.division);
    const to = input.to ?? input.from;
    const span = toDayNumber(to) - toDayNumber(input.from) + 1;
    if (span < 1) throw badInput('to', '结束日期不能早于开始日期');
    if (span > MAX_SPAN_DAYS) throw badInput('to', `一次最多录入 ${MAX_SPAN_DAYS} 天`);
    const dates = Array.from({ length: span }, (_, i) => addDays(input.from, i));
    // A 调休 workday moves a weekend day to work; a weekday is already one.
    const weekday = dates.find((x) => !isWeekend(x));
    if (input.kind === 'work' && weekday)
      throw badInput('kind', `调休上班日应为周六或周日，${zhDate(weekday)}是${weekdayName(weekday)}`);

    const rows = await inTx(this.db, ctx, async (t) => {
      await assertCanManage(t.db, ctx.actor, d);
      const taken = await t.db
        .select({ day: calendarDays.day, name: calendarDays.name })
        .from(calendarDays)
        .where(and(eq(calendarDays.divisionCode, d.code), inArray(calendarDays.day, dates)));
      if (taken.length)
        throw conflict(
          'CALENDAR_DAY_EXISTS',
          `${d.name}${zhDate(taken[0]!.day)}已有安排（${taken[0]!.name}），请先删除再录入`,
          { day: taken[0]!.day },
        );
      const inserted = await t.db
        .insert(calendarDays)
        .values(
          dates.map((day) => ({
            divisionCode: d.code,
            day,
            kind: input.kind,
            name: input.name,
            source: input.source,
            assumption: input.assumption,
            createdBy: ctx.actor.id,
          })),
        )
        .returning();
      for (const r of inserted)
        t.audit({
          action: 'calendar.day.create',
          entity: 'calendar_day',
          entityId: r.id,
          diff: snapshotOf({ ...r, createdAt: undefined }),
        });
      return inserted;
    });
    this.invalidate();
    return rows.map((r) => ({ ...viewOf(r), divisionName: d.name }));
  }

  async removeRegionalDay(ctx: RequestContext, id: number): Promise<CalendarDayView> {
    const removed = await inTx(this.db, ctx, async (t) => {
      const [row] = await t.db
        .select({ ...dayColumns, divisionPath: divisions.path })
        .from(calendarDays)
        .leftJoin(divisions, eq(divisions.code, calendarDays.divisionCode))
        .where(eq(calendarDays.id, id));
      if (!row) throw notFound('节假日安排', id);
      if (!row.divisionCode || !row.divisionPath || !row.divisionName)
        throw conflict(
          'CALENDAR_NATIONAL_READONLY',
          '全国节假日安排随国务院办公厅通知自动同步，不能手工删除',
        );
      await assertCanManage(t.db, ctx.actor, {
        code: row.divisionCode,
        name: row.divisionName,
        path: row.divisionPath,
      });
      await t.db.delete(calendarDays).where(eq(calendarDays.id, id));
      const { divisionPath: _, ...view } = row;
      t.audit({
        action: 'calendar.day.delete',
        entity: 'calendar_day',
        entityId: id,
        diff: snapshotOf(view),
      });
      return view;
    });
    this.invalidate();
    return removed;
  }

  /**
   * Brings the national days of the noticed years in line with chinese-days and marks those years
   * known. Runs at every start: when nothing changed it costs two small selects and writes nothing.
   */
  async syncNational(): Promise<{ years: number[]; added: number; changed: number; removed: number }> {
    const want = new Map(nationalDays().map((d) => [d.day, d]));
    const first = `${Math.min(...nationalYears)}-01-01`;
    const last = `${Math.max(...nationalYears)}-12-31`;
    const have = await this.db
      .select({
        day: calendarDays.day,
        kind: calendarDays.kind,
        name: calendarDays.name,
        source: calendarDays.source,
      })
      .from(calendarDays)
      .where(
        and(isNull(calendarDays.divisionCode), gte(calendarDays.day, first), lte(calendarDays.day, last)),
      );
    const haveYears = new Map(
      (await this.db.select().from(calendarYears).where(isNull(calendarYears.divisionCode))).map((y) => [
        y.year,
        y.source,
      ]),
    );

    const haveByDay = new Map(have.map((h) => [h.day, h]));
    const added = [...want.values()].filter((w) => !haveByDay.has(w.day));
    const changed = [...want.values()].filter((w) => {
      const h = haveByDay.get(w.day);
      return h && (h.kind !== w.kind || h.name !== w.name || h.source !== w.source);
    });
    const removed = have.filter((h) => !want.has(h.day)).map((h) => h.day);
    const years = nationalYears.filter((y) => haveYears.get(y) !== nationalNotices[y]);
    const summary = { years, added: added.length, changed: changed.length, removed: removed.length };
    if (!added.length && !changed.length && !removed.length && !years.length) return summary;

    await inTx(this.db, { actor: Actor.system }, async (t) => {
      // ON CONFLICT DO NOTHING: two servers starting together on one PostgreSQL must not collide.
      if (added.length)
        await t.db
          .insert(calendarDays)
          .values(added.map((a) => ({ ...a, divisionCode: null })))
          .onConflictDoNothing();
      for (const c of changed)
        await t.db
          .update(calendarDays)
          .set({ kind: c.kind, name: c.name, source: c.source })
          .where(and(isNull(calendarDays.divisionCode), eq(calendarDays.day, c.day)));
      if (removed.length)
        await t.db
          .delete(calendarDays)
          .where(and(isNull(calendarDays.divisionCode), inArray(calendarDays.day, removed)));
      for (const year of years) {
        const source = nationalNotices[year]!;
        if (haveYears.has(year))
          await t.db
            .update(calendarYears)
            .set({ source })
            .where(and(isNull(calendarYears.divisionCode), eq(calendarYears.year, year)));
        else
          await t.db.insert(calendarYears).values({ divisionCode: null, year, source }).onConflictDoNothing();
      }
      t.audit({
        action: 'calendar.national.sync',
        entity: 'calendar',
        diff: {
          ...summary,
          addedDays: added.map((a) => a.day),
          changedDays: changed.map((c) => c.day),
          removedDays: removed,
        },
      });
    });
    this.invalidate();
    return summary;
  }
}

function viewOf(r: typeof calendarDays.$inferSelect): CalendarDayView {
  return {
    id: r.id,
    day: r.day,
    kind: r.kind,
    name: r.name,
    source: r.source,
    assumption: r.assumption,
    divisionCode: r.divisionCode,
    divisionName: null,
  };
}

/**
 * calendar.manage is granted on org units; a user may edit a division's days when one of those
 * scopes holds a unit sitting in that division or above it (a county admin: the county and its
 * townships, not the city). The scope is part of the query.
 */
async function assertCanManage(db: Db, actor: Actor, d: DivisionRef) {
  if (actor.kind === 'system') return;
  const [hit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .innerJoin(divisions, eq(divisions.code, orgUnits.divisionCode))
    .where(and(inScope(orgUnits.path, actor.scopes(P.manage)), sql`${d.path} like ${divisions.path} || '%'`))
    .limit(1);
  if (!hit) throw forbidden(`无权维护${d.name}（${d.code}）的节假日安排`);
}

/** The longest holiday block a notice has given (春节 2025–2026: 8–9 days), with room to spare. */
const MAX_HOLIDAY_DAYS = 12;

/** One row per day of the notice, after checking what the notice itself would never say. */
function nationalRowsOf(year: number, input: NationalYearInput) {
  const rows: { day: string; kind: 'rest' | 'work'; name: string }[] = [];
  const seen = new Map<string, string>();
  const take = (day: string, kind: 'rest' | 'work', name: string, field: string) => {
    if (Number(day.slice(0, 4)) !== year) throw badInput(field, `${zhDate(day)}不在${year}年内`);
    const other = seen.get(day);
    if (other) throw badInput(field, `${zhDate(day)}已录入为“${other}”，同一天不能录入两次`);
    seen.set(day, name);
    rows.push({ day, kind, name: kind === 'rest' ? name : `${name}调休上班` });
  };
  input.holidays.forEach((h, i) => {
    const span = toDayNumber(h.to) - toDayNumber(h.from) + 1;
    if (span < 1) throw badInput(`holidays.${i}.to`, '结束日期不能早于开始日期');
    if (span > MAX_HOLIDAY_DAYS)
      throw badInput(`holidays.${i}.to`, `一次放假最多 ${MAX_HOLIDAY_DAYS} 天，请核对通知`);
    for (let k = 0; k < span; k++) take(addDays(h.from, k), 'rest', h.name, `holidays.${i}.from`);
  });
  input.workdays.forEach((w, i) => {
    // 调休 moves a weekend day to work; a weekday already is one
    if (!isWeekend(w.day))
      throw badInput(
        `workdays.${i}.day`,
        `调休上班日应为周六或周日，${zhDate(w.day)}是${weekdayName(w.day)}`,
      );
    take(w.day, 'work', w.name, `workdays.${i}.day`);
  });
  return rows.sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * National days bind every division, so entering them takes calendar.manage over a unit of a
 * top-level division (the region's administrator), not a county's or a township's.
 */
async function assertCanManageNational(db: Db, actor: Actor) {
  if (actor.kind === 'system') return;
  const [hit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .innerJoin(divisions, eq(divisions.code, orgUnits.divisionCode))
    .where(and(inScope(orgUnits.path, actor.scopes(P.manage)), isNull(divisions.parentCode)))
    .limit(1);
  if (!hit) throw forbidden('全国节假日安排须由全区（省级）系统管理员录入');
}

const services = new WeakMap<Db, CalendarService>();

/** One service (one cache) per database handle: routes, jobs and the Platform share it. */
export function calendarServiceFor(db: Db): CalendarService {
  let s = services.get(db);
  if (!s) services.set(db, (s = new CalendarService(db)));
  return s;
}
