import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportedUser } from '../../api/types';

/** The initial passwords of imported accounts: shown this once, to copy or save as a file. */
export function ImportedPasswords({ users }: { users: ImportedUser[] }) {
  const { t } = useTranslation();
  const header = [t('users.username'), t('users.displayName'), t('users.unit'), t('import.initialPassword')];
  const rows = users.map((u) => [u.username, u.displayName, u.unitName, u.initialPassword]);
  const tsv = [header, ...rows].map((r) => r.join('\t')).join('\n');
  const download = () => {
    const csv = [header, ...rows]
      .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
      .join('\r\n');
    // BOM: Excel opens UTF-8 CSV with Chinese names correctly only with it
    const url = URL.createObjectURL(new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = t('import.passwordsFile');
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="imported-passwords">
      <Alert type="warning" showIcon title={t('import.passwordsOnce')} />
      <Space>
        <Typography.Text copyable={{ text: tsv, tooltips: [t('import.copyAll'), t('common.copied')] }}>
          {t('import.copyAll')}
        </Typography.Text>
        <Button size="small" icon={<DownloadOutlined />} onClick={download}>
          {t('import.downloadPasswords')}
        </Button>
      </Space>
      <Table<ImportedUser>
        rowKey="id"
        size="small"
        dataSource={users}
        pagination={users.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 70 },
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.unit'), dataIndex: 'unitName' },
          {
            title: t('import.initialPassword'),
            dataIndex: 'initialPassword',
            render: (p: string) => (
              <Typography.Text code copyable>
                {p}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}
