import { describe, expect, it } from 'vitest';
import { DomainError } from '../http/errors.js';
import { nationalDays, nationalYears } from './national.js';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  buildCalendar,
  computeDeadline,
  dayStatus,
  period,
  type CalendarRow,
  type PeriodUnit,
} from './periods.js';

const SUO = '/540000/540600/540626/';
const SUO_TOWNSHIP = '/540000/540600/540626/540626100/';
const LHASA = '/540000/540100/';

/** 那曲市 藏历新年 2023, dates as in the 拉萨 2023 notice (no 那曲 notice was available). */
const nagquLosar2023: CalendarRow[] = [
  ...['2023-02-18', '2023-02-19'].map((day) => ({ day, kind: 'work' as const, name: '藏历新年调休上班' })),
  ...['20', '21', '22', '23', '24', '25', '26'].map((d) => ({
    day: `2023-02-${d}`,
    kind: 'rest' as const,
    name: '藏历新年',
  })),
].map((r) => ({ ...r, divisionPath: '/540000/540600/', region: '那曲市', assumption: true }));

const national = nationalDays().map((d) => ({ ...d, divisionPath: null }));
const cal = buildCalendar([...national, ...nagquLosar2023], nationalYears);

describe('working-day periods: start day not counted, rest days skipped, 调休 workdays counted', () => {
  it.each<[string, number, string, string]>([
    // 2024 国庆 10/1–10/7, 9/29 (Sun) a workday: 9/29, 9/30, 10/8, 10/9, 10/10 (国办发明电〔2023〕7号)
    ['2024-09-27', 5, '2024-10-10', '国庆 2024 with Sunday 9/29 worked'],
    // 2023 中秋国庆 9/29–10/6, 10/7 (Sat) and 10/8 (Sun) workdays (国办发明电〔2022〕16号)
    ['2023-09-28', 1, '2023-10-07', 'Saturday 2023-10-07 is a 调休 workday'],
    ['2023-09-28', 2, '2023-10-08', 'Sunday 2023-10-08 too'],
    // 2025 春节 1/28–2/4, workdays 1/26 (Sun) and 2/8 (Sat) (国办发明电〔2024〕12号)
    ['2025-01-24', 3, '2025-02-05', '1/26 worked, 1/27, then 2/5 after the Spring Festival'],
    ['2025-02-06', 2, '2025-02-08', 'Saturday 2025-02-08 is a workday'],
    // ordinary weeks
    ['2023-06-05', 5, '2023-06-12', 'a plain week: Mon + 5 working days = next Mon'],
    ['2023-06-09', 1, '2023-06-12', 'Friday + 1 working day = Monday'],
  ])('%s + %i working days → %s (%s)', (start, n, end) => {
    expect(addWorkingDays(start, n, cal, null).end).toBe(end);
  });

  it('says which days it skipped and which weekend workdays it counted', () => {
    const d = computeDeadline(
      period({ length: 5, unit: 'workday', law: '行政复议法', article: '第三十条' }),
      '2024-09-27',
      cal,
      null,
    );
    expect(d.end).toBe('2024-10-10');
    expect(d.skipped.map((s) => s.date)).toEqual([
      '2024-09-28',
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => `2024-10-0${i}`),
    ]);
    expect(d.skipped[0]!.reason).toBe('星期六（休息日）');
    expect(d.skipped[1]!.reason).toBe('国庆节');
    expect(d.adjustedWorkdays).toEqual([{ date: '2024-09-29', reason: '国庆节调休上班' }]);
    expect(d.rule).toMatchObject({ unit: 'workday', length: 5, law: '行政复议法', article: '第三十条' });
    expect(d.rule.description).toBe(
      '依照《行政复议法》第三十条，自2024年9月27日的次日起计算5个工作日（开始之日不计入；其间8天休息日（含国庆节）不计入；' +
        '2024年9月29日为调休上班日，计入），期间届满日为2024年10月10日（星期四）。',
    );
  });
});

