/**
 * eSpeak NG as a function: text in, 16-bit mono PCM out, chunk by chunk as it is made. Runs
 * wherever the Emscripten module loads (a worker in the extension, Node in tests).
 */
export const SAMPLE_RATE = 22050;

export interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wpm: number): number;
  set_pitch(pitch: number): number;
  synthesize(text: string, callback: (pcm: Int16Array, events: unknown[]) => boolean): void;
}

export interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

export interface SynthOptions {
  /** eSpeak NG voice ("vi", "vi-VN-x-south", "en-us"). */
  voice: string;
  /** As `chrome.tts`: 1 is normal speed. */
  rate: number;
  /** As `chrome.tts`: 1 is normal pitch, 0–2. */
  pitch: number;
}

/** Words per minute for a `chrome.tts` rate (eSpeak NG: 175 normal, 80–450). */
export function wordsPerMinute(rate: number): number {
  const r = Number.isFinite(rate) && rate > 0 ? rate : 1;
  return Math.round(Math.min(450, Math.max(80, 175 * r)));
}

/** eSpeak NG pitch (0–100, 50 normal) for a `chrome.tts` pitch (0–2, 1 normal). */
export function espeakPitch(pitch: number): number {
  const p = Number.isFinite(pitch) ? pitch : 1;
  return Math.round(Math.min(100, Math.max(0, 50 * p)));
}

/** True when the text has something to say (a letter or a digit). */
export function hasSpeech(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function createSynth(module: EspeakModule) {
  const worker = new module.eSpeakNGWorker();
  let voice = '';
  return {
    /**
     * Synthesises `text`, handing each chunk of PCM to `onChunk` as soon as it is made; returns
     * the number of samples. Text with nothing to say gives no chunks. `onChunk` returning true
     * abandons the rest.
     */
    synthesize(text: string, options: SynthOptions, onChunk: (pcm: Int16Array) => boolean | void): number {
      if (!hasSpeech(text)) return 0;
      if (options.voice !== voice) {
        if (worker.set_voice(options.voice) !== 0) throw new Error(`no such voice: ${options.voice}`);
        voice = options.voice;
      }
      worker.set_rate(wordsPerMinute(options.rate));
      worker.set_pitch(espeakPitch(options.pitch));
      let samples = 0;
      worker.synthesize(text, (pcm) => {
        if (!pcm.length) return false;
        samples += pcm.length;
        return onChunk(pcm) === true;
      });
      return samples;
    },
  };
}

export type Synth = ReturnType<typeof createSynth>;
