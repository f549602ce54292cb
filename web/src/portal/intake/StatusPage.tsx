import { Alert, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { StatusTimeline } from './StatusTimeline';

/** 查询办理进度: the lookup code and the phone number given on the form. */
export function StatusPage() {
  const { t } = useTranslation();
  const lookup = useMutation({
    mutationFn: (body: { code: string; factor: string }) =>
      call(api.POST('/api/public/intake/lookup', { body })),
  });
  return (
    <Card title={t('intake.pages.status')} data-testid="intake-status-page">
      <Form
        layout="vertical"
        onFinish={(v: { code: string; factor: string }) => lookup.mutate(v)}
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          name="code"
          label={t('intake.field.code')}
          extra={t('intake.help.code')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('intake.rule.required', { label: t('intake.field.code') }),
            },
            {
              pattern: /^\s*[2-9A-HJ-NP-Za-hj-np-z]{5}-?[2-9A-HJ-NP-Za-hj-np-z]{5}\s*$/,
              message: t('intake.rule.code'),
            },
          ]}
        >
          <Input maxLength={20} autoComplete="off" placeholder="ABCDE-FGHJK" />
        </Form.Item>
        <Form.Item
          name="factor"
          label={t('intake.field.phone')}
          extra={t('intake.help.factor')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('intake.rule.required', { label: t('intake.field.phone') }),
            },
          ]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={lookup.isPending} data-testid="intake-lookup">
          {t('intake.lookup')}
        </Button>
      </Form>
      {lookup.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={errorText(lookup.error)}
          data-testid="intake-lookup-error"
        />
      )}
      {lookup.data && (
        <div style={{ marginTop: 24 }} data-testid="intake-lookup-result">
          <p>
            {t(`intake.kind.${lookup.data.kind}`, { defaultValue: lookup.data.label })} · {lookup.data.code}
          </p>
          <StatusTimeline status={lookup.data.status} />
        </div>
      )}
    </Card>
  );
}
