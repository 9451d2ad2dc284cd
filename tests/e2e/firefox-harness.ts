/**
 * Real headless Firefox ESR with the built Firefox extension (MV2) installed, driven over WebDriver
 * BiDi by puppeteer-core. Fixture pages are served under their real government host names by
 * request interception (BiDi `network.addIntercept` + `provideResponse`, per tab): nothing reaches
 * the network, no port, DNS override or certificate is needed, and content scripts match exactly
 * as in production.
 * Speech goes to a speech-dispatcher of our own (`startSpeechDaemon()` from ./harness), whose log
 * shows exactly what Firefox was asked to say.
 *
 * The test builds nothing: build first with `wxt build -b firefox` (DEDE_OUT_DIR picks the folder).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { fixtureResponse } from '../fixtures/serve.mjs';
import { ROOT, until, type SpeechDaemon } from './harness';

export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, process.env.DEDE_OUT_DIR ?? '.output', 'firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id (browser_specific_settings.gecko.id in wxt.config.ts). */
export const GECKO_ID = 'de-doc@de-doc.invalid';

export interface FirefoxSession {
  browser: Browser;
  /** The add-on's internal UUID: its pages are at moz-extension://<uuid>/. */
  extensionUuid: string;
  /** How long launching Firefox and installing the add-on took, in ms. */
  launchMs: number;
  /** Requests that left the machine's fixture set (the extension must make none). */
  unexpectedRequests: string[];
  /** Uncaught errors seen in pages. */
  pageErrors: string[];
  /** Console errors and warnings from Dễ Đọc, and uncaught errors, per page (from `open`/`newPage`). */
  consoleErrors(page: Page): string[];
  /** speech-dispatcher processes this Firefox started by itself (auto-spawned); close() stops them. */
  strayDaemons(): number[];
  /** A new tab with the fixture pages served, at `url`. */
  open(url: string): Promise<Page>;
  /** A new blank tab with the fixture pages served (`holds` held back) and errors watched. */
  newPage(holds?: Holds): Promise<Page>;
  /**
   * The settings page: for the tab of `forPage`, opened with its toolbar's settings button; without
   * a page, opened as a tab by the add-on itself.
   */
  openPopup(forPage?: Page): Promise<Page>;
  /**
   * Evaluates `expression` in a page of the add-on (an extension page, with the whole `browser`
   * API), as the Chromium tests evaluate in the service worker. Without the add-on: throws.
   */
  extensionEvaluate<R>(expression: string): Promise<R>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  speech?: SpeechDaemon;
  /**
   * With `speech`: wait until Firefox has listed its voices before returning (default true), as a
   * reader's browser that has read before has. Firefox asks speech-dispatcher for its voices only
   * when a page first touches `speechSynthesis`, which takes seconds; `false` tests that cold start.
   */
  warmVoices?: boolean;
  width?: number;
  height?: number;
  /** Install the add-on (default true); false gives a plain Firefox to compare pages with. */
  extension?: boolean;
  /**
   * UI language of the browser, which the add-on's messages follow (default English). Vietnamese
   * needs Debian's language pack, firefox-esr-l10n-vi.
   */
  locale?: 'en' | 'vi';
}

/** Requests answered only once `gate` resolves (with `body`, as CSS or JavaScript by its path), by URL. */
export type Holds = Map<string, { gate: Promise<void>; body: string }>;

/** The type a held response is answered with: a stylesheet for a `.css` path, a picture for `.svg`, else a script. */
export function heldContentType(url: string): string {
  const { pathname } = new URL(url);
  if (pathname.endsWith('.css')) return 'text/css';
  return pathname.endsWith('.svg') ? 'image/svg+xml' : 'text/javascript';
}

/** Answers a page's requests from the fixtures; anything else is aborted and reported. */
async function serveFixtures(page: Page, onUnexpected: (url: string) => void, holds?: Holds) {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const hold = holds?.get(url);
    if (hold) {
      void hold.gate.then(() => request.respond({ status: 200, contentType: heldContentType(url), body: hold.body }));
      return;
    }
    const response = fixtureResponse(url);
    if (response) {
      void request.respond({ status: 200, ...response });
      return;
    }
    if (/^(moz-extension|data|blob|about):/.test(url)) {
      void request.continue();
      return;
    }
    // Firefox itself asks every site for its icon (Chromium's headless shell does not): that is the
    // browser's request, not the add-on's; it gets what a site without an icon answers.
    // (WebDriver BiDi does not say what made a request, so a fetch of it by the add-on would pass too.)
    if (/^https?:\/\/[^/]+\/favicon\.ico$/.test(url)) {
      void request.respond({ status: 404, contentType: 'text/plain', body: '' });
      return;
    }
    onUnexpected(url);
    void request.abort();
  });
}

