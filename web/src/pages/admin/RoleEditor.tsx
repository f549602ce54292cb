import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Req, Role } from '../../api/types';
import { errorText } from '../../app/errors';

type Values = Req<'/api/access/roles/{code}', 'put'> & { code: string };

/** Edits a role's name, description and permission codes (the list comes from /api/access/permissions). */
export function RoleEditor({ role, open, onClose }: { role?: Role; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const permissions = useQuery({
    queryKey: ['permissions'],
    queryFn: () => call(api.GET('/api/access/permissions')),
    staleTime: Infinity,
  });
  const save = useMutation({
    mutationFn: ({ code, ...body }: Values) =>
      call(api.PUT('/api/access/roles/{code}', { params: { path: { code } }, body })),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['roles'] });
      onClose();
    },
  });
  const groups = new Map<string, { code: string; label: string }[]>();
  for (const p of permissions.data ?? []) {
    const g = p.code.split('.')[0] ?? '';
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  return (
    <Modal
      title={role ? `${t('common.edit')}：${role.name}` : t('roles.newRole')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
      width={720}
      afterClose={() => save.reset()}
    >
      {save.error && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={role ?? { permissions: [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap>
          <Form.Item
            name="code"
            label={t('roles.code')}
            extra={role ? undefined : t('roles.codeHint')}
            rules={[{ required: true }]}
          >
            <Input disabled={!!role} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={t('roles.name')} rules={[{ required: true }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('roles.description')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <Checkbox.Group style={{ display: 'block', maxHeight: 360, overflowY: 'auto' }}>
            {[...groups.entries()].map(([g, ps]) => (
              <div key={g} style={{ marginBottom: 8 }}>
                {ps.map((p) => (
                  <Checkbox key={p.code} value={p.code} style={{ width: 300 }}>
                    <span title={p.code}>{p.label}</span>
                  </Checkbox>
                ))}
              </div>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
