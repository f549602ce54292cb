import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/actor.js';
import { DryRunQuery, ImportReportView, RowProblem, runImport } from '../../platform/excel/importer.js';
import { buildTemplate, defineSheet, writeRows } from '../../platform/excel/sheet.js';
import { FileForm, ensureMultipart, multipartValidator, readUpload } from '../../platform/files/multipart.js';
import type { App } from '../../platform/manifest.js';
import { orgUnits } from '../../platform/org/schema.js';
import type { Platform } from '../../platform/platform.js';
import { CreateTask, Id } from './contract.js';
import { systemCodes, systems, type TaskSystem } from './kinds.js';
import type { PlanService } from './plans.js';
import { P, type PlanningService } from './service.js';

const systemByLabel = new Map<string, TaskSystem>(systemCodes.map((c) => [systems[c], c]));
const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字`);

/** 2023-06-30, 2023/6/30, 2023.6.30 or 2023年6月30日 → 2023-06-30. */
const deadline = z.string().transform((v, c) => {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : v;
  if (!z.iso.date().safeParse(iso).success) {
    c.addIssue({ code: 'custom', message: `完成时限“${v}”不是有效日期，应写作 2023-06-30 或 2023年6月30日` });
    return z.NEVER;
  }
  return iso;
});

/** The office's task-list layout: 序号, 工作任务, 牵头单位, 参与单位（顿号分隔）, 完成时限, 备注 (+ 所属体系). */
export const taskSheet = defineSheet({
  name: '任务清单',
  maxRows: 500,
  columns: [
    {
      key: 'seq',
      header: '序号',
      schema: z.coerce.number({ message: '序号应为整数' }).int('序号应为整数').min(1),
      note: '仅供核对，系统按行顺序编排序号',
      width: 8,
    },
    {
      key: 'title',
      header: '工作任务',
      required: true,
      schema: text(300),
      example: '制定并印发年度法治政府建设工作要点',
      width: 50,
    },
    {
      key: 'lead',
      header: '牵头单位',
      required: true,
      schema: text(60),
      note: '单位全称',
      example: '索县司法局',
      width: 28,
    },
    {
      key: 'participants',
      header: '参与单位（顿号分隔）',
      schema: text(2000),
      note: '单位全称，多个以顿号分隔',
      example: '索县人民政府办公室、亚拉镇人民政府',
      width: 40,
    },
    {
      key: 'deadline',
      header: '完成时限',
      required: true,
      schema: deadline,
      example: '2023-06-30',
      width: 14,
    },
    { key: 'note', header: '备注', schema: text(1000), width: 24 },
    {
      key: 'system',
      header: '所属体系',
      choices: systemCodes.map((c) => systems[c]),
      schema: z.string().transform((v, c) => {
        const s = systemByLabel.get(v) ?? (systemCodes.includes(v as TaskSystem) ? (v as TaskSystem) : null);
        if (!s) {
          c.addIssue({ code: 'custom', message: `所属体系“${v}”不正确，请从下拉列表中选择` });
          return z.NEVER;
        }
        return s;
      }),
      note: '选填，年度报告按体系归集任务',
      width: 30,
    },
  ],
});

/** A unit by its full name; several of one name are told apart by the importer's scope. */
async function unitIdByName(db: Db, actor: Actor, name: string, column: string): Promise<number> {
  const all = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.name, name), eq(orgUnits.active, true)));
  if (!all.length) throw new RowProblem(`单位“${name}”不存在（请填写单位全称）`, column);
  const mine = all.length > 1 ? all.filter((u) => actor.covers(P.manage, u.path)) : all;
  if (mine.length !== 1)
    throw new RowProblem(`有 ${all.length} 个名为“${name}”的单位，无法确定是哪一个`, column);
  return mine[0]!.id;
}

const splitNames = (s: unknown) =>
  String(s ?? '')
    .split(/[、，,；;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) =>
  `attachment; filename="tasks.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function planningImportRoutes(
  app: App,
  platform: Platform,
  service: PlanningService,
  plans: PlanService,
) {
  await ensureMultipart(app, platform.files.maxBytes);
  const tags = ['planning'];
  app.get(
    '/api/planning/tasks/import/template',
    { schema: { tags, summary: '任务清单导入模板（.xlsx）' }, config: { permission: P.manage } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('任务清单导入模板.xlsx'))
        .send(await buildTemplate(taskSheet)),
  );
  app.get(
    '/api/planning/plans/:id/tasks/export',
    {
      schema: { tags, summary: '导出计划的任务清单（.xlsx，与导入模板同一格式）', params: Id },
      config: { permission: P.read },
    },
    async (req, reply) => {
      const plan = await plans.getPlan(platform.db, req.actor, req.params.id);
      const { items } = await service.listTasks(req.actor, { planId: plan.id, page: 1, pageSize: 5000 });
      const rows = items.map((t) => ({
        seq: t.seq,
        title: t.title,
        lead: t.leadUnit.name,
        participants: t.participantUnits.map((u) => u.name).join('、'),
        deadline: t.deadline,
        note: t.note,
        system: t.systemLabel,
      }));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${plan.title}任务清单.xlsx`))
        .send(await writeRows(taskSheet, rows));
    },
  );
  app.post(
    '/api/planning/plans/:id/tasks/import',
    {
      schema: {
        tags,
        summary: '导入任务清单到计划（dryRun=true 只校验并逐行报错；false 全部写入或全部不写）',
        params: Id,
        querystring: DryRunQuery,
        consumes: ['multipart/form-data'],
        body: FileForm,
        response: {
          200: ImportReportView(
            z.object({ row: z.number().int(), id: z.string(), seq: z.number().int(), title: z.string() }),
          ),
        },
      },
      config: { permission: P.manage },
      validatorCompiler: multipartValidator,
    },
    async (req) => {
      await plans.getPlan(platform.db, req.actor, req.params.id, P.manage);
      const { file } = await readUpload(req, platform.files.maxBytes);
      await service.warm();
      return runImport({
        db: platform.db,
        ctx: req.ctx,
        sheet: taskSheet,
        bytes: file.bytes,
        dryRun: req.query.dryRun === 'true',
        fieldColumns: {
          leadUnitId: 'lead',
          participantUnitIds: 'participants',
          deadline: 'deadline',
          title: 'title',
        },
        async apply(t, { row, values: v }) {
          const actor = t.ctx.actor;
          const participantUnitIds: number[] = [];
          for (const name of splitNames(v.participants))
            participantUnitIds.push(await unitIdByName(t.db, actor, name, 'participants'));
          const input = {
            planId: req.params.id,
            title: v.title,
            leadUnitId: await unitIdByName(t.db, actor, v.lead as string, 'lead'),
            participantUnitIds,
            deadline: v.deadline,
            system: v.system ?? null,
            note: v.note ?? null,
          };
          const parsed = CreateTask.safeParse(input);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const key =
              { participantUnitIds: 'participants', leadUnitId: 'lead' }[String(issue.path[0])] ??
              String(issue.path[0]);
            throw new RowProblem(
              issue.message,
              taskSheet.columns.some((c) => c.key === key) ? key : undefined,
            );
          }
          const created = await service.createTaskIn(t, parsed.data);
          return { row, id: created.id, seq: created.seq, title: created.title };
        },
      });
    },
  );
}
