/**
 * Read aloud: finds what to read (the article, the selection, or from a paragraph the reader
 * pointed at) and hands it to the player.
 */
import type { ReadingSettings } from '@/lib/settings/schema';
import type { ReadFrom, ReadingState } from '@/lib/messages';
import { UI_ATTRIBUTE } from '@/lib/dom';
import { createPageStyle, type PageStyle } from '@/lib/page-style';
import type { SpeechEngine } from './engine';
import { blockTextNodes, extractArticle } from './extract';
import { createHighlighter, type HighlightColours } from './highlight';
import { createPlayer, type ReadingBlock, type Script } from './player';
import { detectLanguage } from './voices';

const BLOCK_TAGS = new Set([
  'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH', 'DIV', 'BLOCKQUOTE', 'FIGCAPTION', 'DD', 'DT',
  'PRE', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'CAPTION', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV',
]);

export interface ReadAloudOptions {
  reading: () => ReadingSettings;
  /** The colours of the sentence being read, as the page's theme of the moment wants them. */
  highlight: () => HighlightColours;
  engine: () => Promise<SpeechEngine | null>;
  onState: (state: ReadingState) => void;
}

function blockOf(node: Node): Element | null {
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  while (el && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return el;
}

/** The text nodes of `root` that are not inside Dễ Đọc's own UI or non-rendered elements. */
function visibleTextNodes(root: Element, range?: Range): Text[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode(node) {
      if (node instanceof Element) {
        return node.hasAttribute(UI_ATTRIBUTE) || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(node.tagName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP;
      }
      if (range && !range.intersectsNode(node)) return NodeFilter.FILTER_SKIP;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Groups the text inside a range into the blocks that hold it, in document order. */
function blocksInRange(range: Range): ReadingBlock[] {
  const root = range.commonAncestorContainer;
  const container = root instanceof Element ? root : root.parentElement;
  if (!container) return [];
  const blocks: ReadingBlock[] = [];
  const byBlock = new Map<Element, Text[]>();
  for (const text of visibleTextNodes(container, range)) {
    const block = blockOf(text) ?? container;
    let list = byBlock.get(block);
    if (!list) {
      list = [];
      byBlock.set(block, list);
      blocks.push({ element: block, nodes: () => byBlock.get(block) ?? [] });
    }
    list.push(text);
  }
  return blocks;
}

export function createReadAloud(doc: Document, options: ReadAloudOptions) {
  const highlighter = createHighlighter(doc, options.highlight);
  const player = createPlayer({ doc, engine: options.engine, reading: options.reading, highlighter, onState: options.onState });
  let contextTarget: Node | null = null;
  let choosing: { controller: AbortController; style: PageStyle } | null = null;
  const controller = new AbortController();
  doc.addEventListener('contextmenu', (e) => (contextTarget = e.target as Node | null), {
    capture: true,
    signal: controller.signal,
  });

  function language(blocks: ReadingBlock[], declared: string): string {
    const sample = blocks
      .slice(0, 5)
      .map((b) => b.element.textContent ?? '')
      .join(' ');
    const browserLang = doc.defaultView?.navigator.language ?? 'en';
    return detectLanguage(declared, sample, browserLang);
  }

  function articleScript(): Script | null {
    const article = extractArticle(doc, { captions: options.reading().captions });
    if (!article || !article.blocks.length) return null;
    const blocks = article.blocks.map((b) => ({ element: b.element, nodes: () => blockTextNodes(b.element) }));
    return { blocks, lang: language(blocks, article.lang) };
  }

  function declaredLang(node: Node): string {
    const el = node instanceof Element ? node : node.parentElement;
    return el?.closest('[lang]')?.getAttribute('lang') ?? '';
  }

  /** Starts at a DOM position: within the article when it is there, else in the block around it. */
  function scriptFrom(position: { node: Node; offset: number }, end?: { node: Node; offset: number }): Script | null {
    const article = articleScript();
    if (article) {
      const inBlock = (p: { node: Node }) => article.blocks.findIndex((b) => b.element.contains(p.node));
      const startBlock = inBlock(position);
      const endBlock = end ? inBlock(end) : -1;
      if (startBlock >= 0 && (!end || endBlock >= 0)) {
        return { ...article, startBlock, startNode: position, ...(end ? { endBlock, endNode: end } : {}) };
      }
    }
    return null;
  }

  function selectionScript(): Script | null {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const start = { node: range.startContainer, offset: range.startOffset };
    const end = { node: range.endContainer, offset: range.endOffset };
    const inArticle = scriptFrom(start, end);
    if (inArticle) return inArticle;
    const blocks = blocksInRange(range);
    if (!blocks.length) return null;
    return { blocks, lang: language(blocks, declaredLang(range.startContainer)), startNode: start, endBlock: blocks.length - 1, endNode: end };
  }

  function contextScript(): Script | null {
    if (!contextTarget) return null;
    const fromArticle = scriptFrom({ node: contextTarget, offset: 0 });
    if (fromArticle) return fromArticle;
    const block = blockOf(contextTarget);
    if (!block) return null;
    const blocks = [{ element: block, nodes: () => visibleTextNodes(block) }];
    return { blocks, lang: language(blocks, declaredLang(block)) };
  }

  /** No article: the text the reader can see now, from the top of the screen down. */
  function visibleScript(): Script | null {
    const root = doc.body ?? doc.documentElement;
    const view = doc.defaultView;
    if (!root || !view) return null;
    const range = doc.createRange();
    range.selectNodeContents(root);
    const blocks = blocksInRange(range).filter((b) => {
      const rect = b.element.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < view.innerHeight && rect.width > 0;
    });
    if (!blocks.length) return null;
    return { blocks, lang: language(blocks, declaredLang(root)) };
  }

  function read(from: ReadFrom) {
    // The engine starts loading while the article is found.
    void player.prepare();
    const script =
      from === 'selection'
        ? (selectionScript() ?? articleScript() ?? visibleScript())
        : from === 'context-target'
          ? contextScript()
          : (articleScript() ?? visibleScript());
    if (!script) {
      options.onState({ ...player.state, status: 'idle', notice: 'noArticle' });
      return;
    }
    void player.start(script);
  }

  function stopChoosing() {
    choosing?.controller.abort();
    choosing?.style.remove();
    choosing = null;
  }

  /**
   * "Choose where to start": the next click on the page (not on Dễ Đọc's own controls) starts
   * reading at the paragraph clicked, and does nothing else; Escape cancels.
   */
  function chooseStart() {
    stopChoosing();
    player.stop();
    const c = new AbortController();
    const style = createPageStyle(doc);
    style.set(`:root, :root *:not([${UI_ATTRIBUTE}]) { cursor: crosshair !important; }`);
    choosing = { controller: c, style };
    options.onState({ ...player.state, notice: 'chooseStartHint' });
    const ours = (e: Event) => e.composedPath().some((n) => n instanceof Element && n.hasAttribute(UI_ATTRIBUTE));
    for (const type of ['pointerdown', 'mousedown', 'click'] as const) {
      doc.addEventListener(
        type,
        (e) => {
          if (ours(e) || (e as MouseEvent).button !== 0) return;
          e.preventDefault();
          e.stopPropagation();
          if (type !== 'click') return;
          contextTarget = e.target as Node | null;
          stopChoosing();
          read('context-target');
        },
        { capture: true, signal: c.signal },
      );
    }
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape') return;
        stopChoosing();
        options.onState({ ...player.state, notice: null });
      },
      { capture: true, signal: c.signal },
    );
  }

  return {
    get state() {
      return player.state;
    },
    get choosing() {
      return choosing !== null;
    },
    read,
    /** The reader pointed at or focused "Read aloud": get the voice ready. */
    prepare: () => void player.prepare(),
    chooseStart,
    /** The one "Read aloud" button: start, pause or resume. */
    toggle() {
      const status = player.state.status;
      if (status === 'playing') player.pause();
      else if (status === 'paused') player.resume();
      else read(doc.getSelection()?.isCollapsed === false ? 'selection' : 'start');
    },
    pause: () => player.pause(),
    resume: () => player.resume(),
    stop: () => player.stop(),
    next: () => player.next(),
    previous: () => player.previous(),
    remove() {
      stopChoosing();
      player.stop();
      highlighter.dispose();
      controller.abort();
    },
  };
}

export type ReadAloudFeature = ReturnType<typeof createReadAloud>;
