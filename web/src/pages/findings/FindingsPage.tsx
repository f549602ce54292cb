import { useUrlState } from '../../app/url-state';
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
  Modal,
  Radio,
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
import { api, call } from '../../api/client';
import type { FindingInput, FindingQuery, FindingState, FindingView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { useUnits } from '../admin/units';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { unitTreeData } from '../planning/forms';
import { FindingDrawer } from './FindingDrawer';
import {
  findingStateColor,
  findingStates,
  P,
  severities,
  severityColor,
  sourceModules,
  useFindingLabels,
} from './kinds';

type Key = 'state' | 'severity' | 'overdue' | 'source' | 'unit' | 'page' | 'pageSize';

function useFilter() {
  const { params, set } = useUrlState<Key>({ pagedList: true });
  const filter: FindingQuery = {
    state: (params.get('state')?.split(',').filter(Boolean) as FindingState[] | undefined) || undefined,
    severity: (params.get('severity')?.split(',').filter(Boolean) as FindingQuery['severity']) || undefined,
    overdue: (params.get('overdue') as 'true' | 'false' | null) || undefined,
    sourceModule: params.get('source') || undefined,
    unitId: Number(params.get('unit')) || undefined,
    subtree: params.get('unit') ? 'true' : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  return { filter, set };
}

type NewValues = Omit<FindingInput, 'foundOn' | 'dueOn'> & { foundOn?: Dayjs; dueOn?: Dayjs };

/** 人工登记: the office enters a problem found outside 督察 and 考核. */
function NewFindingDialog({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const units = useUnits();
  const labels = useFindingLabels();
  const [form] = Form.useForm<NewValues>();
  const create = useMutation({
    mutationFn: (body: FindingInput) => call(api.POST('/api/findings', { body })),
    onSuccess: async (f) => {
      void message.success(t('findings.created'));
      await qc.invalidateQueries({ queryKey: ['findings'] });
      onClose(f.id);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal
      title={t('findings.create')}
      open={open}
      width={640}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
      afterClose={() => create.reset()}
    >
      {create.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(create.error)} />
      )}
      <Form<NewValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ severity: 'normal', foundOn: dayjs() }}
        data-testid="finding-create-form"
        onFinish={(v) => {
          clearFieldErrors(form);
          create.mutate({
            unitId: v.unitId,
            title: v.title ?? '',
            description: v.description || undefined,
            severity: v.severity,
            foundOn: v.foundOn?.format('YYYY-MM-DD') ?? '',
            dueOn: v.dueOn?.format('YYYY-MM-DD') ?? '',
            reference: v.reference || null,
          });
        }}
      >
        <Form.Item name="unitId" label={t('findings.unit')} required>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={unitTreeData(units.data)}
          />
        </Form.Item>
        <Form.Item name="title" label={t('findings.title')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('findings.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="severity" label={t('findings.severity')}>
          <Radio.Group
            optionType="button"
            options={severities.map((s) => ({ value: s, label: labels.severity(s) }))}
          />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="foundOn" label={t('findings.foundOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('findings.dueOn')} required>
            <DatePicker format={t('format.date')} />
          </Form.Item>
        </Space>
        <Form.Item name="reference" label={t('findings.reference')}>
          <Input maxLength={80} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 问题整改: the problems found by 督察, 考核 or the office, in the user's scope; each one's measures,
 * evidence, submission and the office's verification in a drawer.
 */
export default function FindingsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const labels = useFindingLabels();
  const units = useUnits();
  const { filter, set } = useFilter();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['findings', filter],
    queryFn: () => call(api.GET('/api/findings', { params: { query: filter } })),
    placeholderData: (prev) => prev,
  });

  return (
    <div className="fazhi-page">
      <Card
        title={t('findings.pageTitle')}
        extra={
          can(P.manage) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="finding-create"
            >
              {t('findings.create')}
            </Button>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} data-testid="finding-filters">
          <Form.Item label={t('findings.state')}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: 240 }}
              placeholder={t('findings.all')}
              value={filter.state ?? []}
              options={findingStates.map((s) => ({ value: s, label: labels.state(s) }))}
              onChange={(v: string[]) => set({ state: v.join(',') })}
              data-testid="filter-state"
            />
          </Form.Item>
          <Form.Item label={t('findings.severity')}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: 200 }}
              placeholder={t('findings.all')}
              value={filter.severity ?? []}
              options={severities.map((s) => ({ value: s, label: labels.severity(s) }))}
              onChange={(v: string[]) => set({ severity: v.join(',') })}
            />
          </Form.Item>
          <Form.Item label={t('findings.overdue')}>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('findings.all')}
              value={filter.overdue}
              options={[
                { value: 'true', label: t('findings.overdueOnly') },
                { value: 'false', label: t('findings.notOverdue') },
              ]}
              onChange={(v?: string) => set({ overdue: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('findings.source')}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('findings.all')}
              value={filter.sourceModule}
              options={sourceModules.map((m) => ({ value: m, label: labels.source(m) }))}
              onChange={(v?: string) => set({ source: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('findings.unit')}>
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: 220 }}
              placeholder={t('findings.all')}
              value={filter.unitId}
              treeData={unitTreeData(units.data)}
              onChange={(v?: number) => set({ unit: v ? String(v) : '' })}
            />
          </Form.Item>
        </Form>
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <Table<FindingView>
          data-testid="finding-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(f) => ({ onClick: () => setOpen(f.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            showTotal: (total) => t('findings.total', { total: fmt.number(total) }),
          }}
          onChange={(p) => set({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
          columns={[
            { title: t('findings.foundOn'), dataIndex: 'foundOn', width: 150, render: fmt.date },
            {
              title: t('findings.title'),
              dataIndex: 'title',
              render: (title: string, f) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text delete={f.voided}>{title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {labels.source(f.source.module)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('findings.unit'), dataIndex: 'unitName', width: 200, ellipsis: true },
            {
              title: t('findings.severity'),
              dataIndex: 'severity',
              width: 90,
              render: (s: FindingView['severity'], f) => (
                <Tag color={severityColor[s]}>{labels.severity(s, f.severityLabel)}</Tag>
              ),
            },
            {
              title: t('findings.dueOn'),
              dataIndex: 'dueOn',
              width: 150,
              render: (d: string, f) => (
                <Space size={4}>
                  {fmt.date(d)}
                  {f.overdue && <Tag color="red">{t('findings.overdueTag')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('findings.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: FindingState, f) => (
                <Tag color={findingStateColor[s]} data-testid="finding-state">
                  {labels.state(s, f.stateLabel)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <FindingDrawer findingId={open} onClose={() => setOpen(null)} />
      <NewFindingDialog
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) setOpen(id);
        }}
      />
    </div>
  );
}
