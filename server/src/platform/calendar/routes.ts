import { z } from 'zod';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import {
  CalendarDayView,
  CreateRegionalDays,
  DayIdParam,
  DaysQuery,
  DaysView,
  DeadlineQuery,
  DeadlineView,
  NationalYearInput,
  YearParam,
} from './contract.js';
import { calendarServiceFor, P } from './service.js';

export function calendarRoutes(app: App, platform: Platform) {
  const calendar = calendarServiceFor(platform.db);
  const tags = ['calendar'];

  app.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags,
        summary: '期间计算：届满日及所依规则（开始之日不计入，节假日顺延）',
        querystring: DeadlineQuery,
        response: { 200: DeadlineView },
      },
      config: { permission: P.read },
    },
    (req) => {
      const { start, length, unit, division } = req.query;
      return calendar.deadline({ length, unit }, start, division ?? null);
    },
  );
  app.get(
    '/api/calendar/days',
    {
      schema: {
        tags,
        summary: '某年的节假日与调休安排（全国及地方）',
        querystring: DaysQuery,
        response: { 200: DaysView },
      },
      config: { permission: P.read },
    },
    (req) => calendar.listDays(req.query.year, req.query.division),
  );
  app.post(
    '/api/calendar/days',
    {
      schema: {
        tags,
        summary: '录入地方节假日或调休上班日（按天逐条生成）',
        body: CreateRegionalDays,
        response: { 200: z.array(CalendarDayView) },
      },
      config: { permission: P.manage },
    },
    (req) => calendar.addRegionalDays(req.ctx, req.body),
  );
  app.delete(
    '/api/calendar/days/:id',
    {
      schema: {
        tags,
        summary: '删除一条地方节假日安排',
        params: DayIdParam,
        response: { 200: CalendarDayView },
      },
      config: { permission: P.manage },
    },
    (req) => calendar.removeRegionalDay(req.ctx, req.params.id),
  );
  app.put(
    '/api/calendar/national/:year',
    {
      schema: {
        tags,
        summary:
          '按国务院办公厅通知录入或更正某年全国放假与调休安排（软件尚未内置该年通知时）；整年一次录入，录入后即可计算涉及该年的期间',
        params: YearParam,
        body: NationalYearInput,
        response: {
          200: z.object({ year: z.number().int(), replaced: z.boolean(), days: z.number().int() }),
        },
      },
      config: { permission: P.manage },
    },
    (req) => calendar.enterNationalYear(req.ctx, req.params.year, req.body),
  );
}
