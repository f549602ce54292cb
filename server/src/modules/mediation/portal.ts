import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query, type Db } from '../../db/database.js';
import { defineIntake, type IntakeStatus } from '../../platform/intake/types.js';
import type { Platform } from '../../platform/platform.js';
import { CaseService } from './cases.js';
import { statuses, type Status } from './kinds.js';
import { IntakeService } from './intake.js';
import { P } from './common.js';
import { shanghaiDate } from '../../platform/calendar/dates.js';

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写手机号码或带区号的固定电话');
const township = z.string().regex(/^\d{9}$/, '请选择乡镇（9 位统计用区划代码）');

/**
 * The unit that receives a portal submission from a township: the 矛盾纠纷化解中心 of a division
 * above it, else the township's own mediation committee.
 */
async function receiverFor(db: Db, divisionCode: string): Promise<number | null> {
  const [u] = await query<{ id: number }>(
    db,
    sql`select u.id from org_units u join divisions d on d.code = u.division_code, divisions td
        where td.code = ${divisionCode} and u.active and td.path like d.path || '%'
          and (exists (select 1 from mediation_centres c where c.unit_id = u.id) or u.kind = 'mediationCommittee')
        order by (exists (select 1 from mediation_centres c where c.unit_id = u.id)) desc, d.level desc, u.id
        limit 1`,
  );
  return u?.id ?? null;
}

export const MediationRequest = z.object({
  applicantName: z.string().trim().min(2, '请填写申请人姓名').max(40),
  phone,
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位')
    .nullish(),
  divisionCode: township,
  otherParty: z.string().trim().min(2, '请填写对方当事人姓名或名称').max(80),
  disputeTypeCode: z.string().trim().min(1, '请选择纠纷类型').max(40),
  description: z.string().trim().min(10, '请简要说明纠纷情况（至少 10 个字）').max(4000),
  amount: z.number().min(0).max(1_000_000_000).default(0),
});
export type MediationRequest = z.output<typeof MediationRequest>;

export const MediationQuestion = z.object({
  name: z.string().trim().max(40).nullish(),
  phone,
  divisionCode: township.nullish(),
  question: z.string().trim().min(4, '请填写您的问题').max(4000),
  language: z.enum(['zh', 'bo']).default('zh'),
});
export type MediationQuestion = z.output<typeof MediationQuestion>;

export function mediationIntake(): Parameters<typeof defineIntake>[0][] {
  const request = defineIntake<MediationRequest>({
    kind: 'mediation.request',
    label: '申请人民调解',
    readPermission: P.intake,
    schema: MediationRequest,
    secondFactor: (p) => p.phone,
    receivingUnit: ({ db, payload }) => receiverFor(db, payload.divisionCode),
    async choices({ db }) {
      const types = await query<{ code: string; label: string }>(
        db,
        sql`select code, label from mediation_dispute_types where active order by sort, code`,
      );
      return { disputeTypeCode: types.map((t) => ({ value: t.code, label: t.label })) };
    },
    async process({ platform, tx, receivedAt, payload, submissionId }) {
      const unitId = await receiverFor(tx.db, payload.divisionCode);
      if (!unitId) throw new Error(`乡镇 ${payload.divisionCode} 没有可受理的调解中心或调委会`);
      const { id } = await new CaseService(platform).createIn(tx, {
        unitId,
        receivedOn: shanghaiDate(receivedAt),
        source: 'portal',
        disputeTypeCode: payload.disputeTypeCode,
        // the centre grades it when routing (分级调处)
        grade: 'simple',
        divisionCode: payload.divisionCode,
        summary: payload.description,
        amount: payload.amount,
        mediationKind: 'people',
        parties: [
          {
            role: 'applicant',
            kind: 'person',
            name: payload.applicantName,
            phone: payload.phone,
            idNumber: payload.idNumber ?? null,
          },
          { role: 'respondent', kind: 'person', name: payload.otherParty },
        ],
        submissionId,
      });
      return id;
    },
    async status({ platform, db, recordId }) {
      return caseStatus(platform, db, recordId);
    },
  });

  const question = defineIntake<MediationQuestion>({
    kind: 'mediation.question',
    label: '法律咨询（在线答疑）',
    readPermission: P.intake,
    schema: MediationQuestion,
    secondFactor: (p) => p.phone,
    receivingUnit: ({ db, payload }) => receiverFor(db, payload.divisionCode ?? '540626'),
    async process({ platform, tx, receivedAt, payload, submissionId }) {
      const unitId = await receiverFor(tx.db, payload.divisionCode ?? '540626');
      if (!unitId) throw new Error('没有可答复咨询的调解中心');
      const id = await new IntakeService(platform).createQuestionIn(tx.db, tx.ctx, {
        unitId,
        channel: 'online',
        receivedOn: shanghaiDate(receivedAt),
        askerName: payload.name ?? null,
        phone: payload.phone,
        divisionCode: payload.divisionCode ?? null,
        language: payload.language,
        question: payload.question,
        submissionId,
      });
      tx.audit({
        action: 'mediation.question.create',
        entity: 'mediationQuestion',
        entityId: id,
        diff: { channel: 'online', portal: true },
      });
      return id;
    },
    async status({ db, recordId }) {
      const [q] = await query<{ received_on: string; answer: string | null; answered_on: string | null }>(
        db,
        sql`select received_on, answer, answered_on from mediation_questions where id = ${recordId} and voided_at is null`,
      );
      if (!q) return null;
      const history: IntakeStatus['history'] = [
        { at: q.received_on, stageCode: 'received', stage: '已收到' },
      ];
      if (q.answer) history.push({ at: q.answered_on!, stageCode: 'answered', stage: `已答复：${q.answer}` });
      return {
        stage: q.answer ? '已答复' : '待答复',
        stageCode: q.answer ? 'answered' : 'received',
        history,
      };
    },
  });
  return [request, question];
}

async function caseStatus(platform: Platform, db: Db, id: string): Promise<IntakeStatus | null> {
  const [c] = await query<{
    number: string;
    status: Status;
    received_on: string;
    closed_on: string | null;
    first_session: string | null;
    effective_on: string | null;
    division: string;
    applied: boolean;
  }>(
    db,
    sql`select c.number, c.status, c.received_on, c.closed_on, c.agreement_effective_on as effective_on,
          u.division_code as division,
          (select min(held_on) from mediation_sessions s where s.case_id = c.id) as first_session,
          exists (select 1 from mediation_confirmations j where j.case_id = c.id and j.voided_at is null) as applied
        from mediation_cases c join org_units u on u.id = c.unit_id where c.id = ${id} and c.voided_at is null`,
  );
  if (!c) return null;
  const history: IntakeStatus['history'] = [
    { at: c.received_on, stageCode: 'received', stage: statuses.received },
  ];
  if (c.first_session)
    history.push({ at: c.first_session, stageCode: 'mediating', stage: statuses.mediating });
  if (c.closed_on) history.push({ at: c.closed_on, stageCode: c.status, stage: statuses[c.status] });
  let nextDeadline: IntakeStatus['nextDeadline'] = null;
  if (c.status === 'agreed' && c.effective_on && !c.applied) {
    const w = await new CaseService(platform).window(c.effective_on, c.division, db);
    if (w)
      nextDeadline = { date: w.end, label: '共同申请司法确认的最后一日', article: `${w.law}${w.article}` };
  }
  return { stage: statuses[c.status], stageCode: c.status, caseNumber: c.number, nextDeadline, history };
}
