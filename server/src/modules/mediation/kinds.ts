/**
 * The words of people's mediation (人民调解法 2010; 司发〔2018〕2号; the county's 以案定补 rules) as
 * codes with their Chinese labels. Labels are what the county writes in its files.
 */
const codes = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Where a dispute came from: 人民调解法第十八条 lets courts and police refer; 访调 from the petition office. */
export const sources = {
  walkIn: '来访申请',
  court: '法院委派（诉调对接）',
  police: '公安移交（警调对接）',
  petition: '信访转交（访调对接）',
  portal: '网上申请',
  own: '主动调解',
} as const;
export type Source = keyof typeof sources;
export const sourceCodes = codes(sources);

/** 分级调处: simple disputes go to the village, complex to the township, difficult to the county (§1.16). */
export const grades = {
  simple: { label: '简易', level: 'village', route: '村（居）调委会' },
  complex: { label: '复杂', level: 'township', route: '乡镇调委会' },
  difficult: { label: '疑难', level: 'county', route: '县调委会' },
} as const;
export type Grade = keyof typeof grades;
export const gradeCodes = codes(grades);

/** A committee's level, from its division (3 county, 4 township, 5 village). */
export const levels = { county: '县级', township: '乡镇', village: '村（居）' } as const;
export type Level = keyof typeof levels;
export const levelCodes = codes(levels);
export const levelOfDivision = (divisionLevel: number): Level =>
  divisionLevel <= 3 ? 'county' : divisionLevel === 4 ? 'township' : 'village';

export const statuses = {
  received: '已受理',
  mediating: '调解中',
  agreed: '调解成功',
  failed: '调解不成',
  withdrawn: '当事人撤回',
} as const;
export type Status = keyof typeof statuses;
export const statusCodes = codes(statuses);
export const outcomeCodes = ['agreed', 'failed', 'withdrawn'] as const;
export type Outcome = (typeof outcomeCodes)[number];

/** Who ran the mediation: only people's mediation earns a per-case subsidy (§1.6). */
export const mediationKinds = { people: '人民调解', administrative: '行政调解', court: '司法调解' } as const;
export type MediationKind = keyof typeof mediationKinds;
export const mediationKindCodes = codes(mediationKinds);

/** 人民调解法第二十八条, 第三十条: a written agreement, or an oral one the mediator records. */
export const agreementForms = { written: '书面协议', oral: '口头协议' } as const;
export type AgreementForm = keyof typeof agreementForms;
export const agreementFormCodes = codes(agreementForms);

export const performances = {
  pending: '履行期内',
  performed: '已履行',
  partial: '部分履行',
  notPerformed: '未履行',
} as const;
export type Performance = keyof typeof performances;
export const performanceCodes = codes(performances);

export const rulings = { confirmed: '裁定调解协议有效', rejected: '裁定驳回申请' } as const;
export type Ruling = keyof typeof rulings;
export const rulingCodes = codes(rulings);

export const partyRoles = { applicant: '申请人', respondent: '被申请人' } as const;
export type PartyRole = keyof typeof partyRoles;
export const partyRoleCodes = codes(partyRoles);
export const partyKinds = { person: '自然人', organisation: '法人或其他组织' } as const;
export type PartyKind = keyof typeof partyKinds;
export const partyKindCodes = codes(partyKinds);

export const genders = { male: '男', female: '女' } as const;
export type Gender = keyof typeof genders;
export const genderCodes = codes(genders);

/** 专职 / 兼职 mediators; how a full-time one came (招聘 open recruitment, 选聘 selection from staff). */
export const employments = { fullTime: '专职', partTime: '兼职' } as const;
export type Employment = keyof typeof employments;
export const employmentCodes = codes(employments);
export const appointments = {
  recruited: '招聘',
  selected: '选聘',
  elected: '推选（人民调解法第九条）',
  engaged: '聘任（人民调解法第十三条）',
} as const;
export type Appointment = keyof typeof appointments;
export const appointmentCodes = codes(appointments);

/** 人民调解法第八条: 主任一人, 副主任若干, 委员; a null role is a mediator engaged by the committee (第十三条). */
export const committeeRoles = { director: '主任', deputyDirector: '副主任', member: '委员' } as const;
export type CommitteeRole = keyof typeof committeeRoles;
export const committeeRoleCodes = codes(committeeRoles);

/** How a visit registration ended. */
export const visitHandlings = {
  pending: '待处理',
  resolved: '当场化解',
  case: '转为调解案件',
  referred: '引导至其他途径',
} as const;
export type VisitHandling = keyof typeof visitHandlings;
export const visitHandlingCodes = codes(visitHandlings);

/** 在线答疑 (portal, WeChat) or 法律咨询 at the counter. */
export const questionChannels = { online: '在线答疑', counter: '窗口法律咨询' } as const;
export type QuestionChannel = keyof typeof questionChannels;
export const questionChannelCodes = codes(questionChannels);

export const languages = { zh: '汉文', bo: '藏文' } as const;
export type Language = keyof typeof languages;

/**
 * The standard parts of a mediation file (人民调解法第二十七条; the 12-part checklist of §1.6 as the
 * county binds it). `required` parts decide whether a file can earn a subsidy at all.
 */
export const fileParts = {
  cover: { label: '卷宗封面', required: false },
  contents: { label: '卷宗目录', required: true },
  application: { label: '人民调解申请书/受理登记表', required: true },
  identity: { label: '当事人身份证明', required: false },
  investigation: { label: '调查记录及证据材料', required: false },
  notice: { label: '调解通知书/权利义务告知书', required: false },
  record: { label: '调解记录', required: true },
  agreement: { label: '调解协议书（口头协议记录）', required: true },
  service: { label: '送达回证', required: false },
  followUp: { label: '回访记录', required: true },
  assessment: { label: '案件评估表', required: false },
  attachments: { label: '其他附件', required: false },
} as const;
export type FilePart = keyof typeof fileParts;
export const filePartCodes = codes(fileParts);

/** The common dispute types seeded into the configurable list; a county adds its own. */
export const defaultDisputeTypes: readonly [string, string][] = [
  ['marriageFamily', '婚姻家庭纠纷'],
  ['neighbour', '邻里纠纷'],
  ['grassland', '草场纠纷'],
  ['landUse', '土地承包经营纠纷'],
  ['homestead', '宅基地纠纷'],
  ['damages', '损害赔偿纠纷'],
  ['labour', '劳务纠纷'],
  ['wageArrears', '拖欠农牧民工工资纠纷'],
  ['contract', '合同纠纷'],
  ['debt', '民间借贷纠纷'],
  ['property', '房屋物业纠纷'],
  ['traffic', '道路交通事故纠纷'],
  ['medical', '医疗纠纷'],
  ['other', '其他纠纷'],
];

/** Exclusions from the per-case subsidy (以案定补): “一案一卷、调解成功、协议履行”, people's mediation only. */
export const exclusions = {
  notAgreed: '调解未成功',
  notPerformed: '协议未履行',
  notPeople: '行政调解、司法调解不适用以案定补',
  incomplete: '案卷缺少必备材料',
} as const;
export type Exclusion = keyof typeof exclusions;
