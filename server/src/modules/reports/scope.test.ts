import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';

/**
 * The by-id routes of reports, classified in the route walk as proved here: a report of 嘉黎县
 * (drafted by the city office) is out of reach of Suo's office and leader (404, nothing changed),
 * Suo's own report is within it.
 */
const routes: [method: string, path: string, who: 'office' | 'leader', body?: unknown][] = [
  ['GET', '', 'office'],
  ['GET', '/preview', 'office'],
  ['POST', '/preview', 'office', { outline: { title: '某县2023年报告', preamble: '', sections: [] } }],
  [
    'PUT',
    '/outline',
    'office',
    { outline: { title: '某县2023年报告', preamble: '', sections: [] }, baseSeq: 1 },
  ],
  ['POST', '/render', 'office'],
  ['POST', '/comments/start', 'office', { dueOn: '2099-01-01' }],
  ['POST', '/comments', 'leader', { body: '意见意见' }],
  ['POST', '/comments/close', 'office'],
  ['POST', '/submit', 'office'],
  ['POST', '/signoff', 'leader', { decision: 'approve' }],
  ['POST', '/secrecy-review', 'office', { result: 'passed', note: '不涉密' }],
  ['POST', '/publish', 'office', {}],
  ['GET', '/workflow', 'office'],
  ['GET', '/versions/1', 'office'],
  ['GET', '/docx', 'office'],
  ['GET', '/html', 'office'],
];

describe.each(backends())('report scope on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  let jiali: string;
  let suo: string;

  beforeAll(async () => {
    t = await testApp(kind);
    for (const u of ['office', 'leader', 'city']) c[u] = await t.as(u);
    const j = await c.city!.post('/api/reports', { year: 2023, divisionCode: '540621' });
    expect(j.json()).toMatchObject({ subjectName: '嘉黎县' });
    jiali = j.json().id;
    suo = (await c.office!.post('/api/reports', { year: 2023, divisionCode: '540626' })).json().id;
  });
  afterAll(() => t?.close());

  it.each(routes)(
    '%s /api/reports/:id%s: another county’s report is out of reach',
    async (method, path, who, body) => {
      const r = await c[who]!.request(method, `/api/reports/${jiali}${path}`, body);
      expect([r.statusCode, r.json().code]).toEqual([404, 'NOT_FOUND']);
    },
  );

  it.each(routes)(
    '%s /api/reports/:id%s: the own county’s report is within reach',
    async (method, path, who, body) => {
      const r = await c[who]!.request(method, `/api/reports/${suo}${path}`, body);
      expect(r.statusCode).not.toBe(404);
      expect(r.statusCode).not.toBe(403);
    },
  );

  it('left the other county’s report untouched', async () => {
    const r = (await c.city!.get(`/api/reports/${jiali}`)).json();
    expect(r).toMatchObject({ state: 'draft', latestSeq: 1, commentRound: 0 });
  });
});
