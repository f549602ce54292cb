import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useUrlState } from '../../app/url-state';
import { useMeta, yuan } from './meta';
import type { Payout, Round, RoundDetail } from './types';

/** One round: the rates, every file's evaluation, and the payout per mediator (谁调解补谁). */
function RoundCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const meta = useMeta();
  const detail = useQuery({
    queryKey: ['mediation', 'round', id],
    queryFn: () => call(api.GET('/api/mediation/rounds/{id}', { params: { path: { id } } })),
  });
  const payout = useQuery({
    queryKey: ['mediation', 'payout', id],
    queryFn: () => call(api.GET('/api/mediation/rounds/{id}/payout', { params: { path: { id } } })),
  });
  const r = detail.data;
  const gradeLabel = (g: string) => meta.data?.grades.find((x) => x.code === g)?.label ?? g;
  if (detail.error) return <Alert type="error" title={errorText(detail.error)} />;
  if (!r) return null;
  return (
    <>
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('mediation.sub.heldOn')}>{fmt.date(r.heldOn)}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.sub.paidOn')}>
          {r.paidOn ? fmt.date(r.paidOn) : t('mediation.sub.unpaid')}
        </Descriptions.Item>
        <Descriptions.Item label={t('mediation.sub.organiser')}>{r.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.sub.evaluated')}>{r.evaluated}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.sub.eligible')}>{r.eligible}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.sub.total')}>
          <Typography.Text strong data-testid="round-total">
            {yuan(r.total)} 元
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('mediation.sub.rates')} span={3}>
          {(['county', 'township', 'village'] as const).map((l) => (
            <div key={l}>
              {t(`mediation.org.levels.${l}`)}：
              {(['simple', 'complex', 'difficult'] as const)
                .map((g) => `${gradeLabel(g)} ${yuan(r.rates[l][g])} 元`)
                .join('，')}
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'payout',
            label: t('mediation.sub.payout'),
            children: (
              <>
                <Button
                  icon={<DownloadOutlined />}
                  href={`/api/mediation/rounds/${id}/payout.xlsx`}
                  style={{ marginBottom: 12 }}
                  data-testid="payout-export"
                >
                  {t('mediation.sub.export')}
                </Button>
                <Table<Payout['rows'][number]>
                  rowKey="mediatorId"
                  size="small"
                  pagination={false}
                  dataSource={payout.data?.rows}
                  columns={[
                    { title: t('mediation.org.name'), dataIndex: 'mediatorName' },
                    { title: t('mediation.org.committee'), dataIndex: 'unitName' },
                    { title: t('mediation.sub.cases'), dataIndex: 'cases', width: 100 },
                    {
                      title: t('mediation.sub.amount'),
                      dataIndex: 'amount',
                      width: 140,
                      align: 'right',
                      render: (v: number) => yuan(v),
                    },
                  ]}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={3}>
                        {t('mediation.sub.sum')}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        {yuan(payout.data?.total ?? 0)}
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  )}
                />
              </>
            ),
          },
          {
            key: 'files',
            label: t('mediation.sub.files'),
            children: (
              <Table<RoundDetail['evaluations'][number]>
                rowKey="id"
                size="small"
                dataSource={r.evaluations}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('mediation.number'), dataIndex: 'caseNumber', width: 170 },
                  { title: t('mediation.org.committee'), dataIndex: 'unitName', ellipsis: true },
                  { title: t('mediation.type'), dataIndex: 'disputeTypeLabel', width: 140 },
                  { title: t('mediation.grade'), dataIndex: 'gradeLabel', width: 70 },
                  {
                    title: t('mediation.sub.result'),
                    dataIndex: 'exclusionLabel',
                    render: (x: string | null, e) =>
                      x ? (
                        <Tag color="red" title={e.missingRequired.join('、')}>
                          {x}
                        </Tag>
                      ) : (
                        <Tag color="green">{t('mediation.sub.paid')}</Tag>
                      ),
                  },
                  {
                    title: t('mediation.sub.amount'),
                    dataIndex: 'amount',
                    width: 110,
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                  { title: t('mediation.sub.mediator'), dataIndex: 'mediatorName', width: 100 },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}

/** 以案定补、以奖代补: the evaluation rounds, newest first. */
export default function SubsidiesPage() {
  const { t } = useTranslation();
  const { params, set } = useUrlState<'round'>();
  const rounds = useQuery({
    queryKey: ['mediation', 'rounds'],
    queryFn: () => call(api.GET('/api/mediation/rounds')),
  });
  const current = params.get('round') ?? rounds.data?.[0]?.id;
  return (
    <div className="fazhi-page">
      <Card title={t('mediation.sub.title')}>
        {rounds.error && <Alert type="error" title={errorText(rounds.error)} />}
        <Space wrap style={{ marginBottom: 16 }}>
          {rounds.data?.map((r: Round) => (
            <Button
              key={r.id}
              type={r.id === current ? 'primary' : 'default'}
              onClick={() => set({ round: r.id })}
            >
              {r.title}
            </Button>
          ))}
        </Space>
        {rounds.data?.length === 0 && (
          <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
        )}
        {current && <RoundCard id={current} />}
      </Card>
    </div>
  );
}
