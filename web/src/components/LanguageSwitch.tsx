import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { locales } from '../i18n';

/** zh-CN / en / bo; `only` narrows the choice (the portal offers Chinese and Tibetan). */
export function LanguageSwitch({
  onChange,
  only = locales,
}: {
  onChange: (l: Locale) => void | Promise<void>;
  only?: Locale[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <Select<Locale>
      data-testid="language-switch"
      aria-label={t('lang.label')}
      value={i18n.language as Locale}
      onChange={(l) => void onChange(l)}
      suffixIcon={<GlobalOutlined />}
      style={{ minWidth: 120 }}
      options={only.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}
