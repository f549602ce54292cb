import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Collapse, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigurePicker } from './FigurePicker';
import { headingNumbers } from './numbering';
import { SectionEditor, type Caret } from './SectionEditor';
import type { Outline, Section } from './types';

const PREAMBLE = '__preamble';

function newId(sections: Section[]): string {
  let n = sections.length + 1;
  while (sections.some((s) => s.id === `s${n}`)) n += 1;
  return `s${n}`;
}

/** The outline as an editable list: title, preamble, and sections that can be added, moved, removed. */
export function OutlineEditor(props: {
  outline: Outline;
  readOnly: boolean;
  divisionCode: string;
  year: number;
  onChange: (o: Outline) => void;
}) {
  const { t } = useTranslation();
  const { outline, readOnly } = props;
  const caret = useRef<Caret | null>(null);
  const [picking, setPicking] = useState<string | null>(null);
  const [open, setOpen] = useState<string[]>([]);
  const numbers = headingNumbers(outline.sections);
  const setSections = (sections: Section[]) => props.onChange({ ...outline, sections });
  const update = (i: number, s: Section) => setSections(outline.sections.map((x, j) => (j === i ? s : x)));
  const move = (i: number, by: number) => {
    const xs = [...outline.sections];
    const [s] = xs.splice(i, 1);
    xs.splice(i + by, 0, s!);
    setSections(xs);
  };
  const add = (at: number) => {
    const s: Section = { id: newId(outline.sections), level: 2, heading: '', text: '' };
    const xs = [...outline.sections];
    xs.splice(at, 0, s);
    setSections(xs);
    setOpen((o) => [...o, s.id]);
  };

  /** Puts the placeholder where the caret was in the target text (at its end if it never had one). */
  const insert = (target: string, placeholder: string) => {
    const splice = (text: string) => {
      const pos =
        caret.current?.sectionId === target ? Math.min(caret.current.pos, text.length) : text.length;
      caret.current = { sectionId: target, pos: pos + placeholder.length };
      return text.slice(0, pos) + placeholder + text.slice(pos);
    };
    if (target === PREAMBLE) props.onChange({ ...outline, preamble: splice(outline.preamble) });
    else setSections(outline.sections.map((s) => (s.id === target ? { ...s, text: splice(s.text) } : s)));
  };

  const tools = (i: number) =>
    !readOnly && (
      <Space size={0} onClick={(e) => e.stopPropagation()}>
        <Tooltip title={t('reports.moveUp')}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={i === 0}
            onClick={() => move(i, -1)}
          />
        </Tooltip>
        <Tooltip title={t('reports.moveDown')}>
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={i === outline.sections.length - 1}
            onClick={() => move(i, 1)}
          />
        </Tooltip>
        <Tooltip title={t('reports.addBelow')}>
          <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => add(i + 1)} />
        </Tooltip>
        <Tooltip title={t('reports.remove')}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={() => setSections(outline.sections.filter((_, j) => j !== i))}
            data-testid="section-remove"
          />
        </Tooltip>
      </Space>
    );

  return (
    <div data-testid="outline-editor">
      <Form layout="vertical" size="small" disabled={readOnly}>
        <Form.Item label={t('reports.docTitle')} extra={t('reports.docTitleHelp')}>
          <Input.TextArea
            value={outline.title}
            autoSize={{ minRows: 1, maxRows: 3 }}
            onChange={(e) => props.onChange({ ...outline, title: e.target.value })}
            data-testid="outline-title"
          />
        </Form.Item>
        <Form.Item
          label={
            <Space>
              {t('reports.preamble')}
              {!readOnly && (
                <Button size="small" onClick={() => setPicking(PREAMBLE)}>
                  {t('reports.insertFigure')}
                </Button>
              )}
            </Space>
          }
        >
          <Input.TextArea
            value={outline.preamble}
            autoSize={{ minRows: 2, maxRows: 8 }}
            onChange={(e) => props.onChange({ ...outline, preamble: e.target.value })}
            onSelect={(e) => (caret.current = { sectionId: PREAMBLE, pos: e.currentTarget.selectionStart })}
          />
        </Form.Item>
      </Form>
      <Collapse
        size="small"
        activeKey={open}
        onChange={(k) => setOpen(k as string[])}
        items={outline.sections.map((s, i) => ({
          key: s.id,
          label: (
            <Typography.Text strong={s.level === 1} style={{ paddingLeft: s.level === 2 ? 16 : 0 }}>
              {numbers[i]}
              {s.heading || <Typography.Text type="secondary">{t('reports.noHeading')}</Typography.Text>}
              {s.item && (
                <Tag color="gold" style={{ marginLeft: 8 }}>
                  {t(`reports.itemsShort.${s.item}`)}
                </Tag>
              )}
              {s.system && <Tag style={{ marginLeft: 4 }}>{t(`reports.systems.${s.system}`)}</Tag>}
              {s.includeTasks && <Tag color="blue">{t('reports.tasksTag')}</Tag>}
            </Typography.Text>
          ),
          extra: tools(i),
          children: (
            <SectionEditor
              section={s}
              readOnly={readOnly}
              onChange={(x) => update(i, x)}
              onCaret={(c) => (caret.current = c)}
              onPickFigure={() => setPicking(s.id)}
            />
          ),
        }))}
      />
      {!readOnly && (
        <Button
          block
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => add(outline.sections.length)}
          data-testid="section-add"
        >
          {t('reports.addSection')}
        </Button>
      )}
      <FigurePicker
        open={picking !== null}
        divisionCode={props.divisionCode}
        year={props.year}
        onClose={() => setPicking(null)}
        onPick={(p) => {
          if (picking) insert(picking, p);
          setPicking(null);
        }}
      />
    </div>
  );
}
