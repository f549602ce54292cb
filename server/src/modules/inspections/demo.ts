import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inTx, type Tx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import type { Platform } from '../../platform/platform.js';
import { FindingService } from '../findings/service.js';
import type { Method } from './kinds.js';
import { InspectionService } from './service.js';

interface Unit {
  id: number;
  name: string;
  kind: string;
}

const LEADERS = '依法治县办 次仁、扎西；平安建设考核组 拉巴';
const CAMPAIGN_TEAM = '依法治县办 次仁；县公安局交警大队 达瓦；县交通运输局 格桑';

/**
 * Suo's 2023 督察, as the report tells it: the 督察指导考核 over the 10 townships; the special campaign on
 * road-traffic and transport enforcement with 2 site inspections, 2 interviews and 2 ledger reviews; the
 * region's feedback (3 items in 9 aspects), each aspect a finding; 3 checks of its rectification; and a
 * 回头看. Recorded through the services, so every row, finding event and audit entry is as a user's would be.
 */
export async function loadInspectionsDemo(platform: Platform): Promise<void> {
  const units = await query<Unit>(
    platform.db,
    sql`select u.id, u.name, u.kind from org_units u join divisions d on d.code = u.division_code
        where d.path like '%/540626/%' and u.active order by u.sort, u.id`,
  );
  const byName = (name: string) => {
    const u = units.find((r) => r.name === name);
    if (!u) throw new Error(`演示数据：找不到单位“${name}”，请先加载索县组织机构`);
    return u;
  };
  const office = units.find((u) => u.kind === 'lawOffice');
  const townships = units.filter((u) => u.kind === 'township');
  if (!office || townships.length !== 10) throw new Error('演示数据：找不到依法治县办或 10 个乡镇');
  const police = byName('索县公安局');
  const transport = byName('索县交通运输局');
  const urban = byName('索县城市管理和综合执法局');

  const inspections = new InspectionService(platform.db);
  const findings = new FindingService(platform.db);
  await inTx(platform.db, { actor: Actor.system }, async (t) => {
    await assessmentRound(t, inspections, office.id, townships);
    const campaignId = await campaign(t, inspections, office.id, { police, transport, urban });
    await rectify(t, findings, inspections, campaignId);
  });
}

async function assessmentRound(t: Tx, s: InspectionService, officeId: number, townships: Unit[]) {
  const round = await s.createRoundIn(t, {
    unitId: officeId,
    title: '2023年度法治政府建设督察指导考核',
    year: 2023,
    kind: 'assessment',
    followUpOfId: null,
    targetUnitIds: townships.map((u) => u.id),
    methods: ['现场检查', '听取汇报', '查阅资料', '随机询问'],
    note: '县依法治县办联合平安建设考核组，围绕习近平法治思想学习宣传贯彻落实、第一责任人职责履行、行政执法“三项制度”落实等开展',
  });
  // Two townships a day from 11 December; at each, a hearing then a document review or a site visit and questions.
  const pairs: [Method, Method][] = [
    ['听取汇报', '查阅资料'],
    ['现场检查', '随机询问'],
  ];
  for (const [i, u] of townships.entries()) {
    const date = `2023-12-${String(11 + Math.floor(i / 2)).padStart(2, '0')}`;
    const town = u.name.replace('人民政府', '');
    for (const method of pairs[i % 2]!)
      await s.addActionIn(t, round.id, {
        kind: 'inspection',
        date,
        place: method === '现场检查' ? `${town}便民服务中心` : `${town}政府会议室`,
        method,
        participants: LEADERS,
        targetUnitId: u.id,
        feedbackItemIds: [],
        notes: method === '查阅资料' ? '查阅学法台账、述法报告、执法案卷' : null,
      });
  }
}

