import { eq } from 'drizzle-orm';
import { defineModule } from '../manifest.js';
import { loadOrgDemo } from './demo.js';
import { orgFigures } from './figures.js';
import { orgRoutes } from './routes.js';
import { orgUnits } from './schema.js';
import { P } from './service.js';

export default defineModule({
  name: 'org',
  label: '组织机构',
  permissions: [
    {
      code: P.unitRead,
      label: '查看单位',
      roles: [
        'sysadmin',
        'secadmin',
        'lawOffice',
        'cityOffice',
        'leader',
        'departmentClerk',
        'townshipClerk',
        'reconsiderationOfficer',
      ],
    },
    { code: P.unitManage, label: '管理单位', roles: ['sysadmin'] },
    { code: P.userRead, label: '查看用户', roles: ['sysadmin', 'secadmin', 'lawOffice'] },
    { code: P.userManage, label: '管理用户', roles: ['sysadmin'] },
    { code: P.userPersonal, label: '查看用户个人信息（不打码）', roles: ['sysadmin'] },
  ],
  routes: orgRoutes,
  figures: orgFigures,
  demo: { order: 0, load: loadOrgDemo },
  fileOwners: {
    // A unit's own attachments (establishment document, 三定 provisions…).
    'org.unit': {
      readPermission: P.unitRead,
      writePermission: P.unitManage,
      async unitPathOf(db, ownerId) {
        if (!/^\d{1,9}$/.test(ownerId)) return null;
        const [u] = await db
          .select({ path: orgUnits.path })
          .from(orgUnits)
          .where(eq(orgUnits.id, Number(ownerId)));
        return u?.path ?? null;
      },
    },
  },
  nav: [
    { path: '/admin/units', key: 'nav.units', label: '组织机构', permission: P.unitRead, group: 'admin' },
    { path: '/admin/users', key: 'nav.users', label: '用户管理', permission: P.userRead, group: 'admin' },
  ],
});
