/**
 * High-contrast themes. One stylesheet gives every element the theme's text colour over a solid
 * theme background, so text contrast is the palette's (≥ 7:1) whatever the page set; media keep
 * their own pixels. It is applied from document_start, before the page has painted.
 */
import type { SiteSettings, Theme } from '@/lib/settings/schema';
import { createPageStyle, type PageStyle } from '@/lib/page-style';
import { UI_ATTRIBUTE } from '@/lib/dom';
import { PALETTES } from './themes';

const MEDIA = 'img, picture, video, canvas, iframe, embed, object, svg, svg *, math';

export function themeCss(theme: Theme): string {
  const p = PALETTES[theme];
  const all = `:root, :root *:not([${UI_ATTRIBUTE}]):not(${MEDIA})`;
  return `
:root { color-scheme: ${p.dark ? 'dark' : 'light'} !important; background: ${p.background} !important; }
${all} {
  color: ${p.text} !important;
  background-color: ${p.background} !important;
  background-image: none !important;
  border-color: ${p.border} !important;
  text-shadow: none !important;
  box-shadow: none !important;
  -webkit-text-fill-color: currentColor !important;
  caret-color: ${p.text} !important;
}
${all}::before, ${all}::after {
  color: ${p.text} !important;
  background-color: transparent !important;
  background-image: none !important;
  border-color: ${p.border} !important;
  text-shadow: none !important;
}
:root *:not([${UI_ATTRIBUTE}])::placeholder { color: ${p.text} !important; opacity: 1 !important; }
:root a:link:not([${UI_ATTRIBUTE}]), :root a:link:not([${UI_ATTRIBUTE}]) * { color: ${p.link} !important; }
:root a:visited:not([${UI_ATTRIBUTE}]), :root a:visited:not([${UI_ATTRIBUTE}]) * { color: ${p.visited} !important; }
:root a[href]:not([${UI_ATTRIBUTE}]) { text-decoration: underline !important; }
:root *:not([${UI_ATTRIBUTE}]):focus-visible { outline: 3px solid ${p.focus} !important; outline-offset: 2px !important; }
:root :is(input, textarea, select, button):not([${UI_ATTRIBUTE}]) { border: 1px solid ${p.border} !important; }
:root ::selection { background-color: ${p.selectionBackground} !important; color: ${p.selectionText} !important; }
:root svg text, :root svg tspan { fill: ${p.text} !important; }
:root ::highlight(dede-reading) { background-color: ${p.highlightBackground}; color: ${p.highlightText}; }
`;
}

export function createContrast(doc: Document) {
  let style: PageStyle | null = null;
  let current: Theme | null = null;
  return {
    apply(settings: SiteSettings) {
      if (!settings.contrast) return this.remove();
      if (current === settings.theme) return;
      style ??= createPageStyle(doc);
      style.set(themeCss(settings.theme));
      current = settings.theme;
    },
    remove() {
      style?.remove();
      style = null;
      current = null;
    },
  };
}

export type ContrastFeature = ReturnType<typeof createContrast>;
