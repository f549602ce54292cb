import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { FindingAction, FindingVerify, FindingView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { ReasonDialog } from '../../components/ReasonDialog';
import { FileLinks, UploadField, type Uploaded } from '../planning/Attachments';
import { findingStateColor, severityColor, useFindingLabels } from './kinds';

const OWNER = 'findings.finding';

type Step =
  | { kind: 'measures'; measures: string }
  | { kind: 'evidence'; fileIds: string[] }
  | { kind: 'submit'; note: string | null }
  | { kind: 'verify'; body: FindingVerify }
  | { kind: 'reopen'; reason: string }
  | { kind: 'void'; reason: string };

function send(id: string, s: Step) {
  const path = { path: { id } };
  switch (s.kind) {
    case 'measures':
      return call(api.PUT('/api/findings/{id}/measures', { params: path, body: { measures: s.measures } }));
    case 'evidence':
      return call(api.POST('/api/findings/{id}/evidence', { params: path, body: { fileIds: s.fileIds } }));
    case 'submit':
      return call(api.POST('/api/findings/{id}/submit', { params: path, body: { note: s.note } }));
    case 'verify':
      return call(api.POST('/api/findings/{id}/verify', { params: path, body: s.body }));
    case 'reopen':
      return call(api.POST('/api/findings/{id}/reopen', { params: path, body: { reason: s.reason } }));
    case 'void':
      return call(api.POST('/api/findings/{id}/void', { params: path, body: { reason: s.reason } }));
  }
}

/**
 * One finding: its particulars, the unit's measures and evidence, and the steps taken so far. Which
 * step is open now is the server's answer: each button shows only when the finding's `actions` (its
 * state, the user's permissions and scope, computed by the API) list it.
 */
export function FindingDrawer({ findingId, onClose }: { findingId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = useFindingLabels();
  const [dialog, setDialog] = useState<'submit' | 'verify' | 'reopen' | 'void' | null>(null);
  const [evidence, setEvidence] = useState<Uploaded[]>([]);
  const [measures, setMeasures] = useState<string | null>(null);
  const [verifyForm] = Form.useForm<{ outcome: FindingVerify['outcome']; note?: string }>();
  const [submitForm] = Form.useForm<{ note?: string }>();
  const detail = useQuery({
    queryKey: ['finding', findingId],
    queryFn: () => call(api.GET('/api/findings/{id}', { params: { path: { id: findingId! } } })),
    enabled: !!findingId,
  });
  const files = useQuery({
    queryKey: ['files', { ownerEntity: OWNER, ownerId: findingId }],
    queryFn: () =>
      call(api.GET('/api/files', { params: { query: { ownerEntity: OWNER, ownerId: findingId! } } })),
    enabled: !!findingId,
  });
  const step = useMutation({
    mutationFn: (s: Step) => send(findingId!, s),
    onSuccess: async (f: FindingView, s) => {
      setDialog(null);
      if (s.kind === 'evidence') setEvidence([]);
      if (s.kind === 'measures') setMeasures(null);
      void message.success(t('findings.stepDone', { state: labels.state(f.state, f.stateLabel) }));
      qc.setQueryData(['finding', findingId], f);
      await qc.invalidateQueries({ queryKey: ['findings'] });
      await qc.invalidateQueries({ queryKey: ['files', { ownerEntity: OWNER, ownerId: findingId }] });
    },
  });
  const f = detail.data;
  const offered = new Set<FindingAction>(f?.actions ?? []);
  const may = (a: FindingAction) => offered.has(a);
  const footerActions = (['submit', 'verify', 'reopen', 'void'] as const).filter(may);
  const names = new Map((files.data ?? []).map((x) => [x.id, x.name]));

  return (
    <Drawer
      title={f?.title ?? t('findings.pageTitle')}
      open={!!findingId}
      onClose={onClose}
      size={760}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (!o) {
          step.reset();
          setEvidence([]);
          setMeasures(null);
        }
      }}
      data-testid="finding-drawer"
      footer={
        footerActions.length > 0 && (
          <Space wrap>
            {may('submit') && (
              <Button type="primary" onClick={() => setDialog('submit')} data-testid="finding-submit">
                {t('findings.submit')}
              </Button>
            )}
            {may('verify') && (
              <Button onClick={() => setDialog('verify')} data-testid="finding-verify">
                {t('findings.verify')}
              </Button>
            )}
            {may('reopen') && (
              <Button onClick={() => setDialog('reopen')} data-testid="finding-reopen">
                {t('findings.reopen')}
              </Button>
            )}
            {may('void') && (
              <Button danger onClick={() => setDialog('void')} data-testid="finding-void">
                {t('findings.void')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {detail.error && <Alert type="error" showIcon title={errorText(detail.error)} />}
      {detail.isLoading && <Spin />}
      {step.error && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="finding-error"
          title={errorText(step.error)}
        />
      )}
      {f && (
        <>
          {f.voided && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('findings.voidedTitle')}
              description={f.voidedReason}
            />
          )}
          <Descriptions size="small" column={2} bordered data-testid="finding-detail">
            <Descriptions.Item label={t('findings.state')}>
              <Space size={4}>
                <Tag color={findingStateColor[f.state]} data-testid="finding-detail-state">
                  {labels.state(f.state, f.stateLabel)}
                </Tag>
                {f.overdue && <Tag color="red">{t('findings.overdueTag')}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('findings.severity')}>
              <Tag color={severityColor[f.severity]}>{labels.severity(f.severity, f.severityLabel)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('findings.unit')}>{f.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('findings.source')}>
              {labels.source(f.source.module)}
            </Descriptions.Item>
            <Descriptions.Item label={t('findings.foundOn')}>{fmt.date(f.foundOn)}</Descriptions.Item>
            <Descriptions.Item label={t('findings.dueOn')}>{fmt.date(f.dueOn)}</Descriptions.Item>
            {f.closedOn && (
              <Descriptions.Item label={t('findings.closedOn')} span={2}>
                {fmt.date(f.closedOn)}
              </Descriptions.Item>
            )}
            {f.description && (
              <Descriptions.Item label={t('findings.description')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{f.description}</span>
              </Descriptions.Item>
            )}
          </Descriptions>

          <Divider titlePlacement="start" plain>
            {t('findings.measures')}
          </Divider>
          {may('measures') && measures !== null ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={4000}
                value={measures}
                onChange={(e) => setMeasures(e.target.value)}
                data-testid="finding-measures-input"
              />
              <Space>
                <Button onClick={() => setMeasures(null)}>{t('common.cancel')}</Button>
                <Button
                  type="primary"
                  loading={step.isPending}
                  onClick={() => step.mutate({ kind: 'measures', measures })}
                  data-testid="finding-measures-save"
                >
                  {t('common.save')}
                </Button>
              </Space>
            </Space>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {f.measures ?? <Typography.Text type="secondary">{t('findings.noMeasures')}</Typography.Text>}
              </Typography.Paragraph>
              {may('measures') && (
                <Button onClick={() => setMeasures(f.measures ?? '')} data-testid="finding-measures-edit">
                  {f.measures ? t('findings.editMeasures') : t('findings.writeMeasures')}
                </Button>
              )}
            </Space>
          )}

          <Divider titlePlacement="start" plain>
            {t('findings.evidence')}
          </Divider>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {f.evidenceFileIds.length ? (
              <FileLinks ids={f.evidenceFileIds} names={names} />
            ) : (
              <Typography.Text type="secondary">{t('findings.noEvidence')}</Typography.Text>
            )}
            {may('evidence') && (
              <Space align="start" wrap>
                <UploadField
                  owner={{ ownerEntity: OWNER, ownerId: f.id }}
                  value={evidence}
                  onChange={setEvidence}
                  testId="finding-evidence-upload"
                />
                {evidence.length > 0 && (
                  <Button
                    type="primary"
                    loading={step.isPending}
                    onClick={() => step.mutate({ kind: 'evidence', fileIds: evidence.map((e) => e.id) })}
                    data-testid="finding-evidence-add"
                  >
                    {t('findings.addEvidence')}
                  </Button>
                )}
              </Space>
            )}
          </Space>

          <Divider titlePlacement="start" plain>
            {t('findings.events')}
          </Divider>
          <Timeline
            data-testid="finding-events"
            items={f.events.map((e) => ({
              key: e.seq,
              color:
                e.kind === 'closed'
                  ? 'green'
                  : e.kind === 'rejected' || e.kind === 'reopened'
                    ? 'red'
                    : 'blue',
              content: (
                <Space orientation="vertical" size={0}>
                  <Space size={8} wrap>
                    <Typography.Text strong>{labels.event(e.kind, e.kindLabel)}</Typography.Text>
                    <Typography.Text type="secondary">{fmt.date(e.on)}</Typography.Text>
                    {e.actorName && <Typography.Text type="secondary">{e.actorName}</Typography.Text>}
                    <Tag>{labels.state(e.state)}</Tag>
                  </Space>
                  {e.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Text>}
                </Space>
              ),
            }))}
          />
        </>
      )}

      <Modal
        title={t('findings.submitTitle')}
        open={dialog === 'submit'}
        onCancel={() => setDialog(null)}
        onOk={() => submitForm.submit()}
        okButtonProps={{ loading: step.isPending }}
        destroyOnHidden
      >
        <Form
          form={submitForm}
          layout="vertical"
          preserve={false}
          onFinish={(v) => step.mutate({ kind: 'submit', note: v.note || null })}
        >
          <Form.Item name="note" label={t('findings.submitNote')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={t('findings.verifyTitle')}
        open={dialog === 'verify'}
        onCancel={() => setDialog(null)}
        onOk={() => verifyForm.submit()}
        okButtonProps={{ loading: step.isPending }}
        destroyOnHidden
      >
        <Form
          form={verifyForm}
          layout="vertical"
          preserve={false}
          initialValues={{ outcome: 'closed' }}
          onFinish={(v) =>
            step.mutate({ kind: 'verify', body: { outcome: v.outcome, note: v.note || null } })
          }
          data-testid="finding-verify-form"
        >
          <Form.Item name="outcome" label={t('findings.outcome')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'closed', label: t('findings.outcomeClosed') },
                { value: 'rejected', label: t('findings.outcomeRejected') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('findings.verifyNote')} tooltip={t('findings.verifyNoteHint')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <ReasonDialog
        open={dialog === 'reopen'}
        title={t('findings.reopenTitle')}
        label={t('common.reason')}
        pending={step.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => step.mutate({ kind: 'reopen', reason })}
      />
      <ReasonDialog
        open={dialog === 'void'}
        title={t('findings.voidTitle')}
        label={t('common.reason')}
        pending={step.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => step.mutate({ kind: 'void', reason })}
      />
    </Drawer>
  );
}
