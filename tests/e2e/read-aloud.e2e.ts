/**
 * Read aloud as a reader drives it: from the toolbar, the popup, the context menu's commands
 * (sent the way the background sends them), with real speech through speech-dispatcher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, startSpeechDaemon, toolbarButton, until, type Session, type SpeechDaemon } from './harness';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const GOV_UK = 'https://www.gov.uk/government/news/new-digital-skills-centres-to-help-50000-adults-get-online.html';
const FRENCH = 'https://commission.europa.eu/news/transition-numerique.html';

/** Sends a command to the page's tab exactly as the background does for menus and shortcuts. */
async function command(session: Session, page: Page, message: object) {
  await session.worker.evaluate(
    async ({ url, message }) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, message);
    },
    { url: page.url(), message },
  );
}

const readingState = (session: Session, page: Page) =>
  session.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return (await chrome.tabs.sendMessage(tab!.id!, { type: 'get-reading-state' })) as { status: string; sentence: string };
  }, page.url());

describe('read aloud in Chromium with speech-dispatcher', () => {
  let session: Session;
  let speech: SpeechDaemon;
  beforeAll(async () => {
    speech = startSpeechDaemon();
    session = await launch({ speech });
  });
  afterAll(async () => {
    await session?.close();
    speech?.stop();
  });

  it('reads the selection only, when asked from the context menu, without a click in the page', async () => {
    const page = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    const already = speech.spoken().length;
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent?.includes('Giai đoạn 2015-2019, Cục Sở hữu trí tuệ'));
      const range = document.createRange();
      range.selectNodeContents(p!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await command(session, page, { type: 'read', from: 'selection' });
    await until(() => readingState(session, page), (s) => s.status === 'idle' && speech.spoken().length > already, 8000, 'selection read');
    const said = speech.spoken().slice(already);
    expect(said[0]).toBe('Giai đoạn hai nghìn không trăm mười lăm đến hai nghìn không trăm mười chín, Cục Sở hữu trí tuệ đã triển khai thực hiện nghiêm túc chủ trương của Đảng và Nhà nước về thi đua, khen thưởng.');
    expect(said).toHaveLength(3);
    expect(said.join(' ')).not.toContain('Nhiều phong trào thi đua');
    await page.close();
  });

  it('"Choose where to start" reads from the paragraph clicked, and that click does nothing else', async () => {
    const page = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    await toolbarButton(page, 'Choose where to start reading').click();
    await expect(toolbarButton(page, 'Choose where to start reading').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('dede-toolbar .notice').textContent()).resolves.toMatch(/Click the paragraph/);
    const already = speech.spoken().length;
    const paragraph = page.locator('p', { hasText: 'Giai đoạn 2015-2019, Cục Sở hữu trí tuệ' }).first();
    await paragraph.click({ position: { x: 40, y: 30 } });
    const said = await until(() => speech.spoken().slice(already), (s) => s.length >= 1, 4000, 'reading from the paragraph');
    expect(said[0]).toMatch(/^Giai đoạn hai nghìn không trăm mười lăm đến hai nghìn không trăm mười chín, Cục Sở hữu trí tuệ/);
    expect(page.url()).toBe(SEED);
    await toolbarButton(page, 'Stop reading').click();
    await page.close();
  });

  it('pause, resume, next and stop work from commands, and the popup shows progress', async () => {
    const page = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    const popup = await session.openPopup(page);
    await popup.getByRole('heading', { name: 'Easy Read settings' }).waitFor();
    const already = speech.spoken().length;
    await popup.getByRole('button', { name: 'Read aloud', exact: true }).click();
    await until(() => speech.spoken().length, (n) => n > already, 3000, 'reading started');
    await command(session, page, { type: 'pause' });
    const paused = await readingState(session, page);
    expect(paused.status).toBe('paused');
    const count = speech.spoken().length;
    await page.waitForTimeout(600);
    expect(speech.spoken().length).toBe(count);
    await command(session, page, { type: 'resume' });
    // Resuming says the paused sentence again, from its start.
    const resumed = await until(() => speech.spoken().slice(count), (s) => s.length > 0, 3000, 'resumed');
    expect(paused.sentence.slice(0, 10)).toBe(resumed[0]!.slice(0, 10));
    await popup.getByRole('progressbar', { name: 'Reading progress' }).waitFor();
    await command(session, page, { type: 'next' });
    await command(session, page, { type: 'stop' });
    expect((await readingState(session, page)).status).toBe('idle');
    const stoppedAt = speech.spoken().length;
    await page.waitForTimeout(600);
    expect(speech.spoken().length).toBe(stoppedAt);
    await expect(page.evaluate(() => CSS.highlights.has('dede-reading'))).resolves.toBe(false);
    await Promise.all([page.close(), popup.close()]);
  });

  it('reads an English page in an English voice and a French one in French', async () => {
    const pages = [
      [GOV_UK, /^en/, 'New digital skills centres to help 50,000 adults get online', 'Is this page useful'],
      [FRENCH, /^fr-FR$/, 'La Commission soutient la transition numérique des administrations', 'Contenus associés'],
    ] as const;
    for (const [url, lang, title, noise] of pages) {
      const page = await session.open(url);
      await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
      const already = speech.spoken().length;
      await toolbarButton(page, 'Read aloud').click();
      const said = await until(() => speech.spoken().slice(already), (s) => s.length >= 2, 4000, `speech on ${url}`);
      expect(said[0]).toBe(title);
      expect(speech.settings().language.at(-1)).toMatch(lang);
      await toolbarButton(page, 'Stop reading').click();
      expect(speech.spoken().join(' ')).not.toContain(noise);
      await page.close();
    }
  });
});

describe('read aloud with no voice installed', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('says how to add a voice instead of staying silent', async () => {
    const page = await session.open(FRENCH);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    await toolbarButton(page, 'Read aloud').click();
    const notice = page.locator('dede-toolbar .notice');
    await notice.waitFor({ timeout: 12_000 });
    await expect(notice.textContent()).resolves.toMatch(/no voice for this language.*Windows.*macOS.*Android.*ChromeOS.*Linux/s);
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });
});
