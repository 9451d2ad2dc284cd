/// <reference types="chrome" />
/**
 * One small, browser-neutral driver for the end-to-end specs, so the same spec code runs in
 * Chromium (Playwright, ./harness.ts) and in Firefox ESR (puppeteer-core over WebDriver BiDi,
 * ./firefox-harness.ts):
 *
 *   describe.each(BROWSERS)('text size in %s', (name) => {
 *     let session: DriverSession;
 *     beforeAll(async () => (session = await launchSession(name)));
 *     …
 *   });
 *
 * `DEDE_BROWSERS=firefox` (or `chromium`, or `chromium,firefox`, the default) picks the browsers.
 * Only what differs between the two drivers lives here; waiting, speech and fixtures are shared
 * from the harnesses.
 */
import type { Frame as PwFrame, Locator, Page as PwPage } from 'playwright-core';
import type { ElementHandle, Frame as PpFrame, JSHandle, KeyInput, Page as PpPage } from 'puppeteer-core';
import { launch as launchChromiumSession, until, type Session as ChromiumSession, type SpeechDaemon } from './harness';
import { FIREFOX_EXTENSION_DIR, heldContentType, launchFirefox, toolbarButtonSelector, type FirefoxSession } from './firefox-harness';
import { rmSync } from 'node:fs';
import { EXTENSION_DIR, launchChromium } from '../support/chromium.mjs';
import { routeFixtures } from '../fixtures/serve.mjs';

export type BrowserName = 'chromium' | 'firefox';
const KNOWN: readonly BrowserName[] = ['chromium', 'firefox'];

/** The browsers to run the specs in: `DEDE_BROWSERS` (comma-separated), default both. */
export const BROWSERS: BrowserName[] = (() => {
  const wanted = (process.env.DEDE_BROWSERS ?? KNOWN.join(',')).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const name of wanted) if (!KNOWN.includes(name as BrowserName)) throw new Error(`DEDE_BROWSERS: unknown browser "${name}" (use ${KNOWN.join(', ')})`);
  return wanted as BrowserName[];
})();

/** The folder of the extension build a browser loads. */
export const extensionDir = (name: BrowserName) => (name === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR);

/** Whether `name` is among the browsers this run covers (for a browser's own extra specs). */
export const runs = (name: BrowserName) => BROWSERS.includes(name);

export type Role = 'button' | 'radio' | 'checkbox' | 'link' | 'heading' | 'progressbar' | 'toolbar';

