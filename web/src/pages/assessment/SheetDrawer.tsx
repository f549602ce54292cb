import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call, formData } from '../../api/client';
import type {
  AssessmentMethod,
  AssessmentRound,
  AssessmentSheet,
  AssessmentSheetRow,
  FormReq,
} from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';

/** The files service's owner of self-evaluation evidence: the round unit names it. */
const OWNER = 'assessment.selfEvaluation';

interface RowValues {
  selfScore?: number | null;
  note?: string | null;
  evidenceFileIds: string[];
  score?: number | null;
  method?: AssessmentMethod | null;
  deductionReason?: string | null;
  /** open a finding (整改问题) for this deduction */
  finding?: boolean;
  findingDueOn?: Dayjs | null;
}
interface Values {
  scoredOn?: Dayjs;
  items: RowValues[];
}

const valuesOf = (s: AssessmentSheet): Values => ({
  scoredOn: dayjs(),
  items: s.rows.map((r) => ({
    selfScore: r.selfScore,
    note: r.selfNote,
    evidenceFileIds: r.evidenceFileIds,
    score: r.score,
    method: r.method,
    deductionReason: r.deductionReason,
    finding: false,
    findingDueOn: null,
  })),
});

/**
 * One assessed unit's sheet, indicator by indicator: the township's self-evaluation (score, note,
 * evidence) and the team's score with its method and deduction reason. The township edits the first,
 * the office the second, until the round is published; the server says what it accepts.
 */
