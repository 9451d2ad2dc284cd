/**
 * Issue #10: the same reader in Firefox, proven in real Firefox. The seed-article checks of
 * foundation.e2e.ts (toolbar, text size, high contrast, read aloud) in headless Firefox ESR with
 * the Firefox build (MV2) installed, read aloud going through the Web Speech API of the content
 * script to a speech-dispatcher of our own.
 *
 * The checks are written against `SeedDriver`, a few browser-neutral operations, so the Chromium
 * spec can run the very same checks through a Playwright driver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { contrastRatio, parseColour } from '@/lib/colour';
import { effectiveBackground, paragraphStyleInPage, type ParagraphStyle } from './paragraph-style';
import { startSpeechDaemon, until, type SpeechDaemon } from './harness';
import { launchFirefox, toolbarButton, toolbarButtonSelector, type FirefoxSession } from './firefox-harness';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const FIRST_PARAGRAPH = 'Trong không khí thi đua sôi nổi';
const TITLE = 'Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở';
const BUTTONS = ['Decrease text size', 'Reset text size', 'Increase text size', 'High contrast', 'Read aloud', 'Pause', 'Stop reading'];
const NOISE = ['Giới thiệu', 'Tin liên quan', 'Xem với cỡ chữ', 'Liên kết website', 'Bản quyền'];


/** What the seed checks need from a browser: a page with the toolbar, and the speech log. */
interface SeedDriver {
  /** The toolbar's aria-label, or null when there is none. */
  toolbarLabel(): Promise<string | null>;
  shadowMode(): Promise<string | null>;
  buttonCount(name: string): Promise<number>;
  buttonAttribute(name: string, attribute: string): Promise<string | null>;
  click(name: string): Promise<void>;
  paragraphStyle(startsWith: string): Promise<ParagraphStyle>;
  /** The text of the ranges in the reading highlight (CSS Custom Highlight API). */
  highlighted(): Promise<string[]>;
  spoken(): string[];
}

// ---- The shared checks (browser-neutral) ----

async function checkToolbar(d: SeedDriver) {
  await expect(d.toolbarLabel()).resolves.toBe('Easy Read');
  for (const name of BUTTONS) await expect(d.buttonCount(name), name).resolves.toBe(1);
  await expect(d.buttonAttribute('High contrast', 'aria-pressed')).resolves.toBe('false');
  await expect(d.shadowMode()).resolves.toBe('open');
}

