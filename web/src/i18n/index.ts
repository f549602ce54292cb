import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types';
import bo from './bo.json';
import en from './en.json';
import zhCN from './zh-CN.json';

export const locales: Locale[] = ['zh-CN', 'en', 'bo'];
const STORAGE_KEY = 'fazhi.locale';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (locales as string[]).includes(v);
}

/** The language chosen on this browser (before sign-in, or on the public portal). */
export function storedLocale(fallback: Locale = 'zh-CN'): Locale {
  const v = localStorage.getItem(STORAGE_KEY);
  return isLocale(v) ? v : fallback;
}

export function storeLocale(l: Locale) {
  localStorage.setItem(STORAGE_KEY, l);
}

type Catalogue = Record<string, unknown>;

/**
 * A page folder may keep its own catalogues in `locales/{zh-CN,en,bo}.json`, one top-level key
 * named after the folder, so modules built side by side never edit the same file. They are merged
 * over the shared catalogues here.
 */
const folderCatalogues = import.meta.glob<Catalogue>('../{pages,portal}/**/locales/*.json', {
  eager: true,
  import: 'default',
});

function catalogue(locale: Locale, shared: Catalogue): Catalogue {
  const merged: Catalogue = { ...shared };
  for (const [file, entries] of Object.entries(folderCatalogues)) {
    if (file.endsWith(`/locales/${locale}.json`)) Object.assign(merged, entries);
  }
  return merged;
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: catalogue('zh-CN', zhCN) },
    en: { translation: catalogue('en', en) },
    bo: { translation: catalogue('bo', bo) },
  },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
