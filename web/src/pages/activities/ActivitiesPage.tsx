import { useUrlState } from '../../app/url-state';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { ActivityLanguage, ActivityQuery, ActivityView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { ImportDialog } from '../admin/ImportDialog';
import { buildTree, useUnits } from '../admin/units';
import { ActivityDrawer, unitTree } from './ActivityDrawer';
import { kindOptions, useKinds, useLabels } from './kinds';

/** The filters live in the address, so a filtered ledger can be bookmarked or sent. */
function useFilter() {
  const { params, set } = useUrlState<
    'kind' | 'unit' | 'from' | 'to' | 'language' | 'voided' | 'page' | 'pageSize'
  >({ pagedList: true });
  const filter: ActivityQuery = {
    kind: params.get('kind') || undefined,
    unitId: Number(params.get('unit')) || undefined,
    subtree: params.get('unit') ? 'true' : undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    language: (params.get('language') as ActivityLanguage | null) || undefined,
    includeVoided: params.get('voided') === 'true' ? 'true' : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  return { filter, set };
}

/**
 * 工作台账: the activities in the user's scope, newest first, filtered by kind, unit, date and language;
 * record, correct or void one in a drawer, or import a batch from Excel.
 */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const manage = useCan()('activities.manage');
  const qc = useQueryClient();
  const kinds = useKinds();
  const labels = useLabels(kinds.data);
  const units = useUnits();
  const { filter, set } = useFilter();
  // one drawer session: a new record stays in the same drawer once saved, to take its photos
  const [drawer, setDrawer] = useState<{ session: number; activity: ActivityView | null } | null>(null);
  const openDrawer = (activity: ActivityView | null) => setDrawer({ session: Date.now(), activity });
  const [importing, setImporting] = useState(false);

  const list = useQuery({
    queryKey: ['activities', filter],
    queryFn: () => call(api.GET('/api/activities', { params: { query: filter } })),
    placeholderData: (prev) => prev,
  });

  const measure = (a: ActivityView) => {
    const quantityUnit = kinds.data?.kinds.find((k) => k.code === a.kind)?.quantityUnit ?? '';
    const parts = [
      a.sessions !== null && t('activities.sessionsText', { n: fmt.number(a.sessions) }),
      a.attendance.length > 0 &&
        t('activities.attendanceText', { n: fmt.number(a.attendanceTotal), units: a.attendance.length }),
      a.quantity !== null && `${fmt.number(a.quantity)} ${quantityUnit}`,
      a.participants !== null && t('activities.participantsText', { n: fmt.number(a.participants) }),
      a.materials.length > 0 &&
        t('activities.materialsText', { n: fmt.number(a.materials.reduce((s, m) => s + m.quantity, 0)) }),
    ].filter(Boolean);
    return parts.join(' · ');
  };

  return (
    <div className="fazhi-page">
      <Card
        title={t('activities.pageTitle')}
        extra={
          manage && (
            <Space>
              <Button
                icon={<FileExcelOutlined />}
                onClick={() => setImporting(true)}
                data-testid="activities-import"
              >
                {t('import.button')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => openDrawer(null)}
                data-testid="activity-create"
              >
                {t('activities.create')}
              </Button>
            </Space>
          )
        }
      >
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} data-testid="activity-filters">
          <Form.Item label={t('activities.kind')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              style={{ width: 260 }}
              placeholder={t('activities.allKinds')}
              value={filter.kind ? filter.kind.split(',') : []}
              options={kindOptions(kinds.data, labels)}
              onChange={(v: string[]) => set({ kind: v.join(',') })}
              data-testid="filter-kind"
            />
          </Form.Item>
          <Form.Item label={t('activities.unit')}>
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: 260 }}
              placeholder={t('activities.allUnits')}
              value={filter.unitId}
              treeData={unitTree(buildTree(units.data ?? []))}
              onChange={(v?: number) => set({ unit: v ? String(v) : '' })}
              data-testid="filter-unit"
            />
          </Form.Item>
          <Form.Item label={t('activities.dateRange')}>
            <DatePicker.RangePicker
              format={t('format.date')}
              value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
              allowEmpty={[true, true]}
              onChange={(r) =>
                set({ from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })
              }
            />
          </Form.Item>
          <Form.Item label={t('activities.language')}>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('activities.allLanguages')}
              value={filter.language}
              options={(kinds.data?.languages ?? []).map((l) => ({
                value: l.code,
                label: labels.language(l.code),
              }))}
              onChange={(v?: string) => set({ language: v ?? '' })}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox
              checked={filter.includeVoided === 'true'}
              onChange={(e) => set({ voided: e.target.checked ? 'true' : '' })}
            >
              {t('activities.includeVoided')}
            </Checkbox>
          </Form.Item>
        </Form>
        {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
        <Table<ActivityView>
          data-testid="activity-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(a) => ({ onClick: () => openDrawer(a), style: { cursor: 'pointer' } })}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            showTotal: (total) => t('activities.total', { total: fmt.number(total) }),
          }}
          onChange={(p) => set({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) })}
          columns={[
            { title: t('activities.date'), dataIndex: 'date', width: 130, render: fmt.date },
            {
              title: t('activities.kind'),
              dataIndex: 'kind',
              width: 150,
              ellipsis: true,
              render: (k: string) => (
                <Tag style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {labels.kind(k)}
                </Tag>
              ),
            },
            {
              title: t('activities.title'),
              dataIndex: 'title',
              render: (title: string, a) => (
                <Space orientation="vertical" size={0}>
                  <Space size={4} wrap>
                    <Typography.Text delete={a.voided}>{title}</Typography.Text>
                    {a.voided && <Tag color="red">{t('activities.voidedTag')}</Tag>}
                    {a.photoFileIds.length > 0 && (
                      <Tag>{t('activities.photoCount', { count: a.photoFileIds.length })}</Tag>
                    )}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.place}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('activities.unit'), dataIndex: 'unitName', width: 190, ellipsis: true },
            { title: t('activities.language'), dataIndex: 'language', width: 90, render: labels.language },
            { title: t('activities.measure'), key: 'measure', width: 210, render: (_, a) => measure(a) },
          ]}
        />
      </Card>
      <ActivityDrawer
        key={drawer?.session}
        activity={drawer?.activity ?? null}
        open={!!drawer}
        manage={manage}
        onClose={() => setDrawer(null)}
        onSaved={(activity) => setDrawer((d) => d && { ...d, activity })}
      />
      <ImportDialog
        path="/api/activities/import"
        title={t('import.activitiesTitle')}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => qc.invalidateQueries({ queryKey: ['activities'] })}
      />
    </div>
  );
}
