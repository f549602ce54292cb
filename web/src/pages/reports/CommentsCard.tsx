import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';
import { useFormat } from '../../app/format';
import { useCan } from '../../app/session';
import { headingNumbers } from './numbering';
import { reportKey } from './queries';
import type { Comment, ReportView } from './types';

/** 征求意见: the comments of every round, and — while a round is open — a form to add one. */
export function CommentsCard({ report: r, comments }: { report: ReportView; comments: Comment[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ sectionId?: string; body: string }>();
  const numbers = headingNumbers(r.outline.sections);
  const sectionName = (id: string | null) => {
    const i = r.outline.sections.findIndex((s) => s.id === id);
    return i < 0 ? t('reports.wholeText') : `${numbers[i]}${r.outline.sections[i]!.heading}`;
  };
  const add = useMutation({
    mutationFn: (v: { sectionId?: string; body: string }) =>
      call(api.POST('/api/reports/{id}/comments', { params: { path: { id: r.id } }, body: v })),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: reportKey(r.id) });
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const open = r.state === 'commenting';
  return (
    <Card
      size="small"
      title={t('reports.comments')}
      extra={
        open && (
          <Tag color="processing">
            {t('reports.roundOpen', { round: r.commentRound, date: fmt.date(r.commentDueOn) })}
          </Tag>
        )
      }
      data-testid="comments-card"
    >
      {open && can('reports.comment') && (
        <Form
          form={form}
          layout="vertical"
          size="small"
          onFinish={(v) => {
            clearFieldErrors(form);
            add.mutate(v);
          }}
        >
          <Form.Item name="sectionId" label={t('reports.commentSection')}>
            <Select
              allowClear
              placeholder={t('reports.wholeText')}
              options={r.outline.sections
                .map((s, i) => ({ value: s.id, label: `${numbers[i]}${s.heading}` }))
                .filter((o) => o.label)}
            />
          </Form.Item>
          <Form.Item name="body" label={t('reports.commentBody')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="comment-body" />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={add.isPending} data-testid="comment-add">
            {t('reports.addComment')}
          </Button>
          {add.error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(add.error)} />}
        </Form>
      )}
      {comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.noComments')} />
      ) : (
        <List<Comment>
          size="small"
          dataSource={comments}
          renderItem={(c) => (
            <List.Item>
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag>{t('reports.round', { round: c.round })}</Tag>
                  <Typography.Text strong>{c.authorName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {sectionName(c.sectionId)} · {t('reports.seq', { seq: c.versionSeq })} ·{' '}
                    {fmt.dateTime(c.createdAt)}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Typography.Paragraph>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
