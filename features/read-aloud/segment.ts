/**
 * Sentence segmentation for read-aloud.
 *
 * Splits one paragraph into sentences that a speech engine can speak one at a
 * time, keeping exact offsets into the input so the page can highlight the
 * sentence being read. Tuned for Vietnamese government news (titles such as
 * "PGS.TS.", "TP.", initials, dates, Vietnamese number separators, the "./."
 * end mark) and also correct for English; other languages use the same rules.
 *
 * Everything is a single left-to-right pass with precompiled regexes, so the
 * cost is linear in the paragraph length (chunking of over-long sentences
 * looks back at most `maxLength` characters per chunk).
 */

export interface Sentence {
  /** Equals `input.slice(start, end)`; never empty, never only punctuation. */
  text: string;
  start: number;
  end: number;
}

const DEFAULT_MAX_LENGTH = 200;

/** Line breaks always end a sentence. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;

/**
 * A candidate boundary: terminal punctuation (group 1, including the
 * Vietnamese end mark "./."), closing quotes/brackets (group 2), whitespace,
 * and - by lookahead - a likely sentence start: an uppercase letter, a digit,
 * an opening quote/bracket, or a lowercase list marker ("b. ", "c) ").
 * The sentence ends after group 2.
 */
const BOUNDARY = /([.!?…]+(?:\/\.)?)(["'”’»)\]]*)\s+(?=[\p{Lu}\p{Lt}\p{N}"'“‘«(\[]|\p{Ll}[.)]\s)/gu;

/**
 * Words that end with "." without ending the sentence. Case-sensitive, so the
 * English word "no." at a sentence end is not confused with "No. 10".
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Vietnamese titles and place words
  'TS', 'ThS', 'Ths', 'GS', 'PGS', 'TSKH', 'NCS', 'BS', 'KS', 'CN', 'TP', 'Tp', 'TT', 'TX',
  // English
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'No', 'Nos', 'vs', 'cf', 'Fig', 'Vol',
  'Gen', 'Col', 'Lt', 'Capt', 'Sgt', 'Rev', 'Hon',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Opening/closing punctuation stripped from a word before the abbreviation test. */
const WORD_EDGE_PUNCTUATION = /^[("'“‘«\[]+|[)"'”’»\]]+$/gu;

/** A single uppercase letter (with any combining marks, for NFD input): an initial. */
const INITIAL = /^\p{Lu}\p{M}*$/u;

/**
 * Words after which a single capital is a label, not an initial, so its "."
 * can end a sentence: "35 độ C.", "xếp loại A.", "nhóm B.", "vitamin C.".
 * Compared in lower case.
 */
const LETTER_LABEL_WORDS: ReadonlySet<string> = new Set([
  'độ', 'loại', 'hạng', 'nhóm', 'khu', 'tòa', 'dãy', 'mẫu', 'lục', 'án',
  'vitamin', 'plan', 'grade', 'class', 'type', 'group', 'category',
]);

/** One part of a dotted abbreviation such as "U.S", "e.g", "v.v", "Th.S", "PGS.TS". */
const LETTERS = /^\p{L}[\p{L}\p{M}]*$/u;
const COMBINING_MARKS = /\p{M}/gu;

/** A list marker that opens a sentence: "1.", "2.1.", "II.", "a." */
const ENUMERATOR = /^(?:\d{1,3}|[IVXLC]+|\p{L})(?:\.(?:\d{1,3}|[IVXLC]+))*$/u;

const SPACE = /\s/;
const SPEAKABLE = /[\p{L}\p{N}]/u;

/** Punctuation an over-long sentence is best cut after (when followed by a space). */
const STRONG_CLAUSE_PUNCTUATION: ReadonlySet<string> = new Set([';', ':', '–', '—']);

/**
 * Splits a paragraph into sentences, and sentences longer than `maxLength`
 * into chunks. Pieces that hold no letter or digit are dropped: a speech
 * engine may never finish an empty or punctuation-only utterance.
 *
 * `lang` is accepted for API symmetry with the speech normaliser; the rules
 * below (Vietnamese plus English abbreviations) are applied to every language.
 */
export function splitSentences(text: string, lang: string, maxLength = DEFAULT_MAX_LENGTH): Sentence[] {
  const limit = Math.max(1, Math.floor(maxLength));
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const lineBreak of text.matchAll(LINE_BREAK)) {
    splitLine(text, lineStart, lineBreak.index, limit, sentences);
    lineStart = lineBreak.index + lineBreak[0].length;
  }
  splitLine(text, lineStart, text.length, limit, sentences);
  return sentences;
}

function splitLine(text: string, lineStart: number, lineEnd: number, maxLength: number, out: Sentence[]): void {
  const line = text.slice(lineStart, lineEnd);
  let sentenceStart = skipSpace(line, 0, line.length);
  for (const match of line.matchAll(BOUNDARY)) {
    const terminator = match[1] ?? '';
    const closers = match[2] ?? '';
    const end = match.index + terminator.length + closers.length;
    if (terminator === '.' && !endsSentence(line, sentenceStart, match.index)) continue;
    // "(...)" or "[...]" marks omitted text inside a quotation.
    if (line[match.index - 1] === '(' || line[match.index - 1] === '[') continue;
    pushSpan(text, lineStart + sentenceStart, lineStart + end, maxLength, out);
    sentenceStart = match.index + match[0].length;
  }
  pushSpan(text, lineStart + sentenceStart, lineEnd, maxLength, out);
}

/**
 * Decides whether the single "." at `dot` ends the sentence, by looking at
 * the word in front of it: abbreviations, initials ("Nguyễn Văn A.") and a
 * list marker opening the sentence ("1.", "a.") do not.
 */
function endsSentence(line: string, sentenceStart: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && !SPACE.test(line[wordStart - 1] ?? '')) wordStart--;
  const rawWord = line.slice(wordStart, dot);
  if (wordStart === sentenceStart && ENUMERATOR.test(rawWord)) return false;
  const word = rawWord.replace(WORD_EDGE_PUNCTUATION, '');
  if (INITIAL.test(word)) return LETTER_LABEL_WORDS.has(previousWord(line, sentenceStart, wordStart).toLowerCase());
  return !isAbbreviation(word);
}

/** The word before the one starting at `wordStart` ("" at the sentence start). */
function previousWord(line: string, sentenceStart: number, wordStart: number): string {
  const end = trimEnd(line, sentenceStart, wordStart);
  let start = end;
  while (start > sentenceStart && !SPACE.test(line[start - 1] ?? '')) start--;
  return line.slice(start, end);
}

function isAbbreviation(word: string): boolean {
  if (ABBREVIATIONS.has(word)) return true;
  if (!word.includes('.')) return false;
  // Dotted forms: every part is short ("U.S", "e.g", "v.v", "T.Ư", "Th.S") or
  // a known abbreviation ("PGS.TS"); domains such as "noip.gov.vn" are not.
  return word.split('.').every(
    (part) =>
      LETTERS.test(part) && (part.replace(COMBINING_MARKS, '').length <= 2 || ABBREVIATIONS.has(part)),
  );
}

/** Trims [start, end) and emits it, chunked if longer than `maxLength`. */
function pushSpan(text: string, start: number, end: number, maxLength: number, out: Sentence[]): void {
  let pos = skipSpace(text, start, end);
  const last = trimEnd(text, pos, end);
  while (last - pos > maxLength) {
    const cut = findCut(text, pos, last, maxLength);
    pushPiece(text, pos, cut, out);
    pos = skipSpace(text, cut, last);
  }
  pushPiece(text, pos, last, out);
}

function pushPiece(text: string, start: number, end: number, out: Sentence[]): void {
  const s = skipSpace(text, start, end);
  const e = trimEnd(text, s, end);
  const piece = text.slice(s, e);
  if (SPEAKABLE.test(piece)) out.push({ text: piece, start: s, end: e });
}

/**
 * Where to end a chunk that starts at `pos` (non-space) of a span ending at
 * `end`. Within the second half of the `maxLength` window: after the last
 * ";", ":" or dash, else after the last comma; otherwise at the last space in
 * the window, or - for one word longer than `maxLength` - at the end of it.
 */
function findCut(text: string, pos: number, end: number, maxLength: number): number {
  const windowEnd = pos + maxLength;
  const preferFrom = pos + Math.floor(maxLength / 2);
  let commaCut = -1;
  let spaceCut = -1;
  for (let i = windowEnd; i > pos; i--) {
    const ch = text[i] ?? '';
    if (SPACE.test(ch)) {
      if (spaceCut < 0) spaceCut = i;
      if (i <= preferFrom) break;
      continue;
    }
    // A cut after text[i] gives a chunk of i + 1 - pos characters.
    if (i >= windowEnd || i < preferFrom || !SPACE.test(text[i + 1] ?? '')) continue;
    if (STRONG_CLAUSE_PUNCTUATION.has(ch) || (ch === '-' && SPACE.test(text[i - 1] ?? ''))) return i + 1;
    if (ch === ',' && commaCut < 0) commaCut = i + 1;
  }
  if (commaCut > 0) return commaCut;
  if (spaceCut > pos) return spaceCut;
  let wordEnd = windowEnd;
  while (wordEnd < end && !SPACE.test(text[wordEnd] ?? '')) wordEnd++;
  return wordEnd;
}

function skipSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && SPACE.test(text[i] ?? '')) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && SPACE.test(text[i - 1] ?? '')) i--;
  return i;
}
