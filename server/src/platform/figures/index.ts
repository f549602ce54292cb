import { z } from 'zod';
import { badInput } from '../http/errors.js';
import { defineModule, type App } from '../manifest.js';
import type { Platform } from '../platform.js';

const P = { read: 'figures.read' } as const;
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const FigureQuery = z.object({
  division: z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字'),
  from: date,
  to: date,
  keys: z.string().optional(),
});
const FigureValue = z.object({
  key: z.string(),
  module: z.string(),
  label: z.string(),
  unit: z.string(),
  definition: z.string(),
  value: z.number().nullable(),
});

function routes(app: App, platform: Platform) {
  app.get(
    '/api/figures',
    {
      schema: {
        tags: ['figures'],
        summary: '指标（行政区划范围 × 期间，按本人权限范围计算）',
        querystring: FigureQuery,
        response: {
          200: z.object({
            division: z.string(),
            from: z.string(),
            to: z.string(),
            figures: z.array(FigureValue),
          }),
        },
      },
      config: { permission: P.read },
    },
    async (req) => {
      const { division, from, to } = req.query;
      if (from > to) throw badInput('to', '结束日期不能早于开始日期');
      const scope = await platform.figures.scopeFor(platform.db, division, req.actor.scopes(P.read));
      const keys = req.query.keys?.split(',').filter(Boolean);
      const figures = await platform.figures.computeAll(platform.db, scope, { from, to }, keys);
      return { division, from, to, figures };
    },
  );
}

export default defineModule({
  name: 'figures',
  label: '指标',
  permissions: [{ code: P.read, label: '查看指标', roles: ['lawOffice', 'cityOffice', 'leader'] }],
  routes,
  nav: [{ path: '/figures', key: 'nav.figures', label: '指标', permission: P.read, group: 'work' }],
});
