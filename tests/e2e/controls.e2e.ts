/**
 * Chromium: where the toolbar sits (it never covers the article, at any width or text size), the
 * settings file in the popup (export, import, bad files), and that every button's glyph is drawn. Accessibility, keyboard use and
 * hostile page CSS are checked in both browsers in controls-shared.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runs } from './browsers';
import { launch, until, type Session } from './harness';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';

/** Changes stored settings as the popup would: `site` and `toolbar` fields patched in place. */
async function setSettings(session: Session, patch: { site?: object; toolbar?: object }) {
  await session.worker.evaluate(async (p) => {
    const { settings } = await chrome.storage.sync.get('settings');
    const current = (settings ?? {}) as { site?: object; toolbar?: object };
    await chrome.storage.sync.set({
      settings: { ...current, site: { ...(current.site ?? {}), ...p.site }, toolbar: { ...(current.toolbar ?? {}), ...p.toolbar } },
    });
  }, patch);
}

const ARTICLES = [
  { name: 'the seed article (noip.gov.vn)', url: SEED, article: 'h2.news-title, #newsContent' },
  {
    name: 'mic.gov.vn',
    url: 'https://mic.gov.vn/Pages/TinTuc/158234/Phat-dong-chien-dich-tuyen-truyen-phong-chong-lua-dao-truc-tuyen-nam-2023.html',
    article: '.ArticleTitle, #divArticleDescription, #divArticleContent',
  },
];

interface Layout {
  toolbar: 'not yet there' | 'open' | 'folded' | 'hidden';
  /** The page's text scale as the text-size feature set it ('' at 100 %). */
  scale: string;
  box: { left: number; right: number; top: number; bottom: number; width: number };
  clientWidth: number;
  clientHeight: number;
  scrollWidth: number;
  /** The root element's computed margins and paddings: top, right, bottom, left. */
  margin: number[];
  padding: number[];
  /** Lines of article text laid out, and those lying in the toolbar's column at any height. */
  articleLines: number;
  covered: string[];
}

/** Where the toolbar is, the root element's box, and which article lines the toolbar would cover as the page scrolls. */
const layoutOf = (page: Page, article: string) =>
  page.evaluate((selector): Layout => {
    const element = document.querySelector('dede-toolbar');
    const shadow = element?.shadowRoot;
    const toolbar = !shadow ? 'not yet there' : shadow.querySelector('[role="toolbar"]') ? 'open' : shadow.querySelector('.expand') ? 'folded' : 'hidden';
    const host = element?.getBoundingClientRect() ?? new DOMRect();
    const root = getComputedStyle(document.documentElement);
    const sides = (property: string) => ['top', 'right', 'bottom', 'left'].map((side) => parseFloat(root.getPropertyValue(`${property}-${side}`)));
    const range = document.createRange();
    let articleLines = 0;
    const covered: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
          if (line.width === 0 || line.height === 0) continue;
          articleLines++;
          // The toolbar stays where it is while the page scrolls under it, so any height counts.
          if ((toolbar === 'open' || toolbar === 'folded') && line.right > host.left + 1 && line.left < host.right - 1) {
            covered.push(`${node.nodeValue?.trim().slice(0, 30)} [${Math.round(line.left)}–${Math.round(line.right)}]`);
          }
        }
      }
    }
    const scroller = document.scrollingElement ?? document.documentElement;
    return {
      toolbar,
      scale: root.getPropertyValue('--dede-text-scale').trim(),
      box: { left: host.left, right: host.right, top: host.top, bottom: host.bottom, width: host.width },
      clientWidth: scroller.clientWidth,
      clientHeight: scroller.clientHeight,
      scrollWidth: scroller.scrollWidth,
      margin: sides('margin'),
      padding: sides('padding'),
      articleLines,
      covered,
    };
  }, article);

