import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/database.js';
import { query } from '../../db/database.js';
import { modules } from '../../modules/index.js';
import { testConfig } from '../../test/config.js';
import { Client, DEMO_PASSWORD, backends, openTestDatabase } from '../../test/harness.js';
import { syncBuiltinRoles } from '../access/service.js';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import { CHALLENGE_TTL_MS, ChallengeIssuer, type Challenge } from './challenge.js';
import { intakeOf } from './index.js';
import { intakeMultipart, solved, testIntakeModule } from './testing.js';

const KEY = 'ab'.repeat(32);
const MAX_FILE = 64 * 1024;
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const good = { name: '次仁', phone: '13908960001', text: '请求撤销处罚决定' };

describe.each(backends())('portal intake on %s', (backend) => {
  let app: App;
  let platform: Platform;
  let database: Database;
  let dir: string;
  const { module, state } = testIntakeModule();
  // each test its own visitor address, so the per-address limits of one test do not reach the next
  let visitor = 0;
  const address = () => `10.20.${Math.floor(++visitor / 200)}.${visitor % 200}`;

  const challenge = async (ip: string) => {
    const r = await app.inject({ method: 'GET', url: '/api/public/intake/challenge', remoteAddress: ip });
    expect(r.statusCode).toBe(200);
    return r.json<Challenge>();
  };
  const submit = async (ip: string, kind: string, payload: unknown, c?: Challenge) =>
    app.inject({
      method: 'POST',
      url: `/api/public/intake/${kind}`,
      remoteAddress: ip,
      payload: { payload, challenge: solved(c ?? (await challenge(ip))) },
    });
  const rows = (where = sql`true`) =>
    query<{
      id: string;
      kind: string;
      payload: string;
      lookup_code: string;
      factor_hash: string;
      processed_at: Date | null;
      record_id: string | null;
      attempts: number;
      last_error: string | null;
      file_ids: string[];
    }>(platform.db, sql`select * from intake_submissions where ${where} order by received_at`);
  const login = async (username: string) => {
    const c = new Client(app);
    const r = await c.post('/api/auth/login', { username, password: DEMO_PASSWORD });
    expect(r.statusCode).toBe(200);
    return c;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-intake-test-'));
    database = await openTestDatabase(backend);
    ({ app, platform } = await buildApp({
      config: testConfig({ intakeKeyHex: KEY, intakePowBits: 6, filesDir: dir, uploadMaxBytes: MAX_FILE }),
      database,
      modules: [...modules, module],
      serveWeb: false,
    }));
    await app.ready();
    // the test module's permission joins the built-in roles, as at every start
    await syncBuiltinRoles(platform.db, platform.permissions);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the kinds the manifests declare, and answers an unknown kind with 404', async () => {
    const kinds = (await app.inject({ method: 'GET', url: '/api/public/intake/kinds' })).json();
    expect(kinds).toContainEqual(
      expect.objectContaining({ kind: 'test.request', label: '测试申请', module: 'testintake', maxFiles: 5 }),
    );
    expect(kinds.find((k: { kind: string }) => k.kind === 'test.request').choices).toEqual({
      topic: [{ value: 'land', label: '土地' }],
    });
    const towns = (await app.inject({ method: 'GET', url: '/api/public/intake/townships' })).json();
    expect(towns).toContainEqual({ code: '540626100', name: expect.any(String), county: '索县' });
    const govs = (await app.inject({ method: 'GET', url: '/api/public/intake/governments' })).json();
    expect(govs[0].divisionCode).toMatch(/^5406\d\d$/);
    expect(govs.map((g: { name: string }) => g.name)).toContain('索县人民政府');
    expect(govs.at(-1).name).toBe('西藏自治区人民政府');
    const r = await submit(address(), 'nope.kind', good);
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toContain('nope.kind');
  });

  it('stores the submission, hands it to the module and gives a receipt with a lookup code', async () => {
    const r = await submit(address(), 'test.request', good);
    expect(r.statusCode, r.body).toBe(200);
    const receipt = r.json();
    expect(receipt.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(receipt).toMatchObject({ kind: 'test.request', processed: true, files: [] });
    expect(receipt.status).toMatchObject({ stageCode: 'registered', caseNumber: '测〔2024〕1号' });
    expect(receipt.status.history[0].stageCode).toBe('submitted');

    const [row] = await rows(sql`lookup_code = ${receipt.code.replace('-', '')}`);
    expect(row!.processed_at).not.toBeNull();
    expect(state.records.get(row!.record_id!)?.submissionId).toBe(row!.id);
    // personal data is not readable at rest, and the second factor is only a hash
    expect(row!.payload).not.toContain('13908960001');
    expect(row!.payload).not.toContain('次仁');
    expect(row!.factor_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await query<{ action: string }>(
      platform.db,
      sql`select action from audit_events where entity_id = ${row!.id} or entity_id = ${row!.record_id}`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['intake.process', 'test.request.create']);
  });

  it('names the field to fix, in Chinese, and the challenge stays usable for the corrected form', async () => {
    const ip = address();
    const c = await challenge(ip);
    const bad = await submit(ip, 'test.request', { ...good, phone: '1390896' }, c);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'payload.phone', message: '请填写 11 位手机号码' }]);
    const missing = await submit(ip, 'test.request', { phone: good.phone, text: 'x' }, c);
    expect(missing.json().errors[0].field).toBe('payload.name');
    expect(missing.json().detail).toMatch(/^输入有误：payload\.name（/);
    const fixed = await submit(ip, 'test.request', good, c);
    expect(fixed.statusCode, fixed.body).toBe(200);
  });

  it('refuses a challenge used twice, and stores nothing the second time', async () => {
    const ip = address();
    const c = await challenge(ip);
    const before = (await rows()).length;
    expect((await submit(ip, 'test.request', good, c)).statusCode).toBe(200);
    const again = await submit(ip, 'test.request', good, c);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CHALLENGE_USED', errors: [{ field: 'challenge' }] });
    expect((await rows()).length).toBe(before + 1);
  });

  it('refuses an expired, a forged and an unsolved challenge', async () => {
    const ip = address();
    const past = new ChallengeIssuer(Buffer.from(KEY, 'hex'), 6, () => Date.now() - CHALLENGE_TTL_MS - 1000);
    const expired = await submit(ip, 'test.request', good, past.issue());
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('CHALLENGE_EXPIRED');

    const forged = new ChallengeIssuer(Buffer.from('cd'.repeat(32), 'hex'), 6).issue();
    expect((await submit(ip, 'test.request', good, forged)).json().code).toBe('CHALLENGE_INVALID');

    // an easier difficulty than the server signed cannot be claimed: the bits are inside the signature
    const c = await challenge(ip);
    const r = await app.inject({
      method: 'POST',
      url: '/api/public/intake/test.request',
      remoteAddress: ip,
      payload: { payload: good, challenge: { token: c.token.replace(/\.6\./, '.0.'), counter: '0' } },
    });
    expect(r.json().code).toBe('CHALLENGE_INVALID');
    let unsolved = 0;
    while (solved({ ...c, bits: 6 }).counter === String(unsolved)) unsolved++;
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/public/intake/test.request',
      remoteAddress: ip,
      payload: { payload: good, challenge: { token: c.token, counter: String(unsolved) } },
    });
    expect(wrong.json().code).toBe('CHALLENGE_INVALID');
  });

  it('keeps a submission the module fails on, gives the receipt, and the retry job registers it later', async () => {
    const ip = address();
    state.fail = true;
    const r = await submit(ip, 'test.request', { ...good, name: '卓玛' });
    state.fail = false;
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ processed: false, status: { stageCode: 'submitted' } });
    const code = r.json().code.replace('-', '');
    const [row] = await rows(sql`lookup_code = ${code}`);
    expect(row).toMatchObject({ processed_at: null, attempts: 1, last_error: '测试模块暂时不可用' });

    const office = await login('office');
    const failed = (await office.get('/api/intake/submissions?state=failed')).json();
    expect(failed).toContainEqual(expect.objectContaining({ id: row!.id, state: 'failed', attempts: 1 }));

    // the job leaves submissions a request may still be working on alone…
    expect(await intakeOf(platform).retryPending()).toEqual({ processed: 0, failed: 0 });
    // …and takes them once they are old enough
    await query(
      platform.db,
      sql`update intake_submissions set received_at = received_at - interval '10 minutes',
          last_attempt_at = last_attempt_at - interval '10 minutes' where id = ${row!.id}`,
    );
    expect(await intakeOf(platform).retryPending()).toEqual({ processed: 1, failed: 0 });
    const [after] = await rows(sql`id = ${row!.id}`);
    expect(after).toMatchObject({ attempts: 2, last_error: null });
    expect(after!.processed_at).not.toBeNull();
    expect(state.records.get(after!.record_id!)?.submissionId).toBe(row!.id);

    const lookup = await app.inject({
      method: 'POST',
      url: '/api/public/intake/lookup',
      remoteAddress: ip,
      payload: { code: r.json().code.toLowerCase(), factor: '139 0896 0001' },
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json().status.stageCode).toBe('registered');
  });

  it('lets an officer retry a failed submission, and shows it only to officers whose scope holds it', async () => {
    const ip = address();
    state.fail = true;
    const r = await submit(ip, 'test.request', good);
    state.fail = false;
    const [row] = await rows(sql`lookup_code = ${r.json().code.replace('-', '')}`);
    const office = await login('office');
    const detail = await office.get(`/api/intake/submissions/${row!.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().payload).toEqual(good);
    const reads = await query<{ n: number }>(
      platform.db,
      sql`select count(*)::int n from audit_events where action = 'intake.read' and entity_id = ${row!.id}`,
    );
    expect(reads[0]!.n).toBe(1);
    // a county department clerk holds no intake permission; fuyi holds it but not the test module's
    expect((await (await login('jiaoyu')).get(`/api/intake/submissions/${row!.id}`)).statusCode).toBe(403);
    expect((await (await login('fuyi')).get(`/api/intake/submissions/${row!.id}`)).statusCode).toBe(404);

    const retried = await office.post(`/api/intake/submissions/${row!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ state: 'processed', attempts: 2 });
    expect((await office.post(`/api/intake/submissions/${row!.id}/retry`)).json().code).toBe(
      'ALREADY_PROCESSED',
    );

    // received at the root of the tree (no receiving unit declared): outside the county office's scope
    const rooted = await submit(ip, 'test.rooted', good);
    expect(rooted.json().processed).toBe(false);
    const [rootRow] = await rows(sql`lookup_code = ${rooted.json().code.replace('-', '')}`);
    expect((await office.get(`/api/intake/submissions/${rootRow!.id}`)).statusCode).toBe(404);
    expect((await office.post(`/api/intake/submissions/${rootRow!.id}/retry`)).statusCode).toBe(404);
    const open = (await office.get('/api/intake/submissions')).json();
    expect(open.map((s: { id: string }) => s.id)).not.toContain(rootRow!.id);
  });

  it('gives the same answer for an unknown code and a wrong phone, and stops an address after 10 misses', async () => {
    const ip = address();
    const r = await submit(ip, 'test.request', good);
    const code = r.json().code;
    const ask = (c: string, factor: string) =>
      app.inject({
        method: 'POST',
        url: '/api/public/intake/lookup',
        remoteAddress: ip,
        payload: { code: c, factor },
      });
    const wrongPhone = await ask(code, '13900000000');
    const unknown = await ask('ABCDE-FGHJK', good.phone);
    const malformed = await ask('0000', good.phone);
    for (const x of [wrongPhone, unknown, malformed]) {
      expect(x.statusCode).toBe(404);
      const { requestId: _ignored, ...rest } = x.json();
      expect(rest).toEqual({
        type: 'https://fazhi.example/problems/lookup_failed',
        title: 'LOOKUP_FAILED',
        status: 404,
        code: 'LOOKUP_FAILED',
        detail: '查询码或手机号码不正确，请核对后再试',
        errors: [{ field: 'code', message: '查询码或手机号码不正确' }],
      });
    }
    for (let i = 3; i < 10; i++) expect((await ask(code, '13900000000')).statusCode).toBe(404);
    // the right pair is refused too now: the address has used up its misses
    expect((await ask(code, good.phone)).statusCode).toBe(429);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/public/intake/lookup',
      remoteAddress: address(),
      payload: { code, factor: good.phone },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('takes attachments as multipart, checks them by content and size, and stores them owned by the submission', async () => {
    const ip = address();
    const form = (files: { name: string; bytes: Buffer }[], c: Challenge) =>
      intakeMultipart({ payload: good, challenge: solved(c) }, files);
    const send = (f: ReturnType<typeof form>) =>
      app.inject({
        method: 'POST',
        url: '/api/public/intake/test.request',
        remoteAddress: ip,
        payload: f.body,
        headers: f.headers,
      });
    const c = await challenge(ip);
    const exe = await send(
      form(
        [
          { name: '处罚决定书.pdf', bytes: pdf },
          { name: '照片.pdf', bytes: elf },
        ],
        c,
      ),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().errors[0]).toMatchObject({ field: 'files.1' });
    expect(exe.json().detail).toContain('可执行程序');
    const big = await send(
      form([{ name: '扫描件.pdf', bytes: Buffer.concat([pdf, Buffer.alloc(MAX_FILE)]) }], c),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'FILE_TOO_LARGE', errors: [{ field: 'files.0' }] });
    const six = await send(
      form(
        Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, bytes: pdf })),
        c,
      ),
    );
    expect(six.statusCode).toBe(400);
    expect(six.json().detail).toContain('最多上传 5 个附件');

    const ok = await send(form([{ name: '处罚决定书.pdf', bytes: pdf }], c));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().files).toEqual([{ name: '处罚决定书.pdf', size: pdf.length }]);
    const [row] = await rows(sql`lookup_code = ${ok.json().code.replace('-', '')}`);
    expect(row!.file_ids).toHaveLength(1);
    expect(state.records.get(row!.record_id!)?.fileIds).toEqual(row!.file_ids);
    // the officer reads it through the files service, which asks the submission's scope
    const office = await login('office');
    const d = await office.get(`/api/files/${row!.file_ids[0]}`);
    expect(d.statusCode).toBe(200);
    expect((d as unknown as { rawPayload: Buffer }).rawPayload.equals(pdf)).toBe(true);
  });

  // 行政复议法第三十六条: only the reconsideration office reads a case; the county office, which may
  // retry failed submissions of other kinds and sees reconsideration statistics, must not.
  it('shows a reconsideration application and its scan to reconsideration officers only', async () => {
    const ip = address();
    const [gov] = await query<{ id: number }>(
      platform.db,
      sql`select id from org_units where name = '索县人民政府'`,
    );
    const payload = {
      applicantName: '扎西次仁',
      applicantPhone: '13908960077',
      respondentName: '索县市场监督管理局',
      actDescription: '索市监罚〔2024〕12号行政处罚决定',
      request: '请求撤销该处罚决定',
      factsAndReasons: '处罚所依据的事实认定不清，证据不足。',
      learnedOn: '2024-05-06',
      organUnitId: gov!.id,
    };
    const c = await challenge(ip);
    const f = intakeMultipart({ payload, challenge: solved(c) }, [{ name: '处罚决定书.pdf', bytes: pdf }]);
    const r = await app.inject({
      method: 'POST',
      url: '/api/public/intake/reconsideration.application',
      remoteAddress: ip,
      payload: f.body,
      headers: f.headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().processed).toBe(true);
    const [row] = await rows(sql`lookup_code = ${r.json().code.replace('-', '')}`);
    const fileId = row!.file_ids[0]!;

    const office = await login('office');
    const listed = (await office.get('/api/intake/submissions?state=processed&limit=200')).json();
    expect(listed.map((x: { id: string }) => x.id)).not.toContain(row!.id);
    expect((await office.get(`/api/intake/submissions/${row!.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/files/${fileId}`)).statusCode).toBe(404);

    const fuyi = await login('fuyi');
    const theirs = (await fuyi.get('/api/intake/submissions?state=processed&limit=200')).json();
    expect(theirs.map((x: { id: string }) => x.id)).toContain(row!.id);
    const d = await fuyi.get(`/api/files/${fileId}`);
    expect(d.statusCode).toBe(200);
    expect((d as unknown as { rawPayload: Buffer }).rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses at the door a date of learning of the right before knowing the act (第二十条第三款)', async () => {
    const ip = address();
    const [gov] = await query<{ id: number }>(
      platform.db,
      sql`select id from org_units where name = '索县人民政府'`,
    );
    const before = await rows();
    const r = await submit(ip, 'reconsideration.application', {
      applicantName: '扎西次仁',
      applicantPhone: '13908960078',
      respondentName: '索县市场监督管理局',
      actDescription: '索市监罚〔2024〕13号行政处罚决定',
      request: '请求撤销该处罚决定',
      factsAndReasons: '处罚时未告知申请行政复议的权利。',
      learnedOn: '2024-05-06',
      rightsLearnedOn: '2024-04-01',
      organUnitId: gov!.id,
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors).toEqual([
      expect.objectContaining({
        field: 'payload.rightsLearnedOn',
        message: expect.stringContaining('第二十条第三款'),
      }),
    ]);
    // nothing stored: the citizen corrects the form and sends it again
    expect((await rows()).length).toBe(before.length);
  });

  it('refuses a JSON body over the portal limit', async () => {
    const ip = address();
    const r = await submit(ip, 'test.request', { ...good, text: '字'.repeat(100_000) });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('TOO_LARGE');
  });

  it('rate-limits submissions per address', async () => {
    const ip = address();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/public/intake/test.request',
            remoteAddress: ip,
            payload: {},
          })
        ).statusCode,
      );
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
