import { z } from 'zod';

export const NotificationView = z
  .object({
    id: z.string(),
    kind: z.string().describe('消息类别，如 planning.task.created'),
    title: z.string().describe('标题'),
    body: z.string().describe('正文'),
    link: z.string().nullable().describe('点击后打开的页面路径'),
    entity: z.string().nullable().describe('相关记录的类别'),
    entityId: z.string().nullable().describe('相关记录的编号'),
    createdAt: z.string().describe('发送时间'),
    readAt: z.string().nullable().describe('已读时间，未读为 null'),
  })
  .describe('站内消息');
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: z.enum(['true', 'false']).optional().describe('true：只列未读消息'),
});
export type NotificationQuery = z.output<typeof NotificationQuery>;

export const NotificationPage = z.object({
  items: z.array(NotificationView),
  total: z.number().int(),
  unread: z.number().int().describe('未读消息总数'),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const UnreadCount = z.object({ unread: z.number().int() });
export const ReadAll = z.object({ marked: z.number().int().describe('本次标记为已读的条数') });
export const NotificationId = z.object({ id: z.uuid('编号格式不正确') });
