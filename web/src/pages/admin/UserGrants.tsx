import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form, Popconfirm, Select, Space, Switch, Table, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Grant, Req, Role } from '../../api/types';
import { errorText } from '../../app/errors';
import { buildTree, useUnits, type UnitNode } from './units';

type GrantBody = Req<'/api/access/grants', 'post'>;

const treeData = (nodes: UnitNode[]): object[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: n.children ? treeData(n.children) : undefined }));

/** One user's role grants, each scoped to a unit (and optionally its subtree); grant and revoke. */
export function UserGrants({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [userId, setUserId] = useState<string>();
  const units = useUnits();
  const candidates = useQuery({
    queryKey: ['users', 'pick', q],
    queryFn: () =>
      call(api.GET('/api/org/users', { params: { query: { q: q || undefined, pageSize: 50 } } })),
  });
  const grants = useQuery({
    queryKey: ['grants', userId],
    enabled: !!userId,
    queryFn: () => call(api.GET('/api/access/users/{id}/grants', { params: { path: { id: userId! } } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['grants', userId] });
  const onError = (e: Error) => void message.error(errorText(e));
  const grant = useMutation({
    mutationFn: (body: GrantBody) => call(api.POST('/api/access/grants', { body })),
    onSuccess: async () => {
      void message.success(t('roles.granted'));
      await refresh();
    },
    onError,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/access/grants/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success(t('roles.revoked'));
      await refresh();
    },
    onError,
  });
  const roleName = new Map(roles.map((r) => [r.code, r.name]));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={t('roles.pickUser')}
        style={{ width: 360 }}
        value={userId}
        onChange={setUserId}
        options={(candidates.data?.items ?? []).map((u) => ({
          value: u.id,
          label: `${u.displayName}（${u.username}，${u.unitName}）`,
        }))}
      />
      {!userId ? (
        <Empty description={t('roles.noUser')} />
      ) : (
        <>
          <Table<Grant>
            rowKey="id"
            size="small"
            pagination={false}
            loading={grants.isFetching}
            dataSource={grants.data}
            columns={[
              { title: t('roles.role'), dataIndex: 'roleCode', render: (c: string) => roleName.get(c) ?? c },
              { title: t('roles.unit'), dataIndex: 'unitName' },
              {
                title: t('roles.subtree'),
                dataIndex: 'subtree',
                render: (s: boolean) => (s ? t('roles.subtreeYes') : t('roles.ownUnit')),
              },
              {
                title: t('common.actions'),
                key: 'a',
                render: (_, g) => (
                  <Popconfirm title={t('roles.revokeConfirm')} onConfirm={() => revoke.mutate(g.id)}>
                    <Button type="link" danger size="small">
                      {t('roles.revoke')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
          <Form<Omit<GrantBody, 'userId'>>
            layout="inline"
            initialValues={{ subtree: false }}
            onFinish={(v) => grant.mutate({ ...v, userId })}
          >
            <Form.Item name="roleCode" rules={[{ required: true }]}>
              <Select
                placeholder={t('roles.role')}
                style={{ width: 200 }}
                options={roles.map((r) => ({ value: r.code, label: r.name }))}
              />
            </Form.Item>
            <Form.Item name="unitId" rules={[{ required: true }]}>
              <TreeSelect
                placeholder={t('roles.unit')}
                style={{ width: 260 }}
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeData={treeData(buildTree(units.data ?? []))}
              />
            </Form.Item>
            <Form.Item name="subtree" label={t('roles.subtreeYes')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={grant.isPending}>
              {t('roles.grant')}
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}
