import { sql, type SQL } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { unitsInFigureScope } from '../../platform/figures/registry.js';
import type { CheckDef, FigureDef, FigurePeriod, FigureScope } from '../../platform/manifest.js';

const COMMON = '（不计已作废的问题；整改单位在所选行政区划及本人权限范围内）';

/**
 * Each finding's state at the end of the period, from its latest event on or before that day, so a
 * past year's figures do not change when they are computed again later, and rectified ≤ found holds.
 */
const stateAtEnd = (p: FigurePeriod) => sql`join lateral (select e.state from finding_events e
  where e.finding_id = f.id and e.on <= ${p.to}::date order by e.on desc, e.seq desc limit 1) last on true`;

const base = (scope: FigureScope) => sql`f.voided_at is null and f.unit_id in (${unitsInFigureScope(scope)})`;

interface Spec {
  key: string;
  label: string;
  definition: string;
  where: (p: FigurePeriod) => SQL;
}

const specs: Spec[] = [
  {
    key: 'findings.found',
    label: '发现问题',
    definition: '发现日期在期间内的问题数（各来源：督察、评查、考核、人工登记）',
    where: (p) => sql`f.found_on between ${p.from}::date and ${p.to}::date`,
  },
  {
    key: 'findings.rectified',
    label: '整改销号问题',
    definition: '期间内发现、至期末已整改销号的问题数（期末前重新打开且未再销号的不计）',
    where: (p) => sql`f.found_on between ${p.from}::date and ${p.to}::date and last.state = 'closed'`,
  },
  {
    key: 'findings.overdue',
    label: '逾期未整改问题',
    definition: '期间内发现、至期末未销号且整改时限早于期末的问题数',
    where: (p) =>
      sql`f.found_on between ${p.from}::date and ${p.to}::date and last.state <> 'closed'
        and f.due_on < ${p.to}::date`,
  },
];

export const findingFigures: FigureDef[] = specs.map((s) => ({
  key: s.key,
  label: s.label,
  unit: '个',
  definition: `${s.definition}${COMMON}`,
  drill: {
    path: `/findings?${{ 'findings.rectified': 'state=closed&', 'findings.overdue': 'overdue=true&' }[s.key] ?? ''}unit={unit}`,
  },
  async compute({ db, scope, period }) {
    const [r] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from findings f ${stateAtEnd(period)} where ${base(scope)} and ${s.where(period)}`,
    );
    return Number(r?.n ?? 0);
  },
}));

export const findingChecks: CheckDef[] = [
  {
    key: 'findings.rectifiedNotAboveFound',
    label: '整改销号数不超过发现问题数',
    figures: ['findings.found', 'findings.rectified'],
    evaluate: (v) => {
      const found = v['findings.found'] ?? 0;
      const done = v['findings.rectified'] ?? 0;
      return done <= found
        ? { ok: true, detail: `发现 ${found} 个，销号 ${done} 个` }
        : { ok: false, detail: `销号 ${done} 个多于发现 ${found} 个` };
    },
  },
];
