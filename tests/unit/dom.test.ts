import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameOrTimer, isParsing, isReachable, parseGate, whenParsed } from '@/lib/dom';

/** A document whose readyState the test sets. */
function documentIn(state: DocumentReadyState) {
  const doc = document.implementation.createHTMLDocument('t');
  Object.defineProperty(doc, 'readyState', { get: () => state, configurable: true });
  return doc;
}

/** A document as Firefox leaves the one a frame navigated away from: a dead object, throwing on any access. */
function deadDocument(): Document {
  return new Proxy(document.implementation.createHTMLDocument('t'), {
    get() {
      throw new TypeError("can't access dead object");
    },
  });
}

describe('isReachable', () => {
  it('is true for a live document, shadow root or element, false for a dead object', () => {
    const host = document.createElement('div');
    expect(isReachable(document)).toBe(true);
    expect(isReachable(host.attachShadow({ mode: 'open' }))).toBe(true);
    expect(isReachable(host)).toBe(true);
    expect(isReachable(deadDocument())).toBe(false);
  });
});

describe('isParsing', () => {
  it('is true only while the document is loading', () => {
    expect(isParsing(documentIn('loading'))).toBe(true);
    expect(isParsing(documentIn('interactive'))).toBe(false);
    expect(isParsing(documentIn('complete'))).toBe(false);
  });

  it('takes a document that can no longer be asked (a frame that navigated away) as parsed', () => {
    expect(isParsing(deadDocument())).toBe(false);
  });
});

describe('parseGate', () => {
  it('lets work through at once when the document is parsed', () => {
    const then = vi.fn();
    const gate = parseGate(documentIn('complete'), then);
    expect(gate()).toBe(false);
    expect(then).not.toHaveBeenCalled();
  });

  it('holds work while the document is parsed and runs it once at DOMContentLoaded, however often asked', () => {
    let state: DocumentReadyState = 'loading';
    const doc = documentIn('loading');
    Object.defineProperty(doc, 'readyState', { get: () => state });
    const then = vi.fn();
    const gate = parseGate(doc, then);
    expect([gate(), gate(), gate()]).toEqual([true, true, true]);
    state = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(then).toHaveBeenCalledTimes(1);
    expect(gate()).toBe(false);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(then).toHaveBeenCalledTimes(1);
  });
});

describe('whenParsed', () => {
  it('runs at once when the document is parsed', () => {
    const then = vi.fn();
    whenParsed(documentIn('interactive'), then);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('waits for DOMContentLoaded while the document is parsed, and runs once', () => {
    const doc = documentIn('loading');
    const then = vi.fn();
    whenParsed(doc, then);
    expect(then).not.toHaveBeenCalled();
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(then).toHaveBeenCalledTimes(1);
  });
});

describe('frameOrTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A window whose animation frames the test draws. */
  function windowWithFrames() {
    const callbacks = new Map<number, FrameRequestCallback>();
    let next = 0;
    const view = {
      requestAnimationFrame: (cb: FrameRequestCallback) => (callbacks.set(++next, cb), next),
      cancelAnimationFrame: (id: number) => callbacks.delete(id),
    } as unknown as Window;
    const draw = () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const cb of due) cb(0);
    };
    return { view, draw, waiting: () => callbacks.size };
  }

  it('runs once, in the frame, when the frame comes first; the timer then does nothing', () => {
    const { view, draw } = windowWithFrames();
    const then = vi.fn();
    frameOrTimer(view, then, 100);
    draw();
    expect(then).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('runs once, on the timer, where no frame comes, and gives the frame back', () => {
    const { view, draw, waiting } = windowWithFrames();
    const then = vi.fn();
    frameOrTimer(view, then, 100);
    vi.advanceTimersByTime(99);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(then).toHaveBeenCalledTimes(1);
    expect(waiting()).toBe(0);
    draw();
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('runs neither once cancelled, and runs on the timer where the window cannot be asked for a frame', () => {
    const { view, draw } = windowWithFrames();
    const cancelled = vi.fn();
    frameOrTimer(view, cancelled, 100)();
    draw();
    vi.advanceTimersByTime(200);
    expect(cancelled).not.toHaveBeenCalled();
    const gone = { requestAnimationFrame: () => { throw new Error('cross-origin'); } } as unknown as Window;
    const then = vi.fn();
    frameOrTimer(gone, then, 100);
    vi.advanceTimersByTime(100);
    expect(then).toHaveBeenCalledTimes(1);
  });
});
