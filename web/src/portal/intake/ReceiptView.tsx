import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { StatusTimeline } from './StatusTimeline';
import type { Receipt } from './submit';

/** 回执: the lookup code to keep, what was received, and what happens next. */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card data-testid="intake-receipt">
      <Result
        status="success"
        title={t('intake.receipt.title')}
        subTitle={t('intake.receipt.keepCode')}
        extra={
          <Typography.Title
            level={2}
            copyable
            style={{ letterSpacing: 4, margin: 0 }}
            data-testid="intake-code"
          >
            {receipt.code}
          </Typography.Title>
        }
      />
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('intake.receipt.kind')}>
          {t(`intake.kind.${receipt.kind}`, { defaultValue: receipt.label })}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.receipt.receivedAt')}>
          {fmt.dateTime(receipt.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.receipt.files')}>
          {receipt.files.length ? receipt.files.map((f) => f.name).join('、') : t('intake.receipt.noFiles')}
        </Descriptions.Item>
      </Descriptions>
      <StatusTimeline status={receipt.status} />
      <Typography.Title level={5}>{t('intake.receipt.next')}</Typography.Title>
      <Typography.Paragraph data-testid="intake-next">
        {t(`intake.next.${receipt.kind}`, { defaultValue: t('intake.next.default') })}
      </Typography.Paragraph>
      <Space>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('intake.receipt.print')}
        </Button>
        <Link to="/portal/intake/status">
          <Button type="primary">{t('intake.pages.status')}</Button>
        </Link>
      </Space>
    </Card>
  );
}
