/**
 * Settings never lost (issue #7): 1,000 random and corrupted stored values reach a live page (the
 * page-start script, the toolbar and read aloud) and the open settings page through storage, as a
 * broken sync or a newer or older version would deliver them. Nothing throws, and what comes after
 * is used field by field: valid fields apply, bad ones fall back, unknown ones are kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { junkValues } from '../support/junk';
import { BROWSERS, launchSession, type DriverSession } from './browsers';
import { until } from './harness';
import { paragraphStyleInPage } from './paragraph-style';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const FIRST_PARAGRAPH = 'Trong không khí thi đua sôi nổi';
const VALUES = 1000;

/** JSON that keeps NaN, ±Infinity and undefined, which storage may hold but JSON cannot say. */
const encode = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v === undefined ? { junk: 'undefined' } : typeof v === 'number' && !Number.isFinite(v) ? { junk: String(v) } : v)) ?? 'null';

describe.each(BROWSERS)('settings fuzz in %s: corrupted stored values through a live page and the settings page', (browser) => {
  let session: DriverSession;

  beforeAll(async () => {
    session = await launchSession(browser);
    await session.watchBackground();
  });
  afterAll(async () => session?.close());

  it(`${VALUES} random and corrupted values: no error anywhere, then valid fields apply and unknown fields are kept`, async () => {
    // Text size on, so the page-start script runs on the page as well as the toolbar.
    await session.ext((api) => api.storage.sync.set({ settings: { version: 1, site: { textScale: 1.5 } } }));
    const page = await session.open(SEED);
    await page.waitForToolbar();
    const popup = await session.openPopup(page);
    await popup.waitForRole('heading', 'Easy Read settings');
    const plain = await until(() => page.evaluate(paragraphStyleInPage, FIRST_PARAGRAPH), (s) => s.fontSize > 0, 5000, 'the paragraph');

    const next = junkValues(20261126);
    const pairs = Array.from({ length: VALUES / 2 }, (): [string, string] => [encode(next()), encode(next())]);
    const written = await session.ext(async (api, all) => {
      const decode = (text: string) =>
        JSON.parse(text, (_key, v: unknown) => {
          if (!v || typeof v !== 'object' || !('junk' in v) || Object.keys(v).length !== 1) return v;
          const junk = (v as { junk: string }).junk;
          return junk === 'undefined' ? undefined : Number(junk);
        });
      let count = 0;
      // storage.local, as the store's fallback when sync refuses: it has no write quota.
      for (const [global, site] of all) {
        await api.storage.local.set({ settings: decode(global), 'site:noip.gov.vn': decode(site) });
        count += 2;
      }
      return count;
    }, pairs);
    expect(written).toBe(VALUES);

    // Then a value from a future version: a valid size, a bad contrast, unknown fields.
    await session.ext((api) =>
      api.storage.local.set({
        settings: { version: 7, site: { textScale: 2, contrast: 'sometimes', theme: 'soft', zoomMode: 'smart' }, futureFeature: { on: true } },
        'site:noip.gov.vn': 'not an object',
      }),
    );
    await until(() => page.toolbarText('.size'), (v) => v === '200%', 5000, 'toolbar at 200%');
    await until(() => popup.text('.size'), (v) => v === '200%', 5000, 'settings page at 200%');
    const grown = await until(() => page.evaluate(paragraphStyleInPage, FIRST_PARAGRAPH), (s) => Math.abs(s.fontSize - (plain.fontSize / 1.5) * 2) < 0.6, 5000, 'text at 200 %');
    expect(grown.color, 'contrast fell back to off').toBe(plain.color);

    // A change from the page keeps what this version does not know.
    await page.toolbarClick('Increase text size');
    await until(() => page.toolbarText('.size'), (v) => v === '250%', 5000, 'toolbar at 250%');
    // The write lands in sync, then the local copy the fuzz left goes: wait for both steps.
    const readStored = () =>
      session.ext(async (api) => {
        const [local, sync] = await Promise.all([api.storage.local.get('settings'), api.storage.sync.get('settings')]);
        return (local.settings ?? sync.settings) as { site?: { textScale?: unknown } };
      });
    const stored = await until(readStored, (s) => s.site?.textScale === 2.5, 5000, 'the stored size of 250%');
    expect(stored).toMatchObject({ version: 7, futureFeature: { on: true }, site: { textScale: 2.5, contrast: false, theme: 'soft', zoomMode: 'smart' } });

    await page.wait(300);
    expect(page.errors(), 'page errors').toEqual([]);
    expect(session.pageErrors, 'errors in pages').toEqual([]);
    await expect(session.backgroundErrors()).resolves.toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});
