import type { EngineVoice } from './engine';

/** "vi-VN-x-south" → "vi". */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Chooses the voice for a language: the reader's choice when it speaks that language, else a
 * voice for the region the page is written for, else any voice of the language. For Vietnamese
 * the Northern voice is preferred, the usual one for national government text.
 */
export function pickVoice(voices: EngineVoice[], lang: string, preferredName?: string): EngineVoice | null {
  const primary = primaryLanguage(lang);
  if (!primary) return null;
  const matching = voices.filter((v) => primaryLanguage(v.lang) === primary);
  if (!matching.length) return null;
  const preferred = preferredName ? matching.find((v) => v.name === preferredName) : undefined;
  if (preferred) return preferred;
  const score = (v: EngineVoice) => {
    let s = 0;
    const vLang = v.lang.toLowerCase().replace('_', '-');
    if (vLang === lang.toLowerCase()) s += 4;
    // Without a region in the page's language, the language's home region: fr-FR, de-DE, vi-VN.
    if (vLang === `${primary}-${primary}`) s += 2;
    if (primary === 'vi' && /north|bắc|hà nội|hanoi/i.test(v.name)) s += 3;
    if (primary === 'vi' && vLang === 'vi') s += 1;
    if (primary === 'en' && /^en-(gb|us)$/.test(vLang)) s += 1;
    // espeak-ng through speech-dispatcher lists each voice again as "<name>+<variant>".
    if (!v.name.includes('+')) s += 0.5;
    return s;
  };
  return matching.reduce((best, v) => (score(v) > score(best) ? v : best));
}

const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
/** Words that make up a good part of any English text and hardly any of a Vietnamese one. */
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'for', 'on', 'that', 'with', 'was', 'are', 'by', 'as', 'at', 'be', 'this', 'from', 'will', 'has', 'have', 'were', 'which', 'their']);

/** Vietnamese letters in more than this share of the letters: the text is Vietnamese, whatever the page declares. */
const VIETNAMESE_SHARE = 0.03;
/** The fewest Vietnamese letters that overrule a page's declared language. */
const VIETNAMESE_MIN = 3;
/**
 * English function words in at least this share of the words: English, where Vietnamese letters
 * are fewer than in any Vietnamese prose (names such as "Trần Hồng Hà" in an English sentence).
 */
const ENGLISH_SHARE = 0.08;
const ENGLISH_MAX_VIETNAMESE = 0.06;
const ENGLISH_MIN_WORDS = 12;

/**
 * The language to read in. Many sites declare the wrong one: Vietnamese news under a theme's
 * default `lang="en-US"`, or the English version of a portal still marked `lang="vi"`, and a voice
 * of the wrong language reads a text as gibberish. So the text decides where it is plainly
 * Vietnamese (its own letters) or plainly English (its function words) against a page declared
 * Vietnamese or not at all; else the page's `lang` when it has one, else the browser's language.
 */
export function detectLanguage(declared: string, sample: string, fallback: string): string {
  const tag = declared.trim();
  const primary = primaryLanguage(tag);
  const text = sample.normalize('NFC').slice(0, 2000);
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  const vietnamese = text.match(VIETNAMESE_LETTERS)?.length ?? 0;
  const share = letters ? vietnamese / letters : 0;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  const looksEnglish = words.length >= ENGLISH_MIN_WORDS && english / words.length >= ENGLISH_SHARE && share < ENGLISH_MAX_VIETNAMESE;
  if (share > VIETNAMESE_SHARE && !looksEnglish && (!tag || vietnamese >= VIETNAMESE_MIN)) return primary === 'vi' ? tag : 'vi';
  if (looksEnglish && (!tag || primary === 'vi')) return primaryLanguage(fallback) === 'en' ? fallback : 'en';
  return tag || fallback;
}
