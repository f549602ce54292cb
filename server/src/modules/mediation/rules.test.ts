import { describe, expect, it } from 'vitest';
import { buildCalendar, computeDeadline } from '../../platform/calendar/periods.js';
import { agreementDocument } from './agreement.js';
import { committeeWarnings, confirmationWindow, exclusionOf, subsidyFen } from './rules.js';
import { DEMO_RATES } from './demo.js';
import { filePartCodes } from './kinds.js';

/** The 2023–2024 holiday notices the tests need (国务院办公厅), as the platform calendar holds them. */
const cal = buildCalendar(
  [
    ...[
      '2023-09-29',
      '2023-09-30',
      '2023-10-01',
      '2023-10-02',
      '2023-10-03',
      '2023-10-04',
      '2023-10-05',
      '2023-10-06',
    ].map((day) => ({ day, kind: 'rest' as const, name: '中秋节、国庆节', divisionPath: null })),
    { day: '2023-10-07', kind: 'work' as const, name: '国庆节调休上班', divisionPath: null },
    { day: '2023-10-08', kind: 'work' as const, name: '国庆节调休上班', divisionPath: null },
    ...[
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
    ].map((day) => ({ day, kind: 'rest' as const, name: '春节', divisionPath: null })),
    { day: '2024-02-18', kind: 'work' as const, name: '春节调休上班', divisionPath: null },
  ],
  [2023, 2024],
);
const window = (effectiveOn: string) =>
  computeDeadline(confirmationWindow, effectiveOn, cal, '/540000/540600/540626/');

describe('司法确认 application window (民事诉讼法第二百零五条, 人民调解法第三十三条)', () => {
  it('ends thirty days after the agreement takes effect, the effective day not counted', () => {
    expect(window('2023-06-12')).toMatchObject({
      end: '2023-07-12',
      rule: { law: '民事诉讼法', article: expect.stringContaining('第二百零五条') },
    });
  });
  it('moves a last day in the 国庆 holiday to the 调休 Saturday 2023-10-07', () => {
    const w = window('2023-09-01');
    expect(w.nominalEnd).toBe('2023-10-01');
    expect(w.end).toBe('2023-10-07');
  });
  it('keeps a last day that is itself a 调休 workday (2023-10-08, a Sunday)', () => {
    expect(window('2023-09-08').end).toBe('2023-10-08');
  });
  it('moves a last day in the 2024 春节 holiday to 2024-02-18, the 调休 Sunday', () => {
    expect(window('2024-01-12')).toMatchObject({ nominalEnd: '2024-02-11', end: '2024-02-18' });
  });
  it('moves an ordinary Sunday to the Monday', () => {
    expect(window('2023-12-22')).toMatchObject({ nominalEnd: '2024-01-21', end: '2024-01-22' });
  });
});

describe('人民调解委员会 composition (人民调解法第八条)', () => {
  const m = (gender: string, ethnicity = '藏族') => ({ gender, ethnicity });
  it('accepts three to nine members with a woman', () => {
    expect(
      committeeWarnings({
        members: [m('male'), m('female'), m('male')],
        multiEthnic: false,
        majorityEthnicity: '藏族',
      }),
    ).toEqual([]);
  });
  it('warns on too few or too many members, on no woman, and on no smaller-group member in a multi-ethnic area', () => {
    expect(
      committeeWarnings({ members: [m('female'), m('male')], multiEthnic: false, majorityEthnicity: '藏族' }),
    ).toEqual([expect.stringContaining('三至九人')]);
    expect(
      committeeWarnings({
        members: Array.from({ length: 10 }, () => m('female')),
        multiEthnic: false,
        majorityEthnicity: '藏族',
      }),
    ).toHaveLength(1);
    const w = committeeWarnings({
      members: [m('male'), m('male'), m('male')],
      multiEthnic: true,
      majorityEthnicity: '藏族',
    });
    expect(w).toEqual([expect.stringContaining('妇女成员'), expect.stringContaining('人数较少民族')]);
    expect(
      committeeWarnings({
        members: [m('male'), m('female'), m('male', '汉族')],
        multiEthnic: true,
        majorityEthnicity: '藏族',
      }),
    ).toEqual([]);
  });
});

