import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { Actor } from '../../platform/access/actor.js';
import type { Platform } from '../../platform/platform.js';
import type { IndicatorInput } from './contract.js';
import type { Method } from './kinds.js';
import { AssessmentService } from './service.js';

/**
 * Suo's 2023 法治政府建设 assessment of its 10 townships (the report: 县依法治县办联合平安建设考核组 …
 * 深入10个乡镇以现场检查、听取汇报、查阅资料、随机询问等方式开展督察指导考核). The system, the round, the
 * townships' self-evaluations, the team's scores and the publication go through the service's own
 * rules, as an office user would enter them; two deductions open findings to rectify.
 */
const indicators: IndicatorInput[] = [
  { code: '1', name: '习近平法治思想学习宣传贯彻', points: 15 },
  {
    code: '1.1',
    name: '党委理论学习中心组专题学习习近平法治思想',
    points: 5,
    scoringNotes: '全年不少于2次，少1次扣2.5分',
  },
  { code: '1.2', name: '干部职工学法制度落实', points: 5, scoringNotes: '无学法计划扣2分，台账不全扣1至3分' },
  { code: '1.3', name: '习近平法治思想宣传进村（居）', points: 5, scoringNotes: '宣传覆盖不足扣1至3分' },
  { code: '2', name: '党政主要负责人履行推进法治建设第一责任人职责', points: 15 },
  { code: '2.1', name: '专题研究部署法治建设工作', points: 5, scoringNotes: '未召开专题会议扣5分' },
  { code: '2.2', name: '党委书记、乡镇长述法', points: 5, scoringNotes: '每缺1人扣2.5分' },
  {
    code: '2.3',
    name: '法治政府建设年度报告按时报送、公开',
    points: 5,
    scoringNotes: '逾期扣2分，未公开扣3分',
  },
  { code: '3', name: '行政执法“三项制度”落实', points: 20 },
  { code: '3.1', name: '行政执法公示', points: 7, scoringNotes: '事前、事中、事后公示缺项各扣2分' },
  { code: '3.2', name: '执法全过程记录', points: 6, scoringNotes: '抽查案卷无记录每件扣1分' },
  { code: '3.3', name: '重大执法决定法制审核', points: 7, scoringNotes: '未经审核作出重大执法决定每件扣2分' },
  { code: '4', name: '普法依法治理', points: 15 },
  { code: '4.1', name: '“谁执法谁普法”普法责任制', points: 5 },
  { code: '4.2', name: '藏汉双语法治宣传', points: 5 },
  { code: '4.3', name: '民主法治示范村创建、法律明白人培养', points: 5 },
  { code: '5', name: '矛盾纠纷排查化解', points: 15 },
  {
    code: '5.1',
    name: '人民调解组织规范化建设和矛盾纠纷调处',
    points: 8,
    scoringNotes: '调解卷宗不规范扣1至4分',
  },
  { code: '5.2', name: '信访工作法治化', points: 7 },
  { code: '6', name: '依法决策', points: 10 },
  { code: '6.1', name: '重大事项合法性审查', points: 5 },
  { code: '6.2', name: '法律顾问参与重大事项', points: 5 },
  { code: '7', name: '督察发现问题整改', points: 10 },
  { code: '7.1', name: '上年度督察、考核问题按期整改销号', points: 10, scoringNotes: '逾期未整改每项扣2分' },
];

/** Two deductions serious enough for a rectification finding: township index, indicator code, score, reason. */
const findingsToOpen: [number, string, number, string][] = [
  [2, '3.2', 3, '抽查行政执法案卷5件，3件无执法全过程音像记录'],
  [7, '5.1', 5, '村级调委会调解卷宗不规范，部分协议书缺当事人签字'],
];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const methodOrder: Method[] = ['documents', 'onSite', 'briefing', 'interview'];

export async function loadAssessmentDemo(platform: Platform): Promise<void> {
  const next = prng(20230066);
  const service = new AssessmentService(platform.db);
  const ctx = { actor: Actor.system };
  const [office] = await query<{ id: number }>(
    platform.db,
    sql`select id from org_units where kind = 'lawOffice' and division_code = '540626' and active order by id limit 1`,
  );
  const system = await service.createSystem(ctx, {
    unitId: office!.id,
    year: 2023,
    name: '索县2023年度乡镇法治政府建设考核指标',
    indicators,
  });
  const round = await service.createRound(ctx, {
    systemId: system.id,
    title: '索县2023年度乡镇法治政府建设督察指导考核',
  });
  const leaves = system.indicators.filter((i) => i.leaf);
  for (const [n, u] of round.assessedUnits.entries()) {
    const planned = new Map(
      findingsToOpen.filter(([k]) => k === n).map(([, code, score, reason]) => [code, { score, reason }]),
    );
    const scores = leaves.map((l, j) => {
      const p = planned.get(l.code);
      const lost = p ? l.points - p.score : next() < 0.3 ? Math.ceil(next() * 4) / 2 : 0;
      return {
        l,
        score: l.points - lost,
        reason: p?.reason,
        method: methodOrder[(n + j) % methodOrder.length]!,
      };
    });
    await service.selfEvaluate(ctx, round.id, u.unitId, {
      items: scores.map(({ l, score }) => ({
        indicatorId: l.id,
        selfScore: Math.min(l.points, score + (next() < 0.4 ? 0.5 : 0)),
        note: `${u.unitName}对照“${l.name}”自查`,
        evidenceFileIds: [],
      })),
    });
    await service.score(ctx, round.id, u.unitId, {
      scoredOn: `2023-12-${String(4 + n).padStart(2, '0')}`,
      items: scores.map(({ l, score, reason, method }) => ({
        indicatorId: l.id,
        score,
        method,
        deductionReason:
          score < l.points ? (reason ?? `${l.name}：${l.scoringNotes ?? '资料不完整'}，酌情扣分`) : null,
        finding: reason ? { severity: 'normal' as const, dueOn: '2024-03-31' } : null,
      })),
    });
  }
  await service.publish(ctx, round.id, '2023-12-22');
}
