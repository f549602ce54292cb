/**
 * Reading cases: one row with its organ (scope) and division (calendar), the facts the rules need,
 * and the views the API presents. Writes live in service.ts.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import type { CalendarData } from '../../platform/calendar/periods.js';
import { notFound } from '../../platform/http/errors.js';
import type { FieldCrypto } from '../../platform/privacy/field-crypto.js';
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.js';
import type { CaseView } from './contract.js';
import {
  channels,
  decisionTypes,
  documentKinds,
  procedures,
  stages,
  suspensionArticle,
  suspensionGrounds,
  type DocumentKind,
  type Stage,
} from './kinds.js';
import { timeline, type CaseFacts, type CaseTimeline } from './rules.js';
import {
  reconsiderationCases as cases,
  reconsiderationEvents as events,
  reconsiderationHearings as hearings,
  reconsiderationSuspensions as suspensions,
} from './schema.js';

export const P = {
  read: 'reconsideration.case.read',
  handle: 'reconsideration.case.handle',
  decide: 'reconsideration.case.decide',
  personal: 'reconsideration.applicant.personal',
  stats: 'reconsideration.stats.read',
  settings: 'reconsideration.settings.manage',
} as const;

export { todayInShanghai } from '../../platform/calendar/dates.js';

export type CaseRow = typeof cases.$inferSelect;
export interface Loaded {
  row: CaseRow;
  organName: string;
  organPath: string;
  divisionPath: string;
  divisionName: string;
  respondentKind: string | null;
  respondentParentId: number | null;
  suspensions: (typeof suspensions.$inferSelect)[];
}

/** One case inside the actor's scope for `permission`, or 404 (outside the scope it does not exist). */
export async function loadCase(
  db: Db,
  actor: Actor,
  permission: string,
  id: string,
  lock = false,
): Promise<Loaded> {
  const [r] = await query<{
    id: string;
    organ_name: string;
    organ_path: string;
    division_path: string;
    division_name: string;
    respondent_kind: string | null;
    respondent_parent: number | null;
  }>(
    db,
    sql`select c.id, o.name as organ_name, o.path as organ_path, d.path as division_path, d.name as division_name,
          ru.kind as respondent_kind, ru.parent_id as respondent_parent
        from reconsideration_cases c
        join org_units o on o.id = c.organ_unit_id
        join divisions d on d.code = c.division_code
        left join org_units ru on ru.id = c.respondent_unit_id
        where c.id = ${id} and c.voided_at is null and (${inScope(sql`o.path`, actor.scopes(permission))})
        ${lock ? sql`for update of c` : sql``}`,
  );
  if (!r) throw notFound('行政复议案件', id);
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  const sus = await db
    .select()
    .from(suspensions)
    .where(eq(suspensions.caseId, id))
    .orderBy(asc(suspensions.id));
  return {
    row: row!,
    organName: r.organ_name,
    organPath: r.organ_path,
    divisionPath: r.division_path,
    divisionName: r.division_name,
    respondentKind: r.respondent_kind,
    respondentParentId: r.respondent_parent,
    suspensions: sus,
  };
}

export function factsOf(row: CaseRow, sus: Loaded['suspensions']): CaseFacts {
  return {
    stage: row.stage,
    receivedOn: row.receivedOn,
    learnedOn: row.learnedOn,
    rightsLearnedOn: row.rightsLearnedOn,
    actDate: row.actDate,
    procedure: row.procedure,
    correctionNoticeOn: row.correctionNoticeOn,
    correctionServedOn: row.correctionServedOn,
    correctionExtendedTo: row.correctionExtendedTo,
    correctionReceivedOn: row.correctionReceivedOn,
    refusedOn: row.refusedOn,
    acceptedOn: row.acceptedOn,
    copySentOn: row.copySentOn,
    copyReceivedOn: row.copyReceivedOn,
    replyReceivedOn: row.replyReceivedOn,
    suspensions: sus.map((s) => ({ from: s.fromOn, to: s.toOn, ground: s.ground })),
    extensionDays: row.extensionDays,
    closedOn: row.closedOn,
  };
}

/**
 * Art. 79(2): a county government deciding on one of its own departments copies the decision to
 * that department's next-level competent department. Townships have none (they are governments).
 */
export function copyToOf(
  c: Pick<Loaded, 'respondentKind'> & { row: Pick<CaseRow, 'respondentSuperior'> },
): string[] {
  if (c.row.respondentSuperior) return [c.row.respondentSuperior];
  return [];
}
export const needsSuperior = (c: Pick<Loaded, 'respondentKind' | 'respondentParentId' | 'row'>) =>
  c.respondentKind === 'department' && c.respondentParentId === c.row.organUnitId;

