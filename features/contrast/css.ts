/**
 * The theme stylesheet, as plain text. Pure: no DOM, no browser API, relative imports only, so the
 * build config can import it to write the early per-theme CSS files.
 *
 * Everything sits in `@layer dede` with `!important`: important declarations in a layer beat every
 * unlayered important declaration of the page whatever its specificity, so `#main p { color: #999
 * !important }` loses. Only inline `style="… !important"` is stronger; the content script fixes
 * those elements one by one (see index.ts).
 */
import { MEDIA_ELEMENTS, UI_ATTRIBUTE } from '../../lib/dom';
import type { Theme } from '../../lib/settings/schema';
import { PALETTES } from './themes';

// `svg|*` (every SVG element) is a namespace test: as cheap as a tag, unlike `svg *`.
const MEDIA = `${MEDIA_ELEMENTS.filter((m) => m !== 'svg').join(', ')}, svg|*`;

/** The attribute carrying measured fixes: `flat` (drop the background image), `opaque` (opacity 1). */
export const FIX_ATTRIBUTE = 'data-dede-contrast';
/** Set on <html> once the content script has taken over from the early stylesheet. */
export const EARLY_OFF_ATTRIBUTE = 'data-dede-early-off';
/** Custom property the early stylesheet sets on :root, so the content script can see it is there. */
export const EARLY_PROPERTY = '--dede-early';

/** Where the sheet goes: the page, an open shadow root, or the early file injected by the browser. */
export type CssScope = 'document' | 'shadow' | 'early';

/**
 * How the early sheet gives the selection the theme's colours.
 * - `each`: a rule that matches every element.
 * - `inherited`: a rule on the root only, which every element inherits where the page gives it no
 *   selection colours of its own (highlight inheritance, Chromium). The content script adds
 *   `selectionCss` where the page has such rules (index.ts).
 * Chromium computes a selection rule with conditions (`:root:not(…) *::selection`) element by
 * element: most of the sheet's style cost while a 10,000-element page loads. A plain
 * `*::selection`, as in the document's own sheet, it computes once.
 */
export type SelectionRule = 'each' | 'inherited';

export interface EarlyMarker {
  theme: Theme;
  selection: SelectionRule;
}

/** The early sheet's marker (`EARLY_PROPERTY: <theme> <selection>` on :root); null when there is none. */
export function parseEarlyMarker(value: string): EarlyMarker | null {
  const [theme, selection] = value.trim().split(/\s+/);
  if (!theme || !Object.hasOwn(PALETTES, theme) || (selection !== 'each' && selection !== 'inherited')) return null;
  return { theme: theme as Theme, selection };
}

type Palette = (typeof PALETTES)[Theme];

const selectionRule = (selector: string, p: Palette) =>
  `${selector} { background-color: ${p.selectionBackground} !important; color: ${p.selectionText} !important; -webkit-text-fill-color: ${p.selectionText} !important; }`;

/** The selection's colours on every element: with an early sheet whose rule is `inherited`. */
export function selectionCss(theme: Theme): string {
  return `@layer dede {\n${selectionRule('*::selection', PALETTES[theme])}\n}\n`;
}

/**
 * The reading highlight inside an open shadow root, which the reader's own highlight sheet (in the
 * document) does not reach. In the document the reader sets the theme's highlight colours itself
 * (features/read-aloud/highlight.ts): a `::highlight` rule here would make the browser style the
 * highlight of every element of the page while it loads, for a reading that may never come.
 */
const shadowHighlights = (p: Palette) => `:host ::highlight(dede-reading) { background-color: ${p.highlightBackground}; color: ${p.highlightText}; }
:host ::highlight(dede-word) { background-color: ${p.highlightText}; color: ${p.highlightBackground}; }
`;

export function themeCss(theme: Theme, scope: CssScope = 'document', selection: SelectionRule = 'each'): string {
  const p = PALETTES[theme];
  const root = scope === 'shadow' ? ':host' : scope === 'early' ? `:root:not([${EARLY_OFF_ATTRIBUTE}])` : ':root';
  const selected = scope === 'document' ? '*::selection' : scope === 'early' && selection === 'inherited' ? `${root}::selection` : `${root} *::selection`;
  const skip = `:not([${UI_ATTRIBUTE}])`;
  const text = `${skip}:not(${MEDIA})`;
  const all = scope === 'shadow' ? `${root} *${text}` : `${root}, ${root} *${text}`;
  const rootRule =
    scope === 'shadow' ? '' : `${root} { color-scheme: ${p.dark ? 'dark' : 'light'} !important; background: ${p.background} !important; }`;
  return `@namespace svg url(http://www.w3.org/2000/svg);
@layer dede {
${rootRule}
${all} {
  color: ${p.text} !important;
  background-color: ${p.background} !important;
  border-color: ${p.border} !important;
  text-shadow: none !important;
  box-shadow: none !important;
  -webkit-text-fill-color: currentColor !important;
  caret-color: ${p.text} !important;
  accent-color: ${p.link} !important;
  filter: none !important;
  backdrop-filter: none !important;
  mix-blend-mode: normal !important;
}
${root} *${skip}::before, ${root} *${skip}::after {
  color: ${p.text} !important;
  background-color: transparent !important;
  border-color: ${p.border} !important;
  text-shadow: none !important;
  box-shadow: none !important;
  -webkit-text-fill-color: currentColor !important;
}
${root} [${FIX_ATTRIBUTE}~="flat"], ${root} [${FIX_ATTRIBUTE}~="flat"]::before, ${root} [${FIX_ATTRIBUTE}~="flat"]::after { background-image: none !important; }
${root} [${FIX_ATTRIBUTE}~="opaque"] { opacity: 1 !important; }
${root} *${skip}::placeholder { color: ${p.text} !important; -webkit-text-fill-color: ${p.text} !important; opacity: 1 !important; }
${root} a:link${skip}, ${root} a:link${skip} *:not(${MEDIA}), ${root} a:link${skip}::before, ${root} a:link${skip}::after { color: ${p.link} !important; }
${root} a:visited${skip}, ${root} a:visited${skip} *:not(${MEDIA}), ${root} a:visited${skip}::before, ${root} a:visited${skip}::after { color: ${p.visited} !important; }
${root} a[href]${skip} { text-decoration-line: underline !important; text-decoration-thickness: from-font !important; }
${root} *${skip}:focus-visible { outline: 3px solid ${p.focus} !important; outline-offset: 2px !important; }
${root} :is(input, textarea, select, button)${skip} { border: 1px solid ${p.border} !important; }
${selectionRule(selected, p)}
${root} svg text${skip}, ${root} svg tspan${skip}, ${root} svg textPath${skip} {
  fill: ${p.text} !important;
  stroke: ${p.background} !important;
  stroke-width: 5px !important;
  stroke-linejoin: round !important;
  stroke-opacity: 1 !important;
  fill-opacity: 1 !important;
  paint-order: stroke fill !important;
}
${scope === 'shadow' ? shadowHighlights(p) : ''}}
`;
}