async function campaign(
  t: Tx,
  s: InspectionService,
  officeId: number,
  u: { police: Unit; transport: Unit; urban: Unit },
) {
  const round = await s.createRoundIn(t, {
    unitId: officeId,
    title: '道路交通安全和运输执法领域突出问题专项整治督察',
    year: 2023,
    kind: 'specialCampaign',
    followUpOfId: null,
    targetUnitIds: [u.police.id, u.transport.id, u.urban.id],
    methods: ['实地检查', '个别谈话', '查阅台账'],
    note: '按照党中央依法治国委员会关于在全国范围内开展道路交通安全和运输执法领域突出问题专项整治工作部署开展',
  });
  const act = (date: string, method: Method, target: Unit, place: string, notes: string) =>
    s.addActionIn(t, round.id, {
      kind: 'inspection',
      date,
      place,
      method,
      participants: CAMPAIGN_TEAM,
      targetUnitId: target.id,
      feedbackItemIds: [],
      notes,
    });
  await act('2023-05-16', '实地检查', u.police, '国道317线索县段执勤点', '检查路面执法规范、执法记录仪使用');
  await act('2023-05-17', '查阅台账', u.transport, '县交通运输局', '查阅超限超载治理执法台账');
  await act('2023-05-17', '个别谈话', u.transport, '县交通运输局', '与运政执法人员个别谈话');
  await act('2023-08-22', '实地检查', u.transport, '县城客运站', '检查客运执法、罚没款票据');
  await act('2023-08-23', '个别谈话', u.police, '县公安局交警大队', '与交警大队执法辅助人员个别谈话');
  await act('2023-08-23', '查阅台账', u.police, '县公安局交警大队', '查阅交通违法处罚案卷和罚没台账');

  const feedback: [title: string, aspects: [string, Unit, string][]][] = [
    [
      '执法不规范问题',
      [
        ['执法记录仪使用不全程，部分现场执法无音像记录', u.police, '2023-08-31'],
        ['处罚决定书说理不充分，裁量基准引用不准确', u.police, '2023-08-31'],
        ['运政执法未严格落实两人以上执法', u.transport, '2023-08-31'],
      ],
    ],
    [
      '逐利执法问题',
      [
        ['罚没款收缴台账不完整，票据管理不规范', u.transport, '2023-09-30'],
        ['存在以罚代管现象，教育提醒措施落实不够', u.police, '2023-09-30'],
        ['非现场执法设备设置未向社会公布', u.police, '2023-09-30'],
      ],
    ],
    [
      '执法监督和保障问题',
      [
        ['执法人员资格管理不严，辅助人员单独执法', u.transport, '2023-10-31'],
        ['投诉举报处理机制不健全，办结反馈不及时', u.urban, '2023-10-31'],
        ['执法培训针对性不强，执法人员法律知识不足', u.transport, '2023-10-31'],
      ],
    ],
  ];
  let view = round;
  for (const [title, aspects] of feedback)
    view = await s.addFeedbackIn(t, round.id, {
      source: '自治区专项督察组',
      reference: '藏依法治专督〔2023〕3号',
      receivedOn: '2023-06-20',
      title,
      aspects: aspects.map(([description, unit, dueOn]) => ({
        description,
        responsibleUnitId: unit.id,
        dueOn,
        severity: 'normal' as const,
      })),
    });
  const items = view.feedback.map((f) => f.id);
  const check = (date: string, method: Method, target: Unit, notes: string) =>
    s.addActionIn(t, round.id, {
      kind: 'followUp',
      date,
      place: target.name,
      method,
      participants: CAMPAIGN_TEAM,
      targetUnitId: target.id,
      feedbackItemIds: items,
      notes,
    });
  await check('2023-07-26', '查阅资料', u.police, '第一次整改落实督察：核查整改方案和台账');
  await check('2023-09-19', '实地检查', u.transport, '第二次整改落实督察：现场核查整改成效');
  await check('2023-11-08', '查阅资料', u.urban, '第三次整改落实督察：核查未销号问题进展');

  const back = await s.createRoundIn(t, {
    unitId: officeId,
    title: '道路交通安全和运输执法领域突出问题专项整治整改落实“回头看”',
    year: 2023,
    kind: 'followUp',
    followUpOfId: round.id,
    targetUnitIds: [u.police.id, u.transport.id],
    methods: ['实地检查', '查阅台账'],
    note: '对自治区专项督察反馈问题整改落实情况进行“回头看”，确保整改落到实处',
  });
  await s.addActionIn(t, back.id, {
    kind: 'inspection',
    date: '2023-12-05',
    place: '县公安局交警大队',
    method: '查阅台账',
    participants: CAMPAIGN_TEAM,
    targetUnitId: u.police.id,
    feedbackItemIds: [],
    notes: '抽查整改后执法案卷，未发现问题反弹',
  });
  return round.id;
}

const MEASURES = [
  '配齐执法记录仪，建立执法音像记录日检查制度',
  '组织处罚文书制作培训，统一引用裁量基准',
  '调整执法排班，确保每次执法两人以上',
  '建立罚没款收缴台账，票据专人管理、按月核对',
  '推行首违不罚和教育提醒清单，开展以罚代管专项检查',
  '在政府网站和现场公布非现场执法设备设置点位',
  '清理执法辅助人员职责，禁止单独执法',
  '建立投诉举报受理登记和限期办结反馈制度',
  '制定年度执法培训计划，开展交通运输法律法规专题培训',
];

/** Seven aspects rectified and closed in the year; one sent back and still being rectified, one overdue. */
async function rectify(t: Tx, f: FindingService, s: InspectionService, roundId: string) {
  const round = await s.get(t.db, t.ctx.actor, roundId);
  const aspects = round.feedback.flatMap((i) => i.aspects);
  for (const [i, a] of aspects.entries()) {
    const m = a.dueOn.slice(5, 7);
    await f.advanceIn(t, a.findingId, 'measures', '2023-06-28', null, MEASURES[i]!);
    if (i === aspects.length - 1) continue; // still rectifying, past its due date: overdue
    await f.advanceIn(
      t,
      a.findingId,
      'submitted',
      `2023-${m}-20`,
      '已按方案完成整改，报送整改报告及佐证材料',
    );
    if (i === 5) {
      await f.advanceIn(
        t,
        a.findingId,
        'rejected',
        `2023-${m}-25`,
        '设备设置公示未覆盖全部点位，退回继续整改',
      );
      continue;
    }
    await f.advanceIn(t, a.findingId, 'closed', `2023-${m}-28`, '经核查整改到位，予以销号');
  }
}
