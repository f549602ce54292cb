import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** A server field ('body.participantUnitIds.0', 'deadline') as a form name path. */
export const namePath = (field: string) =>
  field
    .replace(/^body\./, '')
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * Puts a refused write's field messages under the fields the server names (`rename` maps a server
 * field to the form's, for the few the form holds differently). Returns whether any landed.
 */
export function showFieldErrors(
  form: FormInstance,
  e: unknown,
  rename: Record<string, string> = {},
): boolean {
  if (!(e instanceof ApiError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = e.errors
    .map((f) => {
      const name = namePath(f.field);
      name[0] = rename[String(name[0])] ?? name[0]!;
      return { name, errors: [f.message] };
    })
    .filter((f) => known.has(String(f.name[0])));
  form.setFields(fields as unknown as Parameters<typeof form.setFields>[0]);
  return fields.length > 0;
}

/** Clears the messages the server left on fields at the last attempt. */
export function clearFieldErrors(form: FormInstance) {
  form.setFields(
    form.getFieldsError().flatMap((f) => (f.errors.length ? [{ name: f.name, errors: [] }] : [])),
  );
}
