import type { DocBlock, OfficialDocument } from './types.js';

/**
 * Bilingual order. Modules write each Chinese paragraph followed by its Tibetan one; a 'bo-zh'
 * document lays the Tibetan paragraph first (Tibet's bilingual 公文 put Tibetan before Chinese),
 * a Chinese document keeps the order it was given.
 */
export function orderBlocks(doc: OfficialDocument): readonly DocBlock[] {
  if (doc.language !== 'bo-zh') return doc.blocks;
  const out: DocBlock[] = [];
  const bs = doc.blocks;
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i]!;
    const next = bs[i + 1];
    const isZh = b.kind === 'paragraph' && b.lang !== 'bo';
    if (isZh && next?.kind === 'paragraph' && next.lang === 'bo') {
      out.push(next, b);
      i++;
    } else out.push(b);
  }
  return out;
}
