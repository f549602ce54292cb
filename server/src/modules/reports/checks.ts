/**
 * Consistency checks shown beside a draft. Modules register their own through the manifest's
 * `checks`; the cross-module ones of the seed report's statistics live here. Each compares figures
 * the way a reader of the report would: a part larger than its whole, more rectified than found,
 * certificates that do not add up, a rate that does not recompute from its parts.
 */
import type { CheckDef, ModuleManifest } from '../../platform/manifest.js';
import type { Outline } from './contract.js';
import { REQUIRED_ITEMS_ARTICLE, requiredItemCodes, requiredItems } from './kinds.js';
import { RATIO_PARTS, type RatioParts, type Values } from './values.js';

type V = Readonly<Record<string, number | null>>;
const n = (v: V, k: string) => v[k] ?? 0;

function partNotAboveWhole(key: string, part: string, whole: string, label: string): CheckDef {
  return {
    key,
    label,
    figures: [part, whole],
    evaluate: (v) =>
      n(v, part) <= n(v, whole)
        ? { ok: true, detail: `${n(v, part)} ≤ ${n(v, whole)}` }
        : { ok: false, detail: `部分 ${part} = ${n(v, part)} 大于整体 ${whole} = ${n(v, whole)}` },
  };
}

function partsMakeWhole(key: string, parts: string[], whole: string, label: string): CheckDef {
  return {
    key,
    label,
    figures: [...parts, whole],
    evaluate: (v) => {
      const sum = parts.reduce((a, p) => a + n(v, p), 0);
      return sum === n(v, whole)
        ? { ok: true, detail: `${parts.map((p) => n(v, p)).join(' + ')} = ${sum}` }
        : {
            ok: false,
            detail: `${parts.map((p) => `${p} ${n(v, p)}`).join(' + ')} = ${sum}，与 ${whole} ${n(v, whole)} 不符`,
          };
    },
  };
}

export function rateRecomputes(key: string, rate: string, parts: RatioParts, label: string): CheckDef {
  return {
    key,
    label,
    figures: [rate, parts.numerator, parts.denominator],
    evaluate: (v) => {
      const den = n(v, parts.denominator);
      if (den === 0) return { ok: v[rate] === null, detail: `分母 ${parts.denominator} 为 0，比率应为空` };
      const expected = (n(v, parts.numerator) / den) * parts.scale;
      // one unit in the last place the rate is written in: 0.5 % of a ratio, 0.05 of a percentage
      const tolerance = parts.scale === 1 ? 0.005 : 0.05;
      const got = n(v, rate);
      return Math.abs(got - expected) <= tolerance
        ? { ok: true, detail: `${n(v, parts.numerator)} ÷ ${den} = ${expected.toFixed(3)}` }
        : {
            ok: false,
            detail: `${rate} 为 ${got}，按 ${parts.numerator} ÷ ${parts.denominator} 重算应为 ${expected.toFixed(3)}`,
          };
    },
  };
}

