import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { columnWidths, renderDocx } from './docx.js';
import {
  GRID_CHAR_SPACE,
  LINE_PITCH,
  LINES_PER_PAGE,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  chars,
  chineseDate,
  signatureOffsets,
} from './layout.js';
import { orderBlocks } from './order.js';
import type { OfficialDocument } from './types.js';

const notice: OfficialDocument = {
  issuer: '索县人民政府',
  number: '索政发〔2023〕3号',
  title: '索县人民政府关于开展\n法治宣传教育的通知',
  addressee: '各乡镇人民政府，县直各单位',
  blocks: [
    { kind: 'heading', level: 1, text: '一、总体要求' },
    { kind: 'paragraph', text: '为深入学习贯彻习近平法治思想，全面落实“八五”普法规划，现通知如下。' },
    { kind: 'paragraph', lang: 'bo', text: 'ཁྲིམས་ལུགས་དར་སྤེལ་སློབ་གསོའི་སྐོར་གྱི་བརྡ་ཐོ།' },
    { kind: 'heading', level: 2, text: '（一）工作目标' },
    { kind: 'heading', level: 3, text: '1.宣传重点' },
    { kind: 'heading', level: 4, text: '（1）宪法' },
    { kind: 'field', label: '联系人', value: '张某' },
    { kind: 'table', header: ['项目', '数量'], rows: [['普法活动', '312']] },
  ],
  signature: ['索县人民政府'],
  date: '2023-07-01',
};

async function xml(doc: OfficialDocument, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const f = zip.file(part);
  if (!f) throw new Error(`${part} missing`);
  return f.async('string');
}

/** the w:p element that contains text */
function paragraphWith(docXml: string, text: string): string {
  const p = docXml.split('<w:p>').find((x) => x.includes(`>${text}<`));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
}

describe('layout numbers (GB/T 9704-2012)', () => {
  it('fits exactly 22 lines of fixed pitch in the 225 mm text block', () => {
    expect(LINE_PITCH * LINES_PER_PAGE).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect((LINE_PITCH + 1) * LINES_PER_PAGE).toBeGreaterThan(TEXT_HEIGHT);
    expect(LINE_PITCH / 20).toBeCloseTo(28.95, 2);
  });

  it('derives Word charSpace from 156 mm / 28 characters of 16 pt', () => {
    // (442.25 pt / 28 − 16 pt) × 4096
    expect(GRID_CHAR_SPACE).toBe(-841);
  });

  it('writes dates as 2023年7月1日', () => {
    expect(chineseDate('2023-07-01')).toBe('2023年7月1日');
    expect(chineseDate('2024-12-31')).toBe('2024年12月31日');
  });

  it('puts the date four characters in and centres a shorter signature over it', () => {
    // 2023年7月1日 is 6 characters wide (digits are half width); 索县人民政府 is 6
    expect(signatureOffsets(['索县人民政府'], '2023年7月1日')).toEqual({
      signatureRight: [4],
      dateRight: 4,
    });
    // 索县司法局 (5) over a 7-character date: 4 + (7 − 5) / 2
    expect(signatureOffsets(['索县司法局'], '2023年12月31日')).toEqual({
      signatureRight: [5],
      dateRight: 4,
    });
  });

  it('keeps a long signature two characters in and centres the date under it', () => {
    const o = signatureOffsets(['索县全面依法治县委员会办公室'], '2023年7月1日');
    expect(o.signatureRight).toEqual([2]);
    expect(o.dateRight).toBe(2 + (14 - 6) / 2);
  });

  it('lays Tibetan before its Chinese paragraph in a bo-zh document only', () => {
    const blocks = [
      { kind: 'paragraph', text: '中文' },
      { kind: 'paragraph', text: 'བོད་ཡིག', lang: 'bo' },
    ] as const;
    expect(orderBlocks({ title: 't', blocks, language: 'bo-zh' }).map((b) => 'text' in b && b.text)).toEqual([
      'བོད་ཡིག',
      '中文',
    ]);
    expect(orderBlocks({ title: 't', blocks }).map((b) => 'text' in b && b.text)).toEqual(['中文', 'བོད་ཡིག']);
  });
});

