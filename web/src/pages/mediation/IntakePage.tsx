import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useUrlState } from '../../app/url-state';
import { useMeta } from './meta';
import { useTownships } from './NewCaseDialog';
import type { Question, Visit } from './types';

type Key = 'tab' | 'channel' | 'from' | 'to' | 'page';
type Values = Record<string, unknown>;
type Dialog =
  | { kind: 'visit' }
  | { kind: 'question' }
  | { kind: 'closeVisit'; id: string }
  | { kind: 'answer'; id: string };
const day = (v: unknown) => (v as Dayjs | undefined)?.format('YYYY-MM-DD') ?? '';

function send(d: Dialog, v: Values): Promise<unknown> {
  switch (d.kind) {
    case 'visit':
      return call(
        api.POST('/api/mediation/visits', {
          body: {
            unitId: v.unitId as number,
            visitedOn: day(v.date),
            visitorName: String(v.visitorName ?? ''),
            phone: (v.phone as string) || null,
            persons: (v.persons as number) ?? 1,
            divisionCode: (v.divisionCode as string) || null,
            matter: String(v.matter ?? ''),
          },
        }),
      );
    case 'question':
      return call(
        api.POST('/api/mediation/questions', {
          body: {
            unitId: v.unitId as number,
            channel: v.channel as 'counter',
            receivedOn: day(v.date),
            askerName: (v.askerName as string) || null,
            language: (v.language as 'zh') ?? 'zh',
            question: String(v.question ?? ''),
            answer: (v.answer as string) || null,
          },
        }),
      );
    case 'closeVisit':
      return call(
        api.POST('/api/mediation/visits/{id}/close', {
          params: { path: { id: d.id } },
          body: { handling: v.handling as 'resolved', closedOn: day(v.date), note: String(v.note ?? '') },
        }),
      );
    case 'answer':
      return call(
        api.POST('/api/mediation/questions/{id}/answer', {
          params: { path: { id: d.id } },
          body: { answer: String(v.answer ?? ''), answeredOn: day(v.date) },
        }),
      );
  }
}

