/**
 * The controls themselves are accessible: axe-core on the popup and the toolbar in both
 * languages, every theme and two text sizes; keyboard-only operation; and a page whose CSS
 * attacks everything does not change the toolbar.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { THEMES } from '@/lib/settings/schema';
import { launch, ROOT, toolbarButton, until, type Session } from './harness';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const STRESS = 'https://stress.gov.vn/';
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page, include?: string) {
  // Evaluated rather than added as a script tag, so the extension pages' CSP does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
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
const focusedName = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

async function setSite(session: Session, patch: object) {
  await session.worker.evaluate(async (p) => {
    const { settings } = await chrome.storage.sync.get('settings');
    const current = (settings ?? {}) as { site?: object };
    await chrome.storage.sync.set({ settings: { ...current, site: { ...(current.site ?? {}), ...p } } });
  }, patch);
}

for (const locale of ['en', 'vi'] as const) {
  describe(`controls are accessible (${locale})`, () => {
    let session: Session;
    beforeAll(async () => {
      session = await launch({ locale });
    });
    afterAll(async () => session?.close());

    it('axe finds no WCAG 2.2 A/AA violation in the toolbar or the popup, in every theme, at 100 % and 200 %', async () => {
      const page = await session.open(SEED);
      await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
      const popup = await session.openPopup(page);
      await popup.locator('h1').waitFor();
      const problems: string[] = [];
      for (const textScale of [1, 2]) {
        for (const theme of ['off', ...THEMES]) {
          await setSite(session, theme === 'off' ? { textScale, contrast: false } : { textScale, contrast: true, theme });
          await page.waitForTimeout(150);
          for (const v of await axe(page, 'dede-toolbar')) problems.push(`toolbar ${theme} ${textScale}: ${v}`);
        }
        for (const v of await axe(popup)) problems.push(`popup ${textScale}: ${v}`);
      }
      expect(problems).toEqual([]);
      const expected = locale === 'vi' ? 'Tăng cỡ chữ' : 'Increase text size';
      await expect(toolbarButton(page, expected).count()).resolves.toBe(1);
      await setSite(session, { textScale: 1, contrast: false });
      await Promise.all([page.close(), popup.close()]);
    });
  });
}

describe('keyboard and hostile page CSS', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => session?.close());

  it('Tab and Shift+Tab reach every toolbar control in order; Enter, Space and Escape work', async () => {
    const page = await session.open(SEED);
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    await toolbarButton(page, 'Decrease text size').focus();
    const order = [await focusedName(page)];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedName(page));
    }
    expect(order).toEqual(['Decrease text size', 'Reset text size', 'Increase text size', 'High contrast', 'Read aloud', 'Pause', 'Stop reading', 'Choose where to start reading', 'Easy Read settings', 'Hide toolbar']);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Easy Read settings');
    await toolbarButton(page, 'Increase text size').focus();
    await page.keyboard.press('Enter');
    await until(() => page.locator('dede-toolbar .size').textContent(), (t) => t === '110%', 3000, 'Enter enlarges');
    // Screen readers hear the change, politely.
    await expect(page.locator('dede-toolbar [role="status"][aria-live="polite"]').textContent()).resolves.toBe('Text size 110%');
    await toolbarButton(page, 'High contrast').focus();
    await page.keyboard.press('Space');
    await until(() => toolbarButton(page, 'High contrast').getAttribute('aria-pressed'), (v) => v === 'true', 3000, 'Space toggles');
    expect(await focusedName(page)).toBe('High contrast');
    await page.keyboard.press('Escape');
    await until(() => focusedName(page), (n) => n === 'Show Easy Read toolbar', 3000, 'collapsed, focus kept');
    await page.keyboard.press('Enter');
    await until(() => focusedName(page), (n) => n === 'Decrease text size', 3000, 'expanded, focus kept');
    await setSite(session, { textScale: 1, contrast: false });
    await page.close();
  });

  it('every popup control is reachable by Tab, in order, without a trap', async () => {
    const popup = await session.openPopup();
    await popup.locator('h1').waitFor();
    // A radio group is one Tab stop.
    const focusable = await popup.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLInputElement>('button, input, select, a[href]')];
      const groups = new Set(controls.filter((c) => c.type === 'radio').map((c) => c.name));
      return controls.filter((c) => c.type !== 'radio').length + groups.size;
    });
    const seen: string[] = [];
    for (let i = 0; i < focusable + 2; i++) {
      await popup.keyboard.press('Tab');
      seen.push(await popup.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.id ?? ''}:${[...document.querySelectorAll('*')].indexOf(el)}` : 'none';
      }));
    }
    const distinct = new Set(seen.filter((s) => !s.startsWith('BODY')));
    expect(distinct.size).toBe(focusable);
    await popup.close();
  });

  it('a page whose CSS attacks every element does not change the toolbar', async () => {
    const plain = await session.open(SEED);
    const hostile = await session.open(STRESS);
    const look = async (page: Page) => {
      await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
      const box = await page.locator('dede-toolbar').getByRole('toolbar').boundingBox();
      const shot = await toolbarButton(page, 'Increase text size').screenshot();
      return { box, shot };
    };
    const a = await look(plain);
    const b = await look(hostile);
    expect(b.box).toEqual(a.box);
    expect(Buffer.compare(a.shot, b.shot)).toBe(0);
    await toolbarButton(hostile, 'Increase text size').click();
    await until(() => hostile.locator('dede-toolbar .size').textContent(), (t) => t === '110%', 3000, 'works on hostile page');
    await setSite(session, { textScale: 1 });
    await Promise.all([plain.close(), hostile.close()]);
  });
});
