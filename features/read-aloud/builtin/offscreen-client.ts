/**
 * The background's handle on the built-in voice (Chrome): opens the offscreen document on first
 * use (Chrome closes it again after 30 s without sound) and relays sentences and events.
 */
import { BUILTIN_PORT, type BuiltinEvent, type BuiltinRequest, type PlaybackStats } from './protocol';
import type { BuiltinVoice } from './voices';

const DOCUMENT = 'offscreen.html';

export interface BuiltinUtterance {
  text: string;
  rate: number;
  pitch: number;
  volume: number;
}

export type BuiltinListener = (event: 'start' | 'end' | 'error', error?: string) => void;

/** The last sentences' playback figures, for tests and benchmarks (`globalThis.dedeBuiltinStats`). */
const lastStats: PlaybackStats[] = [];
/** When (service-worker clock, ms) the document was asked for and was ready, for benchmarks. */
const timeline: Record<string, number> = {};
(globalThis as { dedeBuiltinTimeline?: Record<string, number> }).dedeBuiltinTimeline = timeline;
(globalThis as { dedeBuiltinStats?: PlaybackStats[] }).dedeBuiltinStats = lastStats;

export function createBuiltinVoice(runtime: typeof chrome.runtime, offscreen: typeof chrome.offscreen) {
  let port: chrome.runtime.Port | null = null;
  let ready: Promise<chrome.runtime.Port> | null = null;
  let resolveReady: ((p: chrome.runtime.Port) => void) | null = null;
  let nextId = 1;
  let current: { id: number; listener: BuiltinListener } | null = null;

  runtime.onConnect.addListener((p) => {
    if (p.name !== BUILTIN_PORT) return;
    port = p;
    p.onMessage.addListener((message: BuiltinEvent) => {
      if (message.type === 'ready') {
        timeline.ready = performance.now();
        resolveReady?.(p);
        resolveReady = null;
        return;
      }
      if (message.stats) lastStats.push(message.stats);
      if (lastStats.length > 50) lastStats.shift();
      if (message.event === 'start') timeline.firstStart ??= performance.now();
      if (!current || message.id !== current.id) return;
      const { listener } = current;
      if (message.event !== 'start') current = null;
      listener(message.event, message.error);
    });
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = null;
      ready = null;
      const stopped = current;
      current = null;
      stopped?.listener('error', 'interrupted');
    });
  });

  async function open(): Promise<chrome.runtime.Port> {
    if (port) return port;
    timeline.open ??= performance.now();
    ready ??= new Promise<chrome.runtime.Port>((resolve, reject) => {
      resolveReady = resolve;
      offscreen
        .createDocument({
          url: DOCUMENT,
          reasons: [chrome.offscreen.Reason.AUDIO_PLAYBACK],
          justification: 'Reads the page aloud with the built-in voice.',
        })
        .catch(async (error: unknown) => {
          // Already open (a previous service worker opened it): ask it to connect again.
          if (!String((error as Error)?.message ?? error).includes('single offscreen')) {
            ready = null;
            return reject(error);
          }
          await offscreen.closeDocument().catch(() => undefined);
          ready = null;
          open().then(resolve, reject);
        });
    });
    return ready;
  }

  const send = (p: chrome.runtime.Port, request: BuiltinRequest) => {
    try {
      p.postMessage(request);
    } catch {
      /* the document went away; its disconnect reports the error */
    }
  };

  return {
    /** Loads the engine ahead of the first sentence. */
    warm() {
      timeline.warm ??= performance.now();
      void open().catch(() => undefined);
    },
    speak(voice: BuiltinVoice, utterance: BuiltinUtterance, listener: BuiltinListener) {
      const id = nextId++;
      current = { id, listener };
      timeline.firstSpeak ??= performance.now();
      open().then(
        (p) => {
          if (current?.id === id) send(p, { type: 'speak', id, voice: voice.espeak, ...utterance });
        },
        (error: unknown) => {
          if (current?.id !== id) return;
          current = null;
          listener('error', String((error as Error)?.message ?? error));
        },
      );
    },
    stop() {
      current = null;
      if (port) send(port, { type: 'stop' });
    },
  };
}

export type BuiltinVoiceHandle = ReturnType<typeof createBuiltinVoice>;
