import { defineModule } from '../../platform/manifest.js';
import { P } from './common.js';
import { loadMediationDemo } from './demo.js';
import { mediationFigures } from './figures.js';
import { seedDisputeTypes } from './organisation.js';
import { mediationIntake } from './portal.js';
import { mediationRoutes } from './routes.js';

export default defineModule({
  name: 'mediation',
  label: '人民调解',
  permissions: [
    {
      code: P.read,
      label: '查看调解案件、来访咨询、调委会与案卷评定',
      roles: ['lawOffice', 'cityOffice', 'leader', 'mediator'],
    },
    { code: P.personal, label: '查看当事人身份证号、电话明文（留痕）', roles: ['lawOffice', 'mediator'] },
    { code: P.intake, label: '登记来访、咨询，受理纠纷并分流指派', roles: ['lawOffice', 'mediator'] },
    { code: P.handle, label: '调解、结案、回访、申请司法确认', roles: ['lawOffice', 'mediator'] },
    { code: P.organise, label: '管理调委会、调解员名册与纠纷类型', roles: ['lawOffice'] },
    { code: P.subsidy, label: '组织以案定补案卷评定与资金兑现', roles: ['lawOffice'] },
  ],
  routes: mediationRoutes,
  figures: mediationFigures,
  intake: mediationIntake(),
  startup: [(platform) => seedDisputeTypes(platform.db)],
  demo: { order: 70, load: loadMediationDemo },
  nav: [
    {
      path: '/mediation/dashboard',
      key: 'mediation.nav.dashboard',
      label: '调解中心',
      permission: P.read,
      group: 'work',
    },
    {
      path: '/mediation/cases',
      key: 'mediation.nav.cases',
      label: '矛盾纠纷调解',
      permission: P.read,
      group: 'work',
    },
    {
      path: '/mediation/intake',
      key: 'mediation.nav.intake',
      label: '来访与咨询',
      permission: P.read,
      group: 'work',
    },
    {
      path: '/mediation/committees',
      key: 'mediation.nav.committees',
      label: '调委会与调解员',
      permission: P.read,
      group: 'work',
    },
    {
      path: '/mediation/subsidies',
      key: 'mediation.nav.subsidies',
      label: '以案定补',
      permission: P.read,
      group: 'work',
    },
  ],
});
