import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useNav } from '../app/Shell';

/** A path in the user's navigation whose page is not built yet, or no page at all. */
export function UnknownPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entry = useNav().data?.find((n) => n.path === pathname);
  return entry ? (
    <Result
      status="info"
      title={t(entry.key, { defaultValue: entry.label })}
      subTitle={t('module.pending')}
    />
  ) : (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={<Button onClick={() => void navigate('/')}>{t('notFound.back')}</Button>}
    />
  );
}
