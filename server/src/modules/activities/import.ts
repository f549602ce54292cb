import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/actor.js';
import { DryRunQuery, ImportReportView, RowProblem, runImport } from '../../platform/excel/importer.js';
import { buildTemplate, defineSheet, type Column } from '../../platform/excel/sheet.js';
import { FileForm, ensureMultipart, multipartValidator, readUpload } from '../../platform/files/multipart.js';
import type { App } from '../../platform/manifest.js';
import { orgUnits } from '../../platform/org/schema.js';
import type { Platform } from '../../platform/platform.js';
import { CreateActivity } from './contract.js';
import {
  activityKindCodes,
  activityKinds,
  languageLabels,
  languages,
  materialKindCodes,
  materialKinds,
  type ActivityKind,
  type MaterialKind,
} from './kinds.js';
import { P, type ActivityService } from './service.js';

const kindByLabel = new Map<string, ActivityKind>(activityKindCodes.map((k) => [activityKinds[k].label, k]));
const languageByLabel = new Map<string, string>(languages.map((l) => [languageLabels[l], l]));
const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字`);
const whole = (what: string) =>
  z.coerce
    .number({ message: `${what}应为整数` })
    .int(`${what}应为整数`)
    .min(0);

const materialColumn = (m: MaterialKind): Column<string> => ({
  key: `m.${m}`,
  header: `${materialKinds[m].label}（${materialKinds[m].unit}）`,
  schema: whole('数量'),
  note: '发放数量，不发放留空',
});

/** One row per activity; a training's attendance is written "单位全称:人次", rows separated by ；. */
export const activitySheet = defineSheet({
  name: '工作台账',
  maxRows: 2000,
  columns: [
    {
      key: 'unit',
      header: '归属单位',
      required: true,
      schema: text(60),
      note: '单位全称，须在您的填报范围内',
      example: '亚拉镇人民政府',
      width: 28,
    },
    {
      key: 'kind',
      header: '类别',
      required: true,
      choices: activityKindCodes.map((k) => activityKinds[k].label),
      schema: z.string().transform((v, c) => {
        const k =
          kindByLabel.get(v) ?? (activityKindCodes.includes(v as ActivityKind) ? (v as ActivityKind) : null);
        if (!k) {
          c.addIssue({ code: 'custom', message: `类别“${v}”不正确，请从下拉列表中选择` });
          return z.NEVER;
        }
        return k;
      }),
      example: '集中宣讲',
      width: 24,
    },
    {
      key: 'title',
      header: '活动名称',
      required: true,
      schema: text(120),
      example: '《民法典》进村宣讲',
      width: 30,
    },
    {
      key: 'date',
      header: '日期',
      required: true,
      schema: z.iso.date('日期格式应为 YYYY-MM-DD'),
      example: '2023-06-15',
    },
    { key: 'place', header: '地点', required: true, schema: text(120), example: '亚拉镇集镇广场', width: 24 },
    { key: 'organiser', header: '主办单位', schema: text(60), note: '不填则为归属单位', width: 28 },
    {
      key: 'language',
      header: '语言',
      choices: languages.map((l) => languageLabels[l]),
      schema: z.string().transform((v, c) => {
        const l = languageByLabel.get(v) ?? (languages.includes(v as 'zh') ? v : null);
        if (!l) {
          c.addIssue({ code: 'custom', message: `语言应为：${Object.values(languageLabels).join('、')}` });
          return z.NEVER;
        }
        return l;
      }),
      note: '默认汉语',
      example: '藏汉双语',
    },
    { key: 'participants', header: '参加（受教）人次', schema: whole('人次'), note: '学法、宣传活动填写' },
    { key: 'sessions', header: '培训期数', schema: whole('期数'), note: '培训填写' },
    {
      key: 'quantity',
      header: '数量（条/次）',
      schema: whole('数量'),
      note: '横幅、视频推送、宣传车巡逻、广播填写',
    },
    {
      key: 'attendance',
      header: '参训单位及人次',
      schema: text(4000),
      note: '培训填写，如：亚拉镇人民政府:12；索县公安局:8',
      width: 40,
    },
    {
      key: 'laws',
      header: '涉及法律法规',
      schema: text(400),
      note: '多部以顿号分隔，如：民法典、宪法',
      width: 24,
    },
    ...materialKindCodes.map(materialColumn),
    { key: 'note', header: '备注', schema: text(1000) },
  ],
});

async function unitIdByName(db: Db, actor: Actor | null, name: string, column: string): Promise<number> {
  const all = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.name, name), eq(orgUnits.active, true)));
  if (!all.length) throw new RowProblem(`单位“${name}”不存在（请填写单位全称）`, column);
  const mine = actor ? all.filter((u) => actor.covers(P.manage, u.path)) : all;
  if (!mine.length) throw new RowProblem(`单位“${name}”不在您的填报范围内`, column);
  if (mine.length > 1)
    throw new RowProblem(`有 ${mine.length} 个名为“${name}”的单位，无法确定是哪一个`, column);
  return mine[0]!.id;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function activityImportRoutes(app: App, platform: Platform, service: ActivityService) {
  await ensureMultipart(app, platform.files.maxBytes);
  const tags = ['activities'];
  app.get(
    '/api/activities/import/template',
    { schema: { tags, summary: '工作台账导入模板（.xlsx）' }, config: { permission: P.manage } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('工作台账导入模板.xlsx')}`,
        )
        .send(await buildTemplate(activitySheet)),
  );
  app.post(
    '/api/activities/import',
    {
      schema: {
        tags,
        summary: '导入工作台账（dryRun=true 只校验并逐行报错；false 全部写入或全部不写）',
        querystring: DryRunQuery,
        consumes: ['multipart/form-data'],
        body: FileForm,
        response: {
          200: ImportReportView(z.object({ row: z.number().int(), id: z.string(), title: z.string() })),
        },
      },
      config: { permission: P.manage },
      validatorCompiler: multipartValidator,
    },
    async (req) => {
      const { file } = await readUpload(req, platform.files.maxBytes);
      return runImport({
        db: platform.db,
        ctx: req.ctx,
        sheet: activitySheet,
        bytes: file.bytes,
        dryRun: req.query.dryRun === 'true',
        fieldColumns: { unitId: 'unit', organiserUnitId: 'organiser', date: 'date' },
        async apply(t, { row, values: v }) {
          const actor = t.ctx.actor;
          const attendance = [];
          for (const part of String(v.attendance ?? '')
            .split(/[；;\n]/)
            .map((s) => s.trim())
            .filter(Boolean)) {
            const m = /^(.+?)\s*[:：]\s*(\d+)$/.exec(part);
            if (!m) throw new RowProblem(`“${part}”格式不正确，应为“单位全称:人次”`, 'attendance');
            attendance.push({
              unitId: await unitIdByName(t.db, null, m[1]!, 'attendance'),
              count: Number(m[2]),
            });
          }
          const input = {
            unitId: await unitIdByName(t.db, actor, v.unit as string, 'unit'),
            kind: v.kind,
            title: v.title,
            date: v.date,
            place: v.place,
            organiserUnitId: v.organiser
              ? await unitIdByName(t.db, null, v.organiser as string, 'organiser')
              : null,
            language: v.language ?? 'zh',
            participants: v.participants ?? null,
            sessions: v.sessions ?? null,
            quantity: v.quantity ?? null,
            attendance,
            materials: materialKindCodes
              .filter((m) => Number(v[`m.${m}`] ?? 0) > 0)
              .map((m) => ({ materialKind: m, quantity: Number(v[`m.${m}`]) })),
            laws: v.laws
              ? String(v.laws)
                  .split(/[、，,；;]/)
                  .map((s) => s.trim())
                  .filter(Boolean)
              : [],
            note: v.note ?? null,
          };
          const parsed = CreateActivity.safeParse(input);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const field = String(issue.path[0] ?? '');
            const column =
              field === 'materials' ? `m.${input.materials[Number(issue.path[1])]?.materialKind}` : field;
            throw new RowProblem(
              issue.message,
              activitySheet.columns.some((c) => c.key === column) ? column : undefined,
            );
          }
          const created = await service.createIn(t, parsed.data);
          return { row, id: created.id, title: created.title };
        },
      });
    },
  );
}
