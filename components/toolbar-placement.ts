/**
 * Where the in-page toolbar sits: flush against the left or right edge of the window, at its top
 * or bottom, as a column of buttons (folded: one button). Where that column would lie over the
 * page's text anywhere down the page, the page makes room for it with padding on the root
 * element on that side, so text reflows beside the toolbar instead of scrolling under it. The
 * room is given back the moment the toolbar is hidden or removed, and is not kept when it would
 * not help or would make the page scroll sideways.
 *
 * A page wider than the window (a fixed-width layout in a narrow window) cannot make room at its
 * end: there the toolbar goes to the side where lines begin, and the room is made before them.
 * The page's own fixed header or footer at the toolbar's edge keeps its place, and so does a
 * fixed button in its corner ("back to top", a chat bubble): the toolbar starts beyond them.
 */
import { createPageStyle } from '@/lib/page-style';
import type { ToolbarCorner } from '@/lib/settings/schema';

export type Side = 'left' | 'right';

export interface ToolbarPlacement {
  /** Places the toolbar for `corner` now; `null` hides it and gives the page its room back. */
  update(corner: ToolbarCorner | null): void;
  /** Places it again once the page has settled (text size, new content). */
  schedule(): void;
  remove(): void;
}

/** How long the page must be still before the toolbar is placed again. */
const SETTLE_MS = 150;
/** Space between the page's text and the toolbar, where the page makes room for it. */
const GAP = 8;
/** A fixed header or footer is a fixed element no deeper than this part of the window. */
const EDGE_BAND = 1 / 3;
/** Spacing of the points looked at for the page's fixed elements: a 24 px button (the smallest target WCAG allows) is found. */
const PROBE_STEP = 16;

/**
 * @param shell the toolbar's outer element, in its shadow root; it gets `data-side` and `data-anchor`
 * @param box the column of buttons or the folded button, whichever is shown
 */
