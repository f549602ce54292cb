/**
 * Figures written as Chinese officials write them in a report. A placeholder names a figure and,
 * optionally, a style:
 *
 *   {{counsel.consultations}}                  exact            348
 *   {{study.lawStudyActivities|approx}}        余, 1 digit       312 → 300余
 *   {{publicity.govServicePosters|approx:2}}   余, 2 digits      674 → 670余
 *   {{publicity.vehiclePatrols|more}}          多               53 → 50多
 *   {{publicity.materialsDistributed|wan}}     万, 2 digits      12 345 → 1.2万
 *   {{mediation.amountInvolved|approxWan}}     余万, 2 digits    1 834 000 → 180余万
 *
 * The digits are significant digits kept, the rest cut off (never rounded up: 余 and 多 say "at
 * least"). Ratios (unit 比例) are always whole percents: 0.99 → 99%. The seed report's own usage
 * decided the styles (seed/suo-county-2023-figures.json "about": 300 → 300..399, 12000 → 1.2万).
 */
import { NO_SOURCE, NO_VALUE } from './kinds.js';

export const figureStyles = ['exact', 'approx', 'more', 'wan', 'approxWan'] as const;
export type FigureStyle = (typeof figureStyles)[number];

export interface Placeholder {
  /** the whole `{{…}}` text */
  raw: string;
  key: string;
  style: FigureStyle;
  digits: number;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|\s*([a-zA-Z]+)(?::(\d))?\s*)?\}\}/g;

const defaultDigits: Record<FigureStyle, number> = { exact: 0, approx: 1, more: 1, wan: 2, approxWan: 2 };

/** Every placeholder of a text, in order; an unknown style is an error naming it. */
export function placeholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const style = (m[2] ?? 'exact') as FigureStyle;
    if (!figureStyles.includes(style))
      throw new Error(`未知的数字写法“${m[2]}”（可用：${figureStyles.join('、')}）`);
    out.push({ raw: m[0], key: m[1]!, style, digits: m[3] ? Number(m[3]) : defaultDigits[style] });
  }
  return out;
}

/** Keep `digits` significant digits of a non-negative integer, cutting the rest: 312, 1 → 300. */
export function cutDigits(v: number, digits: number): number {
  const n = Math.floor(v);
  const len = String(n).length;
  if (len <= digits) return n;
  const place = 10 ** (len - digits);
  return Math.floor(n / place) * place;
}

function exact(v: number): string {
  if (Number.isInteger(v)) return String(v);
  // averages and scores: at most two decimals, no trailing zeros
  return String(Number(v.toFixed(2)));
}

function wanText(v: number, digits: number): string {
  // in units of 万 with `digits` significant digits, in integers so 2.9万 is not 2.8万 by float error
  const whole = Math.floor(v / 10000);
  const intLen = String(whole).length;
  if (intLen >= digits) return String(cutDigits(whole, digits));
  const f = 10 ** (digits - intLen);
  return String(Math.floor((Math.floor(v) * f) / 10000) / f);
}

/** A figure value in a style; ratios become whole percents whatever the style. */
export function formatFigure(
  value: number,
  unit: string,
  style: FigureStyle = 'exact',
  digits?: number,
): string {
  const d = digits ?? defaultDigits[style];
  if (unit === '比例') return `${Math.round(value * 100)}%`;
  if (unit === '%') return `${exact(value)}%`;
  if (value < 0 || !Number.isFinite(value)) return exact(value);
  switch (style) {
    case 'exact':
      return exact(value);
    case 'approx':
      // below ten there is nothing to cut: 余 would only blur a small exact count
      return value < 10 ? exact(value) : `${cutDigits(value, d)}余`;
    case 'more':
      return value < 10 ? exact(value) : `${cutDigits(value, d)}多`;
    case 'wan':
      return value < 10000 ? exact(value) : `${wanText(value, d)}万`;
    case 'approxWan':
      return value < 10000 ? formatFigure(value, unit, 'approx', d) : `${wanText(value, d)}余万`;
  }
}

export interface FigureSource {
  /** the registered figure's unit, or undefined when no module owns the key */
  unitOf(key: string): string | undefined;
  valueOf(key: string): number | null | undefined;
}

export interface Filled {
  text: string;
  /** keys no module owns: rendered as （暂无数据来源） */
  unowned: string[];
  /** owned keys whose value is null (e.g. a rate without a denominator) */
  empty: string[];
  used: string[];
}

/** Replace every placeholder of `text`; never invents a number. */
export function fillPlaceholders(text: string, src: FigureSource): Filled {
  const unowned: string[] = [];
  const empty: string[] = [];
  const used: string[] = [];
  const out = text.replace(PLACEHOLDER, (raw) => {
    const p = placeholders(raw)[0]!;
    used.push(p.key);
    const unit = src.unitOf(p.key);
    if (unit === undefined) {
      unowned.push(p.key);
      return NO_SOURCE;
    }
    const v = src.valueOf(p.key);
    if (v === null || v === undefined) {
      empty.push(p.key);
      return NO_VALUE;
    }
    return formatFigure(v, unit, p.style, p.digits);
  });
  return { text: out, unowned, empty, used };
}
