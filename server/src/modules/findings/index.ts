import { defineModule } from '../../platform/manifest.js';
import { findingChecks, findingFigures } from './figures.js';
import { findingRoutes } from './routes.js';
import { EVIDENCE_OWNER, FindingService, P } from './service.js';

export { findingStatusOf, openFinding } from './service.js';

export default defineModule({
  name: 'findings',
  label: '问题整改',
  permissions: [
    {
      code: P.read,
      label: '查看问题整改',
      roles: ['lawOffice', 'cityOffice', 'leader', 'departmentClerk', 'townshipClerk'],
    },
    { code: P.manage, label: '登记问题、核查销号、退回、重新打开', roles: ['lawOffice'] },
    {
      code: P.rectify,
      label: '填写整改措施、上传佐证、报送整改',
      roles: ['departmentClerk', 'townshipClerk', 'lawOffice'],
    },
  ],
  routes: findingRoutes,
  figures: findingFigures,
  checks: findingChecks,
  nav: [{ path: '/findings', key: 'nav.findings', label: '问题整改', permission: P.read, group: 'work' }],
  fileOwners: {
    [EVIDENCE_OWNER]: {
      readPermission: P.read,
      writePermission: P.rectify,
      unitPathOf: FindingService.unitPathOf,
    },
  },
});
