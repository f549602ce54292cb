import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import type { ReportView } from './types';

export type Decision = 'startComments' | 'approve' | 'return' | 'secrecy' | 'publish';

interface Values {
  dueOn?: Dayjs;
  publishedOn?: Dayjs;
  comment?: string;
  note?: string;
  result?: 'passed' | 'failed';
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** One dialog for the workflow steps that take input: a due date, a leader's word, a reviewer's finding. */
export function DecisionDialog(props: {
  report: ReportView;
  decision: Decision | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const d = props.decision;
  const path = { params: { path: { id: props.report.id } } };
  const run = useMutation({
    mutationFn: (v: Values) => {
      switch (d) {
        case 'startComments':
          return call(
            api.POST('/api/reports/{id}/comments/start', {
              ...path,
              body: { dueOn: day(v.dueOn)!, note: v.note },
            }),
          );
        case 'approve':
        case 'return':
          return call(
            api.POST('/api/reports/{id}/signoff', { ...path, body: { decision: d, comment: v.comment } }),
          );
        case 'secrecy':
          return call(
            api.POST('/api/reports/{id}/secrecy-review', {
              ...path,
              body: { result: v.result ?? 'passed', note: v.note ?? '' },
            }),
          );
        default:
          return call(
            api.POST('/api/reports/{id}/publish', { ...path, body: { publishedOn: day(v.publishedOn) } }),
          );
      }
    },
    onSuccess: () => {
      props.onDone();
      props.onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const titles: Record<Decision, string> = {
    startComments: t('reports.startComments'),
    approve: t('reports.approve'),
    return: t('reports.return'),
    secrecy: t('reports.secrecyReview'),
    publish: t('reports.publish'),
  };
  return (
    <Modal
      title={d ? titles[d] : ''}
      open={!!d}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      afterOpenChange={(o) => !o && run.reset()}
      okButtonProps={{ 'data-testid': 'decision-ok' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ dueOn: dayjs().add(7, 'day'), result: 'passed' }}
        onFinish={(v) => {
          clearFieldErrors(form);
          run.mutate(v);
        }}
      >
        {d === 'startComments' && (
          <>
            <Form.Item name="dueOn" label={t('reports.dueOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="note" label={t('reports.roundNote')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {(d === 'approve' || d === 'return') && (
          <Form.Item
            name="comment"
            label={t('reports.signComment')}
            rules={d === 'return' ? [{ required: true, message: t('reports.returnNeedsComment') }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="sign-comment" />
          </Form.Item>
        )}
        {d === 'secrecy' && (
          <>
            <Form.Item name="result" label={t('reports.secrecyResult')}>
              <Radio.Group
                options={[
                  { value: 'passed', label: t('reports.secrecyPassed') },
                  { value: 'failed', label: t('reports.secrecyFailed') },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('reports.secrecyNote')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="secrecy-note" />
            </Form.Item>
          </>
        )}
        {d === 'publish' && (
          <Form.Item
            name="publishedOn"
            label={t('reports.publishedOnLabel')}
            extra={t('reports.publishedOnHelp')}
          >
            <DatePicker />
          </Form.Item>
        )}
      </Form>
      {run.error && <Alert type="error" showIcon title={errorText(run.error)} />}
    </Modal>
  );
}
