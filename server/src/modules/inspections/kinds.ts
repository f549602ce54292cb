/**
 * Kinds of 督察 round. 督察指导考核 (assessment) is the yearly round the 依法治县办 runs with the
 * assessment group over the townships; 回头看 (followUp) re-inspects an earlier round.
 */
export const roundKinds = ['regular', 'assessment', 'specialCampaign', 'followUp'] as const;
export type RoundKind = (typeof roundKinds)[number];
export const roundKindLabels: Record<RoundKind, string> = {
  regular: '日常督察',
  assessment: '督察指导考核',
  specialCampaign: '专项整治督察',
  followUp: '“回头看”',
};

/** The methods of 督察 the county's reports name (《法治政府建设与责任落实督察工作规定》 Art. 20 lists the means). */
export const methods = [
  '现场检查',
  '听取汇报',
  '查阅资料',
  '随机询问',
  '个别谈话',
  '查阅台账',
  '实地检查',
] as const;
export type Method = (typeof methods)[number];

/** An action is a 督察 of the targets, or a check of how a higher level's feedback was rectified (整改落实督察). */
export const actionKinds = ['inspection', 'followUp'] as const;
export type ActionKind = (typeof actionKinds)[number];
export const actionKindLabels: Record<ActionKind, string> = {
  inspection: '督察',
  followUp: '整改落实督察',
};
