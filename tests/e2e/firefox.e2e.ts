/**
 * Issue #10: what only Firefox needs checking. The shared specs (foundation, text size, contrast,
 * read aloud, controls, hostile pages) run in Firefox too, through ./browsers.ts; this file holds
 * what has no Chromium counterpart:
 * - Firefox lists its voices only when a page first touches `speechSynthesis`, which takes seconds:
 *   the first "Read aloud" of a fresh Firefox must wait for them instead of saying there is none;
 * - Firefox's speech library may auto-spawn a speech-dispatcher of its own: none may be left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpeechDaemon, until, type SpeechDaemon } from './harness';
import { launchFirefox, toolbarButton, type FirefoxSession } from './firefox-harness';
import { runs } from './browsers';

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const TITLE = 'Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở';

describe.runIf(runs('firefox'))('issue #10: the first "Read aloud" of a fresh Firefox', () => {
  let session: FirefoxSession;
  let speech: SpeechDaemon;

  beforeAll(async () => {
    speech = startSpeechDaemon();
    // No warm-up: Firefox has not listed its voices yet, as when a reader has just started it.
    session = await launchFirefox({ speech, warmVoices: false });
    console.log(`[firefox] launched and add-on installed in ${session.launchMs} ms`);
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

  it('spawned no speech-dispatcher of its own, made no request outside the fixtures and threw no page errors', () => {
    expect(session.strayDaemons()).toEqual([]);
    expect(session.unexpectedRequests).toEqual([]);
    expect(session.pageErrors, session.pageErrors.join('\n')).toEqual([]);
  });
});
