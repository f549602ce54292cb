import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors';
import { useChangePassword } from '../app/session';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** The password policy itself is the server's; the form only checks the two entries match. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  return (
    <Form<Values>
      layout="vertical"
      onFinish={(v) =>
        change.mutate(
          { currentPassword: v.currentPassword, newPassword: v.newPassword },
          { onSuccess: onDone },
        )
      }
    >
      {change.error && (
        <Alert type="error" showIcon title={errorText(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        rules={[{ required: true }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        {t('common.save')}
      </Button>
    </Form>
  );
}
