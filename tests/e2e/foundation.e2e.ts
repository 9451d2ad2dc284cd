/**
 * The walking skeleton, as a reader meets it on the seed article: the toolbar, text size,
 * high contrast and read aloud, and the popup's controls, in real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrastRatio, parseColour } from '@/lib/colour';
import { effectiveBackground, paragraphStyleInPage } from './paragraph-style';
import { launch, startSpeechDaemon, toolbarButton, until, type Session, type SpeechDaemon } from './harness';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const FIRST_PARAGRAPH = 'Trong không khí thi đua sôi nổi';

/** Computed font size, colours and background layers of a paragraph of the article. */
const paragraphStyle = (page: Page, startsWith: string) => page.evaluate(paragraphStyleInPage, startsWith);

describe('foundation: the seed article in Chromium', () => {
  let session: Session;
  let speech: SpeechDaemon;
  let page: Page;

  beforeAll(async () => {
    speech = startSpeechDaemon();
    session = await launch({ speech });
    page = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
  });
  afterAll(async () => {
    await session?.close();
    speech?.stop();
  });

  it('shows the in-page toolbar with its named controls', async () => {
    const toolbar = page.locator('dede-toolbar').getByRole('toolbar');
    await expect(toolbar.getAttribute('aria-label')).resolves.toBe('Easy Read');
    for (const name of ['Decrease text size', 'Reset text size', 'Increase text size', 'High contrast', 'Read aloud', 'Pause', 'Stop reading']) {
      await expect(toolbarButton(page, name).count(), name).resolves.toBe(1);
    }
    await expect(toolbarButton(page, 'High contrast').getAttribute('aria-pressed')).resolves.toBe('false');
    const mode = await page.evaluate(() => document.querySelector('dede-toolbar')?.shadowRoot?.mode);
    expect(mode).toBe('open');
  });

  it('"Increase text size" three times makes the article text at least 1.3× bigger', async () => {
    const before = await paragraphStyle(page, FIRST_PARAGRAPH);
    for (let i = 0; i < 3; i++) await toolbarButton(page, 'Increase text size').click();
    const after = await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.3, 3000, 'bigger text');
    expect(after.fontSize / before.fontSize).toBeGreaterThanOrEqual(1.3);
    await toolbarButton(page, 'Reset text size').click();
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize === before.fontSize, 3000, 'size back');
  });

  it('"High contrast" gives the article text at least 7:1 and changes both colours', async () => {
    const before = await paragraphStyle(page, FIRST_PARAGRAPH);
    await toolbarButton(page, 'High contrast').click();
    const after = await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.color !== before.color, 3000, 'new colours');
    const fg = parseColour(after.color);
    expect(fg).not.toBeNull();
    const ratio = contrastRatio(fg!, effectiveBackground(after.layers));
    expect(ratio).toBeGreaterThanOrEqual(7);
    expect(after.layers).not.toEqual(before.layers);
    await expect(toolbarButton(page, 'High contrast').getAttribute('aria-pressed')).resolves.toBe('true');
    await toolbarButton(page, 'High contrast').click();
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.color === before.color, 3000, 'colours back');
  });

  it('"Read aloud" speaks the title and the first sentence within 2 s, in a Vietnamese voice, highlighted', async () => {
    const clicked = Date.now();
    await toolbarButton(page, 'Read aloud').click();
    await until(() => speech.spoken(), (s) => s.length >= 1, 2000, 'the first sentence');
    expect(Date.now() - clicked).toBeLessThanOrEqual(2000);
    const spoken = await until(() => speech.spoken(), (s) => s.length >= 2, 6000, 'the next sentence');
    expect(spoken[0]).toBe('Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở');
    // Dates and ordinals are spoken as words.
    expect(spoken[1]).toMatch(/^Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp, .* lần thứ mười ba .* ngày mười tám tháng sáu năm hai nghìn không trăm hai mươi/);
    expect(speech.settings().language[0]).toBe('vi');
    expect(speech.settings().voice[0]).toBe('Vietnamese (Northern)');
    // The sentence being read is highlighted without changing the page's DOM.
    const highlighted = await page.evaluate(() => {
      const h = CSS.highlights.get('dede-reading');
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(highlighted).toHaveLength(1);
    expect(speech.spoken().map((t) => t.slice(0, 12))).toContain(highlighted[0]!.slice(0, 12));
    await toolbarButton(page, 'Pause').click();
    await until(() => page.evaluate(() => document.querySelector('dede-toolbar')?.shadowRoot?.querySelector('[aria-label="Pause"]')?.getAttribute('aria-disabled')), (v) => v === 'true', 3000, 'paused');
    await toolbarButton(page, 'Stop reading').click();
    const all = speech.spoken().join(' ');
    for (const noise of ['Giới thiệu', 'Tin liên quan', 'Xem với cỡ chữ', 'Liên kết website', 'Bản quyền']) expect(all).not.toContain(noise);
  });
});

