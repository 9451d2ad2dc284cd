/**
 * What a reader sees of one paragraph, read the same way in every browser the tests drive:
 * its computed size, its colour and the background layers behind it.
 */
import { composite, parseColour, type Rgba } from '@/lib/colour';

export interface ParagraphStyle {
  fontSize: number;
  color: string;
  layers: string[];
}

/** Runs in the page (pass it to `page.evaluate`): the paragraph whose text starts with `start`. */
export function paragraphStyleInPage(start: string): ParagraphStyle {
  const el = [...document.querySelectorAll('p, div, li')].find((e) => e.textContent?.trim().startsWith(start) && e.children.length < 5);
  if (!el) throw new Error(`no element starting with ${start}`);
  const cs = getComputedStyle(el);
  const layers: string[] = [];
  for (let n: Element | null = el; n; n = n.parentElement) layers.push(getComputedStyle(n).backgroundColor);
  return { fontSize: Number.parseFloat(cs.fontSize), color: cs.color, layers };
}

/** The opaque colour the layers paint over a white canvas. */
export function effectiveBackground(layers: string[]): Rgba {
  let bg: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of [...layers].reverse()) {
    const c = parseColour(layer);
    if (c) bg = composite(c, bg);
  }
  return bg;
}
