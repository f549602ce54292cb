import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Image, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, formData } from '../../api/client';
import type { FileView, FormReq } from '../../api/types';
import { errorText } from '../../app/errors';
import { ReasonDialog } from '../../components/ReasonDialog';

const OWNER = 'activity';

/**
 * An activity's evidence photos, kept by the files service under the record (owner 'activity'):
 * whether one may attach or void is decided there, and the file type is judged from the bytes.
 */
export function ActivityPhotos({
  activityId,
  files,
  manage,
}: {
  activityId: string;
  files: UseQueryResult<FileView[]>;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const owner = { ownerEntity: OWNER, ownerId: activityId };
  const refresh = () => qc.invalidateQueries({ queryKey: ['files', owner] });
  const upload = useMutation({
    mutationFn: (file: File) =>
      call(api.POST('/api/files', formData<FormReq<'/api/files', 'post'>>({ ...owner, file }))),
    onSuccess: async (f) => {
      void message.success(t('files.uploaded', { name: f.name }));
      await refresh();
    },
  });
  const [voiding, setVoiding] = useState<FileView | null>(null);
  const voidFile = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call(api.POST('/api/files/{id}/void', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      setVoiding(null);
      await refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="activity-photos">
      {manage && (
        <Space wrap>
          <Upload
            accept="image/*"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) =>
              upload.mutate(file as File, {
                onSuccess: (r) => onSuccess?.(r),
                onError: (e) => onError?.(e),
              })
            }
          >
            <Button icon={<CameraOutlined />} loading={upload.isPending} data-testid="photo-upload">
              {t('activities.uploadPhoto')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('activities.photosHint')}</Typography.Text>
        </Space>
      )}
      {upload.error && (
        <Alert type="error" showIcon data-testid="photo-error" title={errorText(upload.error)} />
      )}
      {files.error && <Alert type="error" showIcon title={errorText(files.error)} />}
      {files.data?.length ? (
        <Image.PreviewGroup>
          <Space wrap size={12}>
            {files.data.map((f) => (
              <Space key={f.id} orientation="vertical" size={4} align="center">
                <Image
                  width={120}
                  height={90}
                  style={{ objectFit: 'cover' }}
                  src={`/api/files/${encodeURIComponent(f.id)}?inline=true`}
                  alt={f.name}
                />
                {manage && (
                  <Button type="link" size="small" danger onClick={() => setVoiding(f)}>
                    {t('files.void')}
                  </Button>
                )}
              </Space>
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.noPhotos')} />
      )}
      <ReasonDialog
        open={!!voiding}
        title={t('files.voidTitle', { name: voiding?.name })}
        label={t('common.reason')}
        pending={voidFile.isPending}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) => voiding && voidFile.mutate({ id: voiding.id, reason })}
      />
    </Space>
  );
}
