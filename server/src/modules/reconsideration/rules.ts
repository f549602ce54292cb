/**
 * The statutory periods of 《行政复议法》(2023) and how a case's dates run through them: pure
 * functions over the platform calendar's data, so every rule is tested with real dates.
 *
 * Art. 88(2): only the periods written 三日、五日、七日、十日 are working days; the others (20, 30, 60
 * days) are calendar days counted as the 民事诉讼法 says (Art. 88(1)): the start day not counted, a last
 * day on a rest day moved to the next working day (platform/calendar/periods.ts).
 */
import { addDays, toDayNumber, zhDate } from '../../platform/calendar/dates.js';
import {
  computeDeadline,
  period,
  type CalendarData,
  type PeriodRule,
} from '../../platform/calendar/periods.js';
import { DomainError } from '../../platform/http/errors.js';
import { LAW, groundsEndingAfter60Days, type Procedure, type Stage, type SuspensionGround } from './kinds.js';

export const EXTENSION_BY = '行政复议机构的负责人批准';

export const rules = {
  /** 申请期限: 60 days from knowing of the act (a law may set longer) */
  application: period({ length: 60, unit: 'day', law: LAW, article: '第二十条第一款' }),
  /** 受理审查 5 working days; when it lapses without a refusal the application is deemed accepted (Art. 30(3)) */
  intakeReview: period({ length: 5, unit: 'workday', law: LAW, article: '第三十条' }),
  /** 补正通知 within 5 working days of receipt, all items at once */
  correctionNotice: period({ length: 5, unit: 'workday', law: LAW, article: '第三十一条第一款' }),
  /** 补正 within 10 working days of receiving the notice, else deemed abandoned */
  correctionReply: period({ length: 10, unit: 'workday', law: LAW, article: '第三十一条第二款' }),
  copyNormal: period({ length: 7, unit: 'workday', law: LAW, article: '第四十八条' }),
  replyNormal: period({ length: 10, unit: 'workday', law: LAW, article: '第四十八条' }),
  copySimple: period({ length: 3, unit: 'workday', law: LAW, article: '第五十四条第一款' }),
  replySimple: period({ length: 5, unit: 'workday', law: LAW, article: '第五十四条第一款' }),
  /** the hearing notice is served 5 (working) days before the hearing */
  hearingNotice: period({ length: 5, unit: 'workday', law: LAW, article: '第五十一条第一款' }),
  decisionNormal: period({
    length: 60,
    unit: 'day',
    law: LAW,
    article: '第六十二条第一款',
    extendable: { max: 30, by: EXTENSION_BY },
  }),
  /** simple procedure: 30 days, no extension (Art. 62(2)) */
  decisionSimple: period({ length: 30, unit: 'day', law: LAW, article: '第六十二条第二款' }),
  /** suspension on grounds (一)(二)(四) of Art. 39(1) lasting 60 days ends the case (Art. 41(5)) */
  suspensionLimit: period({ length: 60, unit: 'day', law: LAW, article: '第四十一条第五项' }),
} as const satisfies Record<string, PeriodRule>;

/** Days before a due date from which an open deadline is flagged as approaching. */
export const APPROACHING_DAYS = 3;

export type DeadlineKey =
  | 'application'
  | 'maximum'
  | 'intakeReview'
  | 'correctionNotice'
  | 'correctionReply'
  | 'copy'
  | 'reply'
  | 'decision'
  | 'suspensionLimit';

export type DeadlineStatus = 'met' | 'late' | 'open' | 'overdue' | 'paused' | 'lapsed';

export interface DeadlineView {
  key: DeadlineKey;
  label: string;
  /** the last day; null while the clock is paused or when the calendar cannot tell */
  dueOn: string | null;
  /** 《行政复议法》第三十条 */
  article: string;
  description: string;
  status: DeadlineStatus;
  /** the day the step was taken, when it was */
  doneOn: string | null;
  /** why no date could be computed (e.g. the next year's holidays are not published yet) */
  error: string | null;
}

export interface Suspension {
  from: string;
  to: string | null;
  ground: SuspensionGround;
}

