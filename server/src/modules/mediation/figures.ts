import { sql, type SQL } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { unitsInFigureScope } from '../../platform/figures/registry.js';
import type { FigureDef, FigurePeriod, FigureScope } from '../../platform/manifest.js';
import { gradeCodes, grades } from './kinds.js';
import { resolutionRate } from './rules.js';

/*
 * Two populations, kept apart on purpose:
 * - the centre's (一站式矛盾纠纷调解中心): records whose receiving unit is registered as a centre —
 *   its visits, consultations, online answers and the dispute cases it received;
 * - people's mediation county-wide: every committee's cases, their files evaluated for 以案定补, and
 *   the mediators on the committees' rosters.
 * The Suo report gives the centre's 12 resolved disputes beside the 83 case files of all committees.
 */

const centre = (col: SQL) => sql`${col} in (select unit_id from mediation_centres)`;
const inScope = (col: SQL, scope: FigureScope) => sql`${col} in (${unitsInFigureScope(scope)})`;
const within = (col: SQL, p: FigurePeriod) => sql`${col} between ${p.from} and ${p.to}`;

async function one(db: Parameters<FigureDef['compute']>[0]['db'], q: SQL): Promise<number> {
  const [r] = await query<{ n: number | string | null }>(db, q);
  return Number(r?.n ?? 0);
}

const CENTRE = '（受理单位为调解中心，且在所选行政区划及本人权限范围内；作废记录不计）';
const COUNTY = '（案件所属调委会在所选行政区划及本人权限范围内；作废记录不计）';

/** 接待事项 and their resolution, over matters received in the period (see rules.ts resolutionRate). */
async function receivedAndResolved(
  db: Parameters<FigureDef['compute']>[0]['db'],
  scope: FigureScope,
  p: FigurePeriod,
) {
  const [r] = await query<{ received: number; resolved: number }>(
    db,
    sql`select
          (select count(*) from mediation_visits v where v.voided_at is null and v.handling <> 'case'
             and ${centre(sql`v.unit_id`)} and ${inScope(sql`v.unit_id`, scope)} and ${within(sql`v.visited_on`, p)})
        + (select count(*) from mediation_questions q where q.voided_at is null and q.channel = 'counter'
             and ${centre(sql`q.unit_id`)} and ${inScope(sql`q.unit_id`, scope)} and ${within(sql`q.received_on`, p)})
        + (select count(*) from mediation_cases c where c.voided_at is null
             and ${centre(sql`c.received_unit_id`)} and ${inScope(sql`c.received_unit_id`, scope)}
             and ${within(sql`c.received_on`, p)}) as received,
          (select count(*) from mediation_visits v where v.voided_at is null and v.handling = 'resolved'
             and ${centre(sql`v.unit_id`)} and ${inScope(sql`v.unit_id`, scope)} and ${within(sql`v.visited_on`, p)})
        + (select count(*) from mediation_questions q where q.voided_at is null and q.channel = 'counter'
             and q.answer is not null
             and ${centre(sql`q.unit_id`)} and ${inScope(sql`q.unit_id`, scope)} and ${within(sql`q.received_on`, p)})
        + (select count(*) from mediation_cases c where c.voided_at is null and c.status = 'agreed'
             and ${centre(sql`c.received_unit_id`)} and ${inScope(sql`c.received_unit_id`, scope)}
             and ${within(sql`c.received_on`, p)}) as resolved`,
  );
  return { received: Number(r!.received), resolved: Number(r!.resolved) };
}

const centreAgreed = (scope: FigureScope, p: FigurePeriod) =>
  sql`c.voided_at is null and c.status = 'agreed' and ${centre(sql`c.received_unit_id`)}
      and ${inScope(sql`c.received_unit_id`, scope)} and ${within(sql`c.closed_on`, p)}`;

