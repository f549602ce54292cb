import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseNumber, composeReport, outlineKeys, type FigureInfo } from './compose.js';
import type { Outline } from './contract.js';
import { seedOutline } from './seed-outline.js';

interface SeedFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
  approx: boolean;
}
const seedDir = new URL('../../../../../shared/seed/', import.meta.url);
const seedText = (() => {
  try {
    return readFileSync(new URL('suo-county-2023-rule-of-law-report.txt', seedDir), 'utf8');
  } catch {
    return readFileSync('/work/shared/seed/suo-county-2023-rule-of-law-report.txt', 'utf8');
  }
})();
const seedFigures: SeedFigure[] = JSON.parse(
  (() => {
    try {
      return readFileSync(new URL('suo-county-2023-figures.json', seedDir), 'utf8');
    } catch {
      return readFileSync('/work/shared/seed/suo-county-2023-figures.json', 'utf8');
    }
  })(),
).figures;

const info = (key: string): FigureInfo | undefined => {
  const f = seedFigures.find((x) => x.key === key);
  return f && { label: f.label, unit: f.unit, definition: f.label, module: key.split('.')[0]! };
};
const seedValues = Object.fromEntries(seedFigures.map((f) => [f.key, f.value]));
const compose = (outline: Outline, values: Record<string, number | null> = seedValues) =>
  composeReport({
    outline,
    year: 2023,
    divisionName: '索县',
    signature: ['索县人民政府'],
    date: '2024-03-20',
    values,
    info,
  });

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the seed outline', () => {
  it('uses every figure of the seed report, and nothing but placeholders for them', () => {
    const keys = outlineKeys(seedOutline);
    // counsel.firmsRetained is stated by naming the two firms, not as a number
    expect(seedFigures.map((f) => f.key).filter((k) => !keys.includes(k))).toEqual(['counsel.firmsRetained']);
    expect(keys.filter((k) => !info(k))).toEqual([]);
  });

  it('rendered with the seed values reproduces the seed report word for word', () => {
    const r = compose(seedOutline);
    expect(r.unowned).toEqual([]);
    const lines = seedText.split('\n').map(squash).filter(Boolean);
    expect(r.document.title).toBe('索县2023年法治政府建设\n工作报告');
    // the seed's paragraph 一 lacks its number and (一) runs into its text; the body otherwise matches
    const text: string[] = [];
    let heading = '';
    for (const p of r.paragraphs.slice(1)) {
      if (p.kind === 'heading' && p.level === 2) heading = `${p.text}。`;
      else if (p.kind === 'heading') text.push(p.text.replace(/^一、/, ''));
      else {
        text.push(heading + p.text);
        heading = '';
      }
    }
    const seedBody = lines
      .slice(2)
      .join('')
      .replace('坚持党的领导，强化责任落实。', '坚持党的领导，强化责任落实');
    expect(squash(text.join(''))).toBe(seedBody);
  });

  it('writes unknown keys as （暂无数据来源） and lists them', () => {
    const r = compose(seedOutline, {});
    const withoutMediation = (k: string) => (k.startsWith('mediation.') ? undefined : info(k));
    const r2 = composeReport({
      outline: seedOutline,
      year: 2023,
      divisionName: '索县',
      signature: [],
      date: '2024-03-20',
      values: seedValues,
      info: withoutMediation,
    });
    expect(r.empty.length).toBeGreaterThan(50);
    expect(r2.unowned).toContain('mediation.disputesResolved');
    expect(r2.paragraphs.map((p) => p.text).join('')).toContain('累计化解矛盾纠纷（暂无数据来源）件');
    // the appendix lists it as without source too
    const table = r2.document.attachments![0]!.blocks[1]!;
    expect(
      table.kind === 'table' && table.rows.find((row) => row[0] === 'mediation.disputesResolved'),
    ).toEqual([
      'mediation.disputesResolved',
      '（暂无数据来源）',
      '',
      '尚无模块提供此指标（mediation.disputesResolved）',
    ]);
  });

  it('numbers sections by position and lists every figure with its definition in the appendix', () => {
    const r = compose(seedOutline);
    const headings = r.document.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings[0]).toBe('一、坚持党的领导，强化责任落实');
    expect(headings[1]).toBe('（一）加强党的领导');
    expect(headings).toContain('六、坚持普法依法治理，及时化解矛盾纠纷');
    expect(headings).toContain('（三）持续加强行政复议工作');
    const table = r.document.attachments![0]!.blocks[1]!;
    expect(table.kind).toBe('table');
    if (table.kind === 'table') {
      expect(table.rows).toHaveLength(outlineKeys(seedOutline).length);
      expect(table.rows.find((row) => row[0] === '涉案金额')).toEqual([
        '涉案金额',
        '1800000',
        '元',
        '涉案金额',
      ]);
    }
    expect(r.document.signature).toEqual(['索县人民政府']);
  });

  it('pulls task-list items into a section that asks for them', () => {
    const outline: Outline = {
      ...seedOutline,
      sections: seedOutline.sections.map((s) =>
        s.system === 'enforcement' ? { ...s, includeTasks: true } : s,
      ),
    };
    const r = composeReport({
      outline,
      year: 2023,
      divisionName: '索县',
      signature: [],
      date: '2024-03-20',
      values: seedValues,
      info,
      tasks: new Map([
        [
          'enforcement',
          [
            {
              planTitle: '索县2023法治政府建设任务清单',
              seq: 12,
              title: '全面推行行政执法“三项制度”',
              leadUnit: '索县司法局',
              stateLabel: '已完成',
              acceptedPercent: 100,
            },
          ],
        ],
      ]),
    });
    expect(r.tasksPulled).toBe(1);
    expect(r.paragraphs.filter((p) => p.kind === 'task').map((p) => p.text)).toEqual([
      '2023年任务清单中本项工作的落实情况：',
      '1.《索县2023法治政府建设任务清单》第12项“全面推行行政执法“三项制度””（牵头单位：索县司法局）：已完成。',
    ]);
  });

  it('writes section numbers in Chinese', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });
});
