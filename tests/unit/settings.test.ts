import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { junkValues } from '../support/junk';
import {
  DEFAULT_SITE,
  SETTINGS_VERSION,
  TEXT_SCALE_STEPS,
  defaultSettings,
  parseSettings,
  stepTextScale,
} from '@/lib/settings/schema';
import {
  loadSettings,
  resetAll,
  resetSite,
  setSiteScope,
  siteKey,
  updateReading,
  updateSite,
  watchSettings,
} from '@/lib/settings/store';

describe('parseSettings', () => {
  it('gives defaults for nothing', () => {
    for (const raw of [undefined, null, 42, 'x', [], true]) expect(parseSettings(raw)).toEqual(defaultSettings());
  });

  it('keeps valid fields and replaces only the bad ones', () => {
    const parsed = parseSettings({
      version: 1,
      site: { textScale: 'huge', contrast: true, theme: 'yellow-on-black', textSpacing: 'yes', font: 'sans' },
      reading: { rate: 1.5, pitch: Number.NaN, volume: 7, voices: { vi: 'Vietnamese (Northern)', xx1: 3 } },
      toolbar: { corner: 'middle', collapsed: true },
    });
    expect(parsed.site).toEqual({ ...DEFAULT_SITE, contrast: true, theme: 'yellow-on-black', font: 'sans' });
    expect(parsed.reading.rate).toBe(1.5);
    expect(parsed.reading.pitch).toBe(1);
    expect(parsed.reading.volume).toBe(1);
    expect(parsed.reading.voices).toEqual({ vi: 'Vietnamese (Northern)' });
    expect(parsed.toolbar).toEqual({ show: true, collapsed: true, corner: 'bottom-right' });
  });

  it('keeps fields it does not know, at every level', () => {
    const parsed = parseSettings({ version: 1, future: { a: 1 }, site: { textScale: 2, zoomMode: 'smart' } });
    expect(parsed.future).toEqual({ a: 1 });
    expect((parsed.site as unknown as Record<string, unknown>).zoomMode).toBe('smart');
    expect(parsed.site.textScale).toBe(2);
  });

  it('does not downgrade a newer version', () => {
    expect(parseSettings({ version: SETTINGS_VERSION + 3 }).version).toBe(SETTINGS_VERSION + 3);
    expect(parseSettings({ version: -1 }).version).toBe(SETTINGS_VERSION);
  });

  it('survives 2,000 random and corrupted values without throwing', () => {
    const junk = junkValues(12345);
    for (let i = 0; i < 2000; i++) {
      const raw = junk();
      const parsed = parseSettings(raw);
      expect(parsed.site.textScale).toBeGreaterThanOrEqual(0.5);
      expect(parsed.site.textScale).toBeLessThanOrEqual(3);
      expect(typeof parsed.site.contrast).toBe('boolean');
      expect(Number.isFinite(parsed.reading.rate)).toBe(true);
      // Parsing is stable: what it returns parses to itself.
      expect(parseSettings(JSON.parse(JSON.stringify(parsed)))).toEqual(JSON.parse(JSON.stringify(parsed)));
    }
  });
});

