import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, formData } from '../../api/client';
import type { FileView, FormReq, Unit } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { ReasonDialog } from '../../components/ReasonDialog';

const OWNER = 'org.unit';

function sizeText(n: number) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/**
 * A unit's attachments (establishment document, 三定 provisions…). Whether one may list, attach or void
 * is the server's decision over the unit; the file type is judged by the server from the bytes.
 */
export function UnitFilesDrawer({
  unit,
  manage,
  onClose,
}: {
  unit: Unit | null;
  manage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormat();
  const qc = useQueryClient();
  const owner = { ownerEntity: OWNER, ownerId: String(unit?.id ?? '') };
  const key = ['files', owner];
  const files = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/files', { params: { query: owner } })),
    enabled: !!unit,
  });
  const upload = useMutation({
    mutationFn: (file: File) =>
      call(api.POST('/api/files', formData<FormReq<'/api/files', 'post'>>({ ...owner, file }))),
    onSuccess: async (f) => {
      void message.success(t('files.uploaded', { name: f.name }));
      await qc.invalidateQueries({ queryKey: key });
    },
  });
  const [voiding, setVoiding] = useState<FileView | null>(null);
  const voidFile = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call(api.POST('/api/files/{id}/void', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      setVoiding(null);
      await qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <Drawer
      title={t('files.title', { name: unit?.name ?? '' })}
      open={!!unit}
      onClose={onClose}
      size={720}
      destroyOnHidden
      afterOpenChange={(o) => !o && upload.reset()}
      data-testid="unit-files"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {manage && (
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) =>
              upload.mutate(file as File, {
                onSuccess: (r) => onSuccess?.(r),
                onError: (e) => onError?.(e),
              })
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="file-upload">
              {t('files.upload')}
            </Button>
          </Upload>
        )}
        {manage && <Typography.Text type="secondary">{t('files.hint')}</Typography.Text>}
        {upload.error && (
          <Alert type="error" showIcon data-testid="file-error" title={errorText(upload.error)} />
        )}
        {files.error && <Alert type="error" showIcon title={errorText(files.error)} />}
        <Table<FileView>
          data-testid="file-table"
          rowKey="id"
          size="small"
          loading={files.isFetching}
          dataSource={files.data}
          pagination={false}
          locale={{ emptyText: t('files.empty') }}
          columns={[
            {
              title: t('files.name'),
              dataIndex: 'name',
              render: (name: string, f) => (
                // a plain link: the browser downloads with the session cookie and the server's file name
                <a href={`/api/files/${encodeURIComponent(f.id)}`} download={name}>
                  <PaperClipOutlined /> {name}
                </a>
              ),
            },
            { title: t('files.size'), dataIndex: 'size', width: 90, render: sizeText },
            { title: t('files.uploadedAt'), dataIndex: 'createdAt', width: 170, render: fmt.dateTime },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, f: FileView) => (
                      <Button type="link" size="small" danger onClick={() => setVoiding(f)}>
                        {t('files.void')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <ReasonDialog
        open={!!voiding}
        title={t('files.voidTitle', { name: voiding?.name })}
        label={t('common.reason')}
        pending={voidFile.isPending}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) => voiding && voidFile.mutate({ id: voiding.id, reason })}
      />
    </Drawer>
  );
}
