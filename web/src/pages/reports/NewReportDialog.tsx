import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Modal, Radio, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useMe } from '../../app/session';
import { useDivisions, useUnits } from '../admin/units';
import { unitTreeData } from '../planning/forms';

interface Values {
  year: number;
  subject: 'division' | 'unit';
  divisionCode?: string;
  unitId?: number;
}

/** 新建报告: a year and its subject, the user's own division unless another is chosen. */
export function NewReportDialog(props: { open: boolean; onClose: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form);
  const divisions = useDivisions(props.open);
  const units = useUnits();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/reports', {
          body:
            v.subject === 'unit'
              ? { year: v.year, unitId: v.unitId }
              : { year: v.year, divisionCode: v.divisionCode },
        }),
      ),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['reports'] });
      props.onOpen(r.id);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const existing =
    create.error instanceof ApiError && create.error.code === 'REPORT_EXISTS'
      ? (create.error.extra.id as string | undefined)
      : undefined;

  return (
    <Modal
      title={t('reports.new')}
      open={props.open}
      destroyOnHidden
      onCancel={props.onClose}
      okText={t('reports.create')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      afterOpenChange={(o) => !o && create.reset()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          year: new Date().getFullYear() - 1,
          subject: 'division',
          divisionCode: me?.divisionCode,
          unitId: me?.unitId,
        }}
        onFinish={(v) => {
          clearFieldErrors(form);
          create.mutate(v);
        }}
      >
        <Form.Item name="year" label={t('reports.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} data-testid="new-year" />
        </Form.Item>
        <Form.Item name="subject" label={t('reports.subject')}>
          <Radio.Group
            options={[
              { value: 'division', label: t('reports.subjectDivision') },
              { value: 'unit', label: t('reports.subjectUnit') },
            ]}
          />
        </Form.Item>
        {subject === 'unit' ? (
          <Form.Item name="unitId" label={t('reports.unit')} rules={[{ required: true }]}>
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              treeData={unitTreeData(units.data)}
              placeholder={t('reports.unitPlaceholder')}
            />
          </Form.Item>
        ) : (
          <Form.Item name="divisionCode" label={t('reports.division')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(divisions.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        )}
      </Form>
      {create.error && (
        <Alert
          type={existing ? 'warning' : 'error'}
          showIcon
          title={errorText(create.error)}
          action={
            existing && (
              <Button size="small" onClick={() => props.onOpen(existing)} data-testid="open-existing">
                {t('reports.openExisting')}
              </Button>
            )
          }
        />
      )}
    </Modal>
  );
}
