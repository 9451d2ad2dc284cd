/**
 * Messages carry commands and reading state, never settings (settings travel through storage).
 */
export type ReadFrom = 'start' | 'selection' | 'context-target';

/** Sent to a tab's content script by the popup and the background. */
export type TabCommand =
  | { type: 'read'; from: ReadFrom }
  | { type: 'toggle-read' }
  /** The next click on the page picks the paragraph to start reading from. */
  | { type: 'choose-start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'get-reading-state' };

export type ReadingStatus = 'idle' | 'playing' | 'paused';

export interface ReadingState {
  status: ReadingStatus;
  /** The sentence being read, as shown on the page. */
  sentence: string;
  /** Blocks (title, paragraphs…) done and in all. */
  block: number;
  blocks: number;
  /** A message for the reader (no article, no voice, an error), as a locale message key. */
  notice: 'noArticle' | 'noVoice' | 'speechError' | 'chooseStartHint' | null;
}

export const IDLE_STATE: ReadingState = { status: 'idle', sentence: '', block: 0, blocks: 0, notice: null };

/** Broadcast by a content script whenever its reading state changes. */
export interface ReadingStateMessage {
  type: 'reading-state';
  state: ReadingState;
}

/**
 * Sent to the background. By the toolbar: open the settings for this tab. By the popup: run Dễ Đọc
 * on a site the reader has just granted.
 */
export type BackgroundRequest = { type: 'open-settings' } | { type: 'enable-site'; tabId: number; host: string };

export function isTabCommand(value: unknown): value is TabCommand {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (
    type === 'read' ||
    type === 'toggle-read' ||
    type === 'choose-start' ||
    type === 'pause' ||
    type === 'resume' ||
    type === 'stop' ||
    type === 'next' ||
    type === 'previous' ||
    type === 'get-reading-state'
  );
}

/** Sent by the background to a tab's top frame: does a live page-start script run there? */
export interface PageScriptQuery {
  type: 'page-script-running';
}

export function isPageScriptQuery(value: unknown): value is PageScriptQuery {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'page-script-running';
}

/** The port over which a content script reads with the background's speech engine. */
export const TTS_PORT = 'dede-tts';

export type TtsRequest =
  | { type: 'speak'; id: number; utterance: { text: string; lang: string; voiceName?: string; rate: number; pitch: number; volume: number } }
  | { type: 'stop' }
  /** The voices for these languages (primary subtags), or all. */
  | { type: 'voices'; langs?: string[] }
  /** A reading is likely soon: load the built-in voice if it may be needed. */
  | { type: 'prepare' };

export type TtsEvent =
  | { type: 'event'; id: number; event: 'start' | 'end' | 'error' | 'word'; charIndex?: number; error?: string }
  | { type: 'voices'; voices: { name: string; lang: string }[] };
