// Shapes derived from the generated OpenAPI types, never copied by hand.
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The 200 JSON body of a route. */
export type Resp<P extends keyof paths, M extends Method = 'get'> =
  paths[P] extends Record<M, { responses: { 200: { content: { 'application/json': infer T } } } }>
    ? T
    : never;

/** The JSON request body of a route. */
export type Req<P extends keyof paths, M extends Method> =
  paths[P] extends Record<M, { requestBody?: { content: { 'application/json': infer T } } }> ? T : never;

/** The multipart form of a route (the generator types a binary part as string; a Blob goes there). */
export type FormReq<P extends keyof paths, M extends Method> =
  paths[P] extends Record<M, { requestBody: { content: { 'multipart/form-data': infer T } } }> ? T : never;

export type Me = Resp<'/api/auth/me'>;
export type NavItem = Resp<'/api/nav'>[number];
export type PortalPage = Resp<'/api/public/pages'>[number];
export type Unit = Resp<'/api/org/units'>[number];
export type UnitKind = Unit['kind'];
export type Division = Resp<'/api/org/divisions'>[number];
export type UserView = Resp<'/api/org/users'>['items'][number];
export type UserSort = NonNullable<
  NonNullable<paths['/api/org/users']['get']['parameters']['query']>['sort']
>;
export type Role = Resp<'/api/access/roles'>[number];
export type Permission = Resp<'/api/access/permissions'>[number];
export type Grant = Resp<'/api/access/users/{id}/grants'>[number];
export type AuditEvent = Resp<'/api/audit/events'>['items'][number];
export type AuditQuery = NonNullable<paths['/api/audit/events']['get']['parameters']['query']>;
export type Figure = Resp<'/api/figures'>['figures'][number];
export type Locale = Req<'/api/auth/locale', 'put'>['locale'];
export type Deadline = Resp<'/api/calendar/deadline'>;
export type DeadlineQuery = paths['/api/calendar/deadline']['get']['parameters']['query'];
export type PeriodUnit = DeadlineQuery['unit'];
export type CalendarDays = Resp<'/api/calendar/days'>;
export type CalendarDay = CalendarDays['days'][number];
export type NewRegionalDays = Req<'/api/calendar/days', 'post'>;
export type NationalYear = Req<'/api/calendar/national/{year}', 'put'>;
export type FileView = Resp<'/api/files'>[number];
/** The Excel imports, by route: each answers the same report, with its own `created` rows. */
export type ImportReports = {
  '/api/org/import/units': Resp<'/api/org/import/units', 'post'>;
  '/api/org/import/users': Resp<'/api/org/import/users', 'post'>;
  '/api/activities/import': Resp<'/api/activities/import', 'post'>;
  '/api/planning/plans/{id}/tasks/import': Resp<'/api/planning/plans/{id}/tasks/import', 'post'>;
  '/api/assessment/systems/{id}/indicators/import': Resp<
    '/api/assessment/systems/{id}/indicators/import',
    'post'
  >;
};
export type ImportPath = keyof ImportReports;
export type ImportReport<P extends ImportPath = ImportPath> = ImportReports[P];
export type ImportRowError = ImportReport['errors'][number];
export type ImportedUser = ImportReport<'/api/org/import/users'>['created'][number];
export type ActivityKinds = Resp<'/api/activities/kinds'>;
export type ActivityKindDef = ActivityKinds['kinds'][number];
export type ActivityKind = ActivityKindDef['code'];
export type MaterialKindDef = ActivityKinds['materials'][number];
export type ActivityView = Resp<'/api/activities/{id}'>;
export type ActivityQuery = NonNullable<paths['/api/activities']['get']['parameters']['query']>;
export type ActivityInput = Req<'/api/activities', 'post'>;
export type ActivityLanguage = NonNullable<ActivityInput['language']>;
export type PlanningKinds = Resp<'/api/planning/systems'>;
export type TaskSystem = PlanningKinds['systems'][number]['code'];
export type TaskState = PlanningKinds['states'][number]['code'];
export type PlanView = Resp<'/api/planning/plans'>[number];
export type PlanInput = Req<'/api/planning/plans', 'post'>;
export type PlanDocumentInput = Req<'/api/planning/plans/{id}/documents', 'post'>;
export type TaskView = Resp<'/api/planning/tasks'>['items'][number];
export type TaskDetail = Resp<'/api/planning/tasks/{id}'>;
export type TaskQuery = NonNullable<paths['/api/planning/tasks']['get']['parameters']['query']>;
export type TaskInput = Req<'/api/planning/tasks', 'post'>;
export type ProgressView = TaskDetail['progress'][number];
export type ProgressInput = Req<'/api/planning/tasks/{id}/progress', 'post'>;
export type ProgressReview = Req<'/api/planning/progress/{id}/review', 'post'>;
export type NoticeView = Resp<'/api/planning/notices'>['items'][number];
export type NoticeQuery = NonNullable<paths['/api/planning/notices']['get']['parameters']['query']>;
export type NoticeInput = Req<'/api/planning/notices', 'post'>;
export type NoticeReply = Req<'/api/planning/notices/{id}/reply', 'post'>;
export type MeetingView = Resp<'/api/planning/meetings'>[number];
export type MeetingInput = Req<'/api/planning/meetings', 'post'>;
export type FindingView = Resp<'/api/findings/{id}'>;
export type FindingQuery = NonNullable<paths['/api/findings']['get']['parameters']['query']>;
export type FindingInput = Req<'/api/findings', 'post'>;
export type FindingState = FindingView['state'];
export type FindingSeverity = FindingView['severity'];
export type FindingVerify = Req<'/api/findings/{id}/verify', 'post'>;
export type FindingAction = FindingView['actions'][number];
export type InspectionKinds = Resp<'/api/inspections/kinds'>;
export type RoundSummary = Resp<'/api/inspections'>['items'][number];
export type RoundView = Resp<'/api/inspections/{id}'>;
export type RoundKind = RoundSummary['kind'];
export type RoundInput = Req<'/api/inspections', 'post'>;
export type InspectionActionInput = Req<'/api/inspections/{id}/actions', 'post'>;
export type InspectionActionView = RoundView['actions'][number];
export type FeedbackInput = Req<'/api/inspections/{id}/feedback', 'post'>;
export type FeedbackItemView = RoundView['feedback'][number];
export type Campaign = Resp<'/api/accountability/campaigns'>[number];
export type Completeness = Resp<'/api/accountability/campaigns/{id}/completeness'>;
export type CompletenessStatus = NonNullable<
  NonNullable<
    paths['/api/accountability/campaigns/{id}/completeness']['get']['parameters']['query']
  >['status']
