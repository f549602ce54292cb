import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import type { LawDutyReport, LawDutyReview } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { DutyListCard } from './DutyListCard';
import { ratingColor, useLabels, useMeta } from './meta';

type ReviewValues = Omit<LawDutyReview, 'reviewedOn'> & { reviewedOn?: Dayjs };

function Section({ title, text }: { title: string; text: string }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
    </>
  );
}

/**
 * One 述法报告: its three sections and signed document, the reporter's duty list beside it, and for the
 * office the 评议 (好/较好/一般/差 with comments) and 退回 (the reporter may then submit again).
 */
export function ReportDrawer({ reportId, onClose }: { reportId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const qc = useQueryClient();
  const manage = useCan()('accountability.manage');
  const meta = useMeta();
  const labels = useLabels(meta.data);
  const [form] = Form.useForm<ReviewValues>();
  const [returning, setReturning] = useState(false);
  const report = useQuery({
    queryKey: ['accountability', 'report', reportId],
    queryFn: () => call(api.GET('/api/accountability/reports/{id}', { params: { path: { id: reportId! } } })),
    enabled: !!reportId,
  });
  const done = async (r: LawDutyReport) => {
    qc.setQueryData(['accountability', 'report', r.id], r);
    await qc.invalidateQueries({ queryKey: ['accountability'] });
  };
  const review = useMutation({
    mutationFn: (body: LawDutyReview) =>
      call(
        api.POST('/api/accountability/reports/{id}/review', { params: { path: { id: reportId! } }, body }),
      ),
    onSuccess: async (r) => {
      void message.success(t('accountability.reviewedMessage'));
      await done(r);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      form.setFields(
        e.errors
          .map((f) => ({ name: f.field.replace(/^body\./, ''), errors: [f.message] }))
          .filter((f) => ['rating', 'comment', 'reviewedOn'].includes(f.name)) as never,
      );
    },
  });
  const giveBack = useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/accountability/reports/{id}/void', {
          params: { path: { id: reportId! } },
          body: { reason },
        }),
      ),
    onSuccess: async (r) => {
      setReturning(false);
      void message.success(t('accountability.returnedMessage'));
      await done(r);
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const r = report.data;
  return (
    <Drawer
      title={r ? t('accountability.reportTitle', { name: r.personName, unit: r.unitName }) : ''}
      open={!!reportId}
      onClose={onClose}
      size={1080}
      destroyOnHidden
      data-testid="report-drawer"
      footer={
        manage &&
        r &&
        !r.voided && (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Button
              type="primary"
              loading={review.isPending}
              onClick={() => form.submit()}
              data-testid="review-save"
            >
              {r.rating ? t('accountability.reviewAgain') : t('accountability.review')}
            </Button>
            <Button danger onClick={() => setReturning(true)} data-testid="report-return">
              {t('accountability.return')}
            </Button>
          </Space>
        )
      }
    >
      {report.isLoading && <Spin />}
      {report.error && <Alert type="error" showIcon title={errorText(report.error)} />}
      {r && (
        <Row gutter={24}>
          <Col xs={24} lg={15}>
            {r.voided && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('accountability.returnedAlert')}
                description={r.voidedReason}
              />
            )}
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('accountability.campaign')} span={2}>
                {r.campaignTitle}
              </Descriptions.Item>
              <Descriptions.Item label={t('accountability.post')}>
                {r.post}（{labels.postType(r.postType)}）
              </Descriptions.Item>
              <Descriptions.Item label={t('accountability.formatLabel')}>
                {labels.format(r.format)}
              </Descriptions.Item>
              <Descriptions.Item label={t('accountability.submittedOnLabel')}>
                {fmt.date(r.submittedOn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('accountability.document')}>
                {r.documentFileId ? (
                  <Typography.Link
                    href={`/api/files/${encodeURIComponent(r.documentFileId)}?inline=true`}
                    target="_blank"
                  >
                    <PaperClipOutlined /> {t('accountability.openDocument')}
                  </Typography.Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </Descriptions>
            <Section title={t('accountability.performance')} text={r.performance} />
            <Section title={t('accountability.problems')} text={r.problems} />
            <Section title={t('accountability.plans')} text={r.plans} />
            <Divider titlePlacement="start" plain>
              {t('accountability.reviewSection')}
            </Divider>
            {r.rating && (
              <Alert
                type="info"
                style={{ marginBottom: 16 }}
                data-testid="review-current"
                title={
                  <Space>
                    <Tag color={ratingColor[r.rating]}>{labels.rating(r.rating)}</Tag>
                    <Typography.Text type="secondary">{fmt.date(r.reviewedOn)}</Typography.Text>
                  </Space>
                }
                description={r.reviewComment}
              />
            )}
            {!r.rating && !manage && (
              <Typography.Text type="secondary">{t('accountability.notReviewed')}</Typography.Text>
            )}
            {manage && !r.voided && (
              <Form<ReviewValues>
                form={form}
                layout="vertical"
                data-testid="review-form"
                initialValues={{
                  rating: r.rating ?? undefined,
                  comment: r.reviewComment ?? '',
                  reviewedOn: dayjs(),
                }}
                onFinish={(v) =>
                  review.mutate({
                    rating: v.rating,
                    comment: v.comment ?? '',
                    reviewedOn: v.reviewedOn?.format('YYYY-MM-DD') ?? '',
                  })
                }
              >
                <Space.Compact block style={{ gap: 16 }}>
                  <Form.Item
                    name="rating"
                    label={t('accountability.ratingLabel')}
                    rules={[{ required: true }]}
                    style={{ flex: 1 }}
                  >
                    <Radio.Group
                      optionType="button"
                      options={(meta.data?.ratings ?? []).map((x) => ({
                        value: x.code,
                        label: labels.rating(x.code),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="reviewedOn"
                    label={t('accountability.reviewedOn')}
                    rules={[{ required: true }]}
                    style={{ width: 200 }}
                  >
                    <DatePicker format={t('format.date')} style={{ width: '100%' }} />
                  </Form.Item>
                </Space.Compact>
                <Form.Item name="comment" label={t('accountability.comment')} required>
                  <Input.TextArea rows={3} maxLength={4000} />
                </Form.Item>
              </Form>
            )}
          </Col>
          <Col xs={24} lg={9}>
            <DutyListCard items={r.dutyItems} postLabel={labels.postType(r.postType)} />
          </Col>
        </Row>
      )}
      <ReasonDialog
        open={returning}
        title={t('accountability.returnTitle', { name: r?.personName })}
        label={t('accountability.returnReason')}
        pending={giveBack.isPending}
        onClose={() => setReturning(false)}
        onSubmit={(reason) => giveBack.mutate(reason)}
      />
    </Drawer>
  );
}
