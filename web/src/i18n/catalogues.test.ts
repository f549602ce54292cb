import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every catalogue folder (the shared one and each page's `locales/`) carries the same keys in
 * zh-CN, en and bo, with the same interpolation placeholders, and the en and bo texts are
 * translated: a Chinese string there is a key someone forgot, which a Tibetan reader would see.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGS = ['zh-CN', 'en', 'bo'] as const;

function catalogueDirs(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const full = path.join(dir, e.name);
    if (fs.existsSync(path.join(full, 'zh-CN.json'))) out.push(full);
    catalogueDirs(full, out);
  }
  return out;
}

function flatten(x: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof x === 'string') out.set(prefix, x);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;
const TIBETAN = /[\u0f00-\u0fff]/;
/**
 * Texts that stay Chinese in every language: a language's own name in the switcher, and the report's
 * Chinese number styles (300余, 1.2万), which name how the Chinese report is written.
 */
const KEPT_KEYS = /^(lang|reports\.styles)\./;
/** Notes about a catalogue itself (bo's review status), not texts of the interface. */
const META = /^_meta\./;

const dirs = catalogueDirs(src);

describe('UI catalogues', () => {
  it('are found: the shared one and the pages’', () => {
    expect(dirs.map((d) => path.relative(src, d))).toContain('i18n');
    expect(dirs.length).toBeGreaterThan(5);
  });

  describe.each(dirs.map((d) => [path.relative(src, d), d]))('%s', (_name, dir) => {
    const cat = Object.fromEntries(
      LANGS.map((l) => [l, flatten(JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), 'utf8')))]),
    ) as Record<(typeof LANGS)[number], Map<string, string>>;

    // en and bo may carry more than zh-CN: translations of server codes whose Chinese label the
    // server itself sends (activities/kinds.ts), so zh-CN needs no entry for them
    it('has every Chinese key in en and bo, and the same keys in both', () => {
      const zh = [...cat['zh-CN'].keys()];
      expect(zh.filter((k) => !cat.en.has(k))).toEqual([]);
      expect(zh.filter((k) => !cat.bo.has(k))).toEqual([]);
      const texts = (m: Map<string, string>) => [...m.keys()].filter((k) => !META.test(k)).sort();
      expect(texts(cat.bo)).toEqual(texts(cat.en));
    });

    it('keeps every placeholder of the Chinese text', () => {
      const wrong: string[] = [];
      for (const [key, zh] of cat['zh-CN'])
        for (const l of ['en', 'bo'] as const) {
          const other = cat[l].get(key);
          if (other !== undefined && placeholders(other).join() !== placeholders(zh).join())
            wrong.push(`${l} ${key}: ${other}`);
        }
      expect(wrong).toEqual([]);
    });

    it('has its English and Tibetan texts translated', () => {
      const untranslated: string[] = [];
      for (const [key, zh] of cat['zh-CN']) {
        const en = cat.en.get(key);
        const bo = cat.bo.get(key);
        if (!HAN.test(zh) || KEPT_KEYS.test(key)) continue;
        if (en !== undefined && HAN.test(en) && !/[A-Za-z]/.test(en.replace(/\{\{[^}]*\}\}/g, '')))
          untranslated.push(`en ${key}: ${en}`);
        if (bo !== undefined && HAN.test(bo) && !TIBETAN.test(bo)) untranslated.push(`bo ${key}: ${bo}`);
      }
      expect(untranslated).toEqual([]);
    });
  });
});
