import { Actor } from '../../platform/access/actor.js';
import { defineModule } from '../../platform/manifest.js';
import { loadReconsiderationDemo } from './demo.js';
import { reconsiderationFigures } from './figures.js';
import { applicationIntake } from './intake.js';
import { reconsiderationRoutes } from './routes.js';
import { ReconsiderationService } from './service.js';
import { P } from './store.js';

export { P } from './store.js';

/** 行政复议: the county government's reconsideration office (in the 司法局) runs its cases here. */
export default defineModule({
  name: 'reconsideration',
  label: '行政复议',
  permissions: [
    { code: P.read, label: '查看行政复议案卷', roles: ['reconsiderationOfficer'] },
    { code: P.handle, label: '办理行政复议案件：登记、受理审查、审理', roles: ['reconsiderationOfficer'] },
    {
      code: P.decide,
      label: '作出行政复议决定、延长期限、调解、终止、公开',
      roles: ['reconsiderationOfficer'],
    },
    { code: P.personal, label: '查看申请人身份证号、电话（查看留痕）', roles: ['reconsiderationOfficer'] },
    {
      code: P.stats,
      label: '查看行政复议统计（只含汇总数字，不含案卷）',
      roles: ['reconsiderationOfficer', 'leader', 'lawOffice', 'cityOffice'],
    },
    { code: P.settings, label: '设置案号字号与纠错率口径', roles: ['reconsiderationOfficer'] },
  ],
  routes: reconsiderationRoutes,
  figures: reconsiderationFigures,
  intake: [applicationIntake],
  demo: { order: 70, load: loadReconsiderationDemo },
  jobs: [
    {
      name: 'reconsideration.settle',
      everyMinutes: 60,
      // 视为受理 / 视为放弃 are written once their day has passed, so figures count them
      async run(platform) {
        await new ReconsiderationService(platform.db, platform.calendar, platform.fieldCrypto).settleAll({
          actor: Actor.system,
        });
      },
    },
  ],
  nav: [
    {
      path: '/reconsideration/cases',
      key: 'reconsideration.nav.cases',
      label: '行政复议案件',
      permission: P.read,
      group: 'work',
    },
    {
      path: '/reconsideration/dashboard',
      key: 'reconsideration.nav.dashboard',
      label: '行政复议统计',
      permission: P.stats,
      group: 'work',
    },
  ],
});
