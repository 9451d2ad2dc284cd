/**
 * Pages pay only for what a reader turned on (issues #4, #7): the page-start script (text size,
 * contrast) is registered for, and runs in, only the sites whose settings change the page;
 * turning something on reaches open tabs at once. With nothing on, nothing at all is registered
 * (the reader comes from the background once a page has loaded: page-load.e2e.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchSession, pageScriptRuns, registeredIds, type DriverSession } from './browsers';
import { until } from './harness';
import { paragraphStyleInPage } from './paragraph-style';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const OTHER = 'https://www.gov.uk/government/news/new-digital-skills-centres-to-help-50000-adults-get-online.html';
const FIRST_PARAGRAPH = 'Trong không khí thi đua sôi nổi';

/** The registered page-start script: its match patterns, or null. */
const registered = (session: DriverSession) =>
  session.ext(async (api) => {
    const scripts = await api.scripting.getRegisteredContentScripts();
    const page = scripts.find((s) => s.id === 'dede-page');
    return page ? { matches: page.matches ?? [], excludeMatches: page.excludeMatches ?? [] } : null;
  });

describe.each(BROWSERS)('registration in %s: scripts only where something is on', (browser) => {
  let session: DriverSession;

  beforeAll(async () => {
    session = await launchSession(browser);
  });
  afterAll(async () => session?.close());

  it('with nothing on, nothing is registered, a page runs no page-start script and still gets its toolbar', async () => {
    expect(await registeredIds(session)).toEqual([]);
    const page = await session.open(SEED);
    await page.waitForToolbar();
    expect(await pageScriptRuns(session, page)).toBe(false);
    await page.close();
  });

  it('turning text size on reaches the open tab at once, and later pages of every site get it', async () => {
    const page = await session.open(SEED);
    await page.waitForToolbar();
    const before = await page.evaluate(paragraphStyleInPage, FIRST_PARAGRAPH);
    await page.toolbarClick('Increase text size');
    await until(() => page.evaluate(paragraphStyleInPage, FIRST_PARAGRAPH), (s) => s.fontSize >= before.fontSize * 1.09, 5000, 'bigger text in the open tab');
    expect(await pageScriptRuns(session, page)).toBe(true);
    const patterns = await until(() => registered(session), (r) => !!r?.matches.includes('*://*.gov.vn/*'), 5000, 'registered');
    expect(patterns!.matches).toEqual(expect.arrayContaining(['*://*.gov.vn/*', '*://*.gov.uk/*']));
    const other = await session.open(OTHER);
    expect(await until(() => pageScriptRuns(session, other), Boolean, 5000, 'page-start script on another site')).toBe(true);
    await Promise.all([page.close(), other.close()]);
  });

  it('a site whose own settings change nothing is left out while the others keep it', async () => {
    await session.ext((api) => api.storage.sync.set({ 'site:gov.uk': { textScale: 1, contrast: false } }));
    const patterns = await until(() => registered(session), (r) => !!r?.excludeMatches.includes('*://www.gov.uk/*'), 5000, 'gov.uk left out');
    expect(patterns!.matches).toContain('*://*.gov.vn/*');
    const other = await session.open(OTHER);
    await other.waitForToolbar();
    expect(await pageScriptRuns(session, other)).toBe(false);
    const seed = await session.open(SEED);
    expect(await until(() => pageScriptRuns(session, seed), Boolean, 5000, 'page-start script on the seed site')).toBe(true);
    await Promise.all([other.close(), seed.close()]);
  });

  it('turning everything off again leaves nothing registered', async () => {
    await session.ext((api) => api.storage.sync.remove(['settings', 'site:gov.uk']));
    await until(() => registeredIds(session), (ids) => ids.length === 0, 5000, 'nothing registered');
    expect(session.pageErrors).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
  });
});
