import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { ActionDialog } from './ActionDialog';
import { useMeta } from './CasesPage';
import { deadlineColor, stageColor, type CaseView, type Deadline } from './types';
import { useRcLabels } from './labels';

function PublicationPreview({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const pub = useQuery({
    queryKey: ['reconsideration', 'publication', id],
    queryFn: () => call(api.GET('/api/reconsideration/cases/{id}/publication', { params: { path: { id } } })),
  });
  return (
    <Modal open title={t('reconsideration.publication')} onCancel={onClose} footer={null} width={720}>
      {pub.error && <Alert type="error" showIcon title={errorText(pub.error)} />}
      {pub.data && (
        <div data-testid="rc-publication">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {pub.data.title}
          </Typography.Title>
          {pub.data.caseNumber && <p style={{ textAlign: 'center' }}>{pub.data.caseNumber}</p>}
          {pub.data.blocks.map((b, i) => (
            <p key={i}>
              {b.label ? <b>{b.label}：</b> : null}
              {b.text}
            </p>
          ))}
        </div>
      )}
    </Modal>
  );
}

/**
 * One case: its elements, every statutory deadline with its article and state, what happened so far,
 * and the steps the server offers now (the case's `actions`).
 */
export function CaseDrawer({ caseId, onClose }: { caseId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useRcLabels();
  const fmt = useFormat();
  const meta = useMeta();
  const [action, setAction] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const detail = useQuery({
    queryKey: ['reconsideration', 'case', caseId],
    queryFn: () => call(api.GET('/api/reconsideration/cases/{id}', { params: { path: { id: caseId! } } })),
    enabled: !!caseId,
  });
  const c: CaseView | undefined = detail.data;
  const a = c?.applicant;
  const masked = (v: string | null) => (v ? `${v}${a?.unmasked ? '' : t('reconsideration.masked')}` : '—');

  return (
    <Drawer
      open={!!caseId}
      onClose={onClose}
      size={880}
      destroyOnHidden
      title={
        c ? (
          <Space wrap>
            <span>{c.caseNumber ?? c.applicantName}</span>
            <Tag color={stageColor[c.stage]} data-testid="rc-stage">
              {label.stage(c.stage, c.stageLabel)}
            </Tag>
            {c.acceptanceDeemed && <Tag>{t('reconsideration.deemed')}</Tag>}
            {c.overdue && <Tag color="error">{t('reconsideration.flags.overdue')}</Tag>}
          </Space>
        ) : (
          t('reconsideration.casesTitle')
        )
      }
      data-testid="rc-drawer"
      footer={
        c &&
        c.actions.length > 0 && (
          <Space wrap>
            {c.actions.map((x) => (
              <Button
                key={x}
                type={x === 'accept' || x === 'decide' ? 'primary' : 'default'}
                danger={x === 'refuse' || x === 'terminate'}
                onClick={() => setAction(x)}
                data-testid={`rc-do-${x}`}
              >
                {t(`reconsideration.actions.${x}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {detail.error && <Alert type="error" showIcon title={errorText(detail.error)} />}
      {detail.isLoading && <Spin />}
      {c && a && (
        <>
          <Descriptions size="small" column={2} bordered title={t('reconsideration.elements')}>
            <Descriptions.Item label={t('reconsideration.applicant')}>{a.name}</Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.channel')}>
              {label.channel(c.channel, c.channelLabel)}（{fmt.date(c.receivedOn)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.idNumber')}>{masked(a.idNumber)}</Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.phone')}>{masked(a.phone)}</Descriptions.Item>
            {a.representative && (
              <Descriptions.Item label={t('reconsideration.representative')}>
                {a.representative}
              </Descriptions.Item>
            )}
            {a.address && (
              <Descriptions.Item label={t('reconsideration.address')}>{a.address}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('reconsideration.col.respondent')}>
              {c.respondentName}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.respondentSuperior')}>
              {c.respondentSuperior ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.col.act')} span={2}>
              {c.actDescription}
              {c.actNumber ? `（${c.actNumber}）` : ''}
              {c.actDate ? ` ${fmt.date(c.actDate)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.request')} span={2}>
              {c.request}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.facts')} span={2}>
              {c.factsAndReasons}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.learnedOn')}>
              {fmt.date(c.learnedOn)} {c.late && <Tag color="orange">{t('reconsideration.flags.late')}</Tag>}
            </Descriptions.Item>
            {c.rightsLearnedOn && (
              <Descriptions.Item label={t('reconsideration.f.rightsLearnedOn')}>
                {fmt.date(c.rightsLearnedOn)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('reconsideration.procedure')}>
              {c.procedure ? label.procedure(c.procedure, c.procedureLabel) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.officers')}>
              {c.officers.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconsideration.major')}>
              {c.major ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
            {c.oralRecord && (
              <Descriptions.Item label={t('reconsideration.oralRecord')} span={2}>
                {c.oralRecord}
              </Descriptions.Item>
            )}
            {c.correctionItems.length > 0 && (
              <Descriptions.Item label={t('reconsideration.correction')} span={2}>
                {c.correctionItems.map((x, i) => (
                  <div key={i}>
                    {i + 1}. {x}
                  </div>
                ))}
              </Descriptions.Item>
            )}
            {c.refusalReason && (
              <Descriptions.Item label={t('reconsideration.refusal')} span={2}>
                {c.refusalReason}
                {c.properOrgan ? `（${c.properOrgan}）` : ''}
              </Descriptions.Item>
            )}
            {c.decisionTypeLabel && (
              <Descriptions.Item label={t('reconsideration.decisionTitle')} span={2}>
                <Tag color="green">{label.decision(c.decisionType, c.decisionTypeLabel)}</Tag>{' '}
                {c.decisionArticle} {fmt.date(c.decidedOn)}
                <div>{c.decisionOrder}</div>
              </Descriptions.Item>
            )}
            {c.closingNote && (
              <Descriptions.Item label={t('reconsideration.closing')} span={2}>
                {c.closingNote}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Divider titlePlacement="start">{t('reconsideration.deadlines')}</Divider>
          <Table<Deadline>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={c.deadlines}
            data-testid="rc-deadlines"
            columns={[
              { title: t('reconsideration.stage'), render: (_, d) => label.deadline(d.key, d.label) },
              {
                title: t('reconsideration.dueOn'),
                render: (_, d) => (d.dueOn ? fmt.date(d.dueOn) : (d.error ?? '—')),
              },
              { title: t('reconsideration.article'), dataIndex: 'article' },
              {
                title: t('reconsideration.status'),
                render: (_, d) => (
                  <Tag color={deadlineColor[d.status]} title={d.description}>
                    {t(`reconsideration.deadlineStatus.${d.status}`)}
                    {d.doneOn ? ` ${fmt.date(d.doneOn)}` : ''}
                  </Tag>
                ),
              },
            ]}
            expandable={{
              expandedRowRender: (d) => <Typography.Text type="secondary">{d.description}</Typography.Text>,
            }}
          />

          {c.hearings.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('reconsideration.hearings')}</Divider>
              {c.hearings.map((h) => (
                <p key={h.id}>
                  {fmt.date(h.hearingOn)} {h.place}：{h.matters}（{t('reconsideration.f.presiding')}{' '}
                  {h.presiding}，{t('reconsideration.f.hearingMembers')} {h.members.join('、')}，
                  {t('reconsideration.f.clerk')} {h.clerk}）{h.heldOn ? ` — ${h.record}` : ''}
                </p>
              ))}
            </>
          )}
          {c.suspensions.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('reconsideration.suspensions')}</Divider>
              {c.suspensions.map((s) => (
                <p key={s.id}>
                  {fmt.date(s.fromOn)} — {s.toOn ? fmt.date(s.toOn) : '…'}：{s.groundLabel}（{s.article}）
                </p>
              ))}
            </>
          )}

          <Divider titlePlacement="start">{t('reconsideration.documents')}</Divider>
          <Space wrap>
            {c.documents.map((d) => (
              <a
                key={d.kind}
                href={`/api/reconsideration/cases/${encodeURIComponent(c.id)}/documents/${d.kind}`}
                data-testid={`rc-doc-${d.kind}`}
              >
                <DownloadOutlined /> {label.document(d.kind, d.label)}
              </a>
            ))}
            {c.stage === 'decided' && (
              <Button
                size="small"
                icon={<EyeOutlined />}
                onClick={() => setPreview(true)}
                data-testid="rc-preview"
              >
                {t('reconsideration.publication')}
              </Button>
            )}
          </Space>

          <Divider titlePlacement="start">{t('reconsideration.history')}</Divider>
          <Timeline
            items={c.events.map((e) => ({ content: `${fmt.date(e.on)} ${label.event(e.kind, e.label)}` }))}
          />
        </>
      )}
      {c && action && <ActionDialog action={action} c={c} meta={meta.data} onClose={() => setAction(null)} />}
      {c && preview && <PublicationPreview id={c.id} onClose={() => setPreview(false)} />}
    </Drawer>
  );
}
