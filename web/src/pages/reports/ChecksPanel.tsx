import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { Alert, Button, Collapse, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import type { Check, Preview } from './types';

const icon = {
  ok: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  failed: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  skipped: <MinusCircleFilled style={{ color: '#bfbfbf' }} />,
};

function CheckRow({ c }: { c: Check }) {
  const { t } = useTranslation();
  return (
    <List.Item style={{ padding: '6px 0' }} data-testid={`check-${c.status}`}>
      <Space align="start">
        <Tooltip title={t(`reports.checkStatus.${c.status}`)}>{icon[c.status]}</Tooltip>
        <div>
          <div>{c.label}</div>
          <Typography.Text type={c.status === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {c.detail}
          </Typography.Text>
          {c.article && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reports.basis', { article: c.article })}
              </Typography.Text>
            </div>
          )}
        </div>
      </Space>
    </List.Item>
  );
}

/**
 * Beside the draft: the five items of 第二十四条, the consistency checks, figures without a source or a
 * value, and figures that changed since the text was last rendered.
 */
export function ChecksPanel(props: {
  preview: Preview | undefined;
  onRerender?: () => void;
  rerendering?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = props.preview;
  if (!p) return null;
  const required = p.checks.find((c) => c.key === 'reports.requiredItems');
  const others = p.checks.filter((c) => c !== required);
  const count = (s: Check['status']) => others.filter((c) => c.status === s).length;
  const label = (k: string) => p.figures.find((f) => f.key === k)?.label ?? k;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="checks-panel">
      {required && (
        <Alert
          data-testid="required-items"
          type={required.status === 'ok' ? 'success' : 'warning'}
          showIcon
          title={required.label}
          description={
            <>
              {required.detail}
              {required.article && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('reports.basis', { article: required.article })}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
      {p.changedSinceRendered.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="changed-figures"
          title={t('reports.changed', { count: p.changedSinceRendered.length })}
          action={
            props.onRerender && (
              <Button size="small" loading={props.rerendering} onClick={props.onRerender}>
                {t('reports.rerender')}
              </Button>
            )
          }
          description={
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={p.changedSinceRendered}
              columns={[
                { title: t('reports.figure'), dataIndex: 'key', render: (k: string) => label(k) },
                {
                  title: t('reports.was'),
                  dataIndex: 'was',
                  render: (v: number | null) => fmt.number(v) || '—',
                },
                {
                  title: t('reports.now'),
                  dataIndex: 'now',
                  render: (v: number | null) => fmt.number(v) || '—',
                },
              ]}
            />
          }
        />
      )}
      <Collapse
        size="small"
        defaultActiveKey={count('failed') ? ['checks'] : []}
        items={[
          {
            key: 'checks',
            label: (
              <Space>
                {t('reports.checks')}
                <Tag color="green">{t('reports.checkCount.ok', { count: count('ok') })}</Tag>
                {count('failed') > 0 && (
                  <Tag color="red">{t('reports.checkCount.failed', { count: count('failed') })}</Tag>
                )}
                {count('skipped') > 0 && (
                  <Tag>{t('reports.checkCount.skipped', { count: count('skipped') })}</Tag>
                )}
              </Space>
            ),
            children: <List size="small" dataSource={others} renderItem={(c) => <CheckRow c={c} />} />,
          },
          ...(p.unowned.length
            ? [
                {
                  key: 'unowned',
                  label: (
                    <Space data-testid="unowned">
                      {t('reports.unownedTitle')}
                      <Tag color="red">{p.unowned.length}</Tag>
                    </Space>
                  ),
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">{t('reports.unownedHelp')}</Typography.Paragraph>
                      <Space wrap size={4}>
                        {p.unowned.map((k) => (
                          <Tag key={k} color="red">
                            {k}
                          </Tag>
                        ))}
                      </Space>
                    </>
                  ),
                },
              ]
            : []),
          ...(p.empty.length
            ? [
                {
                  key: 'empty',
                  label: (
                    <Space>
                      {t('reports.emptyTitle')}
                      <Tag color="orange">{p.empty.length}</Tag>
                    </Space>
                  ),
                  children: p.empty.map(label).join('、'),
                },
              ]
            : []),
          {
            key: 'figures',
            label: t('reports.figuresUsed', { count: p.figures.length }),
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={p.figures}
                columns={[
                  {
                    title: t('reports.figure'),
                    dataIndex: 'label',
                    render: (v: string | null, f) => v ?? f.key,
                  },
                  {
                    title: t('reports.value'),
                    key: 'value',
                    align: 'right',
                    render: (_, f) =>
                      !f.owned ? (
                        <Typography.Text type="danger">{t('reports.noSource')}</Typography.Text>
                      ) : f.value === null ? (
                        '—'
                      ) : f.unit === '比例' ? (
                        `${Math.round(f.value * 100)}%`
                      ) : (
                        `${fmt.number(f.value)}${f.unit ?? ''}`
                      ),
                  },
                  { title: t('reports.definition'), dataIndex: 'definition', ellipsis: { showTitle: true } },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
