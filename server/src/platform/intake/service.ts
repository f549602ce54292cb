import { createHmac } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { Actor, inScope } from '../access/actor.js';
import { DomainError, conflict, notFound } from '../http/errors.js';
import { orgUnits } from '../org/schema.js';
import type { Platform } from '../platform.js';
import {
  MAX_FILES,
  MAX_PORTAL_FILE_BYTES,
  checkFiles,
  insertFileRows,
  storeBlobs,
  type ReceivedFile,
} from './attachments.js';
import { ChallengeIssuer, challengeKey, type Solution } from './challenge.js';
import type {
  KindView,
  LookupView,
  ReceiptView,
  StatusView,
  SubmissionDetail,
  SubmissionItem,
  SubmissionQuery,
} from './contract.js';
import {
  factorMatches,
  formatLookupCode,
  hashFactor,
  newLookupCode,
  normaliseLookupCode,
} from './lookup-code.js';
import { FailureLimiter } from './limiter.js';
import { intakeSpentChallenges, intakeSubmissions } from './schema.js';
import type { IntakeHandler, IntakeStatus } from './types.js';
import { allowedExtensions } from '../files/types.js';
import type { ModuleManifest } from '../manifest.js';

type Row = typeof intakeSubmissions.$inferSelect;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler keeps its own payload type
type AnyHandler = IntakeHandler<any>;

/** After this many failed attempts the retry job leaves a submission to an officer. */
export const MAX_ATTEMPTS = 10;
/** The retry job leaves fresh submissions to the request that is still processing them. */
const RETRY_AFTER_MS = 2 * 60_000;

export interface RawSubmission {
  payload: unknown;
  challenge: Solution;
}

/**
 * The portal's intake: a submission is validated, its challenge checked, and it is stored with its
 * attachments in its own committed transaction before anything else happens. Only then is it handed
 * to the owning module (a second transaction); if the module fails, the submission stays stored with
 * the error, the citizen gets the receipt anyway, and the retry job or an officer processes it later.
 */
export class IntakeService {
  readonly handlers: ReadonlyMap<string, { handler: AnyHandler; module: string }>;
  readonly challenges: ChallengeIssuer;
  readonly maxFileBytes: number;
  private readonly ipKey: Buffer;
  private readonly failedLookups = new FailureLimiter(10, 60 * 60_000);
  private rootUnit: number | undefined;

  constructor(private readonly platform: Platform) {
    const handlers = new Map<string, { handler: AnyHandler; module: string }>();
    for (const m of platform.modules)
      for (const h of m.intake ?? []) {
        if (handlers.has(h.kind)) throw new Error(`门户提交类型 ${h.kind} 被重复注册（${m.name}）`);
        handlers.set(h.kind, { handler: h, module: m.name });
      }
    this.handlers = handlers;
    const key = challengeKey(platform.config.intakeKeyHex);
    this.challenges = new ChallengeIssuer(key, platform.config.intakePowBits);
    this.ipKey = key;
    this.maxFileBytes = Math.min(platform.config.uploadMaxBytes, MAX_PORTAL_FILE_BYTES);
  }

  async kinds(): Promise<z.infer<typeof KindView>[]> {
    return Promise.all(
      [...this.handlers.values()].map(async ({ handler, module }) => ({
        kind: handler.kind,
        label: handler.label,
        module,
        maxFiles: MAX_FILES,
        maxFileBytes: this.maxFileBytes,
        allowedExtensions,
        choices: (await handler.choices?.({ platform: this.platform, db: this.platform.db })) ?? {},
      })),
    );
  }

  private handler(kind: string): AnyHandler {
    const h = this.handlers.get(kind);
    if (!h) throw notFound('门户提交类型', kind);
    return h.handler;
  }

