import { defineModule } from '../../platform/manifest.js';
import { loadActivitiesDemo } from './demo.js';
import { activityFigures } from './figures.js';
import { activityRoutes } from './routes.js';
import { ActivityService, P } from './service.js';

export default defineModule({
  name: 'activities',
  label: '工作台账',
  permissions: [
    {
      code: P.read,
      label: '查看工作台账',
      roles: [
        'lawOffice',
        'cityOffice',
        'leader',
        'departmentClerk',
        'townshipClerk',
        'mediator',
        'reconsiderationOfficer',
      ],
    },
    {
      code: P.manage,
      label: '登记、更正、作废工作台账',
      roles: ['lawOffice', 'departmentClerk', 'townshipClerk', 'mediator', 'reconsiderationOfficer'],
    },
  ],
  routes: activityRoutes,
  figures: activityFigures,
  demo: { order: 50, load: loadActivitiesDemo },
  nav: [{ path: '/activities', key: 'nav.activities', label: '工作台账', permission: P.read, group: 'work' }],
  fileOwners: {
    activity: { readPermission: P.read, writePermission: P.manage, unitPathOf: ActivityService.unitPathOf },
  },
});
