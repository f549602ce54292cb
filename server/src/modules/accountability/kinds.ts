import type { UnitKind } from '../../platform/org/schema.js';

/**
 * Who must 述法 (《关于党政主要负责人履行推进法治建设第一责任人职责情况列入年终述职内容工作的意见》,
 * 中央全面依法治国委员会 2021-02): the top party and government leaders of each township, and the
 * principal (and, where it is a different person, the party-group secretary) of each county department.
 */
export const postTypes = {
  townshipPartySecretary: { label: '乡镇党委书记', unitKind: 'township', side: 'party' },
  townshipHead: { label: '乡镇长', unitKind: 'township', side: 'government' },
  departmentHead: { label: '部门主要负责人', unitKind: 'department', side: 'government' },
  departmentPartySecretary: { label: '部门党组（党委）书记', unitKind: 'department', side: 'party' },
} as const satisfies Record<string, { label: string; unitKind: UnitKind; side: 'party' | 'government' }>;
export type PostType = keyof typeof postTypes;
export const postTypeCodes = Object.keys(postTypes) as [PostType, ...PostType[]];

/** 述法 formats in use (书面、现场、专题), as the county's notices name them. */
export const reportFormats = { written: '书面述法', onSite: '现场述法', special: '专题述法' } as const;
export type ReportFormat = keyof typeof reportFormats;
export const reportFormatCodes = Object.keys(reportFormats) as [ReportFormat, ...ReportFormat[]];

/** 述法评议 grades. */
export const ratings = { good: '好', fairlyGood: '较好', average: '一般', poor: '差' } as const;
export type Rating = keyof typeof ratings;
export const ratingCodes = Object.keys(ratings) as [Rating, ...Rating[]];

/**
 * The 第一责任人职责清单 used where a county has not configured its own: the duties of
 * 《党政主要负责人履行推进法治建设第一责任人职责规定》 (中办、国办, 2016-12), summarised per post.
 */
const partyDuties = [
  '把法治建设纳入本地区发展总体规划和年度工作计划，与经济社会发展同部署、同推进、同督促、同考核、同奖惩',
  '每年主持召开党委常委会会议（党委会议）专题听取法治建设工作汇报，研究解决重大问题',
  '带头学法、尊法、守法、用法，组织党委理论学习中心组学习习近平法治思想和宪法法律',
  '把法治素养和依法履职情况纳入干部考核评价，重视选拔使用法治素养好的干部',
  '支持人大、政协、法院、检察院依法履职，支持政府依法行政',
  '亲自部署、亲自过问、亲自协调、亲自督办重要法治建设任务',
  '将履行推进法治建设第一责任人职责情况列入年终述职内容',
];
const governmentDuties = [
  '把法治政府建设摆在政府工作全局的重要位置，每年专题研究部署',
  '严格执行重大行政决策程序，决策前开展合法性审查',
  '推进严格规范公正文明执法，落实行政执法“三项制度”',
  '支持法院依法受理和审理行政案件，带头出庭应诉，执行生效裁判',
  '依法办理行政复议，纠正违法或不当的行政行为',
  '组织政府常务会议学法，落实“谁执法谁普法”普法责任制',
  '将履行推进法治建设第一责任人职责情况列入年终述职内容',
];
const departmentDuties = [
  '研究部署本部门法治建设工作，明确分管领导和承办机构',
  '落实重大行政决策合法性审查和规范性文件备案审查',
  '落实行政执法公示、全过程记录、重大执法决定法制审核制度',
  '组织本部门干部学法用法，落实普法责任清单',
  '依法办理行政复议、行政应诉案件，负责人出庭应诉',
  '将履行推进法治建设第一责任人职责情况列入年终述职内容',
];
export const defaultDutyItems: Record<PostType, readonly string[]> = {
  townshipPartySecretary: partyDuties,
  townshipHead: governmentDuties,
  departmentPartySecretary: [
    partyDuties[2]!,
    partyDuties[3]!,
    ...departmentDuties.slice(0, 2),
    partyDuties[5]!,
    partyDuties[6]!,
  ],
  departmentHead: departmentDuties,
};
