/**
 * Text size and comfortable-reading options.
 *
 * Sizes grow by one factor, `--dede-text-scale`, so changing it later costs one style
 * recalculation. Two ways to get there, the first wherever it can:
 * - **By the page's rules** (rules.ts): the font sizes and line heights the page's stylesheets
 *   declare are scaled in place, and fixed heights (`height: 18px`) are freed to grow with their
 *   text while it is bigger. Only what no rule can speak for is measured and tagged: the root,
 *   inline styles, form controls, `<font size>`, and the elements of rules whose sizes are
 *   keywords or variables; only the boxes that rules or attributes fix in width, keep on one line,
 *   or fix in height around pictures or floats are watched. The cost follows the number of rules,
 *   not of elements; text the page adds later costs nothing unless it brings such elements or new
 *   stylesheets.
 * - **Element by element**, when a stylesheet cannot be read (Chromium keeps another origin's
 *   rules, as CDN-hosted portals use, from extensions) or nests rules: every element that shows
 *   text is measured once, at the page's own size, and tagged with that size
 *   (`data-dede-fs="13"`); every box that holds text is watched.
 * In both, one generated stylesheet per document or open shadow root sizes each tag as
 * `calc(13px * var(--dede-text-scale))`, so headings keep their hierarchy. New elements are
 * measured in batches, once per animation frame (or after 100 ms where no frame comes), with our
 * rules briefly lifted (the page's rules we scaled fall back to a factor of 1).
 *
 * A page opened with its text already bigger is laid out once, at its new size: the background
 * registers, beside the page-start script, a sheet naming the site's factor (early.ts), read the
 * moment the body begins; the page's rules are scaled there, before its first layout, and the
 * start, in the frame after parsing, measures at the new size what it can (see sizeAtNewSize).
 * Elsewhere our rules are lifted for each measurement.
 *
 * Bigger text must not be clipped or spill out of its box, so after each change a repair pass
 * looks, in batches (read everything, then write), at the watched boxes:
 * - a box that did not overflow at the page's own size but overflows now, with its overflow
 *   hidden or visible, gets `height: auto` and `min-height` = its old height (`data-dede-grow`);
 * - a box that became wider than its parent, or sticks out of the window, gets
 *   `max-width: 100%` and `min-width: 0` (`data-dede-fit`), which also lets fixed-width
 *   layouts reflow at narrow widths.
 * A box's look at the page's own size is read when it is first watched, or, on a page laid out at
 * its new size from the start, only once it clips, spills or sticks out, with that box alone put
 * back at the page's size where the browser can tell how (see pageSizeInline).
 * Should the page still scroll sideways after that, every box that holds text or pictures is watched, as
 * element by element. Everything is done with attributes, adopted stylesheets and declarations
 * whose page values are kept, so `remove()` restores the page.
 */
import { textIsNeutral, type SiteSettings } from '@/lib/settings/schema';
import { createPageStyle, type PageStyle } from '@/lib/page-style';
import { MEDIA_ELEMENTS, UI_ATTRIBUTE, frameOrTimer, isParsing, parseGate, whenParsed } from '@/lib/dom';
import { EARLY_TEXT_PROPERTY, parseEarlyTextScale } from './early';
import { ACROSS, CENTERING_RATIO, COMFORTABLE_LEADING, DOWN, FREED_HEIGHTS, OVER, SCALE, applyRewrites, freeHeights, emptyScan, restoreRewrites, scaleFontSize, scaleLineHeight, scanLoadedImports, scanSheet, type FixedHeight, type PendingImport, type Rewrite, type RuleScan } from './rules';

const FS = 'data-dede-fs';
const LH = 'data-dede-lh';
const JUSTIFIED = 'data-dede-justify';
const GROW = 'data-dede-grow';
const FIT = 'data-dede-fit';
const WRAP = 'data-dede-wrap';
const FLOW_ROOT = 'data-dede-flow';
const IN_FLOW = 'data-dede-in-flow';
/** What a repair pass marks (see repair). */
const REPAIRS = [GROW, FIT, WRAP, FLOW_ROOT, IN_FLOW];
const ATTRIBUTES = [FS, LH, JUSTIFIED, ...REPAIRS];
const FORM_TEXT = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'svg']);
/** New text is measured in the next frame, or after this long where no frame comes (see frameOrTimer). */
const FLUSH_TIMER_MS = 100;
/** Repair passes after one change: a fixed box that grows may make its fixed parent overflow. */
const MAX_REPAIR_PASSES = 4;

/**
 * Elements that may size their own text or box whatever the stylesheets say: inline styles, form
 * controls (sized by the browser), `<font size>`, the browser's monospace elements (sized apart
 * from their parent's size), and table parts with size attributes.
 */
const SIZED_BY_ELEMENT = '[style], input, select, textarea, button, font[size], pre, code, kbd, samp, tt, [width], [height], [nowrap]';
const MONOSPACE = new Set(['PRE', 'CODE', 'KBD', 'SAMP', 'TT']);
const TABLE_PARTS = new Set(['TABLE', 'TR', 'TD', 'TH', 'COL']);
const MEDIA = MEDIA_ELEMENTS.join(', ');
/** Inline styles that may size text by the root. */
const INLINE_ROOT_UNITS = '[style*="rem" i], [style*="rlh" i]';
/** Text nodes looked at on each side to tell whether a box out of the flow lies over text. */
const OVERLAP_SAMPLE = 200;
/** Boxes of a rule looked at to decide how its fixed heights are freed. */
const FREEABLE_SAMPLE = 3;
const INLINE_SIZE = /font|line-height/i;
const INLINE_DOWN = /height/i;
const INLINE_ACROSS = /width|white-space|flex/i;
const BOTH = DOWN | ACROSS;

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
  /** What is watched: DOWN (its height), ACROSS (its width), or both. */
  axes: number;
  /** The axes read at the page's own size so far (a page laid out at the new size from the start is read only where a box needs it). */
  known: number;
  /** The height of its content: more than the box's own height (which bigger text does not change) was overflow already. */
  contentHeight: number;
  /** Its own height (inside its borders). */
  height: number;
  /** Its content already overflowed it horizontally. */
  overflowedX: boolean;
  /** It was already wider than its parent. */
  wide: boolean;
  /** Out of the flow, its text already lay over other text. */
  overlapped: boolean;
}

type Root = Document | ShadowRoot;

