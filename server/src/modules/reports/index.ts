import { defineModule } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import { reportChecks } from './checks.js';
import { reportPortalRoutes, reportRoutes } from './routes.js';
import { P, ReportService } from './service.js';

// one service per platform, shared by the staff and the portal routes
const services = new WeakMap<Platform, ReportService>();
const serviceOf = (platform: Platform) => {
  let s = services.get(platform);
  if (!s) services.set(platform, (s = new ReportService(platform)));
  return s;
};

export { ReportService } from './service.js';

export default defineModule({
  name: 'reports',
  label: '法治政府建设年度报告',
  permissions: [
    {
      code: P.read,
      label: '查看年度报告及市级汇总',
      roles: ['lawOffice', 'cityOffice', 'leader', 'departmentClerk', 'townshipClerk'],
    },
    {
      code: P.manage,
      label: '起草年度报告：编辑提纲、生成正文、组织征求意见、提交签批',
      roles: ['lawOffice', 'cityOffice', 'departmentClerk', 'townshipClerk'],
    },
    { code: P.comment, label: '对年度报告征求意见稿提出意见', roles: ['lawOffice', 'cityOffice', 'leader'] },
    { code: P.sign, label: '签批年度报告', roles: ['leader'] },
    { code: P.secrecy, label: '年度报告发布前保密审查', roles: ['lawOffice', 'cityOffice'] },
    { code: P.publish, label: '在门户发布年度报告', roles: ['lawOffice', 'cityOffice'] },
  ],
  routes: (app, platform) => reportRoutes(app, platform, serviceOf(platform)),
  portalRoutes: (app, platform) => reportPortalRoutes(app, platform, serviceOf(platform)),
  checks: reportChecks,
  nav: [{ path: '/reports', key: 'nav.reports', label: '年度报告', permission: P.read, group: 'work' }],
  portalPages: [{ path: '/portal/reports', key: 'portal.reports', label: '法治政府建设年度报告' }],
});
