import { describe, expect, it } from 'vitest';
import { nationalDays } from '../../platform/calendar/national.js';
import { buildCalendar } from '../../platform/calendar/periods.js';
import type { CalendarService } from '../../platform/calendar/service.js';
import { cutoffsFor } from './state.js';

const SUO = '/540000/540600/540626/';
const rows = nationalDays().map((d) => ({ ...d, divisionPath: null }));
/** The calendar as a release bundling 2023–2026 holds it: the following year is unknown. */
const calendar = {
  calendar: async () => buildCalendar(rows, [2023, 2024, 2025, 2026]),
} as unknown as CalendarService;

describe('task-state cut-offs on the legal calendar', () => {
  it('takes the last working day before today and the N-th working day after it', async () => {
    // 2025-10-09 (Thursday) after 国庆 10/1–10/8; 10/11 (Saturday) is a 调休 workday
    expect(await cutoffsFor(calendar, '2025-10-09', 2, SUO)).toEqual({
      overdue: '2025-09-30',
      risk: '2025-10-11',
    });
  });

  it('stops the risk horizon at the last known day when it runs into a year without a notice', async () => {
    // 5 working days after 2026-12-28 reach into 2027, whose notice the calendar lacks: the list keeps
    // working, and only tasks due by 2026-12-31 are flagged, none on a guessed 2027 calendar
    expect(await cutoffsFor(calendar, '2026-12-28', 5, SUO)).toEqual({
      overdue: '2026-12-25',
      risk: '2026-12-31',
    });
    expect((await cutoffsFor(calendar, '2026-12-21', 3, SUO)).risk).toBe('2026-12-24');
  });

  it('early in such a year, calls nothing overdue on a guessed day and nothing at risk beyond today', async () => {
    // 2026-12-31 is a Thursday and a working day under the 2026 notice
    expect(await cutoffsFor(calendar, '2027-01-05', 5, SUO)).toEqual({
      overdue: '2026-12-31',
      risk: '2027-01-05',
    });
  });

  it('still refuses when neither the year nor the one before it is known', async () => {
    await expect(cutoffsFor(calendar, '2031-03-02', 5, SUO)).rejects.toMatchObject({
      code: 'CALENDAR_YEAR_MISSING',
    });
  });
});
