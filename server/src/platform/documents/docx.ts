/**
 * OfficialDocument → .docx in the GB/T 9704-2012 layout. Modules describe what a document says
 * (types.ts); the page, fonts, grid, page numbers and the red header are decided here only.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  OnOffElement,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import {
  BODY_PT,
  FONTS,
  FOOTER_DISTANCE,
  GRID_CHAR_SPACE,
  LINE_PITCH,
  PAGE,
  PT,
  TEXT_WIDTH,
  chars,
  chineseDate,
  mm,
  signatureOffsets,
  textWidthChars,
} from './layout.js';
import { orderBlocks } from './order.js';
import type { DocBlock, OfficialDocument } from './types.js';

const RED = 'FF0000';
/** twentieths of a point */
const BODY_TIGHTEN = -8;

type Font = (typeof FONTS)[keyof typeof FONTS];

function run(text: string, font: Font, pt: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
    size: pt * 2,
    sizeComplexScript: pt * 2,
    // 3号 text set 0.4 pt tight: 28 characters (436.8 pt) fit the 156 mm (442.25 pt) line and a
    // 29th does not, in any renderer (see gridFree)
    ...(pt === BODY_PT ? { characterSpacing: BODY_TIGHTEN } : {}),
    ...extra,
  });
}

/** one grid line exactly: the fixed pitch is what gives 22 lines a page */
const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/**
 * A paragraph that does not snap to the character grid. The section grid (22 × 28) is what Word
 * shows in page setup and applies to text typed later; our own paragraphs get their 28 characters
 * from the tightened runs instead, because LibreOffice misreads a negative charSpace and gives
 * every 3号 character two cells (14 a line). docx has no option for w:pPr/w:snapToGrid, so it is
 * put in place before w:spacing, where the schema orders it; the LibreOffice test fails if this
 * stops working.
 */
function gridFree(opts: IParagraphOptions): Paragraph {
  const p = new Paragraph(opts);
  const root = (p as unknown as { properties: { root: object[] } }).properties.root;
  const at = root.findIndex((c) => (c as { rootKey?: string }).rootKey === 'w:spacing');
  root.splice(at < 0 ? root.length : at, 0, new OnOffElement('w:snapToGrid', false));
  return p;
}

function para(children: TextRun[], opts: Partial<IParagraphOptions> = {}): Paragraph {
  return gridFree({ spacing: exactLine, children, ...opts });
}

const blank = (keepNext = false): Paragraph => para([run('', FONTS.body, BODY_PT)], { keepNext });

/** body text: 3号仿宋, first line indented two characters */
const indent2 = { firstLine: chars(2), firstLineChars: 200 };

function headingRun(level: 1 | 2 | 3 | 4, text: string): TextRun {
  if (level === 1) return run(text, FONTS.heading1, BODY_PT);
  if (level === 2) return run(text, FONTS.heading2, BODY_PT);
  return run(text, FONTS.body, BODY_PT, { bold: level === 3 });
}

function tibetan(text: string): Paragraph {
  // Tibetan stacks are taller than a 3号 CJK line; at-least spacing lets Word take a second grid
  // line rather than clip them
  return gridFree({
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
    indent: indent2,
    children: [run(text, FONTS.tibetan, BODY_PT, { language: { value: 'bo-CN', eastAsia: 'bo-CN' } })],
  });
}

/**
 * Column widths by content: each column gets a share of the text width by its longest cell (3 to
 * 20 characters, with room for the cell margins), so a column of numbers stays narrow and a column of definitions gets the room.
 */
export function columnWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const cols = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const want = Array.from({ length: cols }, (_, i) =>
    Math.min(20, Math.max(3, ...[header, ...rows].map((r) => textWidthChars(r[i] ?? '') + 1.5))),
  );
  const total = want.reduce((a, b) => a + b, 0);
  return want.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const widths = columnWidths(header, rows);
  const cols = widths.length;
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, head: boolean, i: number): TableCell =>
    new TableCell({
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        gridFree({
          // long text reads better from the left; short values centred, as tables in 公文 are
          alignment: textWidthChars(text) > 8 && !head ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [run(text, head ? FONTS.heading1 : FONTS.body, PT.四号)],
        }),
      ],
    });
  const pad = (r: readonly string[]): string[] => [...r, ...Array<string>(cols - r.length).fill('')];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: pad(header).map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: pad(r).map((c, i) => cell(c, false, i)) })),
    ],
  });
}

function block(b: DocBlock, keepNext = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para([headingRun(b.level, b.text)], { indent: indent2, keepNext: true })];
    case 'paragraph':
      if (b.lang === 'bo') return [tibetan(b.text)];
      return [para([run(b.text, FONTS.body, BODY_PT)], { indent: indent2, keepNext })];
    case 'field': {
      const label = /[：:]$/.test(b.label) ? b.label : `${b.label}：`;
      return [para([run(label + b.value, FONTS.body, BODY_PT)], { indent: indent2 })];
    }
    case 'table':
      // a table is followed by an empty line so the next paragraph does not touch its border
      return [table(b.header, b.rows), blank()];
    case 'pageBreak':
      return [para([], { pageBreakBefore: true })];
  }
}

