import { createHash } from 'node:crypto';

/** SM3 (GB/T 32905) digest as hex; Node's OpenSSL 3 provides it. */
export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}
