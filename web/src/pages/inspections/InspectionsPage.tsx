import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type {
  FeedbackInput,
  FeedbackItemView,
  InspectionActionInput,
  InspectionActionView,
  RoundInput,
  RoundKind,
  RoundSummary,
  RoundView,
} from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan, useMe } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useUnits } from '../admin/units';
import { findingStateColor, useFindingLabels } from '../findings/kinds';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { unitTreeData } from '../planning/forms';

const P = { manage: 'inspections.manage' };

function useKinds() {
  return useQuery({
    queryKey: ['inspection-kinds'],
    queryFn: () => call(api.GET('/api/inspections/kinds')),
    staleTime: Infinity,
  });
}
function useLabels() {
  const { t } = useTranslation();
  return {
    kind: (code: string, label: string) => t(`roundKind.${code}`, { defaultValue: label }),
    action: (code: string, label: string) => t(`actionKind.${code}`, { defaultValue: label }),
  };
}

type RoundValues = RoundInput;
type ActionValues = Omit<InspectionActionInput, 'date'> & { date?: Dayjs };
type FeedbackValues = Omit<FeedbackInput, 'receivedOn' | 'aspects'> & {
  receivedOn?: Dayjs;
  aspects?: (Omit<FeedbackInput['aspects'][number], 'dueOn'> & { dueOn?: Dayjs })[];
};

/** A modal form that sends `body(values)` to a write route and shows the server's field messages. */
function useWrite<V, R>(fn: (v: V) => Promise<R>, onDone: (r: R) => Promise<unknown> | void) {
  const [form] = Form.useForm();
  const m = useMutation({ mutationFn: fn, onSuccess: onDone, onError: (e) => showFieldErrors(form, e) });
  return { form, m };
}

