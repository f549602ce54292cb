import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { divisions, orgUnits } from '../org/schema.js';
import type { GovernmentView, TownshipView } from './contract.js';

/** People's governments (the organs an application may be addressed to), county level first. */
export function governments(db: Db): Promise<z.infer<typeof GovernmentView>[]> {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, divisionCode: orgUnits.divisionCode })
    .from(orgUnits)
    .innerJoin(divisions, eq(divisions.code, orgUnits.divisionCode))
    .where(and(eq(orgUnits.kind, 'government'), eq(orgUnits.active, true)))
    .orderBy(desc(divisions.level), asc(orgUnits.divisionCode), asc(orgUnits.sort));
}

/** Townships (level-4 divisions) with their county, for the forms' "where" field. */
export function townships(db: Db): Promise<z.infer<typeof TownshipView>[]> {
  const county = alias(divisions, 'county');
  return db
    .select({ code: divisions.code, name: divisions.name, county: county.name })
    .from(divisions)
    .innerJoin(county, eq(county.code, divisions.parentCode))
    .where(eq(divisions.level, 4))
    .orderBy(asc(divisions.code));
}
