import { useUrlState } from '../../app/url-state';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { TaskQuery, TaskState, TaskSystem, TaskView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { ImportDialog } from '../admin/ImportDialog';
import { useUnits } from '../admin/units';
import { unitTreeData } from './forms';
import { P, stateColor, usePlanningKinds, usePlanningLabels, usePlans } from './kinds';
import { PlanDialog } from './PlanDialog';
import { PlanDocuments } from './PlanDocuments';
import { TaskDrawer } from './TaskDrawer';

type Key = 'plan' | 'state' | 'system' | 'unit' | 'q' | 'voided' | 'page' | 'pageSize';

/** The filters live in the address, so a filtered list can be bookmarked or sent. */
function useFilter(defaultPlan: string | undefined) {
  const { params, set } = useUrlState<Key>({ pagedList: true });
  const filter: TaskQuery = {
    planId: params.get('plan') || defaultPlan,
    state: (params.get('state') as TaskState | null) || undefined,
    system: (params.get('system') as TaskSystem | null) || undefined,
    unitId: Number(params.get('unit')) || undefined,
    q: params.get('q') || undefined,
    includeVoided: params.get('voided') === 'true' ? 'true' : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  return { filter, set };
}

/**
 * 任务清单: a plan's tasks with the state the API computes for today, filtered by state, system, unit
 * and words; the plan's documents; a task's detail, progress and review in a drawer; Excel in and out.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const manage = can(P.manage);
  const qc = useQueryClient();
  const kinds = usePlanningKinds();
  const labels = usePlanningLabels(kinds.data);
  const units = useUnits();
  const plans = usePlans();
  const activePlans = (plans.data ?? []).filter((p) => !p.voided);
  const { filter, set } = useFilter(activePlans[0]?.id);
  const plan = plans.data?.find((p) => p.id === filter.planId);
  const [drawer, setDrawer] = useState<{ session: number; taskId: string | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [planDialog, setPlanDialog] = useState<{ editing: boolean } | null>(null);
  // A link to one task (a notification, the dashboard) opens its drawer.
  const [search] = useSearchParams();
  const linkedTask = search.get('id');
  useEffect(() => {
    if (linkedTask) setDrawer({ session: Date.now(), taskId: linkedTask });
  }, [linkedTask]);

  const list = useQuery({
    queryKey: ['planning-tasks', filter],
    queryFn: () => call(api.GET('/api/planning/tasks', { params: { query: filter } })),
    enabled: !!filter.planId,
    placeholderData: (prev) => prev,
  });

  return (
    <div className="fazhi-page">
      <Card
        title={t('tasks.pageTitle')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 380 }}
              loading={plans.isLoading}
              value={filter.planId}
              placeholder={t('tasks.pickPlan')}
              onChange={(v: string) => set({ plan: v })}
              options={(plans.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.year} · ${p.title}${p.voided ? `（${t('tasks.voided')}）` : ''}`,
              }))}
              data-testid="plan-select"
            />
            {plan && (
              <Button
                icon={<DownloadOutlined />}
                href={`/api/planning/plans/${encodeURIComponent(plan.id)}/tasks/export`}
                data-testid="tasks-export"
              >
                {t('tasks.export')}
              </Button>
            )}
            {manage && (
              <Button onClick={() => setPlanDialog({ editing: false })} data-testid="plan-new">
                {t('tasks.newPlan')}
              </Button>
            )}
            {manage && plan && !plan.voided && (
              <>
                <Button onClick={() => setPlanDialog({ editing: true })} data-testid="plan-edit">
                  {t('tasks.editPlan')}
                </Button>
                <Button
                  icon={<FileExcelOutlined />}
                  onClick={() => setImporting(true)}
                  data-testid="tasks-import"
                >
                  {t('import.button')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDrawer({ session: Date.now(), taskId: null })}
                  data-testid="task-create"
                >
                  {t('tasks.create')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {plans.error && <Typography.Text type="danger">{errorText(plans.error)}</Typography.Text>}
        {plan && <PlanDocuments plan={plan} manage={manage} />}
        {planDialog && (
          <PlanDialog
            open
            plan={planDialog.editing ? (plan ?? null) : null}
            onClose={() => setPlanDialog(null)}
            onSaved={(p) => {
              setPlanDialog(null);
              set({ plan: p.id });
            }}
          />
        )}
        <Form layout="inline" style={{ margin: '16px 0', rowGap: 8 }} data-testid="task-filters">
          <Form.Item label={t('tasks.state')}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('tasks.allStates')}
              value={filter.state}
              options={(kinds.data?.states ?? []).map((s) => ({
                value: s.code,
                label: labels.state(s.code, s.label),
              }))}
              onChange={(v?: string) => set({ state: v ?? '' })}
              data-testid="filter-state"
            />
          </Form.Item>
          <Form.Item label={t('tasks.system')}>
            <Select
              allowClear
              style={{ width: 240 }}
              placeholder={t('tasks.allSystems')}
              value={filter.system}
              popupMatchSelectWidth={false}
              options={(kinds.data?.systems ?? []).map((s) => ({
                value: s.code,
                label: labels.system(s.code, s.label),
              }))}
              onChange={(v?: string) => set({ system: v ?? '' })}
            />
          </Form.Item>
          <Form.Item label={t('tasks.unit')}>
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: 240 }}
              placeholder={t('tasks.allUnits')}
              value={filter.unitId}
              treeData={unitTreeData(units.data)}
              onChange={(v?: number) => set({ unit: v ? String(v) : '' })}
              data-testid="filter-unit"
            />
          </Form.Item>
          <Form.Item>
            <Input.Search
              allowClear
              style={{ width: 220 }}
              placeholder={t('tasks.searchHint')}
              defaultValue={filter.q}
              onSearch={(v) => set({ q: v.trim() })}
              data-testid="filter-q"
            />
          </Form.Item>
          <Form.Item>
            <Checkbox
              checked={filter.includeVoided === 'true'}
              onChange={(e) => set({ voided: e.target.checked ? 'true' : '' })}
            >
              {t('tasks.includeVoided')}
            </Checkbox>
          </Form.Item>
        </Form>
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <Table<TaskView>
          data-testid="task-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(task) => ({
            onClick: () => setDrawer({ session: Date.now(), taskId: task.id }),
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            showTotal: (total) =>
              t('tasks.total', { total: fmt.number(total), today: fmt.date(list.data?.today) }),
          }}
          onChange={(p) => set({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
          columns={[
            { title: t('tasks.seq'), dataIndex: 'seq', width: 64 },
            {
              title: t('tasks.title'),
              dataIndex: 'title',
              render: (title: string, task) => (
                <Space orientation="vertical" size={0}>
                  <Space size={4} wrap>
                    <Typography.Text delete={task.voided}>{title}</Typography.Text>
                    {task.voided && <Tag color="red">{t('tasks.voided')}</Tag>}
                  </Space>
                  {task.system && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {labels.system(task.system, task.systemLabel)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('tasks.lead'),
              key: 'lead',
              width: 200,
              ellipsis: true,
              render: (_, task) => task.leadUnit.name,
            },
            {
              title: t('tasks.participants'),
              key: 'participants',
              width: 180,
              ellipsis: true,
              render: (_, task) => task.participantUnits.map((u) => u.name).join('、'),
            },
            { title: t('tasks.deadline'), dataIndex: 'deadline', width: 130, render: fmt.date },
            {
              title: t('tasks.progress'),
              dataIndex: 'acceptedPercent',
              width: 120,
              render: (v: number | null) => <Progress percent={v ?? 0} size="small" />,
            },
            {
              title: t('tasks.state'),
              dataIndex: 'state',
              width: 110,
              render: (s: TaskState, task) => (
                <Tag color={stateColor[s]} data-testid="task-state">
                  {labels.state(s, task.stateLabel)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <TaskDrawer
        key={drawer?.session}
        taskId={drawer?.taskId ?? null}
        plan={plan}
        open={!!drawer}
        onClose={() => setDrawer(null)}
        onCreated={(id) => setDrawer((d) => d && { ...d, taskId: id })}
      />
      {plan && (
        <ImportDialog
          path="/api/planning/plans/{id}/tasks/import"
          target={{ id: plan.id }}
          title={t('tasks.importTitle', { plan: plan.title })}
          open={importing}
          onClose={() => setImporting(false)}
          onImported={() => qc.invalidateQueries({ queryKey: ['planning-tasks'] })}
        />
      )}
    </div>
  );
}
