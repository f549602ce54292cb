import { defineModule, type App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { SUBMISSION_ENTITY } from './attachments.js';
import { intakePortalRoutes, intakeStaffRoutes } from './routes.js';
import { IntakeService, submissionKindPermission, submissionUnitPath } from './service.js';

export { defineIntake, type IntakeHandler, type IntakeStatus } from './types.js';
export { IntakeService } from './service.js';

const services = new WeakMap<Platform, IntakeService>();

/** The process's intake service (one per platform: it holds the challenge key and the lookup limiter). */
export function intakeOf(platform: Platform): IntakeService {
  let s = services.get(platform);
  if (!s) services.set(platform, (s = new IntakeService(platform)));
  return s;
}

/**
 * 门户受理: what citizens send from the portal (applications, requests, questions) is stored first and
 * then handed to the module that declared its kind (`intake` in the manifest).
 */
export default defineModule({
  name: 'intake',
  label: '门户受理',
  permissions: [
    {
      code: 'intake.submission.read',
      label: '查看门户提交（含未登记的）',
      roles: ['lawOffice', 'reconsiderationOfficer', 'mediator'],
    },
    {
      code: 'intake.submission.retry',
      label: '重新登记门户提交',
      roles: ['lawOffice', 'reconsiderationOfficer', 'mediator'],
    },
  ],
  routes: (app: App, platform: Platform) => intakeStaffRoutes(app, platform, intakeOf(platform)),
  portalRoutes: (app: App, platform: Platform) => intakePortalRoutes(app, platform, intakeOf(platform)),
  portalPages: [
    { path: '/portal/intake/reconsideration', key: 'intake.pages.reconsideration', label: '申请行政复议' },
    { path: '/portal/intake/mediation', key: 'intake.pages.mediation', label: '申请调解' },
    { path: '/portal/intake/question', key: 'intake.pages.question', label: '法律咨询' },
    { path: '/portal/intake/status', key: 'intake.pages.status', label: '查询办理进度' },
  ],
  fileOwners: {
    [SUBMISSION_ENTITY]: {
      readPermission: 'intake.submission.read',
      writePermission: 'intake.submission.retry',
      unitPathOf: submissionUnitPath,
      kindPermissionOf: submissionKindPermission,
    },
  },
  jobs: [
    {
      name: 'intake.retry',
      everyMinutes: 5,
      run: async (platform) => {
        const r = await intakeOf(platform).retryPending();
        if (r.processed || r.failed) platform.log.info(r, 'intake retry');
      },
    },
  ],
});
