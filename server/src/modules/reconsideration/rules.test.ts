import { describe, expect, it } from 'vitest';
import { nationalDays, nationalYears } from '../../platform/calendar/national.js';
import { buildCalendar, type CalendarRow } from '../../platform/calendar/periods.js';
import { addDays } from '../../platform/calendar/dates.js';
import { addYears, decisionDue, earliestHearing, timeline, type CaseFacts } from './rules.js';

const SUO = '/540000/540600/540626/';
/** 那曲市 藏历新年 2023 as the demo calendar holds it (dates of the 拉萨 notice, an assumption). */
const nagquLosar2023: CalendarRow[] = [
  ...['2023-02-18', '2023-02-19'].map((day) => ({ day, kind: 'work' as const, name: '藏历新年调休上班' })),
  ...['20', '21', '22', '23', '24', '25', '26'].map((d) => ({
    day: `2023-02-${d}`,
    kind: 'rest' as const,
    name: '藏历新年',
  })),
].map((r) => ({ ...r, divisionPath: '/540000/540600/', region: '那曲市', assumption: true }));
const cal = buildCalendar(
  [...nationalDays().map((d) => ({ ...d, divisionPath: null })), ...nagquLosar2023],
  nationalYears,
);

const facts = (f: Partial<CaseFacts>): CaseFacts => ({
  stage: 'intake',
  receivedOn: '2023-06-05',
  learnedOn: '2023-06-01',
  rightsLearnedOn: null,
  actDate: null,
  procedure: null,
  correctionNoticeOn: null,
  correctionServedOn: null,
  correctionExtendedTo: null,
  correctionReceivedOn: null,
  refusedOn: null,
  acceptedOn: null,
  copySentOn: null,
  copyReceivedOn: null,
  replyReceivedOn: null,
  suspensions: [],
  extensionDays: null,
  closedOn: null,
  ...f,
});
const dl = (f: Partial<CaseFacts>, today: string, key: string) =>
  timeline(facts(f), cal, SUO, today).deadlines.find((d) => d.key === key);

describe('受理审查 5 working days and 视为受理 (行政复议法第三十条、第八十八条第二款)', () => {
  it.each<[string, string, string]>([
    // 2023 中秋国庆 9/29–10/6 off, Saturday 10/7 and Sunday 10/8 workdays (国办发明电〔2022〕16号)
    ['2023-09-27', '2023-10-10', 'crosses 国庆: 9/28, 10/7, 10/8, 10/9, 10/10'],
    // 那曲市 藏历新年 2/20–2/26 off, 2/18–2/19 worked (regional, applies to 索县)
    ['2023-02-16', '2023-02-28', 'crosses 藏历新年 in 那曲市: 2/17, 2/18, 2/19, 2/27, 2/28'],
    // 2023 劳动节 4/29–5/3 off, Sunday 4/23 and Saturday 5/6 workdays
    ['2023-04-27', '2023-05-08', 'crosses 劳动节: 4/28, 5/4, 5/5, 5/6 (a Saturday worked), 5/8'],
    ['2023-06-05', '2023-06-12', 'an ordinary week'],
  ])('received %s → review ends %s (%s)', (receivedOn, end) => {
    const d = dl({ receivedOn }, receivedOn, 'intakeReview')!;
    expect(d.dueOn).toBe(end);
    expect(d.article).toBe('《行政复议法》第三十条');
    expect(d.description).toContain('第三十条');
  });

  it('deems the application accepted from the day the review period ends, not a day earlier', () => {
    const on = timeline(facts({ receivedOn: '2023-09-27' }), cal, SUO, '2023-10-10');
    expect(on).toMatchObject({ stage: 'intake', acceptanceDeemed: false, acceptedOn: null });
    const after = timeline(facts({ receivedOn: '2023-09-27' }), cal, SUO, '2023-10-11');
    expect(after).toMatchObject({ stage: 'accepted', acceptanceDeemed: true, acceptedOn: '2023-10-10' });
    // the decision clock then runs from that day: 2023-10-10 + 60 = 12-09 (Sat) → Monday 12-11
    expect(after.deadlines.find((d) => d.key === 'decision')).toMatchObject({
      dueOn: '2023-12-11',
      article: '《行政复议法》第六十二条第一款',
    });
  });

  it('does not deem acceptance once a refusal was made within the period', () => {
    const t = timeline(
      facts({ receivedOn: '2023-09-27', stage: 'refused', refusedOn: '2023-10-09' }),
      cal,
      SUO,
      '2023-11-01',
    );
    expect(t).toMatchObject({ stage: 'refused', acceptanceDeemed: false, next: null });
    expect(t.deadlines.find((d) => d.key === 'intakeReview')).toMatchObject({
      status: 'met',
      doneOn: '2023-10-09',
    });
  });
});

