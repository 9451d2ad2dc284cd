/**
 * Text size and comfortable-reading options.
 *
 * Every element that shows text is measured once, at the page's own size, and tagged with that
 * size (`data-dede-fs="13"`). One generated stylesheet per document or open shadow root then
 * sizes each tag as `calc(13px * var(--dede-text-scale))`, so text set in px, em, %, keywords or
 * inline styles all grow by the same factor, headings keep their hierarchy, and changing the
 * factor later costs one style recalculation instead of another walk. Elements the page adds
 * later are measured in batches, once per animation frame, with our rules briefly lifted.
 *
 * Bigger text must not be clipped or spill out of its box, so after each change a repair pass
 * looks, in batches (read everything, then write), at the boxes that hold text:
 * - a box that did not overflow at the page's own size but overflows now, with its overflow
 *   hidden or visible, gets `height: auto` and `min-height` = its old height (`data-dede-grow`);
 * - a box that became wider than its parent, or sticks out of the window, gets
 *   `max-width: 100%` and `min-width: 0` (`data-dede-fit`), which also lets fixed-width
 *   layouts reflow at narrow widths.
 * Everything is done with attributes and adopted stylesheets, so `remove()` restores the page.
 */
import { textIsNeutral, type SiteSettings } from '@/lib/settings/schema';
import { createPageStyle, type PageStyle } from '@/lib/page-style';
import { UI_ATTRIBUTE } from '@/lib/dom';

const FS = 'data-dede-fs';
const LH = 'data-dede-lh';
const JUSTIFIED = 'data-dede-justify';
const GROW = 'data-dede-grow';
const FIT = 'data-dede-fit';
const WRAP = 'data-dede-wrap';
const FLOW_ROOT = 'data-dede-flow';
const ATTRIBUTES = [FS, LH, JUSTIFIED, GROW, FIT, WRAP, FLOW_ROOT];
const FORM_TEXT = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'svg']);
/** Repair passes after one change: a fixed box that grows may make its fixed parent overflow. */
const MAX_REPAIR_PASSES = 4;

/** Line height / font size at which a line height is taken for a box height (see lineHeightKey). */
const CENTERING_RATIO = 2;
const COMFORTABLE_LEADING = 1.4;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export type TextOptions = Pick<SiteSettings, 'textScale' | 'textSpacing' | 'readingWidth' | 'leftAlign' | 'font'>;

/** Inline `!important` sizes beat any stylesheet: those elements get an inline value of ours. */
interface InlineOverride {
  property: 'font-size' | 'line-height';
  value: string;
  priority: string;
}

/** How a box that holds text looked at the page's own size. */
interface PageBox {
  /** Its content already overflowed it vertically. */
  overflowedY: boolean;
  /** Its content already overflowed it horizontally. */
  overflowedX: boolean;
  /** It was already wider than its parent. */
  wide: boolean;
}

type Root = Document | ShadowRoot;

const SANS = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export function roundPx(value: string): number | null {
  const px = Number.parseFloat(value);
  return Number.isFinite(px) && px > 0 ? Math.round(px * 100) / 100 : null;
}

function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

function isHTMLElement(node: Element): node is HTMLElement {
  return 'offsetWidth' in node && 'style' in node;
}

/**
 * The stylesheet for one document (`scope` "body *") or shadow root (`scope` "*"). Pure: the
 * sizes, line heights and heights are those measured so far.
 */
