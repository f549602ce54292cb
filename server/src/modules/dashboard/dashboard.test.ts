import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import type { Summary } from './service.js';

const URL = '/api/dashboard/summary?year=2023&division=540626';

describe.each(backends())('dashboard summary on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let s: Summary;

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    const r = await office.get(URL);
    expect(r.statusCode, r.body).toBe(200);
    s = r.json<Summary>();
  });
  afterAll(() => t?.close());

  it('is open to the office, the city and the leaders, not to clerks', async () => {
    for (const who of ['leader', 'city']) expect((await (await t.as(who)).get(URL)).statusCode).toBe(200);
    for (const who of ['yala', 'jiaoyu', 'mediator'])
      expect((await (await t.as(who)).get(URL)).statusCode, who).toBe(403);
    expect((await t.anonymous().get(URL)).statusCode).toBe(401);
  });

  it('carries the planning dashboard as planning itself answers it', async () => {
    expect(s.planning.total).toBe(40);
    expect(s.planning.byState.find((x) => x.state === 'done')!.count).toBe(37);
    expect(s.planning.byState.find((x) => x.state === 'overdue')!.count).toBe(3);
    const direct = (await office.get('/api/planning/dashboard?year=2023&division=540626')).json();
    expect(s.planning).toEqual(direct);
  });

  it('shows each 述法 campaign’s completeness as its own completeness view counts it', async () => {
    expect(s.accountability.length).toBeGreaterThan(0);
    for (const c of s.accountability) {
      const v = (await office.get(`/api/accountability/campaigns/${c.campaignId}/completeness`)).json();
      expect(c).toMatchObject({ required: v.required, submitted: v.submitted, missing: v.missing });
      expect(c.links.missing).toBe(`/accountability?campaignId=${c.campaignId}&status=missing`);
    }
  });

  it('ranks the year’s published assessment round', async () => {
    expect(s.assessment).not.toBeNull();
    const round = (await office.get(`/api/assessment/rounds/${s.assessment!.roundId}`)).json();
    expect(round.published).toBe(true);
    expect(s.assessment!.ranking.map((r) => r.unitId).sort()).toEqual(
      round.results.map((r: { unitId: number }) => r.unitId).sort(),
    );
    const ranks = s.assessment!.ranking.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('counts findings as the findings list does', async () => {
    const total = async (q: string) => (await office.get(`/api/findings?${q}&pageSize=1`)).json().total;
    expect(s.findings.open).toBe(await total('state=open,rectifying,submitted'));
    expect(s.findings.closed).toBe(await total('state=closed'));
    expect(s.findings.overdue).toBe(await total('overdue=true'));
    expect(s.findings.links.overdue).toBe('/findings?overdue=true');
  });

  it('filters by division: a county outside 索县 has none of its tasks or rounds', async () => {
    const city = await t.as('city');
    const other = (await city.get('/api/dashboard/summary?year=2023&division=540621')).json<Summary>();
    expect(other.planning.total).toBe(0);
    expect(other.assessment).toBeNull();
    expect(other.accountability).toEqual([]);
    expect((await office.get('/api/dashboard/summary?division=123456')).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'division' }],
    });
  });
});
