import { defineModule } from '../../platform/manifest.js';
import { loadInspectionsDemo } from './demo.js';
import { inspectionFigures } from './figures.js';
import { inspectionRoutes } from './routes.js';
import { P } from './service.js';

export default defineModule({
  name: 'inspections',
  label: '督察',
  permissions: [
    { code: P.read, label: '查看督察', roles: ['lawOffice', 'cityOffice', 'leader'] },
    { code: P.manage, label: '组织督察、登记督察事项和上级反馈', roles: ['lawOffice'] },
  ],
  routes: inspectionRoutes,
  figures: inspectionFigures,
  demo: { order: 55, load: loadInspectionsDemo },
  nav: [{ path: '/inspections', key: 'nav.inspections', label: '督察', permission: P.read, group: 'work' }],
});
