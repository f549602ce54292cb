import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../../platform/access/actor.js';
import type { Platform } from '../../platform/platform.js';
import type { PostType, Rating } from './kinds.js';
import { lawDutyCampaigns, lawDutyReporters, lawDutyReports } from './schema.js';
import { REPORT_FILE_OWNER } from './service.js';

/**
 * Suo County's 2023 述法: the report counts 42 department and 20 township reports. Suo has 10
 * townships, so 20 = 党委书记 + 乡镇长 of each. For the departments we assume every county department
 * (every unit of kind “department”, 29 with the justice bureau) reported through its principal, and the
 * 13 departments whose party-group secretary is a different person reported through that secretary
 * too: 29 + 13 = 42. Reports were handed in at the year-end 述职 (late November to December 2023).
 */
const DEPARTMENT_REPORTS = 42;

/** mulberry32, so every demo load is the same county. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}

const given = [
  '扎西',
  '次仁',
  '格桑',
  '洛桑',
  '索朗',
  '尼玛',
  '达瓦',
  '平措',
  '旦增',
  '多吉',
  '拉巴',
  '普布',
  '边巴',
  '巴桑',
];
const second = [
  '多吉',
  '次仁',
  '顿珠',
  '旺堆',
  '罗布',
  '曲扎',
  '加措',
  '坚参',
  '桑珠',
  '群培',
  '卓玛',
  '央金',
  '措姆',
  '拉姆',
];
const hanSurnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '周', '吴', '孙', '马', '胡', '郭', '何'];
const hanGiven = [
  '建军',
  '志强',
  '海涛',
  '卫东',
  '国华',
  '晓峰',
  '永刚',
  '立新',
  '振宇',
  '红梅',
  '文杰',
  '海波',
  '建平',
  '勇',
];

/** Departments more likely to have a party-group secretary besides the principal. */
const withPartySecretary = [
  '公安局',
  '教育局',
  '财政局',
  '自然资源局',
  '卫生健康委员会',
  '农业农村局',
  '市场监督管理局',
  '司法局',
  '民政局',
  '住房和城乡建设局',
  '交通运输局',
  '人力资源和社会保障局',
  '发展和改革委员会',
  '应急管理局',
  '水利局',
];

const pad = (n: number) => String(n).padStart(2, '0');
const short = (name: string) =>
  name
    .replace(/^那曲市|^国家税务总局/, '')
    .replace(/^索县/, '')
    .replace(/人民政府$/, '');

function headPost(name: string): string {
  if (/委员会$/.test(name)) return '主任';
  if (/办公室$|中心$/.test(name)) return '主任';
  if (/分局$|局$/.test(name)) return '局长';
  return '主要负责人';
}

/** A minimal PDF standing in for the signed, scanned report. */
const pdfFor = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );

