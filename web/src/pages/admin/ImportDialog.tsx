import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call, formData } from '../../api/client';
import type { FormReq, ImportPath, ImportReport, ImportRowError } from '../../api/types';
import { errorText } from '../../app/errors';

const templates = {
  '/api/org/import/units': '/api/org/import/units/template',
  '/api/org/import/users': '/api/org/import/users/template',
  '/api/activities/import': '/api/activities/import/template',
  '/api/planning/plans/{id}/tasks/import': '/api/planning/tasks/import/template',
  '/api/assessment/systems/{id}/indicators/import': '/api/assessment/indicators/import/template',
} satisfies Record<ImportPath, string>;

function send<P extends ImportPath>(path: P, file: File, dryRun: boolean, target?: { id: string }) {
  // the routes share one form and report shape; only `created` differs (and a target's path id)
  const query = { dryRun: dryRun ? ('true' as const) : ('false' as const) };
  const body = formData<FormReq<ImportPath, 'post'>>({ file });
  return call(
    target
      ? api.POST(path as '/api/planning/plans/{id}/tasks/import', {
          params: { query, path: target },
          ...body,
        })
      : api.POST(path as '/api/activities/import', { params: { query }, ...body }),
  ) as Promise<ImportReport<P>>;
}

/** A commit refused for row errors (422 IMPORT_HAS_ERRORS) carries the same report as a dry run. */
function reportOf(e: unknown): ImportReport | undefined {
  return e instanceof ApiError ? (e.extra.report as ImportReport | undefined) : undefined;
}

/**
 * Excel import, as the server runs it: download the template, choose a file, 校验 (dry run) for the
 * per-row error report, then 导入, which is offered only when the dry run found no error.
 */
export function ImportDialog<P extends ImportPath>({
  path,
  title,
  open,
  onClose,
  onImported,
  renderResult,
  target,
}: {
  path: P;
  /** the path's {id}, for an import into one record (a plan's tasks) */
  target?: { id: string };
  title: string;
  open: boolean;
  onClose: () => void;
  onImported: (report: ImportReport<P>) => Promise<void> | void;
  /** what to show once committed (the users' initial passwords…) */
  renderResult?: (report: ImportReport<P>) => ReactNode;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (f: File) => send(path, f, true, target) });
  const commit = useMutation({
    mutationFn: (f: File) => send(path, f, false, target),
    onSuccess: (r) => onImported(r),
  });

  const choose = (f: File | null) => {
    setFile(f);
    check.reset();
    commit.reset();
  };
  const committed: ImportReport | undefined = commit.data;
  const checked: ImportReport | undefined = check.data;
  const report = committed ?? reportOf(commit.error) ?? checked;
  const clean = !!checked && checked.errors.length === 0 && checked.total > 0;
  const done = !!commit.data;
  // the template is optional: a file is the first thing asked for; all four are done once committed
  const step = done ? 4 : clean ? 3 : file ? 2 : 1;

  const footer = done ? (
    <Button type="primary" onClick={onClose}>
      {t('common.close')}
    </Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button
        data-testid="import-check"
        disabled={!file}
        loading={check.isPending}
        onClick={() => file && check.mutate(file)}
      >
        {t('import.check')}
      </Button>
      <Button
        type="primary"
        data-testid="import-commit"
        disabled={!file || !clean}
        loading={commit.isPending}
        onClick={() => file && commit.mutate(file)}
      >
        {t('import.commit')}
      </Button>
    </Space>
  );

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      footer={footer}
      width={760}
      destroyOnHidden
      mask={{ closable: false }}
      afterClose={() => choose(null)}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-dialog">
        <Steps
          size="small"
          current={step}
          status={checked && !clean ? 'error' : 'process'}
          items={[
            { title: t('import.stepTemplate') },
            { title: t('import.stepFile') },
            { title: t('import.stepCheck') },
            { title: t('import.stepCommit') },
          ]}
        />
        {!done && (
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={templates[path]} data-testid="import-template">
              {t('import.template')}
            </Button>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                choose(f);
                return false; // kept in the browser until 校验 / 导入
              }}
              onRemove={() => choose(null)}
            >
              <Button icon={<UploadOutlined />} data-testid="import-choose">
                {t('import.choose')}
              </Button>
            </Upload>
          </Space>
        )}
        {!done && <Typography.Text type="secondary">{t('import.hint')}</Typography.Text>}
        {check.error && <Alert type="error" showIcon title={errorText(check.error)} />}
        {commit.error && <Alert type="error" showIcon title={errorText(commit.error)} />}
        {report && (
          <Alert
            data-testid="import-summary"
            showIcon
            type={done ? 'success' : report.errors.length ? 'error' : report.total ? 'success' : 'warning'}
            title={
              done
                ? t('import.committed', { count: report.created.length })
                : report.total === 0
                  ? t('import.empty')
                  : report.errors.length
                    ? t('import.hasErrors', {
                        total: report.total,
                        valid: report.valid,
                        errors: report.errors.length,
                      })
                    : t('import.clean', { total: report.total })
            }
          />
        )}
        {report && report.errors.length > 0 && (
          <Table<ImportRowError>
            data-testid="import-errors"
            rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.reason}`}
            size="small"
            dataSource={report.errors}
            pagination={report.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 80 },
              {
                title: t('import.column'),
                dataIndex: 'column',
                width: 160,
                render: (c: string | null) => c ?? <Typography.Text type="secondary">—</Typography.Text>,
              },
              { title: t('import.reason'), dataIndex: 'reason' },
            ]}
          />
        )}
        {commit.data && renderResult?.(commit.data)}
      </Space>
    </Modal>
  );
}
