import type { Section } from './types';

const digits = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 23 → 二十三 (headings never run past 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? digits[tens] : ''}十${ones ? digits[ones] : ''}`;
}

/**
 * The heading numbers as the document will show them (一、 and （一）, the second restarting under
 * each first-level heading); sections without a heading take no number.
 */
export function headingNumbers(sections: Section[]): string[] {
  let one = 0;
  let two = 0;
  return sections.map((s) => {
    if (!s.heading.trim()) {
      if (s.level === 1) two = 0;
      return '';
    }
    if (s.level === 1) {
      one += 1;
      two = 0;
      return `${chineseNumber(one)}、`;
    }
    two += 1;
    return `（${chineseNumber(two)}）`;
  });
}