describe('foundation: the popup and settings in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  const OTHER_SITE = 'https://baochinhphu.vn/day-manh-chuyen-doi-so-trong-co-quan-nha-nuoc-102240315083012345.html';

  it('changes from the popup apply live in every open tab of the site', async () => {
    const page = await session.open(SEED);
    const second = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    const before = await paragraphStyle(page, FIRST_PARAGRAPH);
    const popup = await session.openPopup(page);
    await popup.getByRole('button', { name: 'Increase text size', exact: true }).click();
    await popup.getByRole('button', { name: 'Increase text size', exact: true }).click();
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.25 - 0.01, 3000, 'page grows');
    await until(() => paragraphStyle(second, FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.25 - 0.01, 3000, 'other tab grows');
    await expect(popup.locator('.size').textContent()).resolves.toBe('125%');

    await popup.getByRole('radio', { name: 'Yellow on black' }).check();
    const themed = await until(() => paragraphStyle(second, FIRST_PARAGRAPH), (s) => s.color === 'rgb(255, 255, 0)', 3000, 'yellow text');
    expect(contrastRatio(parseColour(themed.color)!, effectiveBackground(themed.layers))).toBeGreaterThanOrEqual(7);
    await expect(toolbarButton(page, 'High contrast').getAttribute('aria-pressed')).resolves.toBe('true');
    await popup.getByRole('button', { name: 'Reset this site' }).click();
    await until(() => paragraphStyle(page, FIRST_PARAGRAPH), (s) => s.fontSize === before.fontSize && s.color === before.color, 3000, 'reset');
    await Promise.all([page.close(), second.close(), popup.close()]);
  });

  it('"This site only" keeps one site apart from the others', async () => {
    const page = await session.open(SEED);
    const other = await session.open(OTHER_SITE);
    const popup = await session.openPopup(page);
    await popup.getByRole('radio', { name: 'This site only' }).check();
    await popup.getByRole('button', { name: 'High contrast', exact: true }).click();
    await until(() => toolbarButton(page, 'High contrast').getAttribute('aria-pressed'), (v) => v === 'true', 3000, 'contrast on here');
    await other.waitForTimeout(300);
    await expect(toolbarButton(other, 'High contrast').getAttribute('aria-pressed')).resolves.toBe('false');
    // Back to "every site": the site follows the global settings again.
    await popup.getByRole('radio', { name: 'Every site' }).check();
    await until(() => toolbarButton(page, 'High contrast').getAttribute('aria-pressed'), (v) => v === 'false', 3000, 'contrast off');
    await Promise.all([page.close(), other.close(), popup.close()]);
  });

  it('corrupted stored settings break neither the page nor the popup', async () => {
    await session.worker.evaluate(() =>
      chrome.storage.sync.set({
        settings: { version: 'x', site: { textScale: 'HUGE', contrast: 'yes', theme: 42 }, reading: [1, 2], toolbar: null },
        'site:noip.gov.vn': '{"broken json',
      }),
    );
    const page = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    await expect(page.locator('dede-toolbar .size').textContent()).resolves.toBe('100%');
    await toolbarButton(page, 'Increase text size').click();
    await until(() => page.locator('dede-toolbar .size').textContent(), (v) => v === '110%', 3000, '110%');
    const popup = await session.openPopup(page);
    await popup.getByRole('heading', { name: 'Easy Read settings' }).waitFor();
    await until(() => popup.locator('.size').textContent(), (v) => v === '110%', 3000, 'popup shows 110%');
    expect(session.pageErrors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});
