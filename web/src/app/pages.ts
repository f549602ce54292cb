import { lazy, type ComponentType } from 'react';

/**
 * The pages this web app knows, by path. Which of them a user reaches comes from GET /api/nav;
 * a nav entry without a page here shows a "being built" placeholder.
 */
export const pages: { path: string; Page: ComponentType }[] = [
  { path: '/', Page: lazy(() => import('../pages/HomePage')) },
  { path: '/admin/units', Page: lazy(() => import('../pages/admin/UnitsPage')) },
  { path: '/admin/users', Page: lazy(() => import('../pages/admin/UsersPage')) },
  { path: '/admin/roles', Page: lazy(() => import('../pages/admin/RolesPage')) },
  { path: '/admin/audit', Page: lazy(() => import('../pages/admin/AuditPage')) },
  { path: '/figures', Page: lazy(() => import('../pages/FiguresPage')) },
  { path: '/admin/calendar', Page: lazy(() => import('../pages/calendar/CalendarPage')) },
  { path: '/calendar/deadline', Page: lazy(() => import('../pages/calendar/DeadlinePage')) },
  { path: '/activities', Page: lazy(() => import('../pages/activities/ActivitiesPage')) },
  { path: '/planning/tasks', Page: lazy(() => import('../pages/planning/TasksPage')) },
  { path: '/planning/notices', Page: lazy(() => import('../pages/planning/NoticesPage')) },
  { path: '/planning/meetings', Page: lazy(() => import('../pages/planning/MeetingsPage')) },
  { path: '/findings', Page: lazy(() => import('../pages/findings/FindingsPage')) },
  { path: '/inspections', Page: lazy(() => import('../pages/inspections/InspectionsPage')) },
  { path: '/accountability', Page: lazy(() => import('../pages/accountability/AccountabilityPage')) },
  { path: '/assessment', Page: lazy(() => import('../pages/assessment/AssessmentPage')) },
  { path: '/dashboard', Page: lazy(() => import('../pages/dashboard/DashboardPage')) },
  { path: '/reconsideration/cases', Page: lazy(() => import('../pages/reconsideration/CasesPage')) },
  { path: '/reconsideration/dashboard', Page: lazy(() => import('../pages/reconsideration/DashboardPage')) },
  { path: '/reports', Page: lazy(() => import('../pages/reports/ReportsPage')) },
  { path: '/reports/:id', Page: lazy(() => import('../pages/reports/ReportPage')) },
  { path: '/mediation/dashboard', Page: lazy(() => import('../pages/mediation/DashboardPage')) },
  { path: '/mediation/cases', Page: lazy(() => import('../pages/mediation/CasesPage')) },
  { path: '/mediation/intake', Page: lazy(() => import('../pages/mediation/IntakePage')) },
  { path: '/mediation/committees', Page: lazy(() => import('../pages/mediation/CommitteesPage')) },
  { path: '/mediation/subsidies', Page: lazy(() => import('../pages/mediation/SubsidiesPage')) },
];