describe('calendar-day periods roll past rest days (民事诉讼法第八十五条, 民法典第二百零三条)', () => {
  it.each<[string, number, string, string]>([
    // 15 days after 2025-09-23 is 10/8, inside 国庆+中秋 10/1–10/8: the period ends 10/9
    ['2025-09-23', 15, '2025-10-09', 'ends in the 2025 国庆 holiday'],
    ['2025-09-16', 15, '2025-10-09', 'ends on 10/1'],
    // 2023-10-07 (Sat) is a 调休 workday: no roll
    ['2023-09-30', 7, '2023-10-07', 'ends on a 调休 Saturday'],
    // a plain weekend rolls to Monday
    ['2023-06-02', 8, '2023-06-12', 'Saturday 6/10 → Monday 6/12'],
    ['2023-06-02', 5, '2023-06-07', 'a weekday: no roll'],
    // ends on 2024-02-17 (Sat, last 春节 day); 2/18 (Sun) is a workday
    ['2024-02-07', 10, '2024-02-18', 'rolls to the 调休 Sunday 2024-02-18'],
  ])('%s + %i days → %s (%s)', (start, n, end) => {
    expect(addCalendarDays(start, n, cal, null).end).toBe(end);
  });

  it('explains the roll in its description', () => {
    const d = computeDeadline({ length: 15, unit: 'day' }, '2025-09-23', cal, null);
    expect(d.nominalEnd).toBe('2025-10-08');
    expect(d.skipped).toEqual([{ date: '2025-10-08', reason: '国庆节' }]);
    expect(d.rule.law).toBeNull();
    expect(d.rule.description).toBe(
      '自2025年9月23日的次日起计算15日，第15日为2025年10月8日，该日为国庆节，依照民事诉讼法第八十五条、民法典第二百零三条顺延1天至其后第一个工作日，期间届满日为2025年10月9日（星期四）。',
    );
  });
});

