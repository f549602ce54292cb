import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { CalendarDay, NewRegionalDays } from '../../api/types';
import { errorText } from '../../app/errors';
import { useDivisionOptions } from './divisions';

type Values = Omit<NewRegionalDays, 'from' | 'to'> & { range: [Dayjs, Dayjs] };

/** Enters one regional notice: a date range of rest days or 调休 workdays; the server checks the rest. */
export function RegionalDaysDialog({
  open,
  division,
  onClose,
  onAdded,
}: {
  open: boolean;
  division?: string;
  onClose: () => void;
  onAdded: (days: CalendarDay[]) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const divisions = useDivisionOptions();
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (body: NewRegionalDays) => call(api.POST('/api/calendar/days', { body })),
    onSuccess: async (days) => {
      await qc.invalidateQueries({ queryKey: ['calendar-days'] });
      onAdded(days);
    },
  });
  const onFinish = ({ range, ...v }: Values) =>
    add.mutate({ ...v, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });

  return (
    <Modal
      title={t('calendar.add')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending }}
      destroyOnHidden
      afterClose={() => add.reset()}
      width={600}
    >
      {add.error && (
        <Alert
          type="error"
          showIcon
          data-testid="calendar-add-error"
          title={errorText(add.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ division, kind: 'rest', assumption: false }}
        onFinish={onFinish}
      >
        <Form.Item name="division" label={t('calendar.noticeDivision')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={divisions} />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('calendar.range')}
          extra={t('calendar.rangeHint')}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker format={[t('format.date'), 'YYYY-MM-DD']} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'rest', label: t('calendar.kinds.rest') },
              { value: 'work', label: t('calendar.kinds.work') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true }]}>
          <Input maxLength={40} placeholder={t('calendar.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="source" label={t('calendar.source')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={300} showCount placeholder={t('calendar.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="assumption" valuePropName="checked" extra={t('calendar.assumptionHint')}>
          <Checkbox>{t('calendar.assumption')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
