import access from '../platform/access/index.js';
import accountability from './accountability/index.js';
import activities from './activities/index.js';
import assessment from './assessment/index.js';
import audit from '../platform/audit/index.js';
import auth from '../platform/auth/index.js';
import calendar from '../platform/calendar/index.js';
import dashboard from './dashboard/index.js';
import figures from '../platform/figures/index.js';
import files from '../platform/files/index.js';
import findings from './findings/index.js';
import inspections from './inspections/index.js';
import mediation from './mediation/index.js';
import intake from '../platform/intake/index.js';
import notifications from '../platform/notifications/index.js';
import type { ModuleManifest } from '../platform/manifest.js';
import org from '../platform/org/index.js';
import planning from './planning/index.js';
import reconsideration from './reconsideration/index.js';
import reports from './reports/index.js';
import system from '../platform/system/index.js';

/**
 * The one place that knows every manifest. The platform's own services register here too, so
 * navigation, permissions, figures, demo data and jobs are all built by walking this list.
 * Adding a module is adding its folder and one line here.
 */
export const modules: readonly ModuleManifest[] = [
  system,
  auth,
  org,
  access,
  audit,
  figures,
  calendar,
  files,
  notifications,
  intake,
  activities,
  findings,
  inspections,
  planning,
  accountability,
  assessment,
  mediation,
  reconsideration,
  dashboard,
  reports,
];
