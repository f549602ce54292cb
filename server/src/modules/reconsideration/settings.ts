/**
 * An organ's own settings: the 字号 prefix of its case numbers (索政复) and which decision types its
 * correction rate (纠错率) counts. Practice varies by province (rules-research §1.1), hence a setting;
 * the default counts 变更、撤销、确认违法、责令履行、确认无效.
 */
import { eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { inScope } from '../../platform/access/actor.js';
import { badInput } from '../../platform/http/errors.js';
import { defaultCorrectiveTypes, type DecisionType } from './kinds.js';
import { reconsiderationSettings as settings } from './schema.js';
import { P } from './store.js';

/** 索县人民政府 → 索政复: the first character of the county's name, then 政复. */
export function defaultPrefix(divisionName: string): string {
  return `${[...divisionName][0]}政复`;
}

async function organ(db: Db, organUnitId: number) {
  const [o] = await query<{ id: number; name: string; path: string; division_name: string }>(
    db,
    sql`select u.id, u.name, u.path, d.name as division_name from org_units u join divisions d on d.code = u.division_code
        where u.id = ${organUnitId} and u.kind = 'government'`,
  );
  return o;
}

export async function numberPrefixOf(db: Db, organUnitId: number): Promise<string> {
  const [s] = await db.select().from(settings).where(eq(settings.organUnitId, organUnitId));
  if (s) return s.numberPrefix;
  return defaultPrefix((await organ(db, organUnitId))!.division_name);
}

export async function getSettings(db: Db, organUnitId: number) {
  const o = await organ(db, organUnitId);
  if (!o) throw badInput('organUnitId', `复议机关 ${organUnitId} 不存在或不是人民政府`);
  const [s] = await db.select().from(settings).where(eq(settings.organUnitId, organUnitId));
  return {
    organUnitId,
    organName: o.name,
    numberPrefix: s?.numberPrefix ?? defaultPrefix(o.division_name),
    correctiveTypes: (s?.correctiveTypes ?? [...defaultCorrectiveTypes]) as DecisionType[],
    configured: !!s,
  };
}

export async function setSettings(
  db: Db,
  ctx: RequestContext,
  input: { organUnitId: number; numberPrefix: string; correctiveTypes: DecisionType[] },
) {
  return inTx(db, ctx, async (t) => {
    const [o] = await query<{ id: number }>(
      t.db,
      sql`select id from org_units where id = ${input.organUnitId} and kind = 'government'
          and (${inScope(sql`path`, ctx.actor.scopes(P.settings))})`,
    );
    if (!o) throw badInput('organUnitId', `复议机关 ${input.organUnitId} 不存在或不在您的管理范围内`);
    const before = await getSettings(t.db, input.organUnitId);
    const types = [...new Set(input.correctiveTypes)];
    await t.db
      .insert(settings)
      .values({
        organUnitId: o.id,
        numberPrefix: input.numberPrefix,
        correctiveTypes: types,
        updatedBy: ctx.actor.id,
      })
      .onConflictDoUpdate({
        target: settings.organUnitId,
        set: {
          numberPrefix: input.numberPrefix,
          correctiveTypes: types,
          updatedBy: ctx.actor.id,
          updatedAt: new Date(),
        },
      });
    t.audit({
      action: 'reconsideration.settings.set',
      entity: 'reconsiderationSettings',
      entityId: o.id,
      diff: {
        numberPrefix: [before.numberPrefix, input.numberPrefix],
        correctiveTypes: [before.correctiveTypes, types],
      },
    });
    return getSettings(t.db, o.id);
  });
}
