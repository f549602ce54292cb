/**
 * The Word files laid out by a real word processor: LibreOffice converts them to PDF and the page
 * counts and line lengths must come out as GB/T 9704 says (22 lines, 28 characters). Needs
 * soffice, pdfinfo, pdftotext and pdftoppm (CI installs libreoffice-writer-nogui, poppler-utils).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { CHARS_PER_LINE, LINES_PER_PAGE } from './layout.js';
import type { DocBlock, OfficialDocument } from './types.js';

const run = promisify(execFile);

const lines = (n: number): DocBlock[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', text: `第${i + 1}行。` }));

/** one paragraph filling n whole lines: the first line is indented two characters */
const filled = (n: number, extra = 0): DocBlock => ({
  kind: 'paragraph',
  text: '法'.repeat(n * CHARS_PER_LINE - 2 + extra),
});

const docs: Record<string, OfficialDocument> = {
  // the title line has no text: blocks alone fill the pages
  twoPages: { title: '', blocks: lines(2 * LINES_PER_PAGE) },
  threePages: { title: '', blocks: lines(2 * LINES_PER_PAGE + 1) },
  fullPage: { title: '', blocks: [filled(LINES_PER_PAGE)] },
  overFull: { title: '', blocks: [filled(LINES_PER_PAGE, 1)] },
  notice: {
    issuer: '索县人民政府',
    number: '索政发〔2023〕3号',
    title: '索县人民政府关于开展法治宣传教育的通知',
    addressee: '各乡镇人民政府，县直各单位',
    blocks: [
      { kind: 'heading', level: 1, text: '一、总体要求' },
      {
        kind: 'paragraph',
        text: '为深入学习贯彻习近平法治思想，全面落实“八五”普法规划，推动全社会尊法学法守法用法，现就有关事项通知如下。',
      },
      { kind: 'paragraph', lang: 'bo', text: 'ཁྲིམས་ལུགས་དར་སྤེལ་སློབ་གསོའི་སྐོར་གྱི་བརྡ་ཐོ།' },
      { kind: 'heading', level: 2, text: '（一）工作目标' },
      { kind: 'table', header: ['项目', '数量'], rows: [['普法活动', '312场次']] },
    ],
    signature: ['索县人民政府'],
    date: '2023-07-01',
  },
};

let dir = '';
const pages: Record<string, number> = {};

async function pdfText(name: string, page: number): Promise<string[]> {
  const { stdout } = await run('pdftotext', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-raw',
    join(dir, `${name}.pdf`),
    '-',
  ]);
  return stdout.split('\n').map((l) => l.replace(/\s/g, ''));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fazhi-docx-'));
  const files: string[] = [];
  for (const [name, doc] of Object.entries(docs)) {
    const f = join(dir, `${name}.docx`);
    await writeFile(f, await renderDocx(doc));
    files.push(f);
  }
  // its own profile, so parallel runs do not share (and lock) one
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...files,
    ],
    { timeout: 60_000 },
  );
  for (const name of Object.keys(docs)) {
    const { stdout } = await run('pdfinfo', [join(dir, `${name}.pdf`)]);
    pages[name] = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  }
  await mkdir('/tmp/shots', { recursive: true });
  await run('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    join(dir, 'notice.pdf'),
    '/tmp/shots/docx-notice',
  ]);
}, 90_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('renderDocx laid out by LibreOffice', () => {
  it('gives 22 lines a page: 44 lines are 2 pages, 45 are 3', () => {
    expect(pages.twoPages).toBe(2);
    expect(pages.threePages).toBe(3);
  });

  it('gives 28 characters a line: 22 full lines are one page, one character more is two', async () => {
    expect(pages.fullPage).toBe(1);
    expect(pages.overFull).toBe(2);
    const text = (await pdfText('fullPage', 1)).filter((l) => l.startsWith('法'));
    expect(text).toHaveLength(LINES_PER_PAGE);
    expect(text[0]).toHaveLength(CHARS_PER_LINE - 2);
    expect(new Set(text.slice(1).map((l) => l.length))).toEqual(new Set([CHARS_PER_LINE]));
  });

  it('keeps a one-page notice on one page with its page number', async () => {
    expect(pages.notice).toBe(1);
    const text = await pdfText('notice', 1);
    expect(text).toContain('—1—');
    expect(text).toContain('2023年7月1日');
  });
});
