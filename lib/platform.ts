/**
 * Browser differences, each in one place.
 */
import { browser } from 'wxt/browser';
import type { SpeechEngine } from '@/features/read-aloud/engine';
import { createTtsClient } from '@/features/read-aloud/tts-client';
import { createWebSpeechEngine } from '@/features/read-aloud/web-speech';

/** Chrome and Edge have `chrome.tts` in the background; Firefox reads with the Web Speech API. */
export const HAS_BACKGROUND_TTS = import.meta.env.BROWSER !== 'firefox';

type TabUpdateListener = Parameters<typeof browser.tabs.onUpdated.addListener>[0];

/**
 * Listens to tabs' changes of status and URL. Firefox calls the listener only for the properties
 * its filter names, so the background is not called for every title, favicon or sound change;
 * Chrome's event takes no filter (it throws on one) and calls it for every change.
 */
export function onTabStatusOrUrl(listener: TabUpdateListener): void {
  if (import.meta.env.BROWSER !== 'firefox') return browser.tabs.onUpdated.addListener(listener);
  const filtered = browser.tabs.onUpdated as unknown as { addListener(l: TabUpdateListener, filter: { properties: string[] }): void };
  filtered.addListener(listener, { properties: ['status', 'url'] });
}

/**
 * The speech engine a content script reads with. In Chrome the background's `chrome.tts`: it
 * needs no user activation (so the popup, shortcuts and the context menu can start reading) and
 * the page cannot cancel it. Elsewhere the Web Speech API of the content script.
 */
export async function speechEngine(): Promise<SpeechEngine | null> {
  return HAS_BACKGROUND_TTS ? createTtsClient() : createWebSpeechEngine(window);
}
