import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query, type Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/actor.js';
import { badInput } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { AccountabilityService } from '../accountability/service.js';
import { AssessmentService } from '../assessment/service.js';
import { FindingService } from '../findings/service.js';
import { PlanningDashboard, planningDashboard, type DashboardQuery } from '../planning/index.js';
import { PlanningService } from '../planning/service.js';
import { todayInShanghai } from '../../platform/calendar/dates.js';

export const P = { read: 'dashboard.read' } as const;

// ——— contract ———

export const SummaryQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度，默认今年'),
  division: z
    .string()
    .regex(/^\d{6,12}$/, '行政区划代码应为 6—12 位数字')
    .optional()
    .describe('行政区划代码（含下级）；不填为本人权限范围内的全部'),
});
export type SummaryQuery = z.output<typeof SummaryQuery>;

const count = z.number().int();

export const Summary = z.object({
  year: z.number().int(),
  divisionCode: z.string().nullable(),
  today: z.string(),
  planning: PlanningDashboard,
  accountability: z
    .array(
      z.object({
        campaignId: z.string(),
        title: z.string(),
        unitName: z.string(),
        dueOn: z.string(),
        required: count,
        submitted: count,
        missing: count,
        reviewed: count,
        /** submitted ÷ required, null when nobody is required in the asker's scope */
        rate: z.number().nullable(),
        links: z.object({ campaign: z.string(), missing: z.string() }),
      }),
    )
    .describe('述法：当年各次述法活动的应述尽述情况（只计本人权限范围内的述法人）'),
  assessment: z
    .object({
      roundId: z.string(),
      title: z.string(),
      unitName: z.string(),
      publishedOn: z.string().nullable(),
      link: z.string(),
      ranking: z.array(
        z.object({
          unitId: z.number().int(),
          unitName: z.string(),
          total: z.number(),
          maxPoints: z.number(),
          rank: z.number().int(),
          link: z.string(),
        }),
      ),
    })
    .nullable()
    .describe('考核：当年最近发布结果的一次考核的排名；尚未发布的为空'),
  findings: z
    .object({
      open: count,
      closed: count,
      overdue: count,
      links: z.object({ open: z.string(), closed: z.string(), overdue: z.string() }),
    })
    .describe('问题整改：当前未销号、已销号、逾期未销号的问题数（按整改单位限定在本人权限范围内）'),
});
export type Summary = z.infer<typeof Summary>;

// ——— service ———

/** Division codes in the subtree of `code` (itself included); an unknown code is a 400 on `division`. */
async function divisionCodes(db: Db, code: string): Promise<Set<string>> {
  const rows = await query<{ code: string }>(
    db,
    sql`select c.code from divisions d join divisions c on c.path like d.path || '%' where d.code = ${code}`,
  );
  if (!rows.length) throw badInput('division', `行政区划代码 ${code} 不存在`);
  return new Set(rows.map((r) => r.code));
}

/**
 * The leaders' cockpit: one call gathering what each module counts, through the modules' own services,
 * so every number is the one the module itself shows and each carries the web path that lists it.
 */
export class DashboardService {
  private readonly planning: PlanningService;
  private readonly accountability: AccountabilityService;
  private readonly assessment: AssessmentService;
  private readonly findings: FindingService;

  constructor(private readonly platform: Platform) {
    const db = platform.db;
    this.planning = new PlanningService(db, platform.calendar, platform.files);
    this.accountability = new AccountabilityService(db);
    this.assessment = new AssessmentService(db);
    this.findings = new FindingService(db);
  }

  async summary(actor: Actor, f: SummaryQuery): Promise<Summary> {
    const db = this.platform.db;
    const today = todayInShanghai();
    const year = f.year ?? Number(today.slice(0, 4));
    const codes = f.division ? await divisionCodes(db, f.division) : null;
    const inDivision = (code: string) => !codes || codes.has(code);
    const q: DashboardQuery = { year, division: f.division };
    // Sequential: PGlite serves one query at a time, and one request should not take a whole pool.
    const planning = await planningDashboard(db, this.planning, actor, q);
    const accountability = (await this.accountability.listCampaigns(actor, year))
      .filter((c) => inDivision(c.divisionCode))
      .map((c) => ({
        campaignId: c.id,
        title: c.title,
        unitName: c.unitName,
        dueOn: c.dueOn,
        required: c.required,
        submitted: c.submitted,
        missing: c.required - c.submitted,
        reviewed: c.reviewed,
        rate: c.required ? c.submitted / c.required : null,
        links: {
          campaign: `/accountability?campaignId=${c.id}`,
          missing: `/accountability?campaignId=${c.id}&status=missing`,
        },
      }));
    return {
      year,
      divisionCode: f.division ?? null,
      today,
      planning,
      accountability,
      assessment: await this.ranking(actor, year, inDivision),
      findings: await this.findingCounts(actor),
    };
  }

  /** The year's most recently published round in the division (the list is newest first). */
  private async ranking(actor: Actor, year: number, inDivision: (code: string) => boolean) {
    for (const r of await this.assessment.listRounds(actor, year)) {
      if (!r.published) continue;
      const round = await this.assessment.getRound(this.platform.db, actor, r.id);
      if (!inDivision(round.divisionCode)) continue;
      const link = `/assessment?roundId=${round.id}`;
      return {
        roundId: round.id,
        title: round.title,
        unitName: round.unitName,
        publishedOn: round.publishedOn,
        link,
        ranking: [...round.results]
          .sort((a, b) => a.rank - b.rank)
          .map((x) => ({
            unitId: x.unitId,
            unitName: x.unitName,
            total: x.total,
            maxPoints: x.maxPoints,
            rank: x.rank,
            link: `${link}&unitId=${x.unitId}`,
          })),
      };
    }
    return null;
  }

  /** Live counts from the findings list itself (its totals), so the drill-down shows the same rows. */
  private async findingCounts(actor: Actor) {
    const total = async (q: {
      state?: ('open' | 'rectifying' | 'submitted' | 'closed')[];
      overdue?: 'true';
    }) => (await this.findings.list(actor, { ...q, page: 1, pageSize: 1 })).total;
    const open = ['open', 'rectifying', 'submitted'] as const;
    return {
      open: await total({ state: [...open] }),
      closed: await total({ state: ['closed'] }),
      overdue: await total({ overdue: 'true' }),
      links: {
        open: `/findings?state=${open.join(',')}`,
        closed: '/findings?state=closed',
        overdue: '/findings?overdue=true',
      },
    };
  }
}
