/** Field names whose values never enter the audit trail in clear (passwords, ID and phone numbers…). */
const SENSITIVE = /password|passwd|secret|token|idnumber|idcard|phone|mobile|^.*enc$|bankaccount/i;

export const MASK = '***';

function maskValue(key: string, v: unknown): unknown {
  if (SENSITIVE.test(key)) return v === null || v === undefined ? v : MASK;
  return v instanceof Date ? v.toISOString() : v;
}

/** The fields that changed, as {field: [before, after]}, with sensitive values masked. */
export function diffOf(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    if (k === 'updatedAt' || k === 'createdAt') continue;
    const b = before?.[k];
    const a = after?.[k];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[k] = [maskValue(k, b) ?? null, maskValue(k, a) ?? null];
  }
  return out;
}

/** A whole record for a create or read event, sensitive values masked. */
export function snapshotOf(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, maskValue(k, v)]));
}
