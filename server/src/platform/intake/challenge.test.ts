import { describe, expect, it } from 'vitest';
import { ChallengeIssuer, meetsDifficulty, powHash, solve } from './challenge.js';
import {
  CODE_ALPHABET,
  factorMatches,
  formatLookupCode,
  hashFactor,
  newLookupCode,
  normaliseLookupCode,
} from './lookup-code.js';

describe('proof of work', () => {
  it('counts leading zero bits across byte boundaries', () => {
    expect(meetsDifficulty(Uint8Array.from([0, 0x1f, 0xff]), 11)).toBe(true);
    expect(meetsDifficulty(Uint8Array.from([0, 0x20, 0xff]), 11)).toBe(false);
    expect(meetsDifficulty(Uint8Array.from([0, 0]), 16)).toBe(true);
    expect(meetsDifficulty(Uint8Array.from([0x80]), 0)).toBe(true);
    expect(meetsDifficulty(Uint8Array.from([0x80]), 1)).toBe(false);
  });

  it('accepts a found counter once signed, and nothing for a changed nonce', () => {
    const issuer = new ChallengeIssuer(Buffer.alloc(32, 7), 8);
    const c = issuer.issue();
    const s = solve(c);
    expect(meetsDifficulty(powHash(c.nonce, s.counter), 8)).toBe(true);
    expect(issuer.verify(s).nonce).toBe(c.nonce);
    const other = issuer.issue();
    expect(() =>
      issuer.verify({ token: other.token.replace(other.nonce, c.nonce), counter: s.counter }),
    ).toThrow(/验证信息无效/);
  });
});

describe('lookup codes', () => {
  it('never use characters that look alike', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++) expect(newLookupCode()).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  });

  it('read what a citizen types: case, spaces and the dash do not matter', () => {
    expect(normaliseLookupCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(formatLookupCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(normaliseLookupCode('ABCDE-FGHJ0')).toBeNull();
    expect(normaliseLookupCode('ABCD')).toBeNull();
  });

  it('match the phone number however it is written', () => {
    const { salt, hash } = hashFactor('13908960001');
    expect(factorMatches('139 0896 0001', salt, hash)).toBe(true);
    expect(factorMatches('+86 139-0896-0001', salt, hash)).toBe(true);
    expect(factorMatches('13908960002', salt, hash)).toBe(false);
    expect(hashFactor('13908960001').hash).not.toBe(hash); // salted
  });
});
