import type { Platform } from '../../platform/platform.js';
import { CaseService } from './cases.js';
import { DashboardService } from './dashboard.js';
import { IntakeService } from './intake.js';
import { OrganisationService } from './organisation.js';
import { SubsidyService } from './subsidies.js';

export { P } from './common.js';

/** The module's services, split by concern; other modules reach mediation through this file. */
export class MediationService {
  readonly cases: CaseService;
  readonly intake: IntakeService;
  readonly organisation: OrganisationService;
  readonly subsidies: SubsidyService;
  readonly dashboard: DashboardService;

  constructor(platform: Platform) {
    this.cases = new CaseService(platform);
    this.intake = new IntakeService(platform);
    this.organisation = new OrganisationService(platform);
    this.subsidies = new SubsidyService(platform);
    this.dashboard = new DashboardService(platform, this.cases);
  }
}
