import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { PlanView as Plan } from '../../api/types';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useMe } from '../../app/session';
import { useUnits } from '../admin/units';
import { unitTreeData } from './forms';

interface Values {
  unitId?: number;
  year?: number;
  title?: string;
  riskWorkdays?: number;
  riskThreshold?: number;
  note?: string | null;
}

/**
 * 新建 or 修改 a yearly work plan. Its owner unit and year are fixed once tasks hang on it; the
 * warning rule (how many working days before the deadline, below what accepted progress) is not.
 */
export function PlanDialog({
  open,
  plan,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** null: a new plan */
  plan: Plan | null;
  onClose: () => void;
  onSaved: (p: Plan) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe().data;
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title ?? '',
        riskWorkdays: v.riskWorkdays ?? 10,
        riskThreshold: v.riskThreshold ?? 80,
        note: v.note || null,
      };
      return plan
        ? call(api.PUT('/api/planning/plans/{id}', { params: { path: { id: plan.id } }, body }))
        : call(
            api.POST('/api/planning/plans', {
              body: { ...body, unitId: v.unitId ?? 0, year: v.year ?? dayjs().year() },
            }),
          );
    },
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['planning-plans'] });
      message.success(t('tasks.planSaved'));
      onSaved(p);
    },
    onError: (e) => {
      if (!showFieldErrors(form, e)) message.error(errorText(e));
    },
  });
  const year = dayjs().year();
  return (
    <Modal
      open={open}
      title={plan ? t('tasks.editPlan') : t('tasks.newPlan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      data-testid="plan-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          plan ?? {
            unitId: me?.unitId,
            year,
            riskWorkdays: 10,
            riskThreshold: 80,
          }
        }
        onValuesChange={() => clearFieldErrors(form)}
        onFinish={(v) => save.mutate(v)}
      >
        <Space>
          <Form.Item name="unitId" label={t('tasks.planUnit')} rules={[{ required: true }]}>
            <TreeSelect
              disabled={!!plan}
              style={{ width: 300 }}
              treeData={unitTreeData(units.data)}
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
          <Form.Item name="year" label={t('tasks.planYear')} rules={[{ required: true }]}>
            <InputNumber disabled={!!plan} min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('tasks.planTitle')} rules={[{ required: true }]}>
          <Input maxLength={120} placeholder={t('tasks.defaultPlanTitle', { year })} />
        </Form.Item>
        <Space>
          <Form.Item name="riskWorkdays" label={t('tasks.riskWorkdays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} addonAfter={t('tasks.workdays')} />
          </Form.Item>
          <Form.Item name="riskThreshold" label={t('tasks.riskThreshold')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} addonAfter="%" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('tasks.planNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
