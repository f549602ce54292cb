import { defineModule } from '../../platform/manifest.js';
import { loadAssessmentDemo } from './demo.js';
import { assessmentFigures } from './figures.js';
import { assessmentRoutes } from './routes.js';
import { AssessmentService, EVIDENCE_OWNER, P } from './service.js';

export default defineModule({
  name: 'assessment',
  label: '考核',
  permissions: [
    { code: P.read, label: '查看考核', roles: ['lawOffice', 'cityOffice', 'leader', 'townshipClerk'] },
    { code: P.manage, label: '组织考核：指标体系、评分、发布结果', roles: ['lawOffice'] },
    { code: P.selfEvaluate, label: '本乡镇考核自评', roles: ['townshipClerk'] },
  ],
  routes: assessmentRoutes,
  figures: assessmentFigures,
  demo: { order: 66, load: loadAssessmentDemo },
  nav: [{ path: '/assessment', key: 'nav.assessment', label: '考核', permission: P.read, group: 'work' }],
  fileOwners: {
    [EVIDENCE_OWNER]: {
      readPermission: P.read,
      writePermission: P.selfEvaluate,
      unitPathOf: AssessmentService.unitPathOf,
    },
  },
});
