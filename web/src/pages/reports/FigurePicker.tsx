import { Alert, Button, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figure } from '../../api/types';
import { errorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useFigures } from './queries';
import { figureStyles, type FigureStyle } from './types';

const reportValues = ['report.year', 'report.nextYear', 'report.division'] as const;

/** `{{key}}` or `{{key|style}}`: the exact value needs no style. */
export const placeholder = (key: string, style: FigureStyle) =>
  style === 'exact' ? `{{${key}}}` : `{{${key}|${style}}}`;

/**
 * Chooses a figure and the way it is written (exact, 余, 多, 万, 余万); shows each figure's current
 * value for the report's division and year, and its definition.
 */
export function FigurePicker(props: {
  open: boolean;
  divisionCode: string;
  year: number;
  onClose: () => void;
  onPick: (placeholder: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [style, setStyle] = useState<FigureStyle>('exact');
  const [search, setSearch] = useState('');
  const figures = useFigures(props.divisionCode, props.year, props.open);
  const q = search.trim().toLowerCase();
  const rows = (figures.data?.figures ?? []).filter(
    (f) => !q || f.key.toLowerCase().includes(q) || f.label.includes(q) || f.definition.includes(q),
  );
  return (
    <Modal
      title={t('reports.figurePicker')}
      open={props.open}
      onCancel={props.onClose}
      footer={null}
      width={960}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('reports.figureStyle')}</Typography.Text>
          <Segmented<FigureStyle>
            value={style}
            onChange={setStyle}
            options={figureStyles.map((s) => ({ value: s, label: t(`reports.styles.${s}`) }))}
            data-testid="figure-style"
          />
          <Input.Search
            allowClear
            placeholder={t('reports.figureSearch')}
            style={{ width: 260 }}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="figure-search"
          />
        </Space>
        <Typography.Text type="secondary">{t('reports.styleHelp')}</Typography.Text>
        <Space wrap>
          {reportValues.map((k) => (
            <Button key={k} size="small" onClick={() => props.onPick(`{{${k}}}`)}>
              {t(`reports.reportValues.${k.slice(7)}`)}
            </Button>
          ))}
        </Space>
        {figures.error && <Alert type="error" showIcon title={errorText(figures.error)} />}
        <Table<Figure>
          data-testid="figure-table"
          rowKey="key"
          size="small"
          loading={figures.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            {
              title: t('reports.figure'),
              key: 'label',
              width: 260,
              render: (_, f) => (
                <Space orientation="vertical" size={0}>
                  <span>{f.label}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: f.key }}>
                    {f.key}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('reports.value'),
              key: 'value',
              width: 120,
              align: 'right',
              render: (_, f) =>
                f.value === null ? (
                  <Typography.Text type="secondary">{t('reports.noValue')}</Typography.Text>
                ) : f.unit === '比例' ? (
                  `${Math.round(f.value * 100)}%`
                ) : (
                  `${fmt.number(f.value)} ${f.unit}`
                ),
            },
            { title: t('reports.definition'), dataIndex: 'definition', ellipsis: { showTitle: true } },
            {
              title: '',
              key: 'pick',
              width: 80,
              render: (_, f) => (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => props.onPick(placeholder(f.key, style))}
                  data-testid={`pick-${f.key}`}
                >
                  {t('reports.insert')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Modal>
  );
}