const byGrade = (grade: (typeof gradeCodes)[number], closed: boolean): FigureDef => ({
  key: `mediation.cases${closed ? 'Closed' : 'Received'}.${grade}`,
  label: `${closed ? '办结' : '受理'}${grades[grade].label}纠纷`,
  unit: '件',
  definition: `${closed ? '办结日期' : '受理日期'}在期间内、分级为“${grades[grade].label}”的人民调解案件数${COUNTY}`,
  drill: {
    path: `/mediation/cases?grade=${grade}${closed ? '&closedFrom={from}&closedTo={to}' : '&from={from}&to={to}'}&unit={unit}`,
  },
  compute: ({ db, scope, period }) =>
    one(
      db,
      sql`select count(*) as n from mediation_cases c where c.voided_at is null and c.grade = ${grade}
          and ${inScope(sql`c.unit_id`, scope)} and ${within(closed ? sql`c.closed_on` : sql`c.received_on`, period)}`,
    ),
});

export const mediationFigures: FigureDef[] = [
  {
    key: 'mediation.disputesResolved',
    label: '一站式中心化解矛盾纠纷',
    unit: '件',
    definition: `调解中心受理、在期间内调解成功（达成调解协议）结案的纠纷案件数${CENTRE}`,
    drill: { path: '/mediation/cases?centre=true&status=agreed&closedFrom={from}&closedTo={to}' },
    compute: ({ db, scope, period }) =>
      one(db, sql`select count(*) as n from mediation_cases c where ${centreAgreed(scope, period)}`),
  },
  {
    key: 'mediation.judicialConfirmations',
    label: '司法确认',
    unit: '件',
    definition: `调解中心受理的案件中，法院在期间内裁定调解协议有效的件数（民事诉讼法第二百零六条）${CENTRE}`,
    drill: { path: '/mediation/cases?centre=true&status=agreed&closedFrom={from}&closedTo={to}' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select count(*) as n from mediation_confirmations j join mediation_cases c on c.id = j.case_id
            where j.voided_at is null and c.voided_at is null and j.ruling = 'confirmed'
              and ${centre(sql`c.received_unit_id`)} and ${inScope(sql`c.received_unit_id`, scope)}
              and ${within(sql`j.ruled_on`, period)}`,
      ),
  },
  {
    key: 'mediation.amountInvolved',
    label: '涉案金额',
    unit: '元',
    definition: `调解中心在期间内调解成功的纠纷案件的涉案金额之和${CENTRE}`,
    drill: { path: '/mediation/cases?centre=true&status=agreed&closedFrom={from}&closedTo={to}' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select coalesce(sum(c.amount_fen), 0)::float8 / 100 as n from mediation_cases c
            where ${centreAgreed(scope, period)}`,
      ),
  },
  {
    key: 'mediation.visitors',
    label: '接待来访群众',
    unit: '人',
    definition: `期间内调解中心来访登记的来访人数之和（一次登记可有多人同来）${CENTRE}`,
    drill: { path: '/mediation/intake?tab=visits&from={from}&to={to}' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select coalesce(sum(v.persons), 0) as n from mediation_visits v where v.voided_at is null
            and ${centre(sql`v.unit_id`)} and ${inScope(sql`v.unit_id`, scope)} and ${within(sql`v.visited_on`, period)}`,
      ),
  },
  {
    key: 'mediation.onlineAnswers',
    label: '在线答疑',
    unit: '人次',
    definition: `期间内调解中心答复的在线咨询（门户网站、微信等）人次，以答复日期计${CENTRE}`,
    drill: { path: '/mediation/intake?tab=questions&channel=online&from={from}&to={to}' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select count(*) as n from mediation_questions q where q.voided_at is null and q.channel = 'online'
            and q.answer is not null and ${centre(sql`q.unit_id`)} and ${inScope(sql`q.unit_id`, scope)}
            and ${within(sql`q.answered_on`, period)}`,
      ),
  },
  {
    key: 'mediation.legalConsultations',
    label: '提供法律咨询',
    unit: '件',
    definition: `期间内调解中心窗口答复的法律咨询件数，以答复日期计${CENTRE}`,
    drill: { path: '/mediation/intake?tab=questions&channel=counter&from={from}&to={to}' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select count(*) as n from mediation_questions q where q.voided_at is null and q.channel = 'counter'
            and q.answer is not null and ${centre(sql`q.unit_id`)} and ${inScope(sql`q.unit_id`, scope)}
            and ${within(sql`q.answered_on`, period)}`,
      ),
  },
  {
    key: 'mediation.resolutionRate',
    label: '接待事项化解率',
    unit: '比例',
    definition:
      '期间内调解中心接待的事项中已化解的比例。接待事项 = 来访登记（转为调解案件的不重复计）+ 窗口法律咨询 + 中心受理的纠纷案件；' +
      `已化解 = 当场化解办结的来访 + 已答复的咨询 + 达成调解协议的案件。在线答疑不是接待，不计入${CENTRE}`,
    drill: { path: '/mediation/dashboard?from={from}&to={to}' },
    async compute({ db, scope, period }) {
      const { received, resolved } = await receivedAndResolved(db, scope, period);
      return resolutionRate(received, resolved);
    },
  },
  {
    key: 'mediation.caseFilesEvaluated',
    label: '人民调解案卷评定',
    unit: '起',
    definition: `评定日期在期间内的“以案定补”案卷评定中评定的案卷数（含评定后不予补贴的）${COUNTY}`,
    drill: { path: '/mediation/subsidies' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select count(*) as n from mediation_case_evaluations e
            join mediation_evaluation_rounds r on r.id = e.round_id join mediation_cases c on c.id = e.case_id
            where r.voided_at is null and ${inScope(sql`c.unit_id`, scope)} and ${within(sql`r.held_on`, period)}`,
      ),
  },
  {
    key: 'mediation.subsidiesPaid',
    label: '以案定补兑现资金',
    unit: '元',
    definition: `兑现日期在期间内的案卷评定所核定的补贴金额之和（谁调解补谁）${COUNTY}`,
    drill: { path: '/mediation/subsidies' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select coalesce(sum(e.amount_fen), 0)::float8 / 100 as n from mediation_case_evaluations e
            join mediation_evaluation_rounds r on r.id = e.round_id join mediation_cases c on c.id = e.case_id
            where r.voided_at is null and r.paid_on is not null and ${inScope(sql`c.unit_id`, scope)}
              and ${within(sql`r.paid_on`, period)}`,
      ),
  },
  ...(['recruited', 'selected'] as const).map((a): FigureDef => ({
    key: a === 'recruited' ? 'mediation.fullTimeMediatorsRecruited' : 'mediation.fullTimeMediatorsSelected',
    label: `${a === 'recruited' ? '招聘' : '选聘'}专职人民调解员`,
    unit: '名',
    definition: `聘任日期在期间内、以${a === 'recruited' ? '招聘' : '选聘'}方式产生的专职人民调解员人数（在册，未作废）${COUNTY}`,
    drill: { path: '/mediation/committees' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select count(*) as n from mediators m where m.voided_at is null and m.employment = 'fullTime'
              and m.appointment = ${a} and ${inScope(sql`m.unit_id`, scope)} and ${within(sql`m.appointed_on`, period)}`,
      ),
  })),
  {
    key: 'mediation.casesReceived',
    label: '受理矛盾纠纷',
    unit: '件',
    definition: `受理日期在期间内的人民调解案件数（含调解中心受理的）${COUNTY}`,
    drill: { path: '/mediation/cases?from={from}&to={to}&unit={unit}' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select count(*) as n from mediation_cases c where c.voided_at is null
            and ${inScope(sql`c.unit_id`, scope)} and ${within(sql`c.received_on`, period)}`,
      ),
  },
  {
    key: 'mediation.casesAgreed',
    label: '调解成功',
    unit: '件',
    definition: `办结日期在期间内、达成调解协议的人民调解案件数${COUNTY}`,
    drill: { path: '/mediation/cases?status=agreed&closedFrom={from}&closedTo={to}&unit={unit}' },
    compute: ({ db, scope, period }) =>
      one(
        db,
        sql`select count(*) as n from mediation_cases c where c.voided_at is null and c.status = 'agreed'
            and ${inScope(sql`c.unit_id`, scope)} and ${within(sql`c.closed_on`, period)}`,
      ),
  },
  ...gradeCodes.flatMap((g) => [byGrade(g, false), byGrade(g, true)]),
];
