// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createTextSize, lineHeightKey, roundPx, textSizeRules, type TextOptions } from '@/features/text-size';
import { textIsNeutral } from '@/lib/settings/schema';

const OFF: TextOptions = { textScale: 1, textSpacing: false, readingWidth: false, leftAlign: false, font: 'page' };
const measured = { fontSizes: [13, 22], lineHeights: ['18', 'c34/12'], heights: [60] };

describe('textSizeRules', () => {
  it('sizes every measured size by the factor, in px from the page’s own size', () => {
    const css = textSizeRules({ ...OFF, textScale: 2 }, measured);
    expect(css).toContain(':root { --dede-text-scale: 2; --dede-box-height: auto; --dede-box-max-height: none; }');
    expect(css).toContain('[data-dede-fs="13"] { font-size: calc(13px * var(--dede-text-scale, 1)) !important; }');
    expect(css).toContain('[data-dede-fs="22"]');
    expect(css).toContain('[data-dede-lh="18"] { line-height: calc(18px * var(--dede-text-scale, 1)) !important; }');
  });

  it('keeps a centring line height unless the bigger text needs more', () => {
    const css = textSizeRules({ ...OFF, textScale: 2 }, measured);
    expect(css).toContain('[data-dede-lh="c34/12"] { line-height: max(34px, calc(12px * 1.4 * var(--dede-text-scale, 1))) !important; }');
  });

  it('lets fixed boxes grow and over-wide boxes fit', () => {
    const css = textSizeRules({ ...OFF, textScale: 2 }, measured);
    expect(css).toContain('[data-dede-grow="60"] { height: auto !important; min-height: 60px !important; max-height: none !important; }');
    expect(css).toMatch(/\[data-dede-fit\] \{ max-width: 100% !important; min-width: 0 !important;/);
    expect(css).toMatch(/\[data-dede-wrap\] \{ white-space: normal !important;/);
  });

  it('WCAG 1.4.12 spacing replaces the scaled line heights', () => {
    const css = textSizeRules({ ...OFF, textScale: 1.5, textSpacing: true }, measured);
    expect(css).toContain('line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important;');
    expect(css).toContain(':is(p, dd, blockquote, :is(article, main, [role="main"]) li):not([data-dede-ui]) { margin-bottom: 2em !important; }');
    expect(css).not.toContain('[data-dede-lh=');
  });

  it('reading width, left alignment and a sans-serif font', () => {
    const css = textSizeRules({ ...OFF, readingWidth: true, leftAlign: true, font: 'sans' }, measured);
    expect(css).toContain('max-width: 70ch !important;');
    expect(css).toContain(':is([data-dede-justify], [style*="justify" i], [align="justify" i]):not([data-dede-ui]) { text-align: start !important; }');
    expect(css).toMatch(/font-family: system-ui/);
  });

  it('a shadow root’s sheet does not set the factor (it inherits it) nor depend on body', () => {
    const css = textSizeRules({ ...OFF, textScale: 2, textSpacing: true }, measured, true);
    expect(css).not.toContain(':root');
    expect(css).not.toContain('body ');
    expect(css).toContain('[data-dede-fs="13"]');
  });
});

describe('helpers', () => {
  it('lineHeightKey tells leading from centring', () => {
    expect(lineHeightKey(18, 12)).toBe('18');
    expect(lineHeightKey(34, 12)).toBe('c34/12');
    expect(lineHeightKey(24, 12)).toBe('c24/12');
  });
  it('roundPx', () => {
    expect(roundPx('13.3333px')).toBe(13.33);
    expect(roundPx('0px')).toBeNull();
    expect(roundPx('normal')).toBeNull();
  });
  it('textIsNeutral', () => {
    expect(textIsNeutral(OFF)).toBe(true);
    expect(textIsNeutral({ ...OFF, textScale: 1.1 })).toBe(false);
    expect(textIsNeutral({ ...OFF, font: 'sans' })).toBe(false);
  });
});

describe('createTextSize on a document', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.adoptedStyleSheets = [];
  });

  function page() {
    document.body.innerHTML = `
      <div id="article" style="font-size: 14px">
        <h1 style="font-size: 24px">Tiêu đề</h1>
        <p id="imp" style="font-size: 15px !important; line-height: 20px !important">Đoạn !important</p>
        <p>Đoạn thường</p>
      </div>
      <div id="ui" data-dede-ui=""><span>Thanh công cụ</span></div>`;
  }

  it('tags text owners, skips Dễ Đọc’s own UI, and remove() restores attributes, inline styles and sheets', () => {
    page();
    const html = document.body.innerHTML;
    // Our sheet: adopted where the DOM allows it, else a <style data-dede-ui> element.
    const ours = () => document.adoptedStyleSheets.length + document.querySelectorAll('style[data-dede-ui]').length;
    const sheets = ours();
    const feature = createTextSize(document);
    feature.apply({ ...OFF, textScale: 2 });
    expect(document.querySelector('h1')!.getAttribute('data-dede-fs')).toBe('24');
    expect(document.querySelector('#ui span')!.hasAttribute('data-dede-fs')).toBe(false);
    const imp = document.querySelector<HTMLElement>('#imp')!;
    expect(imp.style.getPropertyValue('font-size')).toContain('var(--dede-text-scale');
    expect(ours()).toBe(sheets + 1);
    feature.remove();
    expect(ours()).toBe(sheets);
    expect(document.querySelectorAll('[data-dede-fs], [data-dede-lh]').length).toBe(0);
    expect(imp.style.getPropertyValue('font-size')).toBe('15px');
    expect(imp.style.getPropertyPriority('font-size')).toBe('important');
    expect(document.body.innerHTML).toBe(html);
  });

  it('neutral settings remove everything; apply again works', () => {
    page();
    const feature = createTextSize(document);
    feature.apply({ ...OFF, textScale: 1.5 });
    feature.apply(OFF);
    expect(document.querySelectorAll('[data-dede-fs]').length).toBe(0);
    feature.apply({ ...OFF, textScale: 3 });
    expect(document.querySelectorAll('[data-dede-fs]').length).toBeGreaterThan(0);
    feature.remove();
  });

  it('gives an open shadow root its own sheet and tags its text', () => {
    page();
    const host = document.createElement('gov-box');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p style="font-size: 12px">Trong shadow root</p>';
    document.querySelector('#article')!.appendChild(host);
    const feature = createTextSize(document);
    feature.apply({ ...OFF, textScale: 2 });
    expect(root.querySelector('p')!.getAttribute('data-dede-fs')).toBe('12');
    expect(root.adoptedStyleSheets.length).toBe(1);
    feature.remove();
    expect(root.adoptedStyleSheets.length).toBe(0);
    expect(root.querySelector('p')!.hasAttribute('data-dede-fs')).toBe(false);
  });

  it('never throws, on an empty document or after the page removed its body', () => {
    const feature = createTextSize(document);
    expect(() => feature.apply({ ...OFF, textScale: 2 })).not.toThrow();
    document.body.remove();
    expect(() => feature.apply({ ...OFF, textScale: 3, textSpacing: true })).not.toThrow();
    expect(() => feature.remove()).not.toThrow();
    document.documentElement.appendChild(document.createElement('body'));
  });
});
