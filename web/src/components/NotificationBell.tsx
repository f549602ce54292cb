import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import type { NotificationView } from '../api/types';
import { errorText } from '../app/errors';
import { useFormat } from '../app/format';

const key = ['notifications'] as const;
/** How many of the latest messages the popover lists. */
const LATEST = 10;

/**
 * The header bell: the unread count (polled every minute and on returning to the window), a popover of
 * the latest messages; opening one marks it read and goes to its page.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);

  const unread = useQuery({
    queryKey: [...key, 'unread'],
    queryFn: () => call(api.GET('/api/notifications/unread-count')),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const latest = useQuery({
    queryKey: [...key, 'latest'],
    queryFn: () => call(api.GET('/api/notifications', { params: { query: { pageSize: LATEST } } })),
    enabled: open,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const read = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => call(api.POST('/api/notifications/read-all')),
    onSettled: refresh,
  });

  const openOne = async (n: NotificationView) => {
    if (!n.readAt) await read.mutateAsync(n.id).catch(() => undefined);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };

  const count = unread.data?.unread ?? 0;
  const items = latest.data?.items ?? [];
  const error = latest.error ?? readAll.error;

  const content = (
    <div style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-list">
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 8 }} />}
      {latest.isLoading ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto', margin: '0 -12px' }}>
          {items.map((n) => (
            <button
              key={n.id}
              type="button"
              className="fazhi-notification"
              data-testid="notification-item"
              data-unread={n.readAt ? undefined : 'true'}
              onClick={() => void openOne(n)}
            >
              <Flex gap={8} align="baseline">
                <Badge status={n.readAt ? 'default' : 'processing'} />
                {/* a block, not a flex column: a flex item loses the line clamp of the body */}
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text
                    strong={!n.readAt}
                    ellipsis={{ tooltip: n.title }}
                    style={{ display: 'block' }}
                  >
                    {n.title}
                  </Typography.Text>
                  <div className="fazhi-notification-body">
                    <Typography.Text type="secondary">{n.body}</Typography.Text>
                  </div>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
                    {fmt.dateTime(n.createdAt)}
                  </Typography.Text>
                </div>
              </Flex>
            </button>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <Flex justify="space-between" align="center" gap={16}>
          <span>{t('notifications.title')}</span>
          <Button
            type="link"
            size="small"
            disabled={count === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
            data-testid="notification-read-all"
          >
            {t('notifications.readAll')}
          </Button>
        </Flex>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={t('notifications.bell', { count })}
        data-testid="notification-bell"
        data-count={count}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
