import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useMeta, yuan } from './meta';
import { statusColor, type CaseView } from './types';
import { useMediationLabels } from './labels';

type Step = 'assign' | 'session' | 'close' | 'followUp' | 'apply' | 'ruling';
type Values = Record<string, unknown>;

const day = (v: unknown) => (v as Dayjs | undefined)?.format('YYYY-MM-DD') ?? '';
const lines = (v: unknown) =>
  String(v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

function send(id: string, step: Step, v: Values) {
  const path = { path: { id } };
  switch (step) {
    case 'assign':
      return call(
        api.POST('/api/mediation/cases/{id}/assign', {
          params: path,
          body: {
            unitId: v.unitId as number,
            mediatorIds: v.mediatorIds as string[],
            grade: v.grade as never,
          },
        }),
      );
    case 'session':
      return call(
        api.POST('/api/mediation/cases/{id}/sessions', {
          params: path,
          body: { heldOn: day(v.heldOn), place: String(v.place ?? ''), record: String(v.record ?? '') },
        }),
      );
    case 'close':
      return call(
        api.POST('/api/mediation/cases/{id}/close', {
          params: path,
          body: {
            outcome: v.outcome as 'agreed',
            closedOn: day(v.closedOn),
            note: (v.note as string) || null,
            agreement:
              v.outcome === 'agreed'
                ? {
                    form: 'written',
                    facts: String(v.facts ?? ''),
                    terms: lines(v.terms),
                    termsBo: lines(v.termsBo),
                    performanceMethod: String(v.performanceMethod ?? ''),
                    performanceDue: day(v.performanceDue),
                    effectiveOn: day(v.closedOn),
                  }
                : null,
          },
        }),
      );
    case 'followUp':
      return call(
        api.POST('/api/mediation/cases/{id}/follow-ups', {
          params: path,
          body: {
            visitedOn: day(v.visitedOn),
            method: v.method as 'visit',
            performance: v.performance as 'performed',
            note: String(v.note ?? ''),
          },
        }),
      );
    case 'apply':
      return call(
        api.POST('/api/mediation/cases/{id}/confirmation', {
          params: path,
          body: { appliedOn: day(v.appliedOn), court: String(v.court ?? '') },
        }),
      );
    case 'ruling':
      return call(
        api.POST('/api/mediation/cases/{id}/confirmation/ruling', {
          params: path,
          body: {
            ruling: v.ruling as 'confirmed',
            ruledOn: day(v.ruledOn),
            rulingNumber: (v.rulingNumber as string) || null,
          },
        }),
      );
  }
}

/** One case: parties (masked unless the reader may see them), mediation, agreement, 司法确认. */
export function CaseDrawer({ caseId, onClose }: { caseId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useMediationLabels();
  const fmt = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const meta = useMeta();
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm<Values>();
  const detail = useQuery({
    queryKey: ['mediation', 'case', caseId],
    queryFn: () => call(api.GET('/api/mediation/cases/{id}', { params: { path: { id: caseId! } } })),
    enabled: !!caseId,
  });
  const c = detail.data;
  const route = useQuery({
    queryKey: ['mediation', 'route', caseId],
    queryFn: () => call(api.GET('/api/mediation/cases/{id}/route', { params: { path: { id: caseId! } } })),
    enabled: step === 'assign' && !!caseId,
  });
  const chosenUnit = Form.useWatch('unitId', form) as number | undefined;
  const roster = useQuery({
    queryKey: ['mediation', 'mediators', chosenUnit],
    queryFn: () => call(api.GET('/api/mediation/mediators', { params: { query: { unitId: chosenUnit } } })),
    enabled: step === 'assign' && !!chosenUnit,
  });
  const mutate = useMutation({
    mutationFn: (v: Values) => send(caseId!, step!, v),
    onSuccess: async (view: CaseView) => {
      setStep(null);
      void message.success(t('mediation.saved'));
      qc.setQueryData(['mediation', 'case', caseId], view);
      await qc.invalidateQueries({ queryKey: ['mediation', 'cases'] });
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const open = c && (c.status === 'received' || c.status === 'mediating');
  const canHandle = !!meta.data?.canHandle;

  const stepForm: Record<Step, { title: string; body: ReactNode; initial: Values }> = {
    assign: {
      title: t('mediation.case.assign'),
      initial: { unitId: route.data?.units[0]?.id ?? c?.unitId, grade: c?.grade },
      body: (
        <>
          {route.data && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={route.data.reason} />
          )}
          <Form.Item name="grade" label={t('mediation.grade')}>
            <Select
              options={meta.data?.grades.map((g) => ({ value: g.code, label: `${g.label}（${g.route}）` }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('mediation.case.committee')} required>
            <Select
              options={meta.data?.units
                .filter((u) => u.kind === 'committee')
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item
            name="mediatorIds"
            label={t('mediation.case.mediators')}
            required
            extra={t('mediation.case.leadFirst')}
          >
            <Select
              mode="multiple"
              data-testid="assign-mediators"
              options={roster.data?.map((m) => ({ value: m.id, label: `${m.name}（${m.employmentLabel}）` }))}
            />
          </Form.Item>
        </>
      ),
    },
    session: {
      title: t('mediation.case.session'),
      initial: { heldOn: dayjs() },
      body: (
        <>
          <Form.Item name="heldOn" label={t('mediation.date')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="place" label={t('mediation.place')} required>
            <Input maxLength={120} data-testid="session-place" />
          </Form.Item>
          <Form.Item name="record" label={t('mediation.case.record')} required>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} data-testid="session-record" />
          </Form.Item>
        </>
      ),
    },
    close: {
      title: t('mediation.case.close'),
      initial: { outcome: 'agreed', closedOn: dayjs(), performanceDue: dayjs().add(15, 'day') },
      body: (
        <>
          <Form.Item name="outcome" label={t('mediation.case.outcome')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'agreed', label: t('mediation.case.agreed') },
                { value: 'failed', label: t('mediation.case.failed') },
                { value: 'withdrawn', label: t('mediation.case.withdrawn') },
              ]}
            />
          </Form.Item>
          <Form.Item name="closedOn" label={t('mediation.case.closedOnEffective')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          {outcome === 'agreed' ? (
            <>
              <Form.Item name="facts" label={t('mediation.case.facts')} required>
                <Input.TextArea autoSize={{ minRows: 2 }} data-testid="agreement-facts" />
              </Form.Item>
              <Form.Item
                name="terms"
                label={t('mediation.case.terms')}
                required
                extra={t('mediation.case.onePerLine')}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} data-testid="agreement-terms" />
              </Form.Item>
              <Form.Item
                name="termsBo"
                label={t('mediation.case.termsBo')}
                extra={t('mediation.case.onePerLine')}
              >
                <Input.TextArea autoSize={{ minRows: 1 }} lang="bo" />
              </Form.Item>
              <Space size={16} wrap>
                <Form.Item name="performanceMethod" label={t('mediation.case.performanceMethod')} required>
                  <Input style={{ width: 260 }} data-testid="agreement-method" />
                </Form.Item>
                <Form.Item name="performanceDue" label={t('mediation.case.performanceDue')} required>
                  <DatePicker format={t('format.date')} />
                </Form.Item>
              </Space>
            </>
          ) : (
            <Form.Item name="note" label={t('mediation.case.note')} required={outcome === 'failed'}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          )}
        </>
      ),
    },
    followUp: {
      title: t('mediation.case.followUp'),
      initial: { visitedOn: dayjs(), method: 'visit', performance: 'performed' },
      body: (
        <>
          <Space size={16}>
            <Form.Item name="visitedOn" label={t('mediation.date')} required>
              <DatePicker format={t('format.date')} />
            </Form.Item>
            <Form.Item name="method" label={t('mediation.case.method')}>
              <Radio.Group
                options={[
                  { value: 'visit', label: t('mediation.case.visit') },
                  { value: 'phone', label: t('mediation.case.phoneCall') },
                ]}
              />
            </Form.Item>
          </Space>
          <Form.Item name="performance" label={t('mediation.case.performance')}>
            <Select options={meta.data?.performances.map((p) => ({ value: p.code, label: p.label }))} />
          </Form.Item>
          <Form.Item name="note" label={t('mediation.case.note')} required>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </>
      ),
    },
    apply: {
      title: t('mediation.case.apply'),
      initial: { appliedOn: dayjs(), court: '' },
      body: (
        <>
          {c?.confirmationWindow && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={c.confirmationWindow.description}
            />
          )}
          <Form.Item name="appliedOn" label={t('mediation.case.appliedOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="court" label={t('mediation.case.court')} required>
            <Input maxLength={80} />
          </Form.Item>
        </>
      ),
    },
    ruling: {
      title: t('mediation.case.ruling'),
      initial: { ruling: 'confirmed', ruledOn: dayjs() },
      body: (
        <>
          <Form.Item name="ruling" label={t('mediation.case.ruling')}>
            <Radio.Group
              options={[
                { value: 'confirmed', label: t('mediation.case.rulingConfirmed') },
                { value: 'rejected', label: t('mediation.case.rulingRejected') },
              ]}
            />
          </Form.Item>
          <Space size={16}>
            <Form.Item name="ruledOn" label={t('mediation.date')} required>
              <DatePicker format={t('format.date')} />
            </Form.Item>
            <Form.Item name="rulingNumber" label={t('mediation.case.rulingNumber')}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          </Space>
        </>
      ),
    },
  };

  const actions: { step: Step; show: boolean }[] = [
    { step: 'assign', show: !!open },
    { step: 'session', show: !!open },
    { step: 'close', show: !!open },
    { step: 'followUp', show: c?.status === 'agreed' },
    { step: 'apply', show: c?.status === 'agreed' && !!c.agreement?.effectiveOn && !c.confirmation },
    { step: 'ruling', show: !!c?.confirmation && !c.confirmation.ruling },
  ];
  const shown = canHandle ? actions.filter((a) => a.show) : [];

  return (
    <Drawer
      title={c ? `${c.number} ${c.disputeTypeLabel}` : t('mediation.cases.title')}
      open={!!caseId}
      onClose={onClose}
      size={820}
      destroyOnHidden
      data-testid="case-drawer"
      footer={
        (shown.length > 0 || c?.agreement) && (
          <Space wrap>
            {shown.map((a) => (
              <Button key={a.step} onClick={() => setStep(a.step)} data-testid={`case-${a.step}`}>
                {stepForm[a.step].title}
              </Button>
            ))}
            {c?.agreement?.form === 'written' && (
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                href={`/api/mediation/cases/${c.id}/agreement.docx`}
                data-testid="agreement-download"
              >
                {t('mediation.case.download')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {detail.isLoading && <Spin />}
      {detail.error && <Alert type="error" title={errorText(detail.error)} />}
      {c && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('mediation.status')}>
              <Tag color={statusColor[c.status]} data-testid="drawer-status">
                {label.status(c.status, c.statusLabel)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.grade')}>
              {label.grade(c.grade, c.gradeLabel)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.receivedOn')}>{fmt.date(c.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.source')}>
              {label.source(c.source, c.sourceLabel)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.cases.receivingUnit')}>
              {c.receivedUnitName}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.unit')}>{c.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.cases.place')}>{c.divisionName}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.amount')}>{yuan(c.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.case.mediators')} span={2}>
              {c.mediatorList.map((m) => (
                <Tag key={m.id} color={m.lead ? 'blue' : undefined}>
                  {m.name}
                  {m.lead ? `（${t('mediation.case.lead')}）` : ''}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.cases.summary')} span={2}>
              {c.summary}
            </Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">
            {t('mediation.parties')}
            {!c.personalShown && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                {t('mediation.case.masked')}
              </Typography.Text>
            )}
          </Divider>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.partyList}
            data-testid="party-table"
            columns={[
              {
                title: t('mediation.case.role'),
                dataIndex: 'role',
                width: 90,
                render: (r: string) => t(`mediation.${r}`),
              },
              { title: t('mediation.partyName'), dataIndex: 'name' },
              {
                title: t('mediation.idNumber'),
                dataIndex: 'idNumber',
                render: (v: string | null) => v ?? '—',
              },
              { title: t('mediation.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
            ]}
          />
          <Divider titlePlacement="start">{t('mediation.case.sessions')}</Divider>
          {c.sessions.length ? (
            <Timeline
              items={c.sessions.map((s) => ({
                key: s.id,
                content: (
                  <>
                    <Typography.Text strong>
                      {fmt.date(s.heldOn)} · {s.place}
                    </Typography.Text>
                    <div>{s.record}</div>
                  </>
                ),
              }))}
            />
          ) : (
            <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
          )}
          {c.outcomeNote && <Alert type="warning" title={c.outcomeNote} style={{ marginTop: 8 }} />}
          {c.agreement && (
            <>
              <Divider titlePlacement="start">{t('mediation.case.agreement')}</Divider>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('mediation.case.facts')}>{c.agreement.facts}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.case.terms')}>
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {c.agreement.terms.map((x, i) => (
                      <li key={i}>
                        {c.agreement!.termsBo?.[i] && <div lang="bo">{c.agreement!.termsBo[i]}</div>}
                        {x}
                      </li>
                    ))}
                  </ol>
                </Descriptions.Item>
                <Descriptions.Item label={t('mediation.case.performanceMethod')}>
                  {c.agreement.performanceMethod}，{fmt.date(c.agreement.performanceDue)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mediation.case.effectiveOn')}>
                  {fmt.date(c.agreement.effectiveOn)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mediation.case.performance')}>
                  {meta.data?.performances.find((p) => p.code === c.performance)?.label ?? '—'}
                </Descriptions.Item>
              </Descriptions>
              {c.followUps.map((f) => (
                <Typography.Paragraph key={f.id} style={{ marginTop: 8 }}>
                  {t('mediation.case.followUp')} {fmt.date(f.visitedOn)}：{f.note}
                </Typography.Paragraph>
              ))}
              <Divider titlePlacement="start">{t('mediation.case.confirmation')}</Divider>
              {c.confirmationWindow && (
                <Alert
                  type={c.confirmation ? 'success' : 'info'}
                  showIcon
                  data-testid="confirmation-window"
                  title={t('mediation.case.window', {
                    end: fmt.date(c.confirmationWindow.end),
                    law: c.confirmationWindow.law,
                    article: c.confirmationWindow.article,
                  })}
                  description={c.confirmationWindow.description}
                />
              )}
              {c.confirmationWindowPending && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="confirmation-window-pending"
                  title={t('mediation.case.windowPending')}
                  description={c.confirmationWindowPending}
                />
              )}
              {c.confirmation && (
                <Descriptions size="small" column={2} bordered style={{ marginTop: 8 }}>
                  <Descriptions.Item label={t('mediation.case.appliedOn')}>
                    {fmt.date(c.confirmation.appliedOn)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('mediation.case.court')}>
                    {c.confirmation.court}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('mediation.case.ruling')}>
                    {c.confirmation.rulingLabel ?? t('mediation.case.pendingRuling')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('mediation.case.rulingNumber')}>
                    {c.confirmation.rulingNumber ?? '—'} {fmt.date(c.confirmation.ruledOn)}
                  </Descriptions.Item>
                </Descriptions>
              )}
            </>
          )}
        </>
      )}
      <Modal
        title={step ? stepForm[step].title : ''}
        open={!!step}
        width={640}
        onCancel={() => setStep(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: mutate.isPending, ...({ 'data-testid': 'step-ok' } as object) }}
        destroyOnHidden
        afterClose={() => mutate.reset()}
      >
        {mutate.error && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(mutate.error)} />
        )}
        {step && (
          <Form<Values>
            key={`${step}-${route.data ? 1 : 0}`}
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={stepForm[step].initial}
            onFinish={(v) => {
              clearFieldErrors(form);
              mutate.mutate(v);
            }}
          >
            {stepForm[step].body}
          </Form>
        )}
      </Modal>
    </Drawer>
  );
}
