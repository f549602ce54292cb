import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
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
import type { NoticeInput, NoticeQuery, NoticeReply, NoticeView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan, useMe } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useUnits } from '../admin/units';
import { FileLinks, UploadField, type Uploaded } from './Attachments';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { unitTreeData } from './forms';
import { P, usePlanningKinds, usePlanningLabels } from './kinds';

const levelColor = ['default', 'gold', 'orange', 'red'];

type IssueValues = Omit<NoticeInput, 'issuedOn'> & { issuedOn?: Dayjs };
type ReplyValues = Omit<NoticeReply, 'repliedOn' | 'fileIds'> & { repliedOn?: Dayjs; files?: Uploaded[] };

/** 下发督办单: the office addresses a unit about some of its tasks, with a reply period in working days. */
function IssueDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const units = useUnits();
  const [form] = Form.useForm<IssueValues>();
  const target = Form.useWatch('targetUnitId', form);
  const tasks = useQuery({
    queryKey: ['planning-tasks', { unitId: target, pageSize: 200 }],
    queryFn: () =>
      call(api.GET('/api/planning/tasks', { params: { query: { unitId: target, pageSize: 200 } } })),
    enabled: !!target,
  });
  const issue = useMutation({
    mutationFn: (body: NoticeInput) => call(api.POST('/api/planning/notices', { body })),
    onSuccess: async (n) => {
      void message.success(t('notices.issued', { number: n.number }));
      await qc.invalidateQueries({ queryKey: ['planning-notices'] });
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Drawer
      title={t('notices.issue')}
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      afterOpenChange={(o) => !o && issue.reset()}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={issue.isPending} onClick={() => form.submit()}>
            {t('notices.issueOk')}
          </Button>
        </Space>
      }
    >
      {issue.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(issue.error)} />
      )}
      <Form<IssueValues>
        form={form}
        layout="vertical"
        initialValues={{ unitId: me?.unitId, issuedOn: dayjs(), replyWorkdays: 5, taskIds: [] }}
        onFinish={(v) => {
          clearFieldErrors(form);
          issue.mutate({
            unitId: v.unitId,
            targetUnitId: v.targetUnitId,
            taskIds: v.taskIds ?? [],
            issuedOn: v.issuedOn?.format('YYYY-MM-DD') ?? '',
            subject: v.subject ?? '',
            requirements: v.requirements ?? '',
            replyWorkdays: v.replyWorkdays,
          });
        }}
      >
        <Form.Item name="unitId" label={t('notices.issuer')} required>
          <TreeSelect showSearch={{ treeNodeFilterProp: 'title' }} treeData={unitTreeData(units.data)} />
        </Form.Item>
        <Form.Item name="targetUnitId" label={t('notices.target')} required>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={unitTreeData(units.data)}
            onChange={() => form.setFieldValue('taskIds', [])}
          />
        </Form.Item>
        <Form.Item name="taskIds" label={t('notices.tasks')} required>
          <Select
            mode="multiple"
            loading={tasks.isFetching}
            optionFilterProp="label"
            options={(tasks.data?.items ?? []).map((task) => ({
              value: task.id,
              label: `${task.year}-${task.seq} ${task.title}`,
            }))}
          />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="issuedOn" label={t('notices.issuedOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="replyWorkdays" label={t('notices.replyWorkdays')}>
            <InputNumber min={1} max={60} precision={0} suffix={t('notices.workdays')} />
          </Form.Item>
        </Space>
        <Form.Item name="subject" label={t('notices.subject')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="requirements" label={t('notices.requirements')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** One notice: number, tasks, reply deadline; the unit replies, the office may void. */
function NoticeDrawer({ notice, onClose }: { notice: NoticeView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = usePlanningLabels(usePlanningKinds().data);
  const [form] = Form.useForm<ReplyValues>();
  const [voiding, setVoiding] = useState(false);
  const [current, setCurrent] = useState<NoticeView | null>(null);
  const n = current?.id === notice?.id ? current : notice;
  const done = async (v: NoticeView) => {
    setCurrent(v);
    await qc.invalidateQueries({ queryKey: ['planning-notices'] });
  };
  const reply = useMutation({
    mutationFn: (body: NoticeReply) =>
      call(api.POST('/api/planning/notices/{id}/reply', { params: { path: { id: n!.id } }, body })),
    onSuccess: async (v) => {
      void message.success(t('notices.replied'));
      await done(v);
    },
    onError: (e) => showFieldErrors(form, e, { fileIds: 'files' }),
  });
  const voidIt = useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/planning/notices/{id}/void', { params: { path: { id: n!.id } }, body: { reason } }),
      ),
    onSuccess: async (v) => {
      setVoiding(false);
      await done(v);
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Drawer
      title={n ? `${n.number} ${n.subject}` : ''}
      open={!!notice}
      onClose={onClose}
      size={700}
      destroyOnHidden
      data-testid="notice-drawer"
      extra={
        n &&
        !n.voided &&
        can(P.manage) && (
          <Button danger onClick={() => setVoiding(true)}>
            {t('notices.void')}
          </Button>
        )
      }
    >
      {n && (
        <>
          {n.voided && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('notices.voidedTitle')}
              description={n.voidedReason}
            />
          )}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('notices.number')}>{n.number}</Descriptions.Item>
            <Descriptions.Item label={t('notices.issuedOn')}>{fmt.date(n.issuedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('notices.issuer')}>{n.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('notices.target')}>{n.targetUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('notices.replyDue')}>
              <Space size={4}>
                {fmt.date(n.replyDue)}
                <Typography.Text type="secondary">
                  {t('notices.withinWorkdays', { n: n.replyWorkdays })}
                </Typography.Text>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.escalation')}>
              {n.escalationLevel > 0 ? (
                <Tag color={levelColor[n.escalationLevel]}>
                  {labels.escalation(n.escalationLevel, n.escalationLabel)} ·{' '}
                  {t('notices.daysOverdue', { n: n.daysOverdue })}
                </Tag>
              ) : (
                t('common.none')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.tasks')} span={2}>
              {n.tasks.map((task) => (
                <div key={task.id}>
                  {task.seq}. {task.title}
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.requirements')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{n.requirements}</span>
            </Descriptions.Item>
            {n.reply && (
              <Descriptions.Item label={t('notices.reply')} span={2}>
                <Space orientation="vertical" size={4}>
                  <Typography.Text type="secondary">{fmt.date(n.repliedOn)}</Typography.Text>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{n.reply}</span>
                  <FileLinks ids={n.replyFileIds} />
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          {!n.voided && !n.repliedOn && can(P.report) && (
            <Form<ReplyValues>
              form={form}
              layout="vertical"
              style={{ marginTop: 24 }}
              initialValues={{ repliedOn: dayjs(), files: [] }}
              onFinish={(v) => {
                clearFieldErrors(form);
                reply.mutate({
                  repliedOn: v.repliedOn?.format('YYYY-MM-DD') ?? '',
                  reply: v.reply ?? '',
                  fileIds: (v.files ?? []).map((f) => f.id),
                });
              }}
              data-testid="notice-reply-form"
            >
              {reply.error && (
                <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(reply.error)} />
              )}
              <Form.Item name="repliedOn" label={t('notices.repliedOn')} required>
                <DatePicker format={t('format.date')} />
              </Form.Item>
              <Form.Item name="reply" label={t('notices.reply')} required>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
              </Form.Item>
              <Form.Item name="files" label={t('progress.files')}>
                <UploadField owner={{ ownerEntity: 'planning.notice', ownerId: n.id }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={reply.isPending}>
                {t('notices.submitReply')}
              </Button>
            </Form>
          )}
        </>
      )}
      <ReasonDialog
        open={voiding}
        title={t('notices.voidTitle', { number: n?.number })}
        label={t('common.reason')}
        pending={voidIt.isPending}
        onClose={() => setVoiding(false)}
        onSubmit={(reason) => voidIt.mutate(reason)}
      />
    </Drawer>
  );
}

/** 督办: the supervision notices in the user's scope, filtered by escalation; issue, reply, void. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const kinds = usePlanningKinds();
  const labels = usePlanningLabels(kinds.data);
  const [params, setParams] = useSearchParams();
  const filter: NoticeQuery = {
    minLevel: Number(params.get('level')) || undefined,
    replied: (params.get('replied') as 'true' | 'false' | null) || undefined,
    includeVoided: params.get('voided') === 'true' ? 'true' : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: 20,
  };
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    if (k !== 'page') p.delete('page');
    setParams(p, { replace: true });
  };
  const [open, setOpen] = useState<NoticeView | null>(null);
  const [issuing, setIssuing] = useState(false);
  const list = useQuery({
    queryKey: ['planning-notices', filter],
    queryFn: () => call(api.GET('/api/planning/notices', { params: { query: filter } })),
    placeholderData: (prev) => prev,
  });

  return (
    <div className="fazhi-page">
      <Card
        title={t('notices.pageTitle')}
        extra={
          can(P.manage) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
              {t('notices.issue')}
            </Button>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('notices.escalation')}>
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('notices.allLevels')}
              value={filter.minLevel}
              options={(kinds.data?.escalation ?? []).map((e) => ({
                value: e.level,
                label: t('notices.levelAtLeast', { label: labels.escalation(e.level, e.label) }),
              }))}
              onChange={(v?: number) => set('level', v ? String(v) : '')}
            />
          </Form.Item>
          <Form.Item label={t('notices.replyState')}>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('notices.allLevels')}
              value={filter.replied}
              options={[
                { value: 'true', label: t('notices.repliedYes') },
                { value: 'false', label: t('notices.repliedNo') },
              ]}
              onChange={(v?: string) => set('replied', v ?? '')}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox
              checked={filter.includeVoided === 'true'}
              onChange={(e) => set('voided', e.target.checked ? 'true' : '')}
            >
              {t('tasks.includeVoided')}
            </Checkbox>
          </Form.Item>
        </Form>
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <Table<NoticeView>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(n) => ({ onClick: () => setOpen(n), style: { cursor: 'pointer' } })}
          pagination={{
            current: filter.page,
            pageSize: 20,
            total: list.data?.total,
            showTotal: (total) => t('notices.total', { total: fmt.number(total) }),
          }}
          onChange={(p) => set('page', String(p.current ?? 1))}
          columns={[
            { title: t('notices.number'), dataIndex: 'number', width: 170 },
            {
              title: t('notices.subject'),
              dataIndex: 'subject',
              render: (s: string, n) => (
                <Space size={4} wrap>
                  <Typography.Text delete={n.voided}>{s}</Typography.Text>
                  {n.voided && <Tag color="red">{t('tasks.voided')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('notices.target'),
              key: 'target',
              width: 200,
              ellipsis: true,
              render: (_, n) => n.targetUnit.name,
            },
            { title: t('notices.issuedOn'), dataIndex: 'issuedOn', width: 130, render: fmt.date },
            { title: t('notices.replyDue'), dataIndex: 'replyDue', width: 130, render: fmt.date },
            {
              title: t('notices.replyState'),
              key: 'state',
              width: 150,
              render: (_, n) =>
                n.repliedOn ? (
                  <Tag color="success">{t('notices.repliedOn_', { date: fmt.date(n.repliedOn) })}</Tag>
                ) : n.escalationLevel > 0 ? (
                  <Tag color={levelColor[n.escalationLevel]}>
                    {labels.escalation(n.escalationLevel, n.escalationLabel)} ·{' '}
                    {t('notices.daysOverdue', { n: n.daysOverdue })}
                  </Tag>
                ) : (
                  <Tag>{t('notices.awaiting')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <NoticeDrawer notice={open} onClose={() => setOpen(null)} />
      <IssueDrawer open={issuing} onClose={() => setIssuing(false)} />
    </div>
  );
}
