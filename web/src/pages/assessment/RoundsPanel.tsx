import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { AssessmentResult, AssessmentRound } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { EChart, type ChartOption } from '../../components/EChart';
import { useParam } from './AssessmentPage';
import { NewRoundDialog } from './NewRoundDialog';
import { SheetDrawer } from './SheetDrawer';

/** The ranking as horizontal bars, first place on top; a bar opens that unit's sheet. */
function rankingOption(round: AssessmentRound, pointsLabel: string): ChartOption {
  const rows = round.results;
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: rows[0]?.maxPoints, name: pointsLabel },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.unitName) },
    series: [
      {
        type: 'bar',
        name: pointsLabel,
        data: rows.map((r) => ({ value: r.total, unitId: r.unitId })),
        label: { show: true, position: 'right' },
        itemStyle: { color: '#b4282d' },
        barMaxWidth: 22,
      },
    ],
  };
}

/**
 * 考核 rounds: the ranking (totals and ranks as the server computes them, visible to the organisers
 * always and to others once published), a bar chart of it, and each unit's sheet. The office publishes.
 */
export function RoundsPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const manage = useCan()('assessment.manage');
  const p = useParam();
  const rounds = useQuery({
    queryKey: ['assessment', 'rounds'],
    queryFn: () => call(api.GET('/api/assessment/rounds')),
  });
  const roundId = p.get('roundId') ?? rounds.data?.[0]?.id;
  const round = useQuery({
    queryKey: ['assessment', 'round', roundId],
    queryFn: () => call(api.GET('/api/assessment/rounds/{id}', { params: { path: { id: roundId! } } })),
    enabled: !!roundId,
  });
  const [publishing, setPublishing] = useState(false);
  const [creating, setCreating] = useState(false);
  const publish = useMutation({
    mutationFn: (publishedOn: string) =>
      call(
        api.POST('/api/assessment/rounds/{id}/publish', {
          params: { path: { id: roundId! } },
          body: { publishedOn },
        }),
      ),
    onSuccess: async () => {
      setPublishing(false);
      void message.success(t('assessment.publishedMessage'));
      await qc.invalidateQueries({ queryKey: ['assessment'] });
    },
  });
  const r = round.data;
  const option = useMemo(() => (r ? rankingOption(r, t('assessment.points')) : null), [r, t]);
  const unitId = Number(p.get('unitId')) || null;
  const selfOf = (id: number) => r?.assessedUnits.find((u) => u.unitId === id)?.selfSubmitted;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form layout="inline">
          <Form.Item label={t('assessment.round')}>
            <Select
              style={{ width: 420 }}
              value={roundId}
              options={(rounds.data ?? []).map((x) => ({
                value: x.id,
                label: `${x.title}${x.published ? '' : t('assessment.unpublishedSuffix')}`,
              }))}
              onChange={(id: string) => p.set({ roundId: id, unitId: '' })}
              data-testid="round-select"
            />
          </Form.Item>
        </Form>
        <Space>
          {manage && (
            <Button onClick={() => setCreating(true)} data-testid="round-new">
              {t('assessment.newRound')}
            </Button>
          )}
          {manage && r && !r.published && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => setPublishing(true)}
              data-testid="round-publish"
            >
              {t('assessment.publish')}
            </Button>
          )}
        </Space>
      </Space>
      <NewRoundDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(x) => {
          setCreating(false);
          p.set({ roundId: x.id, unitId: '' });
        }}
      />
      {rounds.error && <Alert type="error" showIcon title={errorText(rounds.error)} />}
      {round.error && <Alert type="error" showIcon title={errorText(round.error)} />}
      {rounds.data?.length === 0 && <Empty description={t('assessment.noRounds')} />}
      {r && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('assessment.organiser')}>{r.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.system')}>
              <Typography.Link onClick={() => p.set({ tab: 'systems', systemId: r.systemId })}>
                {r.systemName}
              </Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.state')}>
              {r.published ? (
                <Tag color="green">{t('assessment.publishedOn', { date: fmt.date(r.publishedOn) })}</Tag>
              ) : (
                <Tag>{t('assessment.unpublished')}</Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          {r.results.length > 0 ? (
            <Row gutter={24}>
              <Col xs={24} xl={14}>
                <Table<AssessmentResult>
                  data-testid="ranking-table"
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  dataSource={r.results}
                  onRow={(x) => ({
                    onClick: () => p.set({ unitId: String(x.unitId) }),
                    style: { cursor: 'pointer' },
                  })}
                  columns={[
                    {
                      title: t('assessment.rank'),
                      dataIndex: 'rank',
                      width: 70,
                      align: 'center',
                      render: (v: number) => <Tag color={v <= 3 ? 'gold' : undefined}>{v}</Tag>,
                    },
                    { title: t('assessment.unit'), dataIndex: 'unitName', ellipsis: true },
                    {
                      title: t('assessment.total'),
                      key: 'total',
                      width: 110,
                      align: 'right',
                      render: (_, x) => (
                        <Typography.Text strong>
                          {fmt.number(x.total)}
                          <Typography.Text type="secondary"> / {fmt.number(x.maxPoints)}</Typography.Text>
                        </Typography.Text>
                      ),
                    },
                    {
                      title: t('assessment.selfTotal'),
                      dataIndex: 'selfTotal',
                      width: 90,
                      align: 'right',
                      render: (v: number | null, x) =>
                        v === null ? (
                          <Typography.Text type="secondary">
                            {selfOf(x.unitId) ? '—' : t('assessment.noSelf')}
                          </Typography.Text>
                        ) : (
                          fmt.number(v)
                        ),
                    },
                    {
                      title: t('assessment.deductions'),
                      dataIndex: 'deductions',
                      width: 90,
                      align: 'right',
                    },
                    {
                      title: t('assessment.scored'),
                      key: 'scored',
                      width: 90,
                      align: 'right',
                      render: (_, x) => `${x.scoredIndicators} / ${r.leafIndicators}`,
                    },
                  ]}
                />
              </Col>
              <Col xs={24} xl={10}>
                {option && (
                  <EChart
                    option={option}
                    height={Math.max(240, r.results.length * 34 + 40)}
                    testId="ranking-chart"
                    onClick={(c) => {
                      const unit = (c.data as { unitId?: number } | undefined)?.unitId;
                      if (unit) p.set({ unitId: String(unit) });
                    }}
                  />
                )}
              </Col>
            </Row>
          ) : (
            <>
              <Alert type="info" showIcon title={t('assessment.resultsHidden')} />
              <Table
                data-testid="assessed-units"
                rowKey="unitId"
                size="small"
                pagination={false}
                dataSource={r.assessedUnits}
                columns={[
                  { title: t('assessment.unit'), dataIndex: 'unitName' },
                  {
                    title: t('assessment.selfState'),
                    dataIndex: 'selfSubmitted',
                    width: 160,
                    render: (v: boolean) =>
                      v ? (
                        <Tag color="green">{t('assessment.selfDone')}</Tag>
                      ) : (
                        <Tag>{t('assessment.noSelf')}</Tag>
                      ),
                  },
                  {
                    title: t('common.actions'),
                    key: 'a',
                    width: 140,
                    render: (_, u) => (
                      <Button size="small" type="link" onClick={() => p.set({ unitId: String(u.unitId) })}>
                        {t('assessment.openSheet')}
                      </Button>
                    ),
                  },
                ]}
              />
            </>
          )}
        </>
      )}
      {r && (
        <SheetDrawer
          key={`${r.id}:${unitId}`}
          round={r}
          unitId={unitId}
          onClose={() => p.set({ unitId: '' })}
        />
      )}
      <PublishDialog
        open={publishing}
        pending={publish.isPending}
        error={publish.error}
        onClose={() => {
          setPublishing(false);
          publish.reset();
        }}
        onSubmit={(d) => publish.mutate(d)}
      />
    </Space>
  );
}

function PublishDialog({
  open,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (publishedOn: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ publishedOn: Dayjs }>();
  return (
    <Modal
      title={t('assessment.publishTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assessment.publishHint')}</Typography.Paragraph>
      {!!error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(error)} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ publishedOn: dayjs() }}
        onFinish={(v) => onSubmit(v.publishedOn.format('YYYY-MM-DD'))}
      >
        <Form.Item name="publishedOn" label={t('assessment.publishedOnLabel')} rules={[{ required: true }]}>
          <DatePicker format={t('format.date')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
