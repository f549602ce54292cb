// Shapes of the reports API, derived from the generated OpenAPI types.
import type { Req, Resp } from '../../api/types';

export type ReportListItem = Resp<'/api/reports'>[number];
export type ReportView = Resp<'/api/reports/{id}'>;
export type Outline = ReportView['outline'];
export type Section = Outline['sections'][number];
export type RequiredItem = NonNullable<Section['item']>;
export type TaskSystem = NonNullable<Section['system']>;
export type Preview = Resp<'/api/reports/{id}/preview'>;
export type Check = Preview['checks'][number];
export type Workflow = Resp<'/api/reports/{id}/workflow'>;
export type Version = Workflow['versions'][number];
export type Comment = Workflow['comments'][number];
export type CreateReport = Req<'/api/reports', 'post'>;
export type ReportState = ReportListItem['state'];
export type PublicReport = Resp<'/api/public/reports'>[number];

// Every code the API accepts: a Record over the union fails to compile if the enum changes.
const itemSet = { measures: 1, shortcomings: 1, leaderDuties: 1, plans: 1, other: 1 } satisfies Record<
  RequiredItem,
  1
>;
export const requiredItems = Object.keys(itemSet) as RequiredItem[];

const systemSet = {
  partyLeadership: 1,
  governmentFunctions: 1,
  institutions: 1,
  decisionMaking: 1,
  enforcement: 1,
  emergencies: 1,
  disputeResolution: 1,
  oversight: 1,
  technology: 1,
  legalPublicity: 1,
} satisfies Record<TaskSystem, 1>;
export const taskSystems = Object.keys(systemSet) as TaskSystem[];

/** The ways a figure is written in the text (server: reports/format.ts). */
export const figureStyles = ['exact', 'approx', 'more', 'wan', 'approxWan'] as const;
export type FigureStyle = (typeof figureStyles)[number];

export const stateColor: Record<ReportState, string> = {
  draft: 'default',
  commenting: 'processing',
  signing: 'orange',
  secrecyReview: 'purple',
  approved: 'cyan',
  published: 'green',
};