export function createPlacement(shell: HTMLElement, box: () => HTMLElement | null): ToolbarPlacement {
  const shadow = shell.getRootNode() as ShadowRoot;
  const host = shadow.host as HTMLElement;
  const doc = host.ownerDocument;
  const view = doc.defaultView ?? window;
  const root = doc.documentElement;
  const room = createPageStyle(doc);
  const position = createPageStyle(shadow);
  let corner: ToolbarCorner | null = null;
  let side: Side = 'right';
  let anchor: 'top' | 'bottom' = 'bottom';
  /** How far from its corner the toolbar starts. */
  let offset = 0;
  /** The room the page gives the toolbar now, in px (0: none). */
  let held = 0;
  /** Whether the page was wider than the window when last placed. */
  let wide = false;
  /** Whether the next scheduled placement decides everything again. */
  let full = false;
  /** The page's and the window's size when last placed. */
  let placedAt = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scroller = () => doc.scrollingElement ?? root;
  const size = () => {
    const { scrollWidth, scrollHeight, clientWidth, clientHeight } = scroller();
    return `${scrollWidth} ${scrollHeight} ${clientWidth} ${clientHeight}`;
  };

  function setPosition(edge: number) {
    offset = edge;
    position.set(`:host { ${side}: 0 !important; ${anchor}: ${edge}px !important; --dede-room: ${scroller().clientHeight - edge}px !important; }`);
  }

  /** How many lines of text that scrolls with the page lie between `left` and `right` (window x), counted up to `enough`. */
  function linesBetween(left: number, right: number, enough = Infinity): number {
    const range = doc.createRange();
    const fixed = new Map<Element, boolean>();
    const inFixedLayer = (el: Element | null): boolean => {
      if (!el) return false;
      let known = fixed.get(el);
      if (known === undefined) {
        known = view.getComputedStyle(el).position === 'fixed' || inFixedLayer(el.parentElement);
        fixed.set(el, known);
      }
      return known;
    };
    // A block clear of the column with nothing spilling out of it holds no text there: skipped
    // whole, which makes the usual centred layout cheap to check.
    const clear = (el: Element) => {
      const box = el.getBoundingClientRect();
      return (box.right <= left || box.left >= right) && el.clientWidth > 0 && el.scrollWidth <= el.clientWidth + 1;
    };
    let lines = 0;
    const walker = doc.createTreeWalker(doc.body ?? root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.nodeType !== Node.ELEMENT_NODE ? NodeFilter.FILTER_ACCEPT : clear(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue?.trim()) continue;
      range.selectNodeContents(node);
      const whole = range.getBoundingClientRect();
      if (whole.width === 0 || whole.right <= left || whole.left >= right) continue;
      if (inFixedLayer(node.parentElement)) continue;
      for (const line of range.getClientRects()) if (line.width > 0 && line.right > left + 1 && line.left < right - 1) lines++;
      if (lines >= enough) break;
    }
    return lines;
  }

  /**
   * How far the page's own fixed elements at the toolbar's edge reach into the window: a header or
   * footer, or a button such as "back to top" or a chat bubble in the toolbar's corner.
   */
  function edgeDepth(width: number): number {
    const { clientWidth, clientHeight } = scroller();
    const band = clientHeight * EDGE_BAND;
    const xs = side === 'right' ? [clientWidth - 2, clientWidth - width / 2, clientWidth - width + 2] : [1, width / 2, width - 2];
    const seen = new Set<Element>([host, root]);
    if (doc.body) seen.add(doc.body);
    let depth = 0;
    for (const x of xs) {
      for (let d = 1; d < band; d += PROBE_STEP) {
        for (const el of doc.elementsFromPoint(x, anchor === 'top' ? d : clientHeight - d)) {
          if (seen.has(el)) continue;
          seen.add(el);
          if (view.getComputedStyle(el).position !== 'fixed') continue;
          const rect = el.getBoundingClientRect();
          const reach = anchor === 'top' ? rect.bottom : clientHeight - rect.top;
          if (reach <= band) depth = Math.max(depth, Math.ceil(reach));
        }
      }
    }
    return depth;
  }

  /** Decides the side, the distance from the corner and the room, on the page as it is on its own. */
  function place() {
    clearTimeout(timer);
    full = false;
    room.set('');
    held = 0;
    const el = box();
    if (!corner || !el) {
      position.set('');
      return;
    }
    const rtl = view.getComputedStyle(root).direction === 'rtl';
    const scroll = scroller();
    const pageWidth = scroll.scrollWidth;
    const viewWidth = scroll.clientWidth;
    wide = pageWidth > viewWidth + 1;
    // Corners are named for left-to-right pages; on a right-to-left page, start and end swap.
    const chosen: Side = corner.endsWith('right') !== rtl ? 'right' : 'left';
    side = wide ? (rtl ? 'right' : 'left') : chosen;
    anchor = corner.startsWith('top') ? 'top' : 'bottom';
    shell.dataset.side = side;
    shell.dataset.anchor = anchor;
    setPosition(edgeDepth(el.getBoundingClientRect().width));

    const width = el.getBoundingClientRect().width;
    const [left, right] = side === 'right' ? [viewWidth - width, viewWidth] : [0, width];
    if (!linesBetween(left, right, 1)) {
      placedAt = size();
      return;
    }
    const own = parseFloat(view.getComputedStyle(root).getPropertyValue(`padding-${side}`)) || 0;
    const space = Math.ceil(width) + GAP;
    const css = `@media screen { :root { padding-${side}: ${own + space}px !important; } }`;
    room.set(css);
    // Room that makes the page scroll sideways, or that moves no text away (a fixed-width
    // layout), is no room. Words too long for their column may still reach under the toolbar.
    let keep = scroll.scrollWidth - Math.max(pageWidth, viewWidth) <= (wide ? space : 0) + 1;
    const still = keep ? linesBetween(left, right) : 0;
    if (still) {
      room.set('');
      keep = still < linesBetween(left, right);
      if (keep) room.set(css);
    } else if (!keep) room.set('');
    held = keep ? space : 0;
    placedAt = size();
  }

  /**
   * After the page's content or text size changed. Room once given is kept (taking it back to
   * measure would lay the page out twice more) unless the page has become wider than the window
   * or stopped being so; without room, the page is checked afresh.
   */
  function refit() {
    clearTimeout(timer);
    const el = box();
    const scroll = scroller();
    const wider = scroll.scrollWidth - (wide ? held : 0) > scroll.clientWidth + 1;
    if (!corner || !el || (!held && size() === placedAt)) return;
    if (!held || wider !== wide) return place();
    const depth = edgeDepth(el.getBoundingClientRect().width);
    if (depth !== offset) setPosition(depth);
  }

  /** `whole`: the window changed, so everything is decided again. */
  function schedule(whole: boolean) {
    full ||= whole;
    clearTimeout(timer);
    timer = setTimeout(() => (full ? place() : refit()), SETTLE_MS);
  }
  const onResize = () => schedule(true);
  const onChange = () => schedule(false);

  /**
   * A fixed header or a "back to top" button may appear or go as the page scrolls: looked for once
   * the scroll has ended, so nothing is measured while it runs.
   */
  function onScrollEnd() {
    const el = box();
    if (el && corner && edgeDepth(el.getBoundingClientRect().width) !== offset) schedule(true);
  }

  const resized = new ResizeObserver(onChange);
  resized.observe(root);
  if (doc.body) resized.observe(doc.body);
  view.addEventListener('resize', onResize);
  view.addEventListener('scrollend', onScrollEnd, { passive: true });

  return {
    update(next) {
      corner = next;
      place();
    },
    schedule: onChange,
    remove() {
      clearTimeout(timer);
      resized.disconnect();
      view.removeEventListener('resize', onResize);
      view.removeEventListener('scrollend', onScrollEnd);
      room.remove();
      position.remove();
    },
  };
}
