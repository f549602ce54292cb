import nodemailer from 'nodemailer';
import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { inTx } from '../../db/tx.js';
import { Actor } from '../access/actor.js';
import type { Platform } from '../platform.js';

/** Older unread notices are not mailed: once SMTP is first configured, a year's backlog would flood inboxes. */
const MAIL_WINDOW_HOURS = 72;
const BATCH = 100;

interface Claimed {
  id: string;
  title: string;
  body: string;
  link: string | null;
  email: string;
  display_name: string;
}

const system = { actor: Actor.system };

/**
 * Mails unread, unmailed notifications to users who have an email address. Rows are claimed
 * (emailed_at set, skip locked) before sending, so two app servers never mail the same one; a row
 * whose sending fails is released again and retried on the next run. Returns the number sent.
 */
export async function mailPending(platform: Platform): Promise<{ sent: number; failed: number }> {
  const { smtpUrl, smtpFrom } = platform.config;
  if (!smtpUrl || !smtpFrom) return { sent: 0, failed: 0 };
  const claimed = await inTx(platform.db, system, async (t) => {
    const rows = await query<Claimed>(
      t.db,
      sql`update notifications n set emailed_at = now() from users u
          where u.id = n.user_id and n.id in (
            select n2.id from notifications n2 join users u2 on u2.id = n2.user_id
            where n2.emailed_at is null and n2.read_at is null and u2.active and u2.email is not null
              and n2.created_at > now() - make_interval(hours => ${MAIL_WINDOW_HOURS})
            order by n2.created_at limit ${BATCH}
            for update of n2 skip locked)
          returning n.id, n.title, n.body, n.link, u.email, u.display_name`,
    );
    if (rows.length)
      t.audit({
        action: 'notification.email',
        entity: 'notification',
        diff: { ids: rows.map((r) => r.id) },
      });
    return rows;
  });
  if (!claimed.length) return { sent: 0, failed: 0 };

  const transport = nodemailer.createTransport(smtpUrl);
  const failed: string[] = [];
  try {
    for (const n of claimed) {
      try {
        await transport.sendMail({
          from: smtpFrom,
          to: { name: n.display_name, address: n.email },
          subject: n.title,
          text: `${n.display_name}：\n\n${n.body}\n\n${n.link ? `请登录法治平台查看：${n.link}\n` : ''}（本邮件由系统自动发送，请勿回复）`,
        });
      } catch (err) {
        failed.push(n.id);
        platform.log.warn({ err, notification: n.id }, 'notification mail failed');
      }
    }
  } finally {
    transport.close();
  }
  if (failed.length)
    await inTx(platform.db, system, async (t) => {
      await t.db.execute(
        sql`update notifications set emailed_at = null where id in (${sql.join(
          failed.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
      t.audit({ action: 'notification.email.failed', entity: 'notification', diff: { ids: failed } });
    });
  return { sent: claimed.length - failed.length, failed: failed.length };
}
