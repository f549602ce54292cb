import { DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { Link } from 'react-router';
import { useCan, useMe } from '../app/session';

export default function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const fmt = useFormat();
  const can = useCan();
  if (!me) return null;
  return (
    <div className="fazhi-page">
      <Card>
        <Space orientation="vertical" size="middle">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="welcome">
            {t('home.welcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('home.today', { date: fmt.date(dayjs().format('YYYY-MM-DD')) })}
          </Typography.Text>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('home.unit')}>{me.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('home.roles')}>
              {me.roles.map((r) => (
                <Tag key={`${r.code}-${r.unitId}`}>
                  {r.name}
                  {r.unitName && r.unitId !== me.unitId ? `（${r.unitName}）` : ''}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
          {can('dashboard.read') && (
            <Link to="/dashboard" data-testid="home-dashboard">
              <Button type="primary" icon={<DashboardOutlined />}>
                {t('home.dashboard')}
              </Button>
            </Link>
          )}
        </Space>
      </Card>
    </div>
  );
}
