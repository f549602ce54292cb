import { z } from 'zod';

export const BoardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度，默认今年'),
  division: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字')
    .optional()
    .describe('行政区划代码（含下级）；不填为本人所在单位的行政区划'),
});
export type BoardQuery = z.output<typeof BoardQuery>;

export const ModuleQuery = BoardQuery.extend({
  module: z.string().min(1).max(60).describe('模块名（按模块汇总中的 name），只计算该模块的指标'),
});
export type ModuleQuery = z.output<typeof ModuleQuery>;

export const ExportQuery = BoardQuery.extend({
  module: z.string().min(1).max(60).optional().describe('同时导出该模块的分单位、分月数据'),
});
export type ExportQuery = z.output<typeof ExportQuery>;

const value = z.number().nullable();
const link = z.string().nullable().describe('列出该数字所计记录的页面地址；模块未提供时为空');

const FigureHead = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  definition: z.string(),
});

const Where = z.object({
  year: z.number().int(),
  divisionCode: z.string(),
  divisionName: z.string(),
  from: z.string(),
  to: z.string(),
});

export const Board = Where.extend({
  modules: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      figures: z.array(FigureHead.extend({ value, link })),
    }),
  ),
}).describe('当年各模块的关键指标（行政区划范围 × 本人权限范围）');
export type Board = z.infer<typeof Board>;

const Cell = z.object({ value, link });

export const UnitBoard = Where.extend({
  module: z.string(),
  moduleLabel: z.string(),
  units: z.array(
    z.object({ unitId: z.number().int(), unitName: z.string(), kind: z.enum(['township', 'department']) }),
  ),
  figures: z.array(
    FigureHead.extend({
      total: value.describe('全区划（本人权限范围内）'),
      rest: value.describe('不属于任何乡镇、县直部门的单位（县委县政府、依法治县办、法院等）'),
      link: link.describe('全区划的记录'),
      cells: z.array(Cell).describe('与 units 一一对应'),
    }),
  ),
}).describe('一个模块的指标按乡镇、县直部门分列');
export type UnitBoard = z.infer<typeof UnitBoard>;

export const MonthlyBoard = Where.extend({
  module: z.string(),
  moduleLabel: z.string(),
  months: z.array(z.string()).describe('YYYY-MM，1—12 月'),
  figures: z.array(
    FigureHead.extend({
      total: value.describe('全年'),
      link: link.describe('全年的记录'),
      cells: z.array(Cell).describe('与 months 一一对应'),
    }),
  ),
}).describe('一个模块的指标逐月（期间为各月）');
export type MonthlyBoard = z.infer<typeof MonthlyBoard>;
