/**
 * Browser differences, each in one place.
 */
import type { SpeechEngine } from '@/features/read-aloud/engine';
import { createTtsClient } from '@/features/read-aloud/tts-client';
import { createWebSpeechEngine } from '@/features/read-aloud/web-speech';

/** Chrome and Edge have `chrome.tts` in the background; Firefox reads with the Web Speech API. */
export const HAS_BACKGROUND_TTS = import.meta.env.BROWSER !== 'firefox';

/**
 * The speech engine a content script reads with. In Chrome the background's `chrome.tts`: it
 * needs no user activation (so the popup, shortcuts and the context menu can start reading) and
 * the page cannot cancel it. Elsewhere the Web Speech API of the content script.
 */
export async function speechEngine(): Promise<SpeechEngine | null> {
  return HAS_BACKGROUND_TTS ? createTtsClient() : createWebSpeechEngine(window);
}
