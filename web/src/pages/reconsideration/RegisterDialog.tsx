import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useMeta } from './CasesPage';
import type { Register } from './types';

type Values = Omit<Register, 'receivedOn' | 'learnedOn' | 'rightsLearnedOn' | 'actDate' | 'officers'> & {
  receivedOn?: Dayjs;
  learnedOn?: Dayjs;
  rightsLearnedOn?: Dayjs;
  actDate?: Dayjs;
  officers?: string;
};

/** 登记申请: a written application handed in or posted, or an oral one recorded on the spot (第二十二条). */
export function RegisterDialog({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const meta = useMeta();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const create = useMutation({
    mutationFn: (body: Register) => call(api.POST('/api/reconsideration/cases', { body })),
    onSuccess: async (c) => {
      void message.success(t('reconsideration.registered'));
      await qc.invalidateQueries({ queryKey: ['reconsideration', 'cases'] });
      onClose(c.id);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const d = (v?: Dayjs) => v?.format('YYYY-MM-DD');
  return (
    <Modal
      open={open}
      title={t('reconsideration.register')}
      width={760}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
      afterClose={() => create.reset()}
    >
      {create.error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(create.error)} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          channel: 'counter',
          applicantKind: 'person',
          receivedOn: dayjs(),
          organUnitId: meta.data?.organs[0]?.id,
        }}
        onFinish={(v) => {
          clearFieldErrors(form);
          create.mutate({
            ...v,
            receivedOn: d(v.receivedOn) ?? '',
            learnedOn: d(v.learnedOn) ?? '',
            rightsLearnedOn: d(v.rightsLearnedOn) ?? null,
            actDate: d(v.actDate) ?? null,
            officers: (v.officers ?? '').split(/[、，,\s]+/).filter(Boolean),
            attachmentIds: [],
          } as Register);
        }}
        data-testid="rc-register-form"
      >
        <Space size={16} wrap>
          <Form.Item name="organUnitId" label={t('reconsideration.f.organ')} required>
            <Select
              style={{ width: 220 }}
              options={(meta.data?.organs ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('reconsideration.f.channel')} required>
            <Radio.Group
              optionType="button"
              options={(meta.data?.channels ?? [])
                .filter((c) => c.code !== 'portal')
                .map((c) => ({ value: c.code, label: c.label }))}
            />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('reconsideration.col.receivedOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item name="applicantKind" label={t('reconsideration.f.applicantKind')}>
            <Radio.Group
              options={[
                { value: 'person', label: t('reconsideration.f.person') },
                { value: 'organisation', label: t('reconsideration.f.organisation') },
              ]}
            />
          </Form.Item>
          <Form.Item name="applicantName" label={t('reconsideration.f.applicantName')} required>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="applicantIdNumber" label={t('reconsideration.idNumber')}>
            <Input style={{ width: 220 }} maxLength={18} />
          </Form.Item>
          <Form.Item name="applicantPhone" label={t('reconsideration.phone')}>
            <Input style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="applicantAddress" label={t('reconsideration.address')}>
          <Input />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="respondentName" label={t('reconsideration.f.respondentName')} required>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="respondentSuperior" label={t('reconsideration.respondentSuperior')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item name="actDescription" label={t('reconsideration.f.actDescription')} required>
          <Input />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="actNumber" label={t('reconsideration.actNumber')}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="actDate" label={t('reconsideration.actDate')}>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="learnedOn" label={t('reconsideration.learnedOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item
            name="rightsLearnedOn"
            label={t('reconsideration.f.rightsLearnedOn')}
            tooltip={t('reconsideration.f.rightsLearnedOnHint')}
          >
            <DatePicker format={t('format.date')} data-testid="rc-rights-learned-on" />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('reconsideration.amount')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="request" label={t('reconsideration.request')} required>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="factsAndReasons" label={t('reconsideration.facts')} required>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="lateReason" label={t('reconsideration.f.lateReason')}>
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
        {channel === 'oral' && (
          <Form.Item name="oralRecord" label={t('reconsideration.oralRecord')} required>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        )}
        <Form.Item name="officers" label={t('reconsideration.f.officers')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