/** The layout once the toolbar is in `toolbar` state, the text at `scale`, and nothing moves for a while. */
async function settled(page: Page, article: string, toolbar: Layout['toolbar'], scale: number): Promise<Layout> {
  const wanted = (l: Layout) => l.toolbar === toolbar && (l.scale === String(scale) || (scale === 1 && l.scale === ''));
  let last = await until(() => layoutOf(page, article), wanted, 10_000, `toolbar ${toolbar} at ${scale}`);
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(300);
    const next = await layoutOf(page, article);
    if (wanted(next) && JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error(`The layout did not settle: ${JSON.stringify(last)}`);
}

// Chromium only (README: "Chromium-only checks"); skipped when DEDE_BROWSERS leaves Chromium out.
describe.runIf(runs('chromium'))('the toolbar never covers the article', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  for (const { name, url, article } of ARTICLES) {
    it(`${name}: at 1280 and 320 px, at 100 % and 300 %, open and folded`, async () => {
      // The page's own root box, before the toolbar ever shows.
      await setSettings(session, { site: { textScale: 1 }, toolbar: { show: false, collapsed: false, corner: 'bottom-right' } });
      const page = await session.open(url);
      const original = await settled(page, article, 'hidden', 1);
      await setSettings(session, { toolbar: { show: true } });
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        for (const textScale of [1, 3]) {
          await setSettings(session, { site: { textScale }, toolbar: { show: true, collapsed: false } });
          const open = await settled(page, article, 'open', textScale);
          await setSettings(session, { toolbar: { collapsed: true } });
          const folded = await settled(page, article, 'folded', textScale);
          await setSettings(session, { toolbar: { show: false } });
          const own = await settled(page, article, 'hidden', textScale);
          const where = `${name}, ${width} px, ${textScale * 100} %`;
          // Hidden, the page is exactly as it was.
          expect([own.margin, own.padding], `${where}, hidden`).toEqual([original.margin, original.padding]);
          for (const [state, l] of [['open', open], ['folded', folded]] as const) {
            const at = `${where}, ${state}`;
            expect(l.articleLines, at).toBeGreaterThan(0);
            expect(l.covered, at).toEqual([]);
            // Flush against one edge of the window.
            expect(Math.min(Math.abs(l.box.left), Math.abs(l.box.right - l.clientWidth)), at).toBeLessThan(1);
            // Room, if any, is padding on the toolbar's side only: the toolbar's width and a small gap.
            expect(l.margin, at).toEqual(own.margin);
            const side = l.box.left < 1 ? 3 : 1;
            const room = l.padding[side]! - own.padding[side]!;
            expect(l.padding.filter((_, i) => i !== side), at).toEqual(own.padding.filter((_, i) => i !== side));
            if (room !== 0) expect(room - l.box.width, at).toSatisfy((gap: number) => gap >= 0 && gap <= 10);
            // No sideways scrolling of its own: a page that fits still fits; a page wider than
            // the window grows by no more than the room before its lines.
            if (own.scrollWidth <= own.clientWidth) expect(l.scrollWidth, at).toBeLessThanOrEqual(l.clientWidth);
            else expect(l.scrollWidth, at).toBeLessThanOrEqual(own.scrollWidth + room);
          }
          await setSettings(session, { toolbar: { show: true } });
        }
      }
      await setSettings(session, { site: { textScale: 1 }, toolbar: { show: true, collapsed: false } });
      await page.close();
    }, 180_000);
  }

  it('mirrors on a right-to-left page, leaves printing alone and starts below a fixed header', async () => {
    const rtl = await session.open('https://hostile.gov.vn/rtl.html');
    await setSettings(session, { toolbar: { show: false } });
    const own = await settled(rtl, 'p', 'hidden', 1);
    await setSettings(session, { toolbar: { show: true, collapsed: false, corner: 'bottom-right' } });
    const mirrored = await settled(rtl, 'p', 'open', 1);
    // "Bottom right" on a right-to-left page is where its lines end: the left.
    expect(mirrored.box.left).toBeLessThan(1);
    expect(mirrored.covered).toEqual([]);
    expect(mirrored.padding[3]! - own.padding[3]! - mirrored.box.width).toSatisfy((gap: number) => gap >= 0 && gap <= 10);
    await rtl.emulateMedia({ media: 'print' });
    const printed = await rtl.evaluate(() => ({
      display: getComputedStyle(document.querySelector('dede-toolbar')!).display,
      padding: getComputedStyle(document.documentElement).paddingLeft,
    }));
    expect(printed).toEqual({ display: 'none', padding: `${own.padding[3]}px` });
    await rtl.emulateMedia({ media: 'screen' });
    await rtl.close();

    const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Đoạn ${i + 1}: Bộ Thông tin và Truyền thông phát động chiến dịch tuyên truyền phòng, chống lừa đảo trực tuyến trên phạm vi toàn quốc.</p>`).join('');
    await session.context.route('https://layout.gov.vn/**', (route) =>
      route.fulfill({
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đầu trang cố định</title><style>
          body { margin: 0; font: 16px Arial, sans-serif; }
          header { position: fixed; top: 0; left: 0; right: 0; height: 80px; background: #036; color: #fff; }
          header nav { position: absolute; right: 8px; top: 30px; }
          main { padding: 96px 16px 16px; }
        </style></head><body><header>Cổng thông tin <nav><a href="#" style="color:#fff">Đăng nhập</a></nav></header><main><h1>Tin tức</h1>${paragraphs}</main></body></html>`,
      }),
    );
    await setSettings(session, { toolbar: { corner: 'top-right' } });
    const page = await session.open('https://layout.gov.vn/tin-tuc.html');
    const below = await settled(page, 'main', 'open', 1);
    const header = await page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().bottom);
    expect(below.box.top).toBeGreaterThanOrEqual(header);
    expect(below.box.bottom).toBeLessThanOrEqual(below.clientHeight + 1);
    expect(below.box.right).toBeCloseTo(below.clientWidth, 0);
    expect(below.covered).toEqual([]);
    await setSettings(session, { toolbar: { corner: 'bottom-right' } });
    await until(() => layoutOf(page, 'main'), (l) => l.box.bottom > below.box.bottom, 5000, 'back at the bottom');
    const bottom = await settled(page, 'main', 'open', 1);
    expect(bottom.box.bottom).toBeCloseTo(bottom.clientHeight, 0);
    await page.close();
  });

  it('keeps clear of a fixed "back to top" button in its corner, also one that shows once the page is scrolled', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>Đoạn ${i + 1}: Sở Khoa học và Công nghệ hướng dẫn các hợp tác xã đăng ký bảo hộ nhãn hiệu tập thể cho nông sản.</p>`).join('');
    await session.context.route('https://corner.gov.vn/**', (route) =>
      route.fulfill({
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Nút lên đầu trang</title><style>
          body { margin: 0 auto; max-width: 760px; font: 16px Arial, sans-serif; }
          #top { position: fixed; right: 16px; bottom: 16px; width: 40px; height: 40px; background: #c00; color: #fff; text-align: center; line-height: 40px; }
          #top[hidden] { display: none; }
        </style></head><body><main><h1>Tin tức</h1>${paragraphs}</main><a id="top" href="#" hidden aria-label="Lên đầu trang">↑</a>
        <script>addEventListener('scroll', () => { document.getElementById('top').hidden = scrollY < 300; });</script></body></html>`,
      }),
    );
    const page = await session.open('https://corner.gov.vn/tin-tuc.html');
    const before = await settled(page, 'main', 'open', 1);
    expect(before.box.bottom).toBeCloseTo(before.clientHeight, 0);
    await page.evaluate(() => scrollTo(0, 800));
    const button = await until(
      () => page.evaluate(() => document.getElementById('top')!.getBoundingClientRect().toJSON() as DOMRect),
      (r) => r.height > 0,
      5000,
      'the button shown',
    );
    const clear = await until(() => layoutOf(page, 'main'), (l) => l.box.bottom <= button.top, 5000, 'the toolbar above the button');
    expect(clear.box.top).toBeGreaterThanOrEqual(0);
    // The reader's click lands on the page's button, not on the toolbar.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, { x: button.left + button.width / 2, y: button.top + button.height / 2 });
    expect(hit).toBe('top');
    // Back at the top the button goes, and the toolbar returns to its corner.
    await page.evaluate(() => scrollTo(0, 0));
    await until(() => layoutOf(page, 'main'), (l) => Math.abs(l.box.bottom - l.clientHeight) < 1, 5000, 'back in its corner');
    await page.close();
  });
});

