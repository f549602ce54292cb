import { useTranslation } from 'react-i18next';

/**
 * Names of the server's codes (case status, grade, source) in the interface language. The server
 * sends the Chinese name with each code; en and bo translate it in their catalogues, and zh-CN shows
 * the server's own, so the Chinese is written once (kinds.ts).
 */
export function useMediationLabels() {
  const { t } = useTranslation();
  const of = (group: string) => (code: string, chinese: string) =>
    t(`mediation.${group}.${code}`, { defaultValue: chinese });
  return { status: of('statusName'), grade: of('gradeName'), source: of('sourceName') };
}
