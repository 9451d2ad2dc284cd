// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ACROSS, DOWN, OVER, SCALE, applyRewrites, constrainsBox, emptyScan, freeHeights, restoreRewrites, scaleFontSize, scaleLineHeight, scanLoadedImports, scanSheet } from '@/features/text-size/rules';

describe('scaleFontSize', () => {
  it('scales absolute lengths and calc() of them', () => {
    expect(scaleFontSize('13px')).toEqual({ to: `calc(13px * ${SCALE})` });
    expect(scaleFontSize('10pt')).toEqual({ to: `calc(10pt * ${SCALE})` });
    expect(scaleFontSize('2vw')).toEqual({ to: `calc(2vw * ${SCALE})` });
    expect(scaleFontSize('calc(12px + 0.5vw)')).toEqual({ to: `calc(calc(12px + 0.5vw) * ${SCALE})` });
    expect(scaleFontSize('max(12px, 1.2vw)')).toEqual({ to: `calc(max(12px, 1.2vw) * ${SCALE})` });
  });

  it('keeps sizes relative to the parent or the root, which grow by themselves', () => {
    for (const v of ['1.2em', '90%', '1.3rem', 'larger', 'smaller', 'inherit', 'unset', '0', 'calc(1em + 10%)', '']) expect(scaleFontSize(v), v).toBe('keep');
  });

  it('leaves to measurement what a rule cannot say: keywords, variables, mixed units', () => {
    for (const v of ['small', 'x-small', 'medium', 'initial', 'var(--fs)', 'calc(var(--fs) * 1px)', 'calc(1rem + 2px)', 'env(x)', '-webkit-xxx-large']) {
      expect(scaleFontSize(v), v).toBe('measure');
    }
  });
});

describe('scaleLineHeight', () => {
  it('grows ordinary leading with the text', () => {
    expect(scaleLineHeight('18px', '13px')).toEqual({ to: `calc(18px * ${SCALE})` });
  });

  it('keeps a line height that centres text in a box, unless the bigger text needs more', () => {
    expect(scaleLineHeight('34px', '12px')).toEqual({ to: `max(34px, calc(12px * 1.4 * ${SCALE}))` });
  });

  it('without the rule’s own font size, takes the smaller of grown leading and comfortable leading', () => {
    expect(scaleLineHeight('20px')).toEqual({ to: `min(calc(20px * ${SCALE}), max(20px, 1.4em))` });
  });

  it('keeps unitless, relative and normal line heights', () => {
    for (const v of ['normal', '1.5', '150%', '1.4em', 'inherit', '']) expect(scaleLineHeight(v), v).toBe('keep');
  });
});

describe('constrainsBox', () => {
  const style = (decls: Record<string, string>) => ({ getPropertyValue: (p: string) => decls[p] ?? '' });
  it('tells heights only each box can say (DOWN) from fixed widths and single lines (ACROSS)', () => {
    expect(constrainsBox(style({ height: '100%', 'overflow-y': 'hidden' }))).toBe(DOWN);
    expect(constrainsBox(style({ 'max-height': 'calc(100% - 20px)' }))).toBe(DOWN);
    expect(constrainsBox(style({ width: '1000px' }))).toBe(ACROSS);
    expect(constrainsBox(style({ 'white-space': 'nowrap' }))).toBe(ACROSS);
    expect(constrainsBox(style({ height: 'var(--h)', width: '200px' }))).toBe(DOWN | ACROSS);
  });
  it('ignores what bigger text cannot break, and heights the rule itself can free', () => {
    expect(constrainsBox(style({ height: 'auto', width: '50%', 'max-height': 'none', color: 'red' }))).toBe(0);
    expect(constrainsBox(style({ height: '2em', 'overflow-y': 'hidden' }))).toBe(0);
    expect(constrainsBox(style({ height: '18px', 'overflow-y': 'hidden' }))).toBe(0);
  });
});

