import ExcelJS from 'exceljs';
import type { Board, MonthlyBoard, UnitBoard } from './board-contract.js';

export const sheetNames = { modules: '按模块', units: '按单位', monthly: '按月' } as const;

/** Ratios as percentages, scores with one decimal, counts as whole numbers with grouping. */
const numFmt = (unit: string) => (unit === '比例' ? '0.0%' : unit === '分' ? '0.0' : '#,##0');

const bold = { bold: true } as const;
const headFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

function title(ws: ExcelJS.Worksheet, text: string, span: number) {
  ws.addRow([text]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.max(span, 1));
}

function header(ws: ExcelJS.Worksheet, cells: string[]) {
  const r = ws.addRow(cells);
  r.font = bold;
  r.eachCell((c) => {
    c.fill = headFill;
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
}

/** A figure's column header: 发放宣传资料（份）. */
const figureHeader = (f: { label: string; unit: string }) =>
  f.unit === '比例' ? f.label : `${f.label}（${f.unit}）`;

/**
 * The cockpit's current view as a workbook: the year's figures by module, and for the module chosen,
 * by township and department and by month — the same numbers the API returns.
 */
export async function dashboardWorkbook(
  board: Board,
  units?: UnitBoard,
  monthly?: MonthlyBoard,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi 法治';
  const where = `${board.divisionName}${board.year}年`;

  const m = wb.addWorksheet(sheetNames.modules, { views: [{ state: 'frozen', ySplit: 2 }] });
  title(m, `${where}法治政府建设关键指标`, 5);
  header(m, ['模块', '指标', '数值', '计量单位', '口径']);
  for (const mod of board.modules)
    for (const f of mod.figures) {
      const r = m.addRow([mod.label, f.label, f.value, f.unit, f.definition]);
      r.getCell(3).numFmt = numFmt(f.unit);
    }
  m.columns = [{ width: 14 }, { width: 30 }, { width: 12 }, { width: 10 }, { width: 80 }];

  if (units) {
    const ws = wb.addWorksheet(sheetNames.units, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
    title(ws, `${where}${units.moduleLabel}指标（分乡镇、县直部门）`, units.figures.length + 2);
    header(ws, ['单位', '类别', ...units.figures.map(figureHeader)]);
    const row = (name: string, kind: string, values: (number | null)[]) => {
      const r = ws.addRow([name, kind, ...values]);
      units.figures.forEach((f, i) => (r.getCell(i + 3).numFmt = numFmt(f.unit)));
      return r;
    };
    units.units.forEach((u, j) =>
      row(
        u.unitName,
        u.kind === 'township' ? '乡镇' : '县直部门',
        units.figures.map((f) => f.cells[j]!.value),
      ),
    );
    row(
      '其他单位',
      '乡镇、县直部门以外',
      units.figures.map((f) => f.rest),
    );
    row(
      `${units.divisionName}合计`,
      '',
      units.figures.map((f) => f.total),
    ).font = bold;
    ws.columns = [{ width: 30 }, { width: 12 }, ...units.figures.map(() => ({ width: 16 }))];
  }

  if (monthly) {
    const ws = wb.addWorksheet(sheetNames.monthly, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
    title(ws, `${where}${monthly.moduleLabel}指标（逐月）`, monthly.figures.length + 1);
    header(ws, ['月份', ...monthly.figures.map(figureHeader)]);
    const row = (name: string, values: (number | null)[]) => {
      const r = ws.addRow([name, ...values]);
      monthly.figures.forEach((f, i) => (r.getCell(i + 2).numFmt = numFmt(f.unit)));
      return r;
    };
    monthly.months.forEach((mo, j) =>
      row(
        `${Number(mo.slice(5))}月`,
        monthly.figures.map((f) => f.cells[j]!.value),
      ),
    );
    row(
      '全年',
      monthly.figures.map((f) => f.total),
    ).font = bold;
    ws.columns = [{ width: 10 }, ...monthly.figures.map(() => ({ width: 16 }))];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
