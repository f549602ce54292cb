/**
 * The deadline engine: pure functions over an in-memory calendar, no database.
 *
 * Counting rules (domain/rules-research.md §4):
 * - the start day is not counted (民法典第二百零一条; 民事诉讼法第八十五条第二款);
 * - a day/month/year period whose last day is a rest day ends on the first working day after it
 *   (民事诉讼法第八十五条第三款; 民法典第二百零三条). Ordinary weekends count as 法定休假日 here, the
 *   common reading [R]; a 调休 workday ends the roll, since offices are open that day;
 * - a month/year period ends on the corresponding day of the final month, or on its last day when it
 *   has none (民法典第二百零二条);
 * - a working-day period counts only working days: Monday–Friday minus holidays plus 调休 workdays.
 * Regional holidays (藏历新年 of 那曲市…) rest on 放假办法第四条 and apply to the announcing division's
 * whole subtree; a deeper division's entry wins over a shallower one, and both over the national one.
 */
import { DomainError, badInput } from '../http/errors.js';
import {
  addDays,
  daysInMonth,
  isValidDate,
  isWeekend,
  parseDate,
  pad2,
  weekdayName,
  yearOf,
  zhDate,
} from './dates.js';

export const periodUnits = ['workday', 'day', 'month', 'year'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

/** A day that departs from the Monday–Friday week, as one notice declares it. */
export interface DayMark {
  kind: 'rest' | 'work';
  name: string;
  /** the announcing division's name (那曲市); absent for national days */
  region?: string | null;
  /** dates assumed, not taken from that division's own notice */
  assumption?: boolean;
}

export interface CalendarData {
  /** years whose State Council notice is loaded; any other year is unknown, never guessed */
  nationalYears: ReadonlySet<number>;
  national: ReadonlyMap<string, DayMark>;
  /** keyed by the announcing division's path ('/540000/540600/'); applies to its whole subtree */
  regional: ReadonlyMap<string, ReadonlyMap<string, DayMark>>;
}

export interface CalendarRow extends DayMark {
  day: string;
  /** null for a national day */
  divisionPath: string | null;
}

export function buildCalendar(rows: Iterable<CalendarRow>, nationalYears: Iterable<number>): CalendarData {
  const national = new Map<string, DayMark>();
  const regional = new Map<string, Map<string, DayMark>>();
  for (const { day, divisionPath, ...mark } of rows) {
    if (divisionPath === null) national.set(day, mark);
    else {
      let m = regional.get(divisionPath);
      if (!m) regional.set(divisionPath, (m = new Map()));
      m.set(day, mark);
    }
  }
  return { nationalYears: new Set(nationalYears), national, regional };
}

export interface DayNote {
  date: string;
  reason: string;
}

export interface DayStatus extends DayNote {
  work: boolean;
}

export const yearMissing = (year: number) =>
  new DomainError(
    422,
    'CALENDAR_YEAR_MISSING',
    `尚未载入${year}年全国节假日安排（国务院办公厅通知），无法计算涉及该年的期间；通知发布后，请系统管理员在“节假日日历”中按通知录入该年安排（或升级到内置该年通知的版本）后再计算`,
    { year },
  );

/** '/540000/540600/540626/' → its own path and every ancestor's, deepest first. */
function prefixesOf(divisionPath: string | null): string[] {
  if (!divisionPath) return [];
  const codes = divisionPath.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, codes.length - i).join('/')}/`);
}

function markReason(m: DayMark): string {
  if (!m.region) return m.name;
  return `${m.name}（${m.region}${m.assumption ? '，推定' : ''}）`;
}

/** How days look from one division. Throws CALENDAR_YEAR_MISSING for a day in an unknown year. */
export function dayResolver(cal: CalendarData, divisionPath: string | null): (date: string) => DayStatus {
  const layers = prefixesOf(divisionPath)
    .map((p) => cal.regional.get(p))
    .filter((m): m is ReadonlyMap<string, DayMark> => !!m);
  return (date) => {
    if (!cal.nationalYears.has(yearOf(date))) throw yearMissing(yearOf(date));
    for (const layer of layers) {
      const m = layer.get(date);
      if (m) return { date, work: m.kind === 'work', reason: markReason(m) };
    }
    const m = cal.national.get(date);
    if (m) return { date, work: m.kind === 'work', reason: markReason(m) };
    if (isWeekend(date)) return { date, work: false, reason: `${weekdayName(date)}（休息日）` };
    return { date, work: true, reason: '工作日' };
  };
}

export const dayStatus = (date: string, cal: CalendarData, divisionPath: string | null) =>
  dayResolver(cal, divisionPath)(checkStart(date));

/** How one computation went: the last day, and the days that moved it. */
export interface Trace {
  end: string;
  /** the last day before any roll past rest days (equal to end for working-day periods) */
  nominalEnd: string;
  /** rest days passed over (working-day periods) or rolled past at the end (other periods) */
  skipped: DayNote[];
  /** 调休 workdays on a Saturday or Sunday that were counted */
  adjustedWorkdays: DayNote[];
  /** month/year periods: the final month had no corresponding day, its last day was taken */
  monthEndTaken?: boolean;
}

/** Upper bounds that keep a typo (50000 days) from walking the calendar for seconds. */
const MAX_LENGTH: Record<PeriodUnit, number> = { workday: 366, day: 3660, month: 240, year: 20 };
const UNIT_WORDS: Record<PeriodUnit, string> = { workday: '个工作日', day: '日', month: '个月', year: '年' };

function checkStart(start: string): string {
  if (!isValidDate(start)) throw badInput('start', `开始日期“${start}”不是有效日期（格式 YYYY-MM-DD）`);
  return start;
}

function checkLength(n: number, unit: PeriodUnit): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_LENGTH[unit])
    throw badInput(
      'length',
      `期间长度应为 1 至 ${MAX_LENGTH[unit]} 之间的整数${UNIT_WORDS[unit]}（收到 ${n}）`,
    );
  return n;
}

/** 民事诉讼法第八十五条第三款 / 民法典第二百零三条: a last day that is a rest day moves to the next working day. */
function rollPastRestDays(nominal: string, day: (d: string) => DayStatus) {
  const skipped: DayNote[] = [];
  let d = nominal;
  for (let s = day(d); !s.work; s = day(d)) {
    skipped.push({ date: d, reason: s.reason });
    d = addDays(d, 1);
  }
  return { end: d, skipped, adjustedWorkdays: isWeekend(d) ? [{ date: d, reason: day(d).reason }] : [] };
}

/** The n-th working day after start (start not counted). */
export function addWorkingDays(
  start: string,
  n: number,
  cal: CalendarData,
  divisionPath: string | null,
): Trace {
  checkStart(start);
  checkLength(n, 'workday');
  const day = dayResolver(cal, divisionPath);
  const skipped: DayNote[] = [];
  const adjustedWorkdays: DayNote[] = [];
  let d = start;
  for (let counted = 0; counted < n;) {
    d = addDays(d, 1);
    const s = day(d);
    if (!s.work) skipped.push({ date: d, reason: s.reason });
    else {
      counted++;
      if (isWeekend(d)) adjustedWorkdays.push({ date: d, reason: s.reason });
    }
  }
  return { end: d, nominalEnd: d, skipped, adjustedWorkdays };
}

/** start + n calendar days, rolled past rest days. Only the last day (and the roll) consult the calendar. */
export function addCalendarDays(
  start: string,
  n: number,
  cal: CalendarData,
  divisionPath: string | null,
): Trace {
  checkStart(start);
  checkLength(n, 'day');
  const nominalEnd = addDays(start, n);
  return { nominalEnd, ...rollPastRestDays(nominalEnd, dayResolver(cal, divisionPath)) };
}

/** The date m months on: the corresponding day, else the month's last day (民法典第二百零二条). */
export function monthsLater(start: string, m: number): { date: string; monthEndTaken: boolean } {
  const p = parseDate(checkStart(start))!;
  const index = p.y * 12 + (p.m - 1) + m;
  const y = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(y, month);
  return { date: `${y}-${pad2(month)}-${pad2(Math.min(p.d, last))}`, monthEndTaken: p.d > last };
}

/** start + m months (corresponding day or month end), rolled past rest days. */
export function addMonths(start: string, m: number, cal: CalendarData, divisionPath: string | null): Trace {
  checkLength(m, 'month');
  const { date, monthEndTaken } = monthsLater(start, m);
  return { nominalEnd: date, monthEndTaken, ...rollPastRestDays(date, dayResolver(cal, divisionPath)) };
}

/** A statutory time limit, carrying the article it comes from (STYLE.md). */
export interface PeriodRule {
  length: number;
  unit: PeriodUnit;
  law: string;
  article: string;
  /** e.g. { max: 30, by: '复议机构负责人批准' } (行政复议法第六十二条) */
  extendable?: { max: number; by: string };
}
export type PeriodSpec = PeriodRule | { length: number; unit: PeriodUnit };

export function period(rule: PeriodRule): Readonly<PeriodRule> {
  checkLength(rule.length, rule.unit);
  return Object.freeze({ ...rule });
}

export interface Deadline {
  start: string;
  end: string;
  nominalEnd: string;
  rule: {
    unit: PeriodUnit;
    length: number;
    /** the statute that sets this period; null when only a length was given */
    law: string | null;
    article: string | null;
    extendable?: { max: number; by: string };
    /** the articles that say how the period is counted */
    basis: string;
    /** a Chinese sentence telling how the last day was reached */
    description: string;
  };
  skipped: DayNote[];
  adjustedWorkdays: DayNote[];
}

const BASIS: Record<PeriodUnit, string> = {
  workday:
    '开始之日不计入（民法典第二百零一条、民事诉讼法第八十五条）；工作日不含周六、周日和法定节假日，调休上班日计入',
  day: '开始之日不计入（民法典第二百零一条）；最后一日是法定休假日的，顺延至休假日后的第一日（民事诉讼法第八十五条、民法典第二百零三条）',
  month:
    '开始之日不计入；到期月的对应日为最后一日，没有对应日的以月末日为最后一日（民法典第二百零一条、第二百零二条）；最后一日是法定休假日的顺延（民法典第二百零三条）',
  year: '开始之日不计入；到期月的对应日为最后一日，没有对应日的以月末日为最后一日（民法典第二百零一条、第二百零二条）；最后一日是法定休假日的顺延（民法典第二百零三条）',
};

export function computeDeadline(
  spec: PeriodSpec,
  start: string,
  cal: CalendarData,
  divisionPath: string | null,
): Deadline {
  const { unit, length } = spec;
  if (!periodUnits.includes(unit)) throw badInput('unit', `期间单位应为 ${periodUnits.join(' / ')}`);
  const t =
    unit === 'workday'
      ? addWorkingDays(start, length, cal, divisionPath)
      : unit === 'day'
        ? addCalendarDays(start, length, cal, divisionPath)
        : addMonths(start, unit === 'year' ? checkLength(length, 'year') * 12 : length, cal, divisionPath);
  const law = 'law' in spec ? spec.law : null;
  const article = 'article' in spec ? spec.article : null;
  return {
    start,
    end: t.end,
    nominalEnd: t.nominalEnd,
    rule: {
      unit,
      length,
      law,
      article,
      ...('extendable' in spec && spec.extendable ? { extendable: spec.extendable } : {}),
      basis: BASIS[unit],
      description: describe(unit, length, law, article, start, t),
    },
    skipped: t.skipped,
    adjustedWorkdays: t.adjustedWorkdays,
  };
}

function describe(
  unit: PeriodUnit,
  n: number,
  law: string | null,
  article: string | null,
  start: string,
  t: Trace,
): string {
  const by = law ? `依照《${law}》${article ?? ''}，` : '';
  const endText = `${zhDate(t.end)}（${weekdayName(t.end)}）`;
  const adjusted = t.adjustedWorkdays.length
    ? `${t.adjustedWorkdays.map((a) => zhDate(a.date)).join('、')}为调休上班日`
    : '';
  if (unit === 'workday') {
    const notes = ['开始之日不计入'];
    if (t.skipped.length) {
      const holidays = [...new Set(t.skipped.map((s) => s.reason).filter((r) => !r.endsWith('（休息日）')))];
      notes.push(
        `其间${t.skipped.length}天休息日${holidays.length ? `（含${holidays.join('、')}）` : ''}不计入`,
      );
    }
    if (adjusted) notes.push(`${adjusted}，计入`);
    return `${by}自${zhDate(start)}的次日起计算${n}个工作日（${notes.join('；')}），期间届满日为${endText}。`;
  }
  const first =
    unit === 'day'
      ? `${by}自${zhDate(start)}的次日起计算${n}日，第${n}日为${zhDate(t.nominalEnd)}`
      : `${by}自${zhDate(start)}起计算${n}${UNIT_WORDS[unit]}，` +
        (t.monthEndTaken
          ? `到期月没有对应日，以月末日${zhDate(t.nominalEnd)}为最后一日（民法典第二百零二条）`
          : `到期月的对应日为${zhDate(t.nominalEnd)}`);
  if (!t.skipped.length) return `${first}，即期间届满日（${weekdayName(t.end)}）。`;
  return (
    `${first}，该日为${t.skipped[0]!.reason}，依照民事诉讼法第八十五条、民法典第二百零三条顺延${t.skipped.length}天` +
    `至其后第一个工作日${adjusted ? `（${adjusted}）` : ''}，期间届满日为${endText}。`
  );
}
