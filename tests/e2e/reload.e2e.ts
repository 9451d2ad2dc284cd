/// <reference types="chrome" />
/**
 * Issue #7: an extension update or reload neither loses settings nor leaves stale copies behind.
 * The extension is loaded over CDP (`Extensions.loadUnpacked`) and loaded again from the same
 * folder, which is how the browser applies an update of an unpacked extension. (In headless
 * Chromium, `chrome.runtime.reload()` of an extension given on the command line unloads it for
 * good.) A page that had Dễ Đọc then gets it back (re-injected as the background does, or
 * reloaded) with exactly one toolbar and one live copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { routeFixtures } from '../fixtures/serve.mjs';
import { EXTENSION_DIR, launchChromium } from '../support/chromium.mjs';
import { toolbarButton, until } from './harness';
import { runs } from './browsers';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const OTHER = 'https://hostile.gov.vn/csp-self.html';

const toolbars = (page: Page) => page.evaluate(() => document.querySelectorAll('dede-toolbar').length);
const sizeLabel = (page: Page) => page.locator('dede-toolbar .size').textContent();

/** Loads (or loads again, as an update) the unpacked extension and returns its running worker. */
async function loadExtension(context: BrowserContext, cdp: CDPSession, previous?: Worker): Promise<Worker> {
  const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as { id: string };
  // A worker starts when something needs it: the extension's own page does.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  const worker = await until(() => context.serviceWorkers().find((w) => w !== previous && w.url().includes(id)), (w) => !!w, 15_000, 'the service worker');
  await page.close();
  return worker!;
}

// Chromium only (README: "Chromium-only checks"); skipped when DEDE_BROWSERS leaves Chromium out.
describe.runIf(runs('chromium'))('reload: settings survive, no double toolbars', () => {
  let context: BrowserContext;
  let worker: Worker;
  let cdp: CDPSession;
  const unexpectedRequests: string[] = [];
  const session = { open: async (url: string) => { const p = await context.newPage(); await p.goto(url); return p; } };
  const errors: string[] = [];

  beforeAll(async () => {
    ({ context } = await launchChromium({ extension: false, args: ['--enable-unsafe-extension-debugging'], ignoreDefaultArgs: ['--disable-extensions'] }));
    await routeFixtures(context, (url) => unexpectedRequests.push(url));
    cdp = await context.browser()!.newBrowserCDPSession();
    worker = await loadExtension(context, cdp);
  });
  afterAll(async () => context?.close());

  it('keeps settings and leaves exactly one toolbar per page after an update', async () => {
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, site: { textScale: 1.5, contrast: true, theme: 'soft' } } }));
    const reinjected = await session.open(SEED);
    const reloaded = await session.open(OTHER);
    for (const p of [reinjected, reloaded]) {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => /Dễ Đọc/.test(m.text()) && (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
      await until(() => toolbars(p), (n) => n === 1, 5000, 'toolbar');
    }
    const stored = await worker.evaluate(() => chrome.storage.sync.get(null));

    for (const p of [reinjected, reloaded]) await p.evaluate(() => document.querySelector('dede-toolbar')?.setAttribute('data-before-update', ''));
    worker = await loadExtension(context, cdp, worker);

    // The update runs the new scripts in open tabs; the old copies stand down: one new toolbar.
    for (const p of [reinjected, reloaded]) {
      await until(() => p.evaluate(() => [...document.querySelectorAll('dede-toolbar')].map((t) => t.hasAttribute('data-before-update'))), (v) => v.length === 1 && v[0] === false, 8000, 'one new toolbar after the update');
    }

    // Settings are intact.
    expect(await worker.evaluate(() => chrome.storage.sync.get(null))).toEqual(stored);

    // Re-injected as the background does it (activeTab / "enable site"): one toolbar, one copy.
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, SEED);
    await worker.evaluate(async (id) => {
      await chrome.scripting.executeScript({ target: { tabId: id!, allFrames: true }, files: ['/content-scripts/content.js'] });
      await chrome.scripting.executeScript({ target: { tabId: id! }, files: ['/content-scripts/reader.js'] });
      // A second injection (a second click on the action) leaves one live copy too (the newest retires the one before).
      await chrome.scripting.executeScript({ target: { tabId: id! }, files: ['/content-scripts/reader.js'] });
    }, tabId);
    await until(() => toolbars(reinjected), (n) => n === 1, 5000, 'one toolbar after re-injection');
    await reinjected.waitForTimeout(300);
    expect(await toolbars(reinjected)).toBe(1);
    await until(() => sizeLabel(reinjected), (v) => v === '150%', 3000, 'toolbar shows the stored size');

    // One live copy: one click is one step (a stale listener would step twice or throw).
    await toolbarButton(reinjected, 'Increase text size').click();
    await until(() => sizeLabel(reinjected), (v) => v === '175%', 3000, '175%');
    await reinjected.waitForTimeout(300);
    expect(await sizeLabel(reinjected)).toBe('175%');
    const site = await worker.evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as { site: { textScale: number } }).site.textScale);
    expect(site).toBe(1.75);

    // A reloaded page: one toolbar, the stored settings.
    await reloaded.reload();
    await until(() => toolbars(reloaded), (n) => n === 1, 5000, 'one toolbar after page reload');
    await reloaded.waitForTimeout(300);
    expect(await toolbars(reloaded)).toBe(1);
    await until(() => sizeLabel(reloaded), (v) => v === '175%', 3000, 'reloaded page shows the stored size');

    expect(errors).toEqual([]);
    expect(unexpectedRequests).toEqual([]);
  });
});
