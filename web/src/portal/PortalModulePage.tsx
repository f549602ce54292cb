import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { usePortalPages } from './usePortalPages';

/**
 * /portal/:module/* — where a module's public pages mount. Until a module ships its portal
 * components, a published page shows its title and a "being built" note.
 */
export function PortalModulePage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const page = usePortalPages().data?.find((p) => p.path === pathname);
  return (
    <Result
      status={page ? 'info' : '404'}
      title={page ? t(page.key, { defaultValue: page.label }) : t('notFound.title')}
      subTitle={page ? t('module.pending') : undefined}
      extra={<Button onClick={() => void navigate('/portal')}>{t('portal.back')}</Button>}
    />
  );
}
