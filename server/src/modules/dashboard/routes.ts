import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import { DashboardService, P, Summary, SummaryQuery } from './service.js';

export function dashboardRoutes(app: App, platform: Platform) {
  const service = new DashboardService(platform);
  app.get(
    '/api/dashboard/summary',
    {
      schema: {
        tags: ['dashboard'],
        summary: '驾驶舱汇总：任务完成与督办、述法应述尽述、考核排名、问题整改（每个数字附下钻页面链接）',
        querystring: SummaryQuery,
        response: { 200: Summary },
      },
      config: { permission: P.read },
    },
    (req) => service.summary(req.actor, req.query),
  );
}
