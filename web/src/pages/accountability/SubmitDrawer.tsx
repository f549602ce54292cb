import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call, formData } from '../../api/client';
import type {
  Campaign,
  FileView,
  FormReq,
  LawDutyReport,
  LawDutyReportInput,
  Reporter,
} from '../../api/types';
import { errorText } from '../../app/errors';
import { DutyListCard } from './DutyListCard';
import { useLabels, useMeta } from './meta';

/** The files service's owner for a signed report: the reporter's id names it. */
const OWNER = 'accountability.report';

type Values = Omit<LawDutyReportInput, 'submittedOn' | 'documentFileId'> & { submittedOn?: Dayjs };

/**
 * A clerk submits a reporter's 述法报告: the three sections and the signed document, uploaded first
 * to the files service under the reporter. The reporter's duty list is shown beside the form.
 */
export function SubmitDrawer({
  reporter,
  campaign,
  onClose,
  onSubmitted,
}: {
  reporter: Reporter | null;
  campaign: Campaign;
  onClose: () => void;
  onSubmitted: (r: LawDutyReport) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const meta = useMeta();
  const labels = useLabels(meta.data);
  const [form] = Form.useForm<Values>();
  const [document, setDocument] = useState<FileView | null>(null);
  /** the server's message on the signed document, which is no form field */
  const [documentError, setDocumentError] = useState<string | null>(null);
  const duties = useQuery({
    queryKey: ['accountability', 'duty-lists', campaign.divisionCode],
    queryFn: () =>
      call(
        api.GET('/api/accountability/duty-lists', { params: { query: { division: campaign.divisionCode } } }),
      ),
    enabled: !!reporter,
    staleTime: 60_000,
  });
  const upload = useMutation({
    mutationFn: (file: File) =>
      call(
        api.POST(
          '/api/files',
          formData<FormReq<'/api/files', 'post'>>({ ownerEntity: OWNER, ownerId: reporter!.id, file }),
        ),
      ),
    onSuccess: (f) => {
      setDocument(f);
      setDocumentError(null);
      void message.success(t('files.uploaded', { name: f.name }));
    },
  });
  const submit = useMutation({
    mutationFn: (body: LawDutyReportInput) =>
      call(
        api.POST('/api/accountability/reporters/{id}/report', {
          params: { path: { id: reporter!.id } },
          body,
        }),
      ),
    onSuccess: async (r) => {
      void message.success(t('accountability.submittedMessage', { name: r.personName }));
      await qc.invalidateQueries({ queryKey: ['accountability'] });
      onSubmitted(r);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      const field = (f: { field: string }) => f.field.replace(/^body\./, '');
      setDocumentError(e.errors.find((f) => field(f) === 'documentFileId')?.message ?? null);
      const known = new Set(['submittedOn', 'performance', 'problems', 'plans', 'format']);
      form.setFields(
        e.errors
          .map((f) => ({ name: field(f), errors: [f.message] }))
          .filter((f) => known.has(f.name)) as never,
      );
    },
  });

  const onFinish = (v: Values) =>
    submit.mutate({
      format: v.format,
      submittedOn: v.submittedOn?.format('YYYY-MM-DD') ?? '',
      performance: v.performance ?? '',
      problems: v.problems ?? '',
      plans: v.plans ?? '',
      documentFileId: document?.id ?? '',
    });

  const duty = duties.data?.find((d) => d.postType === reporter?.postType);
  return (
    <Drawer
      title={
        reporter && t('accountability.submitTitle', { name: reporter.personName, unit: reporter.unitName })
      }
      open={!!reporter}
      onClose={onClose}
      size={1080}
      destroyOnHidden
      data-testid="report-submit-drawer"
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() => form.submit()}
            data-testid="report-submit"
          >
            {t('accountability.submit')}
          </Button>
        </Space>
      }
    >
      {reporter && (
        <Row gutter={24}>
          <Col xs={24} lg={15}>
            <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('accountability.person')}>{reporter.personName}</Descriptions.Item>
              <Descriptions.Item label={t('accountability.post')}>
                {reporter.post}（{labels.postType(reporter.postType)}）
              </Descriptions.Item>
            </Descriptions>
            {submit.error && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={submit.error instanceof ApiError ? submit.error.detail : errorText(submit.error)}
                data-testid="report-submit-error"
              />
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ submittedOn: dayjs(), format: campaign.format }}
              onFinish={onFinish}
              data-testid="report-form"
            >
              <Space.Compact block style={{ gap: 16 }}>
                <Form.Item
                  name="submittedOn"
                  label={t('accountability.submittedOnLabel')}
                  rules={[{ required: true }]}
                  style={{ flex: 1 }}
                >
                  <DatePicker format={t('format.date')} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="format" label={t('accountability.formatLabel')} style={{ flex: 1 }}>
                  <Select
                    options={(meta.data?.formats ?? []).map((f) => ({
                      value: f.code,
                      label: labels.format(f.code),
                    }))}
                  />
                </Form.Item>
              </Space.Compact>
              <Form.Item name="performance" label={t('accountability.performance')} required>
                <Input.TextArea rows={6} maxLength={20000} showCount />
              </Form.Item>
              <Form.Item name="problems" label={t('accountability.problems')} required>
                <Input.TextArea rows={4} maxLength={10000} showCount />
              </Form.Item>
              <Form.Item name="plans" label={t('accountability.plans')} required>
                <Input.TextArea rows={4} maxLength={10000} showCount />
              </Form.Item>
              <Form.Item
                label={t('accountability.document')}
                required
                extra={t('accountability.documentHint')}
                validateStatus={documentError ? 'error' : undefined}
                help={documentError ?? undefined}
              >
                <Space orientation="vertical">
                  <Upload
                    accept=".pdf,.ofd,image/*"
                    showUploadList={false}
                    customRequest={({ file, onSuccess, onError }) =>
                      upload.mutate(file as File, {
                        onSuccess: (r) => onSuccess?.(r),
                        onError: (e) => onError?.(e),
                      })
                    }
                  >
                    <Button
                      icon={<UploadOutlined />}
                      loading={upload.isPending}
                      data-testid="document-upload"
                    >
                      {document ? t('accountability.replaceDocument') : t('accountability.uploadDocument')}
                    </Button>
                  </Upload>
                  {document && (
                    <Typography.Link
                      href={`/api/files/${encodeURIComponent(document.id)}`}
                      target="_blank"
                      data-testid="document-name"
                    >
                      <PaperClipOutlined /> {document.name}
                    </Typography.Link>
                  )}
                  {upload.error && <Typography.Text type="danger">{errorText(upload.error)}</Typography.Text>}
                </Space>
              </Form.Item>
            </Form>
          </Col>
          <Col xs={24} lg={9}>
            <DutyListCard items={duty?.items} postLabel={labels.postType(reporter.postType)} />
          </Col>
        </Row>
      )}
    </Drawer>
  );
}
