/**
 * The controls themselves are accessible, in every browser of `BROWSERS` (Chromium and Firefox
 * ESR, issue #10), with the same checks: axe-core on the toolbar and the popup in every theme and
 * two text sizes, in English and in Vietnamese; keyboard-only operation of the toolbar and the
 * popup; a page whose CSS attacks everything does not change the toolbar.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES } from '@/lib/settings/schema';
import { ROOT, until } from './harness';
import { EXTENSION_DIR } from '../support/chromium.mjs';
import { BROWSERS, launchSession, type DriverPage, type DriverSession } from './browsers';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const STRESS = 'https://stress.gov.vn/';
const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: DriverPage, include?: string) {
  // Evaluated rather than added as a script tag, so the extension pages' CSP does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluateScript(AXE_SOURCE);
  return page.evaluate(
    async ({ include, tags }) => {
      const ax = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await ax.run(include ? { include: [[include]] } : document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    },
    { include, tags: WCAG },
  );
}

/** The accessible name of the focused element, looking into open shadow roots. */
const focusedName = (page: DriverPage) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

async function setSite(session: DriverSession, patch: object) {
  await session.ext(async (api, p) => {
    const { settings } = await api.storage.sync.get('settings');
    const current = (settings ?? {}) as { site?: object };
    await api.storage.sync.set({ settings: { ...current, site: { ...(current.site ?? {}), ...p } } });
  }, patch);
}

/** axe on the toolbar in every theme and the popup, at 100 % and 200 %; its controls named in the UI language. */
async function axeEverywhere(session: DriverSession, increase: string) {
  const page = await session.open(SEED);
  await page.waitForToolbar();
  const popup = await session.openPopup(page);
  await popup.waitFor('h1');
  const problems: string[] = [];
  for (const textScale of [1, 2]) {
    for (const theme of ['off', ...THEMES]) {
      await setSite(session, theme === 'off' ? { textScale, contrast: false } : { textScale, contrast: true, theme });
      await page.wait(150);
      for (const v of await axe(page, 'dede-toolbar')) problems.push(`toolbar ${theme} ${textScale}: ${v}`);
    }
    for (const v of await axe(popup)) problems.push(`popup ${textScale}: ${v}`);
  }
  expect(problems).toEqual([]);
  await expect(page.toolbarCount(increase)).resolves.toBe(1);
  await expect(popup.countRole('button', increase)).resolves.toBe(1);
  await setSite(session, { textScale: 1, contrast: false });
  await Promise.all([page.close(), popup.close()]);
}

describe.each(BROWSERS)('controls in %s with a Vietnamese UI', (browser) => {
  let session: DriverSession;
  beforeAll(async () => {
    session = await launchSession(browser, { locale: 'vi' });
  });
  afterAll(async () => session?.close());

  it('axe finds no WCAG 2.2 A/AA violation in the toolbar or the popup, in every theme, at 100 % and 200 %; the controls speak Vietnamese', async () => {
    await axeEverywhere(session, 'Tăng cỡ chữ');
    await expect(session.ext((api) => api.i18n.getUILanguage())).resolves.toMatch(/^vi/);
    expect(session.pageErrors).toEqual([]);
  });
});

