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

/**
 * The language to read in: the page's `lang` when it has one, else Vietnamese when the text is
 * written with Vietnamese letters, else the browser's language.
 */
export function detectLanguage(declared: string, sample: string, fallback: string): string {
  if (declared.trim()) return declared.trim();
  const text = sample.normalize('NFC').slice(0, 2000);
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  const vietnamese = text.match(VIETNAMESE_LETTERS)?.length ?? 0;
  if (letters > 0 && vietnamese / letters > 0.03) return 'vi';
  return fallback;
}
