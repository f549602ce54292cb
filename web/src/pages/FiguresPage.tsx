import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Figure } from '../api/types';
import { errorText } from '../app/errors';
import { useFormat } from '../app/format';
import { useMe } from '../app/session';
import { useDivisions } from './admin/units';

// The period the annual report in the demo covers; a link may carry ?division=&from=&to=.
const DEFAULT_FROM = '2023-01-01';
const DEFAULT_TO = '2023-12-31';

/** 指标: every registered figure for a division and period, with its definition (口径). */
export default function FiguresPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: me } = useMe();
  const divisions = useDivisions();
  const [params, setParams] = useSearchParams();
  const division = params.get('division') ?? me?.divisionCode.slice(0, 6) ?? '540626';
  const range: [Dayjs, Dayjs] = [
    dayjs(params.get('from') ?? DEFAULT_FROM),
    dayjs(params.get('to') ?? DEFAULT_TO),
  ];
  const query = { division, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const set = (next: Partial<typeof query>) => setParams({ ...query, ...next }, { replace: true });
  const figures = useQuery({
    queryKey: ['figures', query],
    queryFn: () => call(api.GET('/api/figures', { params: { query } })),
  });
  return (
    <div className="fazhi-page">
      <Card title={t('figures.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Form layout="inline">
            <Form.Item label={t('figures.division')}>
              <Select
                value={division}
                onChange={(d) => set({ division: d })}
                style={{ width: 220 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={(divisions.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              />
            </Form.Item>
            <Form.Item label={t('figures.period')}>
              <DatePicker.RangePicker
                value={range}
                allowClear={false}
                onChange={(v) =>
                  v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
                }
              />
            </Form.Item>
          </Form>
          {figures.error && <Typography.Text type="danger">{errorText(figures.error)}</Typography.Text>}
          <Table<Figure>
            data-testid="figure-table"
            rowKey="key"
            size="small"
            loading={figures.isFetching}
            dataSource={figures.data?.figures}
            pagination={false}
            columns={[
              { title: t('figures.label'), dataIndex: 'label', width: 220 },
              {
                title: t('figures.value'),
                dataIndex: 'value',
                width: 120,
                align: 'right',
                render: (v: number | null) =>
                  v === null ? (
                    <Typography.Text type="secondary">{t('figures.noValue')}</Typography.Text>
                  ) : (
                    fmt.number(v)
                  ),
              },
              { title: t('figures.unit'), dataIndex: 'unit', width: 80 },
              { title: t('figures.definition'), dataIndex: 'definition' },
              { title: t('figures.module'), dataIndex: 'module', width: 100 },
            ]}
          />
        </Space>
      </Card>
    </div>
  );
}
