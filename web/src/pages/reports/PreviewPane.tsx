import { Empty, Spin, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preview } from './types';

// what the server writes for a figure without a source, or without a value (reports/kinds.ts)
const MISSING = /（暂无数据来源）|（暂无数据）/g;

function marked(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(MISSING)) {
    out.push(text.slice(at, m.index));
    out.push(
      <mark key={m.index} style={{ background: '#fff1f0', color: '#cf1322', padding: 0 }}>
        {m[0]}
      </mark>,
    );
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

const styles: Record<string, CSSProperties> = {
  title: { textAlign: 'center', fontSize: 20, fontWeight: 600, whiteSpace: 'pre-line', margin: '8px 0 16px' },
  h1: { fontWeight: 700, margin: '12px 0 4px', textIndent: '2em' },
  h2: { fontWeight: 600, margin: '8px 0 4px', textIndent: '2em', fontFamily: 'KaiTi, STKaiti, serif' },
  paragraph: { textIndent: '2em', margin: '0 0 6px', lineHeight: 1.9 },
  task: { textIndent: '2em', margin: '0 0 4px', color: '#555', fontSize: 13 },
};

/** The draft's text as the renderer composed it, figures filled in; missing ones marked. */
export function PreviewPane(props: { preview: Preview | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const p = props.preview;
  if (!p) return props.loading ? <Spin style={{ display: 'block', margin: 32 }} /> : <Empty />;
  return (
    <div
      data-testid="report-preview"
      className="fazhi-report-preview"
      style={{ fontFamily: 'FangSong, STFangsong, serif' }}
    >
      {p.paragraphs.map((x, i) => {
        const style =
          x.kind === 'title'
            ? styles.title
            : x.kind === 'heading'
              ? x.level === 1
                ? styles.h1
                : styles.h2
              : x.kind === 'task'
                ? styles.task
                : styles.paragraph;
        return (
          <p key={i} style={style} data-section={x.sectionId ?? undefined}>
            {marked(x.text)}
          </p>
        );
      })}
      {p.tasksPulled > 0 && (
        <Typography.Text type="secondary">
          {t('reports.tasksPulled', { count: p.tasksPulled })}
        </Typography.Text>
      )}
    </div>
  );
}
