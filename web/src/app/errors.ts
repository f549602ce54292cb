import { ApiError } from '../api/client';
import i18n from '../i18n';

/** The message to show for a failed call: the server's Chinese detail, else a generic text. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const fields = e.errors.map((f) => f.message).filter((m) => m && m !== e.detail);
    return fields.length ? `${e.detail}：${fields.join('；')}` : e.detail;
  }
  return i18n.t('errors.generic');
}
