import { CalculatorOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Deadline, DeadlineQuery, PeriodUnit } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useMe } from '../../app/session';
import { useDivisionOptions } from './divisions';

// Every unit the API accepts: Record<PeriodUnit, …> fails to compile if the enum changes.
const unitSet = { workday: 1, day: 1, month: 1, year: 1 } satisfies Record<PeriodUnit, 1>;
const periodUnits = Object.keys(unitSet) as PeriodUnit[];
const isUnit = (v: string | null): v is PeriodUnit => !!v && v in unitSet;

type Values = { start: Dayjs; length: number; unit: PeriodUnit; division?: string };
type DayNote = Deadline['skipped'][number];

/**
 * 期间计算: the last day of a period from a start date, for a division's calendar. The rule, the
 * articles and the days skipped all come from GET /api/calendar/deadline; the query lives in the URL.
 */
export default function DeadlinePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: me } = useMe();
  const divisions = useDivisionOptions(me?.divisionCode);
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit');
  const query: DeadlineQuery | null =
    params.get('start') && params.get('length') && isUnit(unit)
      ? {
          start: params.get('start')!,
          length: Number(params.get('length')),
          unit,
          division: params.get('division') || undefined,
        }
      : null;
  const deadline = useQuery({
    queryKey: ['deadline', query],
    queryFn: () => call(api.GET('/api/calendar/deadline', { params: { query: query! } })),
    enabled: !!query,
  });

  const onFinish = (v: Values) =>
    setParams(
      {
        start: v.start.format('YYYY-MM-DD'),
        length: String(v.length),
        unit: v.unit,
        ...(v.division ? { division: v.division } : {}),
      },
      { replace: true },
    );
  const initial: Partial<Values> = {
    start: query ? dayjs(query.start) : undefined,
    length: query?.length,
    unit: query?.unit ?? 'workday',
    division: query ? query.division : me?.divisionCode,
  };
  const dayColumns = [
    {
      title: t('deadline.date'),
      dataIndex: 'date',
      width: 220,
      render: (d: string) => `${fmt.date(d)} ${fmt.weekday(d)}`,
    },
    { title: t('deadline.reason'), dataIndex: 'reason' },
  ];
  const d = deadline.data;

  return (
    <div className="fazhi-page">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('deadline.title')}>
          <Typography.Paragraph type="secondary">{t('deadline.intro')}</Typography.Paragraph>
          <Form<Values>
            layout="inline"
            initialValues={initial}
            onFinish={onFinish}
            data-testid="deadline-form"
          >
            <Form.Item name="start" label={t('deadline.start')} rules={[{ required: true }]}>
              <DatePicker format={[t('format.date'), 'YYYY-MM-DD']} allowClear={false} />
            </Form.Item>
            <Form.Item name="length" label={t('deadline.length')} rules={[{ required: true }]}>
              <InputNumber min={1} max={3660} precision={0} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="unit" label={t('deadline.unit')} rules={[{ required: true }]}>
              <Select
                style={{ width: 110 }}
                options={periodUnits.map((u) => ({ value: u, label: t(`periodUnit.${u}`) }))}
              />
            </Form.Item>
            <Form.Item name="division" label={t('deadline.division')} tooltip={t('deadline.divisionHint')}>
              <Select
                allowClear
                placeholder={t('deadline.nationalOnly')}
                style={{ width: 240 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={divisions}
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<CalculatorOutlined />}
              loading={deadline.isFetching}
            >
              {t('deadline.compute')}
            </Button>
          </Form>
        </Card>

        {deadline.error && <Alert type="error" showIcon title={errorText(deadline.error)} />}
        {d && (
          <Card title={t('deadline.result')} data-testid="deadline-result">
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <div>
                <Typography.Text type="secondary">{t('deadline.end')}</Typography.Text>
                <Typography.Title level={2} style={{ margin: '4px 0 0' }} data-testid="deadline-end">
                  {fmt.date(d.end)} {fmt.weekday(d.end)}
                </Typography.Title>
                <Typography.Text type="secondary">{t('deadline.endHint')}</Typography.Text>
              </div>
              <Descriptions
                bordered
                size="small"
                column={1}
                styles={{ label: { width: 160 } }}
                items={[
                  {
                    key: 'period',
                    label: t('deadline.period'),
                    children: t('deadline.periodText', {
                      start: fmt.date(d.start),
                      length: d.rule.length,
                      unit: t(`periodUnit.${d.rule.unit}`),
                    }),
                  },
                  {
                    key: 'division',
                    label: t('deadline.division'),
                    children: d.division
                      ? `${d.division.name}（${d.division.code}）`
                      : t('deadline.nationalOnly'),
                  },
                  ...(d.nominalEnd !== d.end
                    ? [{ key: 'nominal', label: t('deadline.nominalEnd'), children: fmt.date(d.nominalEnd) }]
                    : []),
                  {
                    key: 'law',
                    label: t('deadline.law'),
                    children: d.rule.law ? (
                      <span data-testid="deadline-law">
                        《{d.rule.law}》{d.rule.article}
                        {d.rule.extendable && (
                          <Tag style={{ marginInlineStart: 8 }}>
                            {t('deadline.extendable', d.rule.extendable)}
                          </Tag>
                        )}
                      </span>
                    ) : (
                      <Typography.Text type="secondary">{t('deadline.noLaw')}</Typography.Text>
                    ),
                  },
                  {
                    key: 'basis',
                    label: t('deadline.basis'),
                    children: <span data-testid="deadline-basis">{d.rule.basis}</span>,
                  },
                  {
                    key: 'description',
                    label: t('deadline.description'),
                    children: <span data-testid="deadline-description">{d.rule.description}</span>,
                  },
                ]}
              />
              <Table<DayNote>
                data-testid="deadline-skipped"
                title={() => t('deadline.skipped', { count: d.skipped.length })}
                rowKey="date"
                size="small"
                pagination={false}
                dataSource={d.skipped}
                columns={dayColumns}
                locale={{ emptyText: t('deadline.noneSkipped') }}
              />
              {d.adjustedWorkdays.length > 0 && (
                <Table<DayNote>
                  data-testid="deadline-adjusted"
                  title={() => t('deadline.adjusted', { count: d.adjustedWorkdays.length })}
                  rowKey="date"
                  size="small"
                  pagination={false}
                  dataSource={d.adjustedWorkdays}
                  columns={dayColumns}
                />
              )}
            </Space>
          </Card>
        )}
      </Space>
    </div>
  );
}