export function SheetDrawer({
  round,
  unitId,
  onClose,
}: {
  round: AssessmentRound;
  unitId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const key = ['assessment', 'sheet', round.id, unitId];
  const sheet = useQuery({
    queryKey: key,
    queryFn: () =>
      call(
        api.GET('/api/assessment/rounds/{id}/units/{unitId}', {
          params: { path: { id: round.id, unitId: unitId! } },
        }),
      ),
    enabled: !!unitId,
  });
  const meta = useQuery({
    queryKey: ['assessment', 'meta'],
    queryFn: () => call(api.GET('/api/assessment/meta')),
    staleTime: Infinity,
  });
  const s = sheet.data;
  const owner = { ownerEntity: OWNER, ownerId: s?.roundUnitId ?? '' };
  const files = useQuery({
    queryKey: ['files', owner],
    queryFn: () => call(api.GET('/api/files', { params: { query: owner } })),
    enabled: !!s,
  });
  const selfMode = !!s && !s.published && can('assessment.selfEvaluate');
  const scoreMode = !!s && !s.published && s.scoresVisible && can('assessment.manage');
  const methodLabel = (code: string) =>
    t(`assessment.method.${code}`, {
      defaultValue: meta.data?.methods.find((m) => m.code === code)?.label ?? code,
    });

  /**
   * The server names `items.3.field` by the position sent; `sent` maps it back to the sheet's row.
   * A refusal that names no field of this form is still said, never dropped.
   */
  const showErrors = (e: unknown, sent: number[]) => {
    if (!(e instanceof ApiError)) return void message.error(errorText(e));
    const fields = e.errors.flatMap((f): { name: string | (string | number)[]; errors: string[] }[] => {
      const m = /^(?:body\.)?items\.(\d+)(?:\.(\w+))?(?:\.(\w+))?/.exec(f.field);
      const row = m ? sent[Number(m[1])] : undefined;
      if (row === undefined)
        return f.field.endsWith('scoredOn') ? [{ name: 'scoredOn', errors: [f.message] }] : [];
      const field =
        m![2] === 'evidenceFileIds'
          ? 'note'
          : m![2] === 'finding' && m![3] === 'dueOn'
            ? 'findingDueOn'
            : (m![2] ?? (scoreMode ? 'score' : 'selfScore'));
      return [{ name: ['items', row, field === 'indicatorId' ? 'score' : field], errors: [f.message] }];
    });
    if (fields.length) form.setFields(fields as never);
    else void message.error(errorText(e));
  };
  const saved = async (x: AssessmentSheet) => {
    qc.setQueryData(key, x);
    form.setFieldsValue(valuesOf(x));
    void message.success(t('common.saved'));
    await qc.invalidateQueries({ queryKey: ['assessment', 'round', round.id] });
  };
  const self = useMutation({
    mutationFn: ({ v }: { v: Values; sent: number[] }) =>
      call(
        api.PUT('/api/assessment/rounds/{id}/units/{unitId}/self', {
          params: { path: { id: round.id, unitId: unitId! } },
          body: {
            items: s!.rows.flatMap((r, i) => {
              const x = v.items[i]!;
              return x.selfScore === null || x.selfScore === undefined
                ? []
                : [
                    {
                      indicatorId: r.indicatorId,
                      selfScore: x.selfScore,
                      note: x.note || null,
                      evidenceFileIds: x.evidenceFileIds ?? [],
                    },
                  ];
            }),
          },
        }),
      ),
    onSuccess: saved,
    onError: (e, { sent }) => showErrors(e, sent),
  });
  const score = useMutation({
    mutationFn: ({ v }: { v: Values; sent: number[] }) =>
      call(
        api.PUT('/api/assessment/rounds/{id}/units/{unitId}/scores', {
          params: { path: { id: round.id, unitId: unitId! } },
          body: {
            scoredOn: v.scoredOn?.format('YYYY-MM-DD') ?? '',
            items: s!.rows.flatMap((r, i) => {
              const x = v.items[i]!;
              return x.score === null || x.score === undefined
                ? []
                : [
                    {
                      indicatorId: r.indicatorId,
                      score: x.score,
                      method: x.method as AssessmentMethod,
                      deductionReason: x.deductionReason || null,
                      finding:
                        x.finding && !r.findingId
                          ? { dueOn: x.findingDueOn?.format('YYYY-MM-DD') ?? '', severity: 'normal' as const }
                          : null,
                    },
                  ];
            }),
          },
        }),
      ),
    onSuccess: saved,
    onError: (e, { sent }) => showErrors(e, sent),
  });
  const upload = useMutation({
    mutationFn: ({ file }: { file: File; row: number }) =>
      call(api.POST('/api/files', formData<FormReq<'/api/files', 'post'>>({ ...owner, file }))),
    onSuccess: async (f, { row }) => {
      const ids = (form.getFieldValue(['items', row, 'evidenceFileIds']) as string[] | undefined) ?? [];
      form.setFieldValue(['items', row, 'evidenceFileIds'], [...ids, f.id]);
      await qc.invalidateQueries({ queryKey: ['files', owner] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const save = () => {
    const v = form.getFieldsValue(true) as Values;
    const filled = (x: RowValues) => (scoreMode ? x.score : x.selfScore);
    const sent = v.items.flatMap((x, i) => (filled(x) === null || filled(x) === undefined ? [] : [i]));
    // the server's messages from the last attempt go; its answer to this one replaces them
    form.setFields(
      form.getFieldsError().flatMap((f) => (f.errors.length ? [{ name: f.name, errors: [] }] : [])) as never,
    );
    (scoreMode ? score : self).mutate({ v, sent });
  };
  const fileName = (id: string) => files.data?.find((f) => f.id === id)?.name ?? id.slice(0, 8);
  const pending = self.isPending || score.isPending;
  const error = self.error ?? score.error;

  return (
    <Drawer
      title={s ? t('assessment.sheetTitle', { unit: s.unitName }) : ''}
      open={!!unitId}
      onClose={onClose}
      size={1280}
      destroyOnHidden
      data-testid="sheet-drawer"
      footer={
        (selfMode || scoreMode) && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={pending} onClick={save} data-testid="sheet-save">
              {scoreMode ? t('assessment.saveScores') : t('assessment.saveSelf')}
            </Button>
          </Space>
        )
      }
    >
      {sheet.error && <Alert type="error" showIcon title={errorText(sheet.error)} />}
      {!!error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={error instanceof ApiError ? error.detail : errorText(error)}
        />
      )}
      {s && (
        <Form<Values> form={form} initialValues={valuesOf(s)} component={false}>
          <Space wrap style={{ marginBottom: 12 }}>
            {s.selfSubmittedAt ? (
              <Tag color="green">{t('assessment.selfAt', { at: fmt.dateTime(s.selfSubmittedAt) })}</Tag>
            ) : (
              <Tag>{t('assessment.noSelf')}</Tag>
            )}
            {!s.scoresVisible && <Tag color="orange">{t('assessment.scoresHidden')}</Tag>}
            {s.published && <Tag color="green">{t('assessment.published')}</Tag>}
            {scoreMode && (
              <Form.Item
                name="scoredOn"
                label={t('assessment.scoredOn')}
                rules={[{ required: true }]}
                style={{ margin: 0 }}
              >
                <DatePicker format={t('format.date')} />
              </Form.Item>
            )}
          </Space>
          <Table<AssessmentSheetRow>
            data-testid="sheet-table"
            rowKey="indicatorId"
            size="small"
            pagination={false}
            dataSource={s.rows}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('assessment.code'), dataIndex: 'code', width: 60 },
              {
                title: t('assessment.indicator'),
                key: 'name',
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    <span>{r.name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('assessment.fullMarks', { points: fmt.number(r.points) })}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('assessment.selfEvaluation'),
                key: 'self',
                width: 300,
                render: (_, r, i) =>
                  selfMode ? (
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Form.Item name={['items', i, 'selfScore']} noStyle>
                        <InputNumber
                          min={0}
                          max={r.points}
                          step={0.5}
                          placeholder={t('assessment.selfScore')}
                          style={{ width: 120 }}
                        />
                      </Form.Item>
                      <Form.Item name={['items', i, 'note']} style={{ margin: 0 }}>
                        <Input.TextArea rows={1} autoSize placeholder={t('assessment.selfNote')} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() => (
                          <Space wrap size={4}>
                            {(
                              (form.getFieldValue(['items', i, 'evidenceFileIds']) as string[] | undefined) ??
                              []
                            ).map((id) => (
                              <Tag key={id} icon={<PaperClipOutlined />}>
                                {fileName(id)}
                              </Tag>
                            ))}
                            <Upload
                              showUploadList={false}
                              customRequest={({ file }) => upload.mutate({ file: file as File, row: i })}
                            >
                              <Button size="small" icon={<UploadOutlined />}>
                                {t('assessment.evidence')}
                              </Button>
                            </Upload>
                          </Space>
                        )}
                      </Form.Item>
                    </Space>
                  ) : (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>
                        {r.selfScore === null ? '—' : fmt.number(r.selfScore)}
                      </Typography.Text>
                      {r.selfNote && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.selfNote}
                        </Typography.Text>
                      )}
                      {r.evidenceFileIds.map((id) => (
                        <Typography.Link
                          key={id}
                          href={`/api/files/${encodeURIComponent(id)}`}
                          target="_blank"
                        >
                          <PaperClipOutlined /> {fileName(id)}
                        </Typography.Link>
                      ))}
                    </Space>
                  ),
              },
              {
                title: t('assessment.teamScore'),
                key: 'score',
                width: 380,
                render: (_, r, i) =>
                  scoreMode ? (
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Space size={4}>
                        <Form.Item name={['items', i, 'score']} style={{ margin: 0 }}>
                          <InputNumber
                            min={0}
                            max={r.points}
                            step={0.5}
                            placeholder={t('assessment.score')}
                            style={{ width: 110 }}
                          />
                        </Form.Item>
                        <Form.Item name={['items', i, 'method']} style={{ margin: 0 }}>
                          <Select
                            style={{ width: 130 }}
                            placeholder={t('assessment.methodLabel')}
                            options={(meta.data?.methods ?? []).map((m) => ({
                              value: m.code,
                              label: methodLabel(m.code),
                            }))}
                          />
                        </Form.Item>
                      </Space>
                      <Form.Item name={['items', i, 'deductionReason']} style={{ margin: 0 }}>
                        <Input.TextArea rows={1} autoSize placeholder={t('assessment.deductionReason')} />
                      </Form.Item>
                      {r.findingId ? (
                        <Tag color="orange">{t('assessment.findingOpened')}</Tag>
                      ) : (
                        <Space size={4}>
                          <Form.Item
                            name={['items', i, 'finding']}
                            valuePropName="checked"
                            style={{ margin: 0 }}
                          >
                            <Checkbox>{t('assessment.openFinding')}</Checkbox>
                          </Form.Item>
                          <Form.Item noStyle shouldUpdate>
                            {() =>
                              form.getFieldValue(['items', i, 'finding']) ? (
                                <Form.Item name={['items', i, 'findingDueOn']} style={{ margin: 0 }}>
                                  <DatePicker placeholder={t('assessment.findingDueOn')} />
                                </Form.Item>
                              ) : null
                            }
                          </Form.Item>
                        </Space>
                      )}
                    </Space>
                  ) : !s.scoresVisible ? (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ) : (
                    <Space orientation="vertical" size={0}>
                      <Space size={4}>
                        <Typography.Text
                          strong
                          type={r.score !== null && r.score < r.points ? 'danger' : undefined}
                        >
                          {r.score === null ? '—' : fmt.number(r.score)}
                        </Typography.Text>
                        {r.method && <Tag>{methodLabel(r.method)}</Tag>}
                        {r.findingId && <Tag color="orange">{t('assessment.findingOpened')}</Tag>}
                      </Space>
                      {r.deductionReason && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.deductionReason}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        </Form>
      )}
    </Drawer>
  );
}
