import { describe, expect, it } from 'vitest';
import { detectLanguage, pickVoice, primaryLanguage } from '@/features/read-aloud/voices';

const voices = [
  { name: 'English (America) espeak-ng', lang: 'en-US' },
  { name: 'English (Great Britain) espeak-ng', lang: 'en-GB' },
  { name: 'French (Belgium) espeak-ng', lang: 'fr-BE' },
  { name: 'French (France) espeak-ng', lang: 'fr-FR' },
  { name: 'Vietnamese (Central) espeak-ng', lang: 'vi-VN-X-CENTRAL' },
  { name: 'Vietnamese (Northern) espeak-ng', lang: 'vi' },
  { name: 'Vietnamese (Southern) espeak-ng', lang: 'vi-VN-X-SOUTH' },
];

describe('primaryLanguage', () => {
  it('takes the primary subtag', () => {
    expect(primaryLanguage('vi-VN-x-south')).toBe('vi');
    expect(primaryLanguage('EN_gb')).toBe('en');
    expect(primaryLanguage('')).toBe('');
  });
});

describe('pickVoice', () => {
  it('prefers the Northern voice for Vietnamese, whatever the region tag', () => {
    expect(pickVoice(voices, 'vi')?.name).toBe('Vietnamese (Northern) espeak-ng');
    expect(pickVoice(voices, 'vi-VN')?.name).toBe('Vietnamese (Northern) espeak-ng');
  });
  it("keeps the reader's choice when it speaks the language", () => {
    expect(pickVoice(voices, 'vi', 'Vietnamese (Southern) espeak-ng')?.name).toBe('Vietnamese (Southern) espeak-ng');
    expect(pickVoice(voices, 'vi', 'English (America) espeak-ng')?.name).toBe('Vietnamese (Northern) espeak-ng');
  });
  it('matches the region when the page names one, else the home region', () => {
    expect(pickVoice(voices, 'en-GB')?.name).toBe('English (Great Britain) espeak-ng');
    expect(pickVoice(voices, 'en-US')?.name).toBe('English (America) espeak-ng');
    expect(pickVoice(voices, 'fr')?.name).toBe('French (France) espeak-ng');
    expect(pickVoice(voices, 'fr-BE')?.name).toBe('French (Belgium) espeak-ng');
  });
  it('gives null when no voice speaks the language', () => {
    expect(pickVoice(voices, 'de')).toBeNull();
    expect(pickVoice([], 'vi')).toBeNull();
    expect(pickVoice(voices, '')).toBeNull();
  });
});

describe('detectLanguage', () => {
  const vietnamese = 'Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở giai đoạn 2015-2019';
  const english = 'The Department for Education announced new funding today for digital skills centres in every region.';
  it('trusts a declared language that the text does not contradict', () => {
    expect(detectLanguage('en-GB', english, 'fr')).toBe('en-GB');
    expect(detectLanguage('vi-VN', vietnamese, 'en')).toBe('vi-VN');
    expect(detectLanguage('fr', 'La Commission soutient la transition numérique des administrations publiques de l’Union.', 'en')).toBe('fr');
    // Too little to tell: a heading, a name.
    expect(detectLanguage('vi', 'Hello', 'en')).toBe('vi');
    expect(detectLanguage('en', 'Hà Nội', 'vi')).toBe('en');
  });
  it('reads Vietnamese text in Vietnamese whatever the page declares (a theme\'s default lang="en-US")', () => {
    expect(detectLanguage('en-US', vietnamese, 'en-US')).toBe('vi');
    expect(detectLanguage('fr', vietnamese.normalize('NFD'), 'en')).toBe('vi');
  });
  it('reads English text in English on a page declared Vietnamese (a portal\'s English version)', () => {
    expect(detectLanguage('vi', english, 'vi-VN')).toBe('en');
    expect(detectLanguage('vi', english, 'en-GB')).toBe('en-GB');
    // Vietnamese names in English text do not make it Vietnamese.
    const names = 'Deputy Prime Minister Trần Hồng Hà visited the new port in Quảng Ninh on Monday and met the workers who built it over the past two years.';
    expect(detectLanguage('vi', names, 'vi')).toBe('en');
    expect(detectLanguage('en', names, 'vi')).toBe('en');
  });
  it('recognises Vietnamese text, also when decomposed (NFD)', () => {
    expect(detectLanguage('', vietnamese, 'en')).toBe('vi');
    expect(detectLanguage(' ', vietnamese.normalize('NFD'), 'en')).toBe('vi');
  });
  it("falls back to the browser's language for other text, and to English for English text", () => {
    expect(detectLanguage('', english, 'en-US')).toBe('en-US');
    expect(detectLanguage('', english, 'vi')).toBe('en');
    expect(detectLanguage('', 'Die Kommission unterstützt die digitale Verwaltung in allen Mitgliedstaaten.', 'vi')).toBe('vi');
  });
});
