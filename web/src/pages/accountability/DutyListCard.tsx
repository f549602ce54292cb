import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The reporter's 第一责任人职责清单, beside the report it is measured against. */
export function DutyListCard({ items, postLabel }: { items: string[] | undefined; postLabel: string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('accountability.dutyList', { post: postLabel })}
      data-testid="duty-list"
      style={{ background: '#fafafa' }}
    >
      {items?.length ? (
        <ol style={{ paddingInlineStart: 20, margin: 0 }}>
          {items.map((d) => (
            <li key={d} style={{ marginBottom: 6 }}>
              <Typography.Text>{d}</Typography.Text>
            </li>
          ))}
        </ol>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