/** What the office may do next, by the stage the law says the case is in. */
export function actionsOf(row: CaseRow, tl: CaseTimeline, hearingsOpen: boolean): string[] {
  const a: string[] = [];
  switch (tl.stage) {
    case 'intake':
      a.push('accept', 'refuse');
      if (!row.correctionNoticeOn) a.push('correctionNotice');
      a.push('terminate', 'update');
      break;
    case 'correction':
      a.push('correctionReceived', 'correctionExtend', 'terminate', 'update');
      break;
    case 'accepted':
      if (row.procedure === 'simple') a.push('switchProcedure');
      if (!row.copySentOn) a.push('copySent');
      else if (!row.replyReceivedOn) a.push('reply');
      a.push('hearing');
      if (hearingsOpen) a.push('hearingRecord');
      a.push('consultation', 'suspend');
      if (row.procedure !== 'simple' && !row.extensionDays) a.push('extend');
      a.push('decide', 'mediate', 'terminate', 'update');
      break;
    case 'suspended':
      a.push('resume', 'mediate', 'terminate', 'update');
      break;
    case 'decided':
      if (!row.publishedOn) a.push('publish');
      break;
  }
  return a;
}

export function documentsOf(row: CaseRow, tl: CaseTimeline): DocumentKind[] {
  const d: DocumentKind[] = [];
  if (row.correctionNoticeOn) d.push('correction');
  if (row.refusedOn) d.push('refusal');
  if (tl.acceptedOn) d.push('acceptance', 'replyNotice');
  if (row.stage === 'decided') d.push('decision');
  return d;
}

const eventLabels: Record<string, string> = {
  received: '收到申请',
  correctionNotice: '发出补正通知',
  correctionExtended: '延长补正期限',
  correctionReceived: '收到补正材料',
  abandoned: '逾期未补正，视为放弃',
  accepted: '受理',
  deemedAccepted: '审查期限届满，视为受理',
  refused: '决定不予受理',
  procedureSwitched: '转为普通程序',
  copySent: '发送申请书副本',
  replyReceived: '收到被申请人答复',
  hearingNoticed: '发出听证通知',
  hearingHeld: '举行听证',
  consulted: '行政复议委员会咨询',
  suspended: '中止审理',
  resumed: '恢复审理',
  extended: '延长审理期限',
  decided: '作出行政复议决定',
  mediated: '调解结案',
  terminated: '终止行政复议',
  published: '决定书公开',
  updated: '修改案件信息',
};
export const eventLabel = (k: string) => eventLabels[k] ?? k;

export interface Presenter {
  crypto: FieldCrypto;
  cal: CalendarData;
  today: string;
}

function listItem(c: Loaded, tl: CaseTimeline) {
  const r = c.row;
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    organName: c.organName,
    stage: tl.stage,
    stageLabel: stages[tl.stage],
    channel: r.channel,
    channelLabel: channels[r.channel],
    receivedOn: r.receivedOn,
    applicantName: r.applicantName,
    respondentName: r.respondentName,
    actDescription: r.actDescription,
    procedure: r.procedure,
    acceptedOn: tl.acceptedOn,
    acceptanceDeemed: tl.acceptanceDeemed || r.acceptanceDeemed,
    decisionType: r.decisionType,
    decisionTypeLabel: r.decisionType ? decisionTypes[r.decisionType].label : null,
    closedOn: r.closedOn ?? r.refusedOn ?? tl.abandonedOn ?? r.abandonedOn,
    late: tl.late,
    overdue: tl.overdue,
    approaching: tl.approaching,
    noReply: tl.noReply,
    next: tl.next,
  };
}

export function presentListItem(c: Loaded, p: Presenter) {
  return listItem(c, timeline(factsOf(c.row, c.suspensions), p.cal, c.divisionPath, p.today));
}