describe('scanSheet, applyRewrites, restoreRewrites', () => {
  function sheet(css: string): CSSStyleSheet {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  }

  it('scales a sheet’s sizes in place and puts back exactly what was there', () => {
    const s = sheet('body { font-size: 13px; line-height: 18px; color: #333 } h2 { font-size: 1.4em } .date { font-size: x-small } .teaser { height: 18px; overflow: hidden } p { text-align: justify }');
    const before = [...s.cssRules].map((r) => r.cssText);
    const scan = emptyScan();
    scanSheet(s, scan);
    expect(scan.unreadable).toBe(false);
    expect(scan.rewrites.map((r) => `${r.property}: ${r.from}`)).toEqual(['font-size: 13px', 'line-height: 18px']);
    expect([...scan.measure]).toEqual(['.date']);
    expect(scan.heights.map((h) => h.selector)).toEqual(['.teaser']);
    expect([...scan.boxes]).toEqual([]);
    expect([...scan.justify]).toEqual(['p']);
    // Every rule that sets a font size, whatever the value, and every one that sets a line height.
    expect([...scan.sizes]).toEqual(['body', 'h2', '.date']);
    expect([...scan.leadings]).toEqual(['body']);
    expect(scan.nestedSizes).toBe(false);
    expect(scan.rootRelative).toBe(false);

    applyRewrites(scan.rewrites);
    const body = s.cssRules[0] as CSSStyleRule;
    expect(body.style.getPropertyValue('font-size')).toContain('--dede-text-scale');
    expect(body.style.getPropertyValue('color')).not.toBe('');
    restoreRewrites(scan.rewrites);
    expect([...s.cssRules].map((r) => r.cssText)).toEqual(before);
  });

  it('frees fixed heights while text is bigger: the box keeps its height, or grows with its text', () => {
    const s = sheet('.teaser { height: 18px; overflow: hidden } .box { height: 60px; min-height: 40px } .list { max-height: 100px }');
    const before = [...s.cssRules].map((r) => r.cssText);
    const rewrites = [...s.cssRules].flatMap((r) => freeHeights((r as CSSStyleRule).style));
    expect(rewrites.map((r) => `${r.property}: ${r.to}`)).toEqual([
      'height: var(--dede-box-height, 18px)',
      'min-height: 18px',
      'height: var(--dede-box-height, 60px)',
      'min-height: max(40px, 60px)',
      'max-height: var(--dede-box-max-height, 100px)',
    ]);
    applyRewrites(rewrites);
    expect((s.cssRules[0] as CSSStyleRule).style.getPropertyValue('min-height')).toBe('18px');
    restoreRewrites(rewrites);
    expect([...s.cssRules].map((r) => r.cssText)).toEqual(before);
  });

  it('watches the boxes a rule takes out of the flow, whatever else it sets', () => {
    const scan = emptyScan();
    scanSheet(sheet('#top-links { position: absolute; right: 12px; top: 8px } .slogan { position: absolute; width: 300px } .menu { position: relative } .tip { position: fixed }'), scan);
    expect([...scan.boxes]).toEqual([
      ['#top-links', OVER],
      ['.slogan', ACROSS | OVER],
    ]);
  });

  it('measures what takes the browser’s monospace size: a rule whose only family is monospace', () => {
    const scan = emptyScan();
    scanSheet(sheet('.code { font-family: monospace } .mixed { font-family: Consolas, monospace }'), scan);
    expect([...scan.measure]).toEqual(['.code']);
  });

  it('looks inside @media and skips Dễ Đọc’s own layers', () => {
    const s = sheet('@media screen { .a { font-size: 12px } } @layer dede-text { .b { font-size: 20px } }');
    const scan = emptyScan();
    scanSheet(s, scan);
    expect(scan.rewrites.map((r) => r.from)).toEqual(['12px']);
  });

  it('tells sizes that hold everywhere from sizes under a condition, and notes sizes that follow the root', () => {
    const scan = emptyScan();
    scanSheet(sheet('.a { font-size: 12px } @media (max-width: 600px) { select { font-size: 16px } } @supports (display: grid) { .b { font-size: 1.1em } } .d { line-height: 1.4rem }'), scan);
    expect([...scan.sizes]).toEqual(['.a']);
    expect([...scan.conditionalSizes]).toEqual(['select', '.b']);
    expect([...scan.leadings]).toEqual(['.d']);
    expect(scan.rootRelative).toBe(true);
  });

  it('a nested rule that sets sizes is scaled, and marks that which elements it sizes is not known', () => {
    const style = (css: string) => {
      const s = sheet(`.x { ${css} }`);
      return (s.cssRules[0] as CSSStyleRule).style;
    };
    const nested = { cssRules: [{ selectorText: '.card', style: style('color: red'), cssRules: [{ selectorText: '& p', style: style('font-size: 12px') }] }] } as unknown as CSSStyleSheet;
    const scan = emptyScan();
    scanSheet(nested, scan);
    expect(scan.rewrites.map((r) => r.from)).toEqual(['12px']);
    expect(scan.nestedSizes).toBe(true);
    expect([...scan.sizes]).toEqual([]);
  });

  it('a sheet whose rules cannot be read marks the scan unreadable', () => {
    const locked = { get cssRules(): CSSRuleList { throw new DOMException('cross-origin', 'SecurityError'); } } as unknown as CSSStyleSheet;
    const scan = emptyScan();
    scanSheet(locked, scan);
    expect(scan.unreadable).toBe(true);
  });

  it('leaves alone a declaration the page changed since it was read', () => {
    const s = sheet('.x { font-size: 14px }');
    const scan = emptyScan();
    scanSheet(s, scan);
    (s.cssRules[0] as CSSStyleRule).style.setProperty('font-size', '20px');
    applyRewrites(scan.rewrites);
    expect((s.cssRules[0] as CSSStyleRule).style.getPropertyValue('font-size')).toBe('20px');
    restoreRewrites(scan.rewrites);
    expect((s.cssRules[0] as CSSStyleRule).style.getPropertyValue('font-size')).toBe('20px');
  });
});

