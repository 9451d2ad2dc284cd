/**
 * The background half of the background speech engine: speaks for content scripts connected over
 * TTS_PORT, with `chrome.tts` when the system has a voice for the language (or the reader chose
 * one), else with Dễ Đọc's built-in voice (eSpeak NG in an offscreen document). Each port owns
 * what it started; a port that goes away stops its speech.
 */
import { browser, type Browser } from 'wxt/browser';
import { TTS_PORT, type TtsEvent, type TtsRequest } from '@/lib/messages';
import { createBuiltinVoice, type BuiltinVoiceHandle } from './builtin/offscreen-client';
import { BUILTIN_VOICES, builtinVoiceFor, builtinVoiceNamed, type BuiltinVoice } from './builtin/voices';
import { primaryLanguage } from './voices';

type Tts = typeof chrome.tts;
const VOICES_WAIT_MS = 8000;
/**
 * With built-in voices to fall back on, a reading waits only for the system's first answer, and
 * not longer than this: system voices that appear later (speech-dispatcher lists them ~1.6 s after
 * the browser starts) are used from the next reading on.
 */
const VOICES_GRACE_MS = 150;
const SETTLED_KEY = 'dede-system-voices-settled';
/**
 * A system's voice list (speech-dispatcher: ~13,000 voices) takes a while to fetch: reuse it for a
 * minute, so a voice installed meanwhile still shows up soon.
 */
const VOICES_FRESH_MS = 60_000;

/**
 * Voices appear some seconds after the browser starts: wait for them, but not for ever.
 * `answered` is called after each answer of the system.
 */
async function loadVoices(tts: Tts, answered?: () => void): Promise<chrome.tts.TtsVoice[]> {
  const deadline = Date.now() + VOICES_WAIT_MS;
  for (;;) {
    const voices = await tts.getVoices();
    answered?.();
    if (voices.length || Date.now() > deadline) return voices;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function builtinHandle(): BuiltinVoiceHandle | null {
  if (typeof chrome === 'undefined' || !chrome.offscreen?.createDocument) return null;
  return createBuiltinVoice(chrome.runtime, chrome.offscreen);
}

export function serveTts(tts: Tts, builtin: BuiltinVoiceHandle | null = builtinHandle()) {
  let owner: Browser.runtime.Port | null = null;
  /** Which engine the owner's sentence is playing on. */
  let active: 'system' | 'builtin' | null = null;
  let system: chrome.tts.TtsVoice[] = [];
  let fetchedAt = 0;
  let settled = false;

  // Ask early, so the voice list is ready by the time a reader presses Read aloud.
  let answered!: () => void;
  const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
  void loadVoices(tts, answered).then((voices) => {
    system = voices;
    fetchedAt = Date.now();
    settled = true;
    void chrome.storage?.session?.set({ [SETTLED_KEY]: true }).catch(() => undefined);
  });
  const settledBefore: Promise<boolean> = chrome.storage?.session
    ? chrome.storage.session.get(SETTLED_KEY).then((r) => r[SETTLED_KEY] === true, () => false)
    : Promise.resolve(false);

  async function systemVoices(): Promise<chrome.tts.TtsVoice[]> {
    if (!builtin) return loadVoices(tts).then((v) => (system = v));
    if (!settled && !(await settledBefore)) await Promise.race([firstAnswer, delay(VOICES_GRACE_MS)]);
    if (system.length && Date.now() - fetchedAt < VOICES_FRESH_MS) return system;
    system = await tts.getVoices();
    fetchedAt = Date.now();
    return system;
  }

  const hasSystemVoice = (lang: string) => system.some((v) => v.voiceName && primaryLanguage(v.lang ?? '') === primaryLanguage(lang));

  /** Loads the built-in voice when the system lacks a voice for Vietnamese or English. */
  const warmBuiltin = () => {
    if (builtin && (!hasSystemVoice('vi') || !hasSystemVoice('en'))) builtin.warm();
  };

  /** The built-in voice for an utterance, or undefined to speak with `chrome.tts`. */
  function builtinFor(utterance: { lang: string; voiceName?: string }): BuiltinVoice | undefined {
    if (!builtin) return undefined;
    const named = builtinVoiceNamed(utterance.voiceName);
    if (named) return named;
    if (utterance.voiceName && system.some((v) => v.voiceName === utterance.voiceName)) return undefined;
    if (hasSystemVoice(utterance.lang)) return undefined;
    return builtinVoiceFor(utterance.lang);
  }

  function stopAll() {
    if (active === 'system') tts.stop();
    else if (active === 'builtin') builtin?.stop();
    active = null;
  }

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
      if (request.type === 'prepare') {
        // Only once the system's voices are known: a system voice may make the built-in one unneeded.
        if (fetchedAt) warmBuiltin();
        else void systemVoices().then(warmBuiltin);
      } else if (request.type === 'voices') {
        const timeline = (globalThis as { dedeBuiltinTimeline?: Record<string, number> }).dedeBuiltinTimeline;
        if (timeline) timeline.voices ??= performance.now();
        // The built-in voice will likely read: load it while the player picks a voice.
        warmBuiltin();
        void systemVoices().then((voices) => {
          if (timeline) timeline.voicesReplied ??= performance.now();
          warmBuiltin();
          // Only the languages asked for: a system may list thousands of voices.
          const wanted = (lang: string) => !request.langs || request.langs.includes(primaryLanguage(lang));
          post({
            type: 'voices',
            voices: [
              ...voices.filter((v) => v.voiceName && wanted(v.lang ?? '')).map((v) => ({ name: v.voiceName!, lang: v.lang ?? '' })),
              ...(builtin ? BUILTIN_VOICES.filter((v) => wanted(v.lang)).map(({ name, lang }) => ({ name, lang })) : []),
            ],
          });
        });
      } else if (request.type === 'stop') {
        if (owner === port) stopAll();
      } else if (request.type === 'speak') {
        const { id, utterance } = request;
        // An empty utterance would never end and would block speech everywhere.
        if (!utterance.text.trim()) return post({ type: 'event', id, event: 'end' });
        if (owner && owner !== port) stopAll();
        owner = port;
        const voice = builtinFor(utterance);
        if (voice && builtin) {
          if (active === 'system') tts.stop();
          active = 'builtin';
          builtin.speak(voice, { text: utterance.text, rate: utterance.rate, pitch: utterance.pitch, volume: utterance.volume }, (event, error) => {
            if (event === 'error') post({ type: 'event', id, event: 'error', error: error ?? 'error' });
            else post({ type: 'event', id, event });
          });
          return;
        }
        if (active === 'builtin') builtin?.stop();
        active = 'system';
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
        stopAll();
      }
    });
  });
}
