import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Collapse, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { PlanDocumentInput, PlanView } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { fileUrl, UploadField, type Uploaded } from './Attachments';
import { clearFieldErrors, showFieldErrors } from '../../app/form-errors';

type Doc = PlanView['documents'][number];
type Values = Omit<PlanDocumentInput, 'issuedOn' | 'fileId'> & { issuedOn?: Dayjs; file?: Uploaded[] };

/** A plan's issued documents (工作要点、任务清单…); the office registers one with its file. */
export function PlanDocuments({ plan, manage }: { plan: PlanView; manage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (body: PlanDocumentInput) =>
      call(api.POST('/api/planning/plans/{id}/documents', { params: { path: { id: plan.id } }, body })),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      setAdding(false);
      await qc.invalidateQueries({ queryKey: ['planning-plans'] });
    },
    onError: (e) => showFieldErrors(form, e, { fileId: 'file' }),
  });

  return (
    <>
      <Collapse
        size="small"
        data-testid="plan-documents"
        items={[
          {
            key: 'docs',
            label: t('plans.documents', { count: plan.documents.length }),
            extra: manage && !plan.voided && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={(e) => {
                  e.stopPropagation();
                  setAdding(true);
                }}
                data-testid="plan-document-add"
              >
                {t('plans.addDocument')}
              </Button>
            ),
            children: (
              <Table<Doc>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={plan.documents}
                locale={{ emptyText: t('plans.noDocuments') }}
                columns={[
                  { title: t('plans.docTitle'), dataIndex: 'title' },
                  { title: t('plans.docNumber'), dataIndex: 'docNumber', width: 200 },
                  { title: t('plans.issuedOn'), dataIndex: 'issuedOn', width: 140, render: fmt.date },
                  {
                    title: t('plans.file'),
                    dataIndex: 'fileId',
                    width: 100,
                    render: (id: string | null) =>
                      id && (
                        <Typography.Link href={fileUrl(id)} target="_blank">
                          <PaperClipOutlined /> {t('plans.download')}
                        </Typography.Link>
                      ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        title={t('plans.addDocument')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: add.isPending }}
        destroyOnHidden
        afterClose={() => add.reset()}
      >
        {add.error && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(add.error)} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => {
            clearFieldErrors(form);
            add.mutate({
              title: v.title,
              docNumber: v.docNumber || null,
              issuedOn: v.issuedOn?.format('YYYY-MM-DD') ?? null,
              fileId: v.file?.[0]?.id ?? null,
            });
          }}
        >
          <Form.Item name="title" label={t('plans.docTitle')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="docNumber" label={t('plans.docNumber')}>
            <Input maxLength={60} placeholder="索法办〔2023〕1号" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('plans.issuedOn')}>
            <DatePicker format={t('format.date')} />
          </Form.Item>
          <Form.Item name="file" label={t('plans.file')}>
            <UploadField owner={{ ownerEntity: 'planning.plan', ownerId: plan.id }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
