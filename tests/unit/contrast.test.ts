import { afterEach, describe, expect, it } from 'vitest';
import { contrastRatio, parseColour } from '@/lib/colour';
import { DEFAULT_SITE, THEMES, type SiteSettings } from '@/lib/settings/schema';
import { createContrast, themeCss } from '@/features/contrast';
import { EARLY_OFF_ATTRIBUTE, FIX_ATTRIBUTE, parseEarlyMarker, selectionCss } from '@/features/contrast/css';
import { earlyContrastScripts, earlyCss, earlyCssFiles } from '@/features/contrast/early';
import { PALETTES } from '@/features/contrast/themes';

const c = (v: string) => parseColour(v)!;
const site = (patch: Partial<SiteSettings>): SiteSettings => ({ ...DEFAULT_SITE, ...patch });
const MATCHES = ['*://*.gov.vn/*', '*://*.gov.uk/*'];

describe('theme palettes', () => {
  for (const theme of THEMES) {
    it(`${theme}: selection and reading highlight are at least 7:1`, () => {
      const p = PALETTES[theme];
      expect(contrastRatio(c(p.selectionText), c(p.selectionBackground))).toBeGreaterThanOrEqual(7);
      expect(contrastRatio(c(p.highlightText), c(p.highlightBackground))).toBeGreaterThanOrEqual(4.5);
    });
  }
});

