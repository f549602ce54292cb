import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Unit } from '../../api/types';
import { errorText } from '../../app/errors';
import { useCan } from '../../app/session';
import { ReasonDialog } from '../../components/ReasonDialog';
import { ImportDialog } from './ImportDialog';
import { UnitFilesDrawer } from './UnitFilesDrawer';
import { UnitFormDialog } from './UnitFormDialog';
import { buildTree, useUnits, type UnitNode } from './units';

type Editing = { unit?: Unit; parentId?: number } | null;

/** 组织机构: the unit tree in the user's scope; create, edit, void (with a reason), import, attachments. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('org.unit.manage');
  const qc = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const units = useUnits(showInactive);
  const [editing, setEditing] = useState<Editing>(null);
  const [voiding, setVoiding] = useState<Unit | null>(null);
  const [importing, setImporting] = useState(false);
  const [filesOf, setFilesOf] = useState<Unit | null>(null);
  const voidUnit = useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      call(api.POST('/api/org/units/{id}/void', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      setVoiding(null);
      await qc.invalidateQueries({ queryKey: ['units'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const tree = buildTree(units.data ?? []);
  return (
    <div className="fazhi-page">
      <Card
        title={t('units.title')}
        extra={
          <Space>
            <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
              {t('units.showInactive')}
            </Checkbox>
            {manage && (
              <Button
                icon={<FileExcelOutlined />}
                onClick={() => setImporting(true)}
                data-testid="units-import"
              >
                {t('import.button')}
              </Button>
            )}
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                {t('units.create')}
              </Button>
            )}
          </Space>
        }
      >
        {units.error && <Typography.Text type="danger">{errorText(units.error)}</Typography.Text>}
        {units.data && (
          <Table<UnitNode>
            data-testid="unit-tree"
            rowKey="id"
            size="small"
            dataSource={tree}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            footer={() => t('units.count', { count: units.data.length })}
            columns={[
              { title: t('units.name'), dataIndex: 'name' },
              {
                title: t('units.kind'),
                dataIndex: 'kind',
                width: 180,
                render: (k: string) => t(`unitKind.${k}`),
              },
              { title: t('units.division'), dataIndex: 'divisionName', width: 140 },
              {
                title: t('common.status'),
                dataIndex: 'active',
                width: 110,
                render: (a: boolean, u) =>
                  a ? (
                    <Tag color="green">{t('common.active')}</Tag>
                  ) : (
                    <Tag title={u.voidedReason ?? ''}>{t('units.voided')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: manage ? 300 : 90,
                render: (_: unknown, u: UnitNode) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setFilesOf(u)}>
                      {t('files.action')}
                    </Button>
                    {manage && u.active && (
                      <>
                        <Button type="link" size="small" onClick={() => setEditing({ parentId: u.id })}>
                          {t('units.createChild')}
                        </Button>
                        <Button type="link" size="small" onClick={() => setEditing({ unit: u })}>
                          {t('common.edit')}
                        </Button>
                        {u.parentId !== null && (
                          <Button type="link" size="small" danger onClick={() => setVoiding(u)}>
                            {t('units.void')}
                          </Button>
                        )}
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <UnitFormDialog
        open={!!editing}
        unit={editing?.unit}
        parentId={editing?.parentId}
        onClose={() => setEditing(null)}
      />
      <UnitFilesDrawer unit={filesOf} manage={manage} onClose={() => setFilesOf(null)} />
      <ImportDialog
        path="/api/org/import/units"
        title={t('import.unitsTitle')}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => qc.invalidateQueries({ queryKey: ['units'] })}
      />
      <ReasonDialog
        open={!!voiding}
        title={t('units.voidTitle', { name: voiding?.name })}
        label={t('units.voidReason')}
        pending={voidUnit.isPending}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) => voiding && voidUnit.mutate({ id: voiding.id, reason })}
      />
    </div>
  );
}
