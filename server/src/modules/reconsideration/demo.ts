/**
 * 索县人民政府's 2023 reconsideration cases, each built step by step through the service, so every
 * number the dashboard and figures show comes from a case's own dates. The report (六(三)) gives
 * no case counts; these cases are plausible, not reported: varied respondents, channels and ends
 * (upheld, revoked, varied, ordered to perform, refused, withdrawn after settlement, mediated,
 * abandoned, suspended and resumed, extended, deemed accepted).
 */
import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { Actor } from '../../platform/access/actor.js';
import type { Platform } from '../../platform/platform.js';
import type { RegisterApplication } from './contract.js';
import type { Channel } from './kinds.js';
import { ReconsiderationService } from './service.js';

const OFFICERS = ['旦增尼玛', '次仁央宗'];
const HEAD = '边巴次仁';

/** A step runs on its own day: the service is asked as of that date, so no period has lapsed yet. */
type At = (today: string) => ReconsiderationService;
type Step = (at: At, id: string) => Promise<unknown>;
interface DemoCase {
  app: Omit<RegisterApplication, 'organUnitId' | 'officers' | 'attachmentIds' | 'channel'> & {
    channel: Channel;
    respondentUnit?: string;
  };
  steps: Step[];
}

const ctx = { actor: Actor.system };
const accept =
  (on: string, procedure: 'normal' | 'simple' = 'normal', extra: object = {}): Step =>
  (at, id) =>
    at(on).accept(ctx, id, { on, procedure, ...extra });
const copy =
  (on: string): Step =>
  (at, id) =>
    at(on).copySent(ctx, id, { on });
const reply =
  (on: string): Step =>
  (at, id) =>
    at(on).reply(ctx, id, on);
const decide =
  (
    on: string,
    type: Parameters<ReconsiderationService['decide']>[2]['type'],
    findings: string,
    reasoning: string,
    order: string,
  ): Step =>
  (at, id) =>
    at(on).decide(ctx, id, { on, type, findings, reasoning, order, thirdPartyEvidence: false });

