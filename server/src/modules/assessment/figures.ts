import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { unitsInFigureScope } from '../../platform/figures/registry.js';
import type { FigureDef } from '../../platform/manifest.js';

/** Rounds whose results were published in the period, organised by a unit in scope. */
export const assessmentFigures: FigureDef[] = [
  {
    key: 'assessment.rounds',
    label: '法治政府建设考核',
    unit: '次',
    drill: { path: '/assessment' },
    definition: '期间内发布结果的考核次数（组织单位在所选行政区划及本人权限范围内）',
    async compute({ db, scope, period }) {
      const [r] = await query<{ n: number }>(
        db,
        sql`select count(*)::int as n from assessment_rounds
            where published_on between ${period.from} and ${period.to} and unit_id in (${unitsInFigureScope(scope)})`,
      );
      return r!.n;
    },
  },
  {
    key: 'assessment.averageScore',
    label: '考核平均得分',
    unit: '分',
    drill: { path: '/assessment' },
    definition:
      '期间内发布结果的考核中，各被考核单位总得分（折算为百分制：得分 ÷ 指标体系满分 × 100）的平均值，保留一位小数；被考核单位在所选行政区划及本人权限范围内；无考核时为空',
    async compute({ db, scope, period }) {
      const [r] = await query<{ avg: number | null }>(
        db,
        sql`select round(avg(x.total * 100.0 / x.max)::numeric, 1)::float8 as avg from (
              select ru.id, coalesce(sum(s.score), 0) as total,
                (select sum(points) from assessment_indicators where system_id = r.system_id and parent_id is null) as max
              from assessment_rounds r join assessment_round_units ru on ru.round_id = r.id
              left join assessment_scores s on s.round_unit_id = ru.id
              where r.published_on between ${period.from} and ${period.to}
                and ru.unit_id in (${unitsInFigureScope(scope)})
              group by ru.id, r.system_id) x where x.max > 0`,
      );
      return r!.avg;
    },
  },
];
