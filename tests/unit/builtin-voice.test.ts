// @vitest-environment node
/**
 * The built-in voice (eSpeak NG, the same reduced build the extension ships) in Node.
 */
import { describe, expect, it } from 'vitest';
import { loadNodeSynth, synthesizeAll, voicedSamples } from '@/features/read-aloud/builtin/node-synth';
import { SAMPLE_RATE, espeakPitch, wordsPerMinute } from '@/features/read-aloud/builtin/synth';
import { BUILTIN_VOICES, builtinVoiceFor, builtinVoiceNamed } from '@/features/read-aloud/builtin/voices';
import { buildVoiceData } from '@/features/read-aloud/builtin/voice-data.mjs';
import { pickVoice } from '@/features/read-aloud/voices';

const SENTENCE = 'Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở';
const normal = { voice: 'vi', rate: 1, pitch: 1 };

describe('built-in voice: eSpeak NG in Node', () => {
  it('ships Vietnamese and English only, in under 1 MB of data', () => {
    const { data, files } = buildVoiceData();
    expect(files.some((f) => f.endsWith('/vi_dict'))).toBe(true);
    expect(files.some((f) => f.endsWith('/en_dict'))).toBe(true);
    expect(files.some((f) => f.endsWith('/fr_dict'))).toBe(false);
    expect(data.length).toBeLessThan(1_000_000);
  });

  it('a Vietnamese sentence gives non-silent PCM of plausible length', async () => {
    const pcm = await synthesizeAll(SENTENCE, normal);
    const seconds = pcm.length / SAMPLE_RATE;
    // 17 syllables at about 3–5 a second.
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(7);
    expect(voicedSamples(pcm) / pcm.length).toBeGreaterThan(0.5);
    expect(Math.max(...pcm.subarray(0, SAMPLE_RATE * 2).map(Math.abs))).toBeGreaterThan(3000);
  }, 20_000);

  it('every built-in voice speaks', async () => {
    for (const v of BUILTIN_VOICES) {
      const text = v.lang.startsWith('en') ? 'Reading aloud works on any computer.' : SENTENCE;
      const pcm = await synthesizeAll(text, { ...normal, voice: v.espeak });
      expect(voicedSamples(pcm), v.name).toBeGreaterThan(SAMPLE_RATE);
    }
  }, 20_000);

  it('rate changes the length; pitch does not', async () => {
    const base = (await synthesizeAll(SENTENCE, normal)).length;
    const fast = (await synthesizeAll(SENTENCE, { ...normal, rate: 2 })).length;
    const slow = (await synthesizeAll(SENTENCE, { ...normal, rate: 0.6 })).length;
    expect(fast).toBeLessThan(base * 0.7);
    expect(slow).toBeGreaterThan(base * 1.3);
    const high = (await synthesizeAll(SENTENCE, { ...normal, pitch: 1.6 })).length;
    expect(Math.abs(high - base) / base).toBeLessThan(0.1);
  }, 20_000);

  it('longer text gives longer audio', async () => {
    const one = (await synthesizeAll(SENTENCE, normal)).length;
    const two = (await synthesizeAll(`${SENTENCE}, ${SENTENCE}`, normal)).length;
    expect(two).toBeGreaterThan(one * 1.7);
  }, 20_000);

  it('empty or punctuation-only text gives nothing, and no error', async () => {
    const synth = await loadNodeSynth();
    for (const text of ['', '   ', '...', '—', '!?', '“”']) {
      let chunks = 0;
      expect(synth.synthesize(text, normal, () => void chunks++)).toBe(0);
      expect(chunks).toBe(0);
    }
  });

  it('maps chrome.tts rate and pitch into eSpeak NG ranges', () => {
    expect(wordsPerMinute(1)).toBe(175);
    expect(wordsPerMinute(0.1)).toBe(80);
    expect(wordsPerMinute(10)).toBe(450);
    expect(wordsPerMinute(Number.NaN)).toBe(175);
    expect(espeakPitch(1)).toBe(50);
    expect(espeakPitch(2)).toBe(100);
    expect(espeakPitch(-1)).toBe(0);
  });
});

describe('built-in voices beside the system ones', () => {
  const builtins = BUILTIN_VOICES.map(({ name, lang }) => ({ name, lang }));
  it('are chosen for Vietnamese when the system has no Vietnamese voice: the Northern one', () => {
    const system = [{ name: 'Google US English', lang: 'en-US' }];
    expect(pickVoice([...system, ...builtins], 'vi')?.name).toBe('Dễ Đọc — Tiếng Việt (miền Bắc)');
    expect(pickVoice([...system, ...builtins], 'vi-VN')?.name).toBe('Dễ Đọc — Tiếng Việt (miền Bắc)');
    expect(pickVoice(builtins, 'en-GB')?.name).toBe('Dễ Đọc — English');
  });
  it('give way to a system voice of the language, unless preferred', () => {
    const system = [
      { name: 'Vietnamese (Northern)', lang: 'vi' },
      { name: 'English (America)', lang: 'en-US' },
    ];
    for (const lang of ['vi', 'vi-VN']) expect(pickVoice([...system, ...builtins], lang)?.name).toBe('Vietnamese (Northern)');
    for (const lang of ['en', 'en-US', 'en-GB']) expect(pickVoice([...system, ...builtins], lang)?.name).toBe('English (America)');
    expect(pickVoice([...system, ...builtins], 'vi', 'Dễ Đọc — Tiếng Việt (miền Nam)')?.name).toBe('Dễ Đọc — Tiếng Việt (miền Nam)');
  });
  it('are found by name and by language', () => {
    expect(builtinVoiceNamed('Dễ Đọc — Tiếng Việt (miền Trung)')?.espeak).toBe('vi-VN-x-central');
    expect(builtinVoiceNamed('Vietnamese (Northern)')).toBeUndefined();
    expect(builtinVoiceFor('vi-VN')?.espeak).toBe('vi');
    expect(builtinVoiceFor('en')?.espeak).toBe('en-us');
    expect(builtinVoiceFor('fr')).toBeUndefined();
  });
});