async function checkTextSize(d: SeedDriver) {
  const before = await d.paragraphStyle(FIRST_PARAGRAPH);
  for (let i = 0; i < 3; i++) await d.click('Increase text size');
  const after = await until(() => d.paragraphStyle(FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.3, 3000, 'bigger text');
  expect(after.fontSize / before.fontSize).toBeGreaterThanOrEqual(1.3);
  await d.click('Reset text size');
  await until(() => d.paragraphStyle(FIRST_PARAGRAPH), (s) => s.fontSize === before.fontSize, 3000, 'size back');
}

async function checkContrast(d: SeedDriver) {
  const before = await d.paragraphStyle(FIRST_PARAGRAPH);
  await d.click('High contrast');
  const after = await until(() => d.paragraphStyle(FIRST_PARAGRAPH), (s) => s.color !== before.color, 3000, 'new colours');
  const fg = parseColour(after.color);
  expect(fg).not.toBeNull();
  expect(contrastRatio(fg!, effectiveBackground(after.layers))).toBeGreaterThanOrEqual(7);
  expect(after.layers).not.toEqual(before.layers);
  await expect(d.buttonAttribute('High contrast', 'aria-pressed')).resolves.toBe('true');
  await d.click('High contrast');
  await until(() => d.paragraphStyle(FIRST_PARAGRAPH), (s) => s.color === before.color, 3000, 'colours back');
}

async function checkReadAloud(d: SeedDriver) {
  const clicked = Date.now();
  await d.click('Read aloud');
  await until(() => d.spoken(), (s) => s.length >= 1, 5000, 'the first sentence');
  const firstAfter = Date.now() - clicked;
  const spoken = await until(() => d.spoken(), (s) => s.length >= 2, 8000, 'the next sentence');
  expect(spoken[0]).toBe(TITLE);
  expect(spoken[1]).toMatch(/^Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp, /);
  // The sentence being read is highlighted without changing the page's DOM.
  const highlighted = await d.highlighted();
  expect(highlighted).toHaveLength(1);
  expect(d.spoken().map((t) => t.slice(0, 12))).toContain(highlighted[0]!.slice(0, 12));
  await d.click('Pause');
  await until(() => d.buttonAttribute('Pause', 'aria-disabled'), (v) => v === 'true', 3000, 'paused');
  await d.click('Stop reading');
  const all = d.spoken().join(' ');
  for (const noise of NOISE) expect(all).not.toContain(noise);
  return { firstAfter };
}

// ---- Firefox (puppeteer-core over WebDriver BiDi) ----

function firefoxDriver(page: Page, speech: SpeechDaemon): SeedDriver {
  return {
    toolbarLabel: () => page.evaluate(() => document.querySelector('dede-toolbar')?.shadowRoot?.querySelector('[role="toolbar"]')?.getAttribute('aria-label') ?? null),
    shadowMode: () => page.evaluate(() => document.querySelector('dede-toolbar')?.shadowRoot?.mode ?? null),
    buttonCount: async (name) => (await page.$$(toolbarButtonSelector(name))).length,
    buttonAttribute: async (name, attribute) => (await toolbarButton(page, name)).evaluate((b, a) => b.getAttribute(a), attribute),
    click: async (name) => (await toolbarButton(page, name)).click(),
    paragraphStyle: (start) => page.evaluate(paragraphStyleInPage, start),
    highlighted: () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights?.get('dede-reading');
        return h ? [...h].map((r) => (r instanceof Range ? r.toString() : '')) : [];
      }),
    spoken: () => speech.spoken(),
  };
}

