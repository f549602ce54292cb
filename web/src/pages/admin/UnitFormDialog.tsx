import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Req, Unit } from '../../api/types';
import { errorText } from '../../app/errors';
import { buildTree, unitKinds, useDivisions, useUnits, type UnitNode } from './units';

type Values = Req<'/api/org/units', 'post'>;

const treeData = (nodes: UnitNode[]): object[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: n.children ? treeData(n.children) : undefined }));

/** Create (with a preset parent) or edit a unit. */
export function UnitFormDialog({
  unit,
  parentId,
  open,
  onClose,
}: {
  unit?: Unit;
  parentId?: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const units = useUnits();
  const divisions = useDivisions();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      unit
        ? call(api.PATCH('/api/org/units/{id}', { params: { path: { id: unit.id } }, body: v }))
        : call(api.POST('/api/org/units', { body: v })),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['units'] });
      onClose();
    },
  });
  const initial: Partial<Values> = unit
    ? {
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        parentId: unit.parentId ?? undefined,
        divisionCode: unit.divisionCode,
        creditCode: unit.creditCode,
        sort: unit.sort,
      }
    : { parentId, sort: 0 };

  return (
    <Modal
      title={unit ? t('units.edit') : t('units.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
      width={560}
    >
      {save.error && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onFinish={(v) =>
          save.mutate({ ...v, shortName: v.shortName || null, creditCode: v.creditCode || null })
        }
      >
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="shortName" label={t('units.shortName')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select options={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')} rules={[{ required: unit?.parentId !== null }]}>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={treeData(buildTree(units.data ?? []))}
            disabled={unit?.parentId === null}
          />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('units.division')} extra={t('units.divisionHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(divisions.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="creditCode" label={t('units.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="sort" label={t('units.sort')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