describe.runIf(runs('chromium'))('the settings file, in the popup', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  /** Every settings item stored, in both storage areas. */
  const stored = () =>
    session.worker.evaluate(async () => {
      const mine = (items: Record<string, unknown>) => Object.fromEntries(Object.entries(items).filter(([key]) => key === 'settings' || key.startsWith('site:')));
      return { sync: mine(await chrome.storage.sync.get(null)), local: mine(await chrome.storage.local.get(null)) };
    });
  const choose = (popup: Page, name: string, text: string) =>
    popup.locator('input[type="file"]').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/plain', buffer: Buffer.from(text) });
  const message = (popup: Page) => popup.locator('p[role="status"]').textContent();

  it('export, reset everything, import: exactly the same settings again', async () => {
    await session.worker.evaluate(() =>
      chrome.storage.sync.set({
        settings: {
          version: 1,
          site: { textScale: 1.75, textSpacing: true, readingWidth: false, leftAlign: true, font: 'sans', contrast: true, theme: 'soft' },
          reading: { rate: 1.3, pitch: 0.9, volume: 0.8, voices: { vi: 'Vietnamese (Northern) espeak-ng' }, captions: false },
          toolbar: { show: true, collapsed: true, corner: 'top-left' },
        },
        'site:mic.gov.vn': { textScale: 2.5, textSpacing: false, readingWidth: true, leftAlign: false, font: 'page', contrast: true, theme: 'yellow-on-black' },
      }),
    );
    const before = await stored();
    const popup = await session.openPopup();
    await popup.locator('h1').waitFor();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export settings' }).click()]);
    expect(download.suggestedFilename()).toBe('de-doc-settings.json');
    const text = readFileSync(await download.path(), 'utf8');
    await popup.getByRole('button', { name: 'Reset everything' }).click();
    await until(stored, (s) => !Object.keys(s.sync).length && !Object.keys(s.local).length, 5000, 'everything reset');
    await choose(popup, 'de-doc-settings.json', text);
    await until(() => message(popup), (m) => m === 'Settings imported from “de-doc-settings.json”.', 5000, 'imported');
    expect(await stored()).toEqual(before);
    await popup.close();
  });

  it('a file that is not a settings file changes nothing and says so; invalid values are named and not used', async () => {
    const popup = await session.openPopup();
    await popup.locator('h1').waitFor();
    const before = await stored();
    expect(Object.keys(before.sync)).toContain('settings');

    await choose(popup, 'notes.txt', 'Ghi chú: đây không phải tệp cài đặt {');
    await until(() => message(popup), (m) => m === '“notes.txt” is not an Easy Read settings file: it is not JSON. Nothing was changed.', 5000, 'not JSON');
    expect(await stored()).toEqual(before);

    await choose(popup, 'playlist.json', JSON.stringify({ name: 'playlist', items: [1, 2, 3] }));
    await until(() => message(popup), (m) => m === '“playlist.json” is JSON, but not an Easy Read settings file. Nothing was changed.', 5000, 'not settings');
    expect(await stored()).toEqual(before);

    const partly = {
      format: 'de-doc-settings',
      version: 1,
      settings: { site: { textScale: 9, contrast: false, theme: 'purple' }, reading: { rate: 'fast', pitch: 1.5 } },
      sites: { 'mic.gov.vn': { textScale: 2, font: 'comic' }, 'not a host!': {} },
    };
    await choose(popup, 'old-settings.json', JSON.stringify(partly));
    const prefix = 'Settings imported from “old-settings.json”, except these values, which are not valid and were not used: ';
    const said = await until(() => message(popup), (m) => !!m?.startsWith(prefix), 5000, 'imported in part');
    expect(said!.slice(prefix.length).split(', ').sort()).toEqual(
      ['settings.reading.rate', 'settings.site.textScale', 'settings.site.theme', 'sites.mic.gov.vn.font', 'sites.not a host!'].sort(),
    );
    const after = await stored();
    const settings = after.sync.settings as { site: Record<string, unknown>; reading: Record<string, unknown> };
    // Valid values are used; invalid ones are the defaults, not what was stored before.
    expect(settings.site).toMatchObject({ textScale: 1, contrast: false, theme: 'black-on-white' });
    expect(settings.reading).toMatchObject({ rate: 1, pitch: 1.5 });
    expect(after.sync['site:mic.gov.vn']).toMatchObject({ textScale: 2, font: 'page' });
    expect(Object.keys(after.sync).sort()).toEqual(['settings', 'site:mic.gov.vn']);
    await popup.close();
  });
});

