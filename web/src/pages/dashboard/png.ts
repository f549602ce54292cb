import * as echarts from 'echarts/core';

/**
 * PNG export without another package and without sending the page anywhere. A chart saves itself
 * through ECharts' getDataURL. The whole view is drawn afresh on a canvas (title, the view's table,
 * then each chart's own image): rasterising the live DOM (SVG foreignObject) would need every antd
 * style and web font inlined and taints the canvas in some browsers, while the data are at hand.
 */

export interface PngTable {
  columns: string[];
  rows: string[][];
  /** per cell background (heat map), same shape as rows */
  fills?: (string | undefined)[][];
}

const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans Tibetan', sans-serif";
const PAD = 24;
const ROW = 26;

/** The ECharts instances inside `root`, as images. */
function chartImages(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLElement>('[data-testid^="chart-"]')]
    .map((el) => echarts.getInstanceByDom(el))
    .filter((c): c is NonNullable<typeof c> => !!c)
    .map((c) => c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
}

const loadImage = (src: string) =>
  new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = src;
  });

/** Draws the title, the table and the charts found in `root` on one canvas and returns it as a PNG data URL. */
export async function viewPng(opts: {
  title: string;
  subtitle: string;
  table?: PngTable;
  root?: HTMLElement | null;
}): Promise<string> {
  const images = await Promise.all((opts.root ? chartImages(opts.root) : []).map(loadImage));
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.font = `14px ${FONT}`;
  const t = opts.table;
  const widths = t
    ? t.columns.map((c, i) =>
        Math.min(
          260,
          Math.max(probe.measureText(c).width, ...t.rows.map((r) => probe.measureText(r[i] ?? '').width)) +
            16,
        ),
      )
    : [];
  const tableW = widths.reduce((a, b) => a + b, 0);
  const width = Math.max(900, tableW + 2 * PAD, ...images.map((i) => i.width / 2 + 2 * PAD));
  const tableH = t ? (t.rows.length + 1) * ROW + PAD : 0;
  const chartsH = images.reduce((a, i) => a + i.height / 2 + PAD, 0);
  const height = 90 + tableH + chartsH + PAD;

  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const g = canvas.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#b4282d';
  g.font = `bold 22px ${FONT}`;
  g.fillText(opts.title, PAD, 40);
  g.fillStyle = '#666';
  g.font = `14px ${FONT}`;
  g.fillText(opts.subtitle, PAD, 66);

  let y = 90;
  if (t) {
    const cell = (text: string, x: number, w: number, fill: string | undefined, bold: boolean) => {
      if (fill) {
        g.fillStyle = fill;
        g.fillRect(x, y, w, ROW);
      }
      g.strokeStyle = '#e5e5e5';
      g.strokeRect(x, y, w, ROW);
      g.fillStyle = '#222';
      g.font = `${bold ? 'bold ' : ''}14px ${FONT}`;
      let s = text;
      while (s.length > 1 && g.measureText(s).width > w - 12) s = s.slice(0, -1);
      g.fillText(s === text ? s : `${s.slice(0, -1)}…`, x + 6, y + 18);
    };
    let x = PAD;
    t.columns.forEach((c, i) => {
      cell(c, x, widths[i]!, '#f2f2f2', true);
      x += widths[i]!;
    });
    y += ROW;
    t.rows.forEach((r, j) => {
      x = PAD;
      r.forEach((c, i) => {
        cell(c, x, widths[i]!, t.fills?.[j]?.[i], false);
        x += widths[i]!;
      });
      y += ROW;
    });
    y += PAD;
  }
  for (const img of images) {
    g.drawImage(img, PAD, y, img.width / 2, img.height / 2);
    y += img.height / 2 + PAD;
  }
  return canvas.toDataURL('image/png');
}

/** Saves a data URL as a file through a temporary link. */
export function saveDataUrl(url: string, name: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** One chart's own image. */
export function chartPng(el: HTMLElement | null): string | null {
  const c = el && echarts.getInstanceByDom(el);
  return c ? c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) : null;
}