describe('补正 (第三十一条): one notice, 10 working days, 视为放弃, review restarts on receipt', () => {
  // received Thursday 2023-06-08; 端午 6/22–6/24 off, Sunday 6/25 a workday
  const base = { receivedOn: '2023-06-08', stage: 'correction' as const, correctionNoticeOn: '2023-06-12' };

  it('gives the notice period and the reply window across 端午', () => {
    expect(dl(base, '2023-06-12', 'correctionNotice')).toMatchObject({
      dueOn: '2023-06-15',
      status: 'met',
      article: '《行政复议法》第三十一条第一款',
    });
    expect(dl(base, '2023-06-12', 'correctionReply')).toMatchObject({
      dueOn: '2023-06-27',
      status: 'open',
      article: '《行政复议法》第三十一条第二款',
    });
    // while the applicant corrects, no review period runs
    expect(dl(base, '2023-06-20', 'intakeReview')).toBeUndefined();
  });

  it.each<[string, string | null, string]>([
    ['2023-06-27', null, 'correction'],
    ['2023-06-28', '2023-06-28', 'abandoned'],
  ])('on %s the application is abandoned from %s (stage %s)', (today, abandonedOn, stage) => {
    expect(timeline(facts(base), cal, SUO, today)).toMatchObject({ stage, abandonedOn });
  });

  it('counts the review again from the day the corrected materials arrive', () => {
    const f = { ...base, stage: 'intake' as const, correctionReceivedOn: '2023-06-26' };
    expect(dl(f, '2023-06-26', 'intakeReview')).toMatchObject({ dueOn: '2023-07-03' });
    expect(dl(f, '2023-06-26', 'correctionReply')).toMatchObject({ status: 'met', doneOn: '2023-06-26' });
    expect(timeline(facts(f), cal, SUO, '2023-07-04')).toMatchObject({
      stage: 'accepted',
      acceptedOn: '2023-07-03',
    });
  });

  it('honours a reply period extended for good reason', () => {
    const f = { ...base, correctionExtendedTo: '2023-07-10' };
    expect(timeline(facts(f), cal, SUO, '2023-07-05')).toMatchObject({ stage: 'correction' });
    expect(timeline(facts(f), cal, SUO, '2023-07-11')).toMatchObject({
      stage: 'abandoned',
      abandonedOn: '2023-07-11',
    });
  });
});

describe('申请期限 60 days (第二十条第一款)', () => {
  it.each<[string, string, string, boolean]>([
    ['2023-07-01', '2023-08-30', '2023-08-30', false],
    ['2023-07-01', '2023-08-30', '2023-08-31', true],
    // 2023-09-30 falls in 国庆: rolled to Saturday 10-07, a 调休 workday
    ['2023-08-01', '2023-10-07', '2023-10-07', false],
    ['2023-08-01', '2023-10-07', '2023-10-08', true],
  ])('learned %s → last day %s; received %s late=%s', (learnedOn, end, receivedOn, late) => {
    const t = timeline(facts({ learnedOn, receivedOn }), cal, SUO, receivedOn);
    expect(t.late).toBe(late);
    expect(t.deadlines[0]).toMatchObject({ key: 'application', dueOn: end, status: late ? 'late' : 'met' });
  });
});