export function textSizeRules(
  o: TextOptions,
  measured: { fontSizes: Iterable<number>; lineHeights: Iterable<string>; heights: Iterable<number> },
  inShadow = false,
): string {
  const rules: string[] = [];
  if (!inShadow) rules.push(`:root { --dede-text-scale: ${o.textScale}; }`);
  const scale = 'var(--dede-text-scale, 1)';
  for (const fs of measured.fontSizes) rules.push(`[${FS}="${fs}"] { font-size: calc(${fs}px * ${scale}) !important; }`);
  const any = `${inShadow ? '' : 'body '}*:not([${UI_ATTRIBUTE}])`;
  if (o.textScale > 1) rules.push(`[${FS}] { overflow-wrap: break-word !important; }`);
  if (o.textSpacing) {
    // WCAG 1.4.12: line height 1.5, paragraph spacing 2×, letter 0.12em, word 0.16em.
    rules.push(`${any} { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }`);
    rules.push(`:is(p, li, dd, blockquote, h1, h2, h3, h4, h5, h6):not([${UI_ATTRIBUTE}]) { margin-bottom: 2em !important; }`);
  } else {
    for (const key of measured.lineHeights) rules.push(`[${LH}="${key}"] { line-height: ${lineHeightValue(key, scale)} !important; }`);
  }
  if (o.readingWidth) {
    // 70ch of "0" is about 80 characters of running text.
    rules.push(`:is(p, li, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, figcaption):not([${UI_ATTRIBUTE}]) { max-width: 70ch !important; }`);
  }
  if (o.leftAlign) rules.push(`[${JUSTIFIED}] { text-align: start !important; }`);
  if (o.font === 'sans') {
    rules.push(`${any}:not(i, [class*="icon"], [class*="fa-"]) { font-family: ${SANS} !important; }`);
  }
  // Repairs: boxes that grow instead of clipping, boxes that fit their parent instead of sticking out.
  for (const h of measured.heights) {
    rules.push(`[${GROW}="${h}"] { height: auto !important; min-height: ${h}px !important; max-height: none !important; }`);
  }
  // A grown block holds its floats, so its background stays behind its text.
  rules.push(`[${FLOW_ROOT}] { display: flow-root !important; }`);
  rules.push(`[${FIT}] { max-width: 100% !important; min-width: 0 !important; box-sizing: border-box !important; }`);
  rules.push(`[${FIT}] img { max-width: 100% !important; height: auto !important; }`);
  rules.push(`[${FIT}] :is(td, th) { overflow-wrap: anywhere !important; }`);
  rules.push(`[${WRAP}] { white-space: normal !important; overflow-wrap: anywhere !important; }`);
  // Important declarations in a layer beat the page's own unlayered `!important` rules.
  return `@layer dede-text {\n${rules.join('\n')}\n}`;
}

/**
 * A fixed line height as a tag value. Ordinary leading ("18" for 12px text) grows with the text.
 * A line height of twice the text or more is a box height in disguise (`height: 34px;
 * line-height: 34px` centres a menu item): it stays, unless the bigger text needs more ("c34/12").
 */
export function lineHeightKey(lineHeight: number, fontSize: number): string {
  return lineHeight >= CENTERING_RATIO * fontSize ? `c${lineHeight}/${fontSize}` : String(lineHeight);
}

function lineHeightValue(key: string, scale: string): string {
  if (!key.startsWith('c')) return `calc(${key}px * ${scale})`;
  const [lh, fs] = key.slice(1).split('/');
  return `max(${lh}px, calc(${fs}px * ${COMFORTABLE_LEADING} * ${scale}))`;
}

