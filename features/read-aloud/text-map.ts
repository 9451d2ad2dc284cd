/**
 * The text of a block as a reader sees it (NFC, white space collapsed), with a map back to the
 * DOM text nodes, so a sentence found in the text can be highlighted with a Range without
 * touching the page's DOM.
 */
export interface TextMap {
  text: string;
  /** For each character of `text`: the text node and the offsets it came from. */
  node: Text[];
  from: number[];
  to: number[];
}

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

export function buildTextMap(nodes: Text[]): TextMap {
  let text = '';
  const node: Text[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const n of nodes) {
    const raw = n.data;
    for (const m of raw.matchAll(CLUSTER)) {
      const start = m.index;
      const end = start + m[0].length;
      if (/^\s/u.test(m[0])) {
        if (text === '' || text.endsWith(' ')) continue;
        text += ' ';
        node.push(n);
        from.push(start);
        to.push(end);
        continue;
      }
      const composed = m[0].normalize('NFC');
      for (const ch of composed) {
        for (let i = 0; i < ch.length; i++) {
          node.push(n);
          from.push(start);
          to.push(end);
        }
        text += ch;
      }
    }
  }
  // Trailing white space is not text.
  while (text.endsWith(' ')) {
    text = text.slice(0, -1);
    node.pop();
    from.pop();
    to.pop();
  }
  return { text, node, from, to };
}

/** A DOM Range over characters [start, end) of the mapped text. */
export function rangeFor(map: TextMap, start: number, end: number, doc: Document): Range | null {
  const first = map.node[start];
  const last = map.node[end - 1];
  const a = map.from[start];
  const b = map.to[end - 1];
  if (!first || !last || a === undefined || b === undefined) return null;
  const range = doc.createRange();
  try {
    range.setStart(first, Math.min(a, first.length));
    range.setEnd(last, Math.min(b, last.length));
  } catch {
    return null;
  }
  return range;
}

/** The character index in the mapped text of a DOM position (node, offset), or -1. */
export function indexOf(map: TextMap, target: Node, offset: number): number {
  for (let i = 0; i < map.text.length; i++) {
    if (map.node[i] === target && (map.to[i] ?? 0) > offset) return i;
  }
  return -1;
}
