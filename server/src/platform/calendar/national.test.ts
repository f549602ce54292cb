import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import { nationalDays, nationalNotices } from './national.js';

/** Each year's 调休 workdays and holiday blocks, copied from the State Council notice itself. */
const notices: Record<number, { work: string[]; rest: [string, string][] }> = {
  // 国办发明电〔2022〕16号 (元旦 2022-12-31–2023-01-02 starts in 2022)
  2023: {
    work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
    rest: [
      ['01-01', '01-02'],
      ['01-21', '01-27'],
      ['04-05', '04-05'],
      ['04-29', '05-03'],
      ['06-22', '06-24'],
      ['09-29', '10-06'],
    ],
  },
  // 国办发明电〔2023〕7号
  2024: {
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
    rest: [
      ['01-01', '01-01'],
      ['02-10', '02-17'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['06-10', '06-10'],
      ['09-15', '09-17'],
      ['10-01', '10-07'],
    ],
  },
  // 国办发明电〔2024〕12号
  2025: {
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
    rest: [
      ['01-01', '01-01'],
      ['01-28', '02-04'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['05-31', '06-02'],
      ['10-01', '10-08'],
    ],
  },
  // 国办发明电〔2025〕7号
  2026: {
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
    rest: [
      ['01-01', '01-03'],
      ['02-15', '02-23'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['06-19', '06-21'],
      ['09-25', '09-27'],
      ['10-01', '10-07'],
    ],
  },
};

function expand(year: number, [from, to]: [string, string]): string[] {
  const out: string[] = [];
  for (let d = `${year}-${from}`; d <= `${year}-${to}`; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('national calendar from chinese-days matches the State Council notices', () => {
  it.each(Object.keys(notices).map(Number))('%i', (year) => {
    const days = nationalDays().filter((d) => d.day.startsWith(`${year}-`));
    const n = notices[year]!;
    expect(days.filter((d) => d.kind === 'work').map((d) => d.day)).toEqual(
      n.work.map((w) => `${year}-${w}`),
    );
    expect(days.filter((d) => d.kind === 'rest').map((d) => d.day)).toEqual(
      n.rest.flatMap((r) => expand(year, r)),
    );
    expect(new Set(days.map((d) => d.source))).toEqual(new Set([nationalNotices[year]]));
  });

  it('uses the notices’ names', () => {
    const names = new Set(nationalDays().map((d) => d.name));
    expect(names).toContain('清明节');
    expect(names).toContain('国庆节调休上班');
    expect(names).not.toContain('清明');
  });

  it('loads no year without a named notice', () => {
    expect(new Set(nationalDays().map((d) => d.day.slice(0, 4)))).toEqual(
      new Set(['2023', '2024', '2025', '2026']),
    );
  });
});
