// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SpeechEngine, Utterance, UtteranceEvents } from '@/features/read-aloud/engine';
import type { Highlighter } from '@/features/read-aloud/highlight';
import { createPlayer, wordAt, type ReadingBlock } from '@/features/read-aloud/player';
import type { ReadingState } from '@/lib/messages';
import { DEFAULT_READING } from '@/lib/settings/schema';

/** An engine that records what it is asked and lets the test play the voice's events. */
function fakeEngine(voices = [{ name: 'Voice', lang: 'en-GB' }, { name: 'Giọng', lang: 'vi' }]) {
  const spoken: { u: Utterance; events: UtteranceEvents }[] = [];
  let stops = 0;
  let prepares = 0;
  const engine: SpeechEngine = {
    speak: (u, events) => void spoken.push({ u, events }),
    stop: () => void stops++,
    voices: async (langs) => voices.filter((v) => !langs || langs.some((l) => v.lang.startsWith(l))),
    prepare: () => void prepares++,
  };
  return { engine, spoken, stops: () => stops, prepares: () => prepares, last: () => spoken.at(-1)! };
}

function fakeHighlighter() {
  const shown: string[] = [];
  const words: string[] = [];
  const h: Highlighter = {
    show: (r) => void shown.push(r.toString()),
    showWord: (r) => void words.push(r.toString()),
    clear: () => void shown.push('(cleared)'),
    dispose: () => undefined,
  };
  return { h, shown, words };
}

function blocks(html: string): ReadingBlock[] {
  document.body.innerHTML = html;
  return [...document.body.querySelectorAll('p')].map((element) => ({
    element,
    nodes: () => {
      const w = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const out: Text[] = [];
      for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
      return out;
    },
  }));
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(lang: string, html: string) {
  const e = fakeEngine();
  const hl = fakeHighlighter();
  const states: ReadingState[] = [];
  const player = createPlayer({ doc: document, engine: async () => e.engine, reading: () => DEFAULT_READING, highlighter: hl.h, onState: (s) => states.push(s) });
  return { e, hl, states, player, script: { blocks: blocks(html), lang } };
}

describe('wordAt', () => {
  it('finds the word around an index', () => {
    expect(wordAt('Read this page aloud.', 6)).toEqual([5, 9]);
    expect(wordAt('Read this page aloud.', 4)).toBeNull();
    expect(wordAt('abc', 9)).toBeNull();
  });
});

describe('player', () => {
  it('speaks sentence by sentence, in words a voice can say, highlighting each', async () => {
    const { e, hl, states, player, script } = setup('vi', '<p>Ngày 19/06/2020, TS. Nguyễn Văn A phát biểu. Hội nghị kết thúc.</p><p> ./. </p><p>Đoạn hai.</p>');
    await player.start(script);
    expect(e.last().u.text).toBe('Ngày mười chín tháng sáu năm hai nghìn không trăm hai mươi, Tiến sĩ Nguyễn Văn A phát biểu.');
    expect(e.last().u.voiceName).toBe('Giọng');
    expect(hl.shown.at(-1)).toBe('Ngày 19/06/2020, TS. Nguyễn Văn A phát biểu.');
    expect(states.at(-1)).toMatchObject({ status: 'playing', block: 1, blocks: 3 });
    e.last().events.onEnd();
    expect(e.last().u.text).toBe('Hội nghị kết thúc.');
    e.last().events.onEnd();
    // The punctuation-only paragraph is skipped: nothing empty ever reaches the engine.
    expect(e.last().u.text).toBe('Đoạn hai.');
    expect(e.spoken.every((s) => s.u.text.trim().length > 0)).toBe(true);
    e.last().events.onEnd();
    expect(states.at(-1)?.status).toBe('idle');
    expect(hl.shown.at(-1)).toBe('(cleared)');
  });

  it('pauses by stopping, and resumes the same sentence from its start', async () => {
    const { e, player, script, states } = setup('en', '<p>First sentence here. Second one.</p>');
    await player.start(script);
    const before = e.stops();
    player.pause();
    expect(e.stops()).toBe(before + 1);
    expect(states.at(-1)?.status).toBe('paused');
    // The stopped utterance's late events change nothing.
    e.last().events.onEnd();
    expect(states.at(-1)?.status).toBe('paused');
    player.resume();
    expect(e.last().u.text).toBe('First sentence here.');
    player.next();
    expect(e.last().u.text).toBe('Second one.');
    player.previous();
    expect(e.last().u.text).toBe('First sentence here.');
    player.stop();
    expect(states.at(-1)?.status).toBe('idle');
  });

  it('highlights the word a voice reports, only where the spoken text is the shown text', async () => {
    const en = setup('en', '<p>Read this page aloud.</p>');
    await en.player.start(en.script);
    en.e.last().events.onBoundary?.(5);
    expect(en.hl.words).toEqual(['this']);
    const vi = setup('vi', '<p>Giai đoạn 2015-2019 đã qua.</p>');
    await vi.player.start(vi.script);
    vi.e.last().events.onBoundary?.(10);
    expect(vi.hl.words).toEqual([]);
  });

  it('says there is no voice instead of staying silent', async () => {
    const e = fakeEngine([{ name: 'Voice', lang: 'en-GB' }]);
    const states: ReadingState[] = [];
    const player = createPlayer({ doc: document, engine: async () => e.engine, reading: () => DEFAULT_READING, highlighter: fakeHighlighter().h, onState: (s) => states.push(s) });
    await player.start({ blocks: blocks('<p>Xin chào.</p>'), lang: 'vi' });
    await flush();
    expect(e.spoken).toHaveLength(0);
    expect(states.at(-1)).toMatchObject({ status: 'idle', notice: 'noVoice' });
  });

  it('prepare gets the engine ready; a reading that follows uses the same engine', async () => {
    const e = fakeEngine();
    let created = 0;
    const player = createPlayer({ doc: document, engine: async () => (created++, e.engine), reading: () => DEFAULT_READING, highlighter: fakeHighlighter().h, onState: () => undefined });
    const prepared = player.prepare();
    const started = player.start({ blocks: blocks('<p>Xin chào.</p>'), lang: 'vi' });
    await Promise.all([prepared, started]);
    await flush();
    expect(created).toBe(1);
    expect(e.prepares()).toBe(1);
    expect(e.last().u.text).toBe('Xin chào.');
  });
});
