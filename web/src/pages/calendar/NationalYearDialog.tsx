import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import type { CalendarDay, NationalYear } from '../../api/types';
import { errorText } from '../../app/errors';
import { namePath } from '../../app/form-errors';

interface Values {
  source: string;
  holidays: { name: string; range: [Dayjs, Dayjs] }[];
  workdays: { name: string; day: Dayjs }[];
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The server names holidays.N.from / .to; the form holds both in holidays.N.range. */
function fieldsOf(e: unknown) {
  if (!(e instanceof ApiError)) return [];
  return e.errors.map((f) => {
    const name = namePath(f.field).map((s) => (s === 'from' || s === 'to' ? 'range' : s));
    return { name, errors: [f.message] };
  });
}

/**
 * Enters a year's national arrangements from the State Council notice, for a year this release does
 * not bundle yet: every holiday block and 调休 workday at once, or a correction of what was entered.
 */
export function NationalYearDialog({
  year,
  open,
  current,
  onClose,
  onSaved,
}: {
  year: number;
  open: boolean;
  /** what was entered by hand before, for a correction */
  current?: { source: string | null; days: CalendarDay[] };
  onClose: () => void;
  onSaved: (days: number) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: NationalYear) =>
      call(api.PUT('/api/calendar/national/{year}', { params: { path: { year } }, body })),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['calendar-days'] });
      onSaved(r.days);
    },
    onError: (e) => form.setFields(fieldsOf(e) as unknown as Parameters<typeof form.setFields>[0]),
  });
  const onFinish = (v: Values) =>
    save.mutate({
      source: v.source,
      holidays: v.holidays.map((h) => ({ name: h.name, from: iso(h.range[0]), to: iso(h.range[1]) })),
      workdays: (v.workdays ?? []).map((w) => ({ name: w.name, day: iso(w.day) })),
    });

  return (
    <Modal
      title={t('calendar.nationalTitle', { year })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'national-save' } as ButtonProps}
      destroyOnHidden
      afterClose={() => save.reset()}
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('calendar.nationalHint', { year })}</Typography.Paragraph>
      {save.error && (
        <Alert
          type="error"
          showIcon
          data-testid="national-error"
          title={errorText(save.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues(current)}
        onFinish={onFinish}
      >
        <Form.Item name="source" label={t('calendar.nationalSourceLabel')} rules={[{ required: true }]}>
          <Input.TextArea
            rows={2}
            maxLength={300}
            data-testid="national-source-input"
            placeholder={t('calendar.nationalSourcePlaceholder', { year, prev: year - 1 })}
          />
        </Form.Item>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('calendar.kinds.rest')}</Typography.Text>
        </div>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" data-testid="national-holiday">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('calendar.holidayName')} style={{ width: 140 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'range']} rules={[{ required: true }]}>
                    <DatePicker.RangePicker
                      format={[t('format.date'), 'YYYY-MM-DD']}
                      defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
                    />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                {t('calendar.addHoliday')}
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ margin: '16px 0 8px' }}>
          <Typography.Text strong>{t('calendar.kinds.work')}</Typography.Text>
        </div>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" data-testid="national-workday">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('calendar.holidayName')} style={{ width: 140 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'day']} rules={[{ required: true }]}>
                    <DatePicker
                      format={[t('format.date'), 'YYYY-MM-DD']}
                      defaultPickerValue={dayjs(`${year}-01-01`)}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                {t('calendar.addWorkday')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** A correction starts from what was entered: consecutive rest days of one name make one block. */
function initialValues(current?: { source: string | null; days: CalendarDay[] }): Partial<Values> {
  const national = (current?.days ?? []).filter((d) => d.divisionCode === null);
  if (!national.length) return { holidays: [{ name: '', range: undefined as never }], workdays: [] };
  const holidays: Values['holidays'] = [];
  for (const d of national.filter((x) => x.kind === 'rest')) {
    const last = holidays.at(-1);
    const day = dayjs(d.day);
    if (last && last.name === d.name && last.range[1].add(1, 'day').isSame(day, 'day'))
      last.range = [last.range[0], day];
    else holidays.push({ name: d.name, range: [day, day] });
  }
  const workdays = national
    .filter((x) => x.kind === 'work')
    .map((d) => ({ name: d.name.replace(/调休上班$/, ''), day: dayjs(d.day) }));
  return { source: current?.source ?? '', holidays, workdays };
}
