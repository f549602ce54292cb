import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * SM4 field encryption for personal data at rest (ID and phone numbers), GB/T 39786 level 3.
 * Stored form: 'sm4:' + base64(iv ‖ SM4-CBC ciphertext), a fresh random IV each time, so equal
 * numbers do not give equal ciphertexts. Integrity of the history is the audit chain's (SM3).
 */
export class FieldCrypto {
  constructor(private readonly key: Buffer) {
    if (key.length !== 16) throw new Error('SM4 密钥必须为 16 字节');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `sm4:${Buffer.concat([iv, body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('sm4:')) throw new Error('不是 SM4 加密字段');
    const raw = Buffer.from(stored.slice(4), 'base64');
    const d = createDecipheriv('sm4-cbc', this.key, raw.subarray(0, 16));
    return Buffer.concat([d.update(raw.subarray(16)), d.final()]).toString('utf8');
  }

  encryptOptional(v: string | null | undefined): string | null {
    return v ? this.encrypt(v) : null;
  }
  decryptOptional(v: string | null | undefined): string | null {
    return v ? this.decrypt(v) : null;
  }
}

/**
 * The key comes from FAZHI_FIELD_KEY, or else from DATA_DIR/field.key, created on first start with
 * mode 0600. Losing it makes encrypted fields unreadable: backups must include it (docs/OPERATIONS.md).
 */
export function loadFieldKey(keyHex: string | undefined, dataDir: string | undefined): Buffer {
  if (keyHex) return Buffer.from(keyHex, 'hex');
  if (!dataDir) return randomBytes(16);
  const file = path.join(dataDir, 'field.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(16);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
