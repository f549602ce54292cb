import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';

describe('renderHtml', () => {
  const html = renderHtml({
    issuer: '索县人民政府',
    number: '索政发〔2023〕3号',
    title: '关于<测试>的通知',
    addressee: '各乡镇人民政府',
    blocks: [
      { kind: 'heading', level: 1, text: '一、总体要求' },
      { kind: 'paragraph', text: '正文 & 说明' },
      { kind: 'paragraph', lang: 'bo', text: 'བོད་ཡིག' },
      { kind: 'table', header: ['项目'], rows: [['312']] },
    ],
    signature: ['索县人民政府'],
    date: '2023-07-01',
  });

  it('prints on A4 with the GB/T 9704 margins', () => {
    expect(html).toContain('@page { size: A4; margin: 37.0mm 26.0mm 35.0mm 28.0mm; }');
    expect(html).toContain('counter(page)');
  });

  it('is self-contained and escapes text', () => {
    expect(html).not.toMatch(/<link|<script|src=/);
    expect(html).toContain('关于&lt;测试&gt;的通知');
    expect(html).toContain('正文 &amp; 说明');
  });

  it('marks Tibetan, the red issuer, the addressee colon and the Chinese date', () => {
    expect(html).toContain('<p class="indent bo" lang="bo">བོད་ཡིག</p>');
    expect(html).toContain('<p class="issuer">索县人民政府</p>');
    expect(html).toContain('各乡镇人民政府：');
    expect(html).toContain('>2023年7月1日</p>');
    expect(html).toContain('<td>312</td>');
  });
});