describe('issue #10: the seed article in real Firefox', () => {
  let session: FirefoxSession;
  let speech: SpeechDaemon;
  let page: Page;
  let driver: SeedDriver;

  beforeAll(async () => {
    speech = startSpeechDaemon();
    session = await launchFirefox({ speech });
    console.log(`[firefox] launched and add-on installed in ${session.launchMs} ms`);
    page = await session.open(SEED);
    await page.waitForSelector('dede-toolbar >>> [role="toolbar"]', { timeout: 15_000 });
    driver = firefoxDriver(page, speech);
  });
  afterAll(async () => {
    await session?.close();
    speech?.stop();
  });

  it('shows the in-page toolbar with its named controls', async () => {
    await checkToolbar(driver);
  });

  it('"Increase text size" three times makes the article text at least 1.3× bigger', async () => {
    await checkTextSize(driver);
  });

  it('"High contrast" gives the article text at least 7:1 and changes both colours', async () => {
    await checkContrast(driver);
  });

  it('"Read aloud" hands the title, then the first sentence, and nothing else to speech-dispatcher', async () => {
    const { firstAfter } = await checkReadAloud(driver);
    console.log(`[firefox] first sentence reached speech-dispatcher ${firstAfter} ms after the click, voice ${speech.settings().voice[0]}`);
    expect(firstAfter).toBeLessThanOrEqual(2000);
    // Firefox sets no language through speech-dispatcher, only the voice: a Northern Vietnamese one.
    expect(speech.settings().voice[0]).toMatch(/^Vietnamese \(Northern\)/);
  });

  it('text size and contrast also apply under a strict page CSP (style-src \'self\')', async () => {
    const csp = await session.open('https://hostile.gov.vn/csp-self.html');
    await csp.waitForSelector('dede-toolbar >>> [role="toolbar"]', { timeout: 15_000 });
    const d = firefoxDriver(csp, speech);
    const start = 'Chỉ số cải cách hành chính năm nay';
    const before = await d.paragraphStyle(start);
    for (let i = 0; i < 3; i++) await d.click('Increase text size');
    await until(() => d.paragraphStyle(start), (st) => st.fontSize >= before.fontSize * 1.3, 3000, 'bigger text under CSP');
    await d.click('High contrast');
    const after = await until(() => d.paragraphStyle(start), (st) => st.color !== before.color, 3000, 'new colours under CSP');
    expect(contrastRatio(parseColour(after.color)!, effectiveBackground(after.layers))).toBeGreaterThanOrEqual(7);
    // The toolbar's own styles (a <style> in its shadow root) are not blocked by the page's CSP either.
    const barBackground = await csp.evaluate(() => {
      const bar = document.querySelector('dede-toolbar')?.shadowRoot?.querySelector('.bar');
      return bar ? getComputedStyle(bar).backgroundColor : null;
    });
    expect(barBackground).toBe('rgb(26, 26, 26)');
    await d.click('Reset text size');
    await d.click('High contrast');
    await until(() => d.paragraphStyle(start), (st) => st.fontSize === before.fontSize && st.color === before.color, 3000, 'back under CSP');
    await csp.close();
  });

  it('the settings page changes the open tab live', async () => {
    const before = await driver.paragraphStyle(FIRST_PARAGRAPH);
    const popup = await session.openPopup(page);
    const size = () => popup.evaluate(() => document.querySelector('.size')?.textContent ?? null);
    await until(size, (v) => v === '100%', 5000, 'the popup shows 100%');
    const increase = await popup.waitForSelector('button[aria-label="Increase text size"]', { timeout: 5000 });
    await increase!.click();
    await until(size, (v) => v === '110%', 3000, 'the popup shows 110%');
    await increase!.click();
    await until(size, (v) => v === '125%', 3000, 'the popup shows 125%');
    await until(() => driver.paragraphStyle(FIRST_PARAGRAPH), (st) => st.fontSize >= before.fontSize * 1.25 - 0.01, 3000, 'page grows from the popup');
    await (await popup.waitForSelector('button[aria-label="Reset text size"]'))!.click();
    await until(() => driver.paragraphStyle(FIRST_PARAGRAPH), (st) => st.fontSize === before.fontSize, 3000, 'size back from the popup');
    await popup.close();
  });

  it('made no request outside the fixtures, threw no page errors and spawned no speech-dispatcher of its own', () => {
    expect(session.unexpectedRequests.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
    expect(session.pageErrors, session.pageErrors.join('\n')).toEqual([]);
    expect(session.strayDaemons()).toEqual([]);
  });
});

describe('issue #10: the first "Read aloud" of a fresh Firefox', () => {
  let session: FirefoxSession;
  let speech: SpeechDaemon;

  beforeAll(async () => {
    speech = startSpeechDaemon();
    // No warm-up: Firefox has not listed its voices yet, as when a reader has just started it.
    session = await launchFirefox({ speech, warmVoices: false });
  });
  afterAll(async () => {
    await session?.close();
    speech?.stop();
  });

  it('waits for Firefox to list its voices and reads, instead of saying there is no voice', async () => {
    const page = await session.open(SEED);
    await page.waitForSelector('dede-toolbar >>> [role="toolbar"]', { timeout: 15_000 });
    const clicked = Date.now();
    await (await toolbarButton(page, 'Read aloud')).click();
    const spoken = await until(() => speech.spoken(), (s) => s.length >= 1, 15_000, 'the first sentence');
    console.log(`[firefox] cold start: first sentence reached speech-dispatcher ${Date.now() - clicked} ms after the click`);
    expect(spoken[0]).toBe(TITLE);
    const notice = await page.evaluate(() => document.querySelector('dede-toolbar')?.shadowRoot?.querySelector('.notice')?.textContent ?? null);
    expect(notice).toBeNull();
    await (await toolbarButton(page, 'Stop reading')).click();
  });
});
