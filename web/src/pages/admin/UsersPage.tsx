import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { UserSort, UserView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { CreateUserDialog } from './CreateUserDialog';
import { ImportDialog } from './ImportDialog';
import { ImportedPasswords } from './ImportedPasswords';

type Filter = { page: number; pageSize: number; q?: string; sort: UserSort; includeInactive: boolean };

/** 用户管理: paged, filtered, sorted accounts; create or import, reset password, unlock, disable/enable. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const fmt = useFormat();
  const manage = useCan()('org.user.manage');
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>({
    page: 1,
    pageSize: 20,
    sort: 'username',
    includeInactive: false,
  });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [disabling, setDisabling] = useState<UserView | null>(null);

  const users = useQuery({
    queryKey: ['users', filter],
    queryFn: () =>
      call(
        api.GET('/api/org/users', {
          params: {
            query: {
              page: filter.page,
              pageSize: filter.pageSize,
              sort: filter.sort,
              q: filter.q || undefined,
              includeInactive: filter.includeInactive ? 'true' : undefined,
            },
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });

  const showPassword = (name: string, initialPassword: string) =>
    void modal.success({
      title: t('users.initialPasswordTitle'),
      width: 480,
      content: (
        <Space orientation="vertical">
          <Typography.Text>{t('users.initialPasswordHint', { name })}</Typography.Text>
          <Typography.Text code copyable data-testid="initial-password" style={{ fontSize: 18 }}>
            {initialPassword}
          </Typography.Text>
        </Space>
      ),
    });

  const done = (text: string) => async () => {
    void message.success(text);
    await qc.invalidateQueries({ queryKey: ['users'] });
  };
  const onError = (e: Error) => void message.error(errorText(e));
  const path = (u: UserView) => ({ params: { path: { id: u.id } } });
  const reset = useMutation({
    mutationFn: (u: UserView) => call(api.POST('/api/org/users/{id}/reset-password', path(u))),
    onSuccess: (r, u) => showPassword(u.displayName, r.initialPassword),
    onError,
  });
  const unlock = useMutation({
    mutationFn: (u: UserView) => call(api.POST('/api/org/users/{id}/unlock', path(u))),
    onSuccess: done(t('users.unlocked')),
    onError,
  });
  const enable = useMutation({
    mutationFn: (u: UserView) => call(api.POST('/api/org/users/{id}/enable', path(u))),
    onSuccess: done(t('users.enabled')),
    onError,
  });
  const disable = useMutation({
    mutationFn: ({ u, reason }: { u: UserView; reason: string }) =>
      call(api.POST('/api/org/users/{id}/disable', { ...path(u), body: { reason } })),
    onSuccess: async () => {
      setDisabling(null);
      await done(t('common.saved'))();
    },
    onError,
  });

  const order = (key: string) =>
    filter.sort === key ? 'ascend' : filter.sort === `-${key}` ? 'descend' : null;

  return (
    <div className="fazhi-page">
      <Card
        title={t('users.title')}
        extra={
          manage && (
            <Space>
              <Button
                icon={<FileExcelOutlined />}
                onClick={() => setImporting(true)}
                data-testid="users-import"
              >
                {t('import.button')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('users.create')}
              </Button>
            </Space>
          )
        }
      >
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('users.search')}
            onSearch={(q) => setFilter({ ...filter, q, page: 1 })}
            style={{ width: 260 }}
          />
          <Checkbox
            checked={filter.includeInactive}
            onChange={(e) => setFilter({ ...filter, includeInactive: e.target.checked, page: 1 })}
          >
            {t('users.includeInactive')}
          </Checkbox>
        </Space>
        {users.error && <Typography.Text type="danger">{errorText(users.error)}</Typography.Text>}
        <Table<UserView>
          data-testid="user-table"
          rowKey="id"
          size="small"
          loading={users.isFetching}
          dataSource={users.data?.items}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: users.data?.total,
            showTotal: (total) => t('users.total', { total: fmt.number(total) }),
          }}
          onChange={(p, _f, s) => {
            const sorter = s as SorterResult<UserView>;
            const key = sorter.order ? String(sorter.field) : 'username';
            setFilter({
              ...filter,
              page: p.current ?? 1,
              pageSize: p.pageSize ?? 20,
              sort: (sorter.order === 'descend' ? `-${key}` : key) as UserSort,
            });
          }}
          columns={[
            { title: t('users.username'), dataIndex: 'username', sorter: true, sortOrder: order('username') },
            {
              title: t('users.displayName'),
              dataIndex: 'displayName',
              sorter: true,
              sortOrder: order('displayName'),
            },
            { title: t('users.unit'), dataIndex: 'unitName' },
            { title: t('users.phone'), dataIndex: 'phone', width: 130 },
            {
              title: t('users.lastLogin'),
              dataIndex: 'lastLoginAt',
              sorter: true,
              sortOrder: order('lastLoginAt'),
              render: (v: string | null) =>
                v ? fmt.dateTime(v) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
            },
            {
              title: t('common.status'),
              key: 'status',
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.active ? (
                    <Tag color="green">{t('common.active')}</Tag>
                  ) : (
                    <Tag>{t('common.inactive')}</Tag>
                  )}
                  {u.lockedUntil && <Tag color="red">{t('users.locked')}</Tag>}
                  {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
                </Space>
              ),
            },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, u: UserView) => (
                      <Space size={0} wrap>
                        <Popconfirm
                          title={t('users.resetConfirm', { name: u.displayName })}
                          onConfirm={() => reset.mutate(u)}
                        >
                          <Button type="link" size="small">
                            {t('users.resetPassword')}
                          </Button>
                        </Popconfirm>
                        {u.lockedUntil && (
                          <Button type="link" size="small" onClick={() => unlock.mutate(u)}>
                            {t('users.unlock')}
                          </Button>
                        )}
                        {u.active ? (
                          <Button type="link" size="small" danger onClick={() => setDisabling(u)}>
                            {t('users.disable')}
                          </Button>
                        ) : (
                          <Button type="link" size="small" onClick={() => enable.mutate(u)}>
                            {t('users.enable')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ImportDialog
        path="/api/org/import/users"
        title={t('import.usersTitle')}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => qc.invalidateQueries({ queryKey: ['users'] })}
        renderResult={(r) => <ImportedPasswords users={r.created} />}
      />
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} onCreated={showPassword} />
      <ReasonDialog
        open={!!disabling}
        title={t('users.disableTitle', { name: disabling?.displayName })}
        label={t('common.reason')}
        pending={disable.isPending}
        onClose={() => setDisabling(null)}
        onSubmit={(reason) => disabling && disable.mutate({ u: disabling, reason })}
      />
    </div>
  );
}
