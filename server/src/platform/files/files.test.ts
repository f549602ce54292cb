import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { sm3 } from '../privacy/sm3.js';
import { multipartBody } from './testing.js';

const MAX = 64 * 1024;
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

describe.each(backends())('files on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let dir: string;
  let justiceId: number;

  const upload = (c: Client, ownerId: string | number, name: string, bytes: Buffer) => {
    const { body, headers } = multipartBody(
      { ownerEntity: 'org.unit', ownerId: String(ownerId) },
      { name, bytes },
    );
    return c.request('POST', '/api/files', body, headers);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-files-test-'));
    t = await testApp(kind, { filesDir: dir, uploadMaxBytes: MAX });
    admin = await t.as('admin');
    const units = (await admin.get('/api/org/units?q=索县司法局')).json<{ id: number; name: string }[]>();
    justiceId = units.find((u) => u.name === '索县司法局')!.id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores a PDF attached to a unit and gives back the same bytes, with its Chinese name', async () => {
    const name = '索县司法局成立文件（2023）.pdf';
    const r = await upload(admin, justiceId, name, pdf);
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(f).toMatchObject({
      name,
      size: pdf.length,
      mime: 'application/pdf',
      sm3: sm3(pdf),
      unitId: justiceId,
    });

    const d = await admin.get(`/api/files/${f.id}`);
    expect(d.statusCode).toBe(200);
    expect((d as unknown as { rawPayload: Buffer }).rawPayload.equals(pdf)).toBe(true);
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(d.headers['content-disposition']).toBe(
      `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );

    const list = await admin.get(`/api/files?ownerEntity=org.unit&ownerId=${justiceId}`);
    expect(list.json().map((x: { id: string }) => x.id)).toContain(f.id);
    const [audit] = await query<{ action: string }>(
      t.database.db,
      sql`select action from audit_events where entity_id = ${f.id} order by id`,
    );
    expect(audit!.action).toBe('files.upload');
  });

  it('refuses an ELF executable renamed to .pdf, whatever content type is declared', async () => {
    const { body, headers } = multipartBody(
      { ownerEntity: 'org.unit', ownerId: String(justiceId) },
      { name: '通知.pdf', bytes: elf, type: 'application/pdf' },
    );
    const r = await admin.request('POST', '/api/files', body, headers);
    expect(r.statusCode).toBe(415);
    expect(r.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    expect(r.json().detail).toContain('ELF');
  });

  it('refuses a file whose extension disagrees with its content', async () => {
    const r = await upload(admin, justiceId, '照片.pdf', png);
    expect(r.statusCode).toBe(415);
    expect(r.json()).toMatchObject({ code: 'FILE_TYPE_MISMATCH', detected: 'png' });
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(MAX + 10, 0x20)]);
    const r = await upload(admin, justiceId, '大文件.pdf', big);
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('FILE_TOO_LARGE');
  });

  it('hides a file from a user without scope over the owning unit (404), and refuses readers as writers (403)', async () => {
    const f = (
      await upload(admin, justiceId, '内部文件.pdf', Buffer.concat([pdf, Buffer.from('%x\n')]))
    ).json();
    const clerk = await t.as('jiaoyu');
    const d = await clerk.get(`/api/files/${f.id}`);
    expect(d.statusCode).toBe(404);
    expect(d.json().code).toBe('NOT_FOUND');
    expect((await clerk.get(`/api/files?ownerEntity=org.unit&ownerId=${justiceId}`)).statusCode).toBe(404);
    const office = await t.as('office');
    expect((await office.get(`/api/files/${f.id}`)).statusCode).toBe(200);
    const w = await upload(office, justiceId, '说明.pdf', pdf);
    expect(w.statusCode).toBe(403);
  });

  it('stores the same bytes once on disk however often they are attached', async () => {
    const bytes = Buffer.concat([pdf, Buffer.from('%same\n')]);
    const a = (await upload(admin, justiceId, '甲.pdf', bytes)).json();
    const b = (await upload(admin, justiceId, '乙.pdf', bytes)).json();
    expect(a.id).not.toBe(b.id);
    expect(a.sm3).toBe(b.sm3);
    const sub = path.join(dir, a.sm3.slice(0, 2));
    expect(fs.readdirSync(sub).filter((n) => n.startsWith(a.sm3))).toEqual([a.sm3]);
    expect(fs.readFileSync(path.join(sub, a.sm3)).equals(bytes)).toBe(true);
  });
});
