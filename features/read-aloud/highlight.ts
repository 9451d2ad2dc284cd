/**
 * Shows the sentence being read with the CSS Custom Highlight API, which paints a Range without
 * changing the page's DOM, and keeps it in view unless the reader is scrolling by themselves.
 * When reading stops, a scroll it started stops too: the page stands still under the reader's
 * pointer the moment they press Stop.
 */
import { createPageStyle, type PageStyle } from '@/lib/page-style';

export interface Highlighter {
  show(range: Range): void;
  /** The word being spoken, for voices that report word boundaries. */
  showWord(range: Range): void;
  clear(): void;
  dispose(): void;
}

/** The colours of the sentence being read; the word being spoken swaps them. */
export interface HighlightColours {
  background: string;
  text: string;
}

export const HIGHLIGHT_NAME = 'dede-reading';
export const WORD_HIGHLIGHT_NAME = 'dede-word';
const READER_SCROLL_PAUSE_MS = 4000;

export function createHighlighter(doc: Document, colours: () => HighlightColours): Highlighter {
  const view = doc.defaultView;
  const registry = (view?.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const HighlightCtor = (view as { Highlight?: typeof Highlight } | null)?.Highlight;
  let style: PageStyle | null = null;
  let styled = '';
  let readerScrolledAt = -Infinity;
  /** Whether a smooth scroll of ours may still be moving the page. */
  let scrolling = false;
  const controller = new AbortController();
  const noteReaderScroll = () => {
    readerScrolledAt = Date.now();
    scrolling = false;
  };
  for (const type of ['wheel', 'touchmove'] as const) {
    view?.addEventListener(type, noteReaderScroll, { passive: true, signal: controller.signal });
  }
  view?.addEventListener(
    'keydown',
    (e) => {
      if (['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '].includes(e.key)) noteReaderScroll();
    },
    { signal: controller.signal },
  );
  view?.addEventListener('scrollend', () => (scrolling = false), { signal: controller.signal });

  function keepInView(range: Range) {
    if (!view || Date.now() - readerScrolledAt < READER_SCROLL_PAUSE_MS) return;
    const rect = range.getBoundingClientRect();
    const margin = view.innerHeight * 0.15;
    if (rect.top >= margin && rect.bottom <= view.innerHeight - margin) return;
    const reduce = view.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
    scrolling = !reduce;
  }

  /**
   * Ends a smooth scroll of ours where it is now: an instant scroll replaces it. Firefox ignores
   * one to where the page already is, so it goes a pixel away and back in the same task.
   */
  function stopScrolling() {
    if (!view || !scrolling) return;
    scrolling = false;
    const { scrollX: left, scrollY: top } = view;
    view.scrollTo({ left, top: top >= 1 ? top - 1 : top + 1, behavior: 'instant' });
    view.scrollTo({ left, top, behavior: 'instant' });
  }

  return {
    show(range) {
      if (registry && HighlightCtor) {
        // The colours of the moment (a contrast theme has its own): the sheet changes only with them.
        const { background, text } = colours();
        const css =
          `::highlight(${HIGHLIGHT_NAME}) { background-color: ${background}; color: ${text}; }\n` +
          `::highlight(${WORD_HIGHLIGHT_NAME}) { background-color: ${text}; color: ${background}; }`;
        style ??= createPageStyle(doc);
        if (css !== styled) style.set(css);
        styled = css;
        registry.delete(WORD_HIGHLIGHT_NAME);
        registry.set(HIGHLIGHT_NAME, new HighlightCtor(range));
      }
      keepInView(range);
    },
    showWord(range) {
      if (registry && HighlightCtor) registry.set(WORD_HIGHLIGHT_NAME, new HighlightCtor(range));
    },
    clear() {
      registry?.delete(HIGHLIGHT_NAME);
      registry?.delete(WORD_HIGHLIGHT_NAME);
      stopScrolling();
    },
    dispose() {
      this.clear();
      style?.remove();
      style = null;
      styled = '';
      controller.abort();
    },
  };
}
