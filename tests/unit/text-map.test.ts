// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextMap, indexOf, rangeFor } from '@/features/read-aloud/text-map';

function textNodes(html: string): Text[] {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

describe('buildTextMap', () => {
  it('collapses white space across nodes and trims', () => {
    const map = buildTextMap(textNodes('<p>\n   Ngày  <b>19/06/2020</b>,\n  TS. Nguyễn   Văn A   </p>'));
    expect(map.text).toBe('Ngày 19/06/2020, TS. Nguyễn Văn A');
    expect(map.node).toHaveLength(map.text.length);
  });

  it('composes decomposed (NFD) text and maps ranges back to the original nodes', () => {
    const nfd = 'Cục Sở hữu trí tuệ'.normalize('NFD');
    const nodes = textNodes(`<p>${nfd} tổ chức</p>`);
    const map = buildTextMap(nodes);
    expect(map.text).toBe('Cục Sở hữu trí tuệ tổ chức');
    const start = map.text.indexOf('Sở');
    const range = rangeFor(map, start, start + 'Sở hữu'.length, document)!;
    expect(range.toString().normalize('NFC')).toBe('Sở hữu');
  });

  it('maps a DOM position back to a character index', () => {
    const nodes = textNodes('<p>Một câu. <i>Câu hai.</i></p>');
    const map = buildTextMap(nodes);
    expect(indexOf(map, nodes[1]!, 0)).toBe(map.text.indexOf('Câu hai'));
    expect(indexOf(map, document.body, 0)).toBe(-1);
  });

  it('gives no range outside the text', () => {
    const map = buildTextMap(textNodes('<p>abc</p>'));
    expect(rangeFor(map, 2, 10, document)).toBeNull();
  });
});
