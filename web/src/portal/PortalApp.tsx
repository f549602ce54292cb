import { Layout, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { BoReviewBanner } from '../components/BoReviewBanner';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { IntakeRoutes } from './intake/IntakeRoutes';
import { PortalHome } from './PortalHome';
import { PortalModulePage } from './PortalModulePage';
import PortalReportsPage from './reports/PortalReportsPage';
import { initialPortalLocale, portalLocales, setPortalLocale } from './portal-locale';

/** The public portal (no login): Chinese and Tibetan, module pages under /portal/:module/*. */
export default function PortalApp() {
  const { t } = useTranslation();
  useEffect(() => void setPortalLocale(initialPortalLocale()), []);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f7f4ef' }}>
      <header className="fazhi-portal-header">
        <Link to="/portal">
          <h1 data-testid="portal-title">{t('portal.title')}</h1>
          <div style={{ color: '#f3d9da' }}>{t('portal.subtitle')}</div>
        </Link>
        <Space>
          <LanguageSwitch only={portalLocales} onChange={setPortalLocale} />
        </Space>
      </header>
      <BoReviewBanner />
      <Layout.Content style={{ padding: '32px', maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        <Routes>
          <Route index element={<PortalHome />} />
          <Route path="intake/*" element={<IntakeRoutes />} />
          <Route path="reports" element={<PortalReportsPage />} />
          <Route path=":module/*" element={<PortalModulePage />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
        {t('portal.footer')} · <Link to="/login">{t('portal.staffLogin')}</Link>
      </Layout.Footer>
    </Layout>
  );
}
