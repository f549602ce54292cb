import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { CalendarDay } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { NationalYearDialog } from './NationalYearDialog';
import { RegionalDaysDialog } from './RegionalDaysDialog';
import { useDivisionOptions } from './divisions';

/**
 * 节假日日历 (system administrator): a year's national and regional rest days and 调休 workdays, for
 * all divisions or those that apply in one; regional days are entered per notice and deleted one by one.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const manage = useCan()('calendar.manage');
  const qc = useQueryClient();
  const divisions = useDivisionOptions();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year();
  const division = params.get('division') || undefined;
  const set = (next: { year?: number; division?: string }) => {
    const v = { year, division, ...next };
    setParams({ year: String(v.year), ...(v.division ? { division: v.division } : {}) }, { replace: true });
  };
  const [adding, setAdding] = useState(false);
  const [enteringNational, setEnteringNational] = useState(false);

  const days = useQuery({
    queryKey: ['calendar-days', year, division],
    queryFn: () => call(api.GET('/api/calendar/days', { params: { query: { year, division } } })),
    placeholderData: (prev) => prev,
  });
  const remove = useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/calendar/days/{id}', { params: { path: { id } } })),
    onSuccess: async (d) => {
      void message.success(t('calendar.deleted', { date: fmt.date(d.day) }));
      await qc.invalidateQueries({ queryKey: ['calendar-days'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const data = days.data;

  return (
    <div className="fazhi-page">
      <Card
        title={t('calendar.title')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('calendar.add')}
            </Button>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Form layout="inline">
            <Form.Item label={t('calendar.year')}>
              <DatePicker
                picker="year"
                allowClear={false}
                value={dayjs(`${year}-01-01`)}
                onChange={(v) => v && set({ year: v.year() })}
                data-testid="calendar-year"
              />
            </Form.Item>
            <Form.Item label={t('calendar.division')} tooltip={t('calendar.divisionHint')}>
              <Select
                allowClear
                placeholder={t('calendar.allDivisions')}
                value={division}
                onChange={(d?: string) => set({ division: d })}
                style={{ width: 240 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={divisions}
              />
            </Form.Item>
          </Form>
          {days.error && <Alert type="error" showIcon title={errorText(days.error)} />}
          {data &&
            (data.nationalKnown ? (
              <Space>
                <Typography.Text type="secondary" data-testid="national-source">
                  {t(
                    data.nationalEnteredByHand ? 'calendar.nationalSourceByHand' : 'calendar.nationalSource',
                    {
                      year: data.year,
                      source: data.nationalSource ?? '',
                    },
                  )}
                </Typography.Text>
                {manage && data.nationalEnteredByHand && (
                  <Button
                    size="small"
                    onClick={() => setEnteringNational(true)}
                    data-testid="national-correct"
                  >
                    {t('calendar.nationalCorrect')}
                  </Button>
                )}
              </Space>
            ) : (
              <Alert
                type="warning"
                showIcon
                data-testid="national-missing"
                title={t('calendar.nationalMissing', { year: data.year })}
                action={
                  manage && (
                    <Button
                      size="small"
                      onClick={() => setEnteringNational(true)}
                      data-testid="national-enter"
                    >
                      {t('calendar.nationalEnter')}
                    </Button>
                  )
                }
              />
            ))}
          <Table<CalendarDay>
            data-testid="calendar-days"
            rowKey="id"
            size="small"
            loading={days.isFetching}
            dataSource={data?.days}
            pagination={false}
            rowClassName={(d) => (d.assumption ? 'fazhi-row-assumed' : '')}
            footer={() => data && t('calendar.count', { count: data.days.length })}
            columns={[
              {
                title: t('calendar.date'),
                dataIndex: 'day',
                width: 190,
                render: (d: string) => `${fmt.date(d)} ${fmt.weekday(d)}`,
              },
              {
                title: t('calendar.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: CalendarDay['kind']) => (
                  <Tag color={k === 'rest' ? 'red' : 'blue'}>{t(`calendar.kinds.${k}`)}</Tag>
                ),
              },
              { title: t('calendar.name'), dataIndex: 'name', width: 180 },
              {
                title: t('calendar.scope'),
                dataIndex: 'divisionName',
                width: 130,
                render: (n: string | null) => n ?? <Tag>{t('calendar.national')}</Tag>,
              },
              {
                title: t('calendar.source'),
                dataIndex: 'source',
                ellipsis: { showTitle: true },
                render: (s: string, d) => (
                  <Space size={4}>
                    {d.assumption && (
                      <Tag color="orange" data-testid="assumed">
                        {t('calendar.assumed')}
                      </Tag>
                    )}
                    <span title={s}>{s}</span>
                  </Space>
                ),
              },
              ...(manage
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 90,
                      render: (_: unknown, d: CalendarDay) =>
                        d.divisionCode !== null && (
                          <Popconfirm
                            title={t('calendar.deleteConfirm', { date: fmt.date(d.day), name: d.name })}
                            onConfirm={() => remove.mutate(d.id)}
                          >
                            <Button type="link" size="small" danger>
                              {t('calendar.delete')}
                            </Button>
                          </Popconfirm>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      </Card>
      <NationalYearDialog
        year={year}
        open={enteringNational}
        current={data?.nationalEnteredByHand ? { source: data.nationalSource, days: data.days } : undefined}
        onClose={() => setEnteringNational(false)}
        onSaved={(count) => {
          setEnteringNational(false);
          void message.success(t('calendar.nationalSaved', { year, count }));
        }}
      />
      <RegionalDaysDialog
        open={adding}
        division={division}
        onClose={() => setAdding(false)}
        onAdded={(added) => {
          setAdding(false);
          const first = added[0];
          void message.success(t('calendar.added', { count: added.length }));
          // show the year of what was entered
          if (first && dayjs(first.day).year() !== year) set({ year: dayjs(first.day).year() });
        }}
      />
    </div>
  );
}
