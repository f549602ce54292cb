import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/database.js';
import { remindDeadlines } from '../../modules/planning/reminders.js';
import { backends, testApp, type Client, type TestApp } from '../../test/harness.js';
import { mailPending } from './mail.js';

interface Note {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entityId: string | null;
  readAt: string | null;
}

/** Just enough SMTP (220/250/354/221) for nodemailer to hand over a message; keeps what it received. */
async function smtpSink() {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let data: string[] | null = null;
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            received.push(Buffer.from(data.join('\r\n'), 'latin1').toString('utf8'));
            data = null;
            socket.write('250 2.0.0 queued\r\n');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
        } else if (/^DATA$/i.test(line)) {
          data = [];
          socket.write('354 end with .\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The Subject header with its RFC 2047 encoded words decoded. */
function subjectOf(message: string): string {
  const head = message.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const raw = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
  const words = [...raw.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
    enc!.toLowerCase() === 'b'
      ? Buffer.from(text!, 'base64')
      : Buffer.from(
          text!
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ),
  );
  return words.length ? Buffer.concat(words).toString('utf8') : raw;
}

describe.each(backends())('notifications on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let jiaoyu: Client;
  let yala: Client;
  let rongbu: Client;
  let planId: string;
  const unit = async (name: string) =>
    (await query<{ id: number }>(t.database.db, sql`select id from org_units where name = ${name}`))[0]!.id;
  const inbox = async (c: Client, q = '') => {
    const r = await c.get(`/api/notifications?pageSize=100${q}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ items: Note[]; total: number; unread: number }>();
  };
  const about = async (c: Client, entityId: string, kind?: string) =>
    (await inbox(c)).items.filter((n) => n.entityId === entityId && (!kind || n.kind === kind));
  const unread = async (c: Client) =>
    (await c.get('/api/notifications/unread-count')).json<{ unread: number }>().unread;
  const newTask = async (body: Record<string, unknown>) => {
    const r = await office.post('/api/planning/tasks', {
      planId,
      leadUnitId: await unit('索县教育局'),
      deadline: '2023-12-29',
      ...body,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    t = await testApp(kind);
    office = await t.as('office');
    jiaoyu = await t.as('jiaoyu');
    yala = await t.as('yala');
    rongbu = await t.as('rongbu');
    // A plan of the county government, so the demo plan's figures stay as they are.
    const r = await office.post('/api/planning/plans', {
      unitId: await unit('索县人民政府'),
      year: 2023,
      title: '索县人民政府2023年依法行政专项任务',
    });
    expect(r.statusCode, r.body).toBe(200);
    planId = r.json().id;
  });
  afterAll(() => t?.close());

  it('tells the lead and participating units of a new task, nobody else, and not the office that made it', async () => {
    const id = await newTask({
      title: '开展“八五”普法中期评估',
      participantUnitIds: [await unit('亚拉镇人民政府')],
    });
    const [mine] = await about(jiaoyu, id);
    expect(mine).toMatchObject({
      kind: 'planning.task.created',
      title: '新任务：开展“八五”普法中期评估',
      link: `/planning/tasks?id=${id}`,
      readAt: null,
    });
    expect(mine!.body).toContain('完成时限：2023-12-29');
    expect(await about(yala, id)).toHaveLength(1);
    expect(await about(rongbu, id)).toHaveLength(0);
    expect(await about(office, id)).toHaveLength(0);
  });

  it('counts unread, marks one read, then all read; unreadOnly lists only the unread', async () => {
    await newTask({ title: '任务甲' });
    await newTask({ title: '任务乙' });
    const before = await unread(jiaoyu);
    expect(before).toBeGreaterThanOrEqual(3);
    const list = await inbox(jiaoyu, '&unreadOnly=true');
    expect(list).toMatchObject({ total: before, unread: before });
    const one = await jiaoyu.post(`/api/notifications/${list.items[0]!.id}/read`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json<Note>().readAt).toEqual(expect.any(String));
    expect(await unread(jiaoyu)).toBe(before - 1);
    // newest first
    expect(list.items[0]!.title).toBe('新任务：任务乙');
    const all = await jiaoyu.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: before - 1 });
    expect(await unread(jiaoyu)).toBe(0);
    expect((await inbox(jiaoyu, '&unreadOnly=true')).items).toHaveLength(0);
    expect((await inbox(jiaoyu)).total).toBe(before);
  });

  it('answers 404 to a user marking another user’s notification, which stays unread', async () => {
    const id = await newTask({ title: '亚拉镇的任务', leadUnitId: await unit('亚拉镇人民政府') });
    const [theirs] = await about(yala, id);
    const r = await jiaoyu.post(`/api/notifications/${theirs!.id}/read`);
    expect(r.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const [still] = await query<{ read_at: Date | null }>(
      t.database.db,
      sql`select read_at from notifications where id = ${theirs!.id}`,
    );
    expect(still!.read_at).toBeNull();
    const own = await yala.post(`/api/notifications/${theirs!.id}/read`);
    expect(own.json<Note>()).toMatchObject({ id: theirs!.id, readAt: expect.any(String) });
  });

  it('tells the reporting unit when its progress is returned, with the reason', async () => {
    const id = await newTask({ title: '规范性文件清理' });
    const reported = await jiaoyu.post(`/api/planning/tasks/${id}/progress`, {
      unitId: await unit('索县教育局'),
      reportedOn: '2023-06-30',
      content: '已完成清理，共 12 件',
      percent: 60,
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const progressId = reported.json<{ id: string }>().id;
    const r = await office.post(`/api/planning/progress/${progressId}/review`, {
      decision: 'return',
      reason: '缺少清理目录附件',
    });
    expect(r.statusCode, r.body).toBe(200);
    const [n] = await about(jiaoyu, progressId);
    expect(n).toMatchObject({ kind: 'planning.progress.returned', title: '进展被退回：规范性文件清理' });
    expect(n!.body).toContain('缺少清理目录附件');
    expect(await about(office, progressId)).toHaveLength(0);
  });

  it('tells the addressed unit of a 督办 notice, and the issuing office of the reply', async () => {
    const taskId = await newTask({ title: '行政执法公示专项整改' });
    const issued = await office.post('/api/planning/notices', {
      unitId: await unit('中共索县委员会全面依法治县委员会办公室'),
      targetUnitId: await unit('索县教育局'),
      taskIds: [taskId],
      issuedOn: '2023-08-01',
      subject: '执法公示整改督办',
      requirements: '请于期限内报送整改情况',
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const notice = issued.json<{ id: string; number: string }>();
    const [toTarget] = await about(jiaoyu, notice.id);
    expect(toTarget).toMatchObject({ kind: 'planning.notice.issued', title: '督办通知：执法公示整改督办' });
    expect(toTarget!.body).toContain(notice.number);
    expect(await about(yala, notice.id)).toHaveLength(0);
    expect(await about(office, notice.id)).toHaveLength(0);

    const replied = await jiaoyu.post(`/api/planning/notices/${notice.id}/reply`, {
      repliedOn: '2023-08-04',
      reply: '已完成整改并公示',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const [toOffice] = await about(office, notice.id);
    expect(toOffice).toMatchObject({
      kind: 'planning.notice.replied',
      title: '督办已回复：执法公示整改督办',
    });
    expect(await about(jiaoyu, notice.id, 'planning.notice.replied')).toHaveLength(0);
  });

  describe('deadline reminders on the legal calendar', () => {
    const sent = async (taskId: string, kind: string) =>
      (
        await query<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from notifications where entity_id = ${taskId} and kind = ${kind}`,
        )
      )[0]!.n;

    it('a task due 2023-10-09 is approaching on 09-28 across 国庆 (three working days: 10-07, 10-08 调休, 10-09), not on 09-27', async () => {
      const id = await newTask({ title: '国庆后到期的任务', deadline: '2023-10-09' });
      await remindDeadlines(t.platform, '2023-09-27');
      expect(await sent(id, 'planning.task.approaching')).toBe(0);
      await remindDeadlines(t.platform, '2023-09-28');
      const [n] = await about(jiaoyu, id, 'planning.task.approaching');
      expect(n).toMatchObject({ title: '任务即将到期：国庆后到期的任务' });
      expect(await about(rongbu, id)).toHaveLength(0);

      // once per task, kind and user, however often the job runs
      await remindDeadlines(t.platform, '2023-09-28');
      await remindDeadlines(t.platform, '2023-10-09');
      expect(await sent(id, 'planning.task.approaching')).toBe(1);
      expect(await sent(id, 'planning.task.passed')).toBe(0);

      await remindDeadlines(t.platform, '2023-10-10');
      expect(await about(jiaoyu, id, 'planning.task.passed')).toMatchObject([
        { title: '任务已逾期：国庆后到期的任务' },
      ]);
      await remindDeadlines(t.platform, '2023-10-11');
      expect(await sent(id, 'planning.task.passed')).toBe(1);
    });

    it('says nothing about a task whose accepted progress is 100%', async () => {
      const id = await newTask({ title: '已办结的任务', deadline: '2023-10-09' });
      const reported = await jiaoyu.post(`/api/planning/tasks/${id}/progress`, {
        unitId: await unit('索县教育局'),
        reportedOn: '2023-09-20',
        content: '全部完成',
        percent: 100,
      });
      const progressId = reported.json<{ id: string }>().id;
      expect(
        (await office.post(`/api/planning/progress/${progressId}/review`, { decision: 'accept' })).statusCode,
      ).toBe(200);
      // accepted "today" in real time; the reminder runs for 2023, so date the acceptance then
      await t.database.db.execute(
        sql`update planning_progress set reviewed_at = '2023-09-21T10:00:00+08:00' where id = ${progressId}`,
      );
      await remindDeadlines(t.platform, '2023-09-28');
      await remindDeadlines(t.platform, '2023-10-10');
      expect(await sent(id, 'planning.task.approaching')).toBe(0);
      expect(await sent(id, 'planning.task.passed')).toBe(0);
    });
  });

  describe('mail', () => {
    it('refuses a malformed email address, naming the field', async () => {
      const admin = await t.as('admin');
      const jiaoyuId = (
        await query<{ id: string }>(t.database.db, sql`select id from users where username = 'jiaoyu'`)
      )[0]!.id;
      const r = await admin.patch(`/api/org/users/${jiaoyuId}`, { email: 'not-an-address' });
      expect(r.json()).toMatchObject({ status: 400, errors: [{ field: 'body.email' }] });
    });

    it('mails unread notifications to users with an address, once, with the Chinese subject', async () => {
      const sink = await smtpSink();
      try {
        const admin = await t.as('admin');
        const jiaoyuId = (
          await query<{ id: string }>(t.database.db, sql`select id from users where username = 'jiaoyu'`)
        )[0]!.id;
        const set = await admin.patch(`/api/org/users/${jiaoyuId}`, { email: 'jiaoyu@suo.gov.cn' });
        expect(set.json()).toMatchObject({ email: 'jiaoyu@suo.gov.cn' });
        const id = await newTask({
          title: '学法考试组织',
          participantUnitIds: [await unit('亚拉镇人民政府')],
        });
        const withSmtp = {
          ...t.platform,
          config: {
            ...t.platform.config,
            smtpUrl: `smtp://127.0.0.1:${sink.port}`,
            smtpFrom: '索县依法治县办 <fazhi@suo.gov.cn>',
          },
        };
        // without SMTP configured nothing is sent or claimed
        expect(await mailPending(t.platform)).toEqual({ sent: 0, failed: 0 });

        const first = await mailPending(withSmtp);
        expect(first.failed).toBe(0);
        expect(first.sent).toBeGreaterThanOrEqual(1);
        expect(sink.received).toHaveLength(first.sent);
        const message = sink.received.find((m) => subjectOf(m) === '新任务：学法考试组织');
        expect(message).toBeDefined();
        expect(message).toMatch(/^To: .*<jiaoyu@suo\.gov\.cn>/im);

        const [mine] = await about(jiaoyu, id);
        const [theirs] = await about(yala, id);
        const mailed = async (nid: string) =>
          (
            await query<{ at: Date | null }>(
              t.database.db,
              sql`select emailed_at as at from notifications where id = ${nid}`,
            )
          )[0]!.at;
        expect(await mailed(mine!.id)).not.toBeNull();
        expect(await mailed(theirs!.id)).toBeNull(); // yala has no address
        expect(await mailPending(withSmtp)).toEqual({ sent: 0, failed: 0 });
        expect(sink.received).toHaveLength(first.sent);
      } finally {
        await sink.close();
      }
    });
  });
});