/** A frame of a page: evaluate in it, add a script to it. */
export interface DriverFrame {
  url(): string;
  name(): Promise<string>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  addScript(content: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Where the frame's content starts in the top-level viewport (0, 0 for the top frame). */
  offset(): Promise<{ x: number; y: number }>;
}

/** A tab, as the specs use it. Selectors are CSS; names are accessible names, matched exactly. */
export interface DriverPage {
  readonly browser: BrowserName;
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates script source in the page (not subject to the page's CSP, as a script tag is). */
  evaluateScript(source: string): Promise<void>;
  /** Waits until the in-page toolbar is there. */
  waitForToolbar(timeout?: number): Promise<void>;
  /** The in-page toolbar's buttons, by accessible name, inside its shadow root. */
  toolbarClick(name: string): Promise<void>;
  toolbarCount(name: string): Promise<number>;
  toolbarAttribute(name: string, attribute: string): Promise<string | null>;
  toolbarFocus(name: string): Promise<void>;
  toolbarScreenshot(name: string): Promise<Buffer>;
  /** The text of an element in the toolbar's shadow root, or null when there is none. */
  toolbarText(selector: string): Promise<string | null>;
  /** The toolbar's box on the page. */
  toolbarBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** A control of the page (or of the settings page) by role and accessible name. */
  clickRole(role: Role, name: string): Promise<void>;
  checkRole(role: 'radio' | 'checkbox', name: string): Promise<void>;
  countRole(role: Role, name: string): Promise<number>;
  visibleRole(role: Role, name: string): Promise<boolean>;
  waitForRole(role: Role, name: string, timeout?: number): Promise<void>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  count(selector: string): Promise<number>;
  waitFor(selector: string, timeout?: number): Promise<void>;
  /** textContent of the first match, or null. */
  text(selector: string): Promise<string | null>;
  mouseClick(x: number, y: number): Promise<void>;
  /** A key or chord in Playwright's notation: 'Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape'. */
  press(key: string): Promise<void>;
  goBack(): Promise<void>;
  /** A PNG of the viewport, or of `clip` (in viewport coordinates). */
  screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer>;
  /** A PNG of the first element matching `selector`. */
  elementScreenshot(selector: string): Promise<Buffer>;
  /** The frames, the top frame first. */
  frames(): DriverFrame[];
  /** Makes this the tab the reader sees (a background tab has no frames, so it does not animate). */
  bringToFront(): Promise<void>;
  wait(ms: number): Promise<void>;
  /** Console errors and warnings from Dễ Đọc, and uncaught errors, in this page so far. */
  errors(): string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  speech?: SpeechDaemon;
  width?: number;
  height?: number;
  /** Install the extension (default true); false gives a plain browser to compare pages with. */
  extension?: boolean;
  /** UI language of the browser, which the extension's messages follow (default English). */
  locale?: 'en' | 'vi';
}

export interface DriverSession {
  readonly browser: BrowserName;
  /** Requests that left the fixture set. */
  unexpectedRequests: string[];
  /** Uncaught errors seen in pages. */
  pageErrors: string[];
  open(url: string): Promise<DriverPage>;
  /**
   * Starts loading `url` in a new tab while the request for `held` gets no answer until
   * `release()` (then `body`, as CSS for a `.css` path, else as JavaScript); returns without waiting
   * for the page to load.
   */
  openHeld(url: string, held: string, body: string): Promise<{ page: DriverPage; release(): void }>;
  /** The settings page, for the tab of `forPage` (or none). */
  openPopup(forPage?: DriverPage): Promise<DriverPage>;
  /**
   * Runs `fn(api, arg)` in the extension (Chromium: its service worker; Firefox: one of its pages),
   * with `api` the extension API (`browser` in Firefox, `chrome` in Chromium; both promise-based).
   * `fn` is sent as source: it may use only its arguments.
   */
  ext<R, A = undefined>(fn: (api: typeof chrome, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * From now on, record uncaught errors and unhandled rejections of the extension's background
   * and its console errors and warnings (Chromium: its service worker, whose console is recorded
   * from launch; Firefox: its background page).
   */
  watchBackground(): Promise<void>;
  /** What the background logged or threw (see `watchBackground`). */
  backgroundErrors(): Promise<string[]>;
  /** http(s) resources the background fetched, by its own resource timing. */
  backgroundResources(): Promise<string[]>;
  /**
   * Network requests the background made, as the browser's network events show them; null where
   * the driver cannot observe them (Firefox over WebDriver BiDi sees only tabs' requests).
   */
  backgroundRequests: string[] | null;
  /** The id of the tab showing `page`. */
  tabId(page: DriverPage): Promise<number | undefined>;
  /** Sends a command to the page's tab (top frame), exactly as the background does for menus and shortcuts. */
  command(page: DriverPage, message: object): Promise<unknown>;
  close(): Promise<void>;
}

/** Settles in `ms`. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function extensionExpression(fn: Function, arg: unknown): string {
  return `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`;
}

/** The id of the tab showing `page`, asked of the extension. */
const tabOf = (session: DriverSession, page: DriverPage) =>
  session.ext(async (api, url) => (await api.tabs.query({})).find((t) => t.url === url)?.id, page.url());

/** Sends a command to the top frame of the page's tab, as the background does. */
async function commandTab(session: DriverSession, page: DriverPage, message: object): Promise<unknown> {
  const id = await tabOf(session, page);
  if (id === undefined) throw new Error(`no tab for ${page.url()}`);
  return session.ext((api, a) => api.tabs.sendMessage(a.id, a.message, { frameId: 0 }), { id, message });
}

/** Whether a live page-start script (text size, contrast) answers in the page's top frame. */
export const pageScriptRuns = (session: DriverSession, page: DriverPage) =>
  session.command(page, { type: 'page-script-running' }).then((answer) => answer === true, () => false);

/** The ids of everything the extension has registered to run in pages, sorted. */
export const registeredIds = (session: DriverSession) =>
  session.ext((api) => api.scripting.getRegisteredContentScripts().then((list) => list.map((s) => s.id).sort()));

export async function launchSession(browser: BrowserName, options: SessionOptions = {}): Promise<DriverSession> {
  return browser === 'chromium' ? chromiumSession(options) : firefoxSession(options);
}

/** The content origin of a frame element in the top viewport (its box, border and padding), or 0, 0. */
async function frameOffset(
  element: { boundingBox(): Promise<{ x: number; y: number } | null>; evaluate<R>(fn: (e: HTMLIFrameElement) => R): Promise<R> } | null,
): Promise<{ x: number; y: number }> {
  if (!element) return { x: 0, y: 0 };
  const box = await element.boundingBox();
  const inner = await element.evaluate((e) => {
    const cs = getComputedStyle(e);
    return { x: e.clientLeft + Number.parseFloat(cs.paddingLeft), y: e.clientTop + Number.parseFloat(cs.paddingTop) };
  });
  return { x: (box?.x ?? 0) + inner.x, y: (box?.y ?? 0) + inner.y };
}

// ---- Chromium (Playwright) ----

async function chromiumSession(options: SessionOptions): Promise<DriverSession> {
  if (options.extension === false) return plainChromium(options);
  const s: ChromiumSession = await launchChromiumSession({
    ...(options.speech ? { speech: options.speech } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.width ? { width: options.width } : {}),
    ...(options.height ? { height: options.height } : {}),
  });
  const wrap = (p: PwPage) => chromiumPage(p);
  const workerConsole: string[] = [];
  s.worker.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') workerConsole.push(`console.${m.type()}: ${m.text()}`);
  });
  const workerRequests: string[] = [];
  s.context.on('request', (r) => {
    if (r.serviceWorker()) workerRequests.push(r.url());
  });
  const session: DriverSession = {
    browser: 'chromium',
    backgroundRequests: workerRequests,
    watchBackground: () =>
      session.ext(() => {
        const scope = globalThis as typeof globalThis & { __dedeErrors?: string[] };
        if (scope.__dedeErrors) return;
        const errors: string[] = (scope.__dedeErrors = []);
        scope.addEventListener('error', (e) => errors.push(`error: ${(e as ErrorEvent).message}`));
        scope.addEventListener('unhandledrejection', (e) => errors.push(`rejection: ${String((e as PromiseRejectionEvent).reason)}`));
      }),
    backgroundErrors: async () => [...workerConsole, ...(await session.ext(() => (globalThis as { __dedeErrors?: string[] }).__dedeErrors ?? []))],
    backgroundResources: () => session.ext(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /^https?:/.test(n))),
    unexpectedRequests: s.unexpectedRequests,
    pageErrors: s.pageErrors,
    async open(url) {
      const page = chromiumPage(await s.context.newPage());
      await page.raw.goto(url);
      return page;
    },
    async openHeld(url, held, body) {
      const raw = await s.context.newPage();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      await raw.route(held, async (route) => {
        await gate;
        await route.fulfill({ status: 200, contentType: heldContentType(held), body });
      });
      await raw.goto(url, { waitUntil: 'commit' });
      return { page: chromiumPage(raw), release };
    },
    async openPopup(forPage) {
      return wrap(await s.openPopup(forPage ? (forPage as ChromiumDriverPage).raw : undefined));
    },
    ext: (fn, arg) => s.worker.evaluate(extensionExpression(fn, arg)),
    tabId: (page) => tabOf(session, page),
    command: (page, message) => commandTab(session, page, message),
    close: () => s.close(),
  };
  return session;
}

async function plainChromium(options: SessionOptions): Promise<DriverSession> {
  const { context, profile } = await launchChromium({ extension: false, locale: 'en-US', viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  const unexpectedRequests: string[] = [];
  await routeFixtures(context, (u) => unexpectedRequests.push(u));
  const none = () => Promise.reject(new Error('this Chromium has no extension'));
  return {
    browser: 'chromium',
    unexpectedRequests,
    pageErrors: [],
    async open(url) {
      const page = chromiumPage(await context.newPage());
      await page.raw.goto(url);
      return page;
    },
    openHeld: none,
    openPopup: none,
    ext: none,
    watchBackground: none,
    backgroundErrors: none,
    backgroundResources: none,
    backgroundRequests: null,
    tabId: none,
    command: none,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface ChromiumDriverPage extends DriverPage {
  raw: PwPage;
}

function chromiumFrame(frame: PwFrame): DriverFrame {
  return {
    url: () => frame.url(),
    name: async () => frame.name(),
    evaluate: (fn, arg) => frame.evaluate(fn as (a: unknown) => never, arg),
    addScript: async (content) => void (await frame.addScriptTag({ content })),
    click: (selector) => frame.locator(selector).first().click(),
    offset: async () => frameOffset(await frame.frameElement().catch(() => null)),
  };
}

function chromiumPage(page: PwPage): ChromiumDriverPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && /Dễ Đọc|dede|chrome-extension:/i.test(`${m.text()} ${m.location().url}`)) {
      errors.push(`console.${m.type()}: ${m.text()}`);
    }
  });
  const button = (name: string): Locator => page.locator('dede-toolbar').getByRole('button', { name, exact: true });
  const role = (r: Role, name: string) => page.getByRole(r, { name, exact: true });
  return {
    browser: 'chromium',
    raw: page,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    evaluateScript: async (source) => void (await page.evaluate(source)),
    waitForToolbar: (timeout = 15_000) => page.locator('dede-toolbar').getByRole('toolbar').waitFor({ timeout }),
    toolbarClick: (name) => button(name).click(),
    toolbarCount: (name) => button(name).count(),
    toolbarAttribute: (name, attribute) => button(name).getAttribute(attribute),
    toolbarFocus: (name) => button(name).focus(),
    toolbarScreenshot: (name) => button(name).screenshot(),
    toolbarText: async (selector) => {
      const l = page.locator('dede-toolbar').locator(selector);
      return (await l.count()) ? l.first().textContent() : null;
    },
    toolbarBox: () => page.locator('dede-toolbar').getByRole('toolbar').boundingBox(),
    clickRole: (r, name) => role(r, name).click(),
    checkRole: (r, name) => role(r, name).check(),
    countRole: (r, name) => role(r, name).count(),
    visibleRole: (r, name) => role(r, name).isVisible(),
    waitForRole: (r, name, timeout = 10_000) => role(r, name).waitFor({ timeout }),
    click: (selector) => page.locator(selector).first().click(),
    fill: (selector, value) => page.locator(selector).first().fill(value),
    count: (selector) => page.locator(selector).count(),
    waitFor: (selector, timeout = 10_000) => page.locator(selector).first().waitFor({ timeout }),
    text: async (selector) => ((await page.locator(selector).count()) ? page.locator(selector).first().textContent() : null),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    goBack: async () => void (await page.goBack()),
    screenshot: (clip) => page.screenshot(clip ? { clip } : {}),
    elementScreenshot: (selector) => page.locator(selector).first().screenshot(),
    frames: () => page.frames().map(chromiumFrame),
    bringToFront: () => page.bringToFront(),
    wait: (ms) => page.waitForTimeout(ms),
    errors: () => errors,
    close: () => page.close(),
  };
}

// ---- Firefox (puppeteer-core over WebDriver BiDi) ----

async function firefoxSession(options: SessionOptions): Promise<DriverSession> {
  const s: FirefoxSession = await launchFirefox({
    ...(options.speech ? { speech: options.speech } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.width ? { width: options.width } : {}),
    ...(options.height ? { height: options.height } : {}),
    ...(options.extension === false ? { extension: false } : {}),
  });
  const wrap = (p: PpPage) => firefoxPage(p, () => s.consoleErrors(p));
  type Background = typeof globalThis & { __dedeErrors?: string[]; __dedeConsole?: string[] };
  const session: DriverSession = {
    browser: 'firefox',
    backgroundRequests: null,
    // The MV2 background page is a window of the add-on's process: an add-on page reaches it.
    watchBackground: () =>
      session.ext(async (api) => {
        const bg = (await api.runtime.getBackgroundPage()) as unknown as Background;
        if (bg.__dedeErrors) return;
        bg.__dedeErrors = [];
        bg.__dedeConsole = [];
        // What the background logs as an error or a warning (Chromium sees it as console events).
        for (const level of ['error', 'warn'] as const) {
          const original = bg.console[level].bind(bg.console);
          bg.console[level] = (...args: unknown[]) => {
            bg.__dedeConsole!.push(`console.${level}: ${args.map(String).join(' ')}`);
            original(...args);
          };
        }
        bg.addEventListener('error', (e) => bg.__dedeErrors!.push(`error: ${e.message}`));
        bg.addEventListener('unhandledrejection', (e) => bg.__dedeErrors!.push(`rejection: ${String(e.reason)}`));
      }),
    backgroundErrors: () =>
      session.ext(async (api) => {
        const bg = (await api.runtime.getBackgroundPage()) as unknown as Background;
        return [...(bg.__dedeConsole ?? []), ...(bg.__dedeErrors ?? [])];
      }),
    backgroundResources: () =>
      session.ext(async (api) => {
        const bg = (await api.runtime.getBackgroundPage()) as unknown as Background;
        return bg.performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /^https?:/.test(n));
      }),
    unexpectedRequests: s.unexpectedRequests,
    pageErrors: s.pageErrors,
    open: async (url) => wrap(await s.open(url)),
    async openHeld(url, held, body) {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const raw = await s.newPage(new Map([[held, { gate, body }]]));
      // Loading goes on while the held script is not answered; the spec waits for what it needs.
      void raw.goto(url, { waitUntil: 'load' }).catch(() => undefined);
      await until(() => raw.evaluate(() => location.href).catch(() => ''), (href) => href === url, 10_000, `${url} started`);
      return { page: wrap(raw), release };
    },
    openPopup: async (forPage) => wrap(await s.openPopup(forPage ? (forPage as FirefoxDriverPage).raw : undefined)),
    ext: (fn, arg) => s.extensionEvaluate(extensionExpression(fn, arg)),
    tabId: (page) => tabOf(session, page),
    command: (page, message) => commandTab(session, page, message),
    close: () => s.close(),
  };
  return session;
}