/** What the rules need to know of a case: its stored stage and dates. */
export interface CaseFacts {
  stage: Stage;
  receivedOn: string;
  learnedOn: string;
  /** when the authority had not told of the right to apply: the day the applicant learned of it (Art. 20(3)) */
  rightsLearnedOn: string | null;
  /** 行政行为作出之日, when the application names it (Art. 21 counts from it) */
  actDate: string | null;
  procedure: Procedure | null;
  correctionNoticeOn: string | null;
  /** when the applicant received the notice; the notice date when not recorded */
  correctionServedOn: string | null;
  /** a reply date extended for good reason (Art. 31(2)) */
  correctionExtendedTo: string | null;
  correctionReceivedOn: string | null;
  refusedOn: string | null;
  acceptedOn: string | null;
  copySentOn: string | null;
  /** when the respondent received the copy; the sending date when not recorded */
  copyReceivedOn: string | null;
  replyReceivedOn: string | null;
  suspensions: readonly Suspension[];
  extensionDays: number | null;
  /** decided, mediated or terminated on */
  closedOn: string | null;
}

export interface CaseTimeline {
  /** the stage after the lapses the law attaches to time (视为受理 / 视为放弃) */
  stage: Stage;
  acceptedOn: string | null;
  acceptanceDeemed: boolean;
  abandonedOn: string | null;
  late: boolean;
  deadlines: DeadlineView[];
  /** the first open deadline: what the parties should know of next */
  next: DeadlineView | null;
  overdue: boolean;
  approaching: boolean;
  /** the respondent did not reply within its period (Art. 70) */
  noReply: boolean;
  pausedDays: number;
}

const cite = (article: string) => `《${LAW}》${article}`;

/** A calendar year without holiday data is reported on the deadline, not thrown at the whole case. */
function due(
  rule: PeriodRule | (PeriodRule & { length: number }),
  start: string,
  cal: CalendarData,
  path: string | null,
) {
  try {
    const d = computeDeadline(rule, start, cal, path);
    return { end: d.end, description: d.rule.description, error: null };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CALENDAR_YEAR_MISSING')
      return { end: null, description: e.detail, error: e.detail };
    throw e;
  }
}

const daysBetween = (from: string, to: string) => toDayNumber(to) - toDayNumber(from);

/** Days the decision clock stood still: each closed suspension from its first day to the resumption. */
export function pausedDays(suspensions: readonly Suspension[]): number {
  return suspensions.reduce((n, s) => n + (s.to ? daysBetween(s.from, s.to) : 0), 0);
}

function statusOf(dueOn: string | null, doneOn: string | null, today: string): DeadlineStatus {
  if (doneOn) return dueOn && doneOn > dueOn ? 'late' : 'met';
  if (!dueOn) return 'open';
  return today > dueOn ? 'overdue' : 'open';
}

/**
 * The decision deadline: 60 (normal) or 30 (simple) days from acceptance, plus an approved extension,
 * plus the days the case stood suspended (Art. 39), rolled past rest days at the end.
 */
export function decisionDue(
  acceptedOn: string,
  procedure: Procedure,
  extensionDays: number,
  paused: number,
  cal: CalendarData,
  path: string | null,
) {
  const rule = procedure === 'simple' ? rules.decisionSimple : rules.decisionNormal;
  const total = rule.length + extensionDays + paused;
  const d = due({ ...rule, length: total }, acceptedOn, cal, path);
  if (!d.end) return d;
  const parts = [
    `依照${cite(rule.article)}，自受理之日（${zhDate(acceptedOn)}）起${rule.length}日内作出决定`,
  ];
  if (extensionDays) parts.push(`经${EXTENSION_BY}延长${extensionDays}日（同条款）`);
  if (paused) parts.push(`中止审理${paused}日不计入（${cite('第三十九条')}）`);
  const nominal = addDays(acceptedOn, total);
  const rolled = d.end !== nominal ? `，${zhDate(nominal)}为休息日，顺延至${zhDate(d.end)}` : '';
  return { ...d, description: `${parts.join('；')}，共${total}日${rolled}，期限届满日为${zhDate(d.end)}。` };
}

export const MAXIMUM_ARTICLE = '第二十一条';
const UNINFORMED_ARTICLE = '第二十条第三款';

/**
 * 申请期限 (Art. 20): 60 days from knowing of the act. When the authority did not tell the applicant
 * of the right to apply, the organ and the period, the 60 days run from learning of those instead,
 * but end at the latest one year after knowing of the act (Art. 20(3)). Informative: a late
 * application is refused under Art. 30(1)(四) unless excused (Art. 20(2)).
 */
