/**
 * The reading queue: blocks of text are split into sentences only when reading reaches them,
 * each sentence is handed to the speech engine in words a voice can say, and the sentence on the
 * page is highlighted and kept in view.
 */
import type { ReadingSettings } from '@/lib/settings/schema';
import { IDLE_STATE, type ReadingState } from '@/lib/messages';
import type { EngineVoice, SpeechEngine } from './engine';
import { splitSentences, type Sentence } from './segment';
import { normaliseForSpeech } from './speech-text';
import { buildTextMap, indexOf, rangeFor, type TextMap } from './text-map';
import { pickVoice, primaryLanguage } from './voices';
import type { Highlighter } from './highlight';

/** The [start, end) of the word at `index` of `text`, or null. */
export function wordAt(text: string, index: number): [number, number] | null {
  if (index < 0 || index >= text.length || /\s/.test(text[index] ?? ' ')) return null;
  let start = index;
  while (start > 0 && !/\s/.test(text[start - 1] ?? ' ')) start--;
  let end = index;
  while (end < text.length && !/\s/.test(text[end] ?? ' ')) end++;
  return [start, end];
}

export interface ReadingBlock {
  element: Element;
  nodes: () => Text[];
}

export interface Script {
  blocks: ReadingBlock[];
  lang: string;
  /** Where to begin: a block and a character in its text. */
  startBlock?: number;
  startNode?: { node: Node; offset: number };
  /** Where to end (reading a selection): the last block and a DOM position in it. */
  endBlock?: number;
  endNode?: { node: Node; offset: number };
}

interface PreparedBlock {
  map: TextMap;
  sentences: Sentence[];
}

export interface PlayerOptions {
  doc: Document;
  engine: () => Promise<SpeechEngine | null>;
  reading: () => ReadingSettings;
  highlighter: Highlighter;
  onState: (state: ReadingState) => void;
}