export async function loadAccountabilityDemo(platform: Platform): Promise<void> {
  const rng = prng(20230065);
  const ctx = { actor: Actor.system };
  const units = await query<{ id: number; name: string; kind: string }>(
    platform.db,
    sql`select id, name, kind from org_units where division_code like '540626%' and active
          and kind in ('department', 'township', 'lawOffice') order by sort, id`,
  );
  const office = units.find((u) => u.kind === 'lawOffice' && u.name.includes('索县'))!;
  const departments = units.filter((u) => u.kind === 'department');
  const townships = units.filter((u) => u.kind === 'township');
  const secretaries = [
    ...departments.filter((d) => withPartySecretary.some((s) => d.name.endsWith(s))),
    ...departments.filter((d) => !withPartySecretary.some((s) => d.name.endsWith(s))),
  ].slice(0, DEPARTMENT_REPORTS - departments.length);
  const used = new Set<string>();
  const person = (han: boolean) => {
    for (;;) {
      const n = han
        ? `${rng.pick(hanSurnames)}${rng.pick(hanGiven)}`
        : `${rng.pick(given)}${rng.pick(second)}`;
      if (!used.has(n)) return (used.add(n), n);
    }
  };

  const reporters: {
    unitId: number;
    personName: string;
    post: string;
    postType: PostType;
    unitName: string;
  }[] = [];
  for (const d of departments) {
    reporters.push({
      unitId: d.id,
      unitName: d.name,
      personName: person(false),
      post: headPost(d.name),
      postType: 'departmentHead',
    });
    if (secretaries.includes(d))
      reporters.push({
        unitId: d.id,
        unitName: d.name,
        personName: person(true),
        post: '党组书记',
        postType: 'departmentPartySecretary',
      });
  }
  for (const tw of townships) {
    reporters.push({
      unitId: tw.id,
      unitName: tw.name,
      personName: person(rng.next() < 0.5),
      post: '党委书记',
      postType: 'townshipPartySecretary',
    });
    reporters.push({
      unitId: tw.id,
      unitName: tw.name,
      personName: person(false),
      post: short(tw.name).endsWith('乡') ? '乡长' : '镇长',
      postType: 'townshipHead',
    });
  }

  const { campaignId, ids } = await inTx(platform.db, ctx, async (t) => {
    const [c] = await t.db
      .insert(lawDutyCampaigns)
      .values({
        unitId: office.id,
        divisionCode: '540626',
        year: 2023,
        title: '2023年度党政主要负责人述法工作',
        format: 'written',
        dueOn: '2023-12-29',
        note: '按照《党政主要负责人履行推进法治建设第一责任人职责规定》要求，各乡镇党委书记、乡镇长，县直各部门主要负责人年底前提交书面述法报告。',
        createdAt: new Date('2023-11-10T09:30:00+08:00'),
      })
      .returning();
    const rows = await t.db
      .insert(lawDutyReporters)
      .values(
        reporters.map(({ unitName: _n, ...r }) => ({
          ...r,
          campaignId: c!.id,
          createdAt: new Date('2023-11-10T10:00:00+08:00'),
        })),
      )
      .returning({ id: lawDutyReporters.id });
    t.audit({
      action: 'demo.load',
      entity: 'lawDutyCampaign',
      entityId: c!.id,
      diff: { reporters: rows.length },
    });
    return { campaignId: c!.id, ids: rows.map((r) => r.id) };
  });

  // The signed documents go through the files service like any upload, one per reporter.
  const fileIds: string[] = [];
  for (const [i, r] of reporters.entries()) {
    const f = await platform.files.upload(
      ctx,
      { ownerEntity: REPORT_FILE_OWNER, ownerId: ids[i]! },
      {
        name: `${short(r.unitName)}${r.personName}2023年度述法报告.pdf`,
        bytes: pdfFor(`${r.unitName} ${r.personName} 2023`),
      },
    );
    fileIds.push(f.id);
  }

  const ratingFor = (): Rating => (rng.next() < 0.35 ? 'good' : rng.next() < 0.8 ? 'fairlyGood' : 'average');
  const comments: Record<Rating, string> = {
    good: '履职全面，法治建设责任落实有力，问题查找深入，整改措施具体。',
    fairlyGood: '履职情况较好，能够结合本单位实际推进法治建设，问题分析还可进一步深入。',
    average: '报告内容较为笼统，履职举措与成效结合不够，须细化下一步措施。',
    poor: '报告流于形式，须重新对照职责清单逐项述法。',
  };
  await inTx(platform.db, ctx, async (t) => {
    const rows = reporters.map((r, i) => {
      const day = rng.int(0, 34); // 2023-11-20 … 2023-12-24
      const d = new Date(Date.UTC(2023, 10, 20 + day));
      const submittedOn = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      const rating = ratingFor();
      const unit = short(r.unitName);
      return {
        reporterId: ids[i]!,
        campaignId,
        unitId: r.unitId,
        format: (r.postType.startsWith('township') && rng.next() < 0.3 ? 'onSite' : 'written') as
          'written' | 'onSite',
        submittedOn,
        performance: `${r.personName}同志作为${unit}${r.post}，认真履行推进法治建设第一责任人职责：全年${rng.int(2, 6)}次专题研究法治建设工作，组织集中学法${rng.int(6, 14)}次，落实重大事项合法性审查和法律顾问制度，推动“谁执法谁普法”责任落实。`,
        problems: rng.pick([
          '运用法治思维和法治方式解决问题的能力仍有差距，基层法治宣传的针对性不强。',
          '行政执法规范化水平有待提高，执法案卷制作不够规范。',
          '干部职工学法用法的常态化机制还不健全，学用结合不够紧密。',
        ]),
        plans: rng.pick([
          '持续深入学习贯彻习近平法治思想，完善学法制度，推进依法决策、规范执法。',
          '对照职责清单逐项抓好落实，加强法治队伍建设，提升依法行政水平。',
        ]),
        documentFileId: fileIds[i]!,
        rating,
        reviewComment: comments[rating],
        reviewedOn: '2023-12-29',
        createdAt: new Date(`${submittedOn}T16:00:00+08:00`),
      };
    });
    await t.db.insert(lawDutyReports).values(rows);
    t.audit({ action: 'demo.load', entity: 'lawDutyReport', diff: { reports: rows.length } });
  });
}
