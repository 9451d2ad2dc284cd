/**
 * The synthesis worker of the offscreen document: loads eSpeak NG on the first request, then
 * turns each sentence into PCM, posting every chunk as soon as it is made so playback begins
 * long before the sentence is done.
 */
import { createSynth, type EspeakModule, type Synth } from './synth';
import type { WorkerReply, WorkerRequest } from './protocol';

/** The worker's global scope (the project's TS lib is the DOM's, not the worker's). */
const scope = globalThis as unknown as {
  location: Location;
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
};

let synth: Promise<Synth> | null = null;
/** The newest request: older ones still queued are skipped. */
let latest = 0;

function load(): Promise<Synth> {
  synth ??= (async () => {
    const t0 = performance.now();
    const url = new URL('/builtin/espeak-ng.js', scope.location.origin).href;
    const { default: factory } = (await import(/* @vite-ignore */ url)) as { default: () => Promise<EspeakModule> };
    const t1 = performance.now();
    const created = createSynth(await factory());
    const t2 = performance.now();
    scope.postMessage({ type: 'loaded', timings: { importMs: Math.round(t1 - t0), initMs: Math.round(t2 - t1) } } satisfies WorkerReply, []);
    return created;
  })();
  return synth;
}

/**
 * Lets the JIT see the hot paths, so a later first sentence starts sooner; only while no sentence
 * waits, since a waiting one gets its first sound sooner without it.
 */
function warmUp(s: Synth) {
  if (latest) return;
  const t0 = performance.now();
  s.synthesize('Xin chào.', { voice: 'vi', rate: 1, pitch: 1 }, () => undefined);
  scope.postMessage({ type: 'loaded', timings: { warmUpMs: Math.round(performance.now() - t0) } } satisfies WorkerReply, []);
}

const post = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

scope.onmessage = async (e: MessageEvent<WorkerRequest | { type: 'cancel'; id: number }>) => {
  const request = e.data;
  latest = Math.max(latest, request.id);
  if (request.type !== 'speak') return;
  try {
    const s = await load();
    if (request.id < latest) return;
    const samples = s.synthesize(request.text, request, (pcm) => {
      post({ type: 'chunk', id: request.id, pcm }, [pcm.buffer]);
    });
    post({ type: 'done', id: request.id, samples });
  } catch (error) {
    post({ type: 'error', id: request.id, error: String((error as Error)?.message ?? error) });
  }
};

// Start loading before the first sentence arrives.
void load().then(warmUp, () => undefined);
