import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import type { AssessmentSystemInput, Indicator } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan, useMe } from '../../app/session';
import { ImportDialog } from '../admin/ImportDialog';
import { buildTree, useUnits } from '../admin/units';
import { unitTree } from '../activities/ActivityDrawer';
import { useParam } from './AssessmentPage';

type IndicatorNode = Indicator & { children?: IndicatorNode[] };

/** The server's list is ordered by code and names each parent: arranged here as a tree for display. */
function indicatorTree(xs: Indicator[]): IndicatorNode[] {
  const byCode = new Map<string, IndicatorNode>(xs.map((x) => [x.code, { ...x }]));
  const roots: IndicatorNode[] = [];
  for (const n of byCode.values()) {
    const parent = n.parentCode ? byCode.get(n.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  return roots;
}

/** 指标体系: the indicator tree with points and scoring notes; the office creates one and imports its indicators. */
export function SystemsPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const manage = useCan()('assessment.manage');
  const p = useParam();
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const systems = useQuery({
    queryKey: ['assessment', 'systems'],
    queryFn: () => call(api.GET('/api/assessment/systems')),
  });
  const systemId = p.get('systemId') ?? systems.data?.[0]?.id;
  const system = useQuery({
    queryKey: ['assessment', 'system', systemId],
    queryFn: () => call(api.GET('/api/assessment/systems/{id}', { params: { path: { id: systemId! } } })),
    enabled: !!systemId,
  });
  const s = system.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form layout="inline">
          <Form.Item label={t('assessment.system')}>
            <Select
              style={{ width: 420 }}
              value={systemId}
              options={(systems.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              onChange={(id: string) => p.set({ systemId: id })}
            />
          </Form.Item>
        </Form>
        {manage && (
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!s}
              onClick={() => setImporting(true)}
              data-testid="indicators-import"
            >
              {t('assessment.importIndicators')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('assessment.createSystem')}
            </Button>
          </Space>
        )}
      </Space>
      {(systems.error ?? system.error) && (
        <Alert type="error" showIcon title={errorText(systems.error ?? system.error)} />
      )}
      {systems.data?.length === 0 && <Empty description={t('assessment.noSystems')} />}
      {s && (
        <>
          <Typography.Text type="secondary">
            {t('assessment.systemSummary', {
              unit: s.unitName,
              year: s.year,
              count: s.indicators.length,
              points: fmt.number(s.totalPoints),
            })}
          </Typography.Text>
          <Table<IndicatorNode>
            data-testid="indicator-tree"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={indicatorTree(s.indicators)}
            expandable={{ defaultExpandAllRows: true }}
            key={s.id + s.indicators.length}
            columns={[
              { title: t('assessment.code'), dataIndex: 'code', width: 120 },
              {
                title: t('assessment.indicator'),
                dataIndex: 'name',
                render: (v: string, x) => (x.depth === 1 ? <Typography.Text strong>{v}</Typography.Text> : v),
              },
              {
                title: t('assessment.points'),
                dataIndex: 'points',
                width: 80,
                align: 'right',
                render: (v: number) => fmt.number(v),
              },
              {
                title: t('assessment.scoringNotes'),
                dataIndex: 'scoringNotes',
                render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
              },
            ]}
          />
        </>
      )}
      {s && (
        <ImportDialog
          path="/api/assessment/systems/{id}/indicators/import"
          target={{ id: s.id }}
          title={t('assessment.importTitle', { name: s.name })}
          open={importing}
          onClose={() => setImporting(false)}
          onImported={() => qc.invalidateQueries({ queryKey: ['assessment', 'system', s.id] })}
        />
      )}
      <CreateSystemDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          p.set({ systemId: id });
        }}
      />
    </Space>
  );
}

function CreateSystemDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const units = useUnits();
  const [form] = Form.useForm<AssessmentSystemInput>();
  const create = useMutation({
    mutationFn: (body: AssessmentSystemInput) => call(api.POST('/api/assessment/systems', { body })),
    onSuccess: async (s) => {
      void message.success(t('assessment.systemCreated'));
      await qc.invalidateQueries({ queryKey: ['assessment', 'systems'] });
      onCreated(s.id);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      form.setFields(
        e.errors
          .map((f) => ({ name: f.field.replace(/^body\./, ''), errors: [f.message] }))
          .filter((f) => ['unitId', 'year', 'name'].includes(f.name)) as never,
      );
    },
  });
  return (
    <Modal
      title={t('assessment.createSystem')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      {create.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={create.error instanceof ApiError ? create.error.detail : errorText(create.error)}
        />
      )}
      <Form<AssessmentSystemInput>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ unitId: me?.unitId, year: new Date().getFullYear() }}
        onFinish={(v) => create.mutate({ ...v, indicators: [] })}
      >
        <Form.Item name="unitId" label={t('assessment.organiser')} rules={[{ required: true }]}>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            treeData={unitTree(buildTree(units.data ?? []))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('assessment.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="name" label={t('assessment.systemName')} required>
          <Input maxLength={120} />
        </Form.Item>
        <Typography.Text type="secondary">{t('assessment.createSystemHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
