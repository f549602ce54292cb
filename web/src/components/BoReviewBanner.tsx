import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** While the Tibetan catalogue awaits a native speaker's review, say so. */
export function BoReviewBanner() {
  const { t, i18n } = useTranslation();
  if (i18n.language !== 'bo') return null;
  return <Alert data-testid="bo-banner" type="info" banner showIcon={false} title={t('boBanner')} />;
}