describe('themeCss', () => {
  it('puts every rule in one cascade layer, important, with the palette colours', () => {
    for (const theme of THEMES) {
      const css = themeCss(theme);
      expect(css).toMatch(/^@namespace svg url\(http:\/\/www\.w3\.org\/2000\/svg\);\s*@layer dede \{/);
      expect(css).toContain(`color: ${PALETTES[theme].text} !important`);
      expect(css).toContain(`background-color: ${PALETTES[theme].background} !important`);
      expect(css).toContain(':link');
      expect(css).toContain(':visited');
      expect(css).toContain('::placeholder');
      expect(css).toContain('::selection');
      expect(css).toContain(':focus-visible');
      // Pictures keep their pixels: background images are only dropped where measured.
      expect(css).not.toMatch(/:root \*[^{]*\{[^}]*background-image: none/);
      expect(css).toContain(`[${FIX_ATTRIBUTE}~="flat"]`);
    }
  });
  it('scopes shadow roots with :host and the early sheet with a switch', () => {
    expect(themeCss('soft', 'shadow')).toContain(':host *');
    expect(themeCss('soft', 'shadow')).not.toContain(':root');
    const early = earlyCss('soft', 'each');
    expect(early).toContain(`:root:not([${EARLY_OFF_ATTRIBUTE}])`);
    expect(parseEarlyMarker(/--dede-early: ([^;]*);/.exec(early)![1]!)).toEqual({ theme: 'soft', selection: 'each' });
    expect(early.indexOf('@namespace')).toBe(0);
  });
  it('colours the selection with a plain universal rule in the document, on the root only in an early sheet that relies on highlight inheritance', () => {
    const p = PALETTES['white-on-black'];
    const selectors = (css: string) => [...css.matchAll(/([^\n{}]*)\{[^{}]*background-color: ([^ ;]*) !important; color: ([^ ;]*) !important[^}]*\}/g)].filter((m) => m[1]!.includes('::selection')).map((m) => [m[1]!.trim(), m[2], m[3]]);
    expect(selectors(themeCss('white-on-black'))).toEqual([['*::selection', p.selectionBackground, p.selectionText]]);
    expect(selectors(themeCss('white-on-black', 'early', 'inherited'))).toEqual([[`:root:not([${EARLY_OFF_ATTRIBUTE}])::selection`, p.selectionBackground, p.selectionText]]);
    expect(selectors(themeCss('white-on-black', 'early', 'each'))).toEqual([[`:root:not([${EARLY_OFF_ATTRIBUTE}]) *::selection`, p.selectionBackground, p.selectionText]]);
    expect(selectors(themeCss('white-on-black', 'shadow'))).toEqual([[':host *::selection', p.selectionBackground, p.selectionText]]);
    expect(selectors(selectionCss('white-on-black'))).toEqual([['*::selection', p.selectionBackground, p.selectionText]]);
    expect(parseEarlyMarker(/--dede-early: ([^;]*);/.exec(earlyCss('yellow-on-black', 'inherited'))![1]!)).toEqual({ theme: 'yellow-on-black', selection: 'inherited' });
  });
  it('reads no early marker from a missing or foreign value', () => {
    for (const value of ['', 'soft', 'constructor each', 'soft sometimes', 'purple inherited']) expect(parseEarlyMarker(value)).toBeNull();
    expect(parseEarlyMarker('  soft   inherited ')).toEqual({ theme: 'soft', selection: 'inherited' });
  });
  it('writes one early file per theme', () => {
    expect(earlyCssFiles('inherited').map((f) => f.relativeDest)).toEqual(THEMES.map((t) => `contrast/${t}.css`));
  });
});

describe('earlyContrastScripts', () => {
  it('registers nothing while contrast is off everywhere', () => {
    expect(earlyContrastScripts(site({ contrast: false }), {}, MATCHES)).toEqual([]);
  });
  it('registers the global theme on every site, minus sites that differ', () => {
    const regs = earlyContrastScripts(
      site({ contrast: true, theme: 'yellow-on-black' }),
      { 'noip.gov.vn': site({ contrast: false }), 'mic.gov.vn': site({ contrast: true, theme: 'soft' }), 'moh.gov.vn': site({ contrast: true, theme: 'yellow-on-black' }) },
      MATCHES,
    );
    const yellow = regs.find((r) => r.id === 'dede-contrast-yellow-on-black')!;
    expect(yellow.matches).toEqual(MATCHES);
    expect(yellow.excludeMatches).toEqual(['*://noip.gov.vn/*', '*://www.noip.gov.vn/*', '*://mic.gov.vn/*', '*://www.mic.gov.vn/*']);
    expect(yellow.css).toEqual(['contrast/yellow-on-black.css']);
    expect(yellow.runAt).toBe('document_start');
    expect(yellow.allFrames, 'frames of the site get the theme at their first paint too').toBe(true);
    const soft = regs.find((r) => r.id === 'dede-contrast-soft')!;
    expect(soft.matches).toEqual(['*://mic.gov.vn/*', '*://www.mic.gov.vn/*']);
    expect(regs).toHaveLength(2);
  });
  it('registers sites that turned contrast on by themselves', () => {
    const regs = earlyContrastScripts(site({ contrast: false }), { 'www.gov.uk': site({ contrast: true, theme: 'white-on-black' }) }, MATCHES);
    expect(regs).toEqual([expect.objectContaining({ id: 'dede-contrast-white-on-black', matches: ['*://gov.uk/*', '*://www.gov.uk/*'] })]);
  });
});

describe('createContrast (DOM)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.adoptedStyleSheets = [];
  });

  it('overrides inline !important colours and gives the page its exact attribute back', async () => {
    document.body.innerHTML = `
      <p id="a" style="color:#999 !important; margin: 3px">a</p>
      <a id="l" href="/x" style="color: #ccc !important">link</a>
      <p id="b" style="background: #222 !important; color: #333 !important">b</p>
      <p id="n" style="color: #999">not important</p>
      <p id="ui" data-dede-ui style="color: #999 !important">ours</p>`;
    const before = [...document.querySelectorAll('[style]')].map((e) => e.getAttribute('style'));
    let idle = () => {};
    const contrast = createContrast(document, { onIdle: () => idle() });
    const measured = new Promise<void>((resolve) => (idle = resolve));
    contrast.apply(site({ contrast: true, theme: 'black-on-white' }));
    await measured; // the measured fixes run in batches after the first frame
    const a = document.getElementById('a')!;
    expect(c(a.style.getPropertyValue('color'))).toMatchObject(c(PALETTES['black-on-white'].text));
    expect(a.style.getPropertyPriority('color')).toBe('important');
    expect(a.style.margin).toBe('3px');
    expect(c(document.getElementById('l')!.style.color)).toMatchObject(c(PALETTES['black-on-white'].link));
    expect(c(document.getElementById('b')!.style.backgroundColor)).toMatchObject(c(PALETTES['black-on-white'].background));
    expect(document.getElementById('n')!.getAttribute('style')).toBe('color: #999');
    expect(document.getElementById('ui')!.getAttribute('style')).toBe('color: #999 !important');

    contrast.apply(site({ contrast: true, theme: 'yellow-on-black' }));
    expect(c(a.style.getPropertyValue('color'))).toMatchObject(c(PALETTES['yellow-on-black'].text));

    contrast.remove();
    expect([...document.querySelectorAll('[style]')].map((e) => e.getAttribute('style'))).toEqual(before);
    expect(document.querySelectorAll(`[${FIX_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('adopts one sheet and drops it on remove, also when turned off through apply', () => {
    const contrast = createContrast(document);
    const before = document.adoptedStyleSheets.length;
    contrast.apply(site({ contrast: true, theme: 'soft' }));
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    contrast.apply(site({ contrast: true, theme: 'soft' }));
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    contrast.apply(site({ contrast: false }));
    expect(document.adoptedStyleSheets.length).toBe(before);
  });

  describe('with the early sheet the browser injected', () => {
    /** A stand-in for the early sheet: its marker on :root, and page rules that colour the selection or not. */
    function earlySheet(marker: string, pageCss = '') {
      const style = document.createElement('style');
      style.textContent = `:root:not([${EARLY_OFF_ATTRIBUTE}]) { --dede-early: ${marker}; } ${pageCss}`;
      document.head.append(style);
      return style;
    }
    let style: HTMLStyleElement | null = null;
    afterEach(() => {
      style?.remove();
      document.documentElement.removeAttribute(EARLY_OFF_ATTRIBUTE);
    });
    const measured = async (theme: SiteSettings['theme']) => {
      let idle = () => {};
      const done = new Promise<void>((resolve) => (idle = resolve));
      const contrast = createContrast(document, { onIdle: () => idle() });
      contrast.apply(site({ contrast: true, theme }));
      await done;
      return contrast;
    };

    it('keeps it while it shows the theme, gives way to its own sheet at a change of theme, and switches it off on remove', async () => {
      style = earlySheet('soft inherited');
      const contrast = await measured('soft');
      expect(document.adoptedStyleSheets).toHaveLength(0);
      expect(document.documentElement.hasAttribute(EARLY_OFF_ATTRIBUTE)).toBe(false);
      contrast.apply(site({ contrast: true, theme: 'yellow-on-black' }));
      expect(document.adoptedStyleSheets).toHaveLength(1);
      expect(document.documentElement.hasAttribute(EARLY_OFF_ATTRIBUTE)).toBe(true);
      contrast.remove();
      expect(document.adoptedStyleSheets).toHaveLength(0);
      expect(document.documentElement.hasAttribute(EARLY_OFF_ATTRIBUTE)).toBe(true);
    });

    it('switches it off when it shows another theme, or a marker this version cannot read', async () => {
      for (const marker of ['white-on-black inherited', 'soft']) {
        style = earlySheet(marker);
        const contrast = await measured('soft');
        expect(document.adoptedStyleSheets, marker).toHaveLength(1);
        expect(document.documentElement.hasAttribute(EARLY_OFF_ATTRIBUTE), marker).toBe(true);
        contrast.remove();
        style.remove();
        document.documentElement.removeAttribute(EARLY_OFF_ATTRIBUTE);
      }
    });

    it("adds the theme's selection on every element only where the page's own sheets colour the selection", async () => {
      style = earlySheet('soft inherited', 'p { margin: 0 } .selection-list { color: #333 }');
      let contrast = await measured('soft');
      expect(document.adoptedStyleSheets).toHaveLength(0);
      contrast.remove();
      style.remove();
      document.documentElement.removeAttribute(EARLY_OFF_ATTRIBUTE);

      style = earlySheet('soft inherited', '@media screen { .brand::selection { background: #c00 } }');
      contrast = await measured('soft');
      expect(document.adoptedStyleSheets).toHaveLength(1);
      expect(document.documentElement.hasAttribute(EARLY_OFF_ATTRIBUTE)).toBe(false);
      contrast.remove();
      expect(document.adoptedStyleSheets).toHaveLength(0);
    });

    it('looks again when the page adds a stylesheet later', async () => {
      style = earlySheet('soft inherited');
      const contrast = await measured('soft');
      expect(document.adoptedStyleSheets).toHaveLength(0);
      const late = document.createElement('style');
      late.textContent = '::selection { background: #b3d4fc }';
      document.head.append(late);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(document.adoptedStyleSheets).toHaveLength(1);
      contrast.remove();
      late.remove();
    });
  });

  it('never throws on odd documents', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.remove();
    const contrast = createContrast(doc);
    expect(() => contrast.apply(site({ contrast: true }))).not.toThrow();
    expect(() => contrast.remove()).not.toThrow();
  });
});
