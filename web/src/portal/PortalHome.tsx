import { Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../app/errors';
import { usePortalPages } from './usePortalPages';

/** The services the modules publish (GET /api/public/pages), or a note that they are on their way. */
export function PortalHome() {
  const { t } = useTranslation();
  const pages = usePortalPages();
  return (
    <Card title={t('portal.services')}>
      {pages.isPending && <Spin />}
      {pages.error && <Typography.Text type="danger">{errorText(pages.error)}</Typography.Text>}
      {pages.data?.length === 0 && <Empty data-testid="portal-empty" description={t('portal.empty')} />}
      <Row gutter={[16, 16]}>
        {pages.data?.map((p) => (
          <Col key={p.path} xs={24} sm={12} md={8}>
            <Link to={p.path}>
              <Card hoverable size="small">
                {t(p.key, { defaultValue: p.label })}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
