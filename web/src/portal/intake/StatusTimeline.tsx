import { Descriptions, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import type { Receipt } from './submit';

/** Where a submission stands: stage, case number, the next statutory date, and the history. */
export function StatusTimeline({ status }: { status: Receipt['status'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const stage = (code: string, zh: string) => t(`intake.stage.${code}`, { defaultValue: zh });
  return (
    <>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('intake.currentStage')}>
          <span data-testid="intake-stage">{stage(status.stageCode, status.stage)}</span>
        </Descriptions.Item>
        {status.caseNumber && (
          <Descriptions.Item label={t('intake.caseNumber')}>{status.caseNumber}</Descriptions.Item>
        )}
        {status.nextDeadline && (
          <Descriptions.Item label={t('intake.nextDeadline')}>
            {fmt.date(status.nextDeadline.date)}（{status.nextDeadline.label}，{status.nextDeadline.article}）
          </Descriptions.Item>
        )}
      </Descriptions>
      <Timeline
        items={status.history.map((h) => ({
          content: `${fmt.date(h.at)} ${stage(h.stageCode, h.stage)}`,
        }))}
      />
    </>
  );
}
