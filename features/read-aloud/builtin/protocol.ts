/** Messages inside the built-in voice: background ↔ offscreen document ↔ synthesis worker. */

/** The port the offscreen document opens to the background once it is ready to speak. */
export const BUILTIN_PORT = 'dede-builtin';

export interface BuiltinSpeak {
  type: 'speak';
  id: number;
  text: string;
  /** eSpeak NG voice. */
  voice: string;
  rate: number;
  pitch: number;
  volume: number;
}

/** Background → offscreen document. */
export type BuiltinRequest = BuiltinSpeak | { type: 'stop' };

/** Offscreen document → background: playback events, as heard. */
export type BuiltinEvent =
  | { type: 'ready' }
  | { type: 'event'; id: number; event: 'start' | 'end' | 'error'; error?: string; stats?: PlaybackStats };

/** How a sentence went, reported with its `end` (for tests and benchmarks). */
export interface PlaybackStats {
  /** Samples synthesised, and seconds of audio they make. */
  samples: number;
  seconds: number;
  /** Milliseconds from the request to the first chunk, and to the last. */
  firstChunkMs: number;
  synthMs: number;
  /** Milliseconds from the request to the end of playback. */
  totalMs: number;
  /** Times playback ran dry waiting for synthesis. */
  underruns: number;
  /** Engine loading, in the worker (first sentence only): ms since the document started. */
  load?: Record<string, number>;
}

/** Offscreen document → worker. */
export type WorkerRequest = Omit<BuiltinSpeak, 'volume'>;

/** Worker → offscreen document. */
export type WorkerReply =
  | { type: 'chunk'; id: number; pcm: Int16Array }
  | { type: 'done'; id: number; samples: number }
  | { type: 'error'; id: number; error: string }
  | { type: 'loaded'; timings: Record<string, number> };
