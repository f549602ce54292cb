/** How serious a problem is; the office sets the rectification period by it. */
export const severities = ['minor', 'normal', 'serious'] as const;
export type Severity = (typeof severities)[number];
export const severityLabels: Record<Severity, string> = { minor: '轻微', normal: '一般', serious: '严重' };

/** open → rectifying → submitted → closed (销号); a rejection or a reopening goes back to rectifying. */
export const findingStates = ['open', 'rectifying', 'submitted', 'closed'] as const;
export type FindingState = (typeof findingStates)[number];
export const stateLabels: Record<FindingState, string> = {
  open: '待整改',
  rectifying: '整改中',
  submitted: '已报整改',
  closed: '已销号',
};

/** What happened to a finding; every event records the state it left the finding in. */
export const eventKinds = [
  'opened',
  'measures',
  'evidence',
  'submitted',
  'rejected',
  'closed',
  'reopened',
] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventLabels: Record<EventKind, string> = {
  opened: '发现问题',
  measures: '制定整改措施',
  evidence: '上传整改佐证',
  submitted: '报送整改情况',
  rejected: '退回重新整改',
  closed: '核查销号',
  reopened: '重新打开',
};

/** Which events may follow which state; the state after each is fixed by the event. */
export const transitions: Record<
  Exclude<EventKind, 'opened'>,
  { from: readonly FindingState[]; to: (s: FindingState) => FindingState }
> = {
  measures: { from: ['open', 'rectifying'], to: () => 'rectifying' },
  evidence: { from: ['open', 'rectifying'], to: () => 'rectifying' },
  submitted: { from: ['rectifying'], to: () => 'submitted' },
  rejected: { from: ['submitted'], to: () => 'rectifying' },
  closed: { from: ['submitted'], to: () => 'closed' },
  reopened: { from: ['closed'], to: () => 'rectifying' },
};
