import { describe, expect, it, vi } from 'vitest';
import { isParsing, parseGate, whenParsed } from '@/lib/dom';

/** A document whose readyState the test sets. */
function documentIn(state: DocumentReadyState | (() => never)) {
  const doc = document.implementation.createHTMLDocument('t');
  Object.defineProperty(doc, 'readyState', { get: typeof state === 'function' ? state : () => state, configurable: true });
  return doc;
}

describe('isParsing', () => {
  it('is true only while the document is loading', () => {
    expect(isParsing(documentIn('loading'))).toBe(true);
    expect(isParsing(documentIn('interactive'))).toBe(false);
    expect(isParsing(documentIn('complete'))).toBe(false);
  });

  it('takes a document that can no longer be asked (a frame that navigated away) as parsed', () => {
    const dead = documentIn(() => {
      throw new TypeError("can't access dead object");
    });
    expect(isParsing(dead)).toBe(false);
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
