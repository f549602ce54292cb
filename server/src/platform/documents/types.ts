/**
 * One model of an official document (公文) that every module fills and one renderer lays out in
 * GB/T 9704-2012: the agreement of a mediation, a reconsideration notice or decision, the annual
 * report. Modules say what the document holds; the layout (A4, margins, fonts, 22×28 grid, page
 * numbers) is the renderer's alone.
 */
export interface OfficialDocument {
  /** 发文机关标志 (red header), e.g. 索县人民政府; omitted for plain documents */
  issuer?: string;
  /** 发文字号, e.g. 索政复〔2023〕3号 */
  number?: string;
  title: string;
  /** 主送机关 or the party addressed (申请人：某某) */
  addressee?: string;
  blocks: readonly DocBlock[];
  /** 落款: issuing organ(s), one per line */
  signature?: readonly string[];
  /** 成文日期, YYYY-MM-DD; rendered 2023年7月1日 */
  date?: string;
  /**
   * 附件 (GB/T 9704 §7.3.3, §8): named after the body as 附件：1.名称, each laid out after the
   * signature from a new page under a 附件N mark (3号黑体, top left) with its own centred title
   */
  attachments?: readonly { title: string; blocks: readonly DocBlock[] }[];
  /** 印发/抄送 lines at the foot */
  copyTo?: readonly string[];
  /** main language; 'bo-zh' lays Tibetan paragraphs before their Chinese ones */
  language?: 'zh' | 'bo-zh';
}

export type DocBlock =
  /** level 1 一、(黑体) 2 （一）(楷体) 3 1.(仿宋 bold) 4 (1)(仿宋) */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string; lang?: 'zh' | 'bo' }
  | { kind: 'table'; header: readonly string[]; rows: readonly (readonly string[])[] }
  /** a labelled line such as 申请人：张某，男，… */
  | { kind: 'field'; label: string; value: string }
  | { kind: 'pageBreak' };
