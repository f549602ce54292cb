import { Card, Col, Empty, Row, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFigureText } from './figureFormat';
import type { Board } from './queries';

/** The year's figures of every module that registers any, each opening the records it counts. */
export function FiguresTab({ board }: { board: Board }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const navigate = useNavigate();
  if (!board.modules.length) return <Empty description={t('dashboard.noFigures')} />;
  return (
    <Row gutter={[16, 16]} data-testid="figures-by-module">
      {board.modules.map((m) => (
        <Col key={m.name} xs={24} xl={m.figures.length > 8 ? 24 : 12}>
          <Card size="small" title={m.label} data-testid={`module-${m.name}`}>
            <Row gutter={[12, 12]}>
              {m.figures.map((f) => (
                <Col key={f.key} xs={12} md={8} xl={m.figures.length > 8 ? 4 : 8}>
                  <Tooltip title={`${f.label}。${t('dashboard.definition')}：${f.definition}`}>
                    <Card
                      size="small"
                      hoverable={!!f.link}
                      onClick={() => f.link && void navigate(f.link)}
                      data-testid={`figure-${f.key}`}
                    >
                      <Statistic
                        title={<Typography.Text ellipsis>{f.label}</Typography.Text>}
                        value={text(f.value, f.unit)}
                      />
                    </Card>
                  </Tooltip>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