export function createTextSize(doc: Document) {
  let observer: MutationObserver | null = null;
  let options: TextOptions | null = null;
  /** Our stylesheet in the document and in every open shadow root found. */
  const roots = new Map<Root, PageStyle>();
  const fontSizes = new Set<number>();
  const lineHeights = new Set<string>();
  const heights = new Set<number>();
  const tagged = new Set<Element>();
  const boxes = new Map<Element, PageBox>();
  let waitingForParse = false;
  const inline = new Map<HTMLElement, { saved: InlineOverride[]; attribute: string | null; ours: string }>();
  let pending: Node[] = [];
  let frame = 0;
  let resizeFrame = 0;
  let lastRepairKey = '';

  function addRoot(root: Root) {
    if (roots.has(root)) return;
    try {
      roots.set(root, createPageStyle(root));
      if (observer && root !== doc) observer.observe(root, { childList: true, subtree: true, characterData: true });
    } catch {
      /* a root we cannot style is left as it is */
    }
  }

  /** Elements that own visible text under `start`, including in open shadow roots below it. */
  function textOwners(start: Node, into: Set<Element>) {
    const queue: Node[] = [start];
    while (queue.length) {
      const root = queue.pop()!;
      try {
        if (root.nodeType === TEXT_NODE) {
          const parent = root.parentElement;
          if (parent && root.nodeValue?.trim() && !parent.closest(`[${UI_ATTRIBUTE}]`) && !SKIP.has(parent.tagName)) into.add(parent);
          continue;
        }
        if (isElement(root)) {
          if (SKIP.has(root.tagName) || root.closest(`[${UI_ATTRIBUTE}]`)) continue;
          if (FORM_TEXT.has(root.tagName)) into.add(root);
          if (root.shadowRoot) queue.push(root.shadowRoot);
        }
        if (root.nodeType === 11 && (root as ShadowRoot).host) addRoot(root as ShadowRoot);
        const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
          acceptNode(node) {
            if (node.nodeType === ELEMENT_NODE) {
              const el = node as Element;
              if (SKIP.has(el.tagName) || el.hasAttribute(UI_ATTRIBUTE)) return NodeFilter.FILTER_REJECT;
              if (el.shadowRoot) queue.push(el.shadowRoot);
              return FORM_TEXT.has(el.tagName) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
            }
            return node.nodeValue?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
          },
        });
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const owner = isElement(node) ? node : node.parentElement;
          if (owner) into.add(owner);
        }
      } catch {
        /* one odd subtree must not stop the others */
      }
    }
  }

  /** Reads every size first, then writes every tag, so the page is laid out only once. */
  /** Measures text owners at the page's own size; returns the boxes seen for the first time. */
  function measure(elements: Iterable<Element>): Element[] {
    const view = doc.defaultView;
    if (!view) return [];
    const readings: [Element, number, number | null, boolean][] = [];
    const newBoxes: [Element, PageBox][] = [];
    for (const el of elements) {
      if (tagged.has(el) || !el.isConnected) continue;
      try {
        const cs = view.getComputedStyle(el);
        const fs = roundPx(cs.fontSize);
        if (fs === null) continue;
        const lh = cs.lineHeight === 'normal' ? null : roundPx(cs.lineHeight);
        readings.push([el, fs, lh, cs.textAlign === 'justify']);
        // The boxes that hold this text, as they are at the page's own size.
        for (let box: Element | null = el; box && !boxes.has(box); box = box.parentElement) {
          const pageBox: PageBox = { overflowedY: false, overflowedX: false, wide: false };
          boxes.set(box, pageBox);
          if (!isHTMLElement(box)) continue;
          newBoxes.push([box, pageBox]);
        }
      } catch {
        /* skip what cannot be measured */
      }
    }
    for (const [box, pageBox] of newBoxes) {
      const b = box as HTMLElement;
      const ch = b.clientHeight;
      pageBox.overflowedY = ch > 0 && b.scrollHeight > ch + 1;
      const cw = b.clientWidth;
      pageBox.overflowedX = cw > 0 && b.scrollWidth > cw + 1;
      const parent = b.parentElement;
      pageBox.wide = !!parent && parent.clientWidth > 0 && b.offsetWidth > parent.clientWidth + 1;
    }
    for (const [el, fs, lh, justified] of readings) {
      tagged.add(el);
      el.setAttribute(FS, String(fs));
      fontSizes.add(fs);
      if (lh !== null) {
        const key = lineHeightKey(lh, fs);
        el.setAttribute(LH, key);
        lineHeights.add(key);
      }
      if (justified) el.setAttribute(JUSTIFIED, '');
      if (isHTMLElement(el)) overrideInlineImportant(el, fs, lh);
    }
    return newBoxes.map(([box]) => box);
  }

  function overrideInlineImportant(el: HTMLElement, fs: number, lh: number | null) {
    const saved: InlineOverride[] = [];
    const attribute = el.getAttribute('style');
    const targets: [InlineOverride['property'], number | null][] = [['font-size', fs], ['line-height', lh]];
    for (const [property, px] of targets) {
      if (px === null || el.style.getPropertyPriority(property) !== 'important') continue;
      saved.push({ property, value: el.style.getPropertyValue(property), priority: 'important' });
      el.style.setProperty(property, `calc(${px}px * var(--dede-text-scale, 1))`, 'important');
    }
    if (saved.length) inline.set(el, { saved, attribute, ours: el.getAttribute('style') ?? '' });
  }

  function render() {
    if (!options) return;
    const measured = { fontSizes, lineHeights, heights };
    const light = textSizeRules(options, measured, false);
    const shadow = textSizeRules(options, measured, true);
    for (const [root, style] of roots) {
      try {
        style.set(root === doc ? light : shadow);
      } catch {
        /* a root that went away */
      }
    }
  }

  function lift() {
    for (const style of roots.values()) {
      try {
        style.set('');
      } catch {
        /* ignore */
      }
    }
  }

  /** Measures at the page's own size: our rules are lifted for the duration of the read. */
  function measureAtPageSize(elements: Iterable<Element>, ourRulesApplied = true): Element[] {
    // Nothing to lift on the first apply: lifting an empty sheet would still restyle the page.
    if (ourRulesApplied) lift();
    try {
      return measure(elements);
    } finally {
      render();
    }
  }

  /**
   * Lets boxes that now clip or spill their text grow, and boxes that now stick out fit.
   * Each pass reads every box (or only `only`, the boxes new text brought), then writes; a pass
   * runs only if the one before changed something.
   */
  function repair(only?: Element[]) {
    const view = doc.defaultView;
    const html = doc.documentElement;
    if (!view || !html || !options) return;
    for (let pass = 0; pass < MAX_REPAIR_PASSES; pass++) {
      const viewportWidth = html.clientWidth;
      const grow: [HTMLElement, number, boolean][] = [];
      const fit: HTMLElement[] = [];
      const wrap: HTMLElement[] = [];
      const list: Iterable<[Element, PageBox | undefined]> = only ? only.map((el) => [el, boxes.get(el)]) : boxes;
      for (const [el, page] of list) {
        if (!page || !isHTMLElement(el) || !el.isConnected) continue;
        try {
          const parent = el.parentElement;
          if (parent && !el.hasAttribute(FIT)) {
            const parentWidth = parent.clientWidth;
            if (parentWidth > 0 && el.offsetWidth > parentWidth + 1) {
              const sticksOut = !page.wide || (el.getBoundingClientRect().right > viewportWidth + 1 && !insideClip(view, parent));
              if (sticksOut && inFlow(view, el)) fit.push(el);
            }
          }
          if (!page.overflowedX && !el.hasAttribute(WRAP)) {
            const cw = el.clientWidth;
            if (cw > 0 && el.scrollWidth > cw + 1) {
              const cs = view.getComputedStyle(el);
              const mode = (cs as unknown as Record<string, string>).textWrapMode;
              if (cs.whiteSpace === 'nowrap' || mode === 'nowrap') wrap.push(el);
            }
          }
          if (!page.overflowedY && !el.hasAttribute(GROW)) {
            const ch = el.clientHeight;
            if (ch > 0 && el.scrollHeight > ch + 1) {
              const cs = view.getComputedStyle(el);
              const clamp = (cs as unknown as Record<string, string>).webkitLineClamp;
              if (cs.overflowY !== 'auto' && cs.overflowY !== 'scroll' && (!clamp || clamp === 'none')) {
                const h = roundPx(cs.height);
                if (h !== null) grow.push([el, h, cs.display === 'block']);
              }
            }
          }
        } catch {
          /* skip this box */
        }
      }
      if (!grow.length && !fit.length && !wrap.length) return;
      for (const el of fit) el.setAttribute(FIT, '');
      for (const el of wrap) el.setAttribute(WRAP, '');
      for (const [el, h, block] of grow) {
        el.setAttribute(GROW, String(h));
        if (block) el.setAttribute(FLOW_ROOT, '');
        heights.add(h);
      }
      render();
    }
  }

  /**
   * Stylesheets that arrive after text was first measured (loaded late, or applied after the
   * parser handed the text over) change the page's own sizes: once the page has loaded, the
   * sizes are read again and tags that no longer match are corrected.
   */
  function remeasureAfterLoad() {
    const view = doc.defaultView;
    if (!view || !options) return;
    const changed: [Element, number][] = [];
    lift();
    try {
      for (const el of tagged) {
        if (!el.isConnected || (isHTMLElement(el) && inline.has(el))) continue;
        const fs = roundPx(view.getComputedStyle(el).fontSize);
        if (fs !== null && String(fs) !== el.getAttribute(FS)) changed.push([el, fs]);
      }
    } catch {
      /* keep what was measured */
    } finally {
      for (const [el, fs] of changed) {
        el.setAttribute(FS, String(fs));
        fontSizes.add(fs);
      }
      render();
    }
    if (changed.length) repair();
  }

  function flush() {
    frame = 0;
    const owners = new Set<Element>();
    for (const root of pending) textOwners(root, owners);
    pending = [];
    if (!owners.size || !options) return;
    repair(measureAtPageSize(owners));
  }

  /**
   * New text is measured once per frame; while the page is still being parsed, once when parsing
   * ends (measuring lifts our rules, which restyles the whole page: per parsed chunk, a large page
   * would pay that many times over).
   */
  function schedule() {
    const view = doc.defaultView;
    if (!view || frame || waitingForParse) return;
    if (doc.readyState === 'loading') {
      waitingForParse = true;
      doc.addEventListener(
        'DOMContentLoaded',
        () => {
          waitingForParse = false;
          if (options) flush();
        },
        { once: true },
      );
      return;
    }
    frame = view.requestAnimationFrame(flush);
  }

  function onResize() {
    const view = doc.defaultView;
    if (!view || resizeFrame) return;
    resizeFrame = view.requestAnimationFrame(() => {
      resizeFrame = 0;
      repair();
    });
  }

  function observe() {
    const view = doc.defaultView;
    if (observer || !view || !doc.documentElement) return;
    observer = new view.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') pending.push(r.target);
        else for (const n of r.addedNodes) if (n.nodeType === ELEMENT_NODE || n.nodeType === TEXT_NODE) pending.push(n);
      }
      if (pending.length) schedule();
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    for (const root of roots.keys()) if (root !== doc) observer.observe(root, { childList: true, subtree: true, characterData: true });
    view.addEventListener('resize', onResize);
  }

  return {
    apply(settings: SiteSettings | TextOptions) {
      const next: TextOptions = {
        textScale: settings.textScale,
        textSpacing: settings.textSpacing,
        readingWidth: settings.readingWidth,
        leftAlign: settings.leftAlign,
        font: settings.font,
      };
      if (textIsNeutral(next)) return this.remove();
      try {
        const first = !options;
        options = next;
        if (first) {
          addRoot(doc);
          const owners = new Set<Element>();
          if (doc.documentElement) textOwners(doc.documentElement, owners);
          measureAtPageSize(owners, false);
          observe();
          if (doc.readyState !== 'complete') doc.defaultView?.addEventListener('load', remeasureAfterLoad, { once: true });
        } else {
          render();
        }
        const key = JSON.stringify(next);
        if (first || key !== lastRepairKey) repair();
        lastRepairKey = key;
      } catch (error) {
        console.warn('[Dễ Đọc] text size', error);
      }
    },
    remove() {
      const view = doc.defaultView;
      observer?.disconnect();
      observer = null;
      view?.removeEventListener('resize', onResize);
      view?.removeEventListener('load', remeasureAfterLoad);
      if (frame) view?.cancelAnimationFrame(frame);
      if (resizeFrame) view?.cancelAnimationFrame(resizeFrame);
      frame = 0;
      resizeFrame = 0;
      pending = [];
      for (const style of roots.values()) {
        try {
          style.remove();
        } catch {
          /* ignore */
        }
      }
      roots.clear();
      options = null;
      lastRepairKey = '';
      for (const el of [...tagged, ...boxes.keys()]) {
        for (const name of ATTRIBUTES) if (el.hasAttribute(name)) el.removeAttribute(name);
      }
      tagged.clear();
      boxes.clear();
      for (const [el, { saved, attribute, ours }] of inline) {
        // The page's own text back, byte for byte, unless the page changed the style since.
        if (attribute !== null && el.getAttribute('style') === ours) el.setAttribute('style', attribute);
        else for (const s of saved) el.style.setProperty(s.property, s.value, s.priority);
      }
      inline.clear();
      fontSizes.clear();
      lineHeights.clear();
      heights.clear();
    },
  };
}

/** Positioned out of flow: its width is not its parent's business. */
function inFlow(view: Window, el: Element): boolean {
  const position = view.getComputedStyle(el).position;
  return position !== 'absolute' && position !== 'fixed';
}

/** Some ancestor clips or scrolls horizontally (a carousel, a scroll box): leave its content alone. */
function insideClip(view: Window, from: Element): boolean {
  for (let el: Element | null = from; el && el !== el.ownerDocument.body; el = el.parentElement) {
    if (view.getComputedStyle(el).overflowX !== 'visible') return true;
  }
  return false;
}

export type TextSizeFeature = ReturnType<typeof createTextSize>;