const SANS = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** Only the text size differs from the page's: no spacing, width, alignment or font of ours. */
function onlyScaled(o: TextOptions): boolean {
  return !o.textSpacing && !o.readingWidth && !o.leftAlign && o.font === 'page';
}

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
  measured: { fontSizes: Iterable<number>; lineHeights: Iterable<string>; heights: Iterable<number>; justified?: Iterable<string> },
  inShadow = false,
): string {
  const rules: string[] = [];
  if (!inShadow) rules.push(`:root { --dede-text-scale: ${o.textScale};${o.textScale > 1 ? ` ${FREED_HEIGHTS}` : ''} }`);
  const scale = SCALE;
  for (const fs of measured.fontSizes) rules.push(`[${FS}="${fs}"] { font-size: calc(${fs}px * ${scale}) !important; }`);
  const any = `${inShadow ? '' : 'body '}*:not([${UI_ATTRIBUTE}])`;
  if (o.textScale > 1) rules.push(`${any} { overflow-wrap: break-word !important; }`);
  if (o.textSpacing) {
    // WCAG 1.4.12: line height 1.5, paragraph spacing 2×, letter 0.12em, word 0.16em. The spacing
    // goes after paragraphs, and after list items only in the article: not between a menu's items.
    rules.push(`${any} { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }`);
    rules.push(`:is(p, dd, blockquote, :is(article, main, [role="main"]) li):not([${UI_ATTRIBUTE}]) { margin-bottom: 2em !important; }`);
  } else {
    for (const key of measured.lineHeights) rules.push(`[${LH}="${key}"] { line-height: ${lineHeightValue(key, scale)} !important; }`);
  }
  if (o.readingWidth) {
    // 70ch of "0" is about 80 characters of running text.
    rules.push(`:is(p, li, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, figcaption):not([${UI_ATTRIBUTE}]) { max-width: 70ch !important; }`);
  }
  if (o.leftAlign) {
    // Justified by a tag (measured), by a rule of the page's (its selector), by an inline style or attribute.
    const justified = [`[${JUSTIFIED}]`, ...(measured.justified ?? []), '[style*="justify" i]', '[align="justify" i]'];
    rules.push(`:is(${justified.join(', ')}):not([${UI_ATTRIBUTE}]) { text-align: start !important; }`);
  }
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
  // What a cell holds too (the paragraphs of a table pasted from Word), over the rule for all text above.
  rules.push(`[${FIT}] :is(td, th), [${FIT}] :is(td, th) * { overflow-wrap: anywhere !important; }`);
  rules.push(`[${WRAP}] { white-space: normal !important; overflow-wrap: anywhere !important; flex-wrap: wrap !important; }`);
  rules.push(`[${IN_FLOW}] { position: static !important; }`);
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
  const inline = new Map<HTMLElement, { saved: InlineOverride[]; attribute: string | null; ours: string }>();
  let pending: Node[] = [];
  let cancelFrame: (() => void) | null = null;
  let resizeFrame = 0;
  let lastRepairKey = '';
  /** Our rules are in place (not lifted). */
  let drawn = false;
  /** Scaled by the page's rules until one cannot be read; then element by element. */
  let byRules = true;
  /** Set before the page is parsed: the first measurement waits for DOMContentLoaded. */
  let startPending = false;
  /** The page has loaded since the start: pictures without a size given may have pushed boxes over. */
  let loadedSinceStart = false;
  /** The frame asked for while a stylesheet loads as the page is parsed (see scaleLoadingSheets). */
  let sheetFrame = 0;
  let rewrites: Rewrite[] = [];
  let scannedSheets = new WeakSet<object>();
  /** Per root: selectors of the rules whose sizes are measured, and of the rules that fix boxes. */
  const measureSelectors = new Map<Root, Set<string>>();
  const boxSelectors = new Map<Root, Map<string, number>>();
  const justifySelectors = new Map<Root, Set<string>>();
  /** Per root: selectors of the rules that set font sizes, whatever the value, wherever the page is shown (RuleScan.sizes). */
  const sizeSelectors = new Map<Root, Set<string>>();
  /** Per root: selectors of the rules that set font sizes under a condition. */
  const conditionalSizeSelectors = new Map<Root, Set<string>>();
  /** Per root: selectors of the rules that set line heights. */
  const leadingSelectors = new Map<Root, Set<string>>();
  /** Some nested rule sets sizes: which elements it sizes is not known. */
  let nestedSizes = false;
  /** Some rule's size or line height follows the root (rem). */
  let rootRelative = false;
  /** Rules' fixed heights read while the page is parsed: whether a rule frees them waits for its boxes (see freeable). */
  const heldHeights = new Map<Root, FixedHeight[]>();
  /** Per root: the sheets' imports still loading, read once they have come. */
  const pendingImports = new Map<Root, PendingImport[]>();
  /** Waits for the page's body to read the early text sheet (see prepare). */
  let bodyWatcher: MutationObserver | null = null;

  function addRoot(root: Root): boolean {
    if (roots.has(root)) return false;
    try {
      roots.set(root, createPageStyle(root));
      if (observer && root !== doc) observer.observe(root, { childList: true, subtree: true, characterData: true });
      return true;
    } catch {
      /* a root we cannot style is left as it is */
      return false;
    }
  }

  /** Adds the open shadow roots at and under `scope`; returns those not known before. */
  function findShadowRoots(scope: Root | Element, found: Root[] = []): Root[] {
    try {
      // An indexed live collection: iterating a NodeList costs several times more on a large page.
      const all: ArrayLike<Element> = 'getElementsByTagName' in scope ? scope.getElementsByTagName('*') : scope.querySelectorAll('*');
      const visit = (el: Element) => {
        const shadow = el.shadowRoot;
        if (!shadow || el.hasAttribute(UI_ATTRIBUTE)) return;
        if (addRoot(shadow)) found.push(shadow);
        findShadowRoots(shadow, found);
      };
      if (isElement(scope)) visit(scope);
      for (let i = 0, n = all.length; i < n; i++) visit(all[i]!);
    } catch {
      /* a subtree we cannot query */
    }
    return found;
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

  /** The boxes that hold `elements`' text and are not watched yet: the elements and their ancestors. */
  function holders(elements: Iterable<Element>): Element[] {
    const found = new Set<Element>();
    for (const el of elements) {
      for (let box: Element | null = el; box && boxes.get(box)?.axes !== BOTH && !found.has(box); box = box.parentElement) found.add(box);
    }
    return [...found];
  }

  /**
   * Measures elements' text at the page's own size and the boxes to watch (`watch`: a list, or
   * the holders of the text); returns the boxes seen for the first time. Reads everything first,
   * then writes every tag, so the page is laid out only once. Without `boxesAtPageSize` (the page
   * is not at its own size), the boxes are only listed: each is read when it needs a repair.
   */
  function measure(elements: Iterable<Element>, watch: Map<Element, number> | 'holders', boxesAtPageSize = true): Element[] {
    const view = doc.defaultView;
    if (!view) return [];
    const list = [...elements];
    const readings: [Element, number, number | null, boolean][] = [];
    for (const el of list) {
      if (tagged.has(el) || !el.isConnected) continue;
      try {
        const cs = view.getComputedStyle(el);
        const fs = roundPx(cs.fontSize);
        if (fs === null) continue;
        const lh = cs.lineHeight === 'normal' ? null : roundPx(cs.lineHeight);
        readings.push([el, fs, lh, cs.textAlign === 'justify']);
      } catch {
        /* skip what cannot be measured */
      }
    }
    // The boxes, as they are at the page's own size: only what bigger text may change in each.
    const fresh: Element[] = [];
    const watching: Iterable<[Element, number]> = watch === 'holders' ? holders(list).map((box) => [box, BOTH]) : watch;
    for (const [box, axes] of watching) {
      const known = boxes.get(box);
      const pageBox: PageBox = known ?? { axes: 0, known: 0, contentHeight: 0, height: 0, overflowedX: false, wide: false, overlapped: false };
      const adding = axes & ~pageBox.axes;
      if (!adding) continue;
      pageBox.axes |= adding;
      if (!known) {
        boxes.set(box, pageBox);
        fresh.push(box);
      }
      if (boxesAtPageSize) readPageBox(box, pageBox, adding);
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
    return fresh;
  }

  /** Reads a box's `axes` as they are now, which is at the page's own size. */
  function readPageBox(box: Element, pageBox: PageBox, axes: number) {
    const adding = axes & ~pageBox.known;
    pageBox.known |= adding;
    if (!adding || !isHTMLElement(box) || !box.isConnected) return;
    try {
      if (adding & DOWN) {
        pageBox.contentHeight = box.scrollHeight;
        pageBox.height = box.clientHeight;
      }
      if (adding & ACROSS) {
        const cw = box.clientWidth;
        pageBox.overflowedX = cw > 0 && box.scrollWidth > cw + 1;
        const room = roomWidth(box);
        pageBox.wide = room > 0 && box.offsetWidth > room + 1;
      }
      if (adding & OVER) pageBox.overlapped = liesOverText(box);
    } catch {
      /* a box that cannot be measured */
    }
  }

  function overrideInlineImportant(el: HTMLElement, fs: number, lh: number | null) {
    const saved: InlineOverride[] = [];
    const attribute = el.getAttribute('style');
    const targets: [InlineOverride['property'], number | null][] = [['font-size', fs], ['line-height', lh]];
    for (const [property, px] of targets) {
      if (px === null || el.style.getPropertyPriority(property) !== 'important') continue;
      saved.push({ property, value: el.style.getPropertyValue(property), priority: 'important' });
      el.style.setProperty(property, `calc(${px}px * ${SCALE})`, 'important');
    }
    if (saved.length) inline.set(el, { saved, attribute, ours: el.getAttribute('style') ?? '' });
  }

  function render() {
    if (!options) return;
    const measured = { fontSizes, lineHeights, heights };
    const shadow = textSizeRules(options, measured, true);
    drawn = true;
    for (const [root, style] of roots) {
      try {
        const justified = justifySelectors.get(root);
        style.set(root === doc || justified ? textSizeRules(options!, { ...measured, justified }, root !== doc) : shadow);
      } catch {
        /* a root that went away */
      }
    }
  }

  function lift() {
    drawn = false;
    for (const style of roots.values()) {
      try {
        style.set('');
      } catch {
        /* ignore */
      }
    }
  }

  /**
   * Measures at the page's own size: our rules are lifted for the duration of the read (and the
   * page's rules we scale fall back to a factor of 1). `scale`: runs while lifted, before our
   * rules come back.
   */
  function measureAtPageSize(elements: Iterable<Element>, watch: Map<Element, number> | 'holders', scale?: () => void): Element[] {
    // Nothing to lift before our first rules: lifting an empty sheet would still restyle the page.
    if (drawn) lift();
    try {
      const fresh = measure(elements, watch);
      scale?.();
      return fresh;
    } finally {
      render();
    }
  }

  /** The document scrolls sideways. */
  function overflowsX(): boolean {
    const html = doc.documentElement;
    return !!html && html.scrollWidth > html.clientWidth + 1;
  }

  /** The page's sheets in a root; ours are known by their layer and skipped when read. */
  function pageSheets(root: Root): CSSStyleSheet[] {
    const sheets: CSSStyleSheet[] = [];
    try {
      for (const sheet of root.styleSheets ?? []) {
        if (!(sheet.ownerNode as Element | null)?.hasAttribute?.(UI_ATTRIBUTE)) sheets.push(sheet);
      }
      sheets.push(...(root.adoptedStyleSheets ?? []));
    } catch {
      /* a root without sheets to read */
    }
    return sheets;
  }

  /**
   * Reads the sheets not read before, in every root; returns what they ask for, by root. While the
   * page is `parsing`, the rules' fixed heights are held until there are boxes to look at.
   */
  function scanNewSheets(parsing = false): { scans: Map<Root, RuleScan>; unreadable: boolean } {
    const scans = new Map<Root, RuleScan>();
    let unreadable = false;
    for (const root of roots.keys()) {
      const scan = emptyScan();
      const loading = scanLoadedImports(pendingImports.get(root) ?? [], scan);
      for (const sheet of pageSheets(root)) {
        if (scannedSheets.has(sheet)) continue;
        scannedSheets.add(sheet);
        scanSheet(sheet, scan);
      }
      loading.push(...scan.imports);
      if (loading.length) pendingImports.set(root, loading);
      else pendingImports.delete(root);
      const fixedHeights = [...(heldHeights.get(root) ?? []), ...scan.heights];
      heldHeights.delete(root);
      if (parsing && fixedHeights.length) heldHeights.set(root, fixedHeights);
      for (const { style, selector } of parsing ? [] : fixedHeights) {
        if (freeable(root, selector)) scan.rewrites.push(...freeHeights(style));
        else scan.boxes.set(selector, (scan.boxes.get(selector) ?? 0) | DOWN);
      }
      const collect = (into: Map<Root, Set<string>>, selectors: Set<string>) => selectors.size && into.set(root, new Set([...(into.get(root) ?? []), ...selectors]));
      collect(sizeSelectors, scan.sizes);
      collect(conditionalSizeSelectors, scan.conditionalSizes);
      collect(leadingSelectors, scan.leadings);
      nestedSizes ||= scan.nestedSizes;
      rootRelative ||= scan.rootRelative;
      unreadable ||= scan.unreadable;
      if (scan.rewrites.length || scan.measure.size || scan.boxes.size || scan.justify.size) scans.set(root, scan);
      collect(measureSelectors, scan.measure);
      collect(justifySelectors, scan.justify);
      if (scan.boxes.size) {
        const known = boxSelectors.get(root) ?? new Map<string, number>();
        for (const [selector, axes] of scan.boxes) known.set(selector, (known.get(selector) ?? 0) | axes);
        boxSelectors.set(root, known);
      }
    }
    return { scans, unreadable };
  }

  /**
   * A rule's fixed heights can be freed by the rule itself (its boxes grow with their text) unless
   * its boxes hold pictures, whose crop must stay, or floats, which a grown box must be made to
   * hold: those boxes are repaired one by one. Its first boxes speak for the rest; floats are
   * looked for among their children and grandchildren (a menu bar's list of floated items).
   */
  function freeable(root: Root, selector: string): boolean {
    const view = doc.defaultView;
    if (!view) return false;
    // Children first, then grandchildren, FREEABLE_SAMPLE * 8 elements in all.
    const floats = (box: Element): boolean => {
      const queue = [...box.children].slice(0, FREEABLE_SAMPLE * 8);
      for (let i = 0; i < queue.length; i++) {
        const el = queue[i]!;
        if (view.getComputedStyle(el).float !== 'none') return true;
        if (el.parentElement === box) queue.push(...[...el.children].slice(0, FREEABLE_SAMPLE * 8 - queue.length));
      }
      return false;
    };
    try {
      const sample = root.querySelectorAll(selector);
      for (let i = 0; i < Math.min(sample.length, FREEABLE_SAMPLE); i++) {
        const box = sample[i]!;
        if (box.querySelector(MEDIA) || floats(box)) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Adds the elements at and under `scope` that match `selectors`, except Dễ Đọc's own and non-text ones. */
  function matching(scope: Root | Element, selectors: Iterable<string>, into: Set<Element>) {
    const list = [...selectors];
    if (!list.length) return;
    const add = (el: Element) => {
      if (!SKIP.has(el.tagName) && !el.closest(`[${UI_ATTRIBUTE}]`)) into.add(el);
    };
    const query = (selector: string) => {
      if (isElement(scope) && scope.matches(selector)) add(scope);
      const found = scope.querySelectorAll(selector);
      for (let i = 0, n = found.length; i < n; i++) add(found[i]!);
    };
    try {
      query(list.join(', '));
    } catch {
      // One selector this engine refuses to query (a pseudo-element): the others still count.
      for (const selector of list) {
        try {
          query(selector);
        } catch {
          /* skip it */
        }
      }
    }
  }

  /** Elements under `scope` that need measuring, and boxes that need watching, by the page's rules. */
  function findByRules(root: Root, scope: Root | Element, sized: Set<Element>, fixed: Map<Element, number>) {
    const watch = (el: Element, axes: number) => axes && fixed.set(el, (fixed.get(el) ?? 0) | axes);
    const own = new Set<Element>();
    matching(scope, [SIZED_BY_ELEMENT], own);
    for (const el of own) {
      const tag = el.tagName;
      const style = el.getAttribute('style') ?? '';
      const control = FORM_TEXT.has(tag); // its width follows its text
      if (control || tag === 'FONT' || MONOSPACE.has(tag) || INLINE_SIZE.test(style)) sized.add(el);
      const table = TABLE_PARTS.has(tag);
      const across = control || INLINE_ACROSS.test(style) || (table && (el.hasAttribute('width') || el.hasAttribute('nowrap')));
      watch(el, (INLINE_DOWN.test(style) || (table && el.hasAttribute('height')) ? DOWN : 0) | (across ? ACROSS : 0));
    }
    if (doc.compatMode === 'BackCompat') matching(scope, ['table'], sized); // quirks-mode tables do not inherit sizes
    matching(scope, measureSelectors.get(root) ?? [], sized);
    // One query per way of constraining, not one per rule.
    const byAxes = new Map<number, string[]>();
    for (const [selector, axes] of boxSelectors.get(root) ?? []) byAxes.set(axes, [...(byAxes.get(axes) ?? []), selector]);
    for (const [axes, selectors] of byAxes) {
      const found = new Set<Element>();
      matching(scope, selectors, found);
      for (const el of found) watch(el, axes);
    }
  }

  /**
   * Scales the page by its rules; false (and nothing changed) when some rule cannot be read. A
   * page whose rules were scaled while it was parsed is not laid out at its own size again when
   * what needs measuring can be measured at the new size (see sizeAtNewSize).
   */
  function startByRules(): boolean {
    findShadowRoots(doc);
    const { scans, unreadable } = scanNewSheets();
    if (unreadable) return false;
    const sized = new Set<Element>();
    const fixed = new Map<Element, number>();
    const html = rootToMeasure(scans);
    if (html) sized.add(html);
    for (const root of roots.keys()) findByRules(root, root, sized, fixed);
    let fresh: Element[];
    const atNewSize = drawn && !!options && onlyScaled(options);
    const ways = atNewSize ? [...sized].map((el) => [el, sizeAtNewSize(el)] as const) : [];
    if (atNewSize && ways.every(([, way]) => way)) {
      fresh = measure(ways.filter(([, way]) => way === 'read').map(([el]) => el), fixed, false);
      scale(scans);
      render();
    } else {
      fresh = measureAtPageSize(sized, fixed, () => scale(scans));
    }
    repairAndReflow(fresh);
    return true;
  }

  /**
   * How an element that may size its own text is measured while the page is at the new size:
   * - "grows": a rule of the page's that always applies, or its parent, sizes it, and they grow:
   *   nothing to measure;
   * - "read": its size is its own and absolute (inline, a form control's, `<font size>`), no rule
   *   sets it, it differs from its parent's, and its line height is its own or "normal": what it
   *   shows now is the page's own size;
   * - null: only a look at the page's own size can tell.
   */
  function sizeAtNewSize(el: Element): 'grows' | 'read' | null {
    const view = doc.defaultView;
    if (!view || !isHTMLElement(el) || el === doc.documentElement || nestedSizes) return null;
    try {
      const root = el.getRootNode() as Root;
      if (matchesAny(el, measureSelectors.get(root)) || matchesAny(el, conditionalSizeSelectors.get(root))) return null;
      const ruleSized = matchesAny(el, sizeSelectors.get(root));
      const size = el.style.fontSize;
      const leading = el.style.lineHeight;
      const fixedLeading = !!leading && typeof scaleLineHeight(leading) === 'object';
      const read = () => {
        const cs = view.getComputedStyle(el);
        const parent = el.parentElement;
        const ownLeading = !!leading || cs.lineHeight === 'normal';
        // The same size as its parent may well be its parent's, grown: only a look can tell.
        return ownLeading && !(parent && view.getComputedStyle(parent).fontSize === cs.fontSize) ? 'read' : null;
      };
      if (size) {
        const scaling = scaleFontSize(size);
        if (scaling === 'keep') return fixedLeading ? null : 'grows';
        return scaling === 'measure' || ruleSized ? null : read();
      }
      if (fixedLeading) return null;
      if (ruleSized) return 'grows';
      const tag = el.tagName;
      if (FORM_TEXT.has(tag) || (tag === 'FONT' && el.hasAttribute('size'))) return read();
      return MONOSPACE.has(tag) || TABLE_PARTS.has(tag) ? null : 'grows';
    } catch {
      return null;
    }
  }

  /** Whether one of `selectors` may match `el` (a selector that cannot be tested counts). */
  function matchesAny(el: Element, selectors: Set<string> | undefined): boolean {
    if (!selectors?.size) return false;
    try {
      return el.matches([...selectors].join(', '));
    } catch {
      return [...selectors].some((selector) => {
        try {
          return el.matches(selector);
        } catch {
          return true;
        }
      });
    }
  }

  /**
   * The root, untagged, where its own size must be measured: it never was, or the new rules in
   * `scans` size it. Else null.
   */
  function rootToMeasure(scans: Map<Root, RuleScan>): Element | null {
    const html = doc.documentElement;
    if (!html) return null;
    const scan = scans.get(doc);
    const touched = !!scan && (scan.nestedSizes || matchesAny(html, new Set([...scan.sizes, ...scan.conditionalSizes, ...scan.leadings])));
    if (tagged.has(html) && !touched) return null;
    tagged.delete(html);
    return html;
  }

  /**
   * Where the settings came while the page was parsed, at once: the rules read so far are scaled
   * and the root measured, so the page is laid out at the new size from the start, not once at its
   * own size and once more at the start; the page's own DOMContentLoaded listeners, which often
   * read sizes, see it at the new size too. Stylesheets still loading while the page is parsed are
   * scaled when they arrive, and in the first frame they let through (see scaleLoadingSheets). The
   * rest waits for the start (see startByRules).
   */
  function scaleRules() {
    try {
      scaleRulesNow();
    } catch (error) {
      console.warn('[Dễ Đọc] text size', error);
    }
  }

  function scaleRulesNow() {
    if (!options || !startPending || !byRules) return;
    const parsing = isParsing(doc);
    const { scans, unreadable } = scanNewSheets(parsing);
    if (unreadable) {
      // Text is measured element by element from the start, the page as it wrote it.
      byRules = false;
      return;
    }
    scale(scans);
    const html = rootToMeasure(scans);
    if (html) measureAtPageSize([html], new Map());
    else render();
    if (parsing) scaleLoadingSheets();
  }

  /**
   * A stylesheet still loading (a `<link>`, or a sheet's `@import`) holds the page's first frame
   * back: its rules are scaled when it has loaded, and in that frame, before its layout, should
   * the frame come first. A frame asked for while the page is parsed is drawn between two parsed
   * chunks, so none is asked for when no sheet is loading: on a small page that frame alone held
   * DOMContentLoaded back by ~25 ms.
   */
  function scaleLoadingSheets() {
    const owners = new Set<Element>();
    for (const link of doc.querySelectorAll('link')) {
      if (!link.sheet && /stylesheet/i.test(link.rel)) owners.add(link);
    }
    // A sheet's `load` comes once its imports have.
    for (const { rule } of pendingImports.get(doc) ?? []) {
      let sheet = rule.parentStyleSheet ?? null;
      while (sheet?.ownerRule) sheet = sheet.ownerRule.parentStyleSheet;
      if (isElement(sheet?.ownerNode)) owners.add(sheet.ownerNode);
    }
    for (const owner of owners) owner.addEventListener('load', scaleRules, { once: true });
    if (owners.size && !sheetFrame) sheetFrame = doc.defaultView?.requestAnimationFrame(scaleRules) ?? 0;
  }

  /** Runs `then` once the page's body has begun (at once if it has). */
  function watchForBody(then: () => void) {
    const view = doc.defaultView;
    const html = doc.documentElement;
    stopWatchingForBody();
    if (!view || !html) return;
    if (doc.body) return then();
    bodyWatcher = new view.MutationObserver(() => {
      if (!doc.body) return;
      stopWatchingForBody();
      then();
    });
    bodyWatcher.observe(html, { childList: true });
  }

  /** The factor an early text sheet names on this page (features/text-size/early.ts), or null. */
  function earlyFactor(): number | null {
    const html = doc.documentElement;
    const view = doc.defaultView;
    if (!html || !view) return null;
    try {
      return parseEarlyTextScale(view.getComputedStyle(html).getPropertyValue(EARLY_TEXT_PROPERTY));
    } catch {
      return null;
    }
  }

  function stopWatchingForBody() {
    bodyWatcher?.disconnect();
    bodyWatcher = null;
  }

  function scale(scans: Map<Root, RuleScan>) {
    for (const scan of scans.values()) {
      applyRewrites(scan.rewrites);
      rewrites.push(...scan.rewrites);
    }
  }

  /**
   * Bigger text pushed the page wider than the window through a box no rule fixes: every box that
   * holds text, or pictures (a row of icons sized in rem), is measured at the page's own size and
   * repaired, as element by element.
   */
  function watchAllText() {
    const owners = allTextOwners();
    for (const picture of doc.querySelectorAll(MEDIA)) owners.add(picture);
    measureAtPageSize([], new Map(holders(owners).map((box) => [box, BOTH])));
    repair();
  }

  function allTextOwners(): Set<Element> {
    const owners = new Set<Element>();
    if (doc.documentElement) textOwners(doc.documentElement, owners);
    return owners;
  }

  /** Element by element, from scratch: the page's rules are left as the page wrote them. */
  function startByElements() {
    byRules = false;
    restoreRewrites(rewrites);
    rewrites = [];
    measureAtPageSize(allTextOwners(), 'holders');
    repair();
    if (doc.readyState !== 'complete') doc.defaultView?.addEventListener('load', remeasureAfterLoad, { once: true });
  }

  function start() {
    addRoot(doc);
    if (!(byRules && startByRules())) startByElements();
  }

  /**
   * Lets boxes that now clip or spill their text grow, and boxes that now stick out fit.
   * Each pass reads every box (or only `only`, the boxes new text brought), then writes; a pass
   * runs only if the one before changed something. A box is compared with how it was at the
   * page's own size only when it clips, spills or sticks out now; where that was never read (the
   * page was laid out at the new size from the start), it is read then, once for all such boxes.
   */
  function repair(only?: Element[]) {
    const view = doc.defaultView;
    const html = doc.documentElement;
    if (!view || !html || !options) return;
    const all: Element[] = only ?? [...boxes.keys()];
    let list = all;
    for (let pass = 0; pass < MAX_REPAIR_PASSES; pass++) {
      let found = inspect(view, html, list);
      if (found.unread.length) {
        readAtPageSize(found.unread);
        found = inspect(view, html, list);
      }
      const { grow, fit, wrap, place } = found;
      if (!grow.length && !fit.length && !wrap.length && !place.length) return;
      for (const el of fit) el.setAttribute(FIT, '');
      for (const el of wrap) el.setAttribute(WRAP, '');
      for (const el of place) el.setAttribute(IN_FLOW, '');
      for (const [el, h, block] of grow) {
        el.setAttribute(GROW, String(h));
        if (block) el.setAttribute(FLOW_ROOT, '');
        heights.add(h);
      }
      render();
      // A box that now fits its parent, or comes back into the flow, moves what is around it:
      // everything is looked at again. A box that grew or wraps can only make the boxes around it
      // overflow, and a box that wraps itself (its rows now taller than its fixed height).
      list = fit.length || place.length ? all : [...new Set([...wrap, ...enclosing([...grow.map(([el]) => el), ...wrap], all)])];
    }
  }

  /** Repairs (`only`: the boxes new text brought); should the page still scroll sideways, watches every box that holds text or pictures. */
  function repairAndReflow(only?: Element[]) {
    repair(only);
    if (overflowsX()) watchAllText();
  }

  /** Takes back every repair (the page-size looks of the boxes stay known). */
  function undoRepairs() {
    for (const el of boxes.keys()) for (const name of REPAIRS) if (el.hasAttribute(name)) el.removeAttribute(name);
    heights.clear();
  }

  /** What each box of `list` needs; `unread`: boxes in trouble whose page-size look is not known. */
  function inspect(view: Window, html: Element, list: Element[]) {
    const viewportWidth = html.clientWidth;
    const scrollsSideways = html.scrollWidth > viewportWidth + 1;
    const grow: [HTMLElement, number, boolean][] = [];
    const fit: HTMLElement[] = [];
    const wrap: HTMLElement[] = [];
    const place: HTMLElement[] = [];
    const unread: [Element, number][] = [];
    for (const el of list) {
      const page = boxes.get(el);
      if (!page || !isHTMLElement(el) || !el.isConnected) continue;
      try {
        const across = page.axes & ACROSS;
        const acrossKnown = page.known & ACROSS;
        const parent = el.parentElement;
        if (across && parent && !el.hasAttribute(FIT)) {
          const room = roomWidth(el);
          if (room > 0 && el.offsetWidth > room + 1) {
            if (!acrossKnown) unread.push([el, ACROSS]);
            else {
              const sticksOut = !page.wide || (el.getBoundingClientRect().right > viewportWidth + 1 && !insideClip(view, parent));
              if (sticksOut && inFlow(view, el)) fit.push(el);
            }
          }
        }
        if (across && !el.hasAttribute(WRAP)) {
          const cw = el.clientWidth;
          const spills = cw > 0 && el.scrollWidth > cw + 1 && !(acrossKnown && page.overflowedX);
          // A table cell widens its row instead of spilling: in a row that now sticks out of the
          // window (a menu of unwrappable items), it makes the page scroll sideways.
          const sticksOut = !spills && cw > 0 && scrollsSideways && !!parent && parent.getBoundingClientRect().right > viewportWidth + 1;
          if (spills || sticksOut) {
            const cs = view.getComputedStyle(el);
            const mode = (cs as unknown as Record<string, string>).textWrapMode;
            // A row of flex items that may not wrap spills as a line that may not (a header's logo,
            // links and search form side by side), unless the page lets it scroll (a row of tabs).
            const scrolls = cs.overflowX === 'auto' || cs.overflowX === 'scroll';
            const flexRow = spills && !scrolls && cs.display.endsWith('flex') && cs.flexWrap === 'nowrap' && cs.flexDirection.startsWith('row');
            if (cs.whiteSpace === 'nowrap' || mode === 'nowrap' || flexRow) {
              if (sticksOut) {
                if (parent && !insideClip(view, parent)) wrap.push(el);
              } else if (acrossKnown) wrap.push(el);
              else unread.push([el, ACROSS]);
            }
          }
        }
        const downKnown = page.known & DOWN;
        // The root's own height is the window's: what it holds scrolls, it does not spill.
        if (page.axes & DOWN && el !== html && !el.hasAttribute(GROW)) {
          const ch = el.clientHeight;
          if (ch > 0 && el.scrollHeight > ch + 1) {
            const cs = view.getComputedStyle(el);
            const clamp = (cs as unknown as Record<string, string>).webkitLineClamp;
            // What spilled at the page's own size is the page's: a crop stays as it was cut, and so
            // does a box that grew with its text (floats spilling out of a paragraph). A box of
            // fixed height that lets it show grows: bigger text puts more of its content outside
            // its background (the items of a menu bar wrapping onto rows below it).
            const spilled = downKnown && page.contentHeight > ch + 1;
            const kept = spilled && (cs.overflowY !== 'visible' || page.height < ch - 1);
            if (!kept && cs.overflowY !== 'auto' && cs.overflowY !== 'scroll' && (!clamp || clamp === 'none')) {
              const h = roundPx(cs.height);
              if (!downKnown) unread.push([el, DOWN]);
              else if (h !== null) grow.push([el, h, cs.display === 'block']);
            }
          }
        }
        // A box out of the flow whose text now lies over the text around it (a header's links over
        // its grown title) goes back into the flow, unless it lay over text at the page's size too.
        if (page.axes & OVER && !el.hasAttribute(IN_FLOW) && liesOverText(el)) {
          if (!(page.known & OVER)) unread.push([el, OVER]);
          else if (!page.overlapped) place.push(el);
        }
      } catch {
        /* skip this box */
      }
    }
    return { grow, fit, wrap, place, unread };
  }

  /**
   * Reads boxes at the page's own size. Where only the size differs from the page's, each box
   * alone is put back at it (see pageSizeInline); else our rules are lifted for the duration of
   * the read, which lays the whole page out twice.
   */
  function readAtPageSize(list: [Element, number][]) {
    const read = () => {
      for (const [box, axes] of list) {
        const page = boxes.get(box);
        if (page) readPageBox(box, page, axes);
      }
    };
    if (!drawn) return read();
    // Whether a box lay over other text needs the text around it at the page's size too.
    const inline = options && onlyScaled(options) && list.every(([, axes]) => !(axes & OVER)) ? list.map(([box]) => pageSizeInline(box)) : [];
    if (inline.length && inline.every((style) => style !== null)) {
      const saved = list.map(([box]) => [box as HTMLElement, box.getAttribute('style')] as const);
      try {
        list.forEach(([box], i) => {
          for (const [property, value] of inline[i]!) (box as HTMLElement).style.setProperty(property, value, 'important');
        });
        read();
      } finally {
        for (const [box, style] of saved) {
          if (style === null) box.removeAttribute('style');
          else box.setAttribute('style', style);
        }
      }
      return;
    }
    lift();
    try {
      read();
    } finally {
      render();
    }
  }

  /**
   * Inline declarations that put a box and what it holds back at the page's own size while our
   * rules stay: a factor of 1 for the page's scaled rules and our tags, its fixed heights, and its
   * own size and inherited line height divided by the factor (every size on the page has grown by
   * it). Null where that cannot be told: a browser without computedStyleMap (in which a line height
   * inherited as a number and one inherited as a length look the same), or sizes in rem, which
   * follow the root, grown for the whole page.
   */
  function pageSizeInline(box: Element): [string, string][] | null {
    const view = doc.defaultView;
    // Sizes in rem follow the root, which stays grown.
    if (!view || !options || rootRelative || !isHTMLElement(box) || !('computedStyleMap' in box)) return null;
    try {
      if (box.matches(INLINE_ROOT_UNITS) || box.querySelector(INLINE_ROOT_UNITS)) return null;
      const factor = options.textScale;
      const fs = Number.parseFloat(view.getComputedStyle(box).fontSize) / factor;
      if (!Number.isFinite(fs) || fs <= 0) return null;
      const declarations: [string, string][] = [
        ['--dede-text-scale', '1'],
        ['--dede-box-height', 'initial'],
        ['--dede-box-max-height', 'initial'],
        ['font-size', `${fs}px`],
      ];
      const ownLeading = !!box.style.lineHeight || matchesAny(box, leadingSelectors.get(box.getRootNode() as Root));
      const leading = ownLeading ? null : box.computedStyleMap().get('line-height');
      if (leading && 'unit' in leading && leading.unit === 'px') declarations.push(['line-height', `${(leading as CSSUnitValue).value / factor}px`]);
      return declarations;
    } catch {
      return null;
    }
  }

  /** The boxes of `among` that hold one of `changed`. */
  function enclosing(changed: Element[], among: Element[]): Element[] {
    const watched = new Set(among);
    const found = new Set<Element>();
    for (const el of changed) {
      for (let box = el.parentElement; box && !found.has(box); box = box.parentElement) if (watched.has(box)) found.add(box);
    }
    return [...found];
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
    cancelFrame = null;
    const added = pending;
    pending = [];
    if (!options) return;
    if (startPending) {
      startPending = false;
      loadedSinceStart = false;
      return start();
    }
    if (byRules) flushByRules(added);
    else {
      const owners = new Set<Element>();
      for (const root of added) textOwners(root, owners);
      if (owners.size) repair(measureAtPageSize(owners, 'holders'));
    }
    if (loadedSinceStart) {
      loadedSinceStart = false;
      repairAndReflow();
    }
  }

  function onLoad() {
    loadedSinceStart = !startPending;
    schedule();
  }

  /**
   * What the page added, by its rules: new stylesheets are read (their rules may concern elements
   * already there), new shadow roots found, and only elements that need measuring or watching
   * are looked at. Plain text costs nothing.
   */
  function flushByRules(added: Node[]) {
    const sized = new Set<Element>();
    const fixed = new Map<Element, number>();
    const elements = added.filter((n): n is Element => isElement(n) && n.isConnected);
    const newRoots = elements.flatMap((el) => findShadowRoots(el));
    for (const el of elements) {
      for (const link of [el, ...el.querySelectorAll('link')]) {
        if (link.tagName === 'LINK') link.addEventListener('load', schedule, { once: true });
      }
    }
    const { scans, unreadable } = scanNewSheets();
    if (unreadable) return startByElements();
    for (const root of new Set([...scans.keys(), ...newRoots])) findByRules(root, root, sized, fixed);
    for (const el of elements) {
      const root = el.getRootNode() as Root;
      if (roots.has(root)) findByRules(root, el, sized, fixed);
    }
    if (!sized.size && !fixed.size && !scans.size) return;
    const fresh = measureAtPageSize(sized, fixed, () => scale(scans));
    repair(scans.size ? undefined : fresh);
  }

  /**
   * Once parsed, in the frame that follows: its layout is then the one the page needs anyway (a
   * small page is laid out there for the first time), and DOMContentLoaded does not wait for it.
   */
  const waitForParse = parseGate(doc, () => {
    if (options) schedule();
  });

  /**
   * New text is measured once per frame; while the page is still being parsed, once when parsing
   * ends (measuring lifts our rules, which restyles the whole page: per parsed chunk, a large page
   * would pay that many times over).
   */
  function schedule() {
    const view = doc.defaultView;
    if (!view || cancelFrame || waitForParse()) return;
    cancelFrame = frameOrTimer(view, flush, FLUSH_TIMER_MS);
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
    const mine = new view.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') pending.push(r.target);
        else for (const n of r.addedNodes) if (n.nodeType === ELEMENT_NODE || n.nodeType === TEXT_NODE) pending.push(n);
      }
      if (pending.length) schedule();
    });
    observer = mine;
    // What the parser adds is measured by the start that follows parsing, not node by node.
    whenParsed(doc, () => {
      if (observer !== mine || !doc.documentElement) return;
      mine.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      for (const root of roots.keys()) if (root !== doc) mine.observe(root, { childList: true, subtree: true, characterData: true });
    });
    view.addEventListener('resize', onResize);
  }

  return {
    /**
     * At document_start, before the settings arrive: where an early text sheet names the site's
     * text size, the page's rules are scaled from the moment its body begins. The settings, once
     * read, are applied as usual (and undo this if the sheet was out of date).
     */
    prepare() {
      if (!isParsing(doc)) return;
      watchForBody(() => {
        const factor = options ? null : earlyFactor();
        if (factor !== null) this.apply({ textScale: factor, textSpacing: false, readingWidth: false, leftAlign: false, font: 'page' });
      });
    },
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
        const key = JSON.stringify(next);
        const changed = !first && key !== lastRepairKey;
        options = next;
        if (first) {
          addRoot(doc);
          observe();
          // Text and sheets come with parsing: the rules read so far are scaled at once (from the
          // early sheet, that is as the body begins, with nothing of it to lay out yet), and the
          // first measurement waits for the end of parsing.
          if (isParsing(doc)) {
            startPending = true;
            schedule();
            scaleRules();
          } else {
            start();
          }
          // Sheets that arrive late, and pictures, are looked at once the page has loaded.
          if (doc.readyState !== 'complete') doc.defaultView?.addEventListener('load', onLoad, { once: true });
        } else {
          // Repairs are made for one size: at another, the page gets those it needs there, as it
          // would opened at it (a header's links put back into the flow at ×3 are not at ×1.25).
          if (changed) undoRepairs();
          render();
        }
        if (changed) repairAndReflow();
        lastRepairKey = key;
      } catch (error) {
        console.warn('[Dễ Đọc] text size', error);
      }
    },
    remove() {
      const view = doc.defaultView;
      observer?.disconnect();
      observer = null;
      stopWatchingForBody();
      view?.removeEventListener('resize', onResize);
      view?.removeEventListener('load', remeasureAfterLoad);
      view?.removeEventListener('load', onLoad);
      restoreRewrites(rewrites);
      rewrites = [];
      scannedSheets = new WeakSet();
      measureSelectors.clear();
      boxSelectors.clear();
      justifySelectors.clear();
      sizeSelectors.clear();
      conditionalSizeSelectors.clear();
      leadingSelectors.clear();
      nestedSizes = false;
      rootRelative = false;
      heldHeights.clear();
      pendingImports.clear();
      byRules = true;
      startPending = false;
      loadedSinceStart = false;
      cancelFrame?.();
      if (resizeFrame) view?.cancelAnimationFrame(resizeFrame);
      if (sheetFrame) view?.cancelAnimationFrame(sheetFrame);
      cancelFrame = null;
      resizeFrame = 0;
      sheetFrame = 0;
      pending = [];
      for (const style of roots.values()) {
        try {
          style.remove();
        } catch {
          /* ignore */
        }
      }
      roots.clear();
      drawn = false;
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

/**
 * The width a box has to fit in: its parent's, or past inline parents (a label around a search
 * field), the nearest box's; 0 where there is none.
 */
function roomWidth(el: Element): number {
  const view = el.ownerDocument.defaultView;
  if (!view) return 0;
  for (let parent = el.parentElement; parent; parent = parent.parentElement) {
    const width = parent.clientWidth;
    if (width > 0) return width;
    const display = view.getComputedStyle(parent).display;
    if (display !== 'inline' && display !== 'contents') return 0;
  }
  return 0;
}

/** Positioned out of flow: its width is not its parent's business. */
function inFlow(view: Window, el: Element): boolean {
  const position = view.getComputedStyle(el).position;
  return position !== 'absolute' && position !== 'fixed';
}

/**
 * The text of a box out of the flow, or the box itself where it holds only pictures, lies over
 * other text of the box it is placed in (sampled). Hidden boxes, and boxes placed in the page
 * itself, are left alone.
 */
function liesOverText(box: HTMLElement): boolean {
  const holder = box.offsetParent;
  const view = box.ownerDocument.defaultView;
  if (!view || !holder || holder === box.ownerDocument.body || holder === box.ownerDocument.documentElement) return false;
  const cs = view.getComputedStyle(box);
  if (cs.position !== 'absolute' || cs.visibility !== 'visible' || cs.opacity === '0') return false;
  // A box of pictures without text (a logo placed over a banner) lies over text with its own box.
  const text = textRects(box, null);
  const own = text.length ? text : box.matches(MEDIA) || box.querySelector(MEDIA) ? [box.getBoundingClientRect()] : [];
  if (!own.length) return false;
  const around = textRects(holder, box);
  return own.some((a) => around.some((b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2));
}

/** The boxes of the first OVERLAP_SAMPLE text nodes under `root`, those under `skip` left out. */
function textRects(root: Element, skip: Element | null): DOMRect[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  const rects: DOMRect[] = [];
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < OVERLAP_SAMPLE; node = walker.nextNode()) {
    if (!node.nodeValue?.trim() || skip?.contains(node)) continue;
    seen++;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects;
}

/** Some ancestor clips or scrolls horizontally (a carousel, a scroll box): leave its content alone. */
function insideClip(view: Window, from: Element): boolean {
  for (let el: Element | null = from; el && el !== el.ownerDocument.body; el = el.parentElement) {
    if (view.getComputedStyle(el).overflowX !== 'visible') return true;
  }
  return false;
}

export type TextSizeFeature = ReturnType<typeof createTextSize>;