interface FirefoxDriverPage extends DriverPage {
  raw: PpPage;
}

/**
 * Finds, in the page, the first element with this role and exact accessible name (aria-labelledby,
 * aria-label, its labels, alt or its text: the parts of accname the Dễ Đọc pages and the fixtures
 * use), or every one with `all`. Runs in the page.
 */
function findByRole({ role, name, all }: { role: string; name: string; all?: boolean }): Element | Element[] | null {
  const SELECTORS: Record<string, string> = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"], input[type="reset"], summary',
    radio: 'input[type="radio"], [role="radio"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    link: 'a[href], [role="link"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    progressbar: 'progress, [role="progressbar"]',
    toolbar: '[role="toolbar"]',
  };
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const accName = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return clean(by.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '));
    const label = el.getAttribute('aria-label');
    if (label && clean(label)) return clean(label);
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length) return clean([...labels].map((l) => l.textContent).join(' '));
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return clean(el.value);
    const img = el.getAttribute('alt') ?? el.getAttribute('title');
    return clean(el.textContent) || clean(img);
  };
  const explicit = (el: Element) => el.getAttribute('role');
  const matches = [...document.querySelectorAll(SELECTORS[role] ?? `[role="${role}"]`)].filter((el) => {
    const r = explicit(el);
    if (r && r !== role) return false;
    if (el.closest('[hidden], [aria-hidden="true"]')) return false;
    return accName(el) === name;
  });
  return all ? matches : (matches[0] ?? null);
}

