import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Tx } from '../../db/tx.js';
import type { Platform } from '../platform.js';

/**
 * What a citizen sends from the portal is stored by the intake service first, in its own
 * committed transaction, and only then handed to the owning module. A module declares here which
 * kinds of submission it takes and how one becomes its record.
 */
export interface IntakeHandler<P = unknown> {
  /** `reconsideration.application`, `mediation.request`, `mediation.question` */
  kind: string;
  label: string;
  /**
   * The permission an officer needs to see submissions of this kind, their payload and their
   * attachments (with the receiving unit in scope): the module's own case-file permission, so a
   * reconsideration application is read by reconsideration officers only (行政复议法第三十六条:
   * personal data and secrets in a case are kept confidential).
   */
  readPermission: string;
  /** the submission body (attachments travel separately as file ids) */
  schema: z.ZodType<P>;
  /**
   * The phone number or other value the citizen must give again, with the lookup code, to see the
   * status. Only its salted SM3 hash is kept.
   */
  secondFactor(payload: P): string;
  /**
   * The org unit that receives this submission (e.g. the county 司法局 for an application addressed to
   * the county government): its path scopes the officers' list of pending submissions and the
   * submission's attachments. Optional; without it the root of the org tree receives.
   */
  receivingUnit?(args: { db: Db; payload: P }): Promise<number | null>;
  /**
   * Turns a stored submission into the module's record, inside the given transaction db; returns
   * the record's id. Throwing leaves the submission stored and unprocessed for the retry job and
   * for an officer to see; nothing the citizen sent is lost.
   */
  process(args: {
    platform: Platform;
    db: Db;
    submissionId: string;
    receivedAt: Date;
    payload: P;
    fileIds: readonly string[];
    /**
     * The same transaction as an audited handle (actor: the system, ip: the citizen's), for
     * `t.audit(...)`; `db` is `tx.db`.
     */
    tx: Tx;
  }): Promise<string>;
  /**
   * The values a form field may take that only the module knows (e.g. `disputeTypeCode` → the active
   * dispute types), served with the kinds so the portal can offer a list. Optional.
   */
  choices?(args: { platform: Platform; db: Db }): Promise<Record<string, { value: string; label: string }[]>>;
  /** What the citizen sees on lookup (no personal data beyond what they typed themselves). */
  status(args: { platform: Platform; db: Db; recordId: string }): Promise<IntakeStatus | null>;
}

export interface IntakeStatus {
  /** zh-CN text of the current stage, e.g. 已受理 */
  stage: string;
  /** a stable code for the stage, for the Tibetan catalogue */
  stageCode: string;
  caseNumber?: string | null;
  /** the next statutory date the citizen should know of, YYYY-MM-DD, with its article */
  nextDeadline?: { date: string; label: string; article: string } | null;
  history: { at: string; stageCode: string; stage: string }[];
}

export const defineIntake = <P>(h: IntakeHandler<P>): IntakeHandler<P> => h;
