import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { AuditEvent, AuditQuery } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';

type Filter = Omit<AuditQuery, 'before' | 'pageSize'>;
type FormValues = { actor?: string; entity?: string; action?: string; range?: [Dayjs, Dayjs] | null };

/** 审计日志 (auditor): filter by actor, entity, action and dates; keyset paging; verify the SM3 chain. */
export default function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filter, setFilter] = useState<Filter>({});
  const events = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/audit/events', { params: { query: { ...filter, before: pageParam, pageSize: 50 } } }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => call(api.GET('/api/audit/verify')) });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  const onSearch = (v: FormValues) =>
    setFilter({
      actor: v.actor || undefined,
      entity: v.entity || undefined,
      action: v.action || undefined,
      from: v.range?.[0].format('YYYY-MM-DD'),
      to: v.range?.[1].format('YYYY-MM-DD'),
    });

  return (
    <div className="fazhi-page">
      <Card
        title={t('audit.title')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {verify.data && (
            <Alert
              data-testid="verify-result"
              showIcon
              type={verify.data.ok ? 'success' : 'error'}
              title={
                verify.data.ok
                  ? t('audit.verifyOk', { rows: fmt.number(verify.data.rows) })
                  : t('audit.verifyBroken', { id: verify.data.brokenAt, reason: verify.data.reason ?? '' })
              }
            />
          )}
          {verify.error && <Alert type="error" showIcon title={errorText(verify.error)} />}
          <Form<FormValues> layout="inline" onFinish={onSearch}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="entity" label={t('audit.entity')}>
              <Input allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="action" label={t('audit.action')}>
              <Input allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="range" label={t('audit.dateRange')}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form>
          {events.error && <Typography.Text type="danger">{errorText(events.error)}</Typography.Text>}
          <Table<AuditEvent>
            data-testid="audit-table"
            rowKey="id"
            size="small"
            loading={events.isFetching}
            dataSource={rows}
            pagination={false}
            expandable={{
              rowExpandable: (r) => !!r.diff,
              expandedRowRender: (r) => (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.diff, null, 2)}</pre>
              ),
            }}
            columns={[
              { title: '#', dataIndex: 'id', width: 80 },
              { title: t('audit.at'), dataIndex: 'at', width: 200, render: (v: string) => fmt.dateTime(v) },
              { title: t('audit.actor'), dataIndex: 'actorName', width: 160 },
              { title: t('audit.action'), dataIndex: 'action' },
              { title: t('audit.entity'), dataIndex: 'entity' },
              { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
              { title: t('audit.ip'), dataIndex: 'ip', width: 130 },
            ]}
          />
          <div style={{ textAlign: 'center' }}>
            {events.hasNextPage ? (
              <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                {t('audit.more')}
              </Button>
            ) : (
              rows.length > 0 && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
            )}
          </div>
        </Space>
      </Card>
    </div>
  );
}
