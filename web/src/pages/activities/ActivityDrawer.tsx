import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import type { ActivityInput, ActivityView, Unit } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useMe } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { buildTree, useUnits, type UnitNode } from '../admin/units';
import { ActivityPhotos } from './ActivityPhotos';
import { kindOptions, metrics, need, useKinds, useLabels } from './kinds';

type Values = Omit<ActivityInput, 'date'> & { date?: Dayjs };

export const unitTree = (nodes: UnitNode[]): object[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: n.children ? unitTree(n.children) : undefined }));

const valuesOf = (a: ActivityView): Values => ({
  unitId: a.unitId,
  kind: a.kind,
  title: a.title,
  date: dayjs(a.date),
  place: a.place,
  organiserUnitId: a.organiserUnitId === a.unitId ? null : a.organiserUnitId,
  language: a.language,
  participants: a.participants,
  sessions: a.sessions,
  quantity: a.quantity,
  attendance: a.attendance.map(({ unitId, count }) => ({ unitId, count })),
  materials: a.materials,
  laws: a.laws,
  note: a.note,
});

/** A server field ('body.attendance.0.unitId', 'date') as a form name path. */
const namePath = (field: string) =>
  field
    .replace(/^body\./, '')
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * Record or correct one activity. Which metric fields show and which are required follows the kind's
 * entry in GET /api/activities/kinds; whether the record is acceptable is the server's answer, shown on
 * the fields it names. Evidence photos are attached once the record exists.
 */
