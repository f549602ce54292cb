import { Alert, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../app/session';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Shown instead of the app while the account still has its initial password. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <div className="fazhi-login">
      <Card style={{ width: 440, maxWidth: '92vw' }} data-testid="forced-password">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('password.forcedTitle')}
          </Typography.Title>
          <Alert type="info" showIcon title={t('password.forcedHint')} />
          <ChangePasswordForm onDone={() => undefined} />
          <Button type="link" onClick={() => logout.mutate()}>
            {t('userMenu.logout')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
