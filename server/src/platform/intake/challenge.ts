import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../http/errors.js';

/**
 * A proof-of-work challenge that needs no outside service (no captcha vendor): the server signs
 * {nonce, expires, bits} with an HMAC, the browser finds a counter such that
 * SHA-256(`${nonce}:${counter}`) starts with `bits` zero bits, and the server checks the signature,
 * the expiry and the hash without keeping any state until the challenge is spent.
 * Each challenge is used once (the caller records the nonce as spent, see service.ts).
 */
export interface Challenge {
  token: string;
  nonce: string;
  bits: number;
  expiresAt: string;
}

export interface Solution {
  token: string;
  counter: string;
}

const VERSION = 'v1';
/** Long enough for a citizen to fill in a form after the page solved it in the background. */
export const CHALLENGE_TTL_MS = 30 * 60_000;

export class ChallengeIssuer {
  constructor(
    private readonly key: Buffer,
    readonly bits: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): Challenge {
    const nonce = randomBytes(16).toString('base64url');
    const expires = this.now() + CHALLENGE_TTL_MS;
    const body = `${VERSION}.${nonce}.${expires}.${this.bits}`;
    return {
      token: `${body}.${this.mac(body)}`,
      nonce,
      bits: this.bits,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** The nonce and expiry of a valid solution; throws a problem saying what to do otherwise. */
  verify(s: Solution): { nonce: string; expiresAt: Date } {
    const parts = s.token.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw invalid('验证信息格式不正确，请刷新页面后重新提交');
    const [, nonce, expiresRaw, bitsRaw, mac] = parts as [string, string, string, string, string];
    const body = parts.slice(0, 4).join('.');
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw invalid('验证信息无效，请刷新页面后重新提交');
    const expires = Number(expiresRaw);
    if (!(expires > this.now()))
      throw new DomainError(400, 'CHALLENGE_EXPIRED', '验证已过期，请重新提交（页面会自动重新验证）', {
        errors: [{ field: 'challenge', message: '验证已过期' }],
      });
    // The signed difficulty counts, not the current setting: a change does not void issued challenges.
    if (!/^\d{1,16}$/.test(s.counter) || !meetsDifficulty(powHash(nonce, s.counter), Number(bitsRaw)))
      throw invalid('验证计算结果不正确，请重新提交');
    return { nonce, expiresAt: new Date(expires) };
  }

  private mac(body: string) {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

const invalid = (detail: string) =>
  new DomainError(400, 'CHALLENGE_INVALID', detail, { errors: [{ field: 'challenge', message: detail }] });

export function powHash(nonce: string, counter: string | number): Buffer {
  return createHash('sha256').update(`${nonce}:${counter}`).digest();
}

export function meetsDifficulty(hash: Uint8Array, bits: number): boolean {
  let left = bits;
  for (const byte of hash) {
    if (left <= 0) return true;
    if (left >= 8) {
      if (byte !== 0) return false;
      left -= 8;
    } else return byte >> (8 - left) === 0;
  }
  return left <= 0;
}

/** What the browser does (in a worker); here for tests and the benchmark. */
export function solve(c: Pick<Challenge, 'token' | 'nonce' | 'bits'>): Solution {
  for (let i = 0; ; i++)
    if (meetsDifficulty(powHash(c.nonce, i), c.bits)) return { token: c.token, counter: String(i) };
}

/** The configured key, or a random one for this process. */
export function challengeKey(hex: string | undefined): Buffer {
  return hex ? Buffer.from(hex, 'hex') : randomBytes(32);
}
