import { Button, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredItems, taskSystems, type Section } from './types';

export interface Caret {
  sectionId: string;
  pos: number;
}

/** One section's fields; the text area reports where its caret is, so a figure lands there. */
export function SectionEditor(props: {
  section: Section;
  readOnly: boolean;
  onChange: (s: Section) => void;
  onCaret: (c: Caret) => void;
  onPickFigure: () => void;
}) {
  const { t } = useTranslation();
  const s = props.section;
  const set = (patch: Partial<Section>) => props.onChange({ ...s, ...patch });
  const caret = (el: HTMLTextAreaElement) => props.onCaret({ sectionId: s.id, pos: el.selectionStart });
  return (
    <Form layout="vertical" size="small" disabled={props.readOnly} data-testid={`section-${s.id}`}>
      <Space wrap align="end" style={{ marginBottom: 8 }}>
        <Form.Item label={t('reports.heading')} style={{ marginBottom: 0, width: 300 }}>
          <Input
            value={s.heading}
            maxLength={80}
            onChange={(e) => set({ heading: e.target.value })}
            data-testid="section-heading"
          />
        </Form.Item>
        <Form.Item label={t('reports.level')} style={{ marginBottom: 0 }}>
          <Select<1 | 2>
            style={{ width: 110 }}
            value={s.level}
            onChange={(level) => set({ level })}
            data-testid="section-level"
            options={[
              { value: 1, label: t('reports.level1') },
              { value: 2, label: t('reports.level2') },
            ]}
          />
        </Form.Item>
      </Space>
      <Space wrap align="end" style={{ marginBottom: 8 }}>
        <Form.Item label={t('reports.item')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('reports.noItem')}
            value={s.item}
            onChange={(item) => set({ item })}
            data-testid="section-item"
            options={requiredItems.map((i) => ({ value: i, label: t(`reports.items.${i}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('reports.system')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('reports.noSystem')}
            value={s.system}
            onChange={(system) => set({ system, includeTasks: system ? s.includeTasks : undefined })}
            options={taskSystems.map((x) => ({ value: x, label: t(`reports.systems.${x}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('reports.includeTasks')} style={{ marginBottom: 0 }}>
          <Switch
            checked={!!s.includeTasks}
            disabled={props.readOnly || !s.system}
            onChange={(v) => set({ includeTasks: v || undefined })}
          />
        </Form.Item>
      </Space>
      <Form.Item
        label={
          <Space>
            {t('reports.text')}
            {!props.readOnly && (
              <Button size="small" onClick={props.onPickFigure} data-testid="insert-figure">
                {t('reports.insertFigure')}
              </Button>
            )}
          </Space>
        }
        style={{ marginBottom: 0 }}
      >
        <Input.TextArea
          value={s.text}
          autoSize={{ minRows: 3, maxRows: 16 }}
          onChange={(e) => {
            set({ text: e.target.value });
            caret(e.target);
          }}
          onSelect={(e) => caret(e.currentTarget)}
          onClick={(e) => caret(e.currentTarget)}
          data-testid="section-text"
        />
      </Form.Item>
    </Form>
  );
}
