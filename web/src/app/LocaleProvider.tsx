import { ConfigProvider, App as AntApp } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { boCN } from './antd-bo';

const FONT =
  '"Noto Sans Tibetan", "Noto Serif Tibetan", -apple-system, BlinkMacSystemFont, "Segoe UI", ' +
  '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif';

/** antd and dayjs follow the interface language; Tibetan has its own antd texts over the Chinese dates. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : lang === 'bo' ? boCN : zhCN}
      theme={{ token: { fontFamily: FONT, colorPrimary: '#b4282d', borderRadius: 4 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
