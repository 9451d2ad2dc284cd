/**
 * The background half of the `chrome.tts` engine: speaks for content scripts connected over
 * TTS_PORT. Each port owns what it started; a port that goes away stops its speech.
 */
import { browser, type Browser } from 'wxt/browser';
import { TTS_PORT, type TtsEvent, type TtsRequest } from '@/lib/messages';

type Tts = typeof chrome.tts;
const VOICES_WAIT_MS = 8000;

/** Voices appear some seconds after the browser starts: wait for them, but not for ever. */
async function loadVoices(tts: Tts): Promise<chrome.tts.TtsVoice[]> {
  const deadline = Date.now() + VOICES_WAIT_MS;
  for (;;) {
    const voices = await tts.getVoices();
    if (voices.length || Date.now() > deadline) return voices;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function serveTts(tts: Tts) {
  // Ask early, so the voice list is ready by the time a reader presses Read aloud.
  void tts.getVoices();
  let owner: Browser.runtime.Port | null = null;

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TTS_PORT) return;
    const post = (event: TtsEvent) => {
      try {
        port.postMessage(event);
      } catch {
        /* the page went away */
      }
    };
    port.onMessage.addListener((message: unknown) => {
      const request = message as TtsRequest;
      if (request.type === 'voices') {
        void loadVoices(tts).then((voices) =>
          post({ type: 'voices', voices: voices.filter((v) => v.voiceName).map((v) => ({ name: v.voiceName!, lang: v.lang ?? '' })) }),
        );
      } else if (request.type === 'stop') {
        if (owner === port) tts.stop();
      } else if (request.type === 'speak') {
        const { id, utterance } = request;
        // An empty utterance would never end and would block speech everywhere.
        if (!utterance.text.trim()) return post({ type: 'event', id, event: 'end' });
        owner = port;
        tts.speak(utterance.text, {
          lang: utterance.lang,
          ...(utterance.voiceName ? { voiceName: utterance.voiceName } : {}),
          rate: utterance.rate,
          pitch: utterance.pitch,
          volume: utterance.volume,
          onEvent(e) {
            if (e.type === 'start') post({ type: 'event', id, event: 'start' });
            else if (e.type === 'word') post({ type: 'event', id, event: 'word', charIndex: e.charIndex });
            else if (e.type === 'end') post({ type: 'event', id, event: 'end' });
            else if (e.type === 'error') post({ type: 'event', id, event: 'error', error: e.errorMessage ?? 'error' });
            else if (e.type === 'interrupted' || e.type === 'cancelled') post({ type: 'event', id, event: 'error', error: 'interrupted' });
          },
        });
      }
    });
    port.onDisconnect.addListener(() => {
      if (owner === port) {
        owner = null;
        tts.stop();
      }
    });
  });
}