export function createPlayer(options: PlayerOptions) {
  const { doc, highlighter } = options;
  let script: Script | null = null;
  let prepared = new Map<number, PreparedBlock>();
  let blockIndex = 0;
  let sentenceIndex = 0;
  let state: ReadingState = { ...IDLE_STATE };
  let engine: SpeechEngine | null = null;
  let engineReady: Promise<SpeechEngine | null> | null = null;
  const getEngine = async () => (engine = await (engineReady ??= options.engine()));
  let voice: EngineVoice | null = null;
  let token = 0;
  let spokeSinceStart = false;

  function setState(patch: Partial<ReadingState>) {
    state = { ...state, ...patch };
    options.onState(state);
  }

  function prepare(i: number): PreparedBlock | null {
    if (!script) return null;
    const cached = prepared.get(i);
    if (cached) return cached;
    const block = script.blocks[i];
    if (!block) return null;
    const map = buildTextMap(block.nodes());
    const block_ = { map, sentences: splitSentences(map.text, script.lang) };
    prepared.set(i, block_);
    return block_;
  }

  function atEnd(block: PreparedBlock, sentence: Sentence): boolean {
    if (!script || script.endBlock === undefined || !script.endNode) return false;
    if (blockIndex < script.endBlock) return false;
    if (blockIndex > script.endBlock) return true;
    const end = indexOf(block.map, script.endNode.node, script.endNode.offset);
    return end >= 0 && sentence.start >= end;
  }

  function finish() {
    token++;
    highlighter.clear();
    script = null;
    prepared = new Map();
    setState({ ...IDLE_STATE, notice: state.notice });
  }

  /** Speaks the sentence at the cursor, skipping anything with nothing to say. */
  function speakCurrent() {
    if (!script || !engine) return finish();
    for (;;) {
      if (script.endBlock !== undefined && blockIndex > script.endBlock) return finish();
      const block = prepare(blockIndex);
      if (!block) return finish();
      const sentence = block.sentences[sentenceIndex];
      if (!sentence) {
        blockIndex++;
        sentenceIndex = 0;
        continue;
      }
      if (atEnd(block, sentence)) return finish();
      const text = normaliseForSpeech(sentence.text, script.lang);
      if (!text) {
        sentenceIndex++;
        continue;
      }
      const mine = ++token;
      const reading = options.reading();
      // Word positions from the voice point into the spoken text: usable only where it is the shown text.
      const spokenAsShown = text === sentence.text;
      const range = rangeFor(block.map, sentence.start, sentence.end, doc);
      if (range) highlighter.show(range);
      setState({ status: 'playing', sentence: sentence.text, block: blockIndex + 1, blocks: script.blocks.length, notice: null });
      // Marks when the first sentence of a reading goes to the engine (read by `npm run bench`).
      if (!spokeSinceStart) {
        spokeSinceStart = true;
        performance.mark('dede:first-utterance');
      }
      engine.speak(
        { text, lang: voice?.lang ?? script.lang, voiceName: voice?.name, rate: reading.rate, pitch: reading.pitch, volume: reading.volume },
        {
          onStart: () => undefined,
          onBoundary: (charIndex) => {
            if (mine !== token || !spokenAsShown) return;
            const word = wordAt(sentence.text, charIndex);
            const wordRange = word && rangeFor(block.map, sentence.start + word[0], sentence.start + word[1], doc);
            if (wordRange) highlighter.showWord(wordRange);
          },
          onEnd: () => {
            if (mine !== token) return;
            sentenceIndex++;
            speakCurrent();
          },
          onError: (error) => {
            if (mine !== token) return;
            if (error === 'interrupted' || error === 'canceled') return;
            setState({ notice: 'speechError' });
            finish();
          },
        },
      );
      return;
    }
  }

  /** Moves the cursor to the sentence holding a DOM position of block `i`. */
  function seek(i: number, position?: { node: Node; offset: number }) {
    blockIndex = i;
    sentenceIndex = 0;
    if (!position) return;
    const block = prepare(i);
    if (!block) return;
    const at = indexOf(block.map, position.node, position.offset);
    if (at < 0) return;
    const found = block.sentences.findIndex((s) => s.end > at);
    sentenceIndex = found < 0 ? 0 : found;
  }

  return {
    get state() {
      return state;
    },
    /** A reading is likely soon: the engine loads what the first sentence needs. */
    async prepare() {
      (await getEngine())?.prepare();
    },
    async start(next: Script) {
      this.stop();
      const mine = ++token;
      await getEngine();
      if (mine !== token) return;
      if (!engine) return setState({ ...IDLE_STATE, notice: 'noVoice' });
      const lang = next.lang;
      const voices = await engine.voices([primaryLanguage(lang)]);
      if (mine !== token) return;
      voice = pickVoice(voices, lang, options.reading().voices[primaryLanguage(lang)]);
      if (!voice) return setState({ ...IDLE_STATE, notice: 'noVoice' });
      script = next;
      spokeSinceStart = false;
      prepared = new Map();
      seek(next.startBlock ?? 0, next.startNode);
      speakCurrent();
    },
    pause() {
      if (state.status !== 'playing') return;
      token++;
      engine?.stop();
      setState({ status: 'paused' });
    },
    resume() {
      if (state.status !== 'paused') return;
      speakCurrent();
    },
    next() {
      if (!script) return;
      engine?.stop();
      sentenceIndex++;
      speakCurrent();
    },
    previous() {
      if (!script) return;
      engine?.stop();
      if (sentenceIndex > 0) sentenceIndex--;
      else if (blockIndex > 0) {
        blockIndex--;
        sentenceIndex = Math.max(0, (prepare(blockIndex)?.sentences.length ?? 1) - 1);
      }
      speakCurrent();
    },
    stop() {
      token++;
      engine?.stop();
      if (script || state.status !== 'idle') finish();
    },
  };
}

export type Player = ReturnType<typeof createPlayer>;
