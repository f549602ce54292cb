import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { orgUnits } from '../org/schema.js';
import type { Grant } from './actor.js';
import { roleGrants, roles } from './schema.js';

/** A user's grants with their scopes resolved to unit paths, in one query. */
export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({
      role: roleGrants.roleCode,
      unitId: roleGrants.unitId,
      subtree: roleGrants.subtree,
      path: orgUnits.path,
      permissions: roles.permissions,
    })
    .from(roleGrants)
    .innerJoin(roles, eq(roles.code, roleGrants.roleCode))
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
    .where(eq(roleGrants.userId, userId));
  return rows.map((r) => ({
    role: r.role,
    unitId: r.unitId,
    subtree: r.subtree,
    path: r.path,
    permissions: new Set(r.permissions),
  }));
}
