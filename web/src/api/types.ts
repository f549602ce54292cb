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
export type FileView = Resp<'/api/files'>[number];
/** The Excel imports, by route: each answers the same report, with its own `created` rows. */
export type ImportReports = {
  '/api/org/import/units': Resp<'/api/org/import/units', 'post'>;
  '/api/org/import/users': Resp<'/api/org/import/users', 'post'>;
  '/api/activities/import': Resp<'/api/activities/import', 'post'>;
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
