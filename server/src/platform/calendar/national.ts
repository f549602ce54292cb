/**
 * National holidays and 调休 workdays, read from chinese-days (which follows the yearly State Council
 * notices). Only years whose notice we name below are loaded: chinese-days treats any other year as
 * plain weekdays, and a deadline must never be computed on a guess (DESIGN.md, known traps).
 */
import { createRequire } from 'node:module';
import { isWeekend } from './dates.js';

/** The notice behind each year (rules-research §4.2). Add a year here once its notice is out. */
export const nationalNotices: Readonly<Record<number, string>> = {
  2023: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022年12月8日）',
  2024: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）',
  2025: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
  2026: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
};
export const nationalYears = Object.keys(nationalNotices).map(Number);

export interface NationalDay {
  day: string;
  kind: 'rest' | 'work';
  name: string;
  source: string;
}

interface ChineseDaysJson {
  /** 'YYYY-MM-DD' → "National Day,国庆节,3" (English name, Chinese name, length) */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** chinese-days' short names → the names the notices use */
const OFFICIAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
const nameOf = (entry: string) => {
  const zh = entry.split(',')[1] ?? entry;
  return OFFICIAL_NAMES[zh] ?? zh;
};

let cached: NationalDay[] | undefined;

/**
 * Every holiday day (weekend days inside a holiday block included, so the reason shown is 国庆节,
 * not 星期六) and every 调休 workday of the noticed years, sorted by date.
 */
export function nationalDays(): readonly NationalDay[] {
  if (cached) return cached;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const out: NationalDay[] = [];
  const add = (table: Record<string, string>, kind: 'rest' | 'work') => {
    for (const [day, entry] of Object.entries(table)) {
      const source = nationalNotices[Number(day.slice(0, 4))];
      if (!source) continue;
      // A 调休 workday only matters on a weekend; chinese-days lists none elsewhere, but be sure.
      if (kind === 'work' && !isWeekend(day)) continue;
      out.push({ day, kind, name: kind === 'rest' ? nameOf(entry) : `${nameOf(entry)}调休上班`, source });
    }
  };
  add(data.holidays, 'rest');
  add(data.workdays, 'work');
  cached = out.sort((a, b) => a.day.localeCompare(b.day));
  return cached;
}
