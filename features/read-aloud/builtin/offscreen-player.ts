/**
 * The offscreen document's half of the built-in voice: sentences from the background go to the
 * synthesis worker, and the PCM it streams back is played with Web Audio as it arrives. Events
 * follow what is heard: `start` when the first sound is scheduled to play, `end` when the last
 * buffer has finished. Only one sentence is held in memory, and only until it is played.
 */
import { BUILTIN_PORT, type BuiltinEvent, type PlaybackStats, type BuiltinRequest, type BuiltinSpeak, type WorkerReply } from './protocol';
import { SAMPLE_RATE } from './synth';

/** Audio buffered before playback starts, so a slow first chunk does not stutter. */
const PREROLL_SECONDS = 0.12;

interface Playing {
  id: number;
  gain: GainNode;
  sources: Set<AudioBufferSourceNode>;
  queued: Int16Array[];
  queuedSamples: number;
  /** When the next chunk plays, in AudioContext time; 0 before playback begins. */
  nextTime: number;
  synthDone: boolean;
  finished: boolean;
  requestedAt: number;
  stats: PlaybackStats;
}

export function runOffscreenPlayer(runtime: typeof chrome.runtime) {
  const worker = new Worker(new URL('./synth.worker.ts', import.meta.url), { type: 'module' });
  let context: AudioContext | null = null;
  let playing: Playing | null = null;
  const port = runtime.connect({ name: BUILTIN_PORT });
  const post = (event: BuiltinEvent) => port.postMessage(event);

  const audio = () => (context ??= new AudioContext({ latencyHint: 'interactive' }));

  function stop() {
    const p = playing;
    playing = null;
    if (!p) return;
    p.finished = true;
    worker.postMessage({ type: 'cancel', id: p.id });
    for (const s of p.sources) {
      s.onended = null;
      try {
        s.stop();
      } catch {
        /* not started */
      }
      s.disconnect();
    }
    p.gain.disconnect();
  }

  function finish(p: Playing, event: BuiltinEvent) {
    if (p.finished) return;
    p.finished = true;
    if (playing === p) playing = null;
    p.gain.disconnect();
    post(event);
  }

  function end(p: Playing) {
    p.stats.totalMs = Math.round(performance.now() - p.requestedAt);
    if (load) p.stats.load = { ...load, speakAt: Math.round(p.requestedAt - workerCreated) };
    load = undefined;
    finish(p, { type: 'event', id: p.id, event: 'end', stats: p.stats });
  }

  function schedule(p: Playing, pcm: Int16Array) {
    const ctx = audio();
    const buffer = ctx.createBuffer(1, pcm.length, SAMPLE_RATE);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) channel[i] = pcm[i]! / 32768;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(p.gain);
    const first = p.nextTime === 0;
    const at = Math.max(p.nextTime, ctx.currentTime);
    source.start(at);
    p.nextTime = at + buffer.duration;
    p.sources.add(source);
    source.onended = () => {
      p.sources.delete(source);
      source.disconnect();
      if (p.sources.size === 0 && !p.synthDone) p.stats.underruns++;
      if (p.synthDone && p.sources.size === 0) end(p);
    };
    if (first) {
      const delay = Math.max(0, (at - ctx.currentTime) * 1000);
      setTimeout(() => {
        if (!p.finished) post({ type: 'event', id: p.id, event: 'start' });
      }, delay);
    }
  }

  function flush(p: Playing) {
    for (const pcm of p.queued) schedule(p, pcm);
    p.queued = [];
    p.queuedSamples = 0;
  }

  let load: Record<string, number> | undefined;
  const workerCreated = performance.now();

  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    if (reply.type === 'loaded') {
      // The engine's load, then (when no sentence waited for it) its warm-up.
      load = { readyAt: Math.round(performance.now() - workerCreated), ...load, ...reply.timings };
      return;
    }
    const p = playing;
    if (!p || p.id !== reply.id || p.finished) return;
    if (reply.type === 'chunk') {
      if (!p.stats.samples) p.stats.firstChunkMs = Math.round(performance.now() - p.requestedAt);
      p.stats.samples += reply.pcm.length;
      p.stats.seconds = p.stats.samples / SAMPLE_RATE;
      if (p.nextTime > 0) return schedule(p, reply.pcm);
      p.queued.push(reply.pcm);
      p.queuedSamples += reply.pcm.length;
      if (p.queuedSamples >= PREROLL_SECONDS * SAMPLE_RATE) flush(p);
    } else if (reply.type === 'done') {
      p.synthDone = true;
      p.stats.synthMs = Math.round(performance.now() - p.requestedAt);
      if (p.nextTime === 0) flush(p);
      // Nothing to say: done at once.
      if (p.sources.size === 0) end(p);
    } else {
      stop();
      post({ type: 'event', id: reply.id, event: 'error', error: reply.error });
    }
  };

  function speak(request: BuiltinSpeak) {
    stop();
    const ctx = audio();
    if (ctx.state === 'suspended') void ctx.resume();
    const gain = ctx.createGain();
    gain.gain.value = Math.min(1, Math.max(0, Number.isFinite(request.volume) ? request.volume : 1));
    gain.connect(ctx.destination);
    playing = { id: request.id, gain, sources: new Set(), queued: [], queuedSamples: 0, nextTime: 0, synthDone: false, finished: false,
      requestedAt: performance.now(), stats: { samples: 0, seconds: 0, firstChunkMs: 0, synthMs: 0, totalMs: 0, underruns: 0 } };
    const { volume: _volume, ...forWorker } = request;
    worker.postMessage(forWorker);
  }

  port.onMessage.addListener((message: BuiltinRequest) => {
    if (message.type === 'speak') speak(message);
    else if (message.type === 'stop') stop();
  });
  post({ type: 'ready' });
}
