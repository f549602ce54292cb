/**
 * What a file is, judged by its bytes (magic numbers and container structure), never by its name or
 * the content type the browser declared. Only the kinds a county's paperwork needs are allowed:
 * a kind not recognised here is refused.
 */
export interface FileKind {
  key: string;
  label: string;
  mime: string;
  /** extensions (lower case, no dot) a file of this kind may carry */
  extensions: readonly string[];
}

const kind = (key: string, label: string, mime: string, extensions: string[]): FileKind => ({
  key,
  label,
  mime,
  extensions,
});

export const fileKinds = {
  pdf: kind('pdf', 'PDF 文档', 'application/pdf', ['pdf']),
  ofd: kind('ofd', 'OFD 版式文档', 'application/ofd', ['ofd']),
  png: kind('png', 'PNG 图片', 'image/png', ['png']),
  jpeg: kind('jpeg', 'JPEG 图片', 'image/jpeg', ['jpg', 'jpeg']),
  gif: kind('gif', 'GIF 图片', 'image/gif', ['gif']),
  webp: kind('webp', 'WebP 图片', 'image/webp', ['webp']),
  docx: kind('docx', 'Word 文档', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', [
    'docx',
  ]),
  xlsx: kind('xlsx', 'Excel 表格', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', [
    'xlsx',
  ]),
  doc: kind('doc', 'Word 97–2003 文档', 'application/msword', ['doc', 'wps']),
  xls: kind('xls', 'Excel 97–2003 表格', 'application/vnd.ms-excel', ['xls', 'et']),
  text: kind('text', '纯文本', 'text/plain; charset=utf-8', ['txt']),
  csv: kind('csv', 'CSV 表格', 'text/csv; charset=utf-8', ['csv']),
} as const satisfies Record<string, FileKind>;

export const allowedExtensions = [...new Set(Object.values(fileKinds).flatMap((k) => k.extensions))];

const startsWith = (b: Buffer, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Detects the kind of `b`, or null when it is none of the allowed kinds (executables, archives, HTML…). */
export function detectKind(b: Buffer, extension: string): FileKind | null {
  if (startsWith(b, ascii('%PDF-'))) return fileKinds.pdf;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return fileKinds.png;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return fileKinds.jpeg;
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return fileKinds.gif;
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return fileKinds.webp;
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return zipKind(b);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ole2Kind(b);
  if (isPlainText(b)) return extension === 'csv' ? fileKinds.csv : fileKinds.text;
  return null;
}

/** OOXML and OFD are zip packages; what they are is told by the entries they hold. */
function zipKind(b: Buffer): FileKind | null {
  const names = zipEntryNames(b);
  if (!names) return null;
  const has = (n: string) => names.has(n);
  if (has('[Content_Types].xml') && has('word/document.xml')) return fileKinds.docx;
  if (has('[Content_Types].xml') && has('xl/workbook.xml')) return fileKinds.xlsx;
  if (has('OFD.xml')) return fileKinds.ofd;
  return null;
}

/** The names in a zip's central directory, or null when the archive is malformed. */
export function zipEntryNames(b: Buffer): Set<string> | null {
  // End of central directory: 22 bytes plus a comment of at most 65535.
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    if (at + 46 + nameLen > b.length) return null;
    names.add(b.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/**
 * Compound files (OLE2) hold Word and Excel 97–2003 documents, but also installers (.msi) and other
 * things: only those with a Word or Excel stream in their directory are accepted.
 */
function ole2Kind(b: Buffer): FileKind | null {
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  if (b.includes(utf16('WordDocument'))) return fileKinds.doc;
  if (b.includes(utf16('Workbook')) || b.includes(utf16('Book\u0000'))) return fileKinds.xls;
  return null;
}

/** UTF-8 text without NUL or other control characters than tab, line breaks and form feed. */
function isPlainText(b: Buffer): boolean {
  if (b.length === 0) return false;
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(b);
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(s);
  } catch {
    return false;
  }
}

/** Names the kind of refused content where it is recognisable, so the message says what was sent. */
export function describeRefused(b: Buffer): string | null {
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return '可执行程序（ELF）';
  if (startsWith(b, ascii('MZ'))) return '可执行程序（Windows）';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return '压缩包或其他 zip 格式文件';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return '非 Word/Excel 的复合文档';
  if (startsWith(b, ascii('Rar!')) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf])) return '压缩包';
  return null;
}
