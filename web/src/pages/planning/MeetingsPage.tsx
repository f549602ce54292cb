import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  List,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { MeetingInput, MeetingView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan, useMe } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useUnits } from '../admin/units';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { unitTreeData } from './forms';
import { P } from './kinds';

type Values = Omit<MeetingInput, 'heldOn' | 'agenda' | 'decisions'> & {
  heldOn?: Dayjs;
  agenda?: { text: string }[];
  decisions?: { text: string }[];
};

/** A list of one-line texts (议题, 议定事项) as form rows. */
function TextRows({ name, add, testId }: { name: 'agenda' | 'decisions'; add: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, ops, { errors }) => (
        <div data-testid={testId}>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ display: 'flex' }}>
              <Typography.Text style={{ lineHeight: '32px', width: 24 }}>{i + 1}.</Typography.Text>
              <Form.Item name={[f.name, 'text']} style={{ width: 580, marginBottom: 8 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
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
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({ text: '' })}>
            {add}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Record or correct a committee meeting: agenda, attendees, decisions; its tasks come from the task list. */
function MeetingDrawer({
  meeting,
  open,
  onClose,
}: {
  meeting: MeetingView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const can = useCan();
  const { data: me } = useMe();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const [voiding, setVoiding] = useState(false);
  const manage = can(P.manage) && !meeting?.voided;
  const rename = { agenda: 'agenda', decisions: 'decisions' };
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title ?? '',
        heldOn: v.heldOn?.format('YYYY-MM-DD') ?? '',
        place: v.place || null,
        agenda: (v.agenda ?? []).map((a) => a.text ?? ''),
        attendees: (v.attendees ?? []).map((a) => ({ ...a, role: a.role || null })),
        decisions: (v.decisions ?? []).map((d) => d.text ?? ''),
      };
      return meeting
        ? call(api.PUT('/api/planning/meetings/{id}', { params: { path: { id: meeting.id } }, body }))
        : call(api.POST('/api/planning/meetings', { body: { ...body, unitId: v.unitId } }));
    },
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['planning-meetings'] });
      onClose();
    },
    onError: (e) => showFieldErrors(form, e, rename),
  });
  const voidIt = useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/planning/meetings/{id}/void', {
          params: { path: { id: meeting!.id } },
          body: { reason },
        }),
      ),
    onSuccess: async () => {
      setVoiding(false);
      await qc.invalidateQueries({ queryKey: ['planning-meetings'] });
      onClose();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const initial: Partial<Values> = meeting
    ? {
        unitId: meeting.unit.id,
        title: meeting.title,
        heldOn: dayjs(meeting.heldOn),
        place: meeting.place,
        agenda: meeting.agenda.map((text) => ({ text })),
        attendees: meeting.attendees,
        decisions: meeting.decisions.map((text) => ({ text })),
      }
    : { unitId: me?.unitId, heldOn: dayjs(), agenda: [{ text: '' }], attendees: [], decisions: [] };
  return (
    <Drawer
      title={meeting ? meeting.title : t('meetings.create')}
      open={open}
      onClose={onClose}
      size={780}
      destroyOnHidden
      afterOpenChange={(o) => !o && save.reset()}
      footer={
        manage && (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
                {t('common.save')}
              </Button>
            </Space>
            {meeting && (
              <Button danger onClick={() => setVoiding(true)}>
                {t('meetings.void')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {meeting?.voided && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('meetings.voidedTitle')}
          description={meeting.voidedReason}
        />
      )}
      {save.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(save.error)} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!manage}
        initialValues={initial}
        onFinish={(v) => {
          clearFieldErrors(form);
          save.mutate(v);
        }}
      >
        {!meeting && (
          <Form.Item name="unitId" label={t('meetings.unit')} required>
            <TreeSelect showSearch={{ treeNodeFilterProp: 'title' }} treeData={unitTreeData(units.data)} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('meetings.title')} required>
          <Input maxLength={120} />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="heldOn" label={t('meetings.heldOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="place" label={t('meetings.place')}>
            <Input maxLength={120} style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('meetings.agenda')} required>
          <TextRows name="agenda" add={t('meetings.addAgenda')} testId="meeting-agenda" />
        </Form.Item>
        <Form.Item label={t('meetings.attendees')}>
          <Form.List name="attendees">
            {(fields, ops, { errors }) => (
              <div>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'name']} style={{ width: 160, marginBottom: 8 }}>
                      <Input placeholder={t('meetings.attendeeName')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unitName']} style={{ width: 260, marginBottom: 8 }}>
                      <Input placeholder={t('meetings.attendeeUnit')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} style={{ width: 160, marginBottom: 8 }}>
                      <Input placeholder={t('meetings.attendeeRole')} />
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
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => ops.add({ name: '', unitName: '', role: '' })}
                >
                  {t('meetings.addAttendee')}
                </Button>
              </div>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('meetings.decisions')}>
          <TextRows name="decisions" add={t('meetings.addDecision')} testId="meeting-decisions" />
        </Form.Item>
      </Form>
      {meeting && (
        <List
          size="small"
          header={
            <Typography.Text strong>{t('meetings.tasks', { count: meeting.tasks.length })}</Typography.Text>
          }
          dataSource={meeting.tasks}
          locale={{ emptyText: t('meetings.noTasks') }}
          renderItem={(task) => (
            <List.Item>
              <Typography.Link
                href={`/planning/tasks?plan=${task.planId}&q=${encodeURIComponent(task.title.slice(0, 20))}`}
              >
                {task.seq}. {task.title}
              </Typography.Link>
            </List.Item>
          )}
        />
      )}
      <ReasonDialog
        open={voiding}
        title={t('meetings.voidTitle', { title: meeting?.title })}
        label={t('common.reason')}
        pending={voidIt.isPending}
        onClose={() => setVoiding(false)}
        onSubmit={(reason) => voidIt.mutate(reason)}
      />
    </Drawer>
  );
}

/** 委员会会议: the committee's meetings, their agenda, attendees, decisions and the tasks they set. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const [drawer, setDrawer] = useState<{ session: number; meeting: MeetingView | null } | null>(null);
  const list = useQuery({
    queryKey: ['planning-meetings', null],
    queryFn: () => call(api.GET('/api/planning/meetings', { params: { query: {} } })),
  });
  return (
    <div className="fazhi-page">
      <Card
        title={t('meetings.pageTitle')}
        extra={
          can(P.manage) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer({ session: Date.now(), meeting: null })}
            >
              {t('meetings.create')}
            </Button>
          )
        }
      >
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <Table<MeetingView>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data}
          onRow={(m) => ({
            onClick: () => setDrawer({ session: Date.now(), meeting: m }),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('meetings.heldOn'), dataIndex: 'heldOn', width: 140, render: fmt.date },
            {
              title: t('meetings.title'),
              dataIndex: 'title',
              render: (title: string, m) => (
                <Space size={4} wrap>
                  <Typography.Text delete={m.voided}>{title}</Typography.Text>
                  {m.voided && <Tag color="red">{t('tasks.voided')}</Tag>}
                </Space>
              ),
            },
            { title: t('meetings.place'), dataIndex: 'place', width: 180 },
            { title: t('meetings.agenda'), key: 'agenda', width: 90, render: (_, m) => m.agenda.length },
            {
              title: t('meetings.decisions'),
              key: 'decisions',
              width: 90,
              render: (_, m) => m.decisions.length,
            },
            { title: t('meetings.taskCount'), key: 'tasks', width: 90, render: (_, m) => m.tasks.length },
          ]}
        />
      </Card>
      <MeetingDrawer
        key={drawer?.session}
        meeting={drawer?.meeting ?? null}
        open={!!drawer}
        onClose={() => setDrawer(null)}
      />
    </div>
  );
}
