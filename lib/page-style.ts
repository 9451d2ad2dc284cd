/**
 * A stylesheet that Dễ Đọc adds to a document or shadow root. Constructed stylesheets are
 * preferred: they come after the page's own sheets in the cascade, are not nodes the page can
 * remove, and are not governed by the page's Content Security Policy. Where a browser refuses to
 * adopt a sheet made by an extension, a <style> element is used instead.
 */
export interface PageStyle {
  set(cssText: string): void;
  remove(): void;
}

type StyleTarget = Document | ShadowRoot;

/** Not `instanceof`: a document of another frame is of another window's Document class. */
const isDocument = (t: StyleTarget): t is Document => t.nodeType === 9;

function adoptedStyle(target: StyleTarget): PageStyle | null {
  try {
    const view = (isDocument(target) ? target : target.ownerDocument).defaultView;
    if (!view || !('adoptedStyleSheets' in target)) return null;
    const sheet = new view.CSSStyleSheet();
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    if (!target.adoptedStyleSheets.includes(sheet)) return null;
    // The same text again would still make the browser restyle the whole document.
    let current = '';
    return {
      set: (cssText) => {
        if (cssText === current) return;
        sheet.replaceSync(cssText);
        current = cssText;
      },
      remove: () => {
        target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    return null;
  }
}

function elementStyle(target: StyleTarget): PageStyle {
  const doc = isDocument(target) ? target : target.ownerDocument;
  const style = doc.createElement('style');
  style.setAttribute('data-dede-ui', '');
  const attach = () => {
    const parent = isDocument(target) ? (target.head ?? target.documentElement) : target;
    if (parent && style.parentNode !== parent) parent.appendChild(style);
  };
  return {
    set(cssText) {
      if (style.textContent !== cssText) style.textContent = cssText;
      attach();
    },
    remove: () => style.remove(),
  };
}

export function createPageStyle(target: StyleTarget): PageStyle {
  return adoptedStyle(target) ?? elementStyle(target);
}
