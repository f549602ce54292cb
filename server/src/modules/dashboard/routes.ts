import { contentDisposition } from '../../platform/files/service.js';
import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import { FigureBoard } from './board.js';
import { Board, BoardQuery, ExportQuery, ModuleQuery, MonthlyBoard, UnitBoard } from './board-contract.js';
import { dashboardWorkbook } from './export.js';
import { DashboardService, P, Summary, SummaryQuery } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['dashboard'];

export function dashboardRoutes(app: App, platform: Platform) {
  const service = new DashboardService(platform);
  const board = new FigureBoard(platform);
  app.get(
    '/api/dashboard/summary',
    {
      schema: {
        tags,
        summary: '驾驶舱汇总：任务完成与督办、述法应述尽述、考核排名、问题整改（每个数字附下钻页面链接）',
        querystring: SummaryQuery,
        response: { 200: Summary },
      },
      config: { permission: P.read },
    },
    (req) => service.summary(req.actor, req.query),
  );
  app.get(
    '/api/dashboard/figures',
    {
      schema: {
        tags,
        summary: '驾驶舱：当年各模块关键指标（取自指标登记表，附下钻页面链接）',
        querystring: BoardQuery,
        response: { 200: Board },
      },
      config: { permission: P.read },
    },
    (req) => board.board(req.actor, req.query),
  );
  app.get(
    '/api/dashboard/figures/units',
    {
      schema: {
        tags,
        summary: '驾驶舱：一个模块的指标按乡镇、县直部门分列',
        querystring: ModuleQuery,
        response: { 200: UnitBoard },
      },
      config: { permission: P.read },
    },
    (req) => board.byUnit(req.actor, req.query),
  );
  app.get(
    '/api/dashboard/figures/monthly',
    {
      schema: {
        tags,
        summary: '驾驶舱：一个模块的指标逐月',
        querystring: ModuleQuery,
        response: { 200: MonthlyBoard },
      },
      config: { permission: P.read },
    },
    (req) => board.monthly(req.actor, req.query),
  );
  app.get(
    '/api/dashboard/export',
    {
      schema: {
        tags,
        summary: '驾驶舱导出 Excel：按模块；选了模块时另含按单位、按月',
        querystring: ExportQuery,
      },
      config: { permission: P.read },
    },
    async (req, reply) => {
      const q = req.query;
      const all = await board.board(req.actor, q);
      const units = q.module ? await board.byUnit(req.actor, { ...q, module: q.module }) : undefined;
      const monthly = q.module ? await board.monthly(req.actor, { ...q, module: q.module }) : undefined;
      const name = `驾驶舱-${all.divisionName}-${all.year}年${units ? `-${units.moduleLabel}` : ''}.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(name))
        .send(await dashboardWorkbook(all, units, monthly));
    },
  );
}
