import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testApp, type TestApp } from '../../test/harness.js';
import { activityFigures } from './figures.js';

/** The seed lives beside the repository: ../shared/seed from the repo root. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const seedPath = path.resolve(repoRoot, '../shared/seed/suo-county-2023-figures.json');

interface SeedFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
  approx: boolean;
  quote: string;
}

function readSeed(): { division: string; year: number; figures: SeedFigure[] } {
  if (!fs.existsSync(seedPath))
    throw new Error(`找不到种子指标文件 ${seedPath}：本测试据此核对 2023 年索县报告的每个数字，不能跳过`);
  return JSON.parse(fs.readFileSync(seedPath, 'utf8')) as ReturnType<typeof readSeed>;
}

/** 300 → 100, 234 → 1, 12000 → 1000: the place value of the last non-zero digit. */
export function placeOfLastDigit(v: number): number {
  let p = 1;
  while (v % (p * 10) === 0 && v !== 0) p *= 10;
  return p;
}

/** The seed's matching rule: ratios by whole percent, 余/多 figures inside their band, the rest exactly. */
export function matches(f: SeedFigure, actual: number | null): boolean {
  if (actual === null) return false;
  if (f.unit === '比例') return Math.round(actual * 100) === Math.round(f.value * 100);
  if (f.approx) return actual >= f.value && actual < f.value + placeOfLastDigit(f.value);
  return actual === f.value;
}

describe('the seed matching rule', () => {
  it('reads 余 and 多 as a band up to the next unit of the last non-zero digit', () => {
    const f = (value: number, approx = true) => ({
      key: 'k',
      label: '',
      unit: '次',
      quote: '',
      value,
      approx,
    });
    expect([299, 300, 399, 400].map((v) => matches(f(300), v))).toEqual([false, true, true, false]);
    expect([233, 234, 235].map((v) => matches(f(234), v))).toEqual([false, true, false]);
    expect([11999, 12000, 12999, 13000].map((v) => matches(f(12000), v))).toEqual([false, true, true, false]);
    expect(matches(f(42, false), 42)).toBe(true);
  });
});

describe.each(backends())('Suo County 2023 figures from the demo records on %s', (kind) => {
  let t: TestApp;
  const seed = readSeed();
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t?.close());

  it('reproduces every figure a module owns, under the seed rules', async () => {
    const c = await t.as('office');
    const r = await c.get(
      `/api/figures?division=${seed.division}&from=${seed.year}-01-01&to=${seed.year}-12-31`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const values = new Map<string, number | null>(
      r.json<{ figures: { key: string; value: number | null }[] }>().figures.map((f) => [f.key, f.value]),
    );
    const owned = seed.figures.filter((f) => values.has(f.key));
    const unowned = seed.figures.filter((f) => !values.has(f.key)).map((f) => f.key);
    console.log(
      `[seed figures] ${owned.length}/${seed.figures.length} owned; not yet owned by any module (${unowned.length}): ${unowned.join(', ') || '—'}`,
    );
    const wrong = owned
      .filter((f) => !matches(f, values.get(f.key)!))
      .map((f) => `${f.key}: 期望 ${f.approx ? `${f.value}余` : f.value}，实得 ${values.get(f.key)}`);
    expect(wrong).toEqual([]);
    expect(owned.length).toBeGreaterThan(0);
  });

  // Computed together, the ledger figures share one grouped scan; each alone runs its own query.
  // Both must give the same number, for the county, for one township, and for a single month.
  it('gives each ledger figure the same value alone as from the shared summary', async () => {
    const root = [{ path: '/', subtree: true }];
    const county = await t.platform.figures.scopeFor(t.platform.db, seed.division, root);
    const township = await t.platform.figures.scopeFor(t.platform.db, '540626101', root);
    const cases = [
      { scope: county, period: { from: '2023-01-01', to: '2023-12-31' } },
      { scope: township, period: { from: '2023-01-01', to: '2023-12-31' } },
      { scope: county, period: { from: '2023-12-01', to: '2023-12-31' } },
    ];
    let nonZero = 0;
    for (const { scope, period } of cases) {
      const memo = new Map<string, Promise<unknown>>();
      for (const f of activityFigures) {
        const alone = await f.compute({ db: t.platform.db, scope, period });
        const shared = await f.compute({ db: t.platform.db, scope, period, memo });
        expect(shared, `${f.key} ${scope.divisionCode} ${period.from}`).toBe(alone);
        if (alone) nonZero++;
      }
    }
    // the comparison means something only where the demo has records
    expect(nonZero).toBeGreaterThan(activityFigures.length);
  });
});
