import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Req } from '../../api/types';
import { errorText } from '../../app/errors';
import { buildTree, useUnits, type UnitNode } from './units';

type Values = Req<'/api/org/users', 'post'>;

const treeData = (nodes: UnitNode[]): object[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: n.children ? treeData(n.children) : undefined }));

/** Creates an account; the caller shows the one-time initial password the server returns. */
export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (name: string, initialPassword: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (body: Values) => call(api.POST('/api/org/users', { body })),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
      onCreated(r.user.displayName, r.initialPassword);
    },
  });
  return (
    <Modal
      title={t('users.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
      afterClose={() => create.reset()}
    >
      {create.error && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => create.mutate({ ...v, phone: v.phone || null })}
      >
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true }]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true }]}>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={treeData(buildTree(units.data ?? []))}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
