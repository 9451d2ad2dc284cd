/**
 * The built-in voice in Node (tests and benchmarks): the same reduced loader and data the
 * extension ships, loaded from a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeVoiceAssets } from './voice-data.mjs';
import { createSynth, type EspeakModule, type Synth, type SynthOptions } from './synth';

let loaded: Promise<Synth> | null = null;

export function loadNodeSynth(): Promise<Synth> {
  loaded ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dede-voice-'));
    try {
      const { js } = writeVoiceAssets(dir);
      const { default: factory } = (await import(/* @vite-ignore */ js)) as { default: () => Promise<EspeakModule> };
      return createSynth(await factory());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return loaded;
}

/** All the PCM for one text. */
export async function synthesizeAll(text: string, options: SynthOptions): Promise<Int16Array> {
  const synth = await loadNodeSynth();
  const chunks: Int16Array[] = [];
  const total = synth.synthesize(text, options, (pcm) => void chunks.push(pcm));
  const out = new Int16Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Samples in 20 ms windows whose peak passes `threshold`: how much is heard. */
export function voicedSamples(pcm: Int16Array, rate = 22050, threshold = 500): number {
  const window = Math.round(rate / 50);
  let voiced = 0;
  for (let i = 0; i + window <= pcm.length; i += window) {
    let peak = 0;
    for (let j = i; j < i + window; j++) peak = Math.max(peak, Math.abs(pcm[j]!));
    if (peak >= threshold) voiced += window;
  }
  return voiced;
}

/** Where sound begins: the first sample at or after `from` in a 5 ms window with a peak ≥ `threshold`, or -1. */
export function soundOnset(pcm: Int16Array, from: number, rate = 22050, threshold = 500): number {
  const window = Math.round(rate / 200);
  for (let i = Math.max(0, from); i + window <= pcm.length; i += window) {
    for (let j = i; j < i + window; j++) if (Math.abs(pcm[j]!) >= threshold) return i;
  }
  return -1;
}
