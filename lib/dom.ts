/** Marks Dễ Đọc's own elements (toolbar host, fallback style elements) so features skip them. */
export const UI_ATTRIBUTE = 'data-dede-ui';

/** Elements whose own pixels are content: pictures, video, canvas, embedded frames, SVG graphics. */
export const MEDIA_ELEMENTS = ['img', 'picture', 'video', 'canvas', 'iframe', 'embed', 'object', 'svg'];

/**
 * Whether a node can still be touched: in Firefox the document a frame navigated away from (and
 * every node of it) is a dead object, which throws on any access. Its sheets and marks went with it.
 */
export function isReachable(node: Node): boolean {
  try {
    return node.nodeType > 0;
  } catch {
    return false;
  }
}

/** Whether a document is still being parsed (a frame's document that navigated away is not). */
export function isParsing(doc: Document): boolean {
  return isReachable(doc) && doc.readyState === 'loading';
}

/**
 * Runs `then` at once if the document has been parsed, else once at DOMContentLoaded. For a
 * MutationObserver: while a page is parsed it would report every element the parser adds, which
 * the scan that follows parsing covers anyway.
 */
export function whenParsed(doc: Document, then: () => void): void {
  if (isParsing(doc)) doc.addEventListener('DOMContentLoaded', () => then(), { once: true });
  else then();
}

/**
 * A gate for work that waits until a document has been parsed: calling it returns false once the
 * document is parsed; while it is parsed it returns true, and `then` runs once at
 * DOMContentLoaded, however often the gate was called meanwhile.
 */
export function parseGate(doc: Document, then: () => void): () => boolean {
  let waiting = false;
  return () => {
    if (waiting) return true;
    if (!isParsing(doc)) return false;
    waiting = true;
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        waiting = false;
        then();
      },
      { once: true },
    );
    return true;
  };
}

/**
 * Runs `then` once, in the next animation frame or after `ms`, whichever comes first: a hidden tab
 * gets no frames, and Firefox may give none to a same-origin frame it has not drawn yet. Returns
 * what cancels it.
 */
export function frameOrTimer(view: Window | null | undefined, then: () => void, ms: number): () => void {
  let frame = 0;
  let done = false;
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    try {
      // A frame's window turns cross-origin when the frame navigates away: then it cannot be asked.
      if (frame) view?.cancelAnimationFrame(frame);
    } catch {
      /* the frame it belonged to is gone */
    }
  };
  const run = () => {
    if (done) return;
    cancel();
    then();
  };
  const timer = setTimeout(run, ms);
  try {
    if (view?.requestAnimationFrame) frame = view.requestAnimationFrame(run);
  } catch {
    /* a frame that navigated away: the timer still runs */
  }
  return cancel;
}
