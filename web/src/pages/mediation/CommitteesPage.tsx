import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useMeta } from './meta';
import type { Committee, CreateMediator, Mediator } from './types';

type Values = Omit<CreateMediator, 'appointedOn'> & { appointedOn?: Dayjs };

/** A committee's roster: 委员 first, then the mediators it engaged; trainings from the ledger. */
function Roster({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roster = useQuery({
    queryKey: ['mediation', 'mediators', unitId],
    queryFn: () => call(api.GET('/api/mediation/mediators', { params: { query: { unitId } } })),
  });
  return (
    <Table<Mediator>
      rowKey="id"
      size="small"
      pagination={false}
      loading={roster.isFetching}
      dataSource={roster.data}
      columns={[
        { title: t('mediation.org.name'), dataIndex: 'name', width: 110 },
        {
          title: t('mediation.org.role'),
          dataIndex: 'committeeRoleLabel',
          width: 80,
          render: (v: string | null) => v ?? t('mediation.org.engaged'),
        },
        {
          title: t('mediation.org.gender'),
          dataIndex: 'gender',
          width: 60,
          render: (g: string) => t(`mediation.org.${g}`),
        },
        { title: t('mediation.org.ethnicity'), dataIndex: 'ethnicity', width: 70 },
        {
          title: t('mediation.org.employment'),
          dataIndex: 'employmentLabel',
          width: 140,
          render: (v: string, m) => (
            <Space size={2}>
              <Tag color={m.employment === 'fullTime' ? 'blue' : undefined}>{v}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.appointmentLabel.replace(/（.*$/, '')}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('mediation.org.appointedOn'), dataIndex: 'appointedOn', width: 130, render: fmt.date },
        { title: t('mediation.phone'), dataIndex: 'phone', width: 130 },
        {
          title: t('mediation.org.trainings'),
          dataIndex: 'trainings',
          render: (xs: Mediator['trainings']) =>
            xs.map((x) => <Tag key={x.id}>{`${fmt.date(x.trainedOn)} ${x.title}`}</Tag>),
        },
      ]}
    />
  );
}

/** 调委会与调解员: each committee with its 人民调解法第八条 warnings and its roster. */
export default function CommitteesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const meta = useMeta();
  const list = useQuery({
    queryKey: ['mediation', 'committees'],
    queryFn: () => call(api.GET('/api/mediation/committees')),
  });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (body: CreateMediator) => call(api.POST('/api/mediation/mediators', { body })),
    onSuccess: async () => {
      setAdding(false);
      void message.success(t('mediation.saved'));
      await qc.invalidateQueries({ queryKey: ['mediation'] });
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const warned = (list.data ?? []).filter((c) => c.warnings.length);
  return (
    <div className="fazhi-page">
      <Card
        title={t('mediation.org.title')}
        extra={
          meta.data?.canOrganise && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('mediation.org.addMediator')}
            </Button>
          )
        }
      >
        {warned.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="art8-warnings"
            title={t('mediation.org.warned', { n: warned.length })}
            description={warned.map((c) => (
              <div key={c.unitId}>
                {c.name}：{c.warnings.join('；')}
              </div>
            ))}
          />
        )}
        {list.error && <Alert type="error" title={errorText(list.error)} />}
        <Table<Committee>
          rowKey="unitId"
          size="small"
          loading={list.isFetching}
          dataSource={list.data}
          pagination={false}
          expandable={{ expandedRowRender: (c) => <Roster unitId={c.unitId} /> }}
          columns={[
            {
              title: t('mediation.org.committee'),
              dataIndex: 'name',
              render: (n: string, c) => (
                <Space>
                  {n}
                  {c.warnings.length > 0 && (
                    <WarningOutlined style={{ color: '#faad14' }} title={c.warnings.join('；')} />
                  )}
                </Space>
              ),
            },
            {
              title: t('mediation.org.level'),
              dataIndex: 'level',
              width: 90,
              render: (l: string) => t(`mediation.org.levels.${l}`),
            },
            { title: t('mediation.org.members'), dataIndex: 'members', width: 80 },
            { title: t('mediation.org.women'), dataIndex: 'women', width: 80 },
            { title: t('mediation.org.mediators'), dataIndex: 'mediators', width: 90 },
            { title: t('mediation.org.fullTime'), dataIndex: 'fullTime', width: 90 },
            { title: t('mediation.org.openCases'), dataIndex: 'openCases', width: 90 },
          ]}
        />
      </Card>
      <Modal
        title={t('mediation.org.addMediator')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: add.isPending }}
        destroyOnHidden
        afterClose={() => add.reset()}
      >
        {add.error && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(add.error)} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            gender: 'female',
            ethnicity: '藏族',
            employment: 'partTime',
            appointment: 'engaged',
            appointedOn: dayjs(),
          }}
          onFinish={(v) => {
            clearFieldErrors(form);
            add.mutate({ ...v, appointedOn: v.appointedOn?.format('YYYY-MM-DD') ?? '' } as CreateMediator);
          }}
        >
          <Form.Item name="unitId" label={t('mediation.org.committee')} required>
            <Select options={list.data?.map((c) => ({ value: c.unitId, label: c.name }))} />
          </Form.Item>
          <Space size={16} wrap>
            <Form.Item name="name" label={t('mediation.org.name')} required>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="gender" label={t('mediation.org.gender')}>
              <Select
                style={{ width: 80 }}
                options={[
                  { value: 'female', label: t('mediation.org.female') },
                  { value: 'male', label: t('mediation.org.male') },
                ]}
              />
            </Form.Item>
            <Form.Item name="ethnicity" label={t('mediation.org.ethnicity')} required>
              <Input style={{ width: 100 }} />
            </Form.Item>
          </Space>
          <Space size={16} wrap>
            <Form.Item name="employment" label={t('mediation.org.employment')}>
              <Select
                style={{ width: 100 }}
                options={[
                  { value: 'fullTime', label: '专职' },
                  { value: 'partTime', label: '兼职' },
                ]}
              />
            </Form.Item>
            <Form.Item name="appointment" label={t('mediation.org.appointment')}>
              <Select
                style={{ width: 150 }}
                options={[
                  { value: 'recruited', label: '招聘' },
                  { value: 'selected', label: '选聘' },
                  { value: 'elected', label: '推选' },
                  { value: 'engaged', label: '聘任' },
                ]}
              />
            </Form.Item>
            <Form.Item name="committeeRole" label={t('mediation.org.role')}>
              <Select
                allowClear
                style={{ width: 110 }}
                options={[
                  { value: 'director', label: '主任' },
                  { value: 'deputyDirector', label: '副主任' },
                  { value: 'member', label: '委员' },
                ]}
              />
            </Form.Item>
            <Form.Item name="appointedOn" label={t('mediation.org.appointedOn')} required>
              <DatePicker format={t('format.date')} />
            </Form.Item>
          </Space>
          <Form.Item name="phone" label={t('mediation.phone')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
