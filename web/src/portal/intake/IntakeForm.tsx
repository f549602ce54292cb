import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Spin,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { ReceiptView } from './ReceiptView';
import { rulesFor, type FieldDef } from './fields';
import { submitIntake, type Receipt } from './submit';

export function useKinds() {
  return useQuery({
    queryKey: ['portal', 'intake', 'kinds'],
    queryFn: () => call(api.GET('/api/public/intake/kinds')),
  });
}

function useTownships(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'intake', 'townships'],
    queryFn: () => call(api.GET('/api/public/intake/townships')),
    enabled,
  });
}

function useGovernments(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'intake', 'governments'],
    queryFn: () => call(api.GET('/api/public/intake/governments')),
    enabled,
  });
}

type Values = Record<string, unknown> & { files?: UploadFile[] };

/** The payload as the module's schema reads it: dates as YYYY-MM-DD, empty optional fields left out. */
function toPayload(fields: FieldDef[], values: Values, extra: Record<string, unknown>) {
  const payload: Record<string, unknown> = { ...extra };
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === null || v === '') continue;
    payload[f.name] =
      f.type === 'date'
        ? (v as Dayjs).format('YYYY-MM-DD')
        : f.options === 'government'
          ? Number(v)
          : typeof v === 'string'
            ? v.trim()
            : v;
  }
  return payload;
}

/**
 * A portal form for one kind of submission: checks each field before sending, solves the
 * proof-of-work challenge in a worker, sends the form and its attachments, shows the server's
 * objections under the fields they concern, and ends on the receipt with the lookup code.
 */
export function IntakeForm(props: {
  kind: string;
  title: string;
  intro: string;
  fields: FieldDef[];
  attachments?: boolean;
  /** fields the page fills itself (e.g. the UI language) */
  extra?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kinds = useKinds();
  const kind = kinds.data?.find((k) => k.kind === props.kind);
  const townships = useTownships(props.fields.some((f) => f.options === 'township'));
  const governments = useGovernments(props.fields.some((f) => f.options === 'government'));
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [busy, setBusy] = useState<'solving' | 'sending' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (kinds.isPending) return <Spin />;
  if (kinds.error) return <Alert type="error" title={errorText(kinds.error)} />;
  if (!kind)
    return (
      <Result
        status="info"
        title={props.title}
        subTitle={t('intake.unavailable')}
        data-testid="intake-unavailable"
      />
    );
  if (receipt) return <ReceiptView receipt={receipt} />;

  const optionsOf = (f: FieldDef): { value: string | number; label: string }[] =>
    kind.choices[f.name] ??
    (f.options === 'township'
      ? (townships.data ?? []).map((d) => ({ value: d.code, label: `${d.county} ${d.name}` }))
      : f.options === 'government'
        ? (governments.data ?? []).map((g) => ({ value: g.id, label: g.name }))
        : []);
  const listed = (f: FieldDef) =>
    f.options === 'township' || f.options === 'government' || optionsOf(f).length > 0;

  const send = async (values: Values) => {
    setProblem(null);
    const files = (values.files ?? [])
      .map((f) => f.originFileObj)
      .filter((f): f is NonNullable<typeof f> => !!f);
    try {
      setBusy('solving');
      const r = await submitIntake(
        props.kind,
        toPayload(props.fields, values, props.extra ?? {}),
        files,
        (s) => setBusy(s ? 'solving' : 'sending'),
      );
      setReceipt(r);
      window.scrollTo({ top: 0 });
    } catch (e) {
      if (e instanceof ApiError) {
        const placed = e.errors.flatMap((x) => {
          const [head, name] = x.field.split('.');
          if (head === 'payload' && name && props.fields.some((f) => f.name === name))
            return [{ name, errors: [x.message] }];
          if (head === 'files') return [{ name: 'files', errors: [x.message] }];
          return [];
        });
        form.setFields(placed);
        setProblem(placed.length ? t('intake.fixFields') : errorText(e));
      } else setProblem(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={props.title} data-testid={`intake-form-${props.kind}`}>
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void send(v)}
        onFinishFailed={() => setProblem(t('intake.fixFields'))}
        scrollToFirstError
      >
        <Row gutter={16}>
          {props.fields.map((f) => (
            <Col key={f.name} xs={24} md={f.span ?? 24}>
              <Form.Item
                name={f.name}
                label={t(`intake.field.${f.name}`)}
                rules={rulesFor(f, t)}
                extra={f.help ? t(`intake.help.${f.help}`) : undefined}
              >
                {f.type === 'textarea' ? (
                  <Input.TextArea
                    autoSize={{ minRows: 3, maxRows: 12 }}
                    maxLength={f.max}
                    showCount={!!f.max}
                  />
                ) : f.type === 'date' ? (
                  <DatePicker style={{ width: '100%' }} placeholder={t('intake.pickDate')} />
                ) : f.type === 'select' ? (
                  listed(f) ? (
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={optionsOf(f)}
                      placeholder={t('intake.choose')}
                      loading={townships.isFetching || governments.isFetching}
                    />
                  ) : (
                    <Input maxLength={40} />
                  )
                ) : f.type === 'number' ? (
                  <InputNumber min={0} style={{ width: '100%' }} addonAfter={t('intake.yuan')} />
                ) : (
                  <Input maxLength={f.max ?? (f.type === 'phone' ? 20 : 40)} autoComplete="off" />
                )}
              </Form.Item>
            </Col>
          ))}
        </Row>
        {props.attachments && (
          <Form.Item
            name="files"
            label={t('intake.field.files')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
            extra={t('intake.help.files', {
              max: kind.maxFiles,
              mb: Math.round(kind.maxFileBytes / 1024 / 1024),
              types: kind.allowedExtensions.join(', '),
            })}
            rules={[
              {
                validator: async (_r, list: UploadFile[] | undefined) => {
                  if ((list?.length ?? 0) > kind.maxFiles)
                    throw new Error(t('intake.rule.tooMany', { max: kind.maxFiles }));
                  const big = list?.find((f) => (f.size ?? 0) > kind.maxFileBytes);
                  if (big)
                    throw new Error(
                      t('intake.rule.tooBig', {
                        name: big.name,
                        mb: Math.round(kind.maxFileBytes / 1024 / 1024),
                      }),
                    );
                  const ext = (n: string) => n.split('.').pop()?.toLowerCase() ?? '';
                  const odd = list?.find((f) => !kind.allowedExtensions.includes(ext(f.name)));
                  if (odd) throw new Error(t('intake.rule.fileType', { name: odd.name }));
                },
              },
            ]}
          >
            <Upload
              beforeUpload={() => false}
              multiple
              accept={kind.allowedExtensions.map((e) => `.${e}`).join(',')}
            >
              <Button icon={<UploadOutlined />} data-testid="intake-choose-files">
                {t('intake.chooseFiles')}
              </Button>
            </Upload>
          </Form.Item>
        )}
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem}
            style={{ marginBottom: 16 }}
            data-testid="intake-problem"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={busy !== null}
          data-testid="intake-submit"
        >
          {busy === 'solving'
            ? t('intake.solving')
            : busy === 'sending'
              ? t('intake.sending')
              : t('intake.submit')}
        </Button>
      </Form>
    </Card>
  );
}
