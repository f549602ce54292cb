import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useMeta } from './meta';
import type { CreateCase } from './types';

type Values = Omit<CreateCase, 'receivedOn'> & { receivedOn?: Dayjs };

export function useTownships() {
  return useQuery({
    queryKey: ['townships'],
    queryFn: () => call(api.GET('/api/public/intake/townships')),
    staleTime: 600_000,
  });
}

/** 受理纠纷: parties (persons or organisations), type, amount, source and grade. */
export function NewCaseDialog({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const meta = useMeta();
  const towns = useTownships();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (body: CreateCase) => call(api.POST('/api/mediation/cases', { body })),
    onSuccess: async (c) => {
      void message.success(t('mediation.cases.created', { number: c.number }));
      await qc.invalidateQueries({ queryKey: ['mediation'] });
      onClose(c.id);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const m = meta.data;
  return (
    <Modal
      title={t('mediation.cases.create')}
      open={open}
      width={760}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, ...({ 'data-testid': 'case-create-ok' } as object) }}
      destroyOnHidden
      afterClose={() => {
        create.reset();
        form.resetFields();
      }}
    >
      {create.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(create.error)} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        // no preserve={false}: it drops the party rows' initial role and kind (antd 6); the
        // form is reset when the modal closes instead
        data-testid="case-create-form"
        initialValues={{
          unitId: m?.units[0]?.id,
          receivedOn: dayjs(),
          source: 'walkIn',
          grade: 'simple',
          amount: 0,
          mediationKind: 'people',
          parties: [
            { role: 'applicant', kind: 'person' },
            { role: 'respondent', kind: 'person' },
          ],
        }}
        onFinish={(v) => {
          clearFieldErrors(form);
          create.mutate({ ...v, receivedOn: v.receivedOn?.format('YYYY-MM-DD') ?? '' } as CreateCase);
        }}
      >
        <Space size={16} wrap>
          <Form.Item name="unitId" label={t('mediation.cases.receivingUnit')} required>
            <Select style={{ width: 260 }} options={m?.units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('mediation.receivedOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="source" label={t('mediation.source')} required>
            <Select
              style={{ width: 190 }}
              options={m?.sources.map((s) => ({ value: s.code, label: s.label }))}
            />
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item name="disputeTypeCode" label={t('mediation.type')} required>
            <Select
              style={{ width: 200 }}
              data-testid="case-type"
              options={m?.disputeTypes
                .filter((d) => d.active)
                .map((s) => ({ value: s.code, label: s.label }))}
            />
          </Form.Item>
          <Form.Item name="grade" label={t('mediation.grade')} required>
            <Select
              style={{ width: 200 }}
              options={m?.grades.map((s) => ({ value: s.code, label: `${s.label}（${s.route}）` }))}
            />
          </Form.Item>
          <Form.Item name="divisionCode" label={t('mediation.cases.place')} required>
            <Select
              style={{ width: 160 }}
              data-testid="case-division"
              options={towns.data?.map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('mediation.amountYuan')}>
            <InputNumber min={0} precision={2} style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={t('mediation.cases.summary')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} data-testid="case-summary" />
        </Form.Item>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap size={8} data-testid="case-party">
                  <Form.Item name={[f.name, 'role']} style={{ width: 110 }}>
                    <Select
                      options={[
                        { value: 'applicant', label: t('mediation.applicant') },
                        { value: 'respondent', label: t('mediation.respondent') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} style={{ width: 120 }}>
                    <Select
                      options={[
                        { value: 'person', label: t('mediation.person') },
                        { value: 'organisation', label: t('mediation.organisation') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} style={{ width: 130 }}>
                    <Input placeholder={t('mediation.partyName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'idNumber']} style={{ width: 190 }}>
                    <Input placeholder={t('mediation.idNumber')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']} style={{ width: 130 }}>
                    <Input placeholder={t('mediation.phone')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'representative']} style={{ width: 110 }}>
                    <Input placeholder={t('mediation.representative')} />
                  </Form.Item>
                  {fields.length > 2 && (
                    <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
                  )}
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ role: 'respondent', kind: 'person' })}
              >
                {t('mediation.addParty')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
