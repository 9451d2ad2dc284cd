/**
 * The background's speech engine (`chrome.tts`), used from a content script over a port. It needs
 * no user activation in the page, and nothing the page does can stop or hear it.
 */
import { browser } from 'wxt/browser';
import { TTS_PORT, type TtsEvent, type TtsRequest } from '@/lib/messages';
import type { EngineVoice, SpeechEngine, UtteranceEvents } from './engine';

export function createTtsClient(): SpeechEngine {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let nextId = 1;
  let current: { id: number; events: UtteranceEvents } | null = null;
  let voiceWaiters: ((voices: EngineVoice[]) => void)[] = [];

  function connect() {
    if (port) return port;
    const p = browser.runtime.connect({ name: TTS_PORT });
    p.onMessage.addListener((message: unknown) => {
      const m = message as TtsEvent;
      if (m.type === 'voices') {
        const waiters = voiceWaiters;
        voiceWaiters = [];
        for (const w of waiters) w(m.voices);
        return;
      }
      if (!current || m.id !== current.id) return;
      const { events } = current;
      if (m.event === 'start') events.onStart();
      else if (m.event === 'word') events.onBoundary?.(m.charIndex ?? 0);
      else {
        current = null;
        if (m.event === 'end') events.onEnd();
        else events.onError(m.error ?? 'error');
      }
    });
    p.onDisconnect.addListener(() => {
      port = null;
      const stopped = current;
      current = null;
      stopped?.events.onError('disconnected');
      for (const w of voiceWaiters) w([]);
      voiceWaiters = [];
    });
    port = p;
    return p;
  }

  const send = (request: TtsRequest) => connect().postMessage(request);

  return {
    speak(utterance, events) {
      const id = nextId++;
      current = { id, events };
      send({ type: 'speak', id, utterance });
    },
    stop() {
      current = null;
      if (port) send({ type: 'stop' });
    },
    prepare() {
      send({ type: 'prepare' });
    },
    voices(langs) {
      return new Promise((resolve) => {
        voiceWaiters.push(resolve);
        send({ type: 'voices', ...(langs ? { langs } : {}) });
      });
    },
  };
}
