/**
 * The case's Word documents as OfficialDocument models (pure functions; the platform renders them in
 * GB/T 9704 layout). Dates in the text are written 2023年7月1日; every period cited carries its article.
 */
import { zhDate } from '../../platform/calendar/dates.js';
import type { DocBlock, OfficialDocument } from '../../platform/documents/types.js';
import { maskIdNumber, maskPersonName, maskPhone } from '../../platform/privacy/mask.js';
import type { CaseView } from './contract.js';
import { decisionTypes, procedures, type DocumentKind } from './kinds.js';

const P = (text: string): DocBlock => ({ kind: 'paragraph', text });
const F = (label: string, value: string): DocBlock => ({ kind: 'field', label, value });
const law = '《中华人民共和国行政复议法》';
const d = (s: string | null | undefined) => (s ? zhDate(s) : '');
const dueOf = (c: CaseView, key: string) => c.deadlines.find((x) => x.key === key);

function applicantFields(c: CaseView): DocBlock[] {
  const a = c.applicant;
  const out: DocBlock[] = [F('申请人', a.name)];
  if (a.idNumber) out.push(F(a.kind === 'person' ? '公民身份号码' : '统一社会信用代码', a.idNumber));
  if (a.representative) out.push(F('法定代表人（主要负责人）', a.representative));
  if (a.address) out.push(F('住所', a.address));
  if (a.phone) out.push(F('联系电话', a.phone));
  return out;
}

const actText = (c: CaseView) =>
  `${c.respondentName}${c.actDate ? `于${d(c.actDate)}` : ''}作出的${c.actDescription}${c.actNumber ? `（${c.actNumber}）` : ''}`;

/** 行政复议受理通知书 (Art. 30), to the applicant. */
export function acceptanceNotice(c: CaseView): OfficialDocument {
  const decision = dueOf(c, 'decision');
  const how = c.acceptanceDeemed
    ? `本机关在${law}第三十条规定的审查期限内未作出不予受理决定，依照该条第三款，自${d(c.acceptedOn)}起视为受理。`
    : `经审查，该申请符合${law}第三十条第一款规定的受理条件，本机关决定自${d(c.acceptedOn)}起予以受理。`;
  return {
    issuer: c.organName,
    number: c.caseNumber ?? undefined,
    title: '行政复议受理通知书',
    addressee: `${c.applicant.name}：`,
    blocks: [
      P(
        `你${c.applicant.kind === 'person' ? '' : '单位'}对${actText(c)}不服，于${d(c.receivedOn)}提出的行政复议申请收悉。${how}`,
      ),
      P(
        `本案适用${procedures[c.procedure ?? 'normal']}审理。` +
          (decision?.dueOn
            ? `依照${law}${c.procedure === 'simple' ? '第六十二条第二款' : '第六十二条第一款'}，本机关将于${d(decision.dueOn)}前作出行政复议决定（中止审理期间不计入，依法延长的除外）。`
            : ''),
      ),
      P('行政复议期间行政行为不停止执行，但有' + law + '第四十二条规定情形的除外。'),
    ],
    signature: [c.organName],
    date: c.acceptedOn ?? undefined,
  };
}

/** 补正通知书 (Art. 31): every missing item in one notice, the reply window and its consequence. */
export function correctionNotice(c: CaseView): OfficialDocument {
  const reply = dueOf(c, 'correctionReply');
  return {
    issuer: c.organName,
    title: '行政复议申请补正通知书',
    addressee: `${c.applicant.name}：`,
    blocks: [
      P(
        `你${c.applicant.kind === 'person' ? '' : '单位'}对${actText(c)}不服，于${d(c.receivedOn)}提出的行政复议申请收悉。经审查，申请材料不齐全或者表述不清楚，无法判断是否符合${law}第三十条第一款的规定。依照该法第三十一条第一款，请补正下列事项：`,
      ),
      ...c.correctionItems.map((item, i) => P(`${i + 1}. ${item}`)),
      P(
        `请自收到本通知之日起十个工作日内${reply?.dueOn ? `（即${d(reply.dueOn)}前）` : ''}提交补正材料（${law}第三十一条第二款）。有正当理由不能按期补正的，可以申请延长补正期限；无正当理由逾期不补正的，视为放弃行政复议申请。`,
      ),
      P(`本机关自收到补正材料之日起，依照${law}第三十条的规定进行审查。`),
    ],
    signature: [c.organName],
    date: c.correctionNoticeOn ?? undefined,
  };
}

/** 不予受理决定书 (Art. 30(2)): reasons, and the organ with jurisdiction where there is one. */
export function refusalDecision(c: CaseView): OfficialDocument {
  return {
    issuer: c.organName,
    title: '不予受理行政复议申请决定书',
    blocks: [
      ...applicantFields(c),
      F('被申请人', c.respondentName),
      P(`申请人对${actText(c)}不服，于${d(c.receivedOn)}向本机关提出行政复议申请。`),
      P(`经审查，${c.refusalReason ?? ''}依照${law}第三十条第二款的规定，本机关决定不予受理。`),
      ...(c.properOrgan ? [P(`本案不属于本机关管辖，申请人可以向${c.properOrgan}申请行政复议。`)] : []),
      P(
        '申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。',
      ),
    ],
    signature: [c.organName],
    date: c.refusedOn ?? undefined,
  };
}

