import type { EngineVoice, SpeechEngine, Utterance, UtteranceEvents } from './engine';
import { primaryLanguage } from './voices';

/**
 * How long the first list of voices may take. Firefox asks the system (speech-dispatcher on Linux)
 * only when a page first touches `speechSynthesis`: it listed none for 2.5–4.5 s on a two-core
 * machine (espeak-ng has ~13k voices), then added them in batches; `voiceschanged` is not a
 * reliable end. A list unchanged for VOICES_SETTLED_MS is taken as complete.
 */
const FIRST_VOICES_MS = 6000;
const VOICES_SETTLED_MS = 300;

/**
 * The Web Speech API of the window it is given (the content script's own view of the page, so a
 * page that replaces `window.speechSynthesis` in its own world does not affect it).
 */
export function createWebSpeechEngine(view: Window & typeof globalThis): SpeechEngine | null {
  const synth = view.speechSynthesis;
  const Utter = view.SpeechSynthesisUtterance;
  if (!synth || typeof Utter !== 'function') return null;
  let current: SpeechSynthesisUtterance | null = null;
  let cachedVoices: SpeechSynthesisVoice[] = [];

  let settled = false;
  const sleep = (ms: number) => new Promise((resolve) => view.setTimeout(resolve, ms));

  async function loadVoices(): Promise<SpeechSynthesisVoice[]> {
    let voices = synth.getVoices();
    const deadline = Date.now() + FIRST_VOICES_MS;
    while (!settled && Date.now() < deadline) {
      await sleep(voices.length ? VOICES_SETTLED_MS : 250);
      const next = synth.getVoices();
      settled = voices.length > 0 && next.length === voices.length;
      voices = next;
    }
    return (cachedVoices = voices);
  }

  /** One listing at a time: a reading and a `prepare` that overlap wait for the same list. */
  let listing: Promise<SpeechSynthesisVoice[]> | null = null;
  const listVoices = () => (listing ??= loadVoices().finally(() => (listing = null)));

  return {
    speak(u: Utterance, events: UtteranceEvents) {
      this.stop();
      const utterance = new Utter(u.text);
      utterance.lang = u.lang;
      utterance.rate = u.rate;
      utterance.pitch = u.pitch;
      utterance.volume = u.volume;
      const voice = cachedVoices.find((v) => v.name === u.voiceName);
      if (voice) utterance.voice = voice;
      const live = () => current === utterance;
      utterance.onstart = () => live() && events.onStart();
      utterance.onend = () => {
        if (!live()) return;
        current = null;
        events.onEnd();
      };
      utterance.onerror = (e) => {
        if (!live()) return;
        current = null;
        events.onError(e.error);
      };
      utterance.onboundary = (e) => {
        if (live() && e.name === 'word') events.onBoundary?.(e.charIndex);
      };
      current = utterance;
      synth.speak(utterance);
    },
    stop() {
      current = null;
      if (synth.speaking || synth.pending) synth.cancel();
    },
    prepare() {
      // Firefox asks the system for its voices only when a page first touches speechSynthesis.
      if (!settled) void listVoices();
    },
    async voices(langs?: string[]): Promise<EngineVoice[]> {
      return (await listVoices())
        .filter((v) => !langs || langs.includes(primaryLanguage(v.lang)))
        .map((v) => ({ name: v.name, lang: v.lang }));
    },
  };
}