>;
export type Reporter = Completeness['reporters'][number];
export type LawDutyReport = Resp<'/api/accountability/reports/{id}'>;
export type LawDutyReportInput = Req<'/api/accountability/reporters/{id}/report', 'post'>;
export type LawDutyReview = Req<'/api/accountability/reports/{id}/review', 'post'>;
export type LawDutyRating = LawDutyReview['rating'];
export type AccountabilityMeta = Resp<'/api/accountability/meta'>;
export type DutyList = Resp<'/api/accountability/duty-lists'>[number];
export type AssessmentSystemSummary = Resp<'/api/assessment/systems'>[number];
export type AssessmentSystem = Resp<'/api/assessment/systems/{id}'>;
export type AssessmentSystemInput = Req<'/api/assessment/systems', 'post'>;
export type Indicator = AssessmentSystem['indicators'][number];
export type AssessmentRoundSummary = Resp<'/api/assessment/rounds'>[number];
export type AssessmentRound = Resp<'/api/assessment/rounds/{id}'>;
export type AssessmentResult = AssessmentRound['results'][number];
export type AssessmentSheet = Resp<'/api/assessment/rounds/{id}/units/{unitId}'>;
export type AssessmentSheetRow = AssessmentSheet['rows'][number];
export type SelfEvaluationInput = Req<'/api/assessment/rounds/{id}/units/{unitId}/self', 'put'>;
export type ScoresInput = Req<'/api/assessment/rounds/{id}/units/{unitId}/scores', 'put'>;
export type AssessmentMethod = ScoresInput['items'][number]['method'];
export type NotificationView = Resp<'/api/notifications'>['items'][number];
