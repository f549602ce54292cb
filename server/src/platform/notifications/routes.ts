import { SESSION } from '../http/plugin.js';
import type { App } from '../manifest.js';
import type { Platform } from '../platform.js';
import {
  NotificationId,
  NotificationPage,
  NotificationQuery,
  NotificationView,
  ReadAll,
  UnreadCount,
} from './contract.js';
import { NotificationService } from './service.js';

/** Every signed-in user has a mailbox; what is in it is keyed on the user, so the permission is the session. */
export function notificationRoutes(app: App, platform: Platform) {
  const service = new NotificationService(platform.db);
  const tags = ['notifications'];
  const config = { permission: SESSION };

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的消息（最新在前，可只列未读）',
        querystring: NotificationQuery,
        response: { 200: NotificationPage },
      },
      config,
    },
    (req) => service.list(req.ctx, req.query),
  );
  app.get(
    '/api/notifications/unread-count',
    { schema: { tags, summary: '我的未读消息数（页眉铃铛）', response: { 200: UnreadCount } }, config },
    async (req) => ({ unread: await service.unreadCount(req.ctx) }),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标记一条消息为已读（他人的消息答 404）',
        params: NotificationId,
        response: { 200: NotificationView },
      },
      config,
    },
    (req) => service.markRead(req.ctx, req.params.id),
  );
  app.post(
    '/api/notifications/read-all',
    { schema: { tags, summary: '全部标记为已读', response: { 200: ReadAll } }, config },
    async (req) => ({ marked: await service.markAllRead(req.ctx) }),
  );
}
