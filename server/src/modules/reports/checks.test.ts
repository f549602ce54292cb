import { describe, expect, it } from 'vitest';
import type { ModuleManifest } from '../../platform/manifest.js';
import { reportChecks, requiredItemsCheck, runChecks } from './checks.js';
import type { Outline } from './contract.js';
import { seedOutline } from './seed-outline.js';

const check = (key: string) => {
  const c = reportChecks.find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
};

/** the seed's own numbers pass every check */
const seed = {
  'enforcement.officersReviewed': 154,
  'enforcement.officersRemoved': 45,
  'enforcement.officersCertified': 109,
  'enforcement.trainingSessions': 10,
  'enforcement.trainingLectures': 7,
  'enforcement.trainingCourses': 3,
  'supervision.problemsFound': 15,
  'supervision.problemsRectified': 13,
  'publicity.campaignEvents': 234,
  'publicity.lectures': 224,
  'planning.tasks.total': 40,
  'planning.tasks.done': 30,
  'planning.tasks.completionRate': 0.75,
};

describe('consistency checks', () => {
  it('all pass on the seed report’s figures', () => {
    for (const c of reportChecks) expect([c.key, c.evaluate(seed).ok]).toEqual([c.key, true]);
  });

  // [check, crafted values that must make it fail, words the detail must contain]
  const crafted: [string, Record<string, number>, string][] = [
    [
      'reports.enforcement.certifiedEqualsReviewedMinusRemoved',
      { 'enforcement.officersCertified': 110 },
      '应余 109 名，报告持证 110 名',
    ],
    [
      'reports.supervision.rectifiedNotAboveFound',
      { 'supervision.problemsRectified': 16 },
      '整改 16 项多于发现 15 项',
    ],
    [
      'reports.enforcement.trainingParts',
      { 'enforcement.trainingCourses': 4 },
      '= 11，与 enforcement.trainingSessions 10 不符',
    ],
    ['reports.enforcement.removedNotAboveReviewed', { 'enforcement.officersRemoved': 155 }, '大于整体'],
    [
      'reports.publicity.lecturesNotAboveEvents',
      { 'publicity.lectures': 240 },
      '部分 publicity.lectures = 240 大于整体',
    ],
    ['reports.planning.doneNotAboveTotal', { 'planning.tasks.done': 41 }, '大于整体'],
    [
      'reports.rate.planning.tasks.completionRate',
      { 'planning.tasks.completionRate': 0.8 },
      '重算应为 0.750',
    ],
  ];
  it.each(crafted)('%s fires on a crafted case', (key, change, words) => {
    const r = check(key).evaluate({ ...seed, ...change });
    expect(r.ok).toBe(false);
    expect(r.detail).toContain(words);
  });

  it('a rate with a zero denominator must be empty', () => {
    const c = check('reports.rate.planning.tasks.completionRate');
    expect(
      c.evaluate({ 'planning.tasks.total': 0, 'planning.tasks.done': 0, 'planning.tasks.completionRate': 0 })
        .ok,
    ).toBe(false);
    expect(
      c.evaluate({
        'planning.tasks.total': 0,
        'planning.tasks.done': 0,
        'planning.tasks.completionRate': null,
      }).ok,
    ).toBe(true);
  });

  it('skips a check whose figures nobody computes or that have no value, rather than failing it', () => {
    const modules = [
      { name: 'reports', label: '', permissions: [], checks: reportChecks },
    ] as ModuleManifest[];
    const owned = (k: string) => !k.startsWith('enforcement.');
    const out = runChecks(modules, owned, {
      ...seed,
      'supervision.problemsFound': null as unknown as number,
    });
    expect(out.find((c) => c.key === 'reports.enforcement.trainingParts')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('无数据来源'),
    });
    expect(out.find((c) => c.key === 'reports.supervision.rectifiedNotAboveFound')).toMatchObject({
      status: 'skipped',
      detail: '暂无数据：supervision.problemsFound',
    });
    expect(out.find((c) => c.key === 'reports.publicity.lecturesNotAboveEvents')?.status).toBe('ok');
  });
});

describe('the five required items (督察规定第二十四条)', () => {
  it('finds the seed report without shortcomings and other matters', () => {
    const r = requiredItemsCheck(seedOutline);
    expect(r).toMatchObject({
      status: 'failed',
      article: '《法治政府建设与责任落实督察工作规定》第二十四条',
    });
    expect(r.detail).toBe('缺少：上一年度推进法治政府建设存在的不足和原因；其他需要报告的情况');
  });

  it('passes once both sections have text, and a heading alone does not count', () => {
    const add = (text: string): Outline => ({
      ...seedOutline,
      sections: [
        ...seedOutline.sections,
        { id: 'x1', level: 1, heading: '存在的不足和原因', text, item: 'shortcomings' },
        { id: 'x2', level: 1, heading: '其他需要报告的情况', text, item: 'other' },
      ],
    });
    expect(requiredItemsCheck(add('')).status).toBe('failed');
    expect(requiredItemsCheck(add('基层执法力量不足。')).status).toBe('ok');
  });

  it('counts the text of the (一)(二) sections under an item’s heading', () => {
    const o: Outline = {
      title: 't',
      preamble: '',
      sections: [
        { id: 'a', level: 1, heading: '主要举措', text: '', item: 'measures' },
        { id: 'b', level: 2, heading: '学法', text: '学法12次。' },
        { id: 'c', level: 1, heading: '不足', text: '', item: 'shortcomings' },
        { id: 'd', level: 1, heading: '第一责任人', text: '履职。', item: 'leaderDuties' },
        { id: 'e', level: 1, heading: '安排', text: '计划。', item: 'plans' },
        { id: 'f', level: 1, heading: '其他', text: '无。', item: 'other' },
      ],
    };
    expect(requiredItemsCheck(o).detail).toBe('缺少：上一年度推进法治政府建设存在的不足和原因');
  });
});
