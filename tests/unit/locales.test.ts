import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const load = (locale: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, unknown> }
  >;

describe('locales', () => {
  const en = load('en');
  const vi = load('vi');

  it('Vietnamese and English have exactly the same keys', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is non-empty and uses the same placeholders in both', () => {
    for (const key of Object.keys(en)) {
      for (const [name, messages] of [['en', en], ['vi', vi]] as const) {
        expect(messages[key]?.message.trim(), `${name}.${key}`).toBeTruthy();
      }
      const used = (m: string) => [...m.matchAll(/\$([A-Z_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
      expect(used(vi[key]!.message), key).toEqual(used(en[key]!.message));
      expect(Object.keys(vi[key]!.placeholders ?? {}).sort(), key).toEqual(used(en[key]!.message));
    }
  });

  it('the Vietnamese UI is really Vietnamese', () => {
    const sameAsEnglish = Object.keys(en).filter((k) => en[k]!.message === vi[k]!.message && !k.startsWith('previewText'));
    expect(sameAsEnglish).toEqual([]);
  });

  it('every key the code uses exists', () => {
    const sources = ['components/Toolbar.tsx', 'components/Popup.tsx', 'components/controls.tsx', 'entrypoints/reader.content/index.tsx', 'entrypoints/background.ts'];
    for (const file of sources) {
      const text = readFileSync(path.resolve(import.meta.dirname, '../..', file), 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z]+)'/g)) expect(en, `${file}: ${m[1]}`).toHaveProperty(m[1]!);
    }
  });
});