export const reportChecks: CheckDef[] = [
  {
    key: 'reports.enforcement.certifiedEqualsReviewedMinusRemoved',
    label: '持证上岗人数 = 证件清理人数 − 清理调离、调整岗位人数',
    figures: ['enforcement.officersReviewed', 'enforcement.officersRemoved', 'enforcement.officersCertified'],
    evaluate: (v) => {
      const reviewed = n(v, 'enforcement.officersReviewed');
      const removed = n(v, 'enforcement.officersRemoved');
      const certified = n(v, 'enforcement.officersCertified');
      return certified === reviewed - removed
        ? { ok: true, detail: `${reviewed} − ${removed} = ${certified}` }
        : {
            ok: false,
            detail: `清理 ${reviewed} 名、调离 ${removed} 名，应余 ${reviewed - removed} 名，报告持证 ${certified} 名`,
          };
    },
  },
  {
    key: 'reports.supervision.rectifiedNotAboveFound',
    label: '案卷评查督促整改问题数不超过发现问题数',
    figures: ['supervision.problemsFound', 'supervision.problemsRectified'],
    evaluate: (v) => {
      const found = n(v, 'supervision.problemsFound');
      const done = n(v, 'supervision.problemsRectified');
      return done <= found
        ? { ok: true, detail: `发现 ${found} 项，整改 ${done} 项` }
        : { ok: false, detail: `整改 ${done} 项多于发现 ${found} 项` };
    },
  },
  partsMakeWhole(
    'reports.enforcement.trainingParts',
    ['enforcement.trainingLectures', 'enforcement.trainingCourses'],
    'enforcement.trainingSessions',
    '执法培训讲座：讲座次数 + 培训次数 = 总次数',
  ),
  partNotAboveWhole(
    'reports.enforcement.removedNotAboveReviewed',
    'enforcement.officersRemoved',
    'enforcement.officersReviewed',
    '清理调离人数不超过证件清理人数',
  ),
  partNotAboveWhole(
    'reports.publicity.lecturesNotAboveEvents',
    'publicity.lectures',
    'publicity.campaignEvents',
    '集中宣讲场次不超过普法宣传总场次',
  ),
  partNotAboveWhole(
    'reports.planning.doneNotAboveTotal',
    'planning.tasks.done',
    'planning.tasks.total',
    '已完成任务不超过任务总数',
  ),
  ...Object.entries(RATIO_PARTS).map(([rate, parts]) =>
    rateRecomputes(`reports.rate.${rate}`, rate, parts, `${rate} 可由其分子分母重算`),
  ),
];

export interface CheckOutcome {
  key: string;
  label: string;
  status: 'ok' | 'failed' | 'skipped';
  detail: string;
  figures: string[];
  article: string | null;
}

/**
 * Every registered check over `values`: skipped (not failed) when a figure it needs has no owner
 * or no value, since a check cannot speak about numbers nobody computes.
 */
export function runChecks(
  modules: readonly ModuleManifest[],
  owned: (key: string) => boolean,
  values: Values,
): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  for (const m of modules)
    for (const c of m.checks ?? []) {
      const base = { key: c.key, label: c.label, figures: [...c.figures], article: null };
      const unowned = c.figures.filter((f) => !owned(f));
      if (unowned.length) {
        out.push({ ...base, status: 'skipped', detail: `无数据来源：${unowned.join('、')}` });
        continue;
      }
      const empty = c.figures.filter((f) => values[f] === null || values[f] === undefined);
      if (empty.length) {
        out.push({ ...base, status: 'skipped', detail: `暂无数据：${empty.join('、')}` });
        continue;
      }
      const r = c.evaluate(values);
      out.push({ ...base, status: r.ok ? 'ok' : 'failed', detail: r.detail });
    }
  return out;
}

/**
 * 督察规定第二十四条: each of the five items has a section with text of its own or in the (一)(二)
 * sections under it; a heading alone does not report anything.
 */
export function requiredItemsCheck(outline: Outline): CheckOutcome {
  const has = new Set<string>();
  outline.sections.forEach((s, i) => {
    if (!s.item) return;
    let text = s.text.trim();
    if (s.level === 1)
      for (let j = i + 1; j < outline.sections.length && outline.sections[j]!.level > 1; j++)
        text += outline.sections[j]!.text.trim();
    if (text) has.add(s.item);
  });
  for (const s of outline.sections) if (s.item && s.level > 1 && s.text.trim()) has.add(s.item);
  const missing = requiredItemCodes.filter((item) => !has.has(item));
  return {
    key: 'reports.requiredItems',
    label: '年度报告应包括的五项内容',
    status: missing.length ? 'failed' : 'ok',
    detail: missing.length ? `缺少：${missing.map((m) => requiredItems[m]).join('；')}` : '五项内容齐全',
    figures: [],
    article: REQUIRED_ITEMS_ARTICLE,
  };
}
