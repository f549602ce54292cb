import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import type { CaseService } from './cases.js';
import { P, todayInShanghai } from './common.js';
import { grades, sources, type Grade, type Source } from './kinds.js';

interface Bucket {
  code: string;
  label: string;
  received: number;
  closed: number;
  agreed: number;
}

/** The centre's dashboard: its figures from the registry, and the cases broken down for drilling down. */
export class DashboardService {
  constructor(
    private readonly platform: Platform,
    private readonly cases: CaseService,
  ) {}

  /** The county the asker works in (a township committee's user sees its county's board, in its own scope). */
  private async countyOf(actor: Actor): Promise<string> {
    const [d] = await query<{ code: string }>(
      this.platform.db,
      sql`select d.code from org_units u join divisions ud on ud.code = u.division_code
          join divisions d on ud.path like d.path || '%' and d.level = least(ud.level, 3)
          where u.id = ${actor.user?.unitId ?? 0}`,
    );
    return d?.code ?? '540626';
  }

  async board(actor: Actor, from: string, to: string) {
    if (from > to) throw badInput('to', '结束日期不能早于开始日期');
    const db = this.platform.db;
    const scope = await this.platform.figures.scopeFor(db, await this.countyOf(actor), actor.scopes(P.read));
    const keys = [...this.platform.figures.byKey.values()]
      .filter((f) => f.module === 'mediation')
      .map((f) => f.key);
    const figures = (await this.platform.figures.computeAll(db, scope, { from, to }, keys)).map(
      ({ key, label, unit, definition, value }) => ({ key, label, unit, definition, value }),
    );
    const visible = inScope(sql`u.path`, actor.scopes(P.read));
    const grouped = (col: ReturnType<typeof sql>, label = sql`null::text`) =>
      query<{ code: string; label: string | null; received: number; closed: number; agreed: number }>(
        db,
        sql`select ${col} as code, ${label} as label,
              count(*) filter (where c.received_on between ${from} and ${to})::int as received,
              count(*) filter (where c.closed_on between ${from} and ${to})::int as closed,
              count(*) filter (where c.status = 'agreed' and c.closed_on between ${from} and ${to})::int as agreed
            from mediation_cases c join org_units u on u.id = c.unit_id
            join mediation_dispute_types t on t.code = c.dispute_type_code
            where c.voided_at is null and ${visible}
              and (c.received_on between ${from} and ${to} or c.closed_on between ${from} and ${to})
            group by 1, 2 order by 3 desc, 1`,
      );
    const byType: Bucket[] = (await grouped(sql`c.dispute_type_code`, sql`t.label`)).map((r) => ({
      ...r,
      label: r.label ?? r.code,
    }));
    const byGrade: Bucket[] = (await grouped(sql`c.grade`)).map((r) => ({
      ...r,
      label: grades[r.code as Grade].label,
    }));
    const bySource: Bucket[] = (await grouped(sql`c.source`)).map((r) => ({
      ...r,
      label: sources[r.code as Source],
    }));
    const byUnit = (await grouped(sql`c.unit_id::text`, sql`u.name`)).map((r) => ({
      ...r,
      unitId: Number(r.code),
      label: r.label ?? r.code,
    }));
    const byMonth = await query<{ month: string; received: number; agreed: number }>(
      db,
      sql`select m.month,
            (select count(*)::int from mediation_cases c join org_units u on u.id = c.unit_id
               where c.voided_at is null and ${visible} and to_char(c.received_on, 'YYYY-MM') = m.month
                 and c.received_on between ${from} and ${to}) as received,
            (select count(*)::int from mediation_cases c join org_units u on u.id = c.unit_id
               where c.voided_at is null and ${visible} and c.status = 'agreed' and to_char(c.closed_on, 'YYYY-MM') = m.month
                 and c.closed_on between ${from} and ${to}) as agreed
          from (select to_char(g, 'YYYY-MM') as month
                from generate_series(${from}::date, ${to}::date, interval '1 month') g) m
          order by m.month`,
    );
    // Agreements not yet taken to court whose 30-day window is still open on the period's last day (or today).
    const asOf = to < todayInShanghai() ? to : todayInShanghai();
    const open = await query<{ id: string; number: string; effective_on: string; division: string }>(
      db,
      sql`select c.id, c.number, c.agreement_effective_on as effective_on, u.division_code as division
          from mediation_cases c join org_units u on u.id = c.unit_id
          where c.voided_at is null and c.status = 'agreed' and ${visible}
            and c.agreement_effective_on between (${asOf}::date - 45) and ${asOf}::date
            and not exists (select 1 from mediation_confirmations j where j.case_id = c.id and j.voided_at is null)
          order by c.agreement_effective_on`,
    );
    const windowsClosing: { caseId: string; number: string; windowEnd: string }[] = [];
    for (const c of open) {
      const w = await this.cases.window(c.effective_on, c.division);
      if (w && w.end >= asOf) windowsClosing.push({ caseId: c.id, number: c.number, windowEnd: w.end });
    }
    return { from, to, figures, byType, byGrade, bySource, byUnit, byMonth, windowsClosing };
  }
}