describe('以案定补 exclusions and amounts', () => {
  const all = [...filePartCodes];
  const ok = {
    mediationKind: 'people' as const,
    status: 'agreed' as const,
    performance: 'performed' as const,
    parts: all,
  };
  it('pays a successful, performed people’s-mediation file with its required parts at its level and grade', () => {
    expect(exclusionOf(ok)).toBeNull();
    expect(subsidyFen(DEMO_RATES, 'township', 'complex', null)).toBe(38000);
    expect(subsidyFen(DEMO_RATES, 'county', 'difficult', null)).toBe(65000);
  });
  it('pays nothing for administrative or court mediation, failure, non-performance or a missing required part', () => {
    expect(exclusionOf({ ...ok, mediationKind: 'administrative' })).toBe('notPeople');
    expect(exclusionOf({ ...ok, mediationKind: 'court' })).toBe('notPeople');
    expect(exclusionOf({ ...ok, status: 'failed', performance: null })).toBe('notAgreed');
    expect(exclusionOf({ ...ok, performance: 'partial' })).toBe('notPerformed');
    expect(exclusionOf({ ...ok, parts: all.filter((p) => p !== 'followUp') })).toBe('incomplete');
    expect(exclusionOf({ ...ok, parts: all.filter((p) => p !== 'cover') })).toBeNull();
    expect(subsidyFen(DEMO_RATES, 'township', 'complex', 'incomplete')).toBe(0);
  });
});

describe('人民调解协议书', () => {
  const input = {
    number: '亚拉镇调〔2023〕5号',
    committee: '亚拉镇人民调解委员会',
    parties: [
      {
        role: 'applicant' as const,
        kind: 'person' as const,
        name: '扎西',
        gender: 'male' as const,
        ethnicity: '藏族',
        idNumber: '540626********0317',
        phone: null,
        address: '亚拉镇',
        representative: null,
      },
      {
        role: 'respondent' as const,
        kind: 'organisation' as const,
        name: '索县某建筑公司',
        gender: null,
        ethnicity: null,
        idNumber: null,
        phone: null,
        address: '索县',
        representative: '王某',
      },
    ],
    disputeType: '劳务纠纷',
    facts: '双方对工资数额有争议。',
    terms: ['支付工资8600元', '双方再无争议'],
    performanceMethod: '银行转账',
    performanceDue: '2023-09-10',
    effectiveOn: '2023-09-01',
    mediators: ['拉巴次仁'],
  };
  it('holds what 人民调解法第二十九条 lists: the parties, the facts and issues, the terms with method and deadline', () => {
    const d = agreementDocument(input);
    expect(d).toMatchObject({
      title: '人民调解协议书',
      number: '亚拉镇调〔2023〕5号',
      date: '2023-09-01',
      language: 'zh',
      signature: ['亚拉镇人民调解委员会（印章）'],
    });
    const text = JSON.stringify(d.blocks);
    expect(d.blocks[0]).toEqual({
      kind: 'field',
      label: '申请人',
      value: '扎西，男，藏族，公民身份号码540626********0317，住亚拉镇',
    });
    expect(d.blocks[1]).toMatchObject({
      label: '被申请人',
      value: expect.stringContaining('法定代表人（负责人）王某'),
    });
    for (const s of [
      '双方对工资数额有争议',
      '（一）支付工资8600元',
      '（二）双方再无争议',
      '银行转账，于2023年9月10日前履行完毕',
      '一式三份',
      '三十日内共同向人民法院申请司法确认',
    ])
      expect(text).toContain(s);
  });
  it('lays each Tibetan term before its Chinese one in a bilingual agreement', () => {
    const d = agreementDocument({ ...input, termsBo: ['གླ་ཆ་སྤྲོད་རྒྱུ།'] });
    expect(d.language).toBe('bo-zh');
    const i = d.blocks.findIndex((b) => b.kind === 'paragraph' && b.lang === 'bo');
    expect(d.blocks[i + 1]).toMatchObject({ kind: 'paragraph', lang: 'zh', text: '（一）支付工资8600元' });
  });
});
