import { randomBytes } from 'node:crypto';
import { desc, eq, lt, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { Actor } from '../access/actor.js';
import { loadGrants } from '../access/grants.js';
import { DomainError } from '../http/errors.js';
import { orgUnits, users } from '../org/schema.js';
import { sm3 } from '../privacy/sm3.js';
import { decoyHash, hashPassword, passwordPolicyViolation, verifyPassword } from './password.js';
import { passwordHistory, sessions } from './schema.js';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Sessions are touched at most this often, so a busy user does not write on every request. */
const TOUCH_EVERY_MS = 60_000;
/** Resolved actors are reused this long; grant and user changes clear the cache at once. */
const CACHE_MS = 5_000;

export class AuthError extends DomainError<
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'WEAK_PASSWORD'
  | 'PASSWORD_REUSED'
  | 'WRONG_PASSWORD'
> {}

interface Resolved {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
  lastSeen: number;
  expiresAt: number;
  cachedAt: number;
}

export class AuthService {
  private cache = new Map<string, Resolved>();

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {}

  private idleMs() {
    return this.config.sessionIdleMinutes * 60_000;
  }

  async login(ctx: RequestContext, username: string, password: string, userAgent?: string) {
    const [u] = await this.db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    if (!u || !u.active) {
      await verifyPassword(password, await decoyHash);
      await inTx(this.db, ctx, async (t) =>
        t.audit({ action: 'auth.login.failed', entity: 'user', entityId: username }),
      );
      throw new AuthError(
        401,
        u ? 'ACCOUNT_DISABLED' : 'INVALID_CREDENTIALS',
        u ? '该账号已停用' : '用户名或密码错误',
      );
    }
    const now = Date.now();
    if (u.lockedUntil && u.lockedUntil.getTime() > now) {
      const minutes = Math.ceil((u.lockedUntil.getTime() - now) / 60_000);
      throw new AuthError(
        423,
        'ACCOUNT_LOCKED',
        `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
        {
          lockedUntil: u.lockedUntil.toISOString(),
        },
      );
    }
    if (!(await verifyPassword(password, u.passwordHash))) {
      const failures = u.failedLogins + 1;
      const lock = failures >= MAX_FAILURES;
      await inTx(this.db, { ...ctx, actor: Actor.system }, async (t) => {
        await t.db
          .update(users)
          .set(
            lock
              ? { failedLogins: 0, lockedUntil: new Date(now + LOCK_MINUTES * 60_000) }
              : { failedLogins: failures },
          )
          .where(eq(users.id, u.id));
        t.audit({
          action: lock ? 'auth.locked' : 'auth.login.failed',
          entity: 'user',
          entityId: u.id,
          diff: { failures },
        });
      });
      if (lock)
        throw new AuthError(
          423,
          'ACCOUNT_LOCKED',
          `连续 ${MAX_FAILURES} 次登录失败，账号已锁定 ${LOCK_MINUTES} 分钟`,
        );
      throw new AuthError(
        401,
        'INVALID_CREDENTIALS',
        `用户名或密码错误（再失败 ${MAX_FAILURES - failures} 次将锁定账号）`,
      );
    }
    // The audit row of a successful login names the person, not the system.
    const signingIn = Actor.user(
      {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        unitId: u.unitId,
        unitPath: '',
        mustChangePassword: u.mustChangePassword,
      },
      [],
    );
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await inTx(this.db, { ...ctx, actor: signingIn }, async (t) => {
      await t.db
        .update(users)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date(now) })
        .where(eq(users.id, u.id));
      await t.db.insert(sessions).values({
        tokenHash: sm3(token),
        userId: u.id,
        csrfToken,
        expiresAt: new Date(now + this.config.sessionMaxHours * 3_600_000),
        ip: ctx.ip ?? null,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      t.audit({ action: 'auth.login', entity: 'user', entityId: u.id });
    });
    return { token, csrfToken, mustChangePassword: u.mustChangePassword };
  }

  /** The actor behind a session token, or why there is none. */
  async resolve(token: string): Promise<Resolved | 'expired' | null> {
    const tokenHash = sm3(token);
    const now = Date.now();
    const hit = this.cache.get(tokenHash);
    if (hit && now - hit.cachedAt < CACHE_MS && now - hit.lastSeen < this.idleMs() && now < hit.expiresAt) {
      await this.touch(hit, now);
      return hit;
    }
    const [row] = await this.db
      .select({ s: sessions, u: users, unitPath: orgUnits.path })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(eq(sessions.tokenHash, tokenHash));
    if (!row) return null;
    const lastSeen = row.s.lastSeenAt.getTime();
    if (!row.u.active || now - lastSeen >= this.idleMs() || now >= row.s.expiresAt.getTime()) {
      await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      this.cache.delete(tokenHash);
      return 'expired';
    }
    const actor = Actor.user(
      {
        id: row.u.id,
        username: row.u.username,
        displayName: row.u.displayName,
        unitId: row.u.unitId,
        unitPath: row.unitPath,
        mustChangePassword: row.u.mustChangePassword,
      },
      await loadGrants(this.db, row.u.id),
    );
    const resolved: Resolved = {
      actor,
      tokenHash,
      csrfToken: row.s.csrfToken,
      lastSeen,
      expiresAt: row.s.expiresAt.getTime(),
      cachedAt: now,
    };
    this.cache.set(tokenHash, resolved);
    await this.touch(resolved, now);
    return resolved;
  }

  private async touch(r: Resolved, now: number) {
    if (now - r.lastSeen < TOUCH_EVERY_MS) return;
    r.lastSeen = now;
    await this.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, r.tokenHash));
  }

  async logout(ctx: RequestContext, token: string) {
    const tokenHash = sm3(token);
    this.cache.delete(tokenHash);
    await inTx(this.db, ctx, async (t) => {
      await t.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      t.audit({ action: 'auth.logout', entity: 'user', entityId: ctx.actor.id });
    });
  }

  async changePassword(ctx: RequestContext, current: string, next: string) {
    const userId = ctx.actor.id!;
    const [u] = await this.db.select().from(users).where(eq(users.id, userId));
    if (!u || !(await verifyPassword(current, u.passwordHash)))
      throw new AuthError(400, 'WRONG_PASSWORD', '当前密码不正确', {
        errors: [{ field: 'currentPassword', message: '当前密码不正确' }],
      });
    const weak = passwordPolicyViolation(next, u.username);
    if (weak)
      throw new AuthError(400, 'WEAK_PASSWORD', weak, { errors: [{ field: 'newPassword', message: weak }] });
    const recent = await this.db
      .select({ h: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.createdAt))
      .limit(4);
    for (const h of [u.passwordHash, ...recent.map((r) => r.h)]) {
      if (await verifyPassword(next, h))
        throw new AuthError(400, 'PASSWORD_REUSED', '新密码不能与最近 5 次使用过的密码相同', {
          errors: [{ field: 'newPassword', message: '新密码不能与最近 5 次使用过的密码相同' }],
        });
    }
    const hash = await hashPassword(next);
    await inTx(this.db, ctx, async (t) => {
      await t.db.insert(passwordHistory).values({ userId, passwordHash: u.passwordHash });
      await t.db
        .update(users)
        .set({
          passwordHash: hash,
          mustChangePassword: false,
          passwordChangedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId));
      t.audit({ action: 'auth.password.change', entity: 'user', entityId: userId });
    });
    this.invalidateUser(userId);
  }

  /** Drop cached actors, after a change to users, units or grants. */
  invalidateUser(userId?: string) {
    if (!userId) return this.cache.clear();
    for (const [k, v] of this.cache) if (v.actor.id === userId) this.cache.delete(k);
  }

  async purgeExpiredSessions() {
    await this.db
      .delete(sessions)
      .where(
        sql`${sessions.expiresAt} < now() or ${lt(sessions.lastSeenAt, new Date(Date.now() - this.idleMs()))}`,
      );
  }
}
