/// <reference types="chrome" />
/**
 * Issue #7: an extension update or reload neither loses settings nor leaves stale copies behind.
 * After `chrome.runtime.reload()` and a new service worker, a page that had Dễ Đọc gets it back
 * (re-injected as the background does, or reloaded) with exactly one toolbar and one live copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launch, toolbarButton, until, type Session } from './harness';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const OTHER = 'https://hostile.gov.vn/csp-self.html';

const toolbars = (page: Page) => page.evaluate(() => document.querySelectorAll('dede-toolbar').length);
const sizeLabel = (page: Page) => page.locator('dede-toolbar .size').textContent();

describe('reload: settings survive, no double toolbars', () => {
  let session: Session;
  let worker: Worker;
  const errors: string[] = [];

  beforeAll(async () => {
    session = await launch();
    worker = session.worker;
  });
  afterAll(async () => session?.close());

  it('keeps settings and leaves exactly one toolbar per page after chrome.runtime.reload()', async () => {
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, site: { textScale: 1.5, contrast: true, theme: 'soft' } } }));
    const reinjected = await session.open(SEED);
    const reloaded = await session.open(OTHER);
    for (const p of [reinjected, reloaded]) {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => /Dễ Đọc/.test(m.text()) && (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
      await until(() => toolbars(p), (n) => n === 1, 5000, 'toolbar');
    }
    const stored = await worker.evaluate(() => chrome.storage.sync.get(null));

    const old = worker;
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The new worker (Playwright may or may not emit "serviceworker" for it: poll the list).
    worker = (await until(() => session.context.serviceWorkers().find((w) => w !== old), (w) => !!w, 15_000, 'the new service worker'))!;
    await until(() => worker.evaluate(() => 1).catch(() => 0), (v) => v === 1, 5000, 'worker ready');

    // The old copies stood down: their toolbar is gone.
    await until(() => toolbars(reinjected), (n) => n === 0, 5000, 'old toolbar removed');

    // Settings are intact.
    expect(await worker.evaluate(() => chrome.storage.sync.get(null))).toEqual(stored);

    // Re-injected as the background does it (activeTab / "enable site"): one toolbar, one copy.
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, SEED);
    await worker.evaluate(async (id) => {
      await chrome.scripting.executeScript({ target: { tabId: id!, allFrames: true }, files: ['/content-scripts/content.js'] });
      await chrome.scripting.executeScript({ target: { tabId: id! }, files: ['/content-scripts/reader.js'] });
      // A second injection (a second click on the action) must stand down too.
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
    expect(session.unexpectedRequests).toEqual([]);
  });
});
