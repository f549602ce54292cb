import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { backends, testApp, type TestApp } from '../../test/harness.js';
import { FieldCrypto } from './field-crypto.js';
import { maskIdNumber, maskPersonName, maskPhone } from './mask.js';

describe('masks for anything published', () => {
  it('keeps the first three and last four digits of a phone number (139****5678)', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('139 1234 5678')).toBe('139****5678');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBeNull();
  });

  it('keeps the division and the last four characters of an ID number (540626********1234)', () => {
    expect(maskIdNumber('54062619900101123X')).toBe('540626********123X');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber(undefined)).toBeNull();
  });

  it('publishes a natural person as surname + 某, compound surnames whole', () => {
    expect(maskPersonName('张三')).toBe('张某');
    expect(maskPersonName('欧阳小明')).toBe('欧阳某');
    expect(maskPersonName('扎西平措')).toBe('扎某');
    expect(maskPersonName('')).toBe('');
  });
});

describe('SM4 field encryption', () => {
  const crypto = new FieldCrypto(randomBytes(16));

  it('gives back what it encrypted', () => {
    const stored = crypto.encrypt('13912345678');
    expect(stored).toMatch(/^sm4:/);
    expect(crypto.decrypt(stored)).toBe('13912345678');
    expect(crypto.decryptOptional(crypto.encryptOptional('藏文 ཀཁག'))).toBe('藏文 ཀཁག');
    expect(crypto.encryptOptional(null)).toBeNull();
  });

  it('encrypts the same number differently each time (fresh IV)', () => {
    expect(crypto.encrypt('13912345678')).not.toBe(crypto.encrypt('13912345678'));
  });

  it('cannot be read with another key', () => {
    const stored = crypto.encrypt('13912345678');
    const other = new FieldCrypto(randomBytes(16));
    let read: string | undefined;
    try {
      read = other.decrypt(stored);
    } catch {
      read = undefined;
    }
    expect(read).not.toBe('13912345678');
  });

  it('refuses a key that is not 16 bytes, and a value that is not SM4 ciphertext', () => {
    expect(() => new FieldCrypto(randomBytes(8))).toThrow(/16/);
    expect(() => crypto.decrypt('13912345678')).toThrow(/SM4/);
  });
});

describe.each(backends())('phone numbers at rest on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it('stores a user’s phone as SM4 ciphertext, never the number', async () => {
    const admin = await t.as('admin');
    const [justice] = await query<{ id: number }>(
      t.database.db,
      sql`select id from org_units where name = '索县司法局'`,
    );
    const made = async (username: string) =>
      (
        await admin.post('/api/org/users', {
          username,
          displayName: '同号用户',
          unitId: justice!.id,
          phone: '13912345678',
        })
      ).json().user.id as string;
    const ids = [await made('samephone1'), await made('samephone2')];
    const rows = await query<{ phone_enc: string }>(
      t.database.db,
      sql`select phone_enc from users where id in (${ids[0]}, ${ids[1]})`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.phone_enc).toMatch(/^sm4:/);
      expect(r.phone_enc).not.toContain('13912345678');
      expect(t.platform.fieldCrypto.decrypt(r.phone_enc)).toBe('13912345678');
    }
    expect(rows[0]!.phone_enc).not.toBe(rows[1]!.phone_enc);
  });
});