/** 发文机关标志, 发文字号 and the red separator (GB/T 9704 §7.2) */
function redHeader(doc: OfficialDocument): Paragraph[] {
  if (!doc.issuer) {
    return doc.number
      ? [para([run(doc.number, FONTS.body, BODY_PT)], { alignment: AlignmentType.CENTER }), blank()]
      : [];
  }
  const issuerPt = PT.小初;
  return [
    gridFree({
      alignment: AlignmentType.CENTER,
      // two grid lines for the large issuer mark
      spacing: { line: LINE_PITCH * 2, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(doc.issuer, FONTS.title, issuerPt, { color: RED })],
    }),
    blank(),
    // §7.2.4: 发文字号 centred under the mark, the red line 4 mm below it, as wide as the text block
    para([run(doc.number ?? '', FONTS.body, BODY_PT)], {
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    }),
    blank(),
  ];
}

function titleLines(title: string): Paragraph[] {
  return title.split('\n').map((line) =>
    // 2号 (22 pt) fits one 29 pt grid line, so the title keeps the grid
    para([run(line, FONTS.title, PT.二号)], { alignment: AlignmentType.CENTER }),
  );
}

function signatureBlock(doc: OfficialDocument): Paragraph[] {
  const sig = doc.signature ?? [];
  const dateText = doc.date ? chineseDate(doc.date) : undefined;
  if (sig.length === 0 && !dateText) return [];
  const off = signatureOffsets(sig, dateText);
  const right = (n: number, keepNext: boolean): Partial<IParagraphOptions> => ({
    alignment: AlignmentType.RIGHT,
    indent: { right: chars(n) },
    keepNext,
  });
  // §7.3.5.1: a blank line after the text and room for the seal over the signature
  const out = [blank(true), blank(true)];
  sig.forEach((s, i) => out.push(para([run(s, FONTS.body, BODY_PT)], right(off.signatureRight[i]!, true))));
  if (dateText) out.push(para([run(dateText, FONTS.body, BODY_PT)], right(off.dateRight, false)));
  return out;
}

/** 版记 (§7.4): 4号仿宋, one character in on both sides, between full-width rules */
function colophon(lines: readonly string[]): Paragraph[] {
  if (lines.length === 0) return [];
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 };
  return [
    blank(),
    ...lines.map((l, i) =>
      gridFree({
        spacing: exactLine,
        indent: { left: chars(1), right: chars(1) },
        keepNext: i < lines.length - 1,
        keepLines: true,
        border: {
          top: i === 0 ? thick : thin,
          ...(i === lines.length - 1 ? { bottom: thick } : {}),
        },
        children: [run(l, FONTS.body, PT.四号)],
      }),
    ),
  ];
}

/** "— 1 —" in 4号 宋体, one character in from the outer edge (§7.5) */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PT.四号 * 20 } : { left: PT.四号 * 20 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, eastAsia: FONTS.pageNumber },
            size: PT.四号 * 2,
          }),
        ],
      }),
    ],
  });
}

function addressee(doc: OfficialDocument): Paragraph[] {
  if (!doc.addressee) return [];
  const text = /[：:]/.test(doc.addressee) ? doc.addressee : `${doc.addressee}：`;
  // §7.3.2: 标题下空一行, 居左顶格
  return [para([run(text, FONTS.body, BODY_PT)])];
}

/** 附件说明 under the body: 附件：1.名称, 左空二字 (§7.3.3) */
function attachmentNote(doc: OfficialDocument): Paragraph[] {
  const list = doc.attachments ?? [];
  if (list.length === 0) return [];
  const name = (t: string, i: number) => (list.length > 1 ? `${i + 1}.${t}` : t);
  return [
    blank(true),
    ...list.map((a, i) =>
      para([run(`${i === 0 ? '附件：' : '　　　'}${name(a.title, i)}`, FONTS.body, BODY_PT)], {
        indent: indent2,
        keepNext: true,
      }),
    ),
  ];
}

/** each 附件 from a new page: 附件N in 黑体 top left, its title centred, then its blocks (§8) */
function attachmentPages(doc: OfficialDocument): (Paragraph | Table)[] {
  const list = doc.attachments ?? [];
  return list.flatMap((a, i) => [
    para([run(list.length > 1 ? `附件${i + 1}` : '附件', FONTS.heading1, BODY_PT)], {
      pageBreakBefore: true,
    }),
    blank(),
    ...titleLines(a.title),
    blank(),
    ...a.blocks.flatMap((b) => block(b)),
  ]);
}

export function buildDocx(doc: OfficialDocument): Document {
  // §7.3.5: the signature never stands on a page of its own: the last paragraph goes with it
  const blocks = orderBlocks(doc);
  const signed = (doc.signature?.length ?? 0) > 0 || !!doc.date;
  const body = blocks.flatMap((b, i) => block(b, signed && i === blocks.length - 1));
  return new Document({
    creator: 'Fazhi',
    title: doc.title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONTS.body, hAnsi: FONTS.body, eastAsia: FONTS.body, cs: FONTS.body },
            size: BODY_PT * 2,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: exactLine, alignment: AlignmentType.JUSTIFIED },
        },
      },
      // LibreOffice sizes the character grid from the Normal style, not the defaults (else 12 pt)
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: {
            font: { ascii: FONTS.body, hAnsi: FONTS.body, eastAsia: FONTS.body, cs: FONTS.body },
            size: BODY_PT * 2,
          },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: mm(15),
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: LINE_PITCH,
            charSpace: GRID_CHAR_SPACE,
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          ...redHeader(doc),
          ...(doc.title ? [...titleLines(doc.title), blank()] : []),
          ...addressee(doc),
          ...body,
          ...attachmentNote(doc),
          ...signatureBlock(doc),
          ...attachmentPages(doc),
          ...colophon(doc.copyTo ?? []),
        ],
      },
    ],
  });
}

export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc));
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
