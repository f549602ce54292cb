import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { errorText } from '../app/errors';
import { useLogin, useMe } from '../app/session';
import { BoReviewBanner } from '../components/BoReviewBanner';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { storeLocale } from '../i18n';
import i18n from '../i18n';

type State = { reason?: 'expired' | 'loggedOut'; from?: string } | null;

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as State;
  const { data: me } = useMe();
  const login = useLogin();
  if (me && !login.isPending) return <Navigate to={state?.from ?? '/'} replace />;

  const notice =
    state?.reason === 'expired'
      ? t('login.expired')
      : state?.reason === 'loggedOut'
        ? t('login.loggedOut')
        : null;
  return (
    <div className="fazhi-login">
      <Card style={{ width: 400, maxWidth: '92vw' }} data-testid="login-card">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <LanguageSwitch
              onChange={(l) => {
                storeLocale(l);
                void i18n.changeLanguage(l);
              }}
            />
          </div>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <BoReviewBanner />
          {notice && !login.error && (
            <Alert type="warning" showIcon title={notice} data-testid="login-notice" />
          )}
          {login.error && (
            <Alert type="error" showIcon title={errorText(login.error)} data-testid="login-error" />
          )}
          <Form
            layout="vertical"
            onFinish={(v: { username: string; password: string }) =>
              login.mutate(v, { onSuccess: () => void navigate(state?.from ?? '/', { replace: true }) })
            }
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <Link to="/portal">{t('login.portal')}</Link>
        </Space>
      </Card>
    </div>
  );
}
