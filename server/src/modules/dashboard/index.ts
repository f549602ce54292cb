import { defineModule } from '../../platform/manifest.js';
import { dashboardRoutes } from './routes.js';
import { P } from './service.js';

/** The leaders' cockpit: owns no tables, reads the other modules through their services. */
export default defineModule({
  name: 'dashboard',
  label: '驾驶舱',
  permissions: [
    {
      code: P.read,
      label: '查看驾驶舱（任务、述法、考核、问题整改汇总）',
      roles: ['lawOffice', 'cityOffice', 'leader'],
    },
  ],
  routes: dashboardRoutes,
  nav: [{ path: '/dashboard', key: 'nav.dashboard', label: '驾驶舱', permission: P.read, group: 'work' }],
});
