import { describe, expect, it } from 'vitest';
import { drillLink, intersectScopes, mapLimit, monthsOf } from './scopes.js';

describe('intersectScopes', () => {
  const county = { path: '/1/5/', subtree: true };
  it('narrows a county-wide scope to a township’s subtree', () => {
    expect(intersectScopes([county], { path: '/1/5/20/', subtree: true })).toEqual([
      { path: '/1/5/20/', subtree: true },
    ]);
  });
  it('keeps only the asker’s part when the asker sees less than the unit', () => {
    const own = { path: '/1/5/20/31/', subtree: false };
    expect(intersectScopes([own], { path: '/1/5/20/', subtree: true })).toEqual([own]);
  });
  it('gives a unit alone when asked for the unit alone', () => {
    expect(intersectScopes([county], { path: '/1/5/', subtree: false })).toEqual([
      { path: '/1/5/', subtree: false },
    ]);
  });
  it('gives nothing for a unit outside the scope, and nothing for an own-unit scope above the unit', () => {
    expect(intersectScopes([county], { path: '/1/6/', subtree: true })).toEqual([]);
    expect(intersectScopes([{ path: '/1/5/', subtree: false }], { path: '/1/5/20/', subtree: true })).toEqual(
      [],
    );
    // '/1/5/2' is not a prefix of '/1/5/20/': paths end with a slash
    expect(
      intersectScopes([{ path: '/1/5/2/', subtree: true }], { path: '/1/5/20/', subtree: true }),
    ).toEqual([]);
  });
  it('the system’s whole tree narrows to the unit', () => {
    expect(intersectScopes([{ path: '/', subtree: true }], { path: '/1/', subtree: true })).toEqual([
      { path: '/1/', subtree: true },
    ]);
  });
});

describe('drillLink', () => {
  const year = { from: '2023-01-01', to: '2023-12-31' };
  it('fills unit and period, and drops what has no value', () => {
    const d = { drill: { path: '/activities?kind=publicityLecture&unit={unit}&from={from}&to={to}' } };
    expect(drillLink(d, year)).toBe('/activities?kind=publicityLecture&from=2023-01-01&to=2023-12-31');
    expect(drillLink(d, { ...year, unitId: 42 })).toBe(
      '/activities?kind=publicityLecture&unit=42&from=2023-01-01&to=2023-12-31',
    );
  });
  it('gives the year, a bare path, or nothing', () => {
    expect(drillLink({ drill: { path: '/accountability?year={year}' } }, year)).toBe(
      '/accountability?year=2023',
    );
    expect(drillLink({ drill: { path: '/inspections' } }, year)).toBe('/inspections');
    expect(drillLink({ drill: { path: '/findings?unit={unit}' } }, year)).toBe('/findings');
    expect(drillLink({}, year)).toBeNull();
  });
});

describe('monthsOf', () => {
  it('ends February on the 29th in a leap year and on the 28th otherwise', () => {
    expect(monthsOf(2024)[1]).toEqual({ month: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(monthsOf(2023)[1]!.to).toBe('2023-02-28');
    expect(monthsOf(2023)[11]).toEqual({ month: '2023-12', from: '2023-12-01', to: '2023-12-31' });
  });
});

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (x) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, x));
      running--;
      return x * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });
});
