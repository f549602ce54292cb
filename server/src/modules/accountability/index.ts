import { defineModule } from '../../platform/manifest.js';
import { loadAccountabilityDemo } from './demo.js';
import { accountabilityFigures } from './figures.js';
import { accountabilityRoutes } from './routes.js';
import { AccountabilityService, P, REPORT_FILE_OWNER } from './service.js';

export default defineModule({
  name: 'accountability',
  label: '述法',
  permissions: [
    {
      code: P.read,
      label: '查看述法活动与述法报告',
      roles: ['lawOffice', 'cityOffice', 'leader', 'departmentClerk', 'townshipClerk'],
    },
    { code: P.manage, label: '组织述法：发起活动、确定应述名单、评议、设置职责清单', roles: ['lawOffice'] },
    { code: P.submit, label: '为本单位述法人提交述法报告', roles: ['departmentClerk', 'townshipClerk'] },
  ],
  routes: accountabilityRoutes,
  figures: accountabilityFigures,
  demo: { order: 65, load: loadAccountabilityDemo },
  nav: [
    { path: '/accountability', key: 'nav.lawDutyReports', label: '述法', permission: P.read, group: 'work' },
  ],
  fileOwners: {
    [REPORT_FILE_OWNER]: {
      readPermission: P.read,
      writePermission: P.submit,
      unitPathOf: AccountabilityService.unitPathOf,
    },
  },
});
