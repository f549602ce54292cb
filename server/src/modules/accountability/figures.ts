import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { unitsInFigureScope } from '../../platform/figures/registry.js';
import type { FigureDef } from '../../platform/manifest.js';

const COMMON = '（提交日期在期间内、未退回，述法人所在单位在所选行政区划及本人权限范围内）';

/** Submitted 述法 reports whose reporter sits in a unit of the given kind. */
const reportsOf = (
  key: string,
  label: string,
  unitKind: 'department' | 'township',
  who: string,
): FigureDef => ({
  key,
  label,
  unit: '篇',
  drill: { path: '/accountability?year={year}' },
  definition: `${who}提交的述法报告篇数，一人一篇${COMMON}`,
  async compute({ db, scope, period }) {
    const [r] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from law_duty_reports rep join org_units u on u.id = rep.unit_id
          where rep.voided_at is null and u.kind = ${unitKind}
            and rep.submitted_on between ${period.from} and ${period.to}
            and rep.unit_id in (${unitsInFigureScope(scope)})`,
    );
    return r!.n;
  },
});

export const accountabilityFigures: FigureDef[] = [
  reportsOf(
    'accountability.lawReports.departments',
    '县直部门述法报告',
    'department',
    '县直部门（单位类别为“部门”）的主要负责人及另设的党组（党委）书记',
  ),
  reportsOf('accountability.lawReports.townships', '乡镇述法报告', 'township', '乡镇党委书记和乡镇长'),
];
