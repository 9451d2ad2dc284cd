/**
 * Starting Chromium with the built extension loaded: shared by the end-to-end tests, the
 * benchmark and `npm run demo`. Browsers are never downloaded: Debian's Chromium is used.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where `wxt build` put the Chrome build (DEDE_OUT_DIR lets parallel builds share a checkout). */
export const EXTENSION_DIR = path.resolve(ROOT, process.env.DEDE_OUT_DIR ?? '.output', 'chrome-mv3');

export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

/**
 * A persistent Chromium context with the extension (or without, for comparisons).
 * Background networking is off: this machine's network is closed, and the extension makes none.
 */
export async function launchChromium({ extension = true, headless = true, args = [], env = {}, viewport, locale, ignoreDefaultArgs } = {}) {
  if (!CHROMIUM_PATH) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  if (extension && !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build in ${EXTENSION_DIR}: run npm run build`);
  const profile = mkdtempSync(path.join(tmpdir(), 'dede-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    ...(viewport !== undefined ? { viewport } : {}),
    ...(locale ? { locale } : {}),
    ...(ignoreDefaultArgs ? { ignoreDefaultArgs } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
    env: { ...process.env, ...env },
  });
  return { context, profile };
}

/** The extension's service worker, once it runs. */
export async function extensionWorker(context) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}
