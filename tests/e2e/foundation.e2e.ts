/**
 * The walking skeleton, as a reader meets it on the seed article: the toolbar, text size, high
 * contrast and read aloud, and the popup's controls — in every browser of `BROWSERS` (Chromium and
 * Firefox ESR, issue #10), with the same checks. One browser per browser name for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio, parseColour } from '@/lib/colour';
import { effectiveBackground, paragraphStyleInPage } from './paragraph-style';
import { startSpeechDaemon, until, type SpeechDaemon } from './harness';
import { BROWSERS, launchSession, type DriverPage, type DriverSession } from './browsers';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const FIRST_PARAGRAPH = 'Trong không khí thi đua sôi nổi';
const OTHER_SITE = 'https://baochinhphu.vn/day-manh-chuyen-doi-so-trong-co-quan-nha-nuoc-102240315083012345.html';

/** Computed font size, colours and background layers of a paragraph of the article. */
const paragraphStyle = (page: DriverPage, startsWith: string) => page.evaluate(paragraphStyleInPage, startsWith);

describe.each(BROWSERS)('foundation: the seed article in %s', (browser) => {
  let session: DriverSession;
  let speech: SpeechDaemon;
  let page: DriverPage;

  beforeAll(async () => {
    speech = startSpeechDaemon();
    session = await launchSession(browser, { speech });
    page = await session.open(SEED);
    await page.waitForToolbar();
  });
  afterAll(async () => {
    await session?.close();
    speech?.stop();
  });

  it('shows the in-page toolbar with its named controls', async () => {
    await expect(page.evaluate(() => document.querySelector('dede-toolbar')?.shadowRoot?.querySelector('[role="toolbar"]')?.getAttribute('aria-label') ?? null)).resolves.toBe('Easy Read');
    for (const name of ['Decrease text size', 'Reset text size', 'Increase text size', 'High contrast', 'Read aloud', 'Pause', 'Stop reading']) {
      await expect(page.toolbarCount(name), name).resolves.toBe(1);
    }
    await expect(page.toolbarAttribute('High contrast', 'aria-pressed')).resolves.toBe('false');
    const mode = await page.evaluate(() => document.querySelector('dede-toolbar')?.shadowRoot?.mode);
    expect(mode).toBe('open');
  });

  it('"Increase text size" three times makes the article text at least 1.3× bigger', async () => {
    const before = await paragraphStyle(page, FIRST_PARAGRAPH);
    for (let i = 0; i < 3; i++) await page.toolbarClick('Increase text size');
    const after = await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.3, 3000, 'bigger text');
    expect(after.fontSize / before.fontSize).toBeGreaterThanOrEqual(1.3);
    await page.toolbarClick('Reset text size');
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize === before.fontSize, 3000, 'size back');
  });

  it('"High contrast" gives the article text at least 7:1 and changes both colours', async () => {
    const before = await paragraphStyle(page, FIRST_PARAGRAPH);
    await page.toolbarClick('High contrast');
    const after = await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.color !== before.color, 3000, 'new colours');
    const fg = parseColour(after.color);
    expect(fg).not.toBeNull();
    const ratio = contrastRatio(fg!, effectiveBackground(after.layers));
    expect(ratio).toBeGreaterThanOrEqual(7);
    expect(after.layers).not.toEqual(before.layers);
    await expect(page.toolbarAttribute('High contrast', 'aria-pressed')).resolves.toBe('true');
    await page.toolbarClick('High contrast');
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.color === before.color, 3000, 'colours back');
  });

  it('"Read aloud" speaks the title and the first sentence within 2 s, in a Vietnamese voice, highlighted', async () => {
    const clicked = Date.now();
    await page.toolbarClick('Read aloud');
    await until(() => speech.spoken(), (s) => s.length >= 1, 2000, 'the first sentence');
    expect(Date.now() - clicked).toBeLessThanOrEqual(2000);
    const spoken = await until(() => speech.spoken(), (s) => s.length >= 2, 6000, 'the next sentence');
    expect(spoken[0]).toBe('Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở');
    // Dates and ordinals are spoken as words.
    expect(spoken[1]).toMatch(/^Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp, .* lần thứ mười ba .* ngày mười tám tháng sáu năm hai nghìn không trăm hai mươi/);
    // Chromium tells speech-dispatcher the language as well as the voice; Firefox sets the voice only
    // (README: "Firefox exceptions").
    if (browser === 'chromium') expect(speech.settings().language[0]).toBe('vi');
    expect(speech.settings().voice[0]).toBe('Vietnamese (Northern)');
    // The sentence being read is highlighted without changing the page's DOM.
    const highlighted = await page.evaluate(() => {
      const h = CSS.highlights.get('dede-reading');
      return h ? [...h].map((r) => (r instanceof Range ? r.toString() : '')) : [];
    });
    expect(highlighted).toHaveLength(1);
    expect(speech.spoken().map((t) => t.slice(0, 12))).toContain(highlighted[0]!.slice(0, 12));
    await page.toolbarClick('Pause');
    await until(() => page.toolbarAttribute('Pause', 'aria-disabled'), (v) => v === 'true', 3000, 'paused');
    await page.toolbarClick('Stop reading');
    const all = speech.spoken().join(' ');
    for (const noise of ['Giới thiệu', 'Tin liên quan', 'Xem với cỡ chữ', 'Liên kết website', 'Bản quyền']) expect(all).not.toContain(noise);
  });

  it("text size and contrast also apply under a strict page CSP (style-src 'self'), and so do the toolbar's styles", async () => {
    const csp = await session.open('https://hostile.gov.vn/csp-self.html');
    await csp.waitForToolbar();
    const start = 'Chỉ số cải cách hành chính năm nay';
    const before = await paragraphStyle(csp, start);
    for (let i = 0; i < 3; i++) await csp.toolbarClick('Increase text size');
    await until(() => paragraphStyle(csp, start), (st) => st.fontSize >= before.fontSize * 1.3, 3000, 'bigger text under CSP');
    await csp.toolbarClick('High contrast');
    const after = await until(() => paragraphStyle(csp, start), (st) => st.color !== before.color, 3000, 'new colours under CSP');
    expect(contrastRatio(parseColour(after.color)!, effectiveBackground(after.layers))).toBeGreaterThanOrEqual(7);
    // The toolbar's own styles (a <style> in its shadow root) are not blocked by the page's CSP either.
    const barBackground = await csp.evaluate(() => {
      const bar = document.querySelector('dede-toolbar')?.shadowRoot?.querySelector('.bar');
      return bar ? getComputedStyle(bar).backgroundColor : null;
    });
    expect(barBackground).toBe('rgb(26, 26, 26)');
    await csp.toolbarClick('Reset text size');
    await csp.toolbarClick('High contrast');
    await until(() => paragraphStyle(csp, start), (st) => st.fontSize === before.fontSize && st.color === before.color, 3000, 'back under CSP');
    await csp.close();
  });

  it('changes from the popup apply live in every open tab of the site', async () => {
    const page = await session.open(SEED);
    const second = await session.open(SEED);
    await page.waitForToolbar();
    const before = await paragraphStyle(page, FIRST_PARAGRAPH);
    const popup = await session.openPopup(page);
    await until(() => popup.text('.size'), (v) => v === '100%', 5000, 'the popup shows 100%');
    await popup.clickRole('button', 'Increase text size');
    await until(() => popup.text('.size'), (v) => v === '110%', 3000, 'the popup shows 110%');
    await popup.clickRole('button', 'Increase text size');
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.25 - 0.01, 3000, 'page grows');
    await until(() => paragraphStyle(second, FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.25 - 0.01, 3000, 'other tab grows');
    await expect(popup.text('.size')).resolves.toBe('125%');

    await popup.checkRole('radio', 'Yellow on black');
    const themed = await until(() => paragraphStyle(second, FIRST_PARAGRAPH), (s) => s.color === 'rgb(255, 255, 0)', 3000, 'yellow text');
    expect(contrastRatio(parseColour(themed.color)!, effectiveBackground(themed.layers))).toBeGreaterThanOrEqual(7);
    await expect(page.toolbarAttribute('High contrast', 'aria-pressed')).resolves.toBe('true');
    await popup.clickRole('button', 'Reset this site');
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize === before.fontSize && s.color === before.color, 3000, 'reset');
    await Promise.all([page.close(), second.close(), popup.close()]);
  });

  it('"This site only" keeps one site apart from the others', async () => {
    const page = await session.open(SEED);
    const other = await session.open(OTHER_SITE);
    await Promise.all([page.waitForToolbar(), other.waitForToolbar()]);
    const popup = await session.openPopup(page);
    await popup.checkRole('radio', 'This site only');
    await popup.clickRole('button', 'High contrast');
    await until(() => page.toolbarAttribute('High contrast', 'aria-pressed'), (v) => v === 'true', 3000, 'contrast on here');
    await other.wait(300);
    await expect(other.toolbarAttribute('High contrast', 'aria-pressed')).resolves.toBe('false');
    // Back to "every site": the site follows the global settings again.
    await popup.checkRole('radio', 'Every site');
    await until(() => page.toolbarAttribute('High contrast', 'aria-pressed'), (v) => v === 'false', 3000, 'contrast off');
    await Promise.all([page.close(), other.close(), popup.close()]);
  });

  it('corrupted stored settings break neither the page nor the popup', async () => {
    await session.ext((api) =>
      api.storage.sync.set({
        settings: { version: 'x', site: { textScale: 'HUGE', contrast: 'yes', theme: 42 }, reading: [1, 2], toolbar: null },
        'site:noip.gov.vn': '{"broken json',
      }),
    );
    const page = await session.open(SEED);
    await page.waitForToolbar();
    await expect(page.toolbarText('.size')).resolves.toBe('100%');
    await page.toolbarClick('Increase text size');
    await until(() => page.toolbarText('.size'), (v) => v === '110%', 3000, '110%');
    const popup = await session.openPopup(page);
    await popup.waitForRole('heading', 'Easy Read settings');
    await until(() => popup.text('.size'), (v) => v === '110%', 3000, 'popup shows 110%');
    expect(session.pageErrors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('made no request outside the fixtures and threw no page errors', () => {
    expect(session.unexpectedRequests).toEqual([]);
    expect(session.pageErrors, session.pageErrors.join('\n')).toEqual([]);
  });
});