  /** Validates, stores (committed), then processes; the receipt is returned whatever processing does. */
  async receive(
    ip: string | undefined,
    kind: string,
    raw: RawSubmission,
    received: readonly ReceivedFile[],
  ): Promise<z.infer<typeof ReceiptView>> {
    const handler = this.handler(kind);
    const parsed = handler.schema.safeParse(raw.payload);
    if (!parsed.success) throw invalidPayload(parsed.error);
    const checked = checkFiles(received, this.maxFileBytes);
    const factor = hashFactor(handler.secondFactor(parsed.data));
    // After validation, so a citizen who fixes a field resubmits with the same solved challenge.
    const spent = this.challenges.verify(raw.challenge);
    const unitId =
      (await handler.receivingUnit?.({ db: this.platform.db, payload: parsed.data })) ??
      (await this.defaultUnit());
    await storeBlobs(this.platform.files.store, checked);

    // The store-first write: small, unaudited (the row itself is the receipt; the processing
    // transaction audits it), so it neither waits on the audit chain's lock nor can be rolled back by it.
    const row = await this.storeWithFreshCode(async (db, code) => {
      const used = await db
        .insert(intakeSpentChallenges)
        .values({ nonce: spent.nonce, expiresAt: spent.expiresAt })
        .onConflictDoNothing()
        .returning({ nonce: intakeSpentChallenges.nonce });
      if (used.length === 0)
        throw conflict('CHALLENGE_USED', '此验证已使用过，请重新提交（页面会自动重新验证）', {
          errors: [{ field: 'challenge', message: '验证已使用过' }],
        });
      const [inserted] = await db
        .insert(intakeSubmissions)
        .values({
          kind,
          unitId,
          payload: this.platform.fieldCrypto.encrypt(JSON.stringify(raw.payload)),
          lookupCode: code,
          factorSalt: factor.salt,
          factorHash: factor.hash,
          clientIpHash: ip ? this.hashIp(ip) : null,
        })
        .returning();
      const fileIds = await insertFileRows(db, inserted!.id, unitId, checked);
      if (fileIds.length === 0) return inserted!;
      const [withFiles] = await db
        .update(intakeSubmissions)
        .set({ fileIds })
        .where(eq(intakeSubmissions.id, inserted!.id))
        .returning();
      return withFiles!;
    });

    const after = await this.process(row, { ip: ip ?? null }, parsed.data);
    return {
      code: formatLookupCode(row.lookupCode),
      kind,
      label: handler.label,
      receivedAt: row.receivedAt.toISOString(),
      processed: after.processedAt !== null,
      files: checked.map((f) => ({ name: f.name, size: f.bytes.length })),
      status: await this.statusOf(after),
    };
  }

