/**
 * Text size and comfortable-reading options.
 *
 * Every element that shows text is measured once, at the page's own size, and tagged with that
 * size (`data-dede-fs="13"`). One generated stylesheet then sizes each tag as
 * `calc(13px * var(--dede-text-scale))`, so text set in px, em, %, keywords or inline styles all
 * grow by the same factor, headings keep their hierarchy, and changing the factor later costs one
 * style recalculation instead of another walk. Elements the page adds later are measured in
 * batches, once per animation frame, with the factor briefly set back to 1.
 */
import type { SiteSettings } from '@/lib/settings/schema';
import { createPageStyle, type PageStyle } from '@/lib/page-style';
import { UI_ATTRIBUTE } from '@/lib/dom';

const FS = 'data-dede-fs';
const LH = 'data-dede-lh';
const JUSTIFIED = 'data-dede-justify';
const FORM_TEXT = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK']);

type TextOptions = Pick<SiteSettings, 'textScale' | 'textSpacing' | 'readingWidth' | 'leftAlign' | 'font'>;

/** Inline `!important` sizes beat any stylesheet: those elements get an inline value of ours. */
interface InlineOverride {
  property: 'font-size' | 'line-height';
  value: string;
  priority: string;
}

const SANS = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

function roundPx(value: string): number | null {
  const px = Number.parseFloat(value);
  return Number.isFinite(px) && px > 0 ? Math.round(px * 100) / 100 : null;
}