const cases: DemoCase[] = [
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-02-13',
      applicantKind: 'person',
      applicantName: '扎西顿珠',
      applicantIdNumber: '540626198703150518',
      applicantPhone: '13908960215',
      applicantAddress: '索县亚拉镇',
      respondentName: '索县公安局',
      respondentUnit: '索县公安局',
      respondentSuperior: '那曲市公安局',
      actDescription: '当场作出的罚款五百元的行政处罚决定',
      actNumber: '索公（交）当罚决字〔2023〕0012号',
      actDate: '2023-02-06',
      request: '撤销该行政处罚决定',
      factsAndReasons: '申请人认为其车辆停放位置不属于禁停路段，处罚认定事实不清。',
      learnedOn: '2023-02-06',
      amountYuan: 500,
    },
    steps: [
      accept('2023-02-15', 'simple', { simpleGround: 'onTheSpot' }),
      copy('2023-02-16'),
      reply('2023-02-21'),
      decide(
        '2023-03-08',
        'uphold',
        '经查，申请人车辆停放于设有禁停标志的路段，有现场照片及执法记录仪视频为证。',
        '被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。',
        '维持被申请人作出的索公（交）当罚决字〔2023〕0012号行政处罚决定。',
      ),
    ],
  },
  {
    app: {
      channel: 'post',
      receivedOn: '2023-03-06',
      applicantKind: 'person',
      applicantName: '次仁多吉',
      applicantIdNumber: '540626197905020311',
      applicantPhone: '13989061377',
      applicantAddress: '索县荣布镇',
      respondentName: '索县自然资源局',
      respondentUnit: '索县自然资源局',
      respondentSuperior: '那曲市自然资源局',
      actDescription: '不予办理宅基地使用权登记的决定',
      actDate: '2023-01-20',
      request: '撤销不予登记决定，责令依法办理登记',
      factsAndReasons:
        '申请人持有村委会出具的宅基地分配证明，被申请人以权属有争议为由不予登记，但未说明争议方及依据。',
      learnedOn: '2023-01-28',
    },
    steps: [
      accept('2023-03-09', 'normal', { major: true }),
      copy('2023-03-13'),
      reply('2023-03-22'),
      async (at, id) => {
        // 2023-04-03 + 5 working days (清明 4/5 off) = 4/11: the 4/12 hearing keeps 第五十一条's notice
        const v = await at('2023-04-03').hearing(ctx, id, {
          noticeOn: '2023-04-03',
          hearingOn: '2023-04-12',
          place: '索县司法局行政复议听证室',
          matters: '宅基地权属是否存在争议及不予登记的依据',
          presiding: '旦增尼玛',
          members: ['次仁央宗', '格桑卓嘎'],
          clerk: '尼玛拉姆',
        });
        await at('2023-04-12').hearingRecord(ctx, id, {
          hearingId: v.hearings[0]!.id,
          heldOn: '2023-04-12',
          record:
            '申请人陈述宅基地分配经过，被申请人负责人到场答辩，称邻户曾口头提出异议，但未提交书面材料。',
        });
      },
      (at, id) =>
        at('2023-04-20').consult(ctx, id, {
          on: '2023-04-20',
          opinion:
            '咨询委员会多数意见认为，被申请人未查明权属争议即不予登记，主要事实不清，建议撤销并责令重新作出。',
        }),
      decide(
        '2023-05-05',
        'revoke',
        '经查，被申请人作出不予登记决定时，未调查核实所称权属争议，卷内无异议人的书面材料。',
        '被申请人认定“权属有争议”的主要事实不清、证据不足。',
        '撤销被申请人作出的不予登记决定，责令被申请人自收到本决定书之日起六十日内重新作出行政行为。',
      ),
    ],
  },
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-04-10',
      applicantKind: 'organisation',
      applicantName: '索县雪域建材有限公司',
      applicantIdNumber: '91540626MA6T1B2X3K',
      applicantPhone: '08914562231',
      applicantRepresentative: '罗布',
      applicantAddress: '索县亚拉镇工业园区',
      respondentName: '索县市场监督管理局',
      respondentUnit: '索县市场监督管理局',
      respondentSuperior: '那曲市市场监督管理局',
      actDescription: '罚款二万元的行政处罚决定',
      actNumber: '索市监罚〔2023〕5号',
      actDate: '2023-03-20',
      request: '变更罚款数额',
      factsAndReasons: '申请人系初次违法且已及时改正，危害后果轻微，罚款数额明显过重。',
      learnedOn: '2023-03-22',
      amountYuan: 20000,
    },
    steps: [
      accept('2023-04-12'),
      copy('2023-04-14'),
      reply('2023-04-25'),
      (at, id) =>
        at('2023-05-08').suspend(ctx, id, {
          on: '2023-05-08',
          ground: 'mediation',
          note: '双方同意中止，进行和解协商',
        }),
      (at, id) => at('2023-06-07').resume(ctx, id, '2023-06-07'),
      decide(
        '2023-06-30',
        'change',
        '经查，申请人系初次违法，已在责令改正期限内改正，未造成危害后果。',
        '被申请人事实认定清楚，但罚款数额未考虑从轻情节，内容不适当。',
        '将罚款二万元变更为罚款五千元。',
      ),
    ],
  },
  {
    app: {
      channel: 'oral',
      receivedOn: '2023-05-15',
      applicantKind: 'person',
      applicantName: '拉巴卓玛',
      applicantPhone: '13618960448',
      applicantAddress: '索县亚拉镇',
      respondentName: '亚拉镇人民政府',
      respondentUnit: '亚拉镇人民政府',
      actDescription: '未答复申请人提出的草场补奖资金发放申请（不履行法定职责）',
      request: '责令被申请人依法履行发放职责',
      factsAndReasons: '申请人于2023年3月书面申请，被申请人至今未答复。',
      learnedOn: '2023-04-20',
      oralRecord:
        '申请人拉巴卓玛口头申请行政复议，本机关当场记录其基本情况、复议请求、主要事实和理由，经宣读，申请人确认无误并签字（捺印）。',
    },
    steps: [
      (at, id) =>
        at('2023-05-17').correctionNotice(ctx, id, {
          on: '2023-05-17',
          items: ['提供公民身份号码', '提供向被申请人提出申请的书面材料或其他证明'],
        }),
      (at, id) => at('2023-05-24').correctionReceived(ctx, id, '2023-05-24'),
      accept('2023-05-26'),
      copy('2023-05-29'),
      // no reply came: 第七十条
      decide(
        '2023-07-10',
        'orderPerform',
        '被申请人收到申请书副本后未在法定期限内提出书面答复、提交证据依据。',
        '依照第七十条，视为该行政行为没有证据、依据。',
        '责令被申请人自收到本决定书之日起三十日内对申请人的申请作出处理。',
      ),
    ],
  },
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-06-05',
      applicantKind: 'person',
      applicantName: '央金',
      applicantIdNumber: '540626199204180226',
      applicantPhone: '15289060371',
      respondentName: '索县人力资源和社会保障局',
      respondentUnit: '索县人力资源和社会保障局',
      respondentSuperior: '那曲市人力资源和社会保障局',
      actDescription: '不予认定工伤的决定',
      actDate: '2023-02-24',
      request: '撤销不予认定工伤决定',
      factsAndReasons: '申请人认为其在工作时间、工作场所内受伤，应认定为工伤。',
      learnedOn: '2023-03-01',
    },
    steps: [
      (at, id) =>
        at('2023-06-09').refuse(ctx, id, {
          on: '2023-06-09',
          reason:
            '申请人于2023年3月1日收到该决定，至2023年6月5日提出申请，已超过六十日的法定申请期限（第二十条第一款），且未提出不可抗力或者其他正当理由。',
        }),
    ],
  },
  {
    app: {
      channel: 'post',
      receivedOn: '2023-07-03',
      applicantKind: 'organisation',
      applicantName: '索县格桑商贸有限责任公司',
      applicantIdNumber: '91540626MA6T2C4Y5L',
      applicantRepresentative: '格桑',
      applicantPhone: '13908962290',
      respondentName: '国家税务总局索县税务局',
      respondentUnit: '国家税务总局索县税务局',
      actDescription: '税务行政处罚决定',
      actDate: '2023-06-12',
      request: '撤销税务行政处罚决定',
      factsAndReasons: '申请人认为少缴税款系政策理解偏差所致，不应处罚。',
      learnedOn: '2023-06-15',
    },
    steps: [
      (at, id) =>
        at('2023-07-06').refuse(ctx, id, {
          on: '2023-07-06',
          reason:
            '对税务机关作出的行政行为不服的，向上一级主管部门申请行政复议（第二十七条），本案不属于本机关管辖。',
          properOrgan: '国家税务总局那曲市税务局',
        }),
    ],
  },
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-07-17',
      applicantKind: 'person',
      applicantName: '格桑旺姆',
      applicantIdNumber: '540626198511300427',
      applicantPhone: '13889062218',
      respondentName: '索县城市管理和综合执法局',
      respondentUnit: '索县城市管理和综合执法局',
      respondentSuperior: '那曲市城市管理和综合执法局',
      actDescription: '限期拆除临街搭建物的决定',
      actDate: '2023-07-03',
      request: '撤销限期拆除决定',
      factsAndReasons: '搭建物系经营所需，已向社区报备。',
      learnedOn: '2023-07-05',
    },
    steps: [
      accept('2023-07-19'),
      copy('2023-07-20'),
      (at, id) =>
        at('2023-08-10').terminate(ctx, id, {
          on: '2023-08-10',
          ground: 'settled',
          note: '双方达成和解：申请人自行整改为可移动设施，被申请人撤回拆除决定；申请人撤回行政复议申请。',
        }),
    ],
  },
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-08-07',
      applicantKind: 'person',
      applicantName: '多布杰',
      applicantIdNumber: '540626198002140817',
      applicantPhone: '13908963345',
      respondentName: '索县交通运输局',
      respondentUnit: '索县交通运输局',
      respondentSuperior: '那曲市交通运输局',
      actDescription: '暂扣道路运输证并罚款三千五百元的决定',
      actDate: '2023-07-25',
      request: '撤销该决定',
      factsAndReasons: '申请人称其车辆未从事营运，系为亲属帮忙运送物品。',
      learnedOn: '2023-07-25',
      amountYuan: 3500,
    },
    steps: [
      accept('2023-08-09'),
      copy('2023-08-10'),
      reply('2023-08-22'),
      (at, id) =>
        at('2023-09-25').extend(ctx, id, {
          on: '2023-09-25',
          days: 30,
          approvedBy: HEAD,
          reason: '需向多名乘车人调查核实是否收取费用，情况复杂',
        }),
      decide(
        '2023-11-02',
        'uphold',
        '经调查核实，三名乘车人均证实按人次支付了车费。',
        '被申请人认定申请人从事非法营运事实清楚，证据确凿，程序合法，处罚适当。',
        '维持被申请人作出的行政处罚决定。',
      ),
    ],
  },
  {
    app: {
      channel: 'portal',
      receivedOn: '2023-09-04',
      applicantKind: 'organisation',
      applicantName: '索县嘎美乡牧民专业合作社',
      applicantIdNumber: '93540626MA6T3D5Z6M',
      applicantRepresentative: '次旺',
      applicantPhone: '13518961102',
      respondentName: '索县农业农村局',
      respondentUnit: '索县农业农村局',
      respondentSuperior: '那曲市农业农村局',
      actDescription: '对政府信息公开申请的答复',
      actDate: '2023-08-15',
      request: '责令公开2022年度牲畜良种补贴发放名单',
      factsAndReasons: '被申请人以涉及个人隐私为由拒绝公开，申请人认为可作区分处理后公开。',
      learnedOn: '2023-08-18',
    },
    steps: [
      accept('2023-09-06', 'simple', { simpleGround: 'infoDisclosure' }),
      copy('2023-09-07'),
      reply('2023-09-13'),
      decide(
        '2023-09-26',
        'uphold',
        '经查，被申请人已于2023年8月主动公开补贴发放汇总信息，申请公开的名单含个人身份信息和银行账号。',
        '被申请人的答复认定事实清楚，适用依据正确。',
        '维持被申请人作出的政府信息公开答复。',
      ),
    ],
  },
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-09-27',
      applicantKind: 'person',
      applicantName: '旺堆',
      applicantIdNumber: '540626197612080613',
      applicantPhone: '13908964457',
      respondentName: '索县公安局',
      respondentUnit: '索县公安局',
      respondentSuperior: '那曲市公安局',
      actDescription: '行政拘留五日的处罚决定',
      actDate: '2023-09-10',
      request: '撤销行政拘留决定',
      factsAndReasons: '申请人称系对方先动手，其行为属于正当防卫。',
      learnedOn: '2023-09-10',
    },
    steps: [
      accept('2023-10-09'),
      copy('2023-10-10'),
      reply('2023-10-20'),
      (at, id) =>
        at('2023-11-15').mediate(ctx, id, {
          on: '2023-11-15',
          agreement:
            '经调解，双方当事人就民事赔偿达成一致；被申请人对处罚决定的适用依据作出说明，申请人表示理解。',
        }),
    ],
  },
  {
    app: {
      channel: 'post',
      receivedOn: '2023-10-16',
      applicantKind: 'person',
      applicantName: '普布次仁',
      respondentName: '荣布镇人民政府',
      respondentUnit: '荣布镇人民政府',
      actDescription: '宅基地纠纷处理决定',
      request: '撤销处理决定',
      factsAndReasons: '申请人称处理决定不公。',
      learnedOn: '2023-10-09',
    },
    steps: [
      (at, id) =>
        at('2023-10-18').correctionNotice(ctx, id, {
          on: '2023-10-18',
          items: ['提供公民身份号码和联系电话', '写明被申请处理决定的文号和作出日期', '提供处理决定书复印件'],
        }),
      // the applicant never corrected: 视为放弃 (第三十一条第二款), written by the settle below
    ],
  },
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-11-20',
      applicantKind: 'person',
      applicantName: '次旦卓玛',
      applicantIdNumber: '540626199507250324',
      applicantPhone: '18989060556',
      respondentName: '索县住房和城乡建设局',
      respondentUnit: '索县住房和城乡建设局',
      respondentSuperior: '那曲市住房和城乡建设局',
      actDescription: '未履行危房鉴定职责',
      request: '责令被申请人对申请人房屋进行安全鉴定',
      factsAndReasons: '申请人称房屋出现裂缝，多次申请鉴定未果。',
      learnedOn: '2023-11-01',
    },
    steps: [
      // the office made no decision within five working days: 视为受理 from 11-27 (第三十条第三款)
      copy('2023-11-30'),
      reply('2023-12-12'),
      decide(
        '2023-12-28',
        'reject',
        '经查，被申请人已于2023年11月15日委托鉴定机构对申请人房屋进行了安全鉴定，鉴定结论为B级。',
        '被申请人在申请人申请行政复议前已经履行了法定职责。',
        '驳回申请人的行政复议请求。',
      ),
    ],
  },
  {
    app: {
      channel: 'counter',
      receivedOn: '2023-12-18',
      applicantKind: 'person',
      applicantName: '达瓦',
      applicantIdNumber: '540626198309090719',
      applicantPhone: '13908965568',
      respondentName: '索县林业和草原局',
      respondentUnit: '索县林业和草原局',
      respondentSuperior: '那曲市林业和草原局',
      actDescription: '罚款二千元的行政处罚决定',
      actDate: '2023-12-01',
      request: '撤销罚款决定',
      factsAndReasons: '申请人称其采挖行为发生在自家承包草场内。',
      learnedOn: '2023-12-04',
      amountYuan: 2000,
    },
    steps: [
      accept('2023-12-20', 'simple', { simpleGround: 'smallAmount' }),
      copy('2023-12-21'),
      reply('2023-12-27'),
      decide(
        '2024-01-12',
        'uphold',
        '经查，采挖地点位于禁止采挖的草原保护区域内，有定位记录为证。',
        '被申请人认定事实清楚，证据确凿，程序合法。',
        '维持被申请人作出的行政处罚决定。',
      ),
    ],
  },
];

