import { useTranslation } from 'react-i18next';

/**
 * Names of the server's codes (stage, channel, procedure, deadline, document, decision type, history event) in the
 * interface language. The server sends the Chinese name with each code; en and bo translate it in
 * their catalogues, and zh-CN shows the server's own, so the Chinese is written once (kinds.ts).
 */
export function useRcLabels() {
  const { t } = useTranslation();
  const of = (group: string) => (code: string | null | undefined, chinese: string | null | undefined) =>
    code ? t(`reconsideration.${group}.${code}`, { defaultValue: chinese ?? code }) : (chinese ?? '');
  return {
    stage: of('stageName'),
    channel: of('channelName'),
    procedure: of('procedures'),
    deadline: of('deadlineName'),
    document: of('documentName'),
    decision: of('decisionName'),
    event: of('eventName'),
  };
}
