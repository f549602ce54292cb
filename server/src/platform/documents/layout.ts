import { parseDate, zhDate } from '../calendar/dates.js';
/**
 * The GB/T 9704-2012 page as numbers, shared by the Word renderer, the HTML preview and their
 * tests. Everything is derived from the standard's own figures (A4, 天头 37 mm, 订口 28 mm, 版心
 * 156 × 225 mm, 22 lines × 28 characters of 3号 text) so no renderer invents its own.
 */

/** 1 mm in twips (1/20 pt; 1 pt = 1/72 in = 25.4/72 mm) */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  /** GB/T 9704 §5.2.2: 天头 37 mm, 订口 28 mm; bottom and right follow from the 156 × 225 mm 版心 */
  marginTop: mm(37),
  marginBottom: mm(35),
  marginLeft: mm(28),
  marginRight: mm(26),
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
export const TEXT_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** font sizes in points (号 → pt) */
export const PT = { 初号: 42, 小初: 36, 一号: 26, 二号: 22, 三号: 16, 四号: 14 } as const;
export const BODY_PT = PT.三号;

/**
 * Line pitch in twips: the largest whole number of twips of which 22 lines still fit the 225 mm
 * text block (22 × 580 would overflow it by 4 twips and leave 21 lines a page).
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/** character pitch of the grid in twips (≈ 15.8 pt: 3号 text set slightly tighter than 16 pt) */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/**
 * Word's w:docGrid/@w:charSpace: (grid pitch − Normal font size) in points × 4096, negative when
 * the grid is tighter than the font (ECMA-376 §17.6.5).
 */
export const GRID_CHAR_SPACE = Math.round((CHAR_PITCH / 20 - BODY_PT) * 4096);

/** twips for n grid characters (indents are counted in characters in 公文) */
export const chars = (n: number): number => Math.round(n * CHAR_PITCH);

/**
 * GB/T 9704 §7.5: page number top 7 mm below the text block; Word measures the footer distance
 * from the page edge to the bottom of the footer, so subtract one 4号 line.
 */
export const FOOTER_DISTANCE = PAGE.marginBottom - mm(7) - PT.四号 * 20;

/** Word font names as Chinese offices have them; LibreOffice and browsers substitute locally */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  tibetan: 'Microsoft Himalaya',
} as const;

/** CSS fallbacks for the same roles (the HTML preview and fonts present on Linux servers) */
export const CSS_FONTS = {
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif`,
  body: `"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif`,
  heading1: `"黑体", "SimHei", "Noto Sans CJK SC", sans-serif`,
  heading2: `"楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", serif`,
  pageNumber: `"宋体", "SimSun", "Noto Serif CJK SC", serif`,
  tibetan: `"Microsoft Himalaya", "Noto Serif Tibetan", "Jomolhari", serif`,
} as const;

/** display width in grid characters: CJK full width 1, ASCII (digits in dates) half */
export function textWidthChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * GB/T 9704 §7.3.5.1 (加盖印章): 成文日期 右空四字, the organ's name centred over the date. When
 * the name is longer than the date, it keeps 右空二字 and the date moves in to stay centred under
 * it (the §7.3.5.2 rule for the longer line). Returns right indents in characters.
 */
export function signatureOffsets(
  signature: readonly string[],
  dateText: string | undefined,
): { signatureRight: number[]; dateRight: number } {
  const dateW = dateText ? textWidthChars(dateText) : 0;
  const sigW = signature.map(textWidthChars);
  const widest = Math.max(dateW, ...sigW, 0);
  // right edge of the block: 4 characters in, or 2 when a name is longer than the date
  const blockRight = dateText && widest > dateW ? 2 : 4;
  const centre = blockRight + widest / 2;
  return {
    signatureRight: sigW.map((w) => centre - w / 2),
    dateRight: dateText ? centre - dateW / 2 : 0,
  };
}

/** 2023-07-01 → 2023年7月1日 (GB/T 9704 §7.3.5: Arabic numerals, no leading zeros) */
export function chineseDate(iso: string): string {
  if (!parseDate(iso.slice(0, 10))) throw new Error(`not a date: ${iso}`);
  return zhDate(iso.slice(0, 10));
}
