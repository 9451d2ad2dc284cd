/**
 * High-contrast themes with a measured guarantee.
 *
 * 1. One stylesheet (css.ts, in `@layer dede`, all `!important`) gives every element the theme's
 *    text colour over a solid theme background. That alone settles almost every piece of text,
 *    whatever the page's selectors, variables or later additions.
 * 2. What CSS cannot express is measured, in time-boxed batches, and fixed by marking elements:
 *    - background images: a picture on an element without text of its own keeps its pixels; a
 *      gradient, or a picture with text right on it, is dropped (`flat`) so the text sits on the
 *      solid theme background (its children already have one);
 *    - `opacity` < 1 on text (`opaque`);
 *    - inline `style="…!important"`, which beats any stylesheet: overridden inline, the page's
 *      values remembered and put back by `remove()`;
 *    - open shadow roots (the sheet is adopted there too) and same-origin iframes (a nested
 *      controller).
 * 3. A MutationObserver, throttled to animation frames, measures what the page adds or restyles;
 *    past ~1000 pending mutations it backs off to one full rescan. While the page is still parsed
 *    nothing is observed or measured: one full scan follows DOMContentLoaded, so the page's
 *    loading does not wait for measurements the sheet makes unneeded before then.
 *
 * `remove()` undoes all of it. Elements with `data-dede-ui` are Dễ Đọc's own and are left alone.
 */
import type { SiteSettings, Theme } from '@/lib/settings/schema';
import { createPageStyle, type PageStyle } from '@/lib/page-style';
import { MEDIA_ELEMENTS, UI_ATTRIBUTE, frameOrTimer, isReachable, parseGate, whenParsed } from '@/lib/dom';
import { EARLY_OFF_ATTRIBUTE, EARLY_PROPERTY, FIX_ATTRIBUTE, parseEarlyMarker, selectionCss, themeCss, type EarlyMarker } from './css';
import { PALETTES, type Palette } from './themes';

export { themeCss } from './css';

const MEDIA = new Set(MEDIA_ELEMENTS);
const CONTROLS = new Set(['input', 'textarea', 'select', 'button']);
/** Inline properties that can defeat the theme when set `!important`. */
const INLINE_PROPERTIES = [
  'color',
  '-webkit-text-fill-color',
  'background-color',
  'background-image',
  'opacity',
  'text-shadow',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
] as const;
type InlineProperty = (typeof INLINE_PROPERTIES)[number];

/** Time a batch of measuring may take before it yields to the page. */
const BATCH_MS = 6;
/** Pending mutated elements past which a full rescan is cheaper than following them one by one. */
const BACK_OFF_MUTATIONS = 1000;
const RESCAN_DELAY_MS = 300;

type Root = Document | ShadowRoot;

interface InlineSaved {
  original: string;
  applied: string;
}

interface InlineRecord {
  /** The page's style attribute before our overrides. */
  attribute: string | null;
  /** The attribute right after our last write. */
  applied: string | null;
  /** False once the page changed the attribute after us. */
  exact: boolean;
  props: Map<InlineProperty, InlineSaved>;
}