/** 提出答复通知书 (Art. 48 / 54), to the respondent, with the consequence of silence (Art. 70). */
export function replyNotice(c: CaseView): OfficialDocument {
  const simple = c.procedure === 'simple';
  const article = simple ? '第五十四条第一款' : '第四十八条';
  return {
    issuer: c.organName,
    number: c.caseNumber ?? undefined,
    title: '行政复议答复通知书',
    addressee: `${c.respondentName}：`,
    blocks: [
      P(
        `${c.applicant.name}对你单位${c.actDate ? `于${d(c.actDate)}` : ''}作出的${c.actDescription}${c.actNumber ? `（${c.actNumber}）` : ''}不服，向本机关申请行政复议，本机关已依法受理。现将行政复议申请书副本（申请笔录复印件）发送你单位。`,
      ),
      P(
        `依照${law}${article}，请你单位自收到申请书副本之日起${simple ? '五' : '十'}个工作日内，提出书面答复，并提交作出该行政行为的证据、依据和其他有关材料。`,
      ),
      P(
        `被申请人不按期提出书面答复、提交证据和依据的，视为该行政行为没有证据、依据，本机关将依照${law}第七十条的规定作出决定。`,
      ),
      P('附件：行政复议申请书副本'),
    ],
    signature: [c.organName],
    date: c.copySentOn ?? c.acceptedOn ?? undefined,
  };
}

/** 行政复议决定书 (Arts. 61, 63–69, 75), copied where Art. 79(2) says. */
export function decisionDocument(c: CaseView): OfficialDocument {
  const t = c.decisionType ? decisionTypes[c.decisionType] : null;
  return {
    issuer: c.organName,
    number: c.caseNumber ?? undefined,
    title: '行政复议决定书',
    blocks: [
      ...applicantFields(c),
      F('被申请人', c.respondentName),
      P(
        `申请人对${actText(c)}不服，于${d(c.receivedOn)}向本机关提出行政复议申请，本机关于${d(c.acceptedOn)}依法受理，适用${procedures[c.procedure ?? 'normal']}审理。${c.extensionDays ? `因情况复杂，经批准延长审理期限${c.extensionDays}日。` : ''}`,
      ),
      P(`申请人请求：${c.request}`),
      P(`申请人称：${c.factsAndReasons}`),
      { kind: 'heading', level: 1, text: '一、审理查明' },
      P(c.decisionFindings ?? ''),
      { kind: 'heading', level: 1, text: '二、本机关认为' },
      P(c.decisionReasoning ?? ''),
      P(`综上，依照${law}${t?.article ?? ''}的规定，本机关决定如下：`),
      P(c.decisionOrder ?? ''),
      P('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。'),
    ],
    signature: [c.organName],
    date: c.decidedOn ?? undefined,
    copyTo: c.copyTo.length ? [`抄告：${c.copyTo.join('、')}（${law}第七十九条第二款）`] : undefined,
  };
}

export const builders: Record<DocumentKind, (c: CaseView) => OfficialDocument> = {
  acceptance: acceptanceNotice,
  correction: correctionNotice,
  refusal: refusalDecision,
  replyNotice,
  decision: decisionDocument,
};

/**
 * The case as published (Art. 79(1); rules-research §5.1): a natural person's name becomes 张某
 * wherever it appears, ID and phone numbers are masked, the address is left out.
 */
export function maskForPublication(c: CaseView): CaseView {
  const a = c.applicant;
  const names = [a.kind === 'person' ? a.name : null, a.representative].filter((n): n is string => !!n);
  const scrub = (s: string | null) => {
    if (s === null) return s;
    let out = s;
    for (const n of names) out = out.split(n).join(maskPersonName(n)!);
    // numbers typed into the free text: 18-digit IDs and 11-digit mobiles
    out = out
      .replace(/\d{17}[\dXx]/g, (m) => maskIdNumber(m)!)
      .replace(/(?<!\d)1\d{10}(?!\d)/g, (m) => maskPhone(m)!);
    return out;
  };
  return {
    ...c,
    applicant: {
      ...a,
      name: a.kind === 'person' ? maskPersonName(a.name)! : a.name,
      representative: a.representative ? maskPersonName(a.representative) : null,
      idNumber: a.kind === 'person' ? maskIdNumber(a.idNumber) : a.idNumber,
      phone: maskPhone(a.phone),
      address: null,
      unmasked: false,
    },
    request: scrub(c.request)!,
    factsAndReasons: scrub(c.factsAndReasons)!,
    decisionFindings: scrub(c.decisionFindings),
    decisionReasoning: scrub(c.decisionReasoning),
    decisionOrder: scrub(c.decisionOrder),
  };
}

export const publicationDocument = (c: CaseView) => decisionDocument(maskForPublication(c));
