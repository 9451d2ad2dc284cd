import type { EngineVoice, SpeechEngine, Utterance, UtteranceEvents } from './engine';
import { primaryLanguage } from './voices';

const VOICES_TIMEOUT_MS = 3000;

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

  function loadVoices(): Promise<SpeechSynthesisVoice[]> {
    const now = synth.getVoices();
    if (now.length) return Promise.resolve((cachedVoices = now));
    return new Promise((resolve) => {
      const done = () => {
        synth.removeEventListener('voiceschanged', done);
        view.clearTimeout(timer);
        resolve((cachedVoices = synth.getVoices()));
      };
      const timer = view.setTimeout(done, VOICES_TIMEOUT_MS);
      synth.addEventListener('voiceschanged', done);
    });
  }

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
    async voices(langs?: string[]): Promise<EngineVoice[]> {
      return (await loadVoices())
        .filter((v) => !langs || langs.includes(primaryLanguage(v.lang)))
        .map((v) => ({ name: v.name, lang: v.lang }));
    },
  };
}
