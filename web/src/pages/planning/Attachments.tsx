import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, formData } from '../../api/client';
import type { FormReq } from '../../api/types';
import { errorText } from '../../app/errors';

export type Owner = { ownerEntity: string; ownerId: string };
export type Uploaded = { id: string; name: string };

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/** Links to files by id (names where known: a record keeps only the ids). */
export function FileLinks({ ids, names }: { ids: string[]; names?: Map<string, string> }) {
  const { t } = useTranslation();
  if (!ids.length) return null;
  return (
    <Space wrap size={4}>
      {ids.map((id, i) => (
        <Typography.Link key={id} href={fileUrl(id)} target="_blank">
          <PaperClipOutlined /> {names?.get(id) ?? t('attach.nth', { n: i + 1 })}
        </Typography.Link>
      ))}
    </Space>
  );
}

/**
 * A form control holding the files uploaded for one record (the files service keeps them under
 * `owner`; whether one may upload there is its answer). The value is the uploaded files, in order.
 */
export function UploadField({
  owner,
  value = [],
  onChange,
  accept,
  testId,
}: {
  owner: Owner;
  value?: Uploaded[];
  onChange?: (v: Uploaded[]) => void;
  accept?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useMutation({
    mutationFn: (file: File) =>
      call(api.POST('/api/files', formData<FormReq<'/api/files', 'post'>>({ ...owner, file }))),
    onSuccess: (f) => void message.success(t('files.uploaded', { name: f.name })),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Upload
        accept={accept}
        showUploadList={false}
        multiple
        customRequest={({ file, onSuccess, onError }) =>
          upload.mutate(file as File, {
            onSuccess: (f) => {
              onChange?.([...value, { id: f.id, name: f.name }]);
              onSuccess?.(f);
            },
            onError: (e) => onError?.(e),
          })
        }
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          {t('files.upload')}
        </Button>
      </Upload>
      {upload.error && <Alert type="error" showIcon title={errorText(upload.error)} />}
      {value.map((f) => (
        <Space key={f.id} size={4}>
          <Typography.Link href={fileUrl(f.id)} target="_blank">
            <PaperClipOutlined /> {f.name}
          </Typography.Link>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('attach.remove')}
            onClick={() => onChange?.(value.filter((x) => x.id !== f.id))}
          />
        </Space>
      ))}
    </Space>
  );
}