function NewRoundDialog({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const kinds = useKinds();
  const labels = useLabels();
  const units = useUnits();
  const rounds = useQuery({
    queryKey: ['inspections', {}],
    queryFn: () => call(api.GET('/api/inspections', { params: { query: {} } })),
  });
  const { form, m } = useWrite(
    (body: RoundInput) => call(api.POST('/api/inspections', { body })),
    async (r) => {
      await qc.invalidateQueries({ queryKey: ['inspections'] });
      onClose(r.id);
    },
  );
  const kind = Form.useWatch('kind', form) as RoundKind | undefined;
  return (
    <Modal
      title={t('inspections.create')}
      open={open}
      width={680}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ loading: m.isPending }}
      destroyOnHidden
      afterClose={() => m.reset()}
    >
      {m.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(m.error)} />}
      <Form<RoundValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          unitId: me?.unitId,
          year: dayjs().year(),
          kind: 'regular',
          targetUnitIds: [],
          methods: [],
        }}
        onFinish={(v) => {
          clearFieldErrors(form);
          m.mutate({ ...v, followUpOfId: v.followUpOfId ?? null, note: v.note || null });
        }}
      >
        <Form.Item name="title" label={t('inspections.title')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="year" label={t('inspections.year')} required>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="kind" label={t('inspections.kind')} required>
            <Select
              style={{ width: 200 }}
              options={(kinds.data?.kinds ?? []).map((k) => ({
                value: k.code,
                label: labels.kind(k.code, k.label),
              }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('inspections.organiser')} required>
            <TreeSelect
              style={{ width: 240 }}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeData={unitTreeData(units.data)}
            />
          </Form.Item>
        </Space>
        {kind === 'followUp' && (
          <Form.Item name="followUpOfId" label={t('inspections.followUpOf')} required>
            <Select
              options={(rounds.data?.items ?? [])
                .filter((r) => !r.voided)
                .map((r) => ({ value: r.id, label: `${r.year} ${r.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="targetUnitIds" label={t('inspections.targets')} required>
          <TreeSelect
            multiple
            treeCheckable
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            maxTagCount="responsive"
            treeData={unitTreeData(units.data)}
          />
        </Form.Item>
        <Form.Item name="methods" label={t('inspections.methods')} required>
          <Checkbox.Group options={kinds.data?.methods ?? []} />
        </Form.Item>
        <Form.Item name="note" label={t('inspections.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ActionDialog({ round, open, onClose }: { round: RoundView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const kinds = useKinds();
  const labels = useLabels();
  const { form, m } = useWrite(
    (body: InspectionActionInput) =>
      call(api.POST('/api/inspections/{id}/actions', { params: { path: { id: round.id } }, body })),
    async (r) => {
      qc.setQueryData(['inspection', round.id], r);
      await qc.invalidateQueries({ queryKey: ['inspections'] });
      onClose();
    },
  );
  const kind = Form.useWatch('kind', form) as string | undefined;
  return (
    <Modal
      title={t('inspections.addAction')}
      open={open}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: m.isPending }}
      destroyOnHidden
      afterClose={() => m.reset()}
    >
      {m.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(m.error)} />}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'inspection', date: dayjs(), feedbackItemIds: [] }}
        onFinish={(v) => {
          clearFieldErrors(form);
          m.mutate({
            ...v,
            date: v.date?.format('YYYY-MM-DD') ?? '',
            feedbackItemIds: v.feedbackItemIds ?? [],
            notes: v.notes || null,
          });
        }}
      >
        <Space size={16}>
          <Form.Item name="kind" label={t('inspections.actionKind')}>
            <Select
              style={{ width: 180 }}
              options={(kinds.data?.actionKinds ?? []).map((k) => ({
                value: k.code,
                label: labels.action(k.code, k.label),
              }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('inspections.date')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="method" label={t('inspections.method')} required>
            <Select
              style={{ width: 140 }}
              options={(kinds.data?.methods ?? []).map((x) => ({ value: x, label: x }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="targetUnitId" label={t('inspections.target')} required>
          <Select options={round.targetUnits.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="place" label={t('inspections.place')} required>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="participants" label={t('inspections.participants')} required>
          <Input maxLength={500} />
        </Form.Item>
        {kind === 'followUp' && (
          <Form.Item name="feedbackItemIds" label={t('inspections.feedbackChecked')} required>
            <Select
              mode="multiple"
              options={round.feedback.map((f) => ({ value: f.id, label: `${f.seq}. ${f.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('inspections.notes')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FeedbackDialog({ round, open, onClose }: { round: RoundView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const labels = useFindingLabels();
  const { form, m } = useWrite(
    (body: FeedbackInput) =>
      call(api.POST('/api/inspections/{id}/feedback', { params: { path: { id: round.id } }, body })),
    async (r) => {
      qc.setQueryData(['inspection', round.id], r);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['inspections'] }),
        qc.invalidateQueries({ queryKey: ['findings'] }),
      ]);
      onClose();
    },
  );
  return (
    <Modal
      title={t('inspections.addFeedback')}
      open={open}
      width={860}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: m.isPending }}
      destroyOnHidden
      afterClose={() => {
        m.reset();
        form.resetFields();
      }}
    >
      {m.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(m.error)} />}
      <Form<FeedbackValues>
        form={form}
        layout="vertical"
        // no preserve={false}: it drops the list rows' initial values (antd 6); the
        // form is reset when the modal closes instead
        initialValues={{ receivedOn: dayjs(), aspects: [{ severity: 'normal' }] }}
        onFinish={(v) => {
          clearFieldErrors(form);
          m.mutate({
            source: v.source ?? '',
            reference: v.reference || null,
            receivedOn: v.receivedOn?.format('YYYY-MM-DD') ?? '',
            title: v.title ?? '',
            aspects: (v.aspects ?? []).map((a) => ({ ...a, dueOn: a.dueOn?.format('YYYY-MM-DD') ?? '' })),
          });
        }}
      >
        <Space size={16}>
          <Form.Item name="source" label={t('inspections.feedbackSource')} required>
            <Input maxLength={120} style={{ width: 260 }} placeholder={t('inspections.feedbackSourceHint')} />
          </Form.Item>
          <Form.Item name="reference" label={t('inspections.reference')}>
            <Input maxLength={80} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('inspections.receivedOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('inspections.feedbackTitle')} required>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
        </Form.Item>
        <Form.Item label={t('inspections.aspects')} required>
          <Form.List name="aspects">
            {(fields, ops, { errors }) => (
              <div>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <Typography.Text style={{ lineHeight: '32px' }}>{i + 1}.</Typography.Text>
                    <Form.Item name={[f.name, 'description']} style={{ width: 320, marginBottom: 8 }}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 3 }}
                        placeholder={t('inspections.aspect')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'responsibleUnitId']} style={{ width: 200, marginBottom: 8 }}>
                      <TreeSelect
                        showSearch={{ treeNodeFilterProp: 'title' }}
                        treeData={unitTreeData(units.data)}
                        placeholder={t('inspections.responsible')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} style={{ marginBottom: 8 }}>
                      <DatePicker
                        format={t('format.date')}
                        placeholder={t('inspections.dueOn')}
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'severity']} style={{ marginBottom: 8 }}>
                      <Select
                        style={{ width: 80 }}
                        options={(['minor', 'normal', 'serious'] as const).map((s) => ({
                          value: s,
                          label: labels.severity(s),
                        }))}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('meetings.remove')}
                      onClick={() => ops.remove(f.name)}
                    />
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({ severity: 'normal' })}>
                  {t('inspections.addAspect')}
                </Button>
              </div>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoundDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = useLabels();
  const findingLabels = useFindingLabels();
  const [dialog, setDialog] = useState<'action' | 'feedback' | 'void' | null>(null);
  const [voidingAction, setVoidingAction] = useState<InspectionActionView | null>(null);
  const detail = useQuery({
    queryKey: ['inspection', id],
    queryFn: () => call(api.GET('/api/inspections/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const after = async (r: RoundView) => {
    qc.setQueryData(['inspection', id], r);
    setDialog(null);
    setVoidingAction(null);
    await qc.invalidateQueries({ queryKey: ['inspections'] });
  };
  const voidRound = useMutation({
    mutationFn: (reason: string) =>
      call(api.POST('/api/inspections/{id}/void', { params: { path: { id: id! } }, body: { reason } })),
    onSuccess: after,
    onError: (e) => void message.error(errorText(e)),
  });
  const voidAction = useMutation({
    mutationFn: ({ actionId, reason }: { actionId: string; reason: string }) =>
      call(
        api.POST('/api/inspections/{id}/actions/{actionId}/void', {
          params: { path: { id: id!, actionId } },
          body: { reason },
        }),
      ),
    onSuccess: after,
    onError: (e) => void message.error(errorText(e)),
  });
  const r = detail.data;
  const manage = can(P.manage) && !!r && !r.voided;
  return (
    <Drawer
      title={r?.title}
      open={!!id}
      onClose={onClose}
      size={960}
      destroyOnHidden
      data-testid="round-drawer"
      extra={
        manage && (
          <Space>
            <Button onClick={() => setDialog('action')}>{t('inspections.addAction')}</Button>
            <Button onClick={() => setDialog('feedback')}>{t('inspections.addFeedback')}</Button>
            <Button danger onClick={() => setDialog('void')}>
              {t('inspections.void')}
            </Button>
          </Space>
        )
      }
    >
      {detail.error && <Alert type="error" showIcon title={errorText(detail.error)} />}
      {r && (
        <>
          {r.voided && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('inspections.voidedTitle')}
              description={r.voidedReason}
            />
          )}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('inspections.kind')}>
              {labels.kind(r.kind, r.kindLabel)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.year')}>{r.year}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.organiser')}>{r.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.methods')}>{r.methods.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.targets')} span={2}>
              {r.targetUnits.map((u) => u.name).join('、')}
            </Descriptions.Item>
            {r.note && (
              <Descriptions.Item label={t('inspections.note')} span={2}>
                {r.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Divider titlePlacement="start" plain>
            {t('inspections.actions', { count: r.actions.length })}
          </Divider>
          <Table<InspectionActionView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={r.actions}
            columns={[
              { title: t('inspections.date'), dataIndex: 'date', width: 130, render: fmt.date },
              {
                title: t('inspections.actionKind'),
                dataIndex: 'kind',
                width: 120,
                render: (k: string, a) => <Tag>{labels.action(k, a.kindLabel)}</Tag>,
              },
              { title: t('inspections.target'), dataIndex: 'targetUnitName', width: 180, ellipsis: true },
              { title: t('inspections.place'), dataIndex: 'place', width: 150, ellipsis: true },
              { title: t('inspections.method'), dataIndex: 'method', width: 100 },
              {
                title: t('inspections.participants'),
                dataIndex: 'participants',
                render: (p: string, a) => (
                  <Space size={4} wrap>
                    <Typography.Text delete={a.voided}>{p}</Typography.Text>
                    {a.voided && <Tag color="red">{t('tasks.voided')}</Tag>}
                  </Space>
                ),
              },
              ...(manage
                ? [
                    {
                      title: '',
                      key: 'void',
                      width: 70,
                      render: (_: unknown, a: InspectionActionView) =>
                        !a.voided && (
                          <Button type="link" size="small" danger onClick={() => setVoidingAction(a)}>
                            {t('inspections.void')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
          <Divider titlePlacement="start" plain>
            {t('inspections.feedback', { count: r.feedback.length })}
          </Divider>
          {r.feedback.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          {r.feedback.map((f: FeedbackItemView) => (
            <Card
              key={f.id}
              size="small"
              style={{ marginBottom: 12 }}
              title={`${f.seq}. ${f.title}`}
              extra={
                <Typography.Text type="secondary">
                  {f.source} {f.reference} · {fmt.date(f.receivedOn)}
                </Typography.Text>
              }
            >
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={f.aspects}
                columns={[
                  { title: '#', dataIndex: 'seq', width: 40 },
                  { title: t('inspections.aspect'), dataIndex: 'description' },
                  {
                    title: t('inspections.responsible'),
                    dataIndex: 'responsibleUnitName',
                    width: 180,
                    ellipsis: true,
                  },
                  { title: t('inspections.dueOn'), dataIndex: 'dueOn', width: 130, render: fmt.date },
                  {
                    title: t('inspections.rectification'),
                    key: 'state',
                    width: 150,
                    render: (_, a) => (
                      <Space size={4}>
                        {a.findingState && (
                          <Typography.Link href={`/findings?source=inspections`}>
                            <Tag color={findingStateColor[a.findingState]}>
                              {findingLabels.state(a.findingState)}
                            </Tag>
                          </Typography.Link>
                        )}
                        {a.overdue && <Tag color="red">{t('findings.overdueTag')}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
          <ActionDialog round={r} open={dialog === 'action'} onClose={() => setDialog(null)} />
          <FeedbackDialog round={r} open={dialog === 'feedback'} onClose={() => setDialog(null)} />
        </>
      )}
      <ReasonDialog
        open={dialog === 'void'}
        title={t('inspections.voidTitle', { title: r?.title })}
        label={t('common.reason')}
        pending={voidRound.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => voidRound.mutate(reason)}
      />
      <ReasonDialog
        open={!!voidingAction}
        title={t('inspections.voidActionTitle')}
        label={t('common.reason')}
        pending={voidAction.isPending}
        onClose={() => setVoidingAction(null)}
        onSubmit={(reason) => voidingAction && voidAction.mutate({ actionId: voidingAction.id, reason })}
      />
    </Drawer>
  );
}

/** 督察: the rounds by kind; each round's actions, the higher level's feedback and its rectification. */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const kinds = useKinds();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') as RoundKind | null) || undefined;
  const includeVoided = params.get('voided') === 'true' ? ('true' as const) : undefined;
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['inspections', { kind, includeVoided }],
    queryFn: () => call(api.GET('/api/inspections', { params: { query: { kind, includeVoided } } })),
    placeholderData: (prev) => prev,
  });
  return (
    <div className="fazhi-page">
      <Card
        title={t('inspections.pageTitle')}
        extra={
          can(P.manage) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('inspections.create')}
            </Button>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label={t('inspections.kind')}>
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={t('findings.all')}
              value={kind}
              options={(kinds.data?.kinds ?? []).map((k) => ({
                value: k.code,
                label: labels.kind(k.code, k.label),
              }))}
              onChange={(v?: string) => set('kind', v ?? '')}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox
              checked={!!includeVoided}
              onChange={(e) => set('voided', e.target.checked ? 'true' : '')}
            >
              {t('tasks.includeVoided')}
            </Checkbox>
          </Form.Item>
        </Form>
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <Table<RoundSummary>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('inspections.year'), dataIndex: 'year', width: 80 },
            {
              title: t('inspections.kind'),
              dataIndex: 'kind',
              width: 140,
              render: (k: string, r) => <Tag>{labels.kind(k, r.kindLabel)}</Tag>,
            },
            {
              title: t('inspections.title'),
              dataIndex: 'title',
              render: (title: string, r) => (
                <Space size={4} wrap>
                  <Typography.Text delete={r.voided}>{title}</Typography.Text>
                  {r.voided && <Tag color="red">{t('tasks.voided')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('inspections.targets'),
              key: 'targets',
              width: 260,
              ellipsis: true,
              render: (_, r) => r.targetUnits.map((u) => u.name).join('、'),
            },
            { title: t('inspections.actionCount'), dataIndex: 'actionCount', width: 90 },
          ]}
        />
      </Card>
      <RoundDrawer id={open} onClose={() => setOpen(null)} />
      <NewRoundDialog
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) setOpen(id);
        }}
      />
    </div>
  );
}
