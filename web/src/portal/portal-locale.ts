import type { Locale } from '../api/types';
import i18n from '../i18n';

/** The portal speaks Chinese and Tibetan; it opens in Chinese unless the visitor chose Tibetan before. */
export const portalLocales: Locale[] = ['zh-CN', 'bo'];
const KEY = 'fazhi.portalLocale';

export function initialPortalLocale(): Locale {
  return localStorage.getItem(KEY) === 'bo' ? 'bo' : 'zh-CN';
}

export async function setPortalLocale(l: Locale) {
  localStorage.setItem(KEY, l);
  await i18n.changeLanguage(l);
}