  private async storeWithFreshCode(fn: (db: Db, code: string) => Promise<Row>): Promise<Row> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.platform.db.transaction((tx) => fn(tx as unknown as Db, newLookupCode()));
      } catch (e) {
        // 49 bits make a collision rare; on one, draw again (the transaction rolled back whole).
        if (attempt < 3 && isUniqueViolation(e, 'intake_submissions_code_idx')) continue;
        throw e;
      }
    }
  }

  /**
   * Hands a stored submission to its module in one audited transaction that also marks it processed.
   * Never throws for the module's failure: it is recorded on the row instead.
   */
  async process(
    row: Row,
    from: { ip: string | null; requestId?: string | null },
    /** the payload as just parsed on receipt, sparing a decryption; read back from the row otherwise */
    parsed?: unknown,
  ): Promise<Row> {
    const entry = this.handlers.get(row.kind);
    const ctx: RequestContext = { actor: Actor.system, ip: from.ip, requestId: from.requestId ?? null };
    try {
      if (!entry) throw new Error(`没有模块处理 ${row.kind} 类型的提交`);
      const payload =
        parsed ?? entry.handler.schema.parse(JSON.parse(this.platform.fieldCrypto.decrypt(row.payload)));
      return await inTx(this.platform.db, ctx, async (t) => {
        // The row lock makes the request and the retry job (or two servers) process it once.
        const [locked] = await t.db
          .select()
          .from(intakeSubmissions)
          .where(eq(intakeSubmissions.id, row.id))
          .for('update');
        if (!locked || locked.processedAt) return locked ?? row;
        const recordId = await entry.handler.process({
          platform: this.platform,
          db: t.db,
          tx: t,
          submissionId: row.id,
          receivedAt: row.receivedAt,
          payload,
          fileIds: row.fileIds,
        });
        const [done] = await t.db
          .update(intakeSubmissions)
          .set({
            processedAt: new Date(),
            recordId,
            attempts: sql`${intakeSubmissions.attempts} + 1`,
            lastError: null,
            lastAttemptAt: new Date(),
          })
          .where(eq(intakeSubmissions.id, row.id))
          .returning();
        t.audit({
          action: 'intake.process',
          entity: 'intake.submission',
          entityId: row.id,
          diff: {
            kind: row.kind,
            recordId,
            receivedAt: row.receivedAt.toISOString(),
            files: row.fileIds.length,
          },
        });
        return done!;
      });
    } catch (e) {
      const message =
        e instanceof DomainError ? `${e.code}: ${e.detail}` : String((e as Error)?.message ?? e);
      this.platform.log.warn({ err: e, submission: row.id, kind: row.kind }, 'intake processing failed');
      const [failed] = await this.platform.db
        .update(intakeSubmissions)
        .set({
          attempts: sql`${intakeSubmissions.attempts} + 1`,
          lastError: message.slice(0, 1000),
          lastAttemptAt: new Date(),
        })
        .where(and(eq(intakeSubmissions.id, row.id), isNull(intakeSubmissions.processedAt)))
        .returning();
      return failed ?? row;
    }
  }

  /** The retry job: pending submissions no request is still working on, oldest first. */
  async retryPending(limit = 100): Promise<{ processed: number; failed: number }> {
    const cutoff = new Date(Date.now() - RETRY_AFTER_MS);
    const rows = await this.platform.db
      .select()
      .from(intakeSubmissions)
      .where(
        and(
          isNull(intakeSubmissions.processedAt),
          lt(intakeSubmissions.attempts, MAX_ATTEMPTS),
          lt(intakeSubmissions.receivedAt, cutoff),
          or(isNull(intakeSubmissions.lastAttemptAt), lt(intakeSubmissions.lastAttemptAt, cutoff)),
        ),
      )
      .orderBy(asc(intakeSubmissions.receivedAt))
      .limit(limit);
    let processed = 0;
    for (const r of rows) if ((await this.process(r, { ip: null })).processedAt) processed++;
    // Spent challenges are only needed until they would have expired anyway.
    await this.platform.db
      .delete(intakeSpentChallenges)
      .where(lt(intakeSpentChallenges.expiresAt, new Date()));
    return { processed, failed: rows.length - processed };
  }

  /**
   * The status for whoever holds the code and the second factor. An unknown code and a wrong factor
   * get the same answer, and both count against the asker's address.
   */
  async lookup(
    ip: string | undefined,
    codeInput: string,
    factorInput: string,
  ): Promise<z.infer<typeof LookupView>> {
    const who = ip ? this.hashIp(ip) : 'unknown';
    if (this.failedLookups.blocked(who))
      throw new DomainError(429, 'RATE_LIMITED', '查询失败次数过多，请一小时后再试');
    const code = normaliseLookupCode(codeInput);
    const [row] = code
      ? await this.platform.db.select().from(intakeSubmissions).where(eq(intakeSubmissions.lookupCode, code))
      : [];
    // Hash even when there is no row, so the answer takes as long either way.
    const ok = factorMatches(
      factorInput,
      row?.factorSalt ?? '0'.repeat(32),
      row?.factorHash ?? '0'.repeat(64),
    );
    if (!row || !ok) {
      this.failedLookups.fail(who);
      throw new DomainError(404, 'LOOKUP_FAILED', '查询码或手机号码不正确，请核对后再试', {
        errors: [{ field: 'code', message: '查询码或手机号码不正确' }],
      });
    }
    return {
      code: formatLookupCode(row.lookupCode),
      kind: row.kind,
      label: this.handlers.get(row.kind)?.handler.label ?? row.kind,
      receivedAt: row.receivedAt.toISOString(),
      status: await this.statusOf(row),
    };
  }

  private async statusOf(row: Row): Promise<z.infer<typeof StatusView>> {
    const received = {
      at: row.receivedAt.toISOString(),
      stageCode: 'submitted',
      stage: '已提交，等待登记',
    };
    const handler = this.handlers.get(row.kind)?.handler;
    let s: IntakeStatus | null = null;
    if (row.recordId && handler) {
      try {
        s = await handler.status({ platform: this.platform, db: this.platform.db, recordId: row.recordId });
      } catch (e) {
        // The receipt is owed even when the module cannot say more right now.
        this.platform.log.warn({ err: e, submission: row.id }, 'intake status failed');
      }
    }
    if (!s) return { stage: received.stage, stageCode: received.stageCode, history: [received] };
    return { ...s, history: [received, ...s.history] };
  }

  /**
   * Submissions the actor may see with `permission`: the receiving unit in its scope for that
   * permission, and for the kind's read permission (the module's case-file permission), so an office
   * that retries failed mediation requests does not read reconsideration applications.
   */
  private visible(actor: Actor, permission: string): SQL {
    const kinds = [...this.handlers.values()]
      .filter(({ handler }) => actor.can(handler.readPermission))
      .map(({ handler }) =>
        and(
          eq(intakeSubmissions.kind, handler.kind),
          inScope(orgUnits.path, actor.scopes(handler.readPermission)),
        ),
      );
    return and(kinds.length ? or(...kinds) : sql`false`, inScope(orgUnits.path, actor.scopes(permission)))!;
  }

  async list(actor: Actor, q: z.infer<typeof SubmissionQuery>): Promise<z.infer<typeof SubmissionItem>[]> {
    const state: Record<typeof q.state, SQL | undefined> = {
      open: isNull(intakeSubmissions.processedAt),
      pending: and(isNull(intakeSubmissions.processedAt), isNull(intakeSubmissions.lastError)),
      failed: and(isNull(intakeSubmissions.processedAt), isNotNull(intakeSubmissions.lastError)),
      processed: isNotNull(intakeSubmissions.processedAt),
    };
    const rows = await this.platform.db
      .select({ s: intakeSubmissions })
      .from(intakeSubmissions)
      .innerJoin(orgUnits, eq(orgUnits.id, intakeSubmissions.unitId))
      .where(
        and(
          this.visible(actor, 'intake.submission.read'),
          state[q.state],
          q.kind ? eq(intakeSubmissions.kind, q.kind) : undefined,
        ),
      )
      .orderBy(
        q.state === 'processed' ? desc(intakeSubmissions.receivedAt) : asc(intakeSubmissions.receivedAt),
      )
      .limit(q.limit);
    return rows.map((r) => this.present(r.s));
  }

  private async rowInScope(actor: Actor, id: string, permission: string): Promise<Row> {
    const [r] = await this.platform.db
      .select({ s: intakeSubmissions })
      .from(intakeSubmissions)
      .innerJoin(orgUnits, eq(orgUnits.id, intakeSubmissions.unitId))
      .where(and(eq(intakeSubmissions.id, id), this.visible(actor, permission)));
    if (!r) throw notFound('门户提交', id);
    return r.s;
  }

  /** One submission with the payload as sent: personal data, so the read is audited. */
  async detail(ctx: RequestContext, id: string): Promise<z.infer<typeof SubmissionDetail>> {
    const row = await this.rowInScope(ctx.actor, id, 'intake.submission.read');
    await inTx(this.platform.db, ctx, async (t) =>
      t.audit({ action: 'intake.read', entity: 'intake.submission', entityId: id, diff: { kind: row.kind } }),
    );
    return { ...this.present(row), payload: JSON.parse(this.platform.fieldCrypto.decrypt(row.payload)) };
  }

  /** An officer's "try again now", e.g. after the cause of a failure was fixed. */
  async retry(ctx: RequestContext, id: string): Promise<z.infer<typeof SubmissionItem>> {
    const row = await this.rowInScope(ctx.actor, id, 'intake.submission.retry');
    if (row.processedAt) throw conflict('ALREADY_PROCESSED', '该提交已登记，无需重试');
    return this.present(await this.process(row, { ip: ctx.ip ?? null, requestId: ctx.requestId }));
  }

  private present(r: Row): z.infer<typeof SubmissionItem> {
    return {
      id: r.id,
      kind: r.kind,
      label: this.handlers.get(r.kind)?.handler.label ?? r.kind,
      code: formatLookupCode(r.lookupCode),
      unitId: r.unitId,
      state: r.processedAt ? 'processed' : r.lastError ? 'failed' : 'pending',
      receivedAt: r.receivedAt.toISOString(),
      processedAt: r.processedAt?.toISOString() ?? null,
      recordId: r.recordId,
      attempts: r.attempts,
      lastError: r.lastError,
      lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
      fileIds: r.fileIds,
    };
  }

  /** The root of the org tree receives what no handler assigns. */
  private async defaultUnit(): Promise<number> {
    if (this.rootUnit !== undefined) return this.rootUnit;
    const [root] = await this.platform.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(isNull(orgUnits.parentId))
      .orderBy(asc(orgUnits.sort), asc(orgUnits.id))
      .limit(1);
    if (!root) throw new DomainError(503, 'NOT_READY', '系统尚未建立组织机构，暂不能受理');
    return (this.rootUnit = root.id);
  }

  private hashIp(ip: string) {
    return createHmac('sha256', this.ipKey).update(`ip:${ip}`).digest('hex').slice(0, 32);
  }
}