describe('imports still loading', () => {
  const IMPORT = 3;
  const sheet = (css: string) => {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  };
  const throwing = (name: string, then?: () => CSSRuleList | null) =>
    ({
      media: { mediaText: '' },
      get cssRules() {
        const rules = then?.();
        if (rules) return rules;
        throw Object.assign(new Error(name), { name });
      },
    }) as unknown as CSSStyleSheet;

  it('reads a sheet’s own rules at once, and each import once it has come (Chromium: no sheet yet; Firefox: rules that throw InvalidAccessError)', () => {
    const chromium = { type: IMPORT, styleSheet: null as CSSStyleSheet | null, media: { mediaText: '' } };
    let firefoxLoaded = false;
    const printed = sheet('.note { font-size: 11px }');
    const firefox = { type: IMPORT, styleSheet: throwing('InvalidAccessError', () => (firefoxLoaded ? printed.cssRules : null)), media: { mediaText: 'print' } };
    const parent = { cssRules: [chromium, firefox, ...sheet('body { font-size: 13px }').cssRules] } as unknown as CSSStyleSheet;
    const scan = emptyScan();
    scanSheet(parent, scan);
    expect(scan.unreadable).toBe(false);
    expect(scan.rewrites.map((r) => r.from)).toEqual(['13px']);
    expect(scan.imports.map((i) => i.rule)).toEqual([chromium, firefox]);

    let later = emptyScan();
    expect(scanLoadedImports(scan.imports, later)).toEqual(scan.imports);
    expect(later.rewrites).toEqual([]);
    chromium.styleSheet = sheet('.lead { font-size: 18px }');
    later = emptyScan();
    const loading = scanLoadedImports(scan.imports, later);
    expect(loading.map((i) => i.rule)).toEqual([firefox]);
    expect(later.rewrites.map((r) => r.from)).toEqual(['18px']);
    expect([...later.sizes]).toEqual(['.lead']);
    firefoxLoaded = true;
    later = emptyScan();
    expect(scanLoadedImports(loading, later)).toEqual([]);
    // Imported for print only: a size under a condition.
    expect([...later.conditionalSizes]).toEqual(['.note']);
    expect(later.unreadable).toBe(false);
  });

  it('an imported sheet of another origin has loaded: it cannot be read', () => {
    const scan = emptyScan();
    scanSheet({ cssRules: [{ type: IMPORT, styleSheet: throwing('SecurityError'), media: { mediaText: '' } }] } as unknown as CSSStyleSheet, scan);
    expect(scan.unreadable).toBe(true);
    expect(scan.imports).toEqual([]);
  });
});
