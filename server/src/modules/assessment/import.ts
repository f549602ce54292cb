import { z } from 'zod';
import { DryRunQuery, ImportReportView, RowProblem, runImport } from '../../platform/excel/importer.js';
import { buildTemplate, defineSheet } from '../../platform/excel/sheet.js';
import { FileForm, ensureMultipart, multipartValidator, readUpload } from '../../platform/files/multipart.js';
import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import { IdParam, IndicatorInput } from './contract.js';
import { P, type AssessmentService } from './service.js';

/** One row per indicator; the code places it in the tree (parents before their children). */
export const indicatorSheet = defineSheet({
  name: '考核指标',
  maxRows: 1000,
  columns: [
    {
      key: 'code',
      header: '编码',
      required: true,
      schema: z.string().max(20),
      note: '层级编号，如 1、1.2；上级须在下级之前',
      example: '1.1',
    },
    {
      key: 'name',
      header: '指标名称',
      required: true,
      schema: z.string().max(200),
      example: '党委理论学习中心组学习习近平法治思想',
      width: 40,
    },
    {
      key: 'points',
      header: '分值',
      required: true,
      schema: z.coerce.number({ message: '分值应为数字' }),
      note: '上级指标分值等于下级之和',
      example: '3',
    },
    { key: 'scoringNotes', header: '评分细则', schema: z.string().max(2000), width: 50 },
  ],
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function indicatorImportRoutes(app: App, platform: Platform, service: AssessmentService) {
  await ensureMultipart(app, platform.files.maxBytes);
  const tags = ['assessment'];
  app.get(
    '/api/assessment/indicators/import/template',
    { schema: { tags, summary: '考核指标导入模板（.xlsx）' }, config: { permission: P.manage } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('考核指标导入模板.xlsx')}`,
        )
        .send(await buildTemplate(indicatorSheet)),
  );
  app.post(
    '/api/assessment/systems/:id/indicators/import',
    {
      schema: {
        tags,
        summary: '导入考核指标（dryRun=true 只校验并逐行报错；false 全部写入或全部不写）',
        params: IdParam,
        querystring: DryRunQuery,
        consumes: ['multipart/form-data'],
        body: FileForm,
        response: {
          200: ImportReportView(z.object({ row: z.number().int(), id: z.string(), code: z.string() })),
        },
      },
      config: { permission: P.manage },
      validatorCompiler: multipartValidator,
    },
    async (req) => {
      // The system must be the asker's to manage before the file is even read.
      await service.getSystem(platform.db, req.actor, req.params.id, P.manage);
      const { file } = await readUpload(req, platform.files.maxBytes);
      return runImport({
        db: platform.db,
        ctx: req.ctx,
        sheet: indicatorSheet,
        bytes: file.bytes,
        dryRun: req.query.dryRun === 'true',
        fieldColumns: { code: 'code', name: 'name', points: 'points', scoringNotes: 'scoringNotes' },
        async apply(t, { row, values }) {
          const parsed = IndicatorInput.safeParse(values);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            throw new RowProblem(issue.message, String(issue.path[0] ?? '') || undefined);
          }
          const created = await service.addIndicator(t, req.params.id, parsed.data);
          return { row, id: created.id, code: created.code };
        },
      });
    },
  );
}
