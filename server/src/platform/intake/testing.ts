import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { orgUnits } from '../org/schema.js';
import { defineModule } from '../manifest.js';
import { solve, type Challenge } from './challenge.js';
import { defineIntake } from './types.js';

/** A multipart/form-data body with JSON fields and any number of files, as the portal sends it. */
export function intakeMultipart(
  fields: Record<string, unknown>,
  files: { name: string; bytes: Buffer; type?: string }[],
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----fazhi${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${JSON.stringify(v)}\r\n`,
      ),
    );
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n` +
          `Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const solved = (c: Challenge) => solve(c);

const TestPayload = z.object({
  name: z.string().trim().min(1, '请填写姓名'),
  phone: z.string().regex(/^1\d{10}$/, '请填写 11 位手机号码'),
  text: z.string().min(1, '请填写内容'),
});

/**
 * A module taking a `test.request` kind, received by 索县司法局, whose processing can be made to fail:
 * for the intake service's own tests while the real modules' handlers are elsewhere.
 */
export function testIntakeModule() {
  const state = {
    fail: false,
    records: new Map<string, { submissionId: string; fileIds: readonly string[] }>(),
  };
  const handler = defineIntake({
    kind: 'test.request',
    label: '测试申请',
    readPermission: 'testintake.case.read',
    schema: TestPayload,
    secondFactor: (p) => p.phone,
    choices: async () => ({ topic: [{ value: 'land', label: '土地' }] }),
    async receivingUnit({ db }) {
      const [u] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '索县司法局'));
      return u?.id ?? null;
    },
    async process({ tx, submissionId, fileIds, payload }) {
      if (state.fail) throw new Error('测试模块暂时不可用');
      const id = randomUUID();
      state.records.set(id, { submissionId, fileIds });
      tx.audit({
        action: 'test.request.create',
        entity: 'test.request',
        entityId: id,
        diff: { name: payload.name },
      });
      return id;
    },
    async status({ recordId }) {
      if (!state.records.has(recordId)) return null;
      return {
        stage: '已登记',
        stageCode: 'registered',
        caseNumber: '测〔2024〕1号',
        history: [{ at: '2024-05-06T02:00:00.000Z', stageCode: 'registered', stage: '已登记' }],
      };
    },
  });
  // Received at the root (no receivingUnit): only whole-tree staff would see it.
  const rooted = defineIntake({
    kind: 'test.rooted',
    label: '测试（未指定受理单位）',
    readPermission: 'testintake.case.read',
    schema: TestPayload,
    secondFactor: (p) => p.phone,
    async process() {
      throw new Error('总是失败');
    },
    async status() {
      return null;
    },
  });
  const module = defineModule({
    name: 'testintake',
    label: '测试受理',
    permissions: [{ code: 'testintake.case.read', label: '测试', roles: ['lawOffice'] }],
    intake: [handler, rooted],
  });
  return { module, state };
}