describe('month and year periods: corresponding day or month end (民法典第二百零二条), then roll', () => {
  it.each<[string, number, PeriodUnit, string, string]>([
    ['2023-01-31', 1, 'month', '2023-02-28', 'no 2/31: month end, a Tuesday'],
    ['2024-01-31', 1, 'month', '2024-02-29', 'leap year month end'],
    ['2023-03-15', 6, 'month', '2023-09-15', 'corresponding day, a Friday'],
    ['2023-05-31', 1, 'month', '2023-06-30', 'no 6/31: month end, a Friday'],
    // 4/30 is a Sunday inside 劳动节 4/29–5/3 (2023): rolls to Thursday 5/4
    ['2023-03-31', 1, 'month', '2023-05-04', 'month end 4/30 rolls past 劳动节'],
    // 2023-12-31 + 9 months = 2024-09-30 (Mon), a workday
    ['2023-12-31', 9, 'month', '2024-09-30', 'across a year'],
    // 2024-02-29 + 1 year: no 2/29 in 2025 → 2/28 (Fri)
    ['2024-02-29', 1, 'year', '2025-02-28', 'a year from a leap day'],
    // 6 months after 2024-04-01 is 10/1, in 国庆 → 10/8 (Tue)
    ['2024-04-01', 6, 'month', '2024-10-08', '行诉法第四十六条-style six months ending on 国庆'],
  ])('%s + %i %s → %s (%s)', (start, n, unit, end) => {
    expect(computeDeadline({ length: n, unit }, start, cal, null).end).toBe(end);
  });

  it('says when the month end was taken', () => {
    const d = computeDeadline({ length: 1, unit: 'month' }, '2023-01-31', cal, null);
    expect(d.rule.description).toBe(
      '自2023年1月31日起计算1个月，到期月没有对应日，以月末日2023年2月28日为最后一日（民法典第二百零二条），即期间届满日（星期二）。',
    );
    expect(addMonths('2023-03-31', 1, cal, null).skipped.map((s) => s.date)).toEqual([
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
  });
});

describe('a year without calendar data is an error, not a guess', () => {
  const missing = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    throw new Error('expected CALENDAR_YEAR_MISSING');
  };

  it.each<[string, () => unknown]>([
    ['a day period ending in 2027', () => addCalendarDays('2026-12-20', 30, cal, null)],
    ['a working-day period running into 2027', () => addWorkingDays('2026-12-25', 10, cal, null)],
    ['a month period ending in 2027', () => addMonths('2026-08-01', 6, cal, null)],
    ['a period ending in 2022', () => addCalendarDays('2022-06-01', 10, cal, null)],
  ])('%s', (_, fn) => {
    const e = missing(fn) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('CALENDAR_YEAR_MISSING');
    expect(e.detail).toMatch(/(2027|2022)年/);
  });

  it('does not need the year of the start day, which is not counted', () => {
    expect(addCalendarDays('2022-12-25', 10, cal, null).end).toBe('2023-01-04');
  });
});

describe('regional holidays apply to the announcing division’s subtree (放假办法第四条)', () => {
  // 那曲市 藏历新年 2023: 2/20–2/26 rest, 2/18–2/19 (Sat/Sun) work
  it.each<[string, string | null, string]>([
    ['索县 (540626)', SUO, '2023-02-28'],
    ['a township of 索县', SUO_TOWNSHIP, '2023-02-28'],
    ['拉萨市 (540100), outside 那曲市', LHASA, '2023-02-23'],
    ['national only', null, '2023-02-23'],
  ])('5 working days after 2023-02-16 for %s → %s', (_, path, end) => {
    expect(addWorkingDays('2023-02-16', 5, cal, path).end).toBe(end);
  });

  it('rolls a calendar-day period past 藏历新年 in 索县 only', () => {
    // 2023-02-20 is an ordinary Monday nationally
    expect(addCalendarDays('2023-02-10', 10, cal, LHASA).end).toBe('2023-02-20');
    const suo = computeDeadline({ length: 10, unit: 'day' }, '2023-02-10', cal, SUO);
    expect(suo.end).toBe('2023-02-27');
    expect(suo.skipped[0]).toEqual({ date: '2023-02-20', reason: '藏历新年（那曲市，推定）' });
  });

  it('lets a deeper division override its parent, and both override the national calendar', () => {
    const county = buildCalendar(
      [
        ...national,
        ...nagquLosar2023,
        { day: '2023-02-20', kind: 'work', name: '索县另行安排上班', divisionPath: SUO, region: '索县' },
        { day: '2023-10-07', kind: 'rest', name: '测试地方休息日', divisionPath: SUO, region: '索县' },
      ],
      nationalYears,
    );
    expect(dayStatus('2023-02-20', county, SUO).work).toBe(true);
    expect(dayStatus('2023-02-20', county, '/540000/540600/540621/').work).toBe(false);
    expect(dayStatus('2023-10-07', county, SUO).work).toBe(false);
    expect(dayStatus('2023-10-07', county, LHASA).work).toBe(true);
  });
});

describe('bad input names its field', () => {
  it.each<[string, () => unknown, string]>([
    ['a non-date', () => addCalendarDays('2023-02-30', 1, cal, null), 'start'],
    ['a zero length', () => addWorkingDays('2023-02-01', 0, cal, null), 'length'],
    ['a fractional length', () => addMonths('2023-02-01', 1.5, cal, null), 'length'],
    ['a huge length', () => addCalendarDays('2023-02-01', 100000, cal, null), 'length'],
    ['a bad rule', () => period({ length: -1, unit: 'day', law: '某法', article: '第一条' }), 'length'],
  ])('%s', (_, fn, field) => {
    expect(fn).toThrow(DomainError);
    try {
      fn();
    } catch (e) {
      expect((e as DomainError).extra).toMatchObject({ errors: [{ field }] });
    }
  });
});
