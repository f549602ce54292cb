import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, o: object) => Promise<Buffer>;
const N = 16384;
const R = 8;
const P = 1;

/** scrypt, stored as scrypt$N$r$p$salt$hash (base64), never the password itself. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: compared against when the user does not exist, so timing tells nothing. */
export const decoyHash = hashPassword(randomBytes(12).toString('base64'));

/**
 * 等保 practice (GB/T 22239 身份鉴别 a): at least 8 characters from at least 3 of the 4 classes.
 * Returns the Chinese reason it fails, or null.
 */
export function passwordPolicyViolation(password: string, username?: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/** An initial password that satisfies the policy, for accounts an administrator creates or resets. */
export function generateInitialPassword(): string {
  const raw = randomBytes(9).toString('base64').replace(/[+/=]/g, '');
  return `Fz${raw.slice(0, 8)}#7`;
}
