import { describe, expect, it } from 'vitest';
import type { FigureDef } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import { aggregationOf, combine, narrowToUnit } from './values.js';

const def = (key: string, unit: string, label = key, extra: object = {}): FigureDef & { module: string } => ({
  key,
  label,
  unit,
  definition: '',
  module: key.split('.')[0]!,
  compute: async () => null,
  ...extra,
});
const defs = [
  def('mediation.disputesResolved', '件'),
  def('mediation.amountInvolved', '元'),
  def('mediation.resolutionRate', '比例'),
  def('reconsideration.averageDaysToDecision', '天', '平均审理天数'),
  def('planning.tasks.done', '项'),
  def('planning.tasks.total', '项'),
  def('planning.tasks.completionRate', '比例'),
  def('x.rate', '%', '某比率', { parts: { numerator: 'x.a', denominator: 'x.b', scale: 100 } }),
  def('x.a', '件'),
  def('x.b', '件'),
];
const platform = { figures: { byKey: new Map(defs.map((d) => [d.key, d])) } } as unknown as Platform;

describe('roll-up of a city from its counties', () => {
  const counties = [
    {
      'mediation.disputesResolved': 12,
      'mediation.amountInvolved': 1_834_000,
      'mediation.resolutionRate': 0.99,
      'reconsideration.averageDaysToDecision': 40,
      'planning.tasks.done': 30,
      'planning.tasks.total': 40,
      'planning.tasks.completionRate': 0.75,
      'x.rate': 50,
      'x.a': 1,
      'x.b': 2,
    },
    {
      'mediation.disputesResolved': 3,
      'mediation.amountInvolved': 0,
      'mediation.resolutionRate': 0.5,
      'reconsideration.averageDaysToDecision': 20,
      'planning.tasks.done': 10,
      'planning.tasks.total': 10,
      'planning.tasks.completionRate': 1,
      'x.rate': 100,
      'x.a': 3,
      'x.b': 3,
    },
    {
      'mediation.disputesResolved': null,
      'mediation.amountInvolved': null,
      'mediation.resolutionRate': null,
      'reconsideration.averageDaysToDecision': null,
      'planning.tasks.done': 0,
      'planning.tasks.total': 0,
      'planning.tasks.completionRate': null,
      'x.rate': null,
      'x.a': 0,
      'x.b': 0,
    },
  ];
  const { total, method } = combine(platform, counties, [...platform.figures.byKey.keys()]);

  it('sums counts and amounts (a county without a value adds nothing)', () => {
    expect(total['mediation.disputesResolved']).toBe(15);
    expect(total['mediation.amountInvolved']).toBe(1_834_000);
    expect(method['mediation.disputesResolved']).toBe('sum');
  });

  it('recomputes a rate from its summed parts, never averages it', () => {
    expect(method['planning.tasks.completionRate']).toBe('ratio');
    expect(total['planning.tasks.completionRate']).toBe(40 / 50);
    expect(total['x.rate']).toBe((4 / 5) * 100);
  });

  it('does not sum a rate without declared parts, nor an average', () => {
    expect([method['mediation.resolutionRate'], total['mediation.resolutionRate']]).toEqual(['none', null]);
    expect(aggregationOf(defs[3]!)).toBe('none');
    expect(total['reconsideration.averageDaysToDecision']).toBeNull();
  });
});

describe('a unit report’s scope', () => {
  it('is the asker’s scope narrowed to the unit’s subtree', () => {
    expect(narrowToUnit([{ path: '/1/2/', subtree: true }], '/1/2/7/')).toEqual([
      { path: '/1/2/7/', subtree: true },
    ]);
    expect(narrowToUnit([{ path: '/1/3/', subtree: true }], '/1/2/7/')).toEqual([]);
    expect(narrowToUnit([{ path: '/1/2/7/9/', subtree: false }], '/1/2/7/')).toEqual([
      { path: '/1/2/7/9/', subtree: false },
    ]);
  });
});
