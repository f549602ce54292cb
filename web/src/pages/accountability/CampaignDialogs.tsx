import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { AccountabilityMeta, Campaign } from '../../api/types';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { errorText } from '../../app/errors';
import { useMe } from '../../app/session';
import { useUnits } from '../admin/units';
import { unitTreeData } from '../planning/forms';
import { useLabels } from './meta';

interface CampaignValues {
  unitId?: number;
  year: number;
  title: string;
  format: string;
  dueOn?: Dayjs;
  note?: string;
}

/** 发起年度述法活动: one campaign per division and year (the server refuses a second). */
export function CampaignDialog({
  open,
  meta,
  onClose,
  onCreated,
}: {
  open: boolean;
  meta: AccountabilityMeta | undefined;
  onClose: () => void;
  onCreated: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels(meta);
  const me = useMe().data;
  const units = useUnits();
  const qc = useQueryClient();
  const [form] = Form.useForm<CampaignValues>();
  const year = dayjs().year();
  const create = useMutation({
    mutationFn: (v: CampaignValues) =>
      call(
        api.POST('/api/accountability/campaigns', {
          body: {
            unitId: v.unitId ?? 0,
            year: v.year,
            title: v.title,
            format: v.format as Campaign['format'],
            dueOn: v.dueOn?.format('YYYY-MM-DD') ?? '',
            note: v.note || null,
          },
        }),
      ),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: ['accountability'] });
      message.success(t('accountability.campaignCreated'));
      form.resetFields();
      onCreated(c);
    },
    onError: (e) => {
      if (!showFieldErrors(form, e)) message.error(errorText(e));
    },
  });
  return (
    <Modal
      open={open}
      title={t('accountability.newCampaign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="campaign-dialog"
    >
      <Form<CampaignValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          unitId: me?.unitId,
          year,
          title: t('accountability.defaultCampaignTitle', { year }),
          format: 'written',
          dueOn: dayjs(`${year}-12-31`),
        }}
        onValuesChange={() => clearFieldErrors(form)}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="unitId" label={t('accountability.organiser')} rules={[{ required: true }]}>
          <TreeSelect treeData={unitTreeData(units.data)} showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Space>
          <Form.Item name="year" label={t('accountability.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('accountability.dueOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="format" label={t('accountability.formatLabel')}>
            <Select
              style={{ width: 140 }}
              options={(meta?.formats ?? []).map((f) => ({ value: f.code, label: labels.format(f.code) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('accountability.campaignTitle')} rules={[{ required: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="note" label={t('accountability.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReporterRow {
  unitId?: number;
  personName?: string;
  post?: string;
  postType?: string;
}

/** 确定应述名单: whose report the campaign waits for; each post type fits one kind of unit. */
export function ReportersDialog({
  campaign,
  meta,
  onClose,
}: {
  campaign: Campaign | null;
  meta: AccountabilityMeta | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels(meta);
  const units = useUnits();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reporters: ReporterRow[] }>();
  const add = useMutation({
    mutationFn: (rows: ReporterRow[]) =>
      call(
        api.POST('/api/accountability/campaigns/{id}/reporters', {
          params: { path: { id: campaign!.id } },
          body: {
            reporters: rows.map((r) => ({
              unitId: r.unitId ?? 0,
              personName: r.personName ?? '',
              post: r.post ?? '',
              postType: (r.postType ?? '') as AccountabilityMeta['postTypes'][number]['code'],
            })),
          },
        }),
      ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['accountability'] });
      message.success(t('accountability.reportersAdded'));
      onClose();
    },
    onError: (e) => {
      if (!showFieldErrors(form, e)) message.error(errorText(e));
    },
  });
  const unitsOfKind = (kind: string | undefined) =>
    (units.data ?? []).filter((u) => !kind || u.kind === kind).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      open={!!campaign}
      width={900}
      title={t('accountability.addReporters')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
      data-testid="reporters-dialog"
    >
      <Form
        form={form}
        preserve={false}
        initialValues={{ reporters: [{}] }}
        onValuesChange={() => clearFieldErrors(form)}
        onFinish={(v) => add.mutate(v.reporters)}
      >
        <Form.List name="reporters">
          {(fields, { add: addRow, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'postType']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 200 }}
                      placeholder={t('accountability.postTypeLabel')}
                      options={(meta?.postTypes ?? []).map((p) => ({
                        value: p.code,
                        label: labels.postType(p.code),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => (
                      <Form.Item name={[f.name, 'unitId']} rules={[{ required: true }]}>
                        <Select
                          style={{ width: 220 }}
                          showSearch
                          optionFilterProp="label"
                          placeholder={t('accountability.unit')}
                          options={unitsOfKind(
                            meta?.postTypes.find(
                              (p) => p.code === form.getFieldValue(['reporters', f.name, 'postType']),
                            )?.unitKind,
                          )}
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                  <Form.Item name={[f.name, 'personName']} rules={[{ required: true }]}>
                    <Input style={{ width: 110 }} placeholder={t('accountability.person')} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'post']} rules={[{ required: true }]}>
                    <Input style={{ width: 150 }} placeholder={t('accountability.post')} maxLength={40} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined
                      style={{ marginTop: 9 }}
                      aria-label={t('common.remove')}
                      onClick={() => remove(f.name)}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => addRow({})}>
                {t('accountability.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
