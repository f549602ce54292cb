import { sql, type SQL } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { unitsInFigureScope } from '../../platform/figures/registry.js';
import type { FigureDef, FigureScope } from '../../platform/manifest.js';
import { decisionTypeCodes, decisionTypes, defaultCorrectiveTypes, type DecisionType } from './kinds.js';

const SCOPE = '（复议机关在所选行政区划及本人权限范围内，未作废）';
const inScope = (scope: FigureScope) =>
  sql`c.voided_at is null and c.organ_unit_id in (${unitsInFigureScope(scope)})`;
const between = (col: SQL, p: { from: string; to: string }) => sql`${col} between ${p.from} and ${p.to}`;

const count = (
  key: string,
  label: string,
  definition: string,
  where: (p: { from: string; to: string }) => SQL,
): FigureDef => ({
  key,
  label,
  unit: '件',
  definition: definition + SCOPE,
  async compute({ db, scope, period }) {
    const [r] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from reconsideration_cases c where ${inScope(scope)} and ${where(period)}`,
    );
    return r!.n;
  },
});

/** The organ's 纠错 set (its setting, or the default), as a SQL condition on c.decision_type. */
const corrective = sql`c.decision_type = any(coalesce(s.corrective_types, array[${sql.join(
  defaultCorrectiveTypes.map((t) => sql`${t}`),
  sql`, `,
)}]::text[]))`;

export const reconsiderationFigures: FigureDef[] = [
  count(
    'reconsideration.cases.received',
    '收到行政复议申请',
    '期间内收到的行政复议申请件数（按收到日期，含当面、邮寄、互联网和口头申请）',
    (p) => between(sql`c.received_on`, p),
  ),
  count(
    'reconsideration.cases.accepted',
    '受理行政复议案件',
    '期间内受理的案件件数（按受理日期，含审查期限届满视为受理的）',
    (p) => between(sql`c.accepted_on`, p),
  ),
  count('reconsideration.cases.refused', '决定不予受理', '期间内决定不予受理的件数（按决定日期）', (p) =>
    between(sql`c.refused_on`, p),
  ),
  count(
    'reconsideration.cases.decided',
    '作出行政复议决定',
    '期间内作出行政复议决定的件数（按决定日期，不含调解、终止）',
    (p) => sql`c.stage = 'decided' and ${between(sql`c.decided_on`, p)}`,
  ),
  ...decisionTypeCodes.map((t: DecisionType) =>
    count(
      `reconsideration.decisions.${t}`,
      `${decisionTypes[t].label}决定`,
      `期间内作出的“${decisionTypes[t].label}”决定件数（行政复议法${decisionTypes[t].article}，按决定日期）`,
      (p) => sql`c.stage = 'decided' and c.decision_type = ${t} and ${between(sql`c.decided_on`, p)}`,
    ),
  ),
  count(
    'reconsideration.cases.mediated',
    '调解结案',
    '期间内经调解达成协议结案的件数（第七十三条）',
    (p) => sql`c.stage = 'mediated' and ${between(sql`c.closed_on`, p)}`,
  ),
  count(
    'reconsideration.cases.terminated',
    '终止行政复议',
    '期间内决定终止的件数，含撤回申请、和解后撤回（第四十一条、第七十四条）',
    (p) => sql`c.stage = 'terminated' and ${between(sql`c.closed_on`, p)}`,
  ),
  {
    key: 'reconsideration.correctionRate',
    label: '行政复议纠错率',
    unit: '%',
    definition:
      '期间内作出的决定中，计入纠错的决定件数 ÷ 作出决定的件数 × 100，保留一位小数；计入纠错的决定类型由复议机关设置，' +
      '默认为变更、撤销、确认违法、责令履行、确认无效（行政复议法第六十三条至第六十七条）；调解、终止不计入分子分母；无决定时为空' +
      SCOPE,
    async compute({ db, scope, period }) {
      const [r] = await query<{ decided: number; corrected: number }>(
        db,
        sql`select count(*)::int as decided, count(*) filter (where ${corrective})::int as corrected
            from reconsideration_cases c left join reconsideration_settings s on s.organ_unit_id = c.organ_unit_id
            where ${inScope(scope)} and c.stage = 'decided' and ${between(sql`c.decided_on`, period)}`,
      );
      return r!.decided ? Math.round((r!.corrected * 1000) / r!.decided) / 10 : null;
    },
  },
  {
    key: 'reconsideration.averageDaysToDecision',
    label: '平均审理天数',
    unit: '日',
    definition:
      '期间内作出决定的案件，自受理之日至决定之日的日历天数的平均值（含中止、延长期间），保留一位小数；无决定时为空' +
      SCOPE,
    async compute({ db, scope, period }) {
      const [r] = await query<{ avg: string | number | null }>(
        db,
        sql`select avg(c.decided_on - c.accepted_on) as avg from reconsideration_cases c
            where ${inScope(scope)} and c.stage = 'decided' and ${between(sql`c.decided_on`, period)}`,
      );
      return r!.avg === null ? null : Math.round(Number(r!.avg) * 10) / 10;
    },
  },
];
