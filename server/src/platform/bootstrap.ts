import { sql } from 'drizzle-orm';
import { Actor } from './access/actor.js';
import { builtinRoles } from './access/roles.js';
import { roleGrants } from './access/schema.js';
import { syncBuiltinRoles } from './access/service.js';
import { generateInitialPassword, hashPassword } from './auth/password.js';
import { inTx } from '../db/tx.js';
import { isEmpty, loadDemo } from './demo.js';
import { divisions, orgUnits, users } from './org/schema.js';
import type { Platform } from './platform.js';

export interface PrepareResult {
  demoLoaded: boolean;
  demoMs?: number;
  /** initial passwords of the three administrators of a fresh non-demo installation, shown once */
  initialAdmins?: { username: string; password: string }[];
}

/** What every start does after migrating: roles up to date, then demo or first administrators. */
export async function prepare(platform: Platform): Promise<PrepareResult> {
  await syncBuiltinRoles(platform.db, platform.permissions);
  for (const m of platform.modules) for (const s of m.startup ?? []) await s(platform);
  if (!(await isEmpty(platform))) return { demoLoaded: false };
  if (platform.config.demo) {
    const { ms } = await loadDemo(platform);
    return { demoLoaded: true, demoMs: ms };
  }
  return { demoLoaded: false, initialAdmins: await createFirstAdministrators(platform) };
}

/** A fresh installation without demo data: one root unit and the three administrators (三员). */
async function createFirstAdministrators(platform: Platform) {
  const admins = (['sysadmin', 'secadmin', 'auditor'] as const).map((role) => ({
    role,
    username: { sysadmin: 'admin', secadmin: 'security', auditor: 'auditor' }[role],
    password: generateInitialPassword(),
  }));
  const hashes = await Promise.all(admins.map((a) => hashPassword(a.password)));
  await inTx(platform.db, { actor: Actor.system }, async (t) => {
    await t.db
      .insert(divisions)
      .values({ code: '100000', name: '中华人民共和国', level: 0, parentCode: null, path: '/100000/' })
      .onConflictDoNothing();
    const [root] = await t.db
      .insert(orgUnits)
      .values({
        name: '本级单位（请改名）',
        kind: 'government',
        divisionCode: '100000',
        path: 'pending:root',
      })
      .returning();
    await t.db.execute(sql`update org_units set path = ${`/${root!.id}/`} where id = ${root!.id}`);
    for (const [i, a] of admins.entries()) {
      const [u] = await t.db
        .insert(users)
        .values({
          username: a.username,
          displayName: builtinRoles[a.role].name,
          unitId: root!.id,
          passwordHash: hashes[i]!,
          mustChangePassword: true,
        })
        .returning();
      await t.db
        .insert(roleGrants)
        .values({ userId: u!.id, roleCode: a.role, unitId: root!.id, subtree: true });
    }
    t.audit({
      action: 'system.bootstrap',
      entity: 'system',
      diff: { administrators: admins.map((a) => a.username) },
    });
  });
  return admins.map(({ username, password }) => ({ username, password }));
}
