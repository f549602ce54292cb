import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Role } from '../../api/types';
import { errorText } from '../../app/errors';
import { RoleEditor } from './RoleEditor';
import { UserGrants } from './UserGrants';

/** 角色与授权 (security admin): roles with their permissions, and each user's scoped grants. */
export default function RolesPage() {
  const { t } = useTranslation();
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => call(api.GET('/api/access/roles')) });
  const [editing, setEditing] = useState<{ role?: Role } | null>(null);
  return (
    <div className="fazhi-page">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card
          title={t('roles.roles')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('roles.newRole')}
            </Button>
          }
        >
          {roles.error && <Typography.Text type="danger">{errorText(roles.error)}</Typography.Text>}
          <Table<Role>
            data-testid="role-table"
            rowKey="code"
            size="small"
            pagination={false}
            loading={roles.isFetching}
            dataSource={roles.data}
            columns={[
              { title: t('roles.name'), dataIndex: 'name', width: 200 },
              {
                title: t('roles.code'),
                dataIndex: 'code',
                width: 160,
                render: (c: string) => <code>{c}</code>,
              },
              { title: t('roles.description'), dataIndex: 'description' },
              {
                title: t('roles.permissions'),
                dataIndex: 'permissions',
                width: 90,
                render: (p: string[]) => p.length,
              },
              {
                title: t('roles.builtin'),
                dataIndex: 'builtin',
                width: 80,
                render: (b: boolean) => (b ? <Tag>{t('roles.builtin')}</Tag> : null),
              },
              {
                title: t('common.actions'),
                key: 'a',
                width: 90,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setEditing({ role: r })}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('roles.grants')}>
          <UserGrants roles={roles.data ?? []} />
        </Card>
      </Space>
      <RoleEditor open={!!editing} role={editing?.role} onClose={() => setEditing(null)} />
    </div>
  );
}