export function applicationPeriod(
  f: Pick<CaseFacts, 'learnedOn' | 'rightsLearnedOn' | 'receivedOn'>,
  cal: CalendarData,
  path: string | null,
): { end: string | null; description: string; error: string | null; article: string } {
  const start = f.rightsLearnedOn ?? f.learnedOn;
  let app = due(rules.application, start, cal, path);
  const nominal = addDays(start, rules.application.length);
  if (app.error && f.receivedOn <= nominal)
    // received within the nominal 60 days: in time whatever the roll past next year's holidays
    app = {
      end: nominal,
      description: `依照${cite(rules.application.article)}，自${zhDate(start)}的次日起计算60日，第60日为${zhDate(nominal)}（如为法定休假日顺延；该年节假日安排尚未载入）。`,
      error: null,
    };
  if (!f.rightsLearnedOn) return { ...app, article: rules.application.article };
  const cap = addYears(f.learnedOn, 1);
  const capped = !app.end || cap < app.end;
  return {
    end: capped ? cap : app.end,
    description:
      `行政机关未告知申请行政复议的权利、行政复议机关和申请期限，依照${cite(UNINFORMED_ARTICLE)}，申请期限自知道上述事项之日${zhDate(f.rightsLearnedOn)}起计算` +
      `（${app.description}），但自知道行政行为内容之日${zhDate(f.learnedOn)}起最长不得超过一年，即${zhDate(cap)}` +
      `${capped ? '，以此为准' : ''}。`,
    error: capped ? null : app.error,
    article: UNINFORMED_ARTICLE,
  };
}

/**
 * The same day `years` later; a 29 February with no match ends on the last day of February
 * (民法典第二百零二条: a period in years ends on the corresponding day, or the month's last day).
 */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Art. 21: an application made more than five years after the act (twenty when it concerns real
 * property) is not accepted. A bar, not a period to roll past holidays: its last day is fixed. The
 * officer decides whether the act concerns real property; the view names both limits.
 */
function outerLimit(actDate: string): { end: string; description: string; error: null } {
  const end = addYears(actDate, 5);
  return {
    end,
    description: `依照${cite(MAXIMUM_ARTICLE)}，自行政行为作出之日${zhDate(actDate)}起超过五年的申请不予受理，最后一日为${zhDate(end)}；因不动产提出的为二十年，至${zhDate(addYears(actDate, 20))}。`,
    error: null,
  };
}