/** The full case; ID and phone unmasked only when `unmasked` (the caller audits that read). */
export async function presentCase(db: Db, c: Loaded, p: Presenter, unmasked: boolean): Promise<CaseView> {
  const r = c.row;
  const tl = timeline(factsOf(r, c.suspensions), p.cal, c.divisionPath, p.today);
  const hs = await db.select().from(hearings).where(eq(hearings.caseId, r.id)).orderBy(asc(hearings.id));
  const ev = await db.select().from(events).where(eq(events.caseId, r.id)).orderBy(asc(events.id));
  const id = p.crypto.decryptOptional(r.applicantIdEnc);
  const phone = p.crypto.decryptOptional(r.applicantPhoneEnc);
  return {
    ...listItem(c, tl),
    organUnitId: r.organUnitId,
    applicant: {
      kind: r.applicantKind,
      name: r.applicantName,
      idNumber: unmasked ? id : maskIdNumber(id),
      phone: unmasked ? phone : maskPhone(phone),
      address: r.applicantAddress,
      representative: r.applicantRepresentative,
      unmasked,
    },
    respondentUnitId: r.respondentUnitId,
    respondentSuperior: r.respondentSuperior,
    actNumber: r.actNumber,
    actDate: r.actDate,
    request: r.request,
    factsAndReasons: r.factsAndReasons,
    learnedOn: r.learnedOn,
    rightsLearnedOn: r.rightsLearnedOn,
    lateReason: r.lateReason,
    oralRecord: r.oralRecord,
    amountYuan: r.amountFen === null ? null : r.amountFen / 100,
    major: r.major,
    officers: r.officers,
    attachmentIds: r.attachmentIds,
    correctionNoticeOn: r.correctionNoticeOn,
    correctionItems: r.correctionItems ?? [],
    correctionServedOn: r.correctionServedOn,
    correctionExtendedTo: r.correctionExtendedTo,
    correctionReceivedOn: r.correctionReceivedOn,
    abandonedOn: tl.abandonedOn ?? r.abandonedOn,
    refusedOn: r.refusedOn,
    refusalReason: r.refusalReason,
    properOrgan: r.properOrgan,
    simpleGround: r.simpleGround,
    procedureLabel: r.procedure ? procedures[r.procedure] : null,
    copySentOn: r.copySentOn,
    copyReceivedOn: r.copyReceivedOn,
    replyReceivedOn: r.replyReceivedOn,
    committeeConsultedOn: r.committeeConsultedOn,
    committeeOpinion: r.committeeOpinion,
    extensionDays: r.extensionDays,
    extendedOn: r.extendedOn,
    extensionApprovedBy: r.extensionApprovedBy,
    extensionReason: r.extensionReason,
    decidedOn: r.decidedOn,
    decisionArticle: r.decisionType ? `《行政复议法》${decisionTypes[r.decisionType].article}` : null,
    decisionFindings: r.decisionFindings,
    decisionReasoning: r.decisionReasoning,
    decisionOrder: r.decisionOrder,
    terminationGround: r.terminationGround,
    closingNote: r.closingNote,
    publishedOn: r.publishedOn,
    copyTo: copyToOf(c),
    pausedDays: tl.pausedDays,
    deadlines: tl.deadlines,
    suspensions: c.suspensions.map((s) => ({
      id: s.id,
      ground: s.ground,
      groundLabel: suspensionGrounds[s.ground].label,
      article: `《行政复议法》${suspensionArticle(s.ground)}`,
      fromOn: s.fromOn,
      toOn: s.toOn,
      note: s.note,
    })),
    hearings: hs.map(({ caseId: _c, ...h }) => h),
    events: ev.map((e) => ({
      kind: e.kind,
      label: eventLabel(e.kind),
      on: e.on,
      at: new Date(e.at).toISOString(),
    })),
    actions: actionsOf(
      r,
      tl,
      hs.some((h) => !h.heldOn),
    ),
    documents: documentsOf(r, tl).map((k) => ({ kind: k, label: documentKinds[k] })),
  };
}

/** Cases in scope matching `where`, with their organ and division, newest first. */
export async function loadMany(db: Db, actor: Actor, permission: string, where: SQL): Promise<Loaded[]> {
  const rows = await query<{
    id: string;
    organ_name: string;
    organ_path: string;
    division_path: string;
    division_name: string;
    respondent_kind: string | null;
    respondent_parent: number | null;
  }>(
    db,
    sql`select c.id, o.name as organ_name, o.path as organ_path, d.path as division_path, d.name as division_name,
          ru.kind as respondent_kind, ru.parent_id as respondent_parent
        from reconsideration_cases c
        join org_units o on o.id = c.organ_unit_id
        join divisions d on d.code = c.division_code
        left join org_units ru on ru.id = c.respondent_unit_id
        where c.voided_at is null and ${where} and (${inScope(sql`o.path`, actor.scopes(permission))})
        order by c.received_on desc, c.created_at desc`,
  );
  if (!rows.length) return [];
  // one array parameter, not one per id: a list of thousands stays one short statement
  const ids = sql`${`{${rows.map((r) => r.id).join(',')}}`}::uuid[]`;
  const full = await db
    .select()
    .from(cases)
    .where(and(isNull(cases.voidedAt), sql`${cases.id} = any(${ids})`));
  const sus = await db
    .select()
    .from(suspensions)
    .where(sql`${suspensions.caseId} = any(${ids})`)
    .orderBy(asc(suspensions.id));
  const byId = new Map(full.map((r) => [r.id, r]));
  const susByCase = new Map<string, typeof sus>();
  for (const s of sus) susByCase.set(s.caseId, [...(susByCase.get(s.caseId) ?? []), s]);
  return rows.map((r) => ({
    row: byId.get(r.id)!,
    organName: r.organ_name,
    organPath: r.organ_path,
    divisionPath: r.division_path,
    divisionName: r.division_name,
    respondentKind: r.respondent_kind,
    respondentParentId: r.respondent_parent,
    suspensions: susByCase.get(r.id) ?? [],
  }));
}

export const closedStages: readonly Stage[] = ['refused', 'abandoned', 'decided', 'mediated', 'terminated'];