export interface ContrastOptions {
  /** Called when everything queued has been measured (tests and the benchmark wait for it). */
  onIdle?: () => void;
  /** Called after each batch of measuring with its duration in ms (the benchmark). */
  onBatch?: (ms: number, elements: number) => void;
  /** Time a batch may take before yielding (default 6 ms). */
  batchMs?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function isMedia(el: Element): boolean {
  return MEDIA.has(el.localName) || el.namespaceURI === SVG_NS;
}

function hasOwnText(el: Element): boolean {
  if (CONTROLS.has(el.localName)) return true;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return true;
  return false;
}

function hasAnyText(el: Element): boolean {
  return CONTROLS.has(el.localName) || /\S/.test(el.textContent ?? '') || el.querySelector('input, textarea, select, button') !== null;
}

/** Whether a background image should go: gradients always, pictures only with text right on them. */
function dropsBackground(el: Element, image: string): boolean {
  if (!image || image === 'none') return false;
  const layers = image.split(/,(?![^(]*\))/);
  const pictures = layers.filter((l) => /url\(/i.test(l));
  if (!pictures.length) return true;
  return hasOwnText(el);
}

function addToken(el: Element, token: string) {
  const current = el.getAttribute(FIX_ATTRIBUTE);
  const tokens = current ? current.split(' ') : [];
  if (tokens.includes(token)) return;
  tokens.push(token);
  el.setAttribute(FIX_ATTRIBUTE, tokens.join(' '));
}

/** Whether a list of rules holds a selection rule, in nested, grouping or imported rules too. */
function rulesColourSelection(rules: CSSRuleList): boolean {
  for (const rule of rules) {
    if (/::(?:-moz-)?selection\b/i.test((rule as CSSStyleRule).selectorText ?? '')) return true;
    const nested = (rule as CSSGroupingRule).cssRules ?? (rule as CSSImportRule).styleSheet?.cssRules;
    if (nested && rulesColourSelection(nested)) return true;
  }
  return false;
}

/** Whether the page's own sheets may colour the selection: a sheet that cannot be read may. */
function pageColoursSelection(doc: Document): boolean {
  for (const sheet of [...doc.styleSheets, ...(doc.adoptedStyleSheets ?? [])]) {
    try {
      if (rulesColourSelection(sheet.cssRules)) return true;
    } catch {
      return true;
    }
  }
  return false;
}

export function createContrast(doc: Document, options: ContrastOptions = {}) {
  const view = doc.defaultView;
  let current: Theme | null = null;
  let palette: Palette | null = null;
  let lastSettings: SiteSettings | null = null;
  const styles = new Map<Root, PageStyle>();
  const observers = new Map<Root, MutationObserver>();
  const inline = new Map<HTMLElement, InlineRecord>();
  const frames = new Map<HTMLIFrameElement, { controller: ContrastFeature | null; onLoad: () => void }>();
  /** Elements waiting to be measured; `true` = with their subtree. */
  const pending = new Map<Element, boolean>();
  let work: Element[] = [];
  let cursor = 0;
  let cancelFrame: (() => void) | null = null;
  let rescanHandle: ReturnType<typeof setTimeout> | null = null;
  let backedOff = false;
  let rescanRoots = false;
  /** The page added a stylesheet since the last batch. */
  let sheetAdded = false;

  const safe =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (error) {
        console.warn('[Dễ Đọc] contrast', error);
      }
    };

  /**
   * The marker of the early sheet the browser injected, while that sheet is on ('' when there is
   * none); read once. A marker this version cannot read (a sheet injected before an update) still
   * means a sheet to switch off.
   */
  let earlyValue: string | undefined;
  function earlyMarker(): string {
    const root = doc.documentElement;
    if (earlyValue === undefined && root && view) {
      earlyValue = root.hasAttribute(EARLY_OFF_ATTRIBUTE) ? '' : view.getComputedStyle(root).getPropertyValue(EARLY_PROPERTY).trim();
    }
    return earlyValue ?? '';
  }

  function switchOffEarly() {
    if (!earlyMarker()) return;
    earlyValue = '';
    doc.documentElement?.setAttribute(EARLY_OFF_ATTRIBUTE, '');
  }

  /** Set while the document shows the early sheet, which colours the selection on the root only. */
  let coverSelection: (() => void) | null = null;

  /**
   * The document's sheet when the early sheet already shows the theme: adopting a copy and
   * switching the early one off would restyle the whole page while it loads, for nothing. The
   * early sheet gives way to our own at the first change of theme, or goes with `remove()`. Where
   * it colours the selection on the root only, `coverSelection` adds the selection on every element.
   */
  function earlyThenOwn(marker: EarlyMarker): PageStyle {
    let own: PageStyle | null = null;
    let selection: PageStyle | null = null;
    if (marker.selection === 'inherited') {
      coverSelection = () => {
        if (selection || !current) return;
        selection = createPageStyle(doc);
        selection.set(selectionCss(current));
      };
    }
    return {
      set(cssText) {
        (own ??= createPageStyle(doc)).set(cssText);
        switchOffEarly();
        selection?.remove();
        selection = null;
        coverSelection = null;
      },
      remove() {
        switchOffEarly();
        own?.remove();
        selection?.remove();
        coverSelection = null;
      },
    };
  }

  /**
   * With the early sheet's selection colours on the root only, the page's own selection rules
   * would win on the elements they match: where the page has any, or a sheet that cannot be read
   * (another origin), the selection gets the theme's colours on every element.
   */
  function checkSelection() {
    if (!coverSelection) return;
    if (pageColoursSelection(doc)) return coverSelection();
    // Sheets still loading are checked when they are there.
    for (const link of doc.querySelectorAll('link[rel~="stylesheet" i]')) if (!(link as HTMLLinkElement).sheet) watchSheet(link);
  }

  // ── inline !important ──────────────────────────────────────────────────────────────────────
  function inlineValue(el: HTMLElement, prop: InlineProperty, value: string, p: Palette): string | null {
    switch (prop) {
      case 'color':
        return el.closest('a[href]') ? p.link : p.text;
      case '-webkit-text-fill-color':
        return 'currentcolor';
      case 'background-color':
        return p.background;
      case 'background-image':
        return dropsBackground(el, value) ? 'none' : null;
      case 'opacity': {
        const o = Number.parseFloat(value);
        return o > 0 && o < 1 && hasAnyText(el) ? '1' : null;
      }
      case 'text-shadow':
        return 'none';
      default:
        return p.border;
    }
  }

  function fixInline(el: Element) {
    const p = palette;
    const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (!p || !style || el.hasAttribute(UI_ATTRIBUTE) || isMedia(el)) return;
    let record = inline.get(el as HTMLElement);
    const attribute = el.getAttribute('style');
    // The page changed the attribute since our last write: its old text can no longer come back whole.
    if (record && record.applied !== attribute) record.exact = false;
    for (const prop of INLINE_PROPERTIES) {
      if (style.getPropertyPriority(prop) !== 'important') continue;
      const value = style.getPropertyValue(prop);
      const known = record?.props.get(prop);
      if (known && known.applied === value) continue; // already ours
      const ours = inlineValue(el as HTMLElement, prop, value, p);
      if (ours === null) continue;
      if (!record) {
        record = { attribute, applied: null, exact: true, props: new Map() };
        inline.set(el as HTMLElement, record);
      }
      style.setProperty(prop, ours, 'important');
      record.props.set(prop, { original: value, applied: style.getPropertyValue(prop) });
    }
    if (record) record.applied = el.getAttribute('style');
  }

  /** A new theme: our inline values change with the palette. */
  function refreshInline() {
    const p = palette;
    if (!p) return;
    for (const [el, record] of inline) {
      for (const [prop, entry] of record.props) {
        if (el.style.getPropertyValue(prop) !== entry.applied) continue;
        const ours = inlineValue(el, prop, entry.original, p);
        if (ours === null) continue;
        el.style.setProperty(prop, ours, 'important');
        entry.applied = el.style.getPropertyValue(prop);
      }
      record.applied = el.getAttribute('style');
    }
  }

  function restoreInline() {
    for (const [el, record] of inline) {
      if (record.exact && el.getAttribute('style') === record.applied) {
        // Untouched since: the page's own attribute text comes back exactly.
        if (record.attribute === null) el.removeAttribute('style');
        else el.setAttribute('style', record.attribute);
        continue;
      }
      for (const [prop, entry] of record.props) {
        // The page may have set it again meanwhile: then its value stays.
        if (el.style.getPropertyValue(prop) === entry.applied) el.style.setProperty(prop, entry.original, 'important');
      }
    }
  }

  // ── measuring ──────────────────────────────────────────────────────────────────────────────
  function measure(el: Element) {
    if (el.hasAttribute(UI_ATTRIBUTE)) return;
    if (el.shadowRoot) adoptRoot(el.shadowRoot);
    if (el.localName === 'iframe') watchFrame(el as HTMLIFrameElement);
    if (isMedia(el) || !view) return;
    if (el.hasAttribute('style')) fixInline(el);
    const cs = view.getComputedStyle(el);
    const marks = el.getAttribute(FIX_ATTRIBUTE) ?? '';
    if (!marks.includes('flat') && dropsBackground(el, cs.backgroundImage)) addToken(el, 'flat');
    if (!marks.includes('opaque')) {
      const opacity = Number.parseFloat(cs.opacity);
      if (opacity > 0 && opacity < 1 && hasAnyText(el)) addToken(el, 'opaque');
    }
    // A gradient overlay drawn by ::before/::after (on a positioned box, as overlays are) would
    // lie over the text. Only positioned boxes are asked: pseudo styles are costly to compute.
    if (cs.position !== 'static') for (const pseudo of ['::before', '::after'] as const) {
      if (el.getAttribute(FIX_ATTRIBUTE)?.includes('flat')) break;
      const ps = view.getComputedStyle(el, pseudo);
      if (ps.content !== 'none' && ps.content !== 'normal' && ps.backgroundImage !== 'none' && dropsBackground(el, ps.backgroundImage)) {
        addToken(el, 'flat');
      }
    }
  }

  function enqueue(el: Element, subtree: boolean) {
    if (backedOff) return;
    pending.set(el, subtree || pending.get(el) === true);
    if (pending.size > BACK_OFF_MUTATIONS) {
      // Following each mutation costs more than one rescan later (Dark Reader does the same).
      backedOff = true;
      pending.clear();
      rescanHandle = setTimeout(() => {
        rescanHandle = null;
        backedOff = false;
        fullScan();
      }, RESCAN_DELAY_MS);
      return;
    }
    schedule();
  }

  /**
   * Measuring while the page is parsed would restyle it once per parsed chunk and hold up its
   * loading; the sheet already themes it, so what is measured waits for one full scan at
   * DOMContentLoaded.
   */
  const waitForParse = parseGate(doc, () => fullScan());

  function schedule() {
    if (waitForParse()) return;
    if (cancelFrame) return;
    cancelFrame = frameOrTimer(view, () => run(), 100);
  }

  function cancelScheduled() {
    cancelFrame?.();
    cancelFrame = null;
  }

  const run = safe(() => {
    cancelScheduled();
    // A frame's document that navigated away (a dead object in Firefox): nothing left to measure.
    if (!current || !isReachable(doc)) return;
    const started = performance.now();
    const deadline = started + (options.batchMs ?? BATCH_MS);
    if (rescanRoots) listRoots();
    else if (sheetAdded) checkSelection();
    sheetAdded = false;
    for (const [el, subtree] of pending) {
      pending.delete(el);
      if (!el.isConnected) continue;
      work.push(el);
      if (subtree) for (const d of el.querySelectorAll('*')) work.push(d);
      if (performance.now() > deadline) break;
    }
    let i = cursor;
    for (; i < work.length; i++) {
      const el = work[i]!;
      try {
        measure(el);
      } catch {
        /* an element of a foreign realm or a half-built one: skip it */
      }
      if ((i & 31) === 31 && performance.now() > deadline) {
        i++;
        break;
      }
    }
    options.onBatch?.(performance.now() - started, i - cursor);
    cursor = i;
    if (cursor >= work.length) {
      work = [];
      cursor = 0;
    }
    if (work.length || pending.size || rescanRoots) schedule();
    else options.onIdle?.();
  });

  /** Everything, in the next batches: apply() itself stays one sheet and an observer. */
  function fullScan() {
    if (!current) return;
    rescanRoots = true;
    schedule();
  }

  function listRoots() {
    rescanRoots = false;
    checkSelection();
    for (const root of styles.keys()) {
      for (const el of root.querySelectorAll('[style*="important" i]')) fixInline(el);
      for (const el of root.querySelectorAll('*')) work.push(el);
    }
  }

  // ── roots: the document, open shadow roots, same-origin frames ─────────────────────────────
  function adoptRoot(root: Root) {
    if (styles.has(root) || !current) return;
    const marker = root === doc ? parseEarlyMarker(earlyMarker()) : null;
    if (marker?.theme === current) styles.set(root, earlyThenOwn(marker));
    else {
      if (root === doc) switchOffEarly();
      const style = createPageStyle(root);
      style.set(themeCss(current, root === doc ? 'document' : 'shadow'));
      styles.set(root, style);
    }
    const MO = view?.MutationObserver;
    if (MO) {
      const observer = new MO(safe(onMutations));
      observers.set(root, observer);
      // What the parser adds is covered by the full scan after parsing; records of it would only cost.
      const observe = () => {
        if (observers.get(root) === observer) observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
      };
      if (root === doc) whenParsed(doc, safe(observe));
      else observe();
    }
    if (root !== doc) {
      for (const el of root.querySelectorAll('[style*="important" i]')) fixInline(el);
      for (const el of root.querySelectorAll('*')) work.push(el);
      schedule();
    }
  }

  /** A stylesheet the page adds may colour the selection: checked once it is there. */
  const watchedLinks = new WeakSet<Element>();
  function watchSheet(el: Element) {
    const added = () => {
      sheetAdded = true;
      schedule();
    };
    if (el.localName === 'style') added();
    else if (el.localName === 'link' && !watchedLinks.has(el)) {
      watchedLinks.add(el);
      el.addEventListener('load', added, { once: true });
    }
  }

  function onMutations(records: MutationRecord[]) {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          enqueue(n as Element, true);
          if (coverSelection) watchSheet(n as Element);
        }
        // New text right on an element with a background picture may need a backing now.
        if (r.target.nodeType === 1 && r.addedNodes.length) enqueue(r.target as Element, false);
      } else if (r.target.nodeType === 1) {
        const el = r.target as Element;
        if (r.attributeName === 'style') fixInline(el);
        enqueue(el, false);
      }
    }
  }

  function watchFrame(iframe: HTMLIFrameElement) {
    if (frames.has(iframe)) return;
    const entry = { controller: null as ContrastFeature | null, onLoad: () => {} };
    const attach = safe(() => {
      let frameDoc: Document | null = null;
      try {
        frameDoc = iframe.contentDocument;
      } catch {
        frameDoc = null; // cross-origin
      }
      if (entry.controller && entry.controller.document !== frameDoc) {
        entry.controller.remove();
        entry.controller = null;
      }
      if (!frameDoc || !lastSettings || !current) return;
      entry.controller ??= createContrast(frameDoc, {});
      entry.controller.apply(lastSettings);
    });
    entry.onLoad = attach;
    iframe.addEventListener('load', attach);
    frames.set(iframe, entry);
    attach();
  }

  const controller = {
    document: doc,
    apply: safe((settings: SiteSettings) => {
      lastSettings = settings;
      if (!settings.contrast) return controller.remove();
      if (current === settings.theme) return;
      const first = current === null;
      current = settings.theme;
      palette = PALETTES[current];
      if (first) {
        adoptRoot(doc);
        fullScan();
      } else {
        for (const [root, style] of styles) style.set(themeCss(current, root === doc ? 'document' : 'shadow'));
        refreshInline();
      }
      for (const entry of frames.values()) entry.onLoad();
    }),
    remove: safe(() => {
      // A frame's document that navigated away (a dead object in Firefox, with its window and the
      // observers made there) took our sheets, marks and observers with it: only our state goes.
      const live = isReachable(doc);
      if (live) switchOffEarly();
      cancelScheduled();
      if (rescanHandle !== null) clearTimeout(rescanHandle);
      rescanHandle = null;
      backedOff = false;
      pending.clear();
      work = [];
      cursor = 0;
      rescanRoots = false;
      if (live) for (const observer of observers.values()) observer.disconnect();
      observers.clear();
      if (live) {
        restoreInline();
        for (const [root, style] of styles) {
          style.remove();
          for (const el of root.querySelectorAll(`[${FIX_ATTRIBUTE}]`)) el.removeAttribute(FIX_ATTRIBUTE);
        }
      }
      inline.clear();
      styles.clear();
      for (const [iframe, entry] of frames) {
        if (live) iframe.removeEventListener('load', entry.onLoad);
        entry.controller?.remove();
      }
      frames.clear();
      current = null;
      palette = null;
    }),
  };
  return controller;
}

export interface ContrastFeature {
  readonly document: Document;
  apply(settings: SiteSettings): void;
  remove(): void;
}