function invalidPayload(error: z.ZodError): DomainError {
  const errors = error.issues.map((i) => ({
    field: ['payload', ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  return new DomainError(
    400,
    'INVALID_INPUT',
    `输入有误：${errors.map((e) => `${e.field}（${e.message}）`).join('；')}`,
    { errors },
  );
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) {
    const x = c as { code?: string; constraint?: string; message?: string };
    if (x.code === '23505' && (x.constraint === constraint || x.message?.includes(constraint))) return true;
  }
  return false;
}

/** The unit path of a submission, for the files service (attachments are owned by the submission). */
export async function submissionUnitPath(db: Db, id: string): Promise<string | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [r] = await db
    .select({ path: orgUnits.path })
    .from(intakeSubmissions)
    .innerJoin(orgUnits, eq(orgUnits.id, intakeSubmissions.unitId))
    .where(eq(intakeSubmissions.id, id));
  return r?.path ?? null;
}

/**
 * The case-file permission of a submission's kind, for its attachments: an office that may list
 * failed submissions of other kinds does not read a reconsideration application's scans.
 * An unknown kind (its module removed) needs a permission no role has.
 */
export async function submissionKindPermission(
  db: Db,
  id: string,
  modules: readonly ModuleManifest[],
): Promise<string | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [r] = await db
    .select({ kind: intakeSubmissions.kind })
    .from(intakeSubmissions)
    .where(eq(intakeSubmissions.id, id));
  if (!r) return null;
  const handler = modules.flatMap((m) => m.intake ?? []).find((h) => h.kind === r.kind);
  return handler?.readPermission ?? 'intake.kind.unregistered';
}
