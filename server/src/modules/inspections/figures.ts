import { sql, type SQL } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { unitsInFigureScope } from '../../platform/figures/registry.js';
import type { FigureDef, FigurePeriod, FigureScope } from '../../platform/manifest.js';
import type { Method } from './kinds.js';

const CAMPAIGN =
  '专项整治督察（督察类别为“专项整治督察”、未作废的督察轮次，如道路交通安全和运输执法领域突出问题专项整治）';
const OWNED = '组织单位在所选行政区划及本人权限范围内；作废的记录不计';

const methodList = (ms: readonly Method[]) =>
  sql.join(
    ms.map((m) => sql`${m}`),
    sql`, `,
  );

/** Actions of a live round of `roundKind`, dated in the period, owned inside the scope. */
const actions = (scope: FigureScope, p: FigurePeriod, roundKind: string, extra: SQL) =>
  sql`from inspection_actions a join inspection_rounds r on r.id = a.round_id
    where a.voided_at is null and r.voided_at is null and r.kind = ${roundKind}
      and a.date between ${p.from}::date and ${p.to}::date and ${extra}`;

const campaignActions = (key: string, label: string, what: string, ms: readonly Method[]): FigureDef => ({
  key,
  label,
  unit: '次',
  drill: { path: '/inspections' },
  definition: `${CAMPAIGN}中的督察事项（不含整改落实督察）数，督察方式为${ms.map((m) => `“${m}”`).join('或')}，一条记录为一次${what}；按事项日期计入期间，${OWNED}`,
  compute: async ({ db, scope, period }) => {
    const [r] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n ${actions(
        scope,
        period,
        'specialCampaign',
        sql`a.kind = 'inspection' and a.method in (${methodList(ms)})
          and a.unit_id in (${unitsInFigureScope(scope)})`,
      )}`,
    );
    return Number(r?.n ?? 0);
  },
});

/** Feedback items of live campaign rounds received in the period. */
const feedback = (scope: FigureScope, p: FigurePeriod) =>
  sql`from inspection_feedback_items i join inspection_rounds r on r.id = i.round_id
    where i.voided_at is null and r.voided_at is null and r.kind = 'specialCampaign'
      and i.received_on between ${p.from}::date and ${p.to}::date
      and i.unit_id in (${unitsInFigureScope(scope)})`;

export const inspectionFigures: FigureDef[] = [
  campaignActions('enforcement.campaignSiteInspections', '专项整治实地检查', '实地检查', [
    '实地检查',
    '现场检查',
  ]),
  campaignActions('enforcement.campaignInterviews', '专项整治个别谈话', '个别谈话', ['个别谈话']),
  campaignActions('enforcement.campaignLedgerReviews', '专项整治查阅资料台账', '查阅资料台账', [
    '查阅台账',
    '查阅资料',
  ]),
  {
    key: 'enforcement.campaignFeedbackItems',
    label: '自治区专项督察反馈问题',
    unit: '项',
    drill: { path: '/inspections' },
    definition: `上级对${CAMPAIGN}反馈的问题项数，按收到反馈日期计入期间；${OWNED}`,
    compute: async ({ db, scope, period }) => {
      const [r] = await query<{ n: number }>(db, sql`select count(*)::int as n ${feedback(scope, period)}`);
      return Number(r?.n ?? 0);
    },
  },
  {
    key: 'enforcement.campaignFeedbackAspects',
    label: '自治区专项督察反馈问题方面',
    unit: '个',
    drill: { path: '/inspections' },
    definition: `上述反馈问题所含的方面数（每个方面各生成一条整改问题），按收到反馈日期计入期间；${OWNED}`,
    compute: async ({ db, scope, period }) => {
      const [r] = await query<{ n: number }>(
        db,
        sql`select count(*)::int as n from inspection_feedback_aspects x
          where x.item_id in (select i.id ${feedback(scope, period)})`,
      );
      return Number(r?.n ?? 0);
    },
  },
  {
    key: 'enforcement.campaignRectificationChecks',
    label: '整改落实督察',
    unit: '次',
    drill: { path: '/inspections' },
    definition: `${CAMPAIGN}中对上级反馈问题整改落实情况开展的督察（督察事项类别为“整改落实督察”）次数，一条记录为一次，按日期计入期间；“回头看”另计；${OWNED}`,
    compute: async ({ db, scope, period }) => {
      const [r] = await query<{ n: number }>(
        db,
        sql`select count(*)::int as n ${actions(
          scope,
          period,
          'specialCampaign',
          sql`a.kind = 'followUp' and a.unit_id in (${unitsInFigureScope(scope)})`,
        )}`,
      );
      return Number(r?.n ?? 0);
    },
  },
  {
    key: 'assessment.townshipsInspected',
    label: '督察指导考核乡镇数',
    unit: '个',
    drill: { path: '/inspections' },
    definition:
      '期间内在“督察指导考核”轮次中至少有一条督察事项（现场检查、听取汇报、查阅资料、随机询问等）的不同乡镇个数；乡镇在所选行政区划及本人权限范围内，作废的轮次和事项不计',
    compute: async ({ db, scope, period }) => {
      const [r] = await query<{ n: number }>(
        db,
        sql`select count(distinct a.target_unit_id)::int as n ${actions(
          scope,
          period,
          'assessment',
          sql`a.kind = 'inspection' and a.target_unit_id in (
            select u.id from org_units u where u.kind = 'township' and u.id in (${unitsInFigureScope(scope)}))`,
        )}`,
      );
      return Number(r?.n ?? 0);
    },
  },
];