async function byRole(page: PpPage, role: Role, name: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(findByRole, { role, name });
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) {
    await handle.dispose();
    throw new Error(`no ${role} named "${name}"`);
  }
  return el;
}

async function untilFound<T>(probe: () => Promise<T | null>, timeout: number, what: string): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await probe().catch(() => null);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Puppeteer key names for Playwright's notation. */
const KEY: Record<string, KeyInput> = { Space: ' ' as KeyInput, Enter: 'Enter', Tab: 'Tab', Escape: 'Escape', Shift: 'Shift', Alt: 'Alt', Control: 'Control', ArrowUp: 'ArrowUp', ArrowDown: 'ArrowDown' };

function firefoxFrame(frame: PpFrame): DriverFrame {
  return {
    url: () => frame.url(),
    name: () => frame.evaluate(() => window.name),
    evaluate: (fn, arg) => frame.evaluate(fn as (a: unknown) => never, arg as never),
    addScript: async (content) => void (await frame.addScriptTag({ content })),
    click: async (selector) => {
      const el = await frame.waitForSelector(selector, { timeout: 5000 });
      await el!.click();
    },
    offset: async () => frameOffset(frame.parentFrame() ? await frame.frameElement() : null),
  };
}

function firefoxPage(page: PpPage, errors: () => string[]): FirefoxDriverPage {
  const button = async (name: string) => {
    const el = await page.waitForSelector(toolbarButtonSelector(name), { timeout: 5000 });
    if (!el) throw new Error(`no toolbar button "${name}"`);
    return el;
  };
  const first = async (selector: string, timeout = 5000) => {
    const el = await page.waitForSelector(selector, { timeout });
    if (!el) throw new Error(`no ${selector}`);
    return el;
  };
  return {
    browser: 'firefox',
    raw: page,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg as never),
    evaluateScript: async (source) => void (await page.evaluate(source)),
    waitForToolbar: async (timeout = 15_000) => void (await page.waitForSelector('dede-toolbar >>> [role="toolbar"]', { timeout })),
    toolbarClick: async (name) => (await button(name)).click(),
    toolbarCount: async (name) => (await page.$$(toolbarButtonSelector(name))).length,
    toolbarAttribute: async (name, attribute) => (await button(name)).evaluate((b, a) => b.getAttribute(a), attribute),
    toolbarFocus: async (name) => (await button(name)).focus(),
    toolbarScreenshot: async (name) => Buffer.from(await (await button(name)).screenshot()),
    toolbarText: async (selector) => {
      const el = await page.$(`dede-toolbar >>> ${selector}`);
      return el ? el.evaluate((e) => e.textContent) : null;
    },
    toolbarBox: async () => {
      const el = await page.$('dede-toolbar >>> [role="toolbar"]');
      return el ? el.boundingBox() : null;
    },
    clickRole: async (role, name) => (await untilFound(() => byRole(page, role, name), 5000, `${role} "${name}"`)).click(),
    checkRole: async (role, name) => {
      const el = await untilFound(() => byRole(page, role, name), 5000, `${role} "${name}"`);
      if (!(await el.evaluate((e) => (e as HTMLInputElement).checked))) await el.click();
      await until(() => el.evaluate((e) => (e as HTMLInputElement).checked), Boolean, 3000, `${role} "${name}" checked`);
    },
    countRole: async (role, name) => {
      const all = (await page.evaluateHandle(findByRole, { role, name, all: true })) as unknown as JSHandle<Element[]>;
      const count = await all.evaluate((list) => list.length);
      await all.dispose();
      return count;
    },
    visibleRole: async (role, name) => {
      const el = await byRole(page, role, name).catch(() => null);
      return el ? el.isVisible() : false;
    },
    waitForRole: async (role, name, timeout = 10_000) => void (await untilFound(() => byRole(page, role, name), timeout, `${role} "${name}"`)),
    click: async (selector) => (await first(selector)).click(),
    fill: async (selector, value) => {
      const el = await first(selector);
      await el.evaluate((e) => ((e as HTMLInputElement).value = ''));
      await el.type(value);
    },
    count: async (selector) => (await page.$$(selector)).length,
    waitFor: async (selector, timeout = 10_000) => void (await first(selector, timeout)),
    text: async (selector) => {
      const el = await page.$(selector);
      return el ? el.evaluate((e) => e.textContent) : null;
    },
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: async (chord) => {
      const keys = chord.split('+').map((k) => KEY[k] ?? (k as KeyInput));
      const last = keys.pop()!;
      for (const k of keys) await page.keyboard.down(k);
      await page.keyboard.press(last);
      for (const k of keys.reverse()) await page.keyboard.up(k);
    },
    goBack: async () => void (await page.goBack()),
    // Viewport coordinates, as Playwright's; puppeteer's clip is in document coordinates.
    screenshot: async (clip) => {
      if (!clip) return Buffer.from(await page.screenshot({ captureBeyondViewport: false }));
      const [left, top] = await page.evaluate(() => [window.visualViewport?.pageLeft ?? scrollX, window.visualViewport?.pageTop ?? scrollY]);
      return Buffer.from(await page.screenshot({ captureBeyondViewport: false, clip: { ...clip, x: clip.x + left!, y: clip.y + top! } }));
    },
    elementScreenshot: async (selector) => Buffer.from(await (await first(selector)).screenshot()),
    frames: () => page.frames().map(firefoxFrame),
    bringToFront: () => page.bringToFront(),
    wait: async (ms) => void (await sleep(ms)),
    errors,
    close: () => page.close(),
  };
}
