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
  it('trusts a declared language', () => {
    expect(detectLanguage('en-GB', 'Cục Sở hữu trí tuệ tổ chức hội nghị', 'fr')).toBe('en-GB');
  });
  it('recognises Vietnamese text, also when decomposed (NFD)', () => {
    const text = 'Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở';
    expect(detectLanguage('', text, 'en')).toBe('vi');
    expect(detectLanguage(' ', text.normalize('NFD'), 'en')).toBe('vi');
  });
  it("falls back to the browser's language for other text", () => {
    expect(detectLanguage('', 'The Department for Education announced new funding today.', 'en-US')).toBe('en-US');
  });
});
