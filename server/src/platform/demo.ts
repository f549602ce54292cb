import { sql } from 'drizzle-orm';
import { query } from '../db/database.js';
import type { Platform } from './platform.js';

/** True when the database holds no organisation yet: the only state the demo may be loaded into. */
export async function isEmpty(platform: Platform): Promise<boolean> {
  const [r] = await query<{ n: number }>(platform.db, sql`select count(*)::int as n from org_units`);
  return Number(r?.n ?? 0) === 0;
}

/** Loads Suo County 2023 by walking the manifests' demo steps in order. */
export async function loadDemo(platform: Platform): Promise<{ ms: number }> {
  const started = Date.now();
  const steps = platform.modules
    .filter((m) => m.demo)
    .map((m) => ({ name: m.name, ...m.demo! }))
    .sort((a, b) => a.order - b.order);
  for (const s of steps) {
    platform.log.info({ module: s.name }, 'loading demo data');
    await s.load(platform);
  }
  return { ms: Date.now() - started };
}