/** How the case's dates run through the law's periods as of `today`. */
export function timeline(f: CaseFacts, cal: CalendarData, path: string | null, today: string): CaseTimeline {
  const out: DeadlineView[] = [];
  const push = (
    key: DeadlineKey,
    label: string,
    article: string,
    d: { end: string | null; description: string; error: string | null },
    doneOn: string | null,
    status?: DeadlineStatus,
  ) => {
    const v: DeadlineView = {
      key,
      label,
      dueOn: d.end,
      article: cite(article),
      description: d.description,
      status: status ?? statusOf(d.end, doneOn, today),
      doneOn,
      error: d.error,
    };
    out.push(v);
    return v;
  };

  const app = applicationPeriod(f, cal, path);
  push('application', '申请期限', app.article, app, f.receivedOn);
  // Art. 21: whatever the applicant knew, five years from the act (twenty for real property) bars it
  const outer = f.actDate ? outerLimit(f.actDate) : null;
  if (outer) push('maximum', '最长申请期限', MAXIMUM_ARTICLE, outer, f.receivedOn);
  const late = (!!app.end && f.receivedOn > app.end) || (!!outer?.end && f.receivedOn > outer.end);

  let stage = f.stage;
  let acceptedOn = f.acceptedOn;
  let deemed = false;
  let abandonedOn: string | null = null;

  // Art. 31(1): a correction notice within 5 working days of receipt
  if (f.correctionNoticeOn)
    push(
      'correctionNotice',
      '补正通知期限',
      rules.correctionNotice.article,
      due(rules.correctionNotice, f.receivedOn, cal, path),
      f.correctionNoticeOn,
    );

  // Art. 31(2): the correction reply, 10 working days from receiving the notice (or as extended)
  if (f.correctionNoticeOn) {
    const served = f.correctionServedOn ?? f.correctionNoticeOn;
    const d = f.correctionExtendedTo
      ? {
          end: f.correctionExtendedTo,
          description: `申请人有正当理由，补正期限延长至${zhDate(f.correctionExtendedTo)}（${cite('第三十一条第二款')}）。`,
          error: null,
        }
      : due(rules.correctionReply, served, cal, path);
    const lapsed = !f.correctionReceivedOn && !!d.end && today > d.end && f.stage === 'correction';
    if (lapsed) {
      stage = 'abandoned';
      abandonedOn = addDays(d.end!, 1);
    }
    push(
      'correctionReply',
      '补正期限',
      rules.correctionReply.article,
      d,
      f.correctionReceivedOn,
      lapsed ? 'lapsed' : undefined,
    );
  }

  // Art. 30: the review runs from receipt, or from receipt of the corrected materials (Art. 31(3))
  const awaitingCorrection = !!f.correctionNoticeOn && !f.correctionReceivedOn;
  if (!awaitingCorrection || f.acceptedOn || f.refusedOn) {
    const start = f.correctionReceivedOn ?? f.receivedOn;
    const d = due(rules.intakeReview, start, cal, path);
    const decidedOn = f.acceptedOn ?? f.refusedOn ?? null;
    const lapsed = !decidedOn && f.stage === 'intake' && !!d.end && today > d.end;
    if (lapsed) {
      // 审查期限届满之日起视为受理
      stage = 'accepted';
      acceptedOn = d.end;
      deemed = true;
    }
    push(
      'intakeReview',
      '受理审查期限',
      rules.intakeReview.article,
      d,
      decidedOn,
      lapsed ? 'lapsed' : undefined,
    );
  }

  let noReply = false;
  const paused = pausedDays(f.suspensions);
  if (acceptedOn) {
    const simple = f.procedure === 'simple';
    const copyRule = simple ? rules.copySimple : rules.copyNormal;
    push('copy', '发送申请书副本期限', copyRule.article, due(copyRule, acceptedOn, cal, path), f.copySentOn);
    if (f.copySentOn) {
      const replyRule = simple ? rules.replySimple : rules.replyNormal;
      const r = push(
        'reply',
        '被申请人答复期限',
        replyRule.article,
        due(replyRule, f.copyReceivedOn ?? f.copySentOn, cal, path),
        f.replyReceivedOn,
      );
      noReply = r.status === 'overdue' || r.status === 'late';
    }
    const open = f.suspensions.find((s) => !s.to);
    if (open && !f.closedOn) {
      push(
        'decision',
        '作出复议决定期限',
        (simple ? rules.decisionSimple : rules.decisionNormal).article,
        {
          end: null,
          description: `自${zhDate(open.from)}起中止审理，期限停止计算，恢复审理后继续计算（${cite('第三十九条')}）。`,
          error: null,
        },
        null,
        'paused',
      );
      if (groundsEndingAfter60Days.includes(open.ground))
        push(
          'suspensionLimit',
          '中止满六十日终止',
          rules.suspensionLimit.article,
          due(rules.suspensionLimit, open.from, cal, path),
          null,
        );
    } else {
      push(
        'decision',
        '作出复议决定期限',
        (simple ? rules.decisionSimple : rules.decisionNormal).article,
        decisionDue(acceptedOn, f.procedure ?? 'normal', f.extensionDays ?? 0, paused, cal, path),
        f.closedOn,
      );
    }
  }

  const closed = ['refused', 'abandoned', 'decided', 'mediated', 'terminated'].includes(stage);
  // a closed case's unfinished steps are moot: their periods simply ran out
  if (closed) for (const d of out) if (d.status === 'open' || d.status === 'overdue') d.status = 'lapsed';
  const next = closed
    ? null
    : (out.find((d) => d.status === 'open' || d.status === 'overdue' || d.status === 'paused') ?? null);
  const horizon = addDays(today, APPROACHING_DAYS);
  return {
    stage,
    acceptedOn,
    acceptanceDeemed: deemed,
    abandonedOn,
    late,
    deadlines: out,
    next,
    overdue: !closed && out.some((d) => d.status === 'overdue'),
    approaching: !closed && out.some((d) => d.status === 'open' && !!d.dueOn && d.dueOn <= horizon),
    // the missing reply matters to a decision (第七十条), not to a withdrawn or mediated case
    noReply: noReply && stage !== 'terminated' && stage !== 'mediated',
    pausedDays: paused,
  };
}

/** Art. 51(1): the earliest day a hearing may be held after its notice. */
export function earliestHearing(noticeOn: string, cal: CalendarData, path: string | null) {
  return due(rules.hearingNotice, noticeOn, cal, path);
}