export async function loadReconsiderationDemo(platform: Platform) {
  const [organ] = await query<{ id: number }>(
    platform.db,
    sql`select id from org_units where name = '索县人民政府'`,
  );
  if (!organ) return;
  const [done] = await query<{ n: number }>(
    platform.db,
    sql`select count(*)::int as n from reconsideration_cases where organ_unit_id = ${organ.id}`,
  );
  if (done!.n) return;
  const at: At = (today) =>
    new ReconsiderationService(platform.db, platform.calendar, platform.fieldCrypto, () => today);
  const unitId = async (name?: string) =>
    name
      ? ((await query<{ id: number }>(platform.db, sql`select id from org_units where name = ${name}`))[0]
          ?.id ?? null)
      : null;
  for (const { app, steps } of cases) {
    const { respondentUnit, channel, ...rest } = app;
    const input = {
      ...rest,
      organUnitId: organ.id,
      respondentUnitId: await unitId(respondentUnit),
      officers: OFFICERS,
      attachmentIds: [],
    };
    const { id } = await at(app.receivedOn).register(ctx, { ...input, channel });
    for (const step of steps) await step(at, id);
  }
  // 视为放弃 and 视为受理 of cases left waiting, as of today
  await new ReconsiderationService(platform.db, platform.calendar, platform.fieldCrypto).settleAll(ctx);
}
