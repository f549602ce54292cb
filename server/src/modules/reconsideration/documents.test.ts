import { describe, expect, it } from 'vitest';
import type { CaseView } from './contract.js';
import {
  acceptanceNotice,
  builders,
  correctionNotice,
  decisionDocument,
  maskForPublication,
  publicationDocument,
  refusalDecision,
  replyNotice,
} from './documents.js';

const deadline = (key: string, dueOn: string, article: string) => ({
  key,
  label: key,
  dueOn,
  article,
  description: '',
  status: 'open' as const,
  doneOn: null,
  error: null,
});

const base: CaseView = {
  id: 'c1',
  caseNumber: '索政复〔2023〕3号',
  organName: '索县人民政府',
  organUnitId: 1,
  stage: 'decided',
  stageLabel: '已作出决定',
  channel: 'counter',
  channelLabel: '当面递交',
  receivedOn: '2023-04-10',
  applicantName: '次仁多吉',
  respondentName: '索县自然资源局',
  actDescription: '不予登记决定',
  procedure: 'normal',
  acceptedOn: '2023-04-12',
  acceptanceDeemed: false,
  decisionType: 'revoke',
  decisionTypeLabel: '撤销',
  closedOn: '2023-06-01',
  late: false,
  overdue: false,
  approaching: false,
  noReply: false,
  next: null,
  applicant: {
    kind: 'person',
    name: '次仁多吉',
    idNumber: '540626197905020311',
    phone: '13989061377',
    address: '索县荣布镇',
    representative: null,
    unmasked: true,
  },
  respondentUnitId: 2,
  respondentSuperior: '那曲市自然资源局',
  actNumber: '索自然资〔2023〕1号',
  actDate: '2023-03-20',
  request: '撤销不予登记决定',
  factsAndReasons: '次仁多吉持有分配证明，联系电话13989061377。',
  learnedOn: '2023-03-22',
  rightsLearnedOn: null,
  lateReason: null,
  oralRecord: null,
  amountYuan: null,
  major: false,
  officers: ['旦增尼玛', '次仁央宗'],
  attachmentIds: [],
  correctionNoticeOn: '2023-04-11',
  correctionItems: ['提供公民身份号码', '提供决定书复印件'],
  correctionServedOn: null,
  correctionExtendedTo: null,
  correctionReceivedOn: null,
  abandonedOn: null,
  refusedOn: '2023-04-14',
  refusalReason: '不属于本机关管辖。',
  properOrgan: '国家税务总局那曲市税务局',
  simpleGround: null,
  procedureLabel: '普通程序',
  copySentOn: '2023-04-13',
  copyReceivedOn: null,
  replyReceivedOn: '2023-04-20',
  committeeConsultedOn: null,
  committeeOpinion: null,
  extensionDays: 30,
  extendedOn: '2023-05-20',
  extensionApprovedBy: '边巴次仁',
  extensionReason: '复杂',
  decidedOn: '2023-06-01',
  decisionArticle: '《行政复议法》第六十四条',
  decisionFindings: '经查，次仁多吉（身份证号540626197905020311）的申请材料齐全。',
  decisionReasoning: '被申请人主要事实不清。',
  decisionOrder: '撤销不予登记决定。',
  terminationGround: null,
  closingNote: null,
  publishedOn: null,
  copyTo: ['那曲市自然资源局'],
  pausedDays: 0,
  deadlines: [
    deadline('decision', '2023-07-11', '《行政复议法》第六十二条第一款'),
    deadline('correctionReply', '2023-04-25', '《行政复议法》第三十一条第二款'),
  ],
  suspensions: [],
  hearings: [],
  events: [],
  actions: [],
  documents: [],
};
const text = (d: ReturnType<typeof decisionDocument>) =>
  JSON.stringify(d.blocks) + (d.addressee ?? '') + (d.copyTo ?? []).join('');

describe('reconsideration documents', () => {
  it('acceptance notice: number, addressee, decision date with its article', () => {
    const d = acceptanceNotice(base);
    expect(d).toMatchObject({
      issuer: '索县人民政府',
      number: '索政复〔2023〕3号',
      title: '行政复议受理通知书',
      date: '2023-04-12',
    });
    expect(text(d)).toContain('2023年7月11日前作出行政复议决定');
    expect(text(d)).toContain('第六十二条第一款');
    expect(text(acceptanceNotice({ ...base, acceptanceDeemed: true }))).toContain('视为受理');
  });

  it('correction notice lists every item once, with the 10-working-day window and 视为放弃', () => {
    const t = text(correctionNotice(base));
    expect(t).toContain('1. 提供公民身份号码');
    expect(t).toContain('2. 提供决定书复印件');
    expect(t).toContain('2023年4月25日前');
    expect(t).toContain('视为放弃行政复议申请');
  });

  it('refusal gives the reason and names the proper organ', () => {
    const t = text(refusalDecision(base));
    expect(t).toContain('不属于本机关管辖');
    expect(t).toContain('可以向国家税务总局那曲市税务局申请行政复议');
  });

  it('reply notice tells the respondent its period and the consequence of silence (第四十八条、第七十条)', () => {
    const n = replyNotice(base);
    expect(n.addressee).toBe('索县自然资源局：');
    expect(text(n)).toContain('第四十八条');
    expect(text(n)).toContain('十个工作日');
    expect(text(n)).toContain('第七十条');
    expect(text(replyNotice({ ...base, procedure: 'simple' }))).toContain('五个工作日');
  });

  it('decision cites the type’s article and is copied to the respondent’s superior (第七十九条第二款)', () => {
    const d = decisionDocument(base);
    expect(text(d)).toContain('第六十四条的规定');
    expect(d.copyTo).toEqual(['抄告：那曲市自然资源局（《中华人民共和国行政复议法》第七十九条第二款）']);
    expect(text(d)).toContain('延长审理期限30日');
  });

  it('publication masks the applicant’s name everywhere, the ID and phone numbers, and leaves out the address', () => {
    const m = maskForPublication(base);
    expect(m.applicant).toMatchObject({
      name: '次某',
      idNumber: '540626********0311',
      phone: '139****1377',
      address: null,
    });
    const t = text(publicationDocument(base));
    expect(t).not.toContain('次仁多吉');
    expect(t).not.toContain('540626197905020311');
    expect(t).not.toContain('13989061377');
    expect(t).not.toContain('荣布镇');
    expect(t).toContain('次某');
    // an organisation's name is public, its representative's is not
    const org = maskForPublication({
      ...base,
      applicant: {
        ...base.applicant,
        kind: 'organisation',
        name: '索县雪域建材有限公司',
        representative: '罗布',
        idNumber: '91540626MA6T1B2X3K',
      },
    });
    expect(org.applicant).toMatchObject({
      name: '索县雪域建材有限公司',
      representative: '罗某',
      idNumber: '91540626MA6T1B2X3K',
    });
  });

  it('has a builder for every document kind', () => {
    for (const b of Object.values(builders)) expect(b(base).title).toMatch(/书$/);
  });
});
