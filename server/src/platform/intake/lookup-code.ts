import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sm3 } from '../privacy/sm3.js';

/**
 * Lookup codes are read aloud on the phone and copied by hand: no 0/O, 1/I/L, so no two characters
 * look alike. 10 characters of 31 give 49 bits; with the second factor and the lookup rate limit
 * guessing one is hopeless.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

export function newLookupCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** ABCDE-FGHJK, as printed on the receipt. */
export const formatLookupCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** What the citizen typed, made comparable (case, spaces and dashes do not matter); null when it cannot be a code. */
export function normaliseLookupCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  return s.length === CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c)) ? s : null;
}

/** Phone numbers and the like: spaces, dashes and a +86 prefix do not matter. */
export function normaliseFactor(v: string): string {
  return v
    .replace(/[\s\-()（）]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '')
    .toUpperCase();
}

export function hashFactor(factor: string, salt = randomBytes(16).toString('hex')) {
  return { salt, hash: sm3(`${salt}:${normaliseFactor(factor)}`) };
}

export function factorMatches(given: string, salt: string, hash: string): boolean {
  const a = Buffer.from(hashFactor(given, salt).hash, 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
