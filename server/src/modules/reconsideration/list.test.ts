import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { Actor } from '../../platform/access/actor.js';
import { backends, testApp, type TestApp } from '../../test/harness.js';
import type { CaseQuery } from './contract.js';
import { stageCodes } from './kinds.js';
import { listCases } from './queries.js';
import { ReconsiderationService } from './service.js';
import { P, loadMany, presentListItem } from './store.js';

/**
 * The list pages and counts in SQL and computes timelines for its page only; this holds it to the
 * plain answer (every case in scope loaded, its timeline computed, filtered, sliced) for every stage
 * and flag, several pages, and days on which cases left waiting lapse into 视为受理 and 视为放弃.
 */
describe.each(backends())('the reconsideration case list on %s', (kind) => {
  let t: TestApp;
  const ctx = { actor: Actor.system };
  beforeAll(async () => {
    t = await testApp(kind);
    const [organ] = await query<{ id: number }>(
      t.platform.db,
      sql`select id from org_units where name = '索县人民政府'`,
    );
    const at = (today: string) =>
      new ReconsiderationService(t.platform.db, t.platform.calendar, t.platform.fieldCrypto, () => today);
    const application = (receivedOn: string, applicantName: string) => ({
      channel: 'counter' as const,
      receivedOn,
      applicantKind: 'person' as const,
      applicantName,
      respondentName: '索县交通运输局',
      actDescription: '责令限期拆除道路两侧违法建筑的决定',
      request: '撤销该决定',
      factsAndReasons: '申请人认为所涉建筑系合法建造。',
      learnedOn: receivedOn,
      organUnitId: organ!.id,
      officers: ['旦增尼玛', '索朗次仁'],
      attachmentIds: [],
    });
    // left in review over 国庆 2024: deemed accepted once its 5 working days pass
    await at('2024-09-27').register(ctx, application('2024-09-27', '测试甲'));
    // a correction notice never answered: deemed abandoned after 10 working days
    const { id } = await at('2024-10-08').register(ctx, application('2024-10-08', '测试乙'));
    await at('2024-10-09').correctionNotice(ctx, id, { on: '2024-10-09', items: ['提供身份证明'] });
  });
  afterAll(() => t?.close());

  const plain = async (f: CaseQuery, today: string) => {
    const p = {
      crypto: t.platform.fieldCrypto,
      cal: await t.platform.calendar.calendar(t.platform.db),
      today,
    };
    const all = (await loadMany(t.platform.db, Actor.system, P.read, sql`true`))
      .map((c) => presentListItem(c, p))
      .filter((c) => (!f.stage || c.stage === f.stage) && (!f.flag || c[f.flag]));
    const start = (f.page - 1) * f.pageSize;
    return { items: all.slice(start, start + f.pageSize).map((c) => c.id), total: all.length };
  };

  it.each(['2024-09-30', '2024-10-15', '2024-11-01'])('equals the plain answer on %s', async (today) => {
    let moved = 0;
    for (const stage of [undefined, ...stageCodes])
      for (const flag of [undefined, 'overdue', 'approaching', 'late', 'noReply'] as const)
        for (const page of [1, 2, 3]) {
          const f = { stage, flag, page, pageSize: 7 } as CaseQuery;
          const got = await listCases(
            t.platform.db,
            t.platform.calendar,
            t.platform.fieldCrypto,
            Actor.system,
            f,
            today,
          );
          const want = await plain(f, today);
          expect({ items: got.items.map((c) => c.id), total: got.total }, JSON.stringify(f)).toEqual(want);
          if (stage && !flag && page === 1)
            moved += got.items.filter((c) => ['测试甲', '测试乙'].includes(c.applicantName)).length;
        }
    // the two waiting cases are found under some stage every day (intake, accepted, correction, abandoned)
    expect(moved).toBe(2);
  });
});
