import type { DocBlock, OfficialDocument } from '../../platform/documents/types.js';
import { genders, partyRoles } from './kinds.js';
import { zhDate } from '../../platform/calendar/dates.js';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnIndex = (i: number) => (i < 10 ? CN_NUM[i]! : i < 20 ? `十${CN_NUM[i - 10] ?? ''}` : String(i + 1));

export interface AgreementInput {
  number: string;
  committee: string;
  parties: {
    role: keyof typeof partyRoles;
    kind: 'person' | 'organisation';
    name: string;
    gender: keyof typeof genders | null;
    ethnicity: string | null;
    /** as the reader may see it (masked unless permitted) */
    idNumber: string | null;
    phone: string | null;
    address: string | null;
    representative: string | null;
  }[];
  disputeType: string;
  facts: string;
  terms: readonly string[];
  termsBo?: readonly string[] | null;
  performanceMethod: string;
  performanceDue: string;
  effectiveOn: string;
  mediators: readonly string[];
}

function partyLine(p: AgreementInput['parties'][number]): string {
  if (p.kind === 'organisation')
    return [
      p.name,
      p.representative && `法定代表人（负责人）${p.representative}`,
      p.address && `住所地${p.address}`,
    ]
      .filter(Boolean)
      .join('，');
  return [
    p.name,
    p.gender && genders[p.gender],
    p.ethnicity,
    p.idNumber && `公民身份号码${p.idNumber}`,
    p.address && `住${p.address}`,
    p.phone && `联系电话${p.phone}`,
  ]
    .filter(Boolean)
    .join('，');
}

/**
 * 人民调解协议书 with what 人民调解法第二十九条 lists: the parties; the main facts, issues and
 * responsibilities; the terms with the method and deadline of performance. Three copies (第二十九条第二款).
 * A bilingual agreement lays each Tibetan term before its Chinese one.
 */
export function agreementDocument(a: AgreementInput): OfficialDocument {
  const bilingual = !!a.termsBo?.some((t) => t.trim());
  const blocks: DocBlock[] = [];
  for (const p of a.parties) blocks.push({ kind: 'field', label: partyRoles[p.role], value: partyLine(p) });
  blocks.push({ kind: 'heading', level: 1, text: '一、纠纷的主要事实、争议事项及各方责任' });
  blocks.push({ kind: 'paragraph', text: `纠纷类型：${a.disputeType}。${a.facts}` });
  blocks.push({ kind: 'heading', level: 1, text: '二、经人民调解委员会调解，双方自愿达成如下协议' });
  a.terms.forEach((t, i) => {
    const bo = a.termsBo?.[i]?.trim();
    if (bo) blocks.push({ kind: 'paragraph', text: bo, lang: 'bo' });
    blocks.push({ kind: 'paragraph', text: `（${cnIndex(i)}）${t}`, lang: 'zh' });
  });
  blocks.push({ kind: 'heading', level: 1, text: '三、履行方式和期限' });
  blocks.push({
    kind: 'paragraph',
    text: `${a.performanceMethod}，于${zhDate(a.performanceDue)}前履行完毕。人民调解委员会对协议履行情况进行监督（人民调解法第三十一条第二款）。`,
  });
  blocks.push({ kind: 'heading', level: 1, text: '四、其他事项' });
  blocks.push({
    kind: 'paragraph',
    text: '本协议经人民调解委员会调解达成，具有法律约束力，当事人应当按照约定履行（人民调解法第三十一条）。本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效；一式三份，当事人各执一份，人民调解委员会留存一份（人民调解法第二十九条第二款）。',
  });
  blocks.push({
    kind: 'paragraph',
    text: `双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（人民调解法第三十三条、民事诉讼法第二百零五条）。`,
  });
  blocks.push({
    kind: 'table',
    header: ['签名', '签名或盖章、按指印'],
    rows: [
      ...a.parties.map((p) => [`${partyRoles[p.role]}：${p.name}`, '']),
      ...a.mediators.map((m) => [`人民调解员：${m}`, '']),
    ],
  });
  return {
    number: a.number,
    title: '人民调解协议书',
    blocks,
    signature: [`${a.committee}（印章）`],
    date: a.effectiveOn,
    language: bilingual ? 'bo-zh' : 'zh',
  };
}
