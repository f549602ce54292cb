import type { Req, Resp } from '../../api/types';

export type CaseView = Resp<'/api/reconsideration/cases/{id}'>;
export type CasePage = Resp<'/api/reconsideration/cases'>;
export type CaseItem = CasePage['items'][number];
export type Deadline = CaseView['deadlines'][number];
export type Meta = Resp<'/api/reconsideration/meta'>;
export type Dashboard = Resp<'/api/reconsideration/dashboard'>;
export type Publication = Resp<'/api/reconsideration/cases/{id}/publication'>;
export type Register = Req<'/api/reconsideration/cases', 'post'>;
export type Stage = CaseItem['stage'];

export const P = {
  read: 'reconsideration.case.read',
  handle: 'reconsideration.case.handle',
  decide: 'reconsideration.case.decide',
  stats: 'reconsideration.stats.read',
} as const;

export const stageColor: Record<Stage, string> = {
  intake: 'processing',
  correction: 'warning',
  accepted: 'blue',
  suspended: 'purple',
  refused: 'default',
  abandoned: 'default',
  decided: 'success',
  mediated: 'cyan',
  terminated: 'default',
};

export const deadlineColor: Record<Deadline['status'], string> = {
  met: 'success',
  late: 'error',
  open: 'processing',
  overdue: 'error',
  paused: 'purple',
  lapsed: 'warning',
};