describe.each(BROWSERS)('controls in %s: accessible, by keyboard, unchanged by page CSS', (browser) => {
  let session: DriverSession;
  beforeAll(async () => {
    session = await launchSession(browser);
  });
  afterAll(async () => session?.close());

  it('axe finds no WCAG 2.2 A/AA violation in the toolbar or the popup, in every theme, at 100 % and 200 %', async () => {
    await axeEverywhere(session, 'Increase text size');
  });

  it('the browser gives Dễ Đọc every shortcut it suggests (none is one the browser keeps), and the popup lists them', async () => {
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key?: { default: string } }> };
    const suggested = Object.entries(manifest.commands).flatMap(([name, c]) => (c.suggested_key ? [[name, c.suggested_key.default] as const] : []));
    expect(suggested.length).toBe(4);
    const given = await session.ext((api) => api.commands.getAll());
    const shortcut = (name: string) => (given.find((c) => c.name === name)?.shortcut ?? '').replace(/ Arrow$/, '');
    expect(suggested.map(([name]) => [name, shortcut(name)])).toEqual(suggested);
    const popup = await session.openPopup();
    await popup.waitFor('.keys kbd');
    const listed = await popup.evaluate(() => [...document.querySelectorAll('.keys kbd')].map((k) => k.textContent?.replace(/ Arrow$/, '')));
    expect(listed.sort()).toEqual(suggested.map(([, key]) => key).sort());
    await popup.close();
  });

  it('Tab and Shift+Tab reach every toolbar control in order; Enter, Space and Escape work', async () => {
    const page = await session.open(SEED);
    await page.waitForToolbar();
    await page.toolbarFocus('Decrease text size');
    const order = [await focusedName(page)];
    for (let i = 0; i < 9; i++) {
      await page.press('Tab');
      order.push(await focusedName(page));
    }
    expect(order).toEqual(['Decrease text size', 'Reset text size', 'Increase text size', 'High contrast', 'Read aloud', 'Pause', 'Stop reading', 'Choose where to start reading', 'Easy Read settings', 'Hide toolbar']);
    await page.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Easy Read settings');
    await page.toolbarFocus('Increase text size');
    await page.press('Enter');
    await until(() => page.toolbarText('.size'), (t) => t === '110%', 3000, 'Enter enlarges');
    // Screen readers hear the change, politely.
    await expect(page.toolbarText('[role="status"][aria-live="polite"]')).resolves.toBe('Text size 110%');
    await page.toolbarFocus('High contrast');
    await page.press('Space');
    await until(() => page.toolbarAttribute('High contrast', 'aria-pressed'), (v) => v === 'true', 3000, 'Space toggles');
    expect(await focusedName(page)).toBe('High contrast');
    await page.press('Escape');
    await until(() => focusedName(page), (n) => n === 'Show Easy Read toolbar', 3000, 'collapsed, focus kept');
    await page.press('Enter');
    await until(() => focusedName(page), (n) => n === 'Decrease text size', 3000, 'expanded, focus kept');
    await setSite(session, { textScale: 1, contrast: false });
    await page.close();
  });

  it('every popup control is reachable by Tab, in order, without a trap', async () => {
    const popup = await session.openPopup();
    await popup.waitFor('h1');
    // A radio group is one Tab stop.
    const focusable = await popup.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLInputElement>('button, input, select, a[href]')];
      const groups = new Set(controls.filter((c) => c.type === 'radio').map((c) => c.name));
      return controls.filter((c) => c.type !== 'radio').length + groups.size;
    });
    const seen: string[] = [];
    for (let i = 0; i < focusable + 2; i++) {
      await popup.press('Tab');
      seen.push(
        await popup.evaluate(() => {
          const el = document.activeElement;
          return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.id ?? ''}:${[...document.querySelectorAll('*')].indexOf(el)}` : 'none';
        }),
      );
    }
    const distinct = new Set(seen.filter((s) => !s.startsWith('BODY')));
    expect(distinct.size).toBe(focusable);
    await popup.close();
  });

  it('a page whose CSS attacks every element does not change the toolbar', async () => {
    const plain = await session.open(SEED);
    const hostile = await session.open(STRESS);
    const look = async (page: DriverPage) => {
      await page.waitForToolbar();
      const box = await page.toolbarBox();
      // Measured from the viewport's right edge: a long page has a vertical scrollbar where a short
      // one has none (Firefox's take room; Chromium's headless ones do not), and the toolbar sits
      // at the bottom right of what is left.
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      const shot = await page.toolbarScreenshot('Increase text size');
      return { box: box && { fromRight: viewport - box.x, y: box.y, width: box.width, height: box.height }, shot };
    };
    const a = await look(plain);
    const b = await look(hostile);
    expect(b.box).toEqual(a.box);
    expect(Buffer.compare(a.shot, b.shot)).toBe(0);
    await hostile.toolbarClick('Increase text size');
    await until(() => hostile.toolbarText('.size'), (t) => t === '110%', 3000, 'works on hostile page');
    await setSite(session, { textScale: 1 });
    await Promise.all([plain.close(), hostile.close()]);
  });

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
