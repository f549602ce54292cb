import type { Req, Resp } from '../../api/types';

export type Meta = Resp<'/api/mediation/meta'>;
export type CaseSummary = Resp<'/api/mediation/cases'>['items'][number];
export type CaseView = Resp<'/api/mediation/cases/{id}'>;
export type CreateCase = Req<'/api/mediation/cases', 'post'>;
export type CloseCase = Req<'/api/mediation/cases/{id}/close', 'post'>;
export type Visit = Resp<'/api/mediation/visits'>['items'][number];
export type Question = Resp<'/api/mediation/questions'>['items'][number];
export type Committee = Resp<'/api/mediation/committees'>[number];
export type Mediator = Resp<'/api/mediation/mediators'>[number];
export type CreateMediator = Req<'/api/mediation/mediators', 'post'>;
export type Round = Resp<'/api/mediation/rounds'>[number];
export type RoundDetail = Resp<'/api/mediation/rounds/{id}'>;
export type Payout = Resp<'/api/mediation/rounds/{id}/payout'>;
export type Dashboard = Resp<'/api/mediation/dashboard'>;

export const P = {
  read: 'mediation.read',
  intake: 'mediation.intake',
  handle: 'mediation.handle',
  organise: 'mediation.organise',
  subsidy: 'mediation.subsidy',
} as const;

export const statusColor: Record<CaseSummary['status'], string> = {
  received: 'blue',
  mediating: 'gold',
  agreed: 'green',
  failed: 'red',
  withdrawn: 'default',
};