describe.runIf(runs('chromium'))('the glyphs on the buttons', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  /** The glyphs of the buttons (the toolbar's too) that no font of this machine draws: each would show as an empty box. */
  const undrawn = (page: Page) =>
    page.evaluate(() => {
      const toolbar = document.querySelector('dede-toolbar')?.shadowRoot;
      const glyphs = [...document.querySelectorAll<HTMLElement>('.glyph'), ...(toolbar ? toolbar.querySelectorAll<HTMLElement>('.glyph') : [])];
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 64;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const draw = (text: string, font: string) => {
        ctx.clearRect(0, 0, 64, 64);
        ctx.font = font;
        ctx.fillText(text, 8, 48);
        return ctx.getImageData(0, 0, 64, 64).data.join();
      };
      const missing = new Set<string>();
      for (const glyph of glyphs) {
        const font = `40px ${getComputedStyle(glyph, '::before').fontFamily}`;
        // A code point no font has: the box drawn for a missing glyph.
        const box = draw('\u{10FFFD}', font);
        for (const char of glyph.dataset.glyph ?? '') if (char.trim() && draw(char, font) === box) missing.add(char);
      }
      return { glyphs: glyphs.length, missing: [...missing] };
    });

  it('every glyph of the popup and the in-page toolbar is drawn by a font of the machine', async () => {
    const page = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    const onPage = await undrawn(page);
    const popup = await session.openPopup(page);
    await popup.getByRole('button', { name: /next sentence|câu sau/i }).waitFor();
    const inPopup = await undrawn(popup);
    expect(onPage.glyphs).toBeGreaterThan(5);
    expect(inPopup.glyphs).toBeGreaterThan(5);
    expect(onPage.missing, 'toolbar').toEqual([]);
    expect(inPopup.missing, 'popup').toEqual([]);
    await popup.close();
    await page.close();
  });
});