export function ActivityDrawer({
  activity,
  open,
  manage,
  onClose,
  onSaved,
}: {
  /** the record to correct; none to record a new one */
  activity: ActivityView | null;
  open: boolean;
  manage: boolean;
  onClose: () => void;
  onSaved: (a: ActivityView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const fmt = useFormat();
  const { data: me } = useMe();
  const kinds = useKinds();
  const labels = useLabels(kinds.data);
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const [voiding, setVoiding] = useState(false);
  const readOnly = !manage || !!activity?.voided;
  const initialKind = activity?.kind;
  const photos = useQuery({
    queryKey: ['files', { ownerEntity: 'activity', ownerId: activity?.id }],
    queryFn: () =>
      call(api.GET('/api/files', { params: { query: { ownerEntity: 'activity', ownerId: activity!.id } } })),
    enabled: !!activity,
  });

  /** Field messages by name path ('attendance', 0, 'unitId'), as the server names fields. */
  const setErrors = (fields: { name: (string | number)[]; errors: string[] }[]) =>
    form.setFields(fields as unknown as Parameters<typeof form.setFields>[0]);

  const save = useMutation({
    mutationFn: (body: ActivityInput) =>
      activity
        ? call(api.PUT('/api/activities/{id}', { params: { path: { id: activity.id } }, body }))
        : call(api.POST('/api/activities', { body })),
    onSuccess: async (a) => {
      void message.success(activity ? t('common.saved') : t('activities.recorded'));
      await qc.invalidateQueries({ queryKey: ['activities'] });
      form.setFieldsValue(valuesOf(a)); // as the server keeps it (law names normalised…)
      onSaved(a);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      const known = new Set(Object.keys(form.getFieldsValue() as object));
      setErrors(
        e.errors
          .map((f) => ({ name: namePath(f.field), errors: [f.message] }))
          .filter((f) => known.has(String(f.name[0]))),
      );
    },
  });
  const voidIt = useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/activities/{id}/void', { params: { path: { id: activity!.id } }, body: { reason } }),
      ),
    onSuccess: async (a) => {
      setVoiding(false);
      void message.success(t('activities.voided'));
      await qc.invalidateQueries({ queryKey: ['activities'] });
      onSaved(a);
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const submit = (v: Values) => {
    // the server's messages from the last attempt go; its answer to this one replaces them
    setErrors(form.getFieldsError().flatMap((f) => (f.errors.length ? [{ name: f.name, errors: [] }] : [])));
    const metric = <T,>(m: (typeof metrics)[number], value: T, none: T) => (need(kind, m) ? value : none);
    save.mutate({
      unitId: v.unitId,
      kind: v.kind,
      title: v.title ?? '',
      date: v.date?.format('YYYY-MM-DD') ?? '',
      place: v.place ?? '',
      organiserUnitId: v.organiserUnitId ?? null,
      language: v.language,
      // a metric the kind does not record is not sent, even if typed before the kind changed
      participants: metric('participants', v.participants ?? null, null),
      sessions: metric('sessions', v.sessions ?? null, null),
      quantity: metric('quantity', v.quantity ?? null, null),
      attendance: metric('attendance', v.attendance ?? [], []),
      materials: metric('materials', v.materials ?? [], []),
      laws: v.laws ?? [],
      photoFileIds: (photos.data ?? []).map((f) => f.id),
      note: v.note || null,
    });
  };

  // the kind's fields are there from the first render, so a record's rows meet their initial values
  const kindCode = Form.useWatch('kind', form) ?? initialKind;
  const kind = kinds.data?.kinds.find((k) => k.code === kindCode);
  const unitOptions = unitTree(buildTree(units.data ?? []));
  const own = units.data?.some((u: Unit) => u.id === me?.unitId) ? me?.unitId : undefined;
  const initial: Partial<Values> = activity
    ? valuesOf(activity)
    : { unitId: own, date: dayjs(), language: 'zh', attendance: [], materials: [], laws: [] };
  const materialUnit = (code: string | undefined) => kinds.data?.materials.find((m) => m.code === code)?.unit;
  const required = (m: (typeof metrics)[number]) => need(kind, m) === 'required';

  return (
    <Drawer
      title={
        activity
          ? readOnly
            ? activity.title
            : t('activities.edit', { title: activity.title })
          : t('activities.create')
      }
      open={open}
      onClose={onClose}
      size={760}
      destroyOnHidden
      afterOpenChange={(o) => !o && save.reset()}
      data-testid="activity-drawer"
      footer={
        !readOnly && (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button
                type="primary"
                loading={save.isPending}
                onClick={() => form.submit()}
                data-testid="activity-save"
              >
                {t('common.save')}
              </Button>
            </Space>
            {activity && (
              <Button danger onClick={() => setVoiding(true)} data-testid="activity-void">
                {t('activities.void')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {activity?.voided && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="activity-voided"
          title={t('activities.voidedAt', { at: fmt.dateTime(activity.voidedAt) })}
          description={activity.voidedReason}
        />
      )}
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="activity-error"
          title={save.error instanceof ApiError ? save.error.detail : errorText(save.error)}
        />
      )}
      {(kinds.error ?? units.error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(kinds.error ?? units.error)}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={initial}
        onFinish={submit}
        // a field edited after the server refused it loses the server's message
        onValuesChange={(changed: Partial<Values>) =>
          setErrors(Object.keys(changed).map((name) => ({ name: [name], errors: [] })))
        }
        data-testid="activity-form"
      >
        <Space.Compact block style={{ gap: 16 }}>
          <Form.Item
            name="kind"
            label={t('activities.kind')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={kindOptions(kinds.data, labels)}
              loading={kinds.isLoading}
            />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('activities.date')}
            rules={[{ required: true }]}
            style={{ width: 200 }}
          >
            <DatePicker format={t('format.date')} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="title" label={t('activities.title')} required>
          <Input maxLength={120} />
        </Form.Item>
        <Space.Compact block style={{ gap: 16 }}>
          <Form.Item
            name="unitId"
            label={t('activities.unit')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <TreeSelect
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              treeData={unitOptions}
              loading={units.isLoading}
            />
          </Form.Item>
          <Form.Item
            name="organiserUnitId"
            label={t('activities.organiser')}
            tooltip={t('activities.organiserHint')}
            style={{ flex: 1 }}
          >
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              treeData={unitOptions}
              placeholder={t('activities.organiserHint')}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="place" label={t('activities.place')} required>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="language" label={t('activities.language')}>
          <Radio.Group
            optionType="button"
            options={(kinds.data?.languages ?? []).map((l) => ({
              value: l.code,
              label: labels.language(l.code),
            }))}
          />
        </Form.Item>

        {kind && (
          <Divider titlePlacement="start" plain>
            {t('activities.metrics', { kind: labels.kind(kind.code) })}
          </Divider>
        )}
        <Space wrap size={16}>
          {need(kind, 'participants') && (
            <Form.Item
              name="participants"
              label={t('activities.participants')}
              required={required('participants')}
            >
              <InputNumber
                min={0}
                precision={0}
                style={{ width: 180 }}
                suffix={t('activities.personTimes')}
              />
            </Form.Item>
          )}
          {need(kind, 'sessions') && (
            <Form.Item name="sessions" label={t('activities.sessions')} required={required('sessions')}>
              <InputNumber
                min={1}
                precision={0}
                style={{ width: 180 }}
                suffix={t('activities.sessionUnit')}
              />
            </Form.Item>
          )}
          {need(kind, 'quantity') && (
            <Form.Item name="quantity" label={t('activities.quantity')} required={required('quantity')}>
              <InputNumber min={1} precision={0} style={{ width: 180 }} suffix={kind?.quantityUnit} />
            </Form.Item>
          )}
        </Space>

        {need(kind, 'attendance') && (
          <Form.Item label={t('activities.attendance')} required={required('attendance')}>
            <Form.List name="attendance">
              {(fields, { add, remove }, { errors }) => (
                <div data-testid="attendance-rows">
                  {fields.map((f) => (
                    <Space key={f.key} align="start" style={{ display: 'flex' }}>
                      <Form.Item
                        name={[f.name, 'unitId']}
                        rules={[{ required: true, message: t('activities.pickUnit') }]}
                        style={{ width: 420, marginBottom: 8 }}
                      >
                        <TreeSelect
                          showSearch={{ treeNodeFilterProp: 'title' }}
                          treeDefaultExpandAll
                          treeData={unitOptions}
                          placeholder={t('activities.pickUnit')}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'count']}
                        rules={[{ required: true, message: t('activities.enterCount') }]}
                        style={{ marginBottom: 8 }}
                      >
                        <InputNumber
                          min={1}
                          precision={0}
                          style={{ width: 160 }}
                          suffix={t('activities.personTimes')}
                          placeholder={t('activities.count')}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('activities.removeRow')}
                        onClick={() => remove(f.name)}
                      />
                    </Space>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add()}
                    data-testid="attendance-add"
                  >
                    {t('activities.addAttendance')}
                  </Button>
                </div>
              )}
            </Form.List>
          </Form.Item>
        )}

        {need(kind, 'materials') && (
          <Form.Item label={t('activities.materials')} required={required('materials')}>
            <Form.List name="materials">
              {(fields, { add, remove }, { errors }) => (
                <div data-testid="material-rows">
                  {fields.map((f) => (
                    <Space key={f.key} align="start" style={{ display: 'flex' }}>
                      <Form.Item
                        name={[f.name, 'materialKind']}
                        rules={[{ required: true, message: t('activities.pickMaterial') }]}
                        style={{ width: 420, marginBottom: 8 }}
                      >
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('activities.pickMaterial')}
                          options={(kinds.data?.materials ?? []).map((m) => ({
                            value: m.code,
                            label: labels.material(m.code),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item noStyle dependencies={[['materials', f.name, 'materialKind']]}>
                        {() => (
                          <Form.Item
                            name={[f.name, 'quantity']}
                            rules={[{ required: true, message: t('activities.enterCount') }]}
                            style={{ marginBottom: 8 }}
                          >
                            <InputNumber
                              min={1}
                              precision={0}
                              style={{ width: 160 }}
                              placeholder={t('activities.quantity')}
                              suffix={materialUnit(
                                form.getFieldValue(['materials', f.name, 'materialKind']) as
                                  string | undefined,
                              )}
                            />
                          </Form.Item>
                        )}
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('activities.removeRow')}
                        onClick={() => remove(f.name)}
                      />
                    </Space>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add()}
                    data-testid="material-add"
                  >
                    {t('activities.addMaterial')}
                  </Button>
                </div>
              )}
            </Form.List>
          </Form.Item>
        )}

        <Divider />
        <Form.Item name="laws" label={t('activities.laws')} extra={t('activities.lawsHint')}>
          <Select mode="tags" tokenSeparators={['、', '，', ',']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="note" label={t('activities.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>

      <Divider titlePlacement="start" plain>
        {t('activities.photos')}
      </Divider>
      {activity ? (
        <ActivityPhotos activityId={activity.id} files={photos} manage={!readOnly} />
      ) : (
        <Typography.Text type="secondary">{t('activities.photosAfterSave')}</Typography.Text>
      )}

      <ReasonDialog
        open={voiding}
        title={t('activities.voidTitle', { title: activity?.title })}
        label={t('activities.voidReason')}
        pending={voidIt.isPending}
        onClose={() => setVoiding(false)}
        onSubmit={(reason) => voidIt.mutate(reason)}
      />
    </Drawer>
  );
}
