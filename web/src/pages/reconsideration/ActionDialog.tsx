import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { actionSpecs, type FieldSpec } from './actions';
import type { CaseView, Meta } from './types';
import { useRcLabels } from './labels';

const split = (v: unknown) =>
  String(v ?? '')
    .split(/[、，,;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Form values → the body the route takes (dates as YYYY-MM-DD, lists as arrays). */
function bodyOf(fields: FieldSpec[], v: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const x = v[f.name];
    if (x === undefined || x === null || x === '') continue;
    if (f.kind === 'date') out[f.name] = (x as Dayjs).format('YYYY-MM-DD');
    else if (f.kind === 'names') out[f.name] = split(x);
    else if (f.kind === 'lines')
      out[f.name] = String(x)
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    else out[f.name] = x;
  }
  return out;
}

/** One step on a case, as the server offered it; the server checks every rule and names what is wrong. */
export function ActionDialog({
  action,
  c,
  meta,
  onClose,
}: {
  action: string | null;
  c: CaseView;
  meta?: Meta;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useRcLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Record<string, unknown>>();
  const spec = action ? actionSpecs[action] : null;
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) => {
      const id = { params: { path: { id: c.id } }, body: body as never };
      if (spec!.method === 'PATCH') return call(api.PATCH('/api/reconsideration/cases/{id}', id));
      // every step route has the same shape: /cases/{id}/<step>, answering the case
      return call(
        api.POST(
          `/api/reconsideration/cases/{id}/${spec!.path}` as '/api/reconsideration/cases/{id}/accept',
          id,
        ),
      );
    },
    onSuccess: async (v: CaseView) => {
      void message.success(t('reconsideration.done', { stage: label.stage(v.stage, v.stageLabel) }));
      // read the case again: the office's own view shows the applicant's numbers (an audited read)
      await qc.invalidateQueries({ queryKey: ['reconsideration'] });
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  if (!spec || !action) return null;
  const initial: Record<string, unknown> = {};
  for (const f of spec.fields)
    if (f.kind === 'date' && f.required && f.name !== 'hearingOn' && f.name !== 'to')
      initial[f.name] = dayjs();
  if (action === 'accept') initial.procedure = 'normal';
  if (action === 'update' || action === 'accept') {
    initial.officers = c.officers.join('、');
    initial.major = c.major;
    if (action === 'update') initial.respondentSuperior = c.respondentSuperior;
  }
  return (
    <Modal
      open
      title={t(`reconsideration.actions.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: run.isPending, danger: spec.danger, ...{ 'data-testid': 'rc-action-ok' } }}
      destroyOnHidden
      width={640}
    >
      {run.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(run.error)} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          clearFieldErrors(form);
          run.mutate(bodyOf(spec.fields, v));
        }}
        data-testid="rc-action-form"
      >
        {spec.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(`reconsideration.f.${f.name}`)}
            required={f.required}
            valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
          >
            {f.kind === 'date' ? (
              <DatePicker format={t('format.date')} />
            ) : f.kind === 'area' || f.kind === 'lines' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            ) : f.kind === 'select' ? (
              <Select allowClear options={meta ? f.options!(meta) : []} />
            ) : f.kind === 'number' ? (
              <InputNumber min={1} max={30} />
            ) : f.kind === 'bool' ? (
              <Checkbox />
            ) : f.kind === 'hearing' ? (
              <Select
                options={c.hearings
                  .filter((h) => !h.heldOn)
                  .map((h) => ({ value: h.id, label: `${h.hearingOn} ${h.place}` }))}
              />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