export function createTextSize(doc: Document) {
  let style: PageStyle | null = null;
  let observer: MutationObserver | null = null;
  let options: TextOptions | null = null;
  const fontSizes = new Set<number>();
  const lineHeights = new Set<number>();
  const tagged = new Set<Element>();
  const inline = new Map<HTMLElement, InlineOverride[]>();
  let pending: Element[] = [];
  let frame = 0;

  function textOwners(root: Node, into: Set<Element>) {
    if (root.nodeType === Node.TEXT_NODE) {
      if (root.parentElement && root.nodeValue?.trim()) into.add(root.parentElement);
      return;
    }
    if (!(root instanceof Element) || SKIP.has(root.tagName) || root.closest(`[${UI_ATTRIBUTE}]`)) return;
    if (FORM_TEXT.has(root.tagName)) into.add(root);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode(node) {
        if (node instanceof Element) {
          if (SKIP.has(node.tagName) || node.hasAttribute(UI_ATTRIBUTE)) return NodeFilter.FILTER_REJECT;
          return FORM_TEXT.has(node.tagName) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        return node.nodeValue?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const owner = node instanceof Element ? node : node.parentElement;
      if (owner) into.add(owner);
    }
  }

  /** Reads every size first, then writes every tag, so the page is styled only twice. */
  function measure(elements: Iterable<Element>) {
    const view = doc.defaultView;
    if (!view) return;
    const readings: [Element, number, number | null, boolean][] = [];
    for (const el of elements) {
      if (tagged.has(el) || !el.isConnected) continue;
      const cs = view.getComputedStyle(el);
      const fs = roundPx(cs.fontSize);
      if (fs === null) continue;
      const lh = cs.lineHeight === 'normal' ? null : roundPx(cs.lineHeight);
      readings.push([el, fs, lh, cs.textAlign === 'justify']);
    }
    for (const [el, fs, lh, justified] of readings) {
      tagged.add(el);
      el.setAttribute(FS, String(fs));
      fontSizes.add(fs);
      if (lh !== null) {
        el.setAttribute(LH, String(lh));
        lineHeights.add(lh);
      }
      if (justified) el.setAttribute(JUSTIFIED, '');
      if (el instanceof HTMLElement) overrideInlineImportant(el, fs, lh);
    }
  }

  function overrideInlineImportant(el: HTMLElement, fs: number, lh: number | null) {
    const saved: InlineOverride[] = [];
    const targets: [InlineOverride['property'], number | null][] = [['font-size', fs], ['line-height', lh]];
    for (const [property, px] of targets) {
      if (px === null || el.style.getPropertyPriority(property) !== 'important') continue;
      saved.push({ property, value: el.style.getPropertyValue(property), priority: 'important' });
      el.style.setProperty(property, `calc(${px}px * var(--dede-text-scale, 1))`, 'important');
    }
    if (saved.length) inline.set(el, saved);
  }

  function render() {
    if (!style || !options) return;
    const o = options;
    const rules: string[] = [`:root { --dede-text-scale: ${o.textScale}; }`];
    for (const fs of fontSizes) rules.push(`[${FS}="${fs}"] { font-size: calc(${fs}px * var(--dede-text-scale)) !important; }`);
    const body = `body *:not([${UI_ATTRIBUTE}])`;
    if (o.textSpacing) {
      // WCAG 1.4.12: line height 1.5, paragraph spacing 2×, letter 0.12em, word 0.16em.
      rules.push(`${body} { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }`);
      rules.push(`:is(p, li, dd, blockquote, h1, h2, h3, h4, h5, h6):not([${UI_ATTRIBUTE}]) { margin-bottom: 2em !important; }`);
    } else {
      for (const lh of lineHeights) rules.push(`[${LH}="${lh}"] { line-height: calc(${lh}px * var(--dede-text-scale)) !important; }`);
    }
    if (o.readingWidth) {
      rules.push(`:is(p, li, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, figcaption):not([${UI_ATTRIBUTE}]) { max-width: 70ch !important; }`);
    }
    if (o.leftAlign) rules.push(`[${JUSTIFIED}] { text-align: start !important; }`);
    if (o.font === 'sans') {
      rules.push(`${body}:not(i, [class*="icon"], [class*="fa-"]) { font-family: ${SANS} !important; }`);
    }
    style.set(rules.join('\n'));
  }

  /** Measures at the page's own size: our rules are lifted for the duration of the read. */
  function measureAtPageSize(elements: Iterable<Element>) {
    style?.set('');
    try {
      measure(elements);
    } finally {
      render();
    }
  }

  function flush() {
    frame = 0;
    const owners = new Set<Element>();
    for (const root of pending) textOwners(root, owners);
    pending = [];
    if (owners.size) measureAtPageSize(owners);
  }

  function observe() {
    const view = doc.defaultView;
    if (observer || !view) return;
    observer = new view.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') {
          if (r.target.parentElement) pending.push(r.target.parentElement);
        } else for (const n of r.addedNodes) if (n instanceof Element || n instanceof Text) pending.push(n.parentElement ?? (n as Element));
      }
      if (pending.length && !frame) frame = view.requestAnimationFrame(flush);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  function isNeutral(o: TextOptions) {
    return o.textScale === 1 && !o.textSpacing && !o.readingWidth && !o.leftAlign && o.font === 'page';
  }

  return {
    apply(settings: SiteSettings) {
      const next: TextOptions = {
        textScale: settings.textScale,
        textSpacing: settings.textSpacing,
        readingWidth: settings.readingWidth,
        leftAlign: settings.leftAlign,
        font: settings.font,
      };
      if (isNeutral(next)) return this.remove();
      const first = !style;
      style ??= createPageStyle(doc);
      options = next;
      render();
      if (first) {
        const owners = new Set<Element>();
        if (doc.documentElement) textOwners(doc.documentElement, owners);
        measureAtPageSize(owners);
        observe();
      }
    },
    remove() {
      observer?.disconnect();
      observer = null;
      if (frame) doc.defaultView?.cancelAnimationFrame(frame);
      frame = 0;
      pending = [];
      style?.remove();
      style = null;
      options = null;
      for (const el of tagged) {
        el.removeAttribute(FS);
        el.removeAttribute(LH);
        el.removeAttribute(JUSTIFIED);
      }
      tagged.clear();
      for (const [el, saved] of inline) {
        for (const s of saved) el.style.setProperty(s.property, s.value, s.priority);
      }
      inline.clear();
      fontSizes.clear();
      lineHeights.clear();
    },
  };
}

export type TextSizeFeature = ReturnType<typeof createTextSize>;