describe('table columns', () => {
  it('share the text width by content: numbers narrow, definitions wide', () => {
    const w = columnWidths(
      ['指标', '数值', '单位', '口径'],
      [['受教群众', '22000', '人次', '精准普法宣传活动中受教育群众人次之和，一条台账记录为一场']],
    );
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(w[1]!).toBeLessThan(w[0]!);
    expect(w[3]!).toBeGreaterThan(w[0]!);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(chars(3) * 0.9);
  });
});

describe('renderDocx structure', () => {
  it('sets A4, the GB/T 9704 margins in twips and the 22 × 28 document grid', async () => {
    const d = await xml(notice, 'word/document.xml');
    expect(d).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(d).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(d).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-841"/>');
  });

  it('uses different odd and even footers with — page — in 4号 宋体', async () => {
    const settings = await xml(notice, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const d = await xml(notice, 'word/document.xml');
    expect(d).toMatch(/<w:footerReference w:type="default"/);
    expect(d).toMatch(/<w:footerReference w:type="even"/);
    const footers = [await xml(notice, 'word/footer1.xml'), await xml(notice, 'word/footer2.xml')];
    const aligns = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort();
    expect(aligns).toEqual(['left', 'right']);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— </w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
  });

  it('sets title, body, headings and Tibetan in their fonts and sizes', async () => {
    const d = await xml(notice, 'word/document.xml');
    const title = paragraphWith(d, '法治宣传教育的通知');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const body = paragraphWith(d, '为深入学习贯彻习近平法治思想，全面落实“八五”普法规划，现通知如下。');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain(`<w:ind w:firstLine="${chars(2)}" w:firstLineChars="200"/>`);
    expect(body).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(body).toContain('<w:snapToGrid w:val="false"/><w:spacing');
    expect(paragraphWith(d, '一、总体要求')).toContain('w:eastAsia="黑体"');
    expect(paragraphWith(d, '（一）工作目标')).toContain('w:eastAsia="楷体_GB2312"');
    expect(paragraphWith(d, '1.宣传重点')).toContain('<w:b/>');
    expect(paragraphWith(d, '（1）宪法')).not.toContain('<w:b/>');
    const bo = paragraphWith(d, 'ཁྲིམས་ལུགས་དར་སྤེལ་སློབ་གསོའི་སྐོར་གྱི་བརྡ་ཐོ།');
    expect(bo).toContain('w:cs="Microsoft Himalaya"');
    expect(bo).toContain('w:val="bo-CN"');
    expect(paragraphWith(d, '联系人：张某')).toBeTruthy();
    expect(d).toContain('<w:tbl>');
  });

  it('prints the issuer in red with the red separator under the document number', async () => {
    const d = await xml(notice, 'word/document.xml');
    expect(paragraphWith(d, '索县人民政府')).toContain('<w:color w:val="FF0000"/>');
    expect(paragraphWith(d, '索政发〔2023〕3号')).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    // without an issuer there is no red at all
    const plain = await xml({ ...notice, issuer: undefined }, 'word/document.xml');
    expect(plain).not.toContain('FF0000');
  });

  it('keeps the last paragraph with the signature, so the signature never stands alone on a page', async () => {
    const d = await xml(
      { ...notice, blocks: [{ kind: 'paragraph', text: '特此通知。' }] },
      'word/document.xml',
    );
    expect(paragraphWith(d, '特此通知。')).toContain('<w:keepNext/>');
    const unsigned = await xml(
      { title: '通知', blocks: [{ kind: 'paragraph', text: '特此通知。' }] },
      'word/document.xml',
    );
    expect(paragraphWith(unsigned, '特此通知。')).not.toContain('<w:keepNext/>');
  });

  it('right-aligns the date four characters in, under the signature', async () => {
    const d = await xml(notice, 'word/document.xml');
    const date = paragraphWith(d, '2023年7月1日');
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(date).toContain(`<w:ind w:right="${chars(4)}"/>`);
    expect(d.indexOf('>2023年7月1日<')).toBeGreaterThan(d.lastIndexOf('>索县人民政府<'));
    expect(paragraphWith(d, '各乡镇人民政府，县直各单位：')).not.toContain('w:firstLine');
  });
});
