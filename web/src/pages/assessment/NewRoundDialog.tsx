import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { AssessmentRound } from '../../api/types';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';

interface Values {
  systemId?: string;
  title?: string;
}

/** 新建考核: a round over an indicator system; the assessed units default to its division's townships. */
export function NewRoundDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (r: AssessmentRound) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const systems = useQuery({
    queryKey: ['assessment', 'systems'],
    queryFn: () => call(api.GET('/api/assessment/systems')),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/assessment/rounds', { body: { systemId: v.systemId ?? '', title: v.title ?? '' } }),
      ),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['assessment'] });
      message.success(t('assessment.roundCreated'));
      onCreated(r);
    },
    onError: (e) => {
      if (!showFieldErrors(form, e)) message.error(errorText(e));
    },
  });
  return (
    <Modal
      open={open}
      title={t('assessment.newRound')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="round-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed: Values) => {
          clearFieldErrors(form);
          const s = systems.data?.find((x) => x.id === changed.systemId);
          if (s && !form.getFieldValue('title'))
            form.setFieldValue('title', t('assessment.defaultRoundTitle', { year: s.year }));
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="systemId" label={t('assessment.system')} rules={[{ required: true }]}>
          <Select
            loading={systems.isLoading}
            options={(systems.data ?? []).map((s) => ({ value: s.id, label: `${s.year} ${s.name}` }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('assessment.roundTitle')} rules={[{ required: true }]}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
