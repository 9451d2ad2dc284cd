// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createPageStyle } from '@/lib/page-style';

describe('createPageStyle', () => {
  it('hands the browser a sheet’s text only when it changes: the same text again would restyle the whole page', () => {
    const style = createPageStyle(document);
    const sheet = document.adoptedStyleSheets.at(-1)!;
    const replace = vi.spyOn(sheet, 'replaceSync');
    style.set('p { color: red; }');
    style.set('p { color: red; }');
    expect(replace).toHaveBeenCalledTimes(1);
    style.set('');
    style.set('p { color: red; }');
    expect(replace).toHaveBeenCalledTimes(3);
    expect([...sheet.cssRules].map((r) => r.cssText)).toEqual(['p { color: red; }']);
    style.remove();
    expect(document.adoptedStyleSheets.includes(sheet)).toBe(false);
  });
});