/** Processes whose command line or environment mentions `marker` (the daemons our Firefox spawned). */
function processesMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const exe = path.basename(readlinkSync(`/proc/${entry}/exe`));
      if (!exe.startsWith('speech-dispatch') && !exe.startsWith('sd_')) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmdline.includes(marker) || environ.includes(marker)) pids.push(Number(entry));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return pids;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const withExtension = options.extension !== false;
  if (withExtension && !existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Build the Firefox extension first: wxt build -b firefox (looked in ${FIREFOX_EXTENSION_DIR})`);
  }
  const started = Date.now();
  // A runtime folder of our own: were Firefox's speech library to auto-spawn a speech-dispatcher,
  // its socket and environment would name this folder, so close() can find and stop exactly it.
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'dede-ff-run-'));
  const extensionUuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    extraPrefsFirefox: {
      // The UI language, which the add-on's messages (browser.i18n) follow, as in the Chromium tests.
      'intl.locale.requested': options.locale === 'vi' ? 'vi' : 'en-US',
      'intl.accept_languages': options.locale === 'vi' ? 'vi-VN, vi' : 'en-US, en',
      // A known internal UUID, so the add-on's own pages (moz-extension://<uuid>/…) can be recognised.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
      'media.webspeech.synth.enabled': true,
      // An optional permission the add-on asks for ("Enable on this site") is granted without the
      // doorhanger, which a test cannot answer (the request still needs a user's click).
      'extensions.webextOptionalPermissionPrompts': false,
      // Nothing leaves the machine.
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.http.speculative-parallel-limit': 0,
      'browser.safebrowsing.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
    env: {
      ...process.env,
      XDG_RUNTIME_DIR: runtimeDir,
      // Without a daemon of ours, point Firefox at none, so it does not start the system's own.
      SPEECHD_ADDRESS: 'unix_socket:/nonexistent',
      ...(options.speech?.env ?? {}),
    } as Record<string, string>,
  }).catch((error: unknown) => {
    rmSync(runtimeDir, { recursive: true, force: true });
    throw error;
  });
  const stopSpawnedDaemons = () => {
    for (const pid of processesMentioning(runtimeDir)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  try {
    if (withExtension) {
      const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
      if (id !== GECKO_ID) throw new Error(`installed add-on has id ${id}, expected ${GECKO_ID}`);
    }
  } catch (error) {
    await browser.close();
    stopSpawnedDaemons();
    rmSync(runtimeDir, { recursive: true, force: true });
    throw error;
  }
  const launchMs = Date.now() - started;
  if (options.speech && options.warmVoices !== false) {
    const page = await browser.newPage();
    try {
      // Firefox adds the voices in batches and fires `voiceschanged` once they are all there.
      await page.evaluate(async () => {
        const deadline = performance.now() + 20_000;
        let changed = false;
        speechSynthesis.addEventListener('voiceschanged', () => (changed = true));
        let count = speechSynthesis.getVoices().length;
        let stableSince = performance.now();
        while (!changed && performance.now() < deadline && !(count && performance.now() - stableSince > 1000)) {
          await new Promise((r) => setTimeout(r, 100));
          const next = speechSynthesis.getVoices().length;
          if (next !== count) [count, stableSince] = [next, performance.now()];
        }
      });
      const count = await page.evaluate(() => speechSynthesis.getVoices().length);
      if (!count) throw new Error('Firefox listed no voices from speech-dispatcher within 20 s');
    } catch (error) {
      await browser.close();
      stopSpawnedDaemons();
      rmSync(runtimeDir, { recursive: true, force: true });
      throw error;
    } finally {
      if (!page.isClosed()) await page.close().catch(() => undefined);
    }
  }
  const unexpectedRequests: string[] = [];
  const pageErrors: string[] = [];
  const perPage = new WeakMap<Page, string[]>();
  const watch = (page: Page) => {
    const own: string[] = [];
    perPage.set(page, own);
    page.on('pageerror', (e) => {
      const message = e instanceof Error ? e.message : String(e);
      // Firefox reports the page's own CSP violations here too; those are the page's, not errors.
      if (message.startsWith('Content-Security-Policy:')) return;
      pageErrors.push(`${page.url()}: ${message}`);
      own.push(`pageerror: ${message}`);
    });
    page.on('console', (m) => {
      const type = m.type();
      if ((type === 'error' || type === 'warn') && /Dễ Đọc|dede|moz-extension:/i.test(`${m.text()} ${m.location().url ?? ''}`)) {
        const at = own.push(`console.${type}: ${m.text()}`) - 1;
        // An Error argument prints as "JSHandle@error": its message is asked for, so a failure says what went wrong.
        void Promise.all(m.args().map((a) => a.evaluate((v) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v))).catch(() => '?'))).then((parts) => {
          own[at] = `console.${type}: ${parts.join(' ')}`;
        });
      }
    });
  };
  const prefix = `moz-extension://${extensionUuid}/popup.html`;
  /** A new tab that the add-on opens (`open` does it), once it shows the settings page. */
  const adoptTab = async (open: () => Promise<unknown>): Promise<Page> => {
    const known = new Set(browser.targets());
    const opened = browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: 10_000 });
    await open();
    const page = await (await opened).page();
    if (!page) throw new Error('the settings page opened no tab');
    // Firefox reports no navigation to extension pages over BiDi (url() stays about:blank), so
    // the new tab is recognised by asking it where it is.
    await until(() => page.evaluate(() => location.href).catch(() => ''), (href) => href.startsWith(prefix), 10_000, 'the settings page');
    await page.waitForSelector('h1', { timeout: 10_000 });
    watch(page);
    return page;
  };
  const newPage = async (holds?: Holds) => {
    const page = await browser.newPage();
    watch(page);
    await serveFixtures(page, (u) => unexpectedRequests.push(u), holds);
    return page;
  };
  const open = async (url: string) => {
    const page = await newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };
  // The settings button's name, in the UI language (the add-on's own message).
  const settingsName = withExtension
    ? (JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, '_locales', options.locale ?? 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>).popupTitle!.message
    : '';
  const openPopupFor = async (forPage: Page) =>
    // WebDriver BiDi may not navigate a tab to moz-extension:// URLs, so the page is opened as a
    // reader opens it: the toolbar's settings button, whose tab the background creates.
    adoptTab(async () => (await toolbarButton(forPage, settingsName)).click());
  // A settings page kept open (and out of the way) to evaluate in the add-on, made on first use.
  let control: Promise<Page> | undefined;
  const controlPage = () =>
    (control ??= (async () => {
      if (!withExtension) throw new Error('this Firefox has no add-on');
      const seed = await open('https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html');
      await seed.waitForSelector('dede-toolbar >>> [role="toolbar"]', { timeout: 15_000 });
      const page = await openPopupFor(seed);
      await seed.close();
      return page;
    })());
  const extensionEvaluate = async <R,>(expression: string): Promise<R> => (await controlPage()).evaluate(expression) as Promise<R>;

  return {
    browser,
    extensionUuid,
    launchMs,
    unexpectedRequests,
    pageErrors,
    strayDaemons: () => processesMentioning(runtimeDir),
    consoleErrors: (page) => perPage.get(page) ?? [],
    open,
    newPage,
    async openPopup(forPage) {
      if (forPage) return openPopupFor(forPage);
      const control = await controlPage();
      return adoptTab(() => control.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url: '/popup.html' })));
    },
    extensionEvaluate,
    async close() {
      try {
        await browser.close();
      } finally {
        stopSpawnedDaemons();
        rmSync(runtimeDir, { recursive: true, force: true });
      }
    },
  };
}

/** The in-page toolbar's button with this accessible name (its aria-label), inside the open shadow root. */
export function toolbarButtonSelector(name: string): string {
  return `dede-toolbar >>> button[aria-label=${JSON.stringify(name)}]`;
}

export async function toolbarButton(page: Page, name: string): Promise<ElementHandle<HTMLButtonElement>> {
  const button = await page.waitForSelector(toolbarButtonSelector(name), { timeout: 5000 });
  if (!button) throw new Error(`no toolbar button "${name}"`);
  return button as ElementHandle<HTMLButtonElement>;
}
