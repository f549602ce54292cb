import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type {
  PlanView,
  ProgressInput,
  ProgressReview,
  ProgressView,
  TaskDetail,
  TaskInput,
} from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan, useMe } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useUnits } from '../admin/units';
import { FileLinks, UploadField, type Uploaded } from './Attachments';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { unitTreeData } from './forms';
import { P, progressColor, stateColor, usePlanningKinds, usePlanningLabels } from './kinds';

type TaskValues = Omit<TaskInput, 'planId' | 'deadline'> & { deadline?: Dayjs };
type ReportValues = Omit<ProgressInput, 'reportedOn' | 'fileIds'> & {
  reportedOn?: Dayjs;
  files?: Uploaded[];
};

const invalidate = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: ['planning-tasks'] }),
    qc.invalidateQueries({ queryKey: ['planning-task'] }),
    qc.invalidateQueries({ queryKey: ['planning-plans'] }),
  ]);

/** Create or correct a task: the fields of the API's task; whether they hold is the server's answer. */
function TaskForm({
  task,
  plan,
  onSaved,
  onCancel,
}: {
  task: TaskDetail | null;
  plan: PlanView;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const units = useUnits();
  const kinds = usePlanningKinds();
  const labels = usePlanningLabels(kinds.data);
  const meetings = useQuery({
    queryKey: ['planning-meetings', null],
    queryFn: () => call(api.GET('/api/planning/meetings', { params: { query: {} } })),
  });
  const [form] = Form.useForm<TaskValues>();
  const save = useMutation({
    mutationFn: (v: TaskValues) => {
      const body = {
        title: v.title,
        leadUnitId: v.leadUnitId,
        participantUnitIds: v.participantUnitIds ?? [],
        deadline: v.deadline?.format('YYYY-MM-DD') ?? '',
        system: v.system ?? null,
        meetingId: v.meetingId ?? null,
        content: v.content || null,
        targets: v.targets || null,
        steps: v.steps || null,
        note: v.note || null,
      };
      return task
        ? call(api.PUT('/api/planning/tasks/{id}', { params: { path: { id: task.id } }, body }))
        : call(api.POST('/api/planning/tasks', { body: { ...body, planId: plan.id } }));
    },
    onSuccess: async (saved) => {
      void message.success(task ? t('common.saved') : t('tasks.created', { seq: saved.seq }));
      await invalidate(qc);
      onSaved(saved.id);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const tree = unitTreeData(units.data);
  const initial: Partial<TaskValues> = task
    ? {
        title: task.title,
        leadUnitId: task.leadUnit.id,
        participantUnitIds: task.participantUnits.map((u) => u.id),
        deadline: dayjs(task.deadline),
        system: task.system,
        meetingId: task.meetingId,
        content: task.content,
        targets: task.targets,
        steps: task.steps,
        note: task.note,
      }
    : { participantUnitIds: [] };

  return (
    <Form<TaskValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => {
        clearFieldErrors(form);
        save.mutate(v);
      }}
      onValuesChange={(changed: Partial<TaskValues>) =>
        form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof TaskValues, errors: [] })))
      }
      data-testid="task-form"
    >
      {save.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(save.error)} />
      )}
      <Form.Item name="title" label={t('tasks.title')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} />
      </Form.Item>
      <Space.Compact block style={{ gap: 16 }}>
        <Form.Item name="leadUnitId" label={t('tasks.lead')} required style={{ flex: 1 }}>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={tree}
            loading={units.isLoading}
          />
        </Form.Item>
        <Form.Item name="deadline" label={t('tasks.deadline')} required style={{ width: 200 }}>
          <DatePicker format={t('format.date')} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="participantUnitIds" label={t('tasks.participants')}>
        <TreeSelect
          multiple
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          treeData={tree}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Space.Compact block style={{ gap: 16 }}>
        <Form.Item name="system" label={t('tasks.system')} style={{ flex: 1 }}>
          <Select
            allowClear
            options={(kinds.data?.systems ?? []).map((s) => ({
              value: s.code,
              label: labels.system(s.code, s.label),
            }))}
          />
        </Form.Item>
        <Form.Item name="meetingId" label={t('tasks.meeting')} style={{ flex: 1 }}>
          <Select
            allowClear
            options={(meetings.data ?? [])
              .filter((m) => !m.voided)
              .map((m) => ({ value: m.id, label: m.title }))}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="content" label={t('tasks.content')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="targets" label={t('tasks.targets')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="steps" label={t('tasks.steps')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="note" label={t('tasks.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
      </Form.Item>
      <Space>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="task-save">
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}

/** 报送进展: a lead or participating unit reports; the lead gives the task's percentage. */
function ReportForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<ReportValues>();
  const taskUnits = [task.leadUnit, ...task.participantUnits];
  const own = taskUnits.find((u) => u.id === me?.unitId)?.id ?? task.leadUnit.id;
  const unitId = Form.useWatch('unitId', form) ?? own;
  const report = useMutation({
    mutationFn: (body: ProgressInput) =>
      call(api.POST('/api/planning/tasks/{id}/progress', { params: { path: { id: task.id } }, body })),
    onSuccess: async () => {
      void message.success(t('progress.reported'));
      form.resetFields();
      await invalidate(qc);
    },
    onError: (e) => showFieldErrors(form, e, { fileIds: 'files' }),
  });
  return (
    <Form<ReportValues>
      form={form}
      layout="vertical"
      initialValues={{ unitId: own, reportedOn: dayjs(), files: [] }}
      onFinish={(v) => {
        clearFieldErrors(form);
        report.mutate({
          unitId: v.unitId,
          reportedOn: v.reportedOn?.format('YYYY-MM-DD') ?? '',
          content: v.content ?? '',
          percent: v.percent ?? null,
          fileIds: (v.files ?? []).map((f) => f.id),
        });
      }}
      data-testid="progress-form"
    >
      {report.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(report.error)} />
      )}
      <Space.Compact block style={{ gap: 16 }}>
        <Form.Item name="unitId" label={t('progress.unit')} required style={{ flex: 1 }}>
          <Select
            options={taskUnits.map((u) => ({
              value: u.id,
              label: `${u.name}（${u.id === task.leadUnit.id ? t('progressRole.lead') : t('progressRole.participant')}）`,
            }))}
            onChange={() => form.setFieldValue('files', [])}
          />
        </Form.Item>
        <Form.Item name="reportedOn" label={t('progress.reportedOn')} required style={{ width: 180 }}>
          <DatePicker format={t('format.date')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="percent"
          label={t('progress.percent')}
          tooltip={t('progress.percentHint')}
          style={{ width: 140 }}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="content" label={t('progress.content')} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="files" label={t('progress.files')}>
        <UploadField owner={{ ownerEntity: 'planning.taskUnit', ownerId: `${task.id}:${unitId}` }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="progress-submit">
        {t('progress.submit')}
      </Button>
    </Form>
  );
}

/** One report in the history, with the office's 采纳 / 退回 while it waits for review. */
function ProgressItem({ p, manage }: { p: ProgressView; manage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = usePlanningLabels();
  const [returning, setReturning] = useState(false);
  const review = useMutation({
    mutationFn: (body: ProgressReview) =>
      call(api.POST('/api/planning/progress/{id}/review', { params: { path: { id: p.id } }, body })),
    onSuccess: async (r) => {
      setReturning(false);
      void message.success(labels.progress(r.status, r.statusLabel));
      await invalidate(qc);
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="progress-item">
      <Space wrap size={8}>
        <Typography.Text strong>{p.unit.name}</Typography.Text>
        <Tag>{labels.role(p.role)}</Tag>
        <Typography.Text type="secondary">{fmt.date(p.reportedOn)}</Typography.Text>
        {p.percent !== null && <Tag color="blue">{p.percent}%</Tag>}
        <Tag color={progressColor[p.status]}>{labels.progress(p.status, p.statusLabel)}</Tag>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {p.content}
      </Typography.Paragraph>
      <FileLinks ids={p.fileIds} />
      {p.reviewReason && (
        <Typography.Text type={p.status === 'returned' ? 'danger' : 'secondary'}>
          {t('progress.reviewNote', { at: fmt.dateTime(p.reviewedAt), reason: p.reviewReason })}
        </Typography.Text>
      )}
      {manage && p.status === 'submitted' && (
        <Space>
          <Button
            size="small"
            type="primary"
            loading={review.isPending}
            onClick={() => review.mutate({ decision: 'accept' })}
            data-testid="progress-accept"
          >
            {t('progress.accept')}
          </Button>
          <Button size="small" danger onClick={() => setReturning(true)} data-testid="progress-return">
            {t('progress.return')}
          </Button>
        </Space>
      )}
      <ReasonDialog
        open={returning}
        title={t('progress.returnTitle', { unit: p.unit.name })}
        label={t('progress.returnReason')}
        pending={review.isPending}
        onClose={() => setReturning(false)}
        onSubmit={(reason) => review.mutate({ decision: 'return', reason })}
      />
    </Space>
  );
}

/**
 * One task: its particulars and computed state, the progress its units reported and the office's
 * review of each, the report form for its units; or, for the office, the task's form.
 */
export function TaskDrawer({
  taskId,
  plan,
  open,
  onClose,
  onCreated,
}: {
  taskId: string | null;
  plan: PlanView | undefined;
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const kinds = usePlanningKinds();
  const labels = usePlanningLabels(kinds.data);
  const [editing, setEditing] = useState(!taskId);
  const [voiding, setVoiding] = useState(false);
  const detail = useQuery({
    queryKey: ['planning-task', taskId],
    queryFn: () =>
      call(api.GET('/api/planning/tasks/{id}', { params: { path: { id: taskId! }, query: {} } })),
    enabled: !!taskId,
  });
  const voidIt = useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/planning/tasks/{id}/void', { params: { path: { id: taskId! } }, body: { reason } }),
      ),
    onSuccess: async () => {
      setVoiding(false);
      void message.success(t('tasks.voidedDone'));
      await invalidate(qc);
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const task = detail.data;
  const manage = can(P.manage);
  const live = !!task && !task.voided;

  return (
    <Drawer
      title={task ? `${t('tasks.seqTitle', { seq: task.seq })} ${task.title}` : t('tasks.create')}
      open={open}
      onClose={onClose}
      size={780}
      destroyOnHidden
      data-testid="task-drawer"
      extra={
        live &&
        manage &&
        !editing && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="task-edit">
              {t('common.edit')}
            </Button>
            <Button danger onClick={() => setVoiding(true)}>
              {t('tasks.void')}
            </Button>
          </Space>
        )
      }
    >
      {detail.error && <Alert type="error" showIcon title={errorText(detail.error)} />}
      {taskId && detail.isLoading && <Spin />}
      {editing && plan && (!taskId || task) ? (
        <TaskForm
          task={task ?? null}
          plan={plan}
          onCancel={() => (taskId ? setEditing(false) : onClose())}
          onSaved={(id) => {
            setEditing(false);
            if (!taskId) onCreated(id);
          }}
        />
      ) : (
        task && (
          <>
            {task.voided && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('tasks.voidedTitle')}
                description={task.voidedReason}
              />
            )}
            <Descriptions size="small" column={2} bordered data-testid="task-detail">
              <Descriptions.Item label={t('tasks.state')}>
                <Tag color={stateColor[task.state]} data-testid="task-detail-state">
                  {labels.state(task.state, task.stateLabel)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.progress')}>
                <Progress percent={task.acceptedPercent ?? 0} size="small" style={{ width: 160 }} />
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.lead')}>{task.leadUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.deadline')}>{fmt.date(task.deadline)}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.participants')} span={2}>
                {task.participantUnits.map((u) => u.name).join('、') || t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.system')} span={2}>
                {task.system ? labels.system(task.system, task.systemLabel) : t('common.none')}
              </Descriptions.Item>
              {task.content && (
                <Descriptions.Item label={t('tasks.content')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{task.content}</span>
                </Descriptions.Item>
              )}
              {task.targets && (
                <Descriptions.Item label={t('tasks.targets')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{task.targets}</span>
                </Descriptions.Item>
              )}
              {task.steps && (
                <Descriptions.Item label={t('tasks.steps')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{task.steps}</span>
                </Descriptions.Item>
              )}
              {task.note && (
                <Descriptions.Item label={t('tasks.note')} span={2}>
                  {task.note}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Divider titlePlacement="start" plain>
              {t('progress.history')}
            </Divider>
            {task.progress.length ? (
              <Timeline
                data-testid="progress-history"
                items={task.progress.map((p) => ({
                  key: p.id,
                  color: p.status === 'accepted' ? 'green' : p.status === 'returned' ? 'red' : 'blue',
                  content: <ProgressItem p={p} manage={manage} />,
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.none')} />
            )}
            {live && can(P.report) && (
              <>
                <Divider titlePlacement="start" plain>
                  {t('progress.report')}
                </Divider>
                <ReportForm task={task} />
              </>
            )}
          </>
        )
      )}
      <ReasonDialog
        open={voiding}
        title={t('tasks.voidTitle', { title: task?.title })}
        label={t('common.reason')}
        pending={voidIt.isPending}
        onClose={() => setVoiding(false)}
        onSubmit={(reason) => voidIt.mutate(reason)}
      />
    </Drawer>
  );
}