describe('stepTextScale', () => {
  it('walks the steps both ways and stops at the ends', () => {
    expect(stepTextScale(1, 1)).toBe(1.1);
    expect(stepTextScale(1.1, 1)).toBe(1.25);
    expect(stepTextScale(1, -1)).toBe(0.9);
    expect(stepTextScale(3, 1)).toBe(3);
    expect(stepTextScale(0.5, -1)).toBe(0.5);
    expect(stepTextScale(1.3, 1)).toBe(1.5);
    expect(stepTextScale(1.3, -1)).toBe(1.25);
    expect(TEXT_SCALE_STEPS).toContain(2);
  });
});

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads defaults from empty storage and corrupted values per field', async () => {
    expect((await loadSettings('noip.gov.vn')).site).toEqual(DEFAULT_SITE);
    await fakeBrowser.storage.sync.set({ settings: { site: { textScale: 'abc', contrast: true } }, [siteKey('noip.gov.vn')]: 'garbage' });
    const loaded = await loadSettings('noip.gov.vn');
    expect(loaded.site).toEqual({ ...DEFAULT_SITE, contrast: true });
    expect(loaded.override).toBeNull();
  });

  it('writes global settings until a site has its own', async () => {
    await updateSite('www.noip.gov.vn', { textScale: 1.5 });
    expect((await loadSettings('chinhphu.vn')).site.textScale).toBe(1.5);
    await setSiteScope('www.noip.gov.vn', true);
    await updateSite('noip.gov.vn', { textScale: 2, contrast: true });
    expect((await loadSettings('noip.gov.vn')).site).toMatchObject({ textScale: 2, contrast: true });
    expect((await loadSettings('www.noip.gov.vn')).site.textScale).toBe(2);
    expect((await loadSettings('chinhphu.vn')).site).toMatchObject({ textScale: 1.5, contrast: false });
    await setSiteScope('noip.gov.vn', false);
    expect((await loadSettings('noip.gov.vn')).site.textScale).toBe(1.5);
  });

  it('falls back to local storage when sync refuses, and reads it back', async () => {
    const sync = fakeBrowser.storage.sync;
    const original = sync.set.bind(sync);
    sync.set = () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await updateSite(undefined, { textScale: 2.5 });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeTruthy();
    expect((await loadSettings()).site.textScale).toBe(2.5);
    sync.set = original;
    await updateSite(undefined, { contrast: true });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
    expect((await loadSettings()).site).toMatchObject({ textScale: 2.5, contrast: true });
  });

  it('reads a site’s settings in one read of each storage area (a page waits for them), the local copy first', async () => {
    await setSiteScope('a.gov.vn', true);
    await updateSite('a.gov.vn', { textScale: 2 });
    const sync = fakeBrowser.storage.sync;
    const original = sync.set.bind(sync);
    sync.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await updateSite('a.gov.vn', { textScale: 3 });
    sync.set = original;
    const reads: string[] = [];
    const count = (area: 'local' | 'sync') => {
      const get = fakeBrowser.storage[area].get.bind(fakeBrowser.storage[area]) as (keys: unknown) => Promise<Record<string, unknown>>;
      fakeBrowser.storage[area].get = ((keys: unknown) => {
        reads.push(area);
        return get(keys);
      }) as typeof fakeBrowser.storage.local.get;
      return () => (fakeBrowser.storage[area].get = get as typeof fakeBrowser.storage.local.get);
    };
    const restore = [count('local'), count('sync')];
    try {
      const loaded = await loadSettings('www.a.gov.vn');
      expect(loaded.site.textScale).toBe(3);
      expect(loaded.global).toEqual(defaultSettings());
    } finally {
      for (const r of restore) r();
    }
    expect(reads.sort()).toEqual(['local', 'sync']);
  });

  it('resets a site and everything', async () => {
    await setSiteScope('a.gov.vn', true);
    await updateSite('a.gov.vn', { textScale: 3 });
    await updateReading({ rate: 1.4 });
    await resetSite('a.gov.vn');
    expect((await loadSettings('a.gov.vn')).override).toBeNull();
    expect((await loadSettings('a.gov.vn')).site).toEqual(DEFAULT_SITE);
    expect((await loadSettings()).global.reading.rate).toBe(1.4);
    await resetAll();
    expect((await loadSettings()).global).toEqual(defaultSettings());
  });

  it('tells watchers about changes to their site only, until aborted', async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    await setSiteScope('b.gov.vn', true);
    watchSettings('b.gov.vn', (s) => seen.push(s.site.textScale), controller.signal);
    await updateSite('b.gov.vn', { textScale: 2 });
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([2]);
    controller.abort();
    await updateSite('b.gov.vn', { textScale: 3 });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([2]);
  });
});
