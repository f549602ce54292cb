import { describe, expect, it } from 'vitest';
import { cutDigits, fillPlaceholders, formatFigure, placeholders, type FigureStyle } from './format.js';

describe('figures written as the seed report writes them', () => {
  // [value, unit, style, digits, text]; the seed's own cases first
  const cases: [number, string, FigureStyle, number | undefined, string][] = [
    [312, '次', 'approx', undefined, '300余'], // 学法活动300余次
    [300, '次', 'approx', undefined, '300余'], // the lower bound itself is still written 300余
    [399, '次', 'approx', undefined, '300余'],
    [234, '场次', 'exact', undefined, '234'],
    [234, '场次', 'approx', 3, '234余'], // 宣传234余场次
    [674, '份', 'approx', 2, '670余'], // 海报670余份
    [10000, '份', 'approx', undefined, '10000余'], // 宣传册子10000余份
    [1200, '份', 'approx', 2, '1200余'],
    [56, '人', 'approx', 2, '56余'],
    [7, '次', 'approx', undefined, '7'], // nothing to cut below ten
    [53, '次', 'more', undefined, '50多'], // 宣传车巡逻宣传50多次
    [12000, '份', 'wan', undefined, '1.2万'], // 宣传资料1.2万份
    [12999, '份', 'wan', undefined, '1.2万'],
    [22000, '人次', 'wan', undefined, '2.2万'], // 受教群众2.2万人次
    [29000, '人次', 'wan', undefined, '2.9万'], // no float error (2.8999…)
    [100000, '份', 'wan', undefined, '10万'],
    [9000, '份', 'wan', undefined, '9000'],
    [1800000, '元', 'approxWan', undefined, '180余万'], // 涉案金额达180余万元
    [1834000, '元', 'approxWan', undefined, '180余万'],
    [24590, '元', 'exact', undefined, '24590'], // 兑现资金24590
    [0.99, '比例', 'exact', undefined, '99%'], // 化解率达99%
    [0.994, '比例', 'approx', undefined, '99%'], // a ratio is a percent whatever the style
    [12.5, '%', 'exact', undefined, '12.5%'],
    [87.456, '分', 'exact', undefined, '87.46'],
  ];
  it.each(cases)('%d %s as %s:%s → %s', (value, unit, style, digits, text) => {
    expect(formatFigure(value, unit, style, digits)).toBe(text);
  });

  it('cuts, never rounds up', () => {
    expect(cutDigits(399, 1)).toBe(300);
    expect(cutDigits(1999, 2)).toBe(1900);
    expect(cutDigits(42, 3)).toBe(42);
  });

  it('parses styles and digits and refuses an unknown style', () => {
    expect(placeholders('共{{a.b}}次，{{c.d|approx:2}}份，{{ e.f | wan }}')).toMatchObject([
      { key: 'a.b', style: 'exact', digits: 0 },
      { key: 'c.d', style: 'approx', digits: 2 },
      { key: 'e.f', style: 'wan', digits: 2 },
    ]);
    expect(() => placeholders('{{a.b|about}}')).toThrow(/未知的数字写法“about”/);
  });

  it('never invents a number: unowned keys say so and are listed, empty values too', () => {
    const r = fillPlaceholders('调解{{mediation.x}}件，化解率{{m.rate}}，宣传{{nobody.owns|approx}}次', {
      unitOf: (k) => ({ 'mediation.x': '件', 'm.rate': '比例' })[k],
      valueOf: (k) => ({ 'mediation.x': 12, 'm.rate': null })[k],
    });
    expect(r.text).toBe('调解12件，化解率（暂无数据），宣传（暂无数据来源）次');
    expect(r.unowned).toEqual(['nobody.owns']);
    expect(r.empty).toEqual(['m.rate']);
    expect(r.text).not.toMatch(/\d+次/);
  });
});
