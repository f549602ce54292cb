import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import type { ReportListItem } from './types';

/** Days (and working days) left to the 1 April publication deadline; red once it has passed. */
export function Countdown({
  report,
}: {
  report: Pick<ReportListItem, 'countdown' | 'state' | 'publishedOn'>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = report.countdown;
  if (report.state === 'published')
    return <Tag color="green">{t('reports.publishedOn', { date: fmt.date(report.publishedOn) })}</Tag>;
  const text = c.overdue
    ? t('reports.overdue', { days: -c.daysLeft })
    : c.workdaysLeft === null
      ? t('reports.daysLeft', { days: c.daysLeft })
      : t('reports.daysLeftWork', { days: c.daysLeft, workdays: c.workdaysLeft });
  return (
    <Tooltip title={t('reports.deadlineRule', { date: fmt.date(c.deadline), article: c.article })}>
      <Tag color={c.overdue ? 'red' : c.daysLeft <= 30 ? 'orange' : 'blue'} data-testid="report-countdown">
        {text}
      </Tag>
    </Tooltip>
  );
}
