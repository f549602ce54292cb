/**
 * The default outline of an annual report: the seed report (索县 2023, seed/suo-county-2023-rule-of-law-
 * report.txt) section by section, every statistic replaced by its figure placeholder in the seed's
 * own way of writing it (format.ts), the year and the county by {{report.year}} and
 * {{report.division}}. Numbers that are not statistics stay as written (二十大, “八五”普法, 第四次会议,
 * 2023年7月 the centre opened). Generated once from the seed; edited per report in the outline editor.
 * The seed has no section on shortcomings (不足和原因) or other matters: the completeness check says so.
 */
import type { Outline } from './contract.js';

export const seedOutline: Outline = {
  title: '{{report.division}}{{report.year}}年法治政府建设\n工作报告',
  preamble:
    '在区党委、政府的坚强领导下，在市委的正确指导下，县委、县政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神和二十届二中全会精神，深入学习贯彻习近平法治思想和中央全面依法治国工作会议，认真贯彻落实习近平总书记关于西藏工作的重要指示和新时代党的治藏方略，按照自治区第十次党代会、自治区党委十届三次、四次、五次全会精神和市委二届二次、三次、四次全会各项决策部署，紧紧围绕自治区“四个创建”“四个走在前列”和那曲“四个示范市”奋斗目标，以深入推进依法行政为切入点，提高政治站位，强化责任担当，积极推动《法治政府建设实施纲要（2021—2025年）》在我县落地落实，法治政府建设取得了一定的成效。现将有关工作情况汇报如下。',
  sections: [
    {
      id: 's1',
      level: 1,
      heading: '坚持党的领导，强化责任落实',
      text: '',
      item: 'measures',
      system: 'partyLeadership',
    },
    {
      id: 's2',
      level: 2,
      heading: '加强党的领导',
      text: '深刻认识党的领导是中国特色社会主义最本质的特征，是社会主义法治最根本的保证。充分发挥党委（党组）和广大党员干部在依法治国中的政治核心作用和先锋模范作用。我们加强党对全面依法治县、法治政府建设工作的绝对领导，科学立法、严格执法、公正司法、全民守法，把党的领导贯彻到全面依法治县全过程、各方面。坚决落实讲政治要求，善于用政治眼光认识和把握法治问题，不断提高政治判断力、政治领悟力和政治执行力。',
    },
    {
      id: 's3',
      level: 2,
      heading: '加强法治思维',
      text: '将习近平新时代中国特色社会主义思想、习近平法治思想、习近平总书记在中央全面依法治国工作会议上的重要讲话精神、王君正书记在全面依法治藏会议上的讲话精神列为全县各级政府部门党委（党组）党支部理论中心组、“三会一课”、周四政治理论大学习的一项重要内容，把习近平法治思想贯彻落实到法治政府建设全过程、各方面，把法治教育列入干部教育培训的重要内容。',
    },
    {
      id: 's4',
      level: 2,
      heading: '明确法治任务',
      text: '按照自治区依法治藏、那曲市依法治市相关工作要求，结合{{report.division}}实际制定出台《{{report.division}}{{report.year}}年法治政府建设工作要点》《{{report.division}}{{report.year}}法治政府建设任务清单》《中共{{report.division}}委员会全面依法治县委员会关于贯彻落实〈法治中国建设规划（2020—2025年）〉的实施方案》《中共{{report.division}}委员会全面依法治县委员会关于贯彻落实〈法治社会建设纲要（2020—2025年）〉的实施方案》任务落实情况开展督查的通知，确定了责任单位、参与单位，提出了实现目标、工作步骤、完成要求，形成既有责任分工、又有时间节点控制，为全面推进依法治县、加快法治{{report.division}}建设建立了科学规范的实施体系。',
    },
    {
      id: 's5',
      level: 2,
      heading: '落实主体责任',
      text: '一是县委全面依法治县委员会召开全面依法治县第四次会议，统筹安排依法治县、法治政府建设的重点工作，各乡镇先后召开会议安排部署法治政府建设相关工作，使依法治县、法治政府建设各项措施落实到位。二是各级各部门“一把手”严格按照《党政主要负责人履行推进法治建设第一责任人职责规定》《法治政府建设与责任落实督察工作规定》文件要求，开展年度述法评议活动，撰写履行推进法治政府建设的述法报告。{{report.year}}年收集各级各部门述法报告。（县直部门{{accountability.lawReports.departments}}篇、乡镇{{accountability.lawReports.townships}}篇）',
      item: 'leaderDuties',
    },
    {
      id: 's6',
      level: 1,
      heading: '坚持科学规范，精心部署依法行政',
      text: '',
      item: 'measures',
      system: 'institutions',
    },
    {
      id: 's7',
      level: 2,
      heading: '强化法治政府建设考核',
      text: '由县依法治县办联合平安建设考核组，围绕习近平法治思想学习宣传贯彻落实情况、党政主要负责人履行推进法治建设第一责任人职责情况、行政执法“三项制度”落实情况等工作内容，深入{{assessment.townshipsInspected}}个乡镇以现场检查、听取汇报、查阅资料、随机询问等方式开展督察指导考核，充分发挥考核评价对法治政府建设的重要推动作用。',
    },
    {
      id: 's8',
      level: 2,
      heading: '抓住领导干部“关键少数”',
      text: '全县各级领导干部带头遵守法律、执行法律，带头严格落实领导干部学法制度，将宪法法律和党内法规列入学习重要内容，把宪法法律列为县委党校（行政学院）的培训必修课，以各级各部门党员领导干部带头尊法学法守法用法，推动领导干部全面提高运用法治思维和法治方式深化改革、推动发展、化解矛盾、维护稳定、应对风险的能力。全面营造办事依法、遇事找法、解决问题用法、化解矛盾靠法的法治环境。尤其是县委书记、县长在大会小会上将法律作为“口头禅”，始终对法律这个“国之重器”保持敬畏之心，全县各级各部门将严格落实“三个规定”，把不干预执法司法活动作为纪法底线。今年来，全县干部职工共开展学法活动{{study.lawStudyActivities|approx}}次。',
    },
    {
      id: 's9',
      level: 2,
      heading: '持续落实法律顾问聘请制度',
      text: '我县与湖北晨丰（索）律师事务所、西藏易迅律师事务所签订常年政府法律顾问合同。进一步加强全县各级各部门起草规范性文件和重大项目推进、合同起草等工作中遇到法律问题时，在处理重大突发事件和信访案件时，及时提供法律意见及建议，确保重大决策合法合规。{{report.year}}年政府法律顾问共为我县各乡镇、各部门提供法律咨询{{counsel.consultations}}次，出具法律意见书（合法性审查报告）{{counsel.legalOpinions}}份。',
    },
    {
      id: 's10',
      level: 1,
      heading: '坚持放管结合，深化政府管理服务能力',
      text: '',
      item: 'measures',
      system: 'governmentFunctions',
    },
    {
      id: 's11',
      level: 2,
      heading: '持续深化“放管服”改革',
      text: '在县委、县政府的高度重视和大力支持下，召开了“{{report.division}}深化“放管服”改革工作新闻发布会”，将我县{{report.year}}年度“放管服”工作及时准确向社会公开。深入推动政府工作职能转变，加快推进一体化在线政务服务平台建设及应用，提高广大群众对“互联网+政务服务”的知晓率，更好地服务群众。{{report.year}}年共梳理行政许可事项{{services.licensingItems}}个，取消证明材料{{services.certificationMaterialsCancelled}}项，容缺事项{{services.toleranceItems}}项，县级承接下放行政许可事项{{services.devolvedItems}}项。',
    },
    {
      id: 's12',
      level: 2,
      heading: '优化法治化营商环境',
      text: '我县将优化营商环境纳入“八五”普法规划内容，不断强化“法律进商户”“法律进企业”等普法宣传力度，努力营造良好的法治环境，全年开展送法活动{{publicity.businessOutreachEvents}}次，为企业、个体工商户等发放宣传品{{publicity.businessGifts|approx}}份、发放宣传册{{publicity.businessBrochures|approx}}份。同时深入实施《优化营商环境条例》，组织开展了公平竞争审查、企业“法治体检”等活动，着力打造稳定公开透明的营商环境。“一件事一次办”事项清单进行梳理，权责清单，共梳理{{services.oneThingDepartments}}家业务部门涉及企业、个人事项{{services.oneThingEnterpriseItems}}项、{{services.oneThingPersonalItems}}项。实行“双随机”“一公开”联合监管，全面推进跨部门联合检查，实现联合检查工作制度化、规范化、常态化，强化跨部门协同、联动、数据共享，大幅压减跨部门事项办理时长和成本。',
    },
    {
      id: 's13',
      level: 2,
      heading: '纵深推进政务服务能力',
      text: '{{report.division}}结合实际，广泛开展“互联网+政务服务”宣传，制作并发放宣传册子{{publicity.govServiceBrochures|approx}}份，粘贴海报{{publicity.govServicePosters|approx:2}}份，印发辅导读本{{publicity.govServiceReaders}}本。大力开展业务培训工作，提升综合素质。{{report.year}}年共举办{{services.trainings}}次县乡“互联网+政务服务”业务培训班，参加培训人员{{services.trainingAttendance}}人次，实现{{services.trainingDepartmentsCovered}}家县直单位、{{services.trainingTownshipsCovered}}个乡镇全覆盖，使广大干部职工业务水平得到进一步提升，服务群众的能力得到进一步增强，为高质高效服务群众提供有力业务支撑。在政务服务事项办理上强力推行“一网、一门、一次”服务机制全面实现。截止{{report.year}}年底，县农行、公安局（户籍科）等{{services.serviceCentreUnits}}家单位均成功入驻县政务服务中心。',
    },
    {
      id: 's14',
      level: 1,
      heading: '坚持依法执政，促进行政执法公平公开',
      text: '',
      item: 'measures',
      system: 'enforcement',
    },
    {
      id: 's15',
      level: 2,
      heading: '持续推进行政执法“三项制度”',
      text: '全面推行行政执法公示实施办法执法全过程记录实施办法重大执法决定法制审核实施办法工作实施方案，有序开展全面推行行政执法“三项制度”行政执法监督工作，强力推进行政执法“三项制度”工作落地落实。今年以来按照党中央依法治国委员会关于在全国范围内开展道路交通安全和运输执法领域突出问题专项整治工作，自开展专项整治工作以来，依法治县办联合各职能小组定期不定期开展实地检查{{enforcement.campaignSiteInspections}}次，个别谈话{{enforcement.campaignInterviews}}次，查阅资料台账{{enforcement.campaignLedgerReviews}}次，对自治区专项督察反馈的{{enforcement.campaignFeedbackItems}}项{{enforcement.campaignFeedbackAspects}}个方面内容整改落实情况开展督察{{enforcement.campaignRectificationChecks}}次，并对整改落实情况进行“回头看”，确保整改工作落到实处，督察指导成效到位。',
    },
    {
      id: 's16',
      level: 2,
      heading: '开展行政执法人员证件换证工作',
      text: '为进一步规范行政执法人员持证上岗和资格管理工作，有效提升了执法人员的法治观念和执法水平，2023年10月根据《西藏自治区行政执法人员资格认证和行政执法证管理办法》《西藏自治区行政执法监督条例》等相关规定，切实加强行政执法主体和执法人员的资格管理，进一步规范行政执法行为，依法确认执法监督资格，建立健全行政执法机关和人员信息档案。{{report.year}}年共计对{{enforcement.officersReviewed}}名行政执法人员再次进行执法证件清理工作共计清理调离、调整岗位{{enforcement.officersRemoved}}名，目前全县持证上岗人员{{enforcement.officersCertified}}名。',
    },
    {
      id: 's17',
      level: 2,
      heading: '组织开展“行政执法”专题培训讲座',
      text: '为切实加强我县行政执法部门执法人员执法素养和执法水平、规范行政执法程序，促进法治政府建设工作有序开展，{{report.year}}年，共举办{{enforcement.trainingSessions}}次执法人员集中培训讲座（其中，讲座{{enforcement.trainingLectures}}次、培训{{enforcement.trainingCourses}}次），参加培训执法人员{{enforcement.trainingAttendance}}人次。',
    },
    {
      id: 's18',
      level: 1,
      heading: '坚持依法决策，规范依法行政执行力',
      text: '',
      item: 'measures',
      system: 'decisionMaking',
    },
    {
      id: 's19',
      level: 2,
      heading: '切实提高依法决策能力',
      text: '建立健全了重大行政决策程序制度，把公众参与、专家论证、风险评估、合法性审查、集体讨论决定作为法定程序。另外，还建立健全政府法律顾问制度，进一步完善以政府法制机构人员为主体、吸收专家和律师参加的法律顾问队伍，力争实现政府法律顾问网络的全覆盖，为各级行政机关依法决策提供有利法治保障。',
    },
    {
      id: 's20',
      level: 2,
      heading: '规范行政决策，推进决策法治化',
      text: '为使行政执法工作走上民主化、科学化、法治化，县委、县政府积极开展行政决策规范化建设，各项行政决策前及时召开会议或下发文件充分听取各单位的意见和建议，尤其是法治单位意见，作出民主、法治、科学、合理的决策，确保各类决策、各项行政行为有法可依、有法可循。',
    },
    {
      id: 's21',
      level: 2,
      heading: '强化制约监督，保障执法公正',
      text: '根据《西藏自治区行政执法监督条例》，抽选{{supervision.departmentsSampled}}家县直行政执法部门以现场查阅案卷、询问执法人员、调阅执法决定、询问被执法个人和组织等方式，落实司法行政执法监督职责。{{report.year}}年度开展案卷评查{{supervision.caseFileReviews}}次，检查发现问题{{supervision.problemsFound}}项，督促整改{{supervision.problemsRectified}}项。通过开展行政执法案卷评查与交流，规范行政执法程序，促进严格规范公正文明执法。',
      system: 'oversight',
    },
    {
      id: 's22',
      level: 1,
      heading: '坚持普法依法治理，及时化解矛盾纠纷',
      text: '',
      item: 'measures',
      system: 'disputeResolution',
    },
    {
      id: 's23',
      level: 2,
      heading: '突出“精准普法”，推进法治政府建设',
      text: '深入落实“八五”普法规划，并结合{{report.division}}实际制定《{{report.division}}关于深入开展精准普法宣传活动实施方案》《关于全面加强学法普法工作进一步营造法治氛围的通知》等相关方案，围绕《民法典》《宪法》《土地管理法》《土地管理法实施办法》《信访工作条例》《刑法》《治安处罚法》等法律法规，采取悬挂横幅、集中宣讲、街面宣传、媒体网络平台宣传、播放短视频、语音、法治宣传车等多种方式进行精准普法宣传工作。{{report.year}}年全县组织开展宣传{{publicity.campaignEvents|approx:3}}场次（集中宣讲{{publicity.lectures}}场次，LED、横幅{{publicity.bannersAndScreens}}条，播放宣传视频、抖音、{{report.division}}融媒、微信公众号等{{publicity.videoPlays|approx:2}}次），发放宣传资料{{publicity.materialsDistributed|wan}}份，受教群众{{publicity.peopleReached|wan}}人次，派出政法系统法治宣传车巡逻宣传{{publicity.vehiclePatrols|more}}次，播放藏汉双语广播{{publicity.bilingualBroadcasts}}次。发放精准普法手册{{publicity.handbooks}}份、信访工作条例{{publicity.petitionRegulationCopies}}份、精准普法典型案例第1部、第2部宣传册共{{publicity.caseBooklets}}份、宣传小喇叭{{publicity.loudspeakers}}个、学法笔记{{publicity.studyNotebooks}}本，签订确认单{{publicity.confirmationForms}}张。为全县全面提升干部群众“尊法、学法、守法、用法”的法治意识，营造“办事依法、遇事找法、解决问题用法、化解纠纷靠法”的法治氛围，奠定了良好的法治环境。',
      system: 'legalPublicity',
    },
    {
      id: 's24',
      level: 2,
      heading: '充分利用法治手段解决矛盾纠纷',
      text: '一是为坚持和发展新时代“枫桥经验”，全力推进矛盾纠纷化解调处工作。2023年7月设立了{{report.division}}“一站式”矛盾纠纷调解中心。“一站式”充分发挥发扬敢为人先的精神，在实践中探索，在服务中创新，充分发挥人民调解的“第一道防线”作用，{{report.year}}年累计化解矛盾纠纷{{mediation.disputesResolved}}件，司法确认{{mediation.judicialConfirmations}}件，涉案金额达{{mediation.amountInvolved|approxWan}}元，接待来访群众{{mediation.visitors|approx:2}}人，在线答疑{{mediation.onlineAnswers}}人次，提供法律咨询{{mediation.legalConsultations}}件，接待事项化解率达{{mediation.resolutionRate}}。二是落实“以案定补 以奖定补”相关文件规定，充分调动基层人民调解员的积极性，推进我县人民调解工作发展。{{report.year}}年，我县召开“以案定补、以奖代补”案卷评定会，对全县{{mediation.caseFilesEvaluated}}起人民调解案卷进行评定，并兑现资金{{mediation.subsidiesPaid}}。三是组织开展人民调解员培训{{mediation.mediatorTrainings}}次，参训人员{{mediation.mediatorTrainees|approx:2}}人。共发放相关宣传资料{{mediation.publicityMaterials|approx:2}}份，有力地促进了《人民调解法》的贯彻执行。四是严格按照《关于进一步加强新时代人民调解工作意见》《关于印发〈专职人民调解员配备工作方案〉的通知》精神，推动我县人民调解工作更加专业化、职业化发展，根据专职人民调解员招聘工作和相关组织程序、法律规定，招聘{{mediation.fullTimeMediatorsRecruited}}名专职人民调解员、选聘{{mediation.fullTimeMediatorsSelected}}名专职人民调解员。突出依法调解、依法调处，凸显法治调解的作用。',
      system: 'disputeResolution',
    },
    {
      id: 's25',
      level: 2,
      heading: '持续加强行政复议工作',
      text: '一是持续推动行政复议体制改革工作，补充完善{{report.division}}行政复议咨询委员会成员及工作职责。二是将行政复议法纳入领导干部应知应会党内法规和法律清单，并列入领导干部年度学法计划，在各级党委（党组）理论中心组、政府常务会议会前学法进行学习。{{report.year}}年组织学习{{reconsideration.studySessions}}次。三是在全县范围内全面学习贯彻实施新修订《中华人民共和国行政复议法》，并纳入“八五”普法规划重点内，以“法律十进”为载体，推动行政复议法宣传常态化。组织开展专题宣传{{reconsideration.publicityEvents}}场次，发放新修订《行政复议法》{{reconsideration.lawCopiesDistributed|approx}}册，宣传手册{{reconsideration.brochuresDistributed}}册。同时为熟悉掌握行政复议法，引导行政执法人员学深悟透行政复议法精神要义和主要内容，提高行政执法的有效性和精准性，组织开展行政复议讲座和培训{{reconsideration.lecturesAndTrainings}}场次。充分发挥行政复议化解行政争议的主渠道作用，提高行政复议工作质量，加快法治政府建设。',
      system: 'oversight',
    },
    {
      id: 's26',
      level: 1,
      heading: '',
      text: '下一步，我们将以此次会议为契机，特别是高俊岭书记的讲话要求，牢牢把握法治政府建设的正确前进方向，坚持问题导向、系统观念、法治思维，加快推进法治政府建设各项工作，落实工作要求，不断开创法治政府建设工作新局面，为那曲建设西藏最高海拔长治久安高质量发展示范市贡献{{report.division}}力量，彰显{{report.division}}担当，持续营造良好的法治环境，以优异成绩迎接新中国成立75周年。',
      item: 'plans',
    },
  ],
};
