/**
 * Calendar dates as 'YYYY-MM-DD' strings, counted as whole days since 1970-01-01.
 * Everything goes through Date.UTC so the server's time zone can never shift a legal date by one.
 */
const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a date; null when it is malformed or does not exist (2023-02-29). */
export function parseDate(s: string): { y: number; m: number; d: number } | null {
  const match = ISO.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export const isValidDate = (s: string) => parseDate(s) !== null;

export function toDayNumber(s: string): number {
  const p = parseDate(s);
  if (!p) throw new RangeError(`not a date: ${s}`);
  return Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;
}

export const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (s: string, n: number): string => fromDayNumber(toDayNumber(s) + n);

/** 0 = Sunday … 6 = Saturday */
export const weekday = (s: string): number => new Date(toDayNumber(s) * DAY_MS).getUTCDay();

export const isWeekend = (s: string) => {
  const w = weekday(s);
  return w === 0 || w === 6;
};

export const yearOf = (s: string) => Number(s.slice(0, 4));

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
export const weekdayName = (s: string) => WEEKDAYS[weekday(s)]!;

/** 2024年10月10日 */
export function zhDate(s: string): string {
  const p = parseDate(s)!;
  return `${p.y}年${p.m}月${p.d}日`;
}

/**
 * The calendar day an instant falls on in China (UTC+8, no daylight saving): statutory periods run in
 * the county's days, not the server's. `todayInShanghai` is today's.
 */
export const shanghaiDate = (d: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
export const todayInShanghai = (): string => shanghaiDate(new Date());
