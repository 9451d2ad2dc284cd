import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildExport, parseImport } from '@/lib/settings/transfer';
import { loadAll, loadSettings, replaceAll, resetAll, setSiteScope, updateReading, updateSite } from '@/lib/settings/store';

describe('settings export and import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('export → reset → import restores exactly the same settings', async () => {
    await updateSite(undefined, { textScale: 1.75, contrast: true, theme: 'soft' });
    await updateReading({ rate: 1.3, voices: { vi: 'Vietnamese (Northern) espeak-ng' } });
    await setSiteScope('noip.gov.vn', true);
    await updateSite('noip.gov.vn', { textScale: 2.5, leftAlign: true });
    const before = await loadAll();
    const text = JSON.stringify(buildExport(before.global, before.sites));
    await resetAll();
    expect((await loadSettings('noip.gov.vn')).site.textScale).toBe(1);
    const result = parseImport(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ignored).toEqual([]);
    await replaceAll(result.file.settings, result.file.sites);
    expect(await loadAll()).toEqual(before);
  });

  it('refuses what is not a settings file, and names the fields it could not use', () => {
    expect(parseImport('{nope')).toEqual({ ok: false, error: 'notJson' });
    expect(parseImport('[1,2]')).toEqual({ ok: false, error: 'notSettingsFile' });
    expect(parseImport('{"format":"other","settings":{}}')).toEqual({ ok: false, error: 'notSettingsFile' });
    const result = parseImport(
      JSON.stringify({
        format: 'de-doc-settings',
        version: 1,
        settings: { site: { textScale: 9, theme: 'soft' }, reading: { rate: 'fast' } },
        sites: { 'bad host!': {}, 'mic.gov.vn': { contrast: 'maybe', textScale: 2 } },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ignored.sort()).toEqual(['settings.reading.rate', 'settings.site.textScale', 'sites.bad host!', 'sites.mic.gov.vn.contrast'].sort());
    expect(result.file.settings.site.theme).toBe('soft');
    expect(result.file.sites['mic.gov.vn']?.textScale).toBe(2);
  });
});
