import { staffRoles } from '../access/roles.js';
import { defineModule } from '../manifest.js';
import { loadCalendarDemo } from './demo.js';
import { calendarRoutes } from './routes.js';
import { calendarServiceFor, P } from './service.js';

export { CalendarService, calendarServiceFor } from './service.js';
export {
  computeDeadline,
  period,
  type Deadline,
  type PeriodRule,
  type PeriodSpec,
  type PeriodUnit,
} from './periods.js';

export default defineModule({
  name: 'calendar',
  label: '节假日与期间',
  permissions: [
    // sysadmin keeps the calendar (roles.ts), so it must be able to read it too
    { code: P.read, label: '查看节假日与计算期间', roles: [...staffRoles, 'sysadmin'] },
    { code: P.manage, label: '维护地方节假日', roles: ['sysadmin'] },
  ],
  routes: calendarRoutes,
  demo: { order: 10, load: loadCalendarDemo },
  nav: [
    { path: '/calendar/deadline', key: 'nav.deadline', label: '期间计算', permission: P.read, group: 'work' },
    {
      path: '/admin/calendar',
      key: 'nav.calendar',
      label: '节假日日历',
      permission: P.manage,
      group: 'admin',
    },
  ],
  // National holidays follow the installed chinese-days at every start; a no-op when nothing changed.
  startup: [
    async (platform) => {
      const r = await calendarServiceFor(platform.db).syncNational();
      if (r.added || r.changed || r.removed || r.years.length) platform.log.info(r, '已同步全国节假日安排');
    },
  ],
});
