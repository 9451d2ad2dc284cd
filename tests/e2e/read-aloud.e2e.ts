/**
 * Read aloud as a reader drives it: from the toolbar, the popup, the context menu's commands
 * (sent the way the background sends them), with real speech through speech-dispatcher — in every
 * browser of `BROWSERS` (Chromium's `chrome.tts` in the background; Firefox's Web Speech API in the
 * content script), with the same checks.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startSpeechDaemon, until, type SpeechDaemon } from './harness';
import { PALETTES } from '@/features/contrast/themes';
import { parseColour } from '@/lib/colour';
import { BROWSERS, launchSession, type DriverPage, type DriverSession } from './browsers';
import { decodePng } from './png';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const GOV_UK = 'https://www.gov.uk/government/news/new-digital-skills-centres-to-help-50000-adults-get-online.html';
const FRENCH = 'https://commission.europa.eu/news/transition-numerique.html';
const USA_GOV = 'https://www.usa.gov/where-to-report-a-scam.html';
const MISDECLARED_VI = 'https://lang.gov.vn/tin-tuc/ngay-hoi-chuyen-doi-so.html';
const MISDECLARED_EN = 'https://lang.gov.vn/en/news/digital-transformation-day.html';

const readingState = (session: DriverSession, page: DriverPage) =>
  session.command(page, { type: 'get-reading-state' }) as Promise<{ status: string; sentence: string }>;

describe.each(BROWSERS)('read aloud in %s with speech-dispatcher', (browser) => {
  let session: DriverSession;
  let speech: SpeechDaemon;
  beforeAll(async () => {
    speech = startSpeechDaemon();
    session = await launchSession(browser, { speech });
  });
  afterAll(async () => {
    await session?.close();
    speech?.stop();
  });

  it('reads the selection only, when asked from the context menu, without a click in the page', async () => {
    const page = await session.open(SEED);
    await page.waitForToolbar();
    const already = speech.spoken().length;
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent?.includes('Giai đoạn 2015-2019, Cục Sở hữu trí tuệ'));
      const range = document.createRange();
      range.selectNodeContents(p!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await session.command(page, { type: 'read', from: 'selection' });
    await until(() => readingState(session, page), (s) => s.status === 'idle' && speech.spoken().length > already, 8000, 'selection read');
    const said = speech.spoken().slice(already);
    expect(said[0]).toBe('Giai đoạn hai nghìn không trăm mười lăm đến hai nghìn không trăm mười chín, Cục Sở hữu trí tuệ đã triển khai thực hiện nghiêm túc chủ trương của Đảng và Nhà nước về thi đua, khen thưởng.');
    expect(said).toHaveLength(3);
    expect(said.join(' ')).not.toContain('Nhiều phong trào thi đua');
    await page.close();
  });

  it('"Choose where to start" reads from the paragraph clicked, and that click does nothing else', async () => {
    const page = await session.open(SEED);
    await page.waitForToolbar();
    await page.toolbarClick('Choose where to start reading');
    await expect(page.toolbarAttribute('Choose where to start reading', 'aria-pressed')).resolves.toBe('true');
    const hint = await until(() => page.toolbarText('.notice'), (t) => t !== null, 3000, 'the hint');
    expect(hint).toMatch(/Click the paragraph/);
    const already = speech.spoken().length;
    const at = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent?.includes('Giai đoạn 2015-2019, Cục Sở hữu trí tuệ'))!;
      p.scrollIntoView({ block: 'center' });
      const r = p.getBoundingClientRect();
      return { x: r.left + 40, y: r.top + 30 };
    });
    await page.mouseClick(at.x, at.y);
    const said = await until(() => speech.spoken().slice(already), (s) => s.length >= 1, 4000, 'reading from the paragraph');
    expect(said[0]).toMatch(/^Giai đoạn hai nghìn không trăm mười lăm đến hai nghìn không trăm mười chín, Cục Sở hữu trí tuệ/);
    expect(page.url()).toBe(SEED);
    await page.toolbarClick('Stop reading');
    await page.close();
  });

  it('pause, resume, next and stop work from commands, and the popup shows progress', async () => {
    const page = await session.open(SEED);
    await page.waitForToolbar();
    const popup = await session.openPopup(page);
    await popup.waitForRole('heading', 'Easy Read settings');
    const already = speech.spoken().length;
    await popup.clickRole('button', 'Read aloud');
    await until(() => speech.spoken().length, (n) => n > already, 3000, 'reading started');
    await session.command(page, { type: 'pause' });
    const paused = await readingState(session, page);
    expect(paused.status).toBe('paused');
    const count = speech.spoken().length;
    await page.wait(600);
    expect(speech.spoken().length).toBe(count);
    await session.command(page, { type: 'resume' });
    // Resuming says the paused sentence again, from its start.
    const resumed = await until(() => speech.spoken().slice(count), (s) => s.length > 0, 3000, 'resumed');
    expect(paused.sentence.slice(0, 10)).toBe(resumed[0]!.slice(0, 10));
    await popup.waitForRole('progressbar', 'Reading progress');
    await session.command(page, { type: 'next' });
    await session.command(page, { type: 'stop' });
    expect((await readingState(session, page)).status).toBe('idle');
    const stoppedAt = speech.spoken().length;
    await page.wait(600);
    expect(speech.spoken().length).toBe(stoppedAt);
    await expect(page.evaluate(() => CSS.highlights.has('dede-reading'))).resolves.toBe(false);
    await Promise.all([page.close(), popup.close()]);
  });

  it('keeps the sentence being read in view, and Stop leaves the page where it is at once', async () => {
    const page = await session.open(SEED);
    // Closed even when a check fails, so that no scrolling page is left behind the next test's.
    onTestFinished(() => page.close());
    await page.waitForToolbar();
    // The page is the tab in front, as the reader's is (a tab behind others does not animate);
    // after the first command, which may open the harness's own page in Firefox.
    await readingState(session, page);
    await page.bringToFront();
    // The article's last paragraph, selected far below the window; every scroll of the page is logged.
    const LAST = 'Có thể nói, Hội nghị điển hình';
    const lastTop = () => page.evaluate((start) => [...document.querySelectorAll('p')].find((e) => e.textContent?.startsWith(start))!.getBoundingClientRect().top, LAST);
    const selectLast = () =>
      page.evaluate(async (start) => {
        const w = window as unknown as { scrolls?: number[] };
        if (!w.scrolls) addEventListener('scroll', () => w.scrolls!.push(scrollY));
        scrollTo({ top: 0, behavior: 'instant' });
        // The scroll event of that jump comes with the next frame: the log starts after it.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        w.scrolls = [];
        const p = [...document.querySelectorAll('p')].find((e) => e.textContent?.startsWith(start))!;
        const range = document.createRange();
        range.selectNodeContents(p);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return p.getBoundingClientRect().top - innerHeight;
      }, LAST);
    const scrolls = () => page.evaluate(() => (window as unknown as { scrolls: number[] }).scrolls.length);
    const below = await selectLast();
    expect(below, 'the paragraph starts below the window').toBeGreaterThan(500);

    // Reading it brings it into view; paused there, the highlighted sentence is in the window.
    await session.command(page, { type: 'read', from: 'selection' });
    await until(() => scrolls(), (n) => n > 0, 8000, 'the page scrolling to the sentence');
    await session.command(page, { type: 'pause' });
    const settled = await until(
      async () => {
        const n = await scrolls();
        await page.wait(300);
        return n === (await scrolls()) ? page.evaluate(() => ([...(CSS.highlights.get('dede-reading') ?? [])][0] as Range | undefined)?.getBoundingClientRect().top ?? null) : null;
      },
      (top) => top !== null,
      5000,
      'the scroll to end',
    );
    const height = await page.evaluate(() => innerHeight);
    expect(settled!, 'the highlighted sentence is in view').toBeGreaterThan(0);
    expect(settled!).toBeLessThan(height * 0.85);
    await session.command(page, { type: 'stop' });

    // Stop while the page is still moving towards the sentence: it stands still from then on.
    await selectLast();
    await session.command(page, { type: 'read', from: 'selection' });
    await until(() => scrolls(), (n) => n > 0, 8000, 'the page scrolling to the sentence');
    await session.command(page, { type: 'stop' });
    // Where it stands once the frames already under way are drawn (Chromium scrolls off the main
    // thread, which learns the position a frame late).
    const y = await page.evaluate(async () => {
      for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
      return scrollY;
    });
    const top = await lastTop();
    await page.wait(800);
    expect(top, 'Stop came before the scroll ended').toBeGreaterThan(height / 3 + 20);
    await expect(page.evaluate(() => scrollY), 'the page moved after Stop').resolves.toBe(y);
  });

  it('the sentence being read is painted in the contrast theme\'s highlight colours', async () => {
    const theme = 'white-on-black';
    await session.ext((api, theme) => api.storage.sync.set({ 'site:noip.gov.vn': { contrast: true, theme } }), theme);
    const page = await session.open(SEED);
    await page.waitForToolbar();
    const already = speech.spoken().length;
    await page.toolbarClick('Read aloud');
    await until(() => speech.spoken().length, (n) => n > already, 3000, 'reading started');
    await session.command(page, { type: 'pause' });
    // The first line box of the highlighted sentence, in the viewport.
    const box = await until(
      () =>
        page.evaluate(() => {
          const range = [...(CSS.highlights.get('dede-reading') ?? [])][0] as Range | undefined;
          const r = range?.getClientRects()[0];
          return r && r.width > 20 ? { x: Math.ceil(r.left), y: Math.ceil(r.top), width: Math.floor(r.width) - 1, height: Math.floor(r.height) - 1 } : null;
        }),
      (b) => b !== null,
      3000,
      'the highlighted sentence',
    );
    const shot = decodePng(await page.screenshot(box!));
    const count = (hex: string) => {
      const c = parseColour(hex)!;
      let n = 0;
      for (let y = 0; y < shot.height; y++) for (let x = 0; x < shot.width; x++) if (shot.pixel(x, y).every((v, k) => Math.abs(v - [c.r, c.g, c.b][k]!) <= 2)) n++;
      return n;
    };
    const pixels = shot.width * shot.height;
    // Behind the glyphs: the theme's highlight, not the theme's page background nor the default yellow.
    expect(count(PALETTES[theme].highlightBackground) / pixels).toBeGreaterThan(0.4);
    expect(count(PALETTES['black-on-white'].highlightBackground)).toBe(0);
    await session.command(page, { type: 'stop' });
    await session.ext((api) => api.storage.sync.remove('site:noip.gov.vn'));
    await page.close();
  });

  /** Reads `url` from the toolbar: its first sentence, the language and voice it went to, and nothing of `noise`. */
  async function expectReadIn(url: string, lang: RegExp, voice: RegExp, title: string, noise?: string) {
    const page = await session.open(url);
    await page.waitForToolbar();
    const already = speech.spoken().length;
    await page.toolbarClick('Read aloud');
    const said = await until(() => speech.spoken().slice(already), (s) => s.length >= 2, 4000, `speech on ${url}`);
    expect(said[0]).toBe(title);
    // Chromium tells speech-dispatcher the language; Firefox sets the voice only (README: "Firefox exceptions").
    if (browser === 'chromium') expect(speech.settings().language.at(-1)).toMatch(lang);
    expect(speech.settings().voice.at(-1)).toMatch(voice);
    await page.toolbarClick('Stop reading');
    if (noise) expect(speech.spoken().join(' ')).not.toContain(noise);
    await page.close();
  }

  it('reads English pages (GOV.UK, USA.gov) in an English voice and a French one in French', async () => {
    await expectReadIn(GOV_UK, /^en/, /^English/, 'New digital skills centres to help 50,000 adults get online', 'Is this page useful');
    await expectReadIn(USA_GOV, /^en/, /^English/, 'Where to report a scam', 'An official website');
    await expectReadIn(FRENCH, /^fr-FR$/, /^French/, 'La Commission soutient la transition numérique des administrations', 'Contenus associés');
  });

  it('reads in the language of the text where the page declares another (lang="en-US" on Vietnamese news, lang="vi" on an English version)', async () => {
    const title = 'Ngày hội chuyển đổi số năm hai nghìn không trăm hai mươi tư thu hút hơn ba nghìn người dân tham gia';
    await expectReadIn(MISDECLARED_VI, /^vi$/, /^Vietnamese \(Northern\)$/, title, 'Skip to content');
    await expectReadIn(MISDECLARED_EN, /^en/, /^English/, 'Digital Transformation Day 2024 draws more than 3,000 residents', 'Tiếng Việt');
  });

  it('threw no page errors and made no request outside the fixtures', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});

describe.each(BROWSERS)('read aloud in %s with no voice installed', (browser) => {
  let session: DriverSession;
  beforeAll(async () => {
    session = await launchSession(browser);
  });
  afterAll(async () => session?.close());

  it('says how to add a voice instead of staying silent', async () => {
    const page = await session.open(FRENCH);
    await page.waitForToolbar();
    await page.toolbarClick('Read aloud');
    const notice = await until(() => page.toolbarText('.notice'), (t) => t !== null, 12_000, 'the notice');
    expect(notice).toMatch(/no voice for this language.*Windows.*macOS.*Android.*ChromeOS.*Linux/s);
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });
});
