import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Dates as 2023年7月1日 (zh), numbers with the locale's grouping; formats live in the catalogues. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const numberLocale = i18n.language === 'en' ? 'en-US' : 'zh-CN';
  const nf = new Intl.NumberFormat(numberLocale);
  return {
    date: (v: string | null | undefined) => (v ? dayjs(v).format(t('format.date')) : ''),
    /** 星期四: the weekday names live in the catalogues (weekday.0 = Sunday) */
    weekday: (v: string) => t(`weekday.${dayjs(v).day()}`),
    dateTime: (v: string | null | undefined) => (v ? dayjs(v).format(t('format.dateTime')) : ''),
    number: (v: number | null | undefined) => (v === null || v === undefined ? '' : nf.format(v)),
  };
}
