import { DownOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Layout, Menu, Modal, Space, Spin, Typography, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import type { NavItem } from '../api/types';
import { BoReviewBanner } from '../components/BoReviewBanner';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from '../components/NotificationBell';
import { useLogout, useMe, useSetLocale } from './session';

export function useNav() {
  return useQuery({ queryKey: ['nav'], queryFn: () => call(api.GET('/api/nav')) });
}

function menuItems(nav: NavItem[], t: TFunction): MenuProps['items'] {
  const entry = (n: NavItem) => ({ key: n.path, label: t(n.key, { defaultValue: n.label }) });
  const groups = [
    { group: 'work', label: t('nav.groupWork') },
    { group: 'admin', label: t('nav.groupAdmin') },
  ];
  return [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    ...groups
      .map((g) => ({ ...g, children: nav.filter((n) => n.group === g.group).map(entry) }))
      .filter((g) => g.children.length > 0)
      .map((g) => ({ type: 'group' as const, key: g.group, label: g.label, children: g.children })),
  ];
}

/** The signed-in layout: side menu from /api/nav, header with the message bell, language and user menus. */
export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const nav = useNav();
  const logout = useLogout();
  const setLocale = useSetLocale();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [changing, setChanging] = useState(false);

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('userMenu.logout'), danger: true },
  ];
  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout')
      logout.mutate(undefined, {
        onSettled: () => void navigate('/login', { replace: true, state: { reason: 'loggedOut' } }),
      });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="light">
        <div style={{ padding: '16px 20px', background: '#8c1c22' }}>
          <div className="fazhi-brand" title={t('app.title')}>
            {t('app.short')}
          </div>
        </div>
        <Menu
          data-testid="side-menu"
          mode="inline"
          selectedKeys={[pathname]}
          items={menuItems(nav.data ?? [], t)}
          onClick={({ key }) => void navigate(key)}
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
            {t('app.title')}
          </Typography.Text>
          <Space size="middle">
            <NotificationBell />
            <LanguageSwitch onChange={setLocale} />
            <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
              <Button type="text" data-testid="user-menu" icon={<UserOutlined />}>
                {me?.displayName} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <BoReviewBanner />
        <Layout.Content>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Modal
        title={t('password.title')}
        open={changing}
        footer={null}
        destroyOnHidden
        onCancel={() => setChanging(false)}
      >
        <ChangePasswordForm onDone={() => setChanging(false)} />
      </Modal>
    </Layout>
  );
}
