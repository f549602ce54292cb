import ExcelJS from 'exceljs';
import { z } from 'zod';
import { DomainError } from '../http/errors.js';

/** One column of an importable list: the header a clerk sees, the key the code uses, the rule for a cell. */
export interface Column<K extends string = string> {
  key: K;
  /** header text in the template and the uploaded file (Chinese) */
  header: string;
  /** validates the cell's text (trimmed; blank cells never reach it) */
  schema: z.ZodType;
  required?: boolean;
  /** what to enter, shown in the template's instructions and as a cell note */
  note?: string;
  example?: string;
  /** fixed choices: a drop-down in the template */
  choices?: readonly string[];
  width?: number;
}

export interface SheetDef<K extends string = string> {
  /** worksheet name, also the template's file name */
  name: string;
  columns: readonly Column<K>[];
  /** most data rows accepted in one file */
  maxRows?: number;
}

export const defineSheet = <K extends string>(def: SheetDef<K>): SheetDef<K> => def;

/** One problem in an uploaded file: Excel's own row number, the column's header, a reason in Chinese. */
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

export interface ParsedRow<K extends string = string> {
  /** Excel row number (the header is row 1) */
  row: number;
  /** parsed values by key; undefined for blank optional cells */
  values: Record<K, unknown>;
  /** whether every cell of this row passed its column's rule */
  ok: boolean;
}

const HEADER_ROW = 1;
const zhCN = z.locales.zhCN();

/** The template: the header row (required columns marked), drop-downs for choices, an instructions sheet. */
export async function buildTemplate(def: SheetDef): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi 法治';
  const ws = wb.addWorksheet(def.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = def.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
  }));
  const header = ws.getRow(HEADER_ROW);
  def.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { horizontal: 'center' };
    const note = [c.required ? '必填' : '选填', c.note].filter(Boolean).join('：');
    cell.note = note;
    // Text cells, so codes keep their leading zeros and long numbers stay exact.
    ws.getColumn(i + 1).numFmt = '@';
    if (c.choices?.length) {
      const list = `"${c.choices.join(',')}"`;
      for (let r = HEADER_ROW + 1; r <= HEADER_ROW + 500; r++)
        ws.getCell(r, i + 1).dataValidation = {
          type: 'list',
          allowBlank: !c.required,
          formulae: [list],
          showErrorMessage: true,
          errorTitle: c.header,
          error: `请从下拉列表中选择${c.header}`,
        };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'header', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'note', width: 60 },
    { header: '示例', key: 'example', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of def.columns)
    help.addRow({
      header: c.header,
      required: c.required ? '必填' : '选填',
      note: [c.note, c.choices ? `可选：${c.choices.join('、')}` : null].filter(Boolean).join('；'),
      example: c.example ?? '',
    });
  help.addRow({});
  help.addRow({ header: `从“${def.name}”表第 2 行起每行一条，红色列必填；表头请勿修改。` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's content as trimmed text; blank → undefined. Dates become YYYY-MM-DD, formulas their result. */
export function cellText(v: ExcelJS.CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return cellText(v.richText.map((p) => p.text).join(''));
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return undefined;
    return undefined;
  }
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

const normHeader = (s: string) => s.replace(/[\s*＊]/g, '').replace(/[（(]必填[)）]/, '');

/** Reads the sheet's data rows and checks every cell against its column; all problems are reported, not the first. */
export async function readSheet<K extends string>(
  def: SheetDef<K>,
  bytes: Buffer,
): Promise<{ rows: ParsedRow<K>[]; errors: RowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new DomainError(
      400,
      'INVALID_WORKBOOK',
      '文件不是有效的 Excel 工作簿（.xlsx），请用下载的模板填写',
    );
  }
  const ws = wb.getWorksheet(def.name) ?? wb.worksheets[0];
  if (!ws) throw new DomainError(400, 'INVALID_WORKBOOK', '工作簿中没有工作表');

  const errors: RowError[] = [];
  const positions = new Map<K, number>();
  const header = ws.getRow(HEADER_ROW);
  header.eachCell((cell, col) => {
    const text = normHeader(cellText(cell.value) ?? '');
    const c = def.columns.find((x) => normHeader(x.header) === text);
    if (c && !positions.has(c.key)) positions.set(c.key, col);
  });
  for (const c of def.columns)
    if (c.required && !positions.has(c.key))
      errors.push({ row: HEADER_ROW, column: c.header, reason: `缺少“${c.header}”列，请使用下载的模板` });
  if (errors.length) return { rows: [], errors };

  const rows: ParsedRow<K>[] = [];
  const max = def.maxRows ?? 5000;
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const texts = new Map<K, string | undefined>();
    for (const [key, col] of positions) texts.set(key, cellText(row.getCell(col).value));
    if ([...texts.values()].every((v) => v === undefined)) continue;
    if (rows.length >= max) {
      errors.push({ row: r, column: null, reason: `一次最多导入 ${max} 行，请分批导入` });
      break;
    }
    const values = {} as Record<K, unknown>;
    let ok = true;
    for (const c of def.columns) {
      const text = texts.get(c.key);
      if (text === undefined) {
        if (c.required) {
          errors.push({ row: r, column: c.header, reason: `“${c.header}”必填` });
          ok = false;
        }
        values[c.key] = undefined;
        continue;
      }
      const parsed = c.schema.safeParse(text, { error: zhCN.localeError });
      if (parsed.success) values[c.key] = parsed.data;
      else {
        ok = false;
        errors.push({ row: r, column: c.header, reason: parsed.error.issues[0]?.message ?? '格式不正确' });
      }
    }
    rows.push({ row: r, values, ok });
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: HEADER_ROW + 1, column: null, reason: '文件中没有数据行' });
  return { rows, errors };
}

/** Builds a workbook in the template's layout from plain rows (tests, exports). */
export async function writeRows(def: SheetDef, rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(def.name);
  ws.addRow(def.columns.map((c) => c.header));
  for (const r of rows) ws.addRow(def.columns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
