/** How the assessment team verified an indicator (the four methods the Suo report names). */
export const methods = {
  onSite: '现场检查',
  briefing: '听取汇报',
  documents: '查阅资料',
  interview: '随机询问',
} as const;
export type Method = keyof typeof methods;
export const methodCodes = Object.keys(methods) as [Method, ...Method[]];

/** An indicator's code is its place in the tree: '2' is a first-level indicator, '2.3' its third child. */
export const CODE_PATTERN = /^[1-9]\d{0,2}(\.[1-9]\d{0,2}){0,3}$/;
export const parentCodeOf = (code: string): string | null =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
export const depthOf = (code: string) => code.split('.').length;

/** Sorts codes as numbers level by level ('2.10' after '2.9'). */
export const compareCodes = (a: string, b: string) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
};
