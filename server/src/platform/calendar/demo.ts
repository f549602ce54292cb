import { and, eq } from 'drizzle-orm';
import { Actor } from '../access/actor.js';
import type { Platform } from '../platform.js';
import { calendarDays } from './schema.js';
import { calendarServiceFor } from './service.js';

/**
 * 那曲市 藏历新年 2023. Suo follows the 那曲市人民政府 notices (rules-research §4.2), but no 2023
 * notice of 那曲市 was available: the dates are those of the 拉萨 2023 notice, marked as an assumption
 * so the calendar page and every deadline reason say so.
 */
const NAGQU = '540600';
const SOURCE =
  '未取得那曲市人民政府2023年藏历新年放假通知；日期参照拉萨市2023年藏历新年放假通知推定（2月20日至26日放假，2月18日、19日上班），待核实';

export async function loadCalendarDemo(platform: Platform) {
  const [existing] = await platform.db
    .select({ id: calendarDays.id })
    .from(calendarDays)
    .where(and(eq(calendarDays.divisionCode, NAGQU), eq(calendarDays.day, '2023-02-20')));
  if (existing) return;
  const calendar = calendarServiceFor(platform.db);
  const ctx = { actor: Actor.system };
  await calendar.addRegionalDays(ctx, {
    division: NAGQU,
    from: '2023-02-18',
    to: '2023-02-19',
    kind: 'work',
    name: '藏历新年调休上班',
    source: SOURCE,
    assumption: true,
  });
  await calendar.addRegionalDays(ctx, {
    division: NAGQU,
    from: '2023-02-20',
    to: '2023-02-26',
    kind: 'rest',
    name: '藏历新年',
    source: SOURCE,
    assumption: true,
  });
}