describe('申请期限 when the applicant was not told of the right (第二十条第三款)', () => {
  it.each<[string, string, string, string, boolean]>([
    // 60 days from 2023-12-20 end on Sunday 2024-02-18, a 调休 workday after 春节 (国办发明电〔2023〕7号)
    ['2023-03-01', '2023-12-20', '2024-02-18', '2024-02-18', false],
    ['2023-03-01', '2023-12-20', '2024-02-18', '2024-02-19', true],
    // 60 days from 2024-02-10 would run to April: capped one year after knowing the act
    ['2023-03-01', '2024-02-10', '2024-03-01', '2024-03-01', false],
    ['2023-03-01', '2024-02-10', '2024-03-01', '2024-03-04', true],
  ])(
    'act known %s, right learned %s → last day %s; received %s late=%s',
    (learnedOn, rightsLearnedOn, end, receivedOn, late) => {
      const t = timeline(facts({ learnedOn, rightsLearnedOn, receivedOn }), cal, SUO, receivedOn);
      expect(t.late).toBe(late);
      expect(t.deadlines[0]).toMatchObject({
        key: 'application',
        dueOn: end,
        article: '《行政复议法》第二十条第三款',
        status: late ? 'late' : 'met',
      });
    },
  );
});

describe('最长申请期限 (第二十一条)', () => {
  it.each<[string, string, string, boolean]>([
    // five years to the day; not rolled past a holiday (2028-10-01 is 国庆), a bar is a fixed date
    ['2023-10-01', '2028-10-01', '2028-10-01', false],
    ['2023-10-01', '2028-10-01', '2028-10-02', true],
    // 29 February with no match ends on 28 February (民法典第二百零二条)
    ['2024-02-29', '2029-02-28', '2029-03-01', true],
  ])('act of %s → last day %s; received %s late=%s', (actDate, end, receivedOn, late) => {
    // learned of it the day before applying: the 60-day period of Art. 20 is met
    const learnedOn = addDays(receivedOn, -1);
    const t = timeline(facts({ actDate, learnedOn, receivedOn }), cal, SUO, receivedOn);
    expect(t.late).toBe(late);
    const d = t.deadlines.find((x) => x.key === 'maximum');
    expect(d).toMatchObject({
      dueOn: end,
      status: late ? 'late' : 'met',
      article: '《行政复议法》第二十一条',
    });
    expect(d!.description).toContain('二十年');
  });

  it('is not shown when the application does not date the act', () => {
    expect(dl({ actDate: null }, '2023-06-05', 'maximum')).toBeUndefined();
  });

  it('counts years to the corresponding day', () => {
    expect(addYears('2023-06-01', 5)).toBe('2028-06-01');
    expect(addYears('2024-02-29', 20)).toBe('2044-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('审理期限: copy, reply, decision, suspension, extension (第四十八条、第五十四条、第三十九条、第六十二条)', () => {
  const accepted = (f: Partial<CaseFacts>) =>
    facts({
      stage: 'accepted',
      receivedOn: '2023-09-20',
      acceptedOn: '2023-09-27',
      procedure: 'normal',
      ...f,
    });

  it.each<['normal' | 'simple', string, string, string, string]>([
    ['normal', '2023-10-12', '第四十八条', '2023-10-26', '2023-11-27'],
    ['simple', '2023-10-08', '第五十四条第一款', '2023-10-13', '2023-10-27'],
  ])('%s: copy by %s (%s), reply by %s, decision by %s', (procedure, copy, article, reply, decision) => {
    const t = timeline(accepted({ procedure, copySentOn: copy }), cal, SUO, copy);
    expect(t.deadlines.find((d) => d.key === 'copy')).toMatchObject({
      dueOn: copy,
      article: `《行政复议法》${article}`,
    });
    expect(t.deadlines.find((d) => d.key === 'reply')).toMatchObject({
      dueOn: reply,
      article: `《行政复议法》${article}`,
    });
    expect(t.deadlines.find((d) => d.key === 'decision')?.dueOn).toBe(decision);
  });

  it('flags the missing reply (第七十条) the day after the reply period', () => {
    const f = accepted({ copySentOn: '2023-10-12' });
    expect(timeline(f, cal, SUO, '2023-10-26')).toMatchObject({
      noReply: false,
      overdue: false,
      approaching: true,
    });
    expect(timeline(f, cal, SUO, '2023-10-27')).toMatchObject({ noReply: true, overdue: true });
    expect(timeline({ ...f, replyReceivedOn: '2023-10-20' }, cal, SUO, '2023-10-27')).toMatchObject({
      noReply: false,
    });
    // withdrawn without a reply: nothing overdue any more, no 第七十条 flag
    const withdrawn = timeline({ ...f, stage: 'terminated', closedOn: '2023-11-01' }, cal, SUO, '2023-11-02');
    expect(withdrawn).toMatchObject({ noReply: false, overdue: false, next: null });
    expect(withdrawn.deadlines.find((d) => d.key === 'reply')?.status).toBe('lapsed');
  });

  it.each<[string, number, number, string]>([
    // 2023-03-01 + 60 = 4-30, inside 劳动节 4/29–5/3 → Thursday 5-04
    ['plain, rolled past 劳动节', 0, 0, '2023-05-04'],
    ['extended 30 days', 30, 0, '2023-05-30'],
    ['suspended 3/10–3/25, 15 days not counted', 0, 15, '2023-05-15'],
    ['suspended and extended', 30, 15, '2023-06-14'],
  ])('decision due (%s)', (_, ext, paused, end) => {
    expect(decisionDue('2023-03-01', 'normal', ext, paused, cal, SUO).end).toBe(end);
  });

  it('pauses the decision clock while suspended and resumes it with the days added', () => {
    const open = accepted({
      acceptedOn: '2023-03-01',
      suspensions: [{ from: '2023-03-10', to: null, ground: 'forceMajeure' }],
    });
    const t = timeline({ ...open, stage: 'suspended' }, cal, SUO, '2023-03-20');
    expect(t.deadlines.find((d) => d.key === 'decision')).toMatchObject({ status: 'paused', dueOn: null });
    const resumed = accepted({
      acceptedOn: '2023-03-01',
      suspensions: [{ from: '2023-03-10', to: '2023-03-25', ground: 'forceMajeure' }],
    });
    const r = timeline(resumed, cal, SUO, '2023-03-26');
    expect(r.pausedDays).toBe(15);
    const d = r.deadlines.find((x) => x.key === 'decision')!;
    expect(d.dueOn).toBe('2023-05-15');
    expect(d.description).toContain('中止审理15日不计入');
  });

  it('warns of termination after 60 days of suspension on a 第三十九条第一款第一项 ground (第四十一条第五项)', () => {
    const f = accepted({
      stage: 'suspended',
      acceptedOn: '2023-03-01',
      suspensions: [{ from: '2023-03-10', to: null, ground: 'applicantDied' }],
    });
    // 3/10 + 60 = 5/09 (Tue)
    expect(
      timeline(f, cal, SUO, '2023-05-10').deadlines.find((d) => d.key === 'suspensionLimit'),
    ).toMatchObject({
      dueOn: '2023-05-09',
      status: 'overdue',
      article: '《行政复议法》第四十一条第五项',
    });
  });

  it('simple procedure decides within 30 days of acceptance (第六十二条第二款)', () => {
    expect(decisionDue('2023-08-01', 'simple', 0, 0, cal, SUO)).toMatchObject({ end: '2023-08-31' });
  });

  it('reports a year without holiday data on the deadline instead of guessing', () => {
    const t = timeline(accepted({ acceptedOn: '2026-12-01' }), cal, SUO, '2026-12-01');
    const d = t.deadlines.find((x) => x.key === 'decision')!;
    expect(d.dueOn).toBeNull();
    expect(d.error).toContain('2027');
    // an application within the nominal 60 days is in time, whatever next year's holidays
    const app = timeline(
      facts({ learnedOn: '2026-11-20', receivedOn: '2026-11-25' }),
      cal,
      SUO,
      '2026-11-25',
    );
    expect(app.deadlines[0]).toMatchObject({
      key: 'application',
      dueOn: '2027-01-19',
      status: 'met',
      error: null,
    });
    expect(app.late).toBe(false);
  });
});

describe('听证通知 5 working days ahead (第五十一条第一款)', () => {
  it.each<[string, string]>([
    ['2023-09-27', '2023-10-10'],
    ['2023-06-05', '2023-06-12'],
  ])('notice on %s → hearing no earlier than %s', (noticeOn, end) => {
    expect(earliestHearing(noticeOn, cal, SUO).end).toBe(end);
  });
});