/** 来访登记, 在线答疑 and 法律咨询: the centre's reception. */
export default function IntakePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const meta = useMeta();
  const towns = useTownships();
  const { params, set } = useUrlState<Key>({ pagedList: true });
  const tab = params.get('tab') === 'questions' ? 'questions' : 'visits';
  const range = { from: params.get('from') || undefined, to: params.get('to') || undefined };
  const page = Number(params.get('page')) || 1;
  const channel = (params.get('channel') || undefined) as Question['channel'] | undefined;
  const visits = useQuery({
    queryKey: ['mediation', 'visits', range, page],
    queryFn: () => call(api.GET('/api/mediation/visits', { params: { query: { ...range, page } } })),
    enabled: tab === 'visits',
  });
  const questions = useQuery({
    queryKey: ['mediation', 'questions', range, page, channel],
    queryFn: () =>
      call(api.GET('/api/mediation/questions', { params: { query: { ...range, page, channel } } })),
    enabled: tab === 'questions',
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => send(dialog!, v),
    onSuccess: async () => {
      setDialog(null);
      void message.success(t('mediation.saved'));
      await qc.invalidateQueries({ queryKey: ['mediation'] });
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const canIntake = !!meta.data?.canHandle;
  const units = meta.data?.units.map((u) => ({ value: u.id, label: u.name }));
  const dates = (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null] as never}
      onChange={(v) =>
        set({ from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' })
      }
    />
  );

  const dialogBody = () => {
    if (!dialog) return null;
    switch (dialog.kind) {
      case 'visit':
        return (
          <>
            <Form.Item name="unitId" label={t('mediation.unit')} required>
              <Select options={units} />
            </Form.Item>
            <Space size={16} wrap>
              <Form.Item name="date" label={t('mediation.intake.visitedOn')} required>
                <DatePicker format={t('format.date')} />
              </Form.Item>
              <Form.Item name="visitorName" label={t('mediation.intake.visitor')} required>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="persons" label={t('mediation.intake.persons')}>
                <InputNumber min={1} max={500} />
              </Form.Item>
              <Form.Item name="phone" label={t('mediation.phone')}>
                <Input style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="divisionCode" label={t('mediation.cases.place')}>
                <Select
                  allowClear
                  style={{ width: 150 }}
                  options={towns.data?.map((d) => ({ value: d.code, label: d.name }))}
                />
              </Form.Item>
            </Space>
            <Form.Item name="matter" label={t('mediation.intake.matter')} required>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        );
      case 'question':
        return (
          <>
            <Form.Item name="unitId" label={t('mediation.unit')} required>
              <Select options={units} />
            </Form.Item>
            <Space size={16} wrap>
              <Form.Item name="channel" label={t('mediation.intake.channel')}>
                <Radio.Group
                  options={[
                    { value: 'counter', label: t('mediation.intake.counter') },
                    { value: 'online', label: t('mediation.intake.online') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="date" label={t('mediation.date')} required>
                <DatePicker format={t('format.date')} />
              </Form.Item>
              <Form.Item name="askerName" label={t('mediation.intake.asker')}>
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="language" label={t('mediation.intake.language')}>
                <Radio.Group
                  options={[
                    { value: 'zh', label: '汉文' },
                    { value: 'bo', label: 'བོད་ཡིག' },
                  ]}
                />
              </Form.Item>
            </Space>
            <Form.Item name="question" label={t('mediation.intake.question')} required>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="answer" label={t('mediation.intake.answer')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        );
      case 'closeVisit':
        return (
          <>
            <Form.Item name="handling" label={t('mediation.intake.handling')}>
              <Radio.Group
                options={[
                  { value: 'resolved', label: t('mediation.intake.resolved') },
                  { value: 'referred', label: t('mediation.intake.referred') },
                ]}
              />
            </Form.Item>
            <Form.Item name="date" label={t('mediation.date')} required>
              <DatePicker format={t('format.date')} />
            </Form.Item>
            <Form.Item name="note" label={t('mediation.case.note')} required>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        );
      case 'answer':
        return (
          <>
            <Form.Item name="date" label={t('mediation.date')} required>
              <DatePicker format={t('format.date')} />
            </Form.Item>
            <Form.Item name="answer" label={t('mediation.intake.answer')} required>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
          </>
        );
    }
  };

  return (
    <div className="fazhi-page">
      <Card title={t('mediation.intake.title')}>
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k })}
          tabBarExtraContent={
            <Space>
              {dates}
              {canIntake && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog({ kind: tab === 'visits' ? 'visit' : 'question' })}
                  data-testid="intake-create"
                >
                  {tab === 'visits' ? t('mediation.intake.newVisit') : t('mediation.intake.newQuestion')}
                </Button>
              )}
            </Space>
          }
          items={[
            {
              key: 'visits',
              label: t('mediation.intake.visits'),
              children: (
                <>
                  {visits.error && <Alert type="error" title={errorText(visits.error)} />}
                  <Table<Visit>
                    rowKey="id"
                    size="small"
                    loading={visits.isFetching}
                    dataSource={visits.data?.items}
                    pagination={{
                      current: page,
                      pageSize: 20,
                      total: visits.data?.total,
                      showSizeChanger: false,
                    }}
                    onChange={(p) => set({ page: String(p.current ?? 1) })}
                    columns={[
                      {
                        title: t('mediation.intake.visitedOn'),
                        dataIndex: 'visitedOn',
                        width: 130,
                        render: fmt.date,
                      },
                      { title: t('mediation.intake.visitor'), dataIndex: 'visitorName', width: 110 },
                      { title: t('mediation.intake.persons'), dataIndex: 'persons', width: 70 },
                      { title: t('mediation.phone'), dataIndex: 'phone', width: 130 },
                      { title: t('mediation.intake.matter'), dataIndex: 'matter', ellipsis: true },
                      {
                        title: t('mediation.intake.handling'),
                        dataIndex: 'handling',
                        width: 200,
                        render: (h: Visit['handling'], v) =>
                          h === 'pending' && canIntake ? (
                            <Button size="small" onClick={() => setDialog({ kind: 'closeVisit', id: v.id })}>
                              {t('mediation.intake.close')}
                            </Button>
                          ) : (
                            <Tag color={h === 'resolved' ? 'green' : h === 'case' ? 'blue' : 'default'}>
                              {v.handlingLabel}
                              {v.caseNumber ? ` ${v.caseNumber}` : ''}
                            </Tag>
                          ),
                      },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'questions',
              label: t('mediation.intake.questions'),
              children: (
                <>
                  <Radio.Group
                    style={{ marginBottom: 12 }}
                    value={channel ?? ''}
                    onChange={(e) => set({ channel: e.target.value as string })}
                    optionType="button"
                    options={[
                      { value: '', label: t('mediation.all') },
                      { value: 'online', label: t('mediation.intake.online') },
                      { value: 'counter', label: t('mediation.intake.counter') },
                    ]}
                  />
                  {questions.error && <Alert type="error" title={errorText(questions.error)} />}
                  <Table<Question>
                    rowKey="id"
                    size="small"
                    loading={questions.isFetching}
                    dataSource={questions.data?.items}
                    pagination={{
                      current: page,
                      pageSize: 20,
                      total: questions.data?.total,
                      showSizeChanger: false,
                    }}
                    onChange={(p) => set({ page: String(p.current ?? 1) })}
                    expandable={{ expandedRowRender: (q) => q.answer ?? t('mediation.intake.unanswered') }}
                    columns={[
                      { title: t('mediation.date'), dataIndex: 'receivedOn', width: 130, render: fmt.date },
                      { title: t('mediation.intake.channel'), dataIndex: 'channelLabel', width: 110 },
                      {
                        title: t('mediation.intake.question'),
                        dataIndex: 'question',
                        ellipsis: true,
                        render: (q: string, r) => <span lang={r.language}>{q}</span>,
                      },
                      { title: t('mediation.intake.asker'), dataIndex: 'askerName', width: 100 },
                      {
                        title: t('mediation.intake.answer'),
                        dataIndex: 'answeredOn',
                        width: 150,
                        render: (d: string | null, q) =>
                          d ? (
                            fmt.date(d)
                          ) : canIntake ? (
                            <Button size="small" onClick={() => setDialog({ kind: 'answer', id: q.id })}>
                              {t('mediation.intake.doAnswer')}
                            </Button>
                          ) : (
                            <Tag>{t('mediation.intake.unanswered')}</Tag>
                          ),
                      },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        title={dialog ? t(`mediation.intake.dialog.${dialog.kind}`) : ''}
        open={!!dialog}
        width={680}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending }}
        destroyOnHidden
        afterClose={() => save.reset()}
      >
        {save.error && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(save.error)} />
        )}
        {dialog && (
          <Form<Values>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{
              unitId: meta.data?.units[0]?.id,
              date: dayjs(),
              persons: 1,
              channel: 'counter',
              language: 'zh',
              handling: 'resolved',
            }}
            onFinish={(v) => {
              clearFieldErrors(form);
              save.mutate(v);
            }}
          >
            {dialogBody()}
          </Form>
        )}
      </Modal>
    </div>
  );
}
