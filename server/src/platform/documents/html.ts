/**
 * OfficialDocument → one self-contained HTML page: the on-screen preview of a document and what
 * the portal serves. It follows the same GB/T 9704 numbers as the Word file (layout.ts); printed
 * from a browser it gives A4 with the same margins, and page numbers where the browser supports
 * @page margin boxes.
 */
import {
  BODY_PT,
  CSS_FONTS,
  LINE_PITCH,
  PAGE,
  PT,
  TEXT_WIDTH,
  chineseDate,
  signatureOffsets,
} from './layout.js';
import { orderBlocks } from './order.js';
import type { DocBlock, OfficialDocument } from './types.js';

export const HTML_MIME = 'text/html; charset=utf-8';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const mmOf = (twips: number): string => `${((twips * 25.4) / 1440).toFixed(1)}mm`;
const ptOf = (twips: number): string => `${(twips / 20).toFixed(2)}pt`;

function css(): string {
  const line = ptOf(LINE_PITCH);
  return `
@page { size: A4; margin: ${mmOf(PAGE.marginTop)} ${mmOf(PAGE.marginRight)} ${mmOf(PAGE.marginBottom)} ${mmOf(PAGE.marginLeft)}; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: ${PT.四号}pt ${CSS_FONTS.pageNumber}; padding-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: ${PT.四号}pt ${CSS_FONTS.pageNumber}; padding-left: 1em; } }
html { background: #e8e8e8; }
body { margin: 0; }
.page { box-sizing: content-box; width: ${mmOf(TEXT_WIDTH)}; margin: 16px auto;
  padding: ${mmOf(PAGE.marginTop)} ${mmOf(PAGE.marginRight)} ${mmOf(PAGE.marginBottom)} ${mmOf(PAGE.marginLeft)};
  background: #fff; min-height: 225mm; box-shadow: 0 1px 4px rgba(0,0,0,.2);
  font: ${BODY_PT}pt/${line} ${CSS_FONTS.body}; letter-spacing: -0.4pt; /* 28 a line, as docx.ts */ color: #000; text-align: justify; }
.page p { margin: 0; }
.issuer { font: ${PT.小初}pt/${ptOf(LINE_PITCH * 2)} ${CSS_FONTS.title}; color: #e00; text-align: center; letter-spacing: 0; }
.number { text-align: center; padding-bottom: 4mm; border-bottom: 1.5pt solid #e00; margin-bottom: ${line} !important; }
.title { font: ${PT.二号}pt/${line} ${CSS_FONTS.title}; text-align: center; letter-spacing: 0; }
.gap { height: ${line}; }
.indent { text-indent: 2em; }
.h1 { font-family: ${CSS_FONTS.heading1}; }
.h2 { font-family: ${CSS_FONTS.heading2}; }
.h3 { font-weight: bold; }
.bo { font-family: ${CSS_FONTS.tibetan}; line-height: normal; min-height: ${line}; letter-spacing: 0; }
table { width: 100%; border-collapse: collapse; margin-bottom: ${line}; font-size: ${PT.四号}pt; line-height: 1.5; letter-spacing: 0; }
th, td { border: 0.5pt solid #000; text-align: center; padding: 0 4px; }
th { font-family: ${CSS_FONTS.heading1}; font-weight: normal; }
.sign { text-align: right; }
.colophon { font-size: ${PT.四号}pt; padding: 0 1em; border-top: 0.5pt solid #000; }
.colophon.first { border-top-width: 1pt; }
.colophon.last { border-bottom: 1pt solid #000; }
.pagebreak { break-before: page; }
@media print { html { background: none; } .page { margin: 0; padding: 0; box-shadow: none; min-height: 0; width: auto; } }
`;
}

function blockHtml(b: DocBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<p class="indent h${b.level}">${escapeHtml(b.text)}</p>`;
    case 'paragraph':
      return b.lang === 'bo'
        ? `<p class="indent bo" lang="bo">${escapeHtml(b.text)}</p>`
        : `<p class="indent">${escapeHtml(b.text)}</p>`;
    case 'field': {
      const label = /[：:]$/.test(b.label) ? b.label : `${b.label}：`;
      return `<p class="indent">${escapeHtml(label + b.value)}</p>`;
    }
    case 'table':
      return `<table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'pageBreak':
      return `<div class="pagebreak"></div>`;
  }
}

export function renderHtml(doc: OfficialDocument): string {
  const parts: string[] = [];
  if (doc.issuer) {
    parts.push(`<p class="issuer">${escapeHtml(doc.issuer)}</p><div class="gap"></div>`);
    parts.push(`<p class="number">${escapeHtml(doc.number ?? '')}</p>`);
  } else if (doc.number) parts.push(`<p class="number" style="border:0">${escapeHtml(doc.number)}</p>`);
  if (doc.title) {
    for (const line of doc.title.split('\n')) parts.push(`<p class="title">${escapeHtml(line)}</p>`);
    parts.push(`<div class="gap"></div>`);
  }
  if (doc.addressee) {
    const a = /[：:]/.test(doc.addressee) ? doc.addressee : `${doc.addressee}：`;
    parts.push(`<p>${escapeHtml(a)}</p>`);
  }
  parts.push(...orderBlocks(doc).map(blockHtml));
  const attachments = doc.attachments ?? [];
  const numbered = (t: string, i: number) => (attachments.length > 1 ? `${i + 1}.${t}` : t);
  if (attachments.length) {
    parts.push(`<div class="gap"></div>`);
    attachments.forEach((a, i) =>
      parts.push(`<p class="indent">${i === 0 ? '附件：' : '　　　'}${escapeHtml(numbered(a.title, i))}</p>`),
    );
  }
  const dateText = doc.date ? chineseDate(doc.date) : undefined;
  if ((doc.signature?.length ?? 0) > 0 || dateText) {
    const off = signatureOffsets(doc.signature ?? [], dateText);
    parts.push(`<div class="gap"></div><div class="gap"></div>`);
    (doc.signature ?? []).forEach((s, i) =>
      parts.push(`<p class="sign" style="padding-right:${off.signatureRight[i]}em">${escapeHtml(s)}</p>`),
    );
    if (dateText) parts.push(`<p class="sign" style="padding-right:${off.dateRight}em">${dateText}</p>`);
  }
  attachments.forEach((a, i) => {
    parts.push(
      `<p class="pagebreak h1">${attachments.length > 1 ? `附件${i + 1}` : '附件'}</p><div class="gap"></div>`,
    );
    for (const line of a.title.split('\n')) parts.push(`<p class="title">${escapeHtml(line)}</p>`);
    parts.push(`<div class="gap"></div>`, ...a.blocks.map(blockHtml));
  });
  const copy = doc.copyTo ?? [];
  if (copy.length > 0) {
    parts.push(`<div class="gap"></div>`);
    copy.forEach((l, i) => {
      const cls = ['colophon', i === 0 ? 'first' : '', i === copy.length - 1 ? 'last' : '']
        .filter(Boolean)
        .join(' ');
      parts.push(`<p class="${cls}">${escapeHtml(l)}</p>`);
    });
  }
  const lang = doc.language === 'bo-zh' ? 'bo' : 'zh-CN';
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title.replace(/\n/g, ''))}</title>
<style>${css()}</style></head>
<body><main class="page">
${parts.join('\n')}
</main></body></html>
`;
}
