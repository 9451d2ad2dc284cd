import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, parseColour, relativeLuminance } from '@/lib/colour';
import { PALETTES } from '@/features/contrast/themes';
import { THEMES } from '@/lib/settings/schema';

const c = (v: string) => {
  const parsed = parseColour(v);
  if (!parsed) throw new Error(`unparsable ${v}`);
  return parsed;
};

describe('parseColour', () => {
  it('reads hex and rgb forms', () => {
    expect(parseColour('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColour('#0d4c92')).toEqual({ r: 13, g: 76, b: 146, a: 1 });
    expect(parseColour('#00000080')?.a).toBeCloseTo(0.502, 2);
    expect(parseColour('rgb(51, 51, 51)')).toEqual({ r: 51, g: 51, b: 51, a: 1 });
    expect(parseColour('rgba(0, 0, 0, 0.5)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColour('rgb(0 128 255 / 25%)')).toEqual({ r: 0, g: 128, b: 255, a: 0.25 });
    expect(parseColour('transparent')?.a).toBe(0);
  });
  it('rejects what it cannot read', () => {
    expect(parseColour('red')).toBeNull();
    expect(parseColour('#12')).toBeNull();
    expect(parseColour('rgb(1,2)')).toBeNull();
    expect(parseColour('rgb(a,b,c)')).toBeNull();
  });
});

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(relativeLuminance(c('#fff'))).toBeCloseTo(1, 5);
    expect(relativeLuminance(c('#000'))).toBe(0);
    expect(contrastRatio(c('#000'), c('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(c('#777'), c('#fff'))).toBeCloseTo(4.48, 2);
    expect(contrastRatio(c('#aaa'), c('#fff'))).toBeCloseTo(2.32, 2);
    expect(contrastRatio(c('#fff'), c('#777'))).toBeCloseTo(contrastRatio(c('#777'), c('#fff')), 10);
  });
  it('composites a translucent colour over its background', () => {
    expect(composite(c('rgba(0,0,0,0.5)'), c('#fff'))).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });
});

describe('theme palettes', () => {
  for (const theme of THEMES) {
    it(`${theme}: every text colour is at least 7:1 on its background`, () => {
      const p = PALETTES[theme];
      const bg = c(p.background);
      for (const fg of [p.text, p.link, p.visited, p.border, p.focus]) {
        expect(contrastRatio(c(fg), bg), `${fg} on ${p.background}`).toBeGreaterThanOrEqual(7);
      }
      expect(contrastRatio(c(p.selectionText), c(p.selectionBackground))).toBeGreaterThanOrEqual(7);
      expect(contrastRatio(c(p.highlightText), c(p.highlightBackground))).toBeGreaterThanOrEqual(7);
    });
  }
});
