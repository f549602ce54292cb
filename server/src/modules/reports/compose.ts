/**
 * Outline + figure values + task items → the report as an OfficialDocument (and the same text as
 * paragraphs for the preview). Pure: everything it needs is passed in, so it is tested without a
 * database and a published version can be re-rendered from what it froze.
 */
import type { DocBlock, OfficialDocument } from '../../platform/documents/types.js';
import type { Outline } from './contract.js';
import { fillPlaceholders, formatFigure, placeholders, type FigureSource } from './format.js';
import { NO_SOURCE } from './kinds.js';
import type { Values } from './values.js';

export interface FigureInfo {
  label: string;
  unit: string;
  definition: string;
  module: string;
}

export interface TaskItem {
  planTitle: string;
  seq: number;
  title: string;
  leadUnit: string;
  stateLabel: string;
  acceptedPercent: number | null;
}

export interface ComposeInput {
  outline: Outline;
  year: number;
  /** the division's name (索县), for {{report.division}} */
  divisionName: string;
  /** who signs: the division's government or the unit */
  signature: readonly string[];
  /** 成文日期, YYYY-MM-DD */
  date: string;
  values: Values;
  info: (key: string) => FigureInfo | undefined;
  /** task-list items by 体系, for sections that pull them */
  tasks?: ReadonlyMap<string, readonly TaskItem[]>;
}

export interface ComposedParagraph {
  sectionId: string | null;
  kind: 'title' | 'heading' | 'paragraph' | 'task';
  level: number | null;
  text: string;
}

export interface Composed {
  document: OfficialDocument;
  paragraphs: ComposedParagraph[];
  /** every figure key the text uses, in order of first use */
  used: string[];
  unowned: string[];
  empty: string[];
  tasksPulled: number;
}

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers) */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** {{report.year}}, {{report.nextYear}}, {{report.division}}: the report's own values, not figures */
function fillReport(text: string, input: ComposeInput): string {
  return text.replace(/\{\{\s*report\.(year|nextYear|division)\s*\}\}/g, (_, k: string) =>
    k === 'year' ? String(input.year) : k === 'nextYear' ? String(input.year + 1) : input.divisionName,
  );
}

function taskLine(t: TaskItem, i: number): string {
  const pct = t.acceptedPercent !== null && t.stateLabel !== '已完成' ? `，进度${t.acceptedPercent}%` : '';
  return `${i + 1}.《${t.planTitle}》第${t.seq}项“${t.title}”（牵头单位：${t.leadUnit}）：${t.stateLabel}${pct}。`;
}

export function composeReport(input: ComposeInput): Composed {
  const src: FigureSource = {
    unitOf: (k) => input.info(k)?.unit,
    valueOf: (k) => input.values[k],
  };
  const used: string[] = [];
  const unowned = new Set<string>();
  const empty = new Set<string>();
  const fill = (text: string) => {
    const r = fillPlaceholders(fillReport(text, input), src);
    for (const k of r.used) if (!used.includes(k)) used.push(k);
    r.unowned.forEach((k) => unowned.add(k));
    r.empty.forEach((k) => empty.add(k));
    return r.text;
  };

  const title = fill(input.outline.title);
  const blocks: DocBlock[] = [];
  const paragraphs: ComposedParagraph[] = [{ sectionId: null, kind: 'title', level: null, text: title }];
  const addPara = (sectionId: string | null, text: string, kind: 'paragraph' | 'task' = 'paragraph') => {
    blocks.push({ kind: 'paragraph', text });
    paragraphs.push({ sectionId, kind, level: null, text });
  };
  for (const p of paragraphsOf(input.outline.preamble)) addPara(null, fill(p));

  let l1 = 0;
  let l2 = 0;
  let tasksPulled = 0;
  for (const s of input.outline.sections) {
    const heading = fill(s.heading);
    if (heading) {
      const text =
        s.level === 1 ? `${chineseNumber(++l1)}、${heading}` : `（${chineseNumber(++l2)}）${heading}`;
      if (s.level === 1) l2 = 0;
      blocks.push({ kind: 'heading', level: s.level, text });
      paragraphs.push({ sectionId: s.id, kind: 'heading', level: s.level, text });
    } else if (s.level === 1) l2 = 0;
    for (const p of paragraphsOf(s.text)) addPara(s.id, fill(p));
    const tasks = s.includeTasks && s.system ? (input.tasks?.get(s.system) ?? []) : [];
    if (tasks.length) {
      addPara(s.id, `${input.year}年任务清单中本项工作的落实情况：`, 'task');
      tasks.forEach((t, i) => addPara(s.id, taskLine(t, i), 'task'));
      tasksPulled += tasks.length;
    }
  }

  // 附件: every figure the text uses, with what it counts
  const rows = used.map((k) => {
    const info = input.info(k);
    const v = input.values[k];
    const value = !info ? NO_SOURCE : v === null || v === undefined ? '—' : formatFigure(v, info.unit);
    return [info?.label ?? k, value, info?.unit ?? '', info?.definition ?? `尚无模块提供此指标（${k}）`];
  });
  const document: OfficialDocument = {
    title,
    blocks,
    signature: input.signature,
    date: input.date,
    attachments: [
      {
        title: '报告所用指标及其口径',
        blocks: [
          {
            kind: 'paragraph',
            text: `以下数值由平台按各业务模块登记的记录计算，期间为${input.year}年1月1日至12月31日；正文中的“余”“多”“万”写法由下列确数得出。`,
          },
          { kind: 'table', header: ['指标', '数值', '单位', '口径'], rows },
        ],
      },
    ],
  };
  return { document, paragraphs, used, unowned: [...unowned], empty: [...empty], tasksPulled };
}

/** The figure keys an outline refers to (for computing only what it needs). */
export function outlineKeys(outline: Outline): string[] {
  const texts = [outline.title, outline.preamble, ...outline.sections.flatMap((s) => [s.heading, s.text])];
  const keys = new Set<string>();
  for (const t of texts) for (const p of placeholders(t)) if (!p.key.startsWith('report.')) keys.add(p.key);
  return [...keys];
}
