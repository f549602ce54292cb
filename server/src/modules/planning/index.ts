import { defineModule } from '../../platform/manifest.js';
import { loadPlanningDemo } from './demo.js';
import { planningFigures } from './figures.js';
import { NoticeService } from './notices.js';
import { planningRoutes } from './routes.js';
import { PlanService } from './plans.js';
import { deadlineReminderJob } from './reminders.js';
import { P, PlanningService } from './service.js';

export { PlanningDashboard, planningDashboard, type DashboardQuery } from './dashboard.js';

export default defineModule({
  name: 'planning',
  label: '工作计划与督办',
  permissions: [
    {
      code: P.read,
      label: '查看工作计划、任务清单、督办单和委员会会议',
      roles: ['lawOffice', 'cityOffice', 'leader', 'departmentClerk', 'townshipClerk'],
    },
    {
      code: P.manage,
      label: '管理工作计划和任务、审核进展、下发督办单、登记委员会会议',
      roles: ['lawOffice'],
    },
    {
      code: P.report,
      label: '报送任务进展、回复督办单',
      roles: ['departmentClerk', 'townshipClerk', 'lawOffice'],
    },
  ],
  routes: planningRoutes,
  figures: planningFigures,
  demo: { order: 60, load: loadPlanningDemo },
  // notifications: 任务即将到期 / 已逾期, hourly, each sent once
  jobs: [deadlineReminderJob],
  nav: [
    { path: '/planning/tasks', key: 'nav.tasks', label: '任务清单', permission: P.read, group: 'work' },
    { path: '/planning/notices', key: 'nav.notices', label: '督办', permission: P.read, group: 'work' },
    {
      path: '/planning/meetings',
      key: 'nav.meetings',
      label: '委员会会议',
      permission: P.read,
      group: 'work',
    },
  ],
  fileOwners: {
    'planning.plan': {
      readPermission: P.read,
      writePermission: P.manage,
      unitPathOf: PlanService.planUnitPath,
    },
    // progress attachments: owner id `<task id>:<unit id>`, the reporting unit's path decides
    'planning.taskUnit': {
      readPermission: P.read,
      writePermission: P.report,
      unitPathOf: PlanningService.taskUnitPath,
    },
    'planning.notice': {
      readPermission: P.read,
      writePermission: P.report,
      unitPathOf: NoticeService.targetUnitPath,
    },
  },
});
