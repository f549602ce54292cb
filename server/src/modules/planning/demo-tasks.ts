import type { TaskSystem } from './kinds.js';

/**
 * Suo County's 2023 task list, worded from the 2023 report's chapters: [title, lead, participants,
 * deadline, system, fromMeeting]. Units by full name; 'towns' stands for all ten townships.
 */
export type DemoTask = [
  title: string,
  lead: string,
  participants: readonly string[],
  deadline: string,
  system: TaskSystem,
  fromMeeting?: boolean,
];

const OFFICE = '中共索县委员会全面依法治县委员会办公室';
const JUSTICE = '索县司法局';
const GOV = '索县人民政府办公室';

export const demoTasks: DemoTask[] = [
  // 一、党的领导
  [
    '将习近平法治思想列入各级党委（党组）理论学习中心组年度学习计划',
    OFFICE,
    [GOV, 'towns'],
    '2023-03-31',
    'partyLeadership',
    true,
  ],
  [
    '召开全面依法治县委员会第四次会议，统筹安排年度重点工作',
    OFFICE,
    [GOV],
    '2023-03-31',
    'partyLeadership',
    true,
  ],
  [
    '制定印发《索县2023年法治政府建设工作要点》《索县2023法治政府建设任务清单》',
    OFFICE,
    [JUSTICE],
    '2023-04-14',
    'partyLeadership',
    true,
  ],
  ['各乡镇召开会议专题部署法治政府建设工作', '亚拉镇人民政府', ['towns'], '2023-04-28', 'partyLeadership'],
  ['组织各级各部门主要负责人开展年度述法评议', OFFICE, [GOV, 'towns'], '2023-12-29', 'partyLeadership', true],
  [
    '督促“一把手”撰写履行推进法治建设第一责任人职责述法报告',
    OFFICE,
    ['towns'],
    '2023-12-15',
    'partyLeadership',
  ],
  // 二、依法行政、考核、关键少数
  [
    '联合平安建设考核组对10个乡镇开展法治政府建设督察考核',
    OFFICE,
    [JUSTICE],
    '2023-12-22',
    'oversight',
    true,
  ],
  [
    '将宪法法律列为县委党校（行政学院）培训必修课',
    '索县人力资源和社会保障局',
    [JUSTICE],
    '2023-06-30',
    'partyLeadership',
  ],
  ['严格落实领导干部学法制度，开展会前学法', GOV, [JUSTICE], '2023-12-29', 'partyLeadership'],
  ['续签常年政府法律顾问合同，实现法律顾问全覆盖', JUSTICE, [GOV], '2023-03-31', 'decisionMaking'],
  ['为各乡镇、各部门提供法律咨询并出具法律意见书', JUSTICE, ['towns'], '2023-12-29', 'decisionMaking'],
  // 三、放管服、营商环境、政务服务
  ['召开索县深化“放管服”改革工作新闻发布会', '索县政务服务中心', [GOV], '2023-06-30', 'governmentFunctions'],
  [
    '梳理行政许可事项清单并向社会公布',
    '索县政务服务中心',
    ['索县发展和改革委员会', '索县市场监督管理局'],
    '2023-09-29',
    'governmentFunctions',
  ],
  [
    '清理取消证明材料，推行证明事项告知承诺制',
    JUSTICE,
    ['索县政务服务中心', '索县公安局'],
    '2023-08-31',
    'governmentFunctions',
  ],
  [
    '承接市级下放行政许可事项并规范办理',
    '索县政务服务中心',
    ['索县自然资源局', '索县住房和城乡建设局'],
    '2023-10-31',
    'governmentFunctions',
  ],
  [
    '开展“法律进企业”“法律进商户”送法活动',
    '索县市场监督管理局',
    ['索县商务局', JUSTICE, '国家税务总局索县税务局'],
    '2023-11-30',
    'governmentFunctions',
  ],
  [
    '组织开展公平竞争审查和企业“法治体检”',
    '索县市场监督管理局',
    ['索县发展和改革委员会'],
    '2023-10-31',
    'institutions',
  ],
  ['梳理“一件事一次办”事项清单和权责清单', '索县政务服务中心', [GOV], '2023-09-29', 'governmentFunctions'],
  [
    '举办县乡“互联网+政务服务”业务培训，实现县直单位、乡镇全覆盖',
    '索县政务服务中心',
    ['towns'],
    '2023-11-30',
    'technology',
  ],
  [
    '推动县直单位进驻政务服务中心，推行“一网、一门、一次”',
    '索县政务服务中心',
    ['索县公安局'],
    '2023-12-29',
    'technology',
  ],
  // 四、行政执法
  [
    '全面推行行政执法“三项制度”并开展执法监督',
    JUSTICE,
    ['索县公安局', '索县市场监督管理局', '索县城市管理和综合执法局'],
    '2023-12-29',
    'enforcement',
    true,
  ],
  [
    '开展道路交通安全和运输执法领域突出问题专项整治',
    '索县交通运输局',
    ['索县公安局'],
    '2023-10-31',
    'enforcement',
    true,
  ],
  ['对自治区专项督察反馈问题整改落实情况开展“回头看”', OFFICE, ['索县交通运输局'], '2023-11-30', 'oversight'],
  [
    '开展行政执法证件清理和换证工作',
    JUSTICE,
    ['索县公安局', '索县市场监督管理局'],
    '2023-10-31',
    'enforcement',
  ],
  [
    '举办执法人员集中培训讲座',
    JUSTICE,
    ['索县城市管理和综合执法局', '索县农业农村局'],
    '2023-11-30',
    'enforcement',
  ],
  // 五、依法决策、监督
  ['健全重大行政决策程序制度，编制年度重大行政决策事项目录', GOV, [JUSTICE], '2023-06-30', 'decisionMaking'],
  ['规范性文件合法性审核和备案审查', JUSTICE, [GOV], '2023-12-29', 'institutions'],
  [
    '抽选县直执法部门开展行政执法案卷评查',
    JUSTICE,
    ['索县自然资源局', '索县市场监督管理局', '索县农业农村局'],
    '2023-11-30',
    'oversight',
  ],
  ['督促案卷评查发现问题整改销号', JUSTICE, ['索县自然资源局', '索县农业农村局'], '2023-12-29', 'oversight'],
  ['推进政务公开，规范政府信息公开申请办理', GOV, ['索县政务服务中心'], '2023-12-29', 'oversight'],
  // 六、普法、矛盾纠纷化解、复议
  [
    '开展“八五”普法中期评估和精准普法宣传',
    JUSTICE,
    ['索县教育局', 'towns'],
    '2023-12-15',
    'legalPublicity',
    true,
  ],
  ['组织宪法宣传周暨“12·4”国家宪法日活动', JUSTICE, ['towns'], '2023-12-08', 'legalPublicity'],
  [
    '开展藏汉双语法治广播和法治宣传车巡回宣传',
    JUSTICE,
    ['索县公安局', 'towns'],
    '2023-11-30',
    'legalPublicity',
  ],
  [
    '设立索县“一站式”矛盾纠纷调解中心',
    JUSTICE,
    ['索县人民法院', '索县民政局'],
    '2023-07-31',
    'disputeResolution',
    true,
  ],
  [
    '落实人民调解“以案定补、以奖代补”，开展案卷评定',
    JUSTICE,
    ['索县财政局', 'towns'],
    '2023-12-15',
    'disputeResolution',
  ],
  [
    '招聘、选聘专职人民调解员并组织培训',
    JUSTICE,
    ['索县人力资源和社会保障局', 'towns'],
    '2023-10-31',
    'disputeResolution',
  ],
  ['补充完善索县行政复议咨询委员会成员及工作职责', JUSTICE, [GOV], '2023-05-31', 'disputeResolution'],
  ['学习宣传新修订《行政复议法》，开展专题宣传', JUSTICE, ['towns'], '2023-12-22', 'legalPublicity'],
  [
    '完善突发事件应急预案，开展依法应急处置演练',
    '索县应急管理局',
    ['索县卫生健康委员会', 'towns'],
    '2023-09-28',
    'emergencies',
  ],
  [
    '建设法治政府建设信息化平台，推行任务线上报送督办',
    JUSTICE,
    ['索县政务服务中心'],
    '2023-10-08',
    'technology',
  ],
];

/** Tasks that stay unfinished at the year's end, and how far they got (the rest end at 100 %). */
export const demoUnfinished: Record<number, number> = { 14: 70, 28: 60, 39: 80 };

/** Supervision notices: [task index, issued on, replied on (null: unanswered), subject]. */
export const demoNotices: [number, string, string | null, string][] = [
  [14, '2023-10-16', '2023-10-20', '承接下放行政许可事项进度滞后'],
  [21, '2023-09-18', '2023-09-22', '道路交通运输执法领域专项整治推进缓慢'],
  [28, '2023-11-20', '2023-11-29', '案卷评查问题整改销号进度滞后'],
  [39, '2023-12-11', null, '法治政府建设信息化平台建设逾期未完成'],
];
