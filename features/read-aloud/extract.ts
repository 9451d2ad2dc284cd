/**
 * Article extraction for read-aloud.
 *
 * Finds the main article of a (government news) page and returns it as an
 * ordered list of the finest text blocks a listener should hear: title, lead,
 * headings, paragraphs, list items, table cells, captions and quotes.
 *
 * The approach is Readability-style content scoring done in one linear walk
 * over the body:
 *  1. Walk the DOM once (iteratively, so deep pages cannot overflow the stack),
 *     skipping subtrees that are never article text (scripts, hidden elements,
 *     navigation, footers, related-news boxes, comments, the extension's own UI…)
 *     and recording, for every element, how much text and link text it holds.
 *     Every text node belongs to its nearest block-level ancestor: that element
 *     is a "text block".
 *  2. Score each text block by length and commas and add the score to its
 *     ancestors (parent fully, grandparent half, further ancestors less).
 *     Class/id names and known government CMS structures adjust the scores.
 *  3. The best-scoring element (after a link-density penalty) is the article
 *     root; siblings that score well are merged in.
 *  4. The title (the heading that best matches the document title, nearest
 *     before or inside the root) and the lead/sapo are located, and the blocks
 *     of the root are filtered (date lines, link boxes, tool widgets) and typed.
 *
 * Everything is O(number of nodes): one cheap pass to find known CMS
 * structures, one walk, then passes over the recorded elements. Style queries
 * are few: `checkVisibility` for the root, title, lead and the classed block
 * boxes inside the root, and one `getComputedStyle` for a CSS-bold lead. The
 * function never throws.
 */

export type BlockKind =
  | 'title'
  | 'lead'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-cell'
  | 'caption'
  | 'quote';

/**
 * A block's text is its own text nodes (see `blockTextNodes`), never those of
 * nested blocks, so no text is read twice. Blocks nest only where a container
 * mixes loose text with block children (`<li>item<ul>…</ul></li>`).
 */
export interface ArticleBlock {
  element: Element;
  kind: BlockKind;
}

export interface Article {
  /** The article's body container; the title and lead may sit just before it. */
  root: Element;
  /** In reading order: the title first, then the lead, then the body. */
  blocks: ArticleBlock[];
  /** BCP-47 tag from the closest `lang` attribute of the root (the document's if none), else ''. */
  lang: string;
}

export interface ExtractOptions {
  /** Include image captions (kind 'caption'). Default true. */
  captions?: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Subtrees that never contain readable text (a `marquee` is a ticker of other news). */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object',
  'embed', 'audio', 'video', 'select', 'input', 'textarea', 'button', 'option', 'label',
  'map', 'dialog', 'head', 'link', 'meta', 'marquee',
]);

/** Landmarks that are page chrome unless they wrap a known article structure. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);

/** ARIA roles of page chrome. */
const CHROME_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar',
  'toolbar', 'dialog', 'alertdialog', 'tablist',
]);

/** Elements that start a new block of text (everything else is inline). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Containers that are dropped from the article when they are mostly links. */
const LINK_BOX_TAGS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'center']);

/** Class names that hide an element in common CSS frameworks. */
const HIDDEN_CLASSES = new Set([
  'hidden', 'hide', 'd-none', 'sr-only', 'visually-hidden', 'visuallyhidden', 'invisible',
  'screen-reader-text', 'govuk-visually-hidden', 'element-invisible',
]);

/*
 * Class/id vocabulary. Names are split into lowercase tokens ("divArticleContent"
 * → div, article, content; "tin-lien-quan" → tin, lien, quan), each looked up
 * once in NAME_VOCABULARY, and so is each pair of neighbours ("tom-tat" →
 * tomtat); the tokens are also squashed ("tinlienquan") and searched for
 * compound chrome words.
 */

/** Chrome, skipped whatever else the name says (unless it wraps a known article structure). */
const NAME_STRONG_NOISE = 1;
/** Chrome, skipped unless the name also says content. */
const NAME_WEAK_NOISE = 2;
/** Lowers the score only. */
const NAME_SCORE_NOISE = 4;
const NAME_CONTENT = 8;
const NAME_TITLE = 16;
const NAME_LEAD = 32;
const NAME_CAPTION = 64;
const NAME_HEADER = 128;

/** Chrome words searched inside the squashed tokens ("boxtinlienquan", "link-content-footer"): NAME_STRONG_NOISE. */
const STRONG_NOISE_COMPOUNDS = new RegExp(
  [
    'related', 'lienquan', 'tinkhac', 'binhluan', 'comment', 'breadcrumb', 'cookie', 'banner', 'quangcao', 'advert',
    'sidebar', 'footer', 'navbar', 'navigation', 'toolbar', 'social', 'chiase', 'sharing', 'popup',
  ].join('|'),
);

const NAME_VOCABULARY = new Map<string, number>();
const vocabulary = (flag: number, tokens: string[]): void => {
  for (const token of tokens) NAME_VOCABULARY.set(token, (NAME_VOCABULARY.get(token) ?? 0) | flag);
};
vocabulary(NAME_STRONG_NOISE, ['nav', 'menu', 'menus', 'mainmenu', 'share', 'ad', 'ads', 'adv', 'modal']);
vocabulary(NAME_WEAK_NOISE, [
  'header', 'tool', 'tools', 'utility', 'utilities', 'widget', 'login', 'search', 'pager',
  'pagination', 'tag', 'tags', 'rss', 'sponsor', 'promo', 'subscribe', 'newsletter',
  'feedback', 'rating', 'vote', 'poll', 'masthead', 'skip', 'links', 'weblink', 'weblinks',
  'lienket', 'other', 'others', 'extra', 'metadata', 'hotline', 'weather', 'dinhkem', 'attachment', 'attachments',
]);
vocabulary(NAME_SCORE_NOISE, ['print', 'meta', 'date', 'time', 'author', 'box', 'list', 'hot']);
vocabulary(NAME_CONTENT, [
  'article', 'articles', 'content', 'contents', 'detail', 'details', 'body', 'main', 'post',
  'entry', 'story', 'govspeak', 'noidung', 'chitiet', 'baiviet', 'articlebody',
]);
vocabulary(NAME_TITLE, ['title', 'tieude', 'headline']);
vocabulary(NAME_LEAD, ['sapo', 'lead', 'summary', 'description', 'tomtat', 'intro', 'chapeau', 'abstract']);
vocabulary(NAME_CAPTION, ['caption', 'chuthich', 'figcaption']);
vocabulary(NAME_HEADER, ['header']);

/**
 * Known government/news CMS structures. They are hints, not the only path:
 * content hints add score, title/lead hints pick the title and lead, and the
 * ancestors of a hint that matches exactly one element (and of the page's only
 * <main>) are never skipped for their names.
 */
type HintKind = 'content' | 'title' | 'lead' | 'landmark';

/** Hints by element id, class, itemprop, tag and role (looked up, not matched one by one). */
const ID_HINTS = new Map<string, HintKind>([
  ['divArticleContent', 'content'], // older ministry portals (ASP.NET)
  ['news_content', 'content'],
  ['contentnews', 'content'], // VNPT ePortal
]);
const ID_PREFIX_HINTS: ReadonlyArray<readonly [string, HintKind]> = [['divArticleDescription', 'lead']];
const CLASS_HINTS = new Map<string, HintKind>([
  ['detail-content', 'content'], // baochinhphu.vn and other VCCorp CMS sites
  ['detail-title', 'title'],
  ['detail-sapo', 'lead'],
  ['govspeak', 'content'], // GOV.UK
  ['gem-c-title__text', 'title'],
  ['gem-c-lead-paragraph', 'lead'],
  ['journal-content-article', 'content'], // Liferay web content
  ['asset-content', 'content'], // Liferay asset publisher
]);
const ITEMPROP_HINTS = new Map<string, HintKind>([
  ['articleBody', 'content'],
  ['headline', 'title'],
]);
const TAG_HINTS = new Map<string, HintKind>([
  ['article', 'content'],
  ['main', 'landmark'],
]);
const ROLE_HINTS = new Map<string, HintKind>([['main', 'landmark']]);

/** Context flags inherited down the tree. */
const LINK = 1;
const CONTROL = 2;
const BOLD = 4;
const ITALIC = 8;
const QUOTE = 16;
const FIGURE = 32;
const CAPTION = 64;
const LIST = 128;
const MAIN = 256;
const TITLE_NAME = 512;
const TITLE_HINT = 1024;

/** Per-element bookkeeping of the walk. */
class Info {
  /** Nearest block-level ancestor-or-self: the block that owns loose text of this element. */
  readonly block: Info;
  /** Pre-order index of the last descendant. */
  end: number;
  /** Subtree totals (filled bottom-up after the walk). */
  text = 0;
  link = 0;
  links: number;
  images: number;
  /** Own text: text nodes whose nearest block is this element. */
  ownText = 0;
  ownLink = 0;
  ownControl = 0;
  ownBold = 0;
  ownItalic = 0;
  ownTitleName = 0;
  ownTitleHint = 0;
  /** Own text while it is short (up to ~300 characters): enough for date, label and title checks. */
  shortText = '';
  commas = 0;
  score = 0;
  scored = false;

  constructor(
    readonly el: Element,
    readonly tag: string,
    readonly parent: Info | null,
    /** Pre-order index (also the index in `Walk.infos`). */
    readonly order: number,
    /** Inherited context flags. */
    readonly flags: number,
    /** Initial content score from tag, names and CMS hints. */
    readonly weight: number,
    /** Names say lead/sapo. */
    readonly leadName: boolean,
  ) {
    this.block = BLOCK_TAGS.has(tag) || !parent ? this : parent.block;
    this.end = order;
    this.links = flags & LINK && !(parent && parent.flags & LINK) ? 1 : 0;
    this.images = tag === 'img' ? 1 : 0;
  }
}

interface Walk {
  infos: Info[];
  infoOf: Map<Element, Info>;
  /** Text blocks in the order of their first text. */
  blocks: Info[];
}

/** Returns the article of `doc`, or null when the page has none. Never throws. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Article | null {
  try {
    return extract(doc, options.captions ?? true);
  } catch {
    return null;
  }
}

/**
 * The text nodes of `block` that should be read, in document order: skips
 * scripts, hidden and aria-hidden elements, chrome boxes (related news, share
 * bars…) and nested blocks (they are blocks of their own).
 */
export function blockTextNodes(block: Element): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [];
  for (let child = block.lastChild; child; child = child.previousSibling) stack.push(child);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === TEXT_NODE) {
      out.push(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const facts = factsOf(el);
      if (BLOCK_TAGS.has(facts.tag) || isSkipped(el, facts, null, null, true)) continue;
      for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return out;
}

/** A short news item: at least this many paragraphs of this many characters, each ending a sentence. */
const SHORT_NEWS_PARAGRAPHS = 3;
const SHORT_NEWS_PARAGRAPH = 120;
const SENTENCE_END = /[.!?…][\s"'”’»)\]]*$/;

function extract(doc: Document, captions: boolean): Article | null {
  // A page may have no <body> (removed by its own script, or a frameset-free fragment).
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const walk = walkBody(body);

  const root = chooseRoot(walk);
  if (!root) return null;
  const region = markRegion(walk, root);

  const firstBody = walk.blocks.find((b) => region.has(b) && b.ownText >= 80 && !HEADING_TAGS.has(b.tag));
  const limit = firstBody ? firstBody.order : root.node.end + 1;
  const title = findTitle(doc, walk, root.node, limit);
  const lead = findLead(walk, root.node, region, title, limit);

  const blocks: ArticleBlock[] = [];
  if (title && isVisible(title.el)) blocks.push({ element: title.el, kind: 'title' });
  const minOrder = title ? title.end : -1;
  if (lead && !contains(root.node, lead) && isVisible(lead.el)) {
    for (const b of walk.blocks) {
      if (contains(lead, b) && b.order > minOrder && isReadable(b)) blocks.push({ element: b.el, kind: 'lead' });
    }
  }
  let readableWeight = 0;
  let sentences = 0;
  for (const b of walk.blocks) {
    if (!region.has(b) || b.order <= minOrder || !isReadable(b)) continue;
    const kind = lead && contains(lead, b) ? 'lead' : blockKind(walk, root.node, b);
    if (kind === 'caption' && !captions) continue;
    if (kind !== 'caption' && kind !== 'heading' && b.ownText > 140) readableWeight += Math.sqrt(b.ownText - 140);
    if ((kind === 'paragraph' || kind === 'lead') && b.ownText >= SHORT_NEWS_PARAGRAPH && SENTENCE_END.test(b.el.textContent ?? '')) sentences++;
    blocks.push({ element: b.el, kind });
  }
  // Same bar as Readability's "probably readerable": a few real paragraphs. Or, under a title, a
  // short news item: a few paragraphs of whole sentences (a contact page has one, and lines).
  if (readableWeight < 20 && !(title && sentences >= SHORT_NEWS_PARAGRAPHS)) return null;
  // A heading that heads nothing readable ends the article's region: the links of a "Have a
  // question?" or "Related" box under it were left out.
  while (blocks.length > 1 && blocks[blocks.length - 1]!.kind === 'heading') blocks.pop();
  return {
    root: root.node.el,
    blocks,
    lang: root.node.el.closest('[lang]')?.getAttribute('lang')?.trim() ?? '',
  };
}

/* ───────────────────────────── walk ───────────────────────────── */

/** Known structures found by `scanHints`. */
interface Hints {
  kinds: Map<Element, Set<HintKind>>;
  /** Ancestors-or-self of unique hints: never skipped for their names. */
  protectedEls: Set<Element>;
  /** Ancestors-or-self of h1 headings: headers holding one are kept as title candidates. */
  withH1: Set<Element>;
}

/** One cheap pass over the elements to find the hints (before the main walk needs them top-down). */
function scanHints(body: Element): Hints {
  const kinds = new Map<Element, Set<HintKind>>();
  /** Elements found per hint ("#id", ".class", "[itemprop]", "<tag>", "[role]"), to tell unique hints. */
  const found = new Map<string, Element[]>();
  const hit = (el: Element, key: string, kind: HintKind): void => {
    const els = found.get(key) ?? [];
    els.push(el);
    found.set(key, els);
    const set = kinds.get(el) ?? new Set<HintKind>();
    set.add(kind);
    kinds.set(el, set);
  };
  const h1s: Element[] = [];
  const stack: Element[] = [body];
  for (let el = stack.pop(); el; el = stack.pop()) {
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
    const tag = el.localName;
    if (tag === 'h1' && h1s.length < 20) h1s.push(el);
    const tagKind = TAG_HINTS.get(tag);
    if (tagKind) hit(el, '<' + tag, tagKind);
    if (!el.hasAttributes()) continue;
    const id = el.getAttribute('id');
    const idKind = id ? ID_HINTS.get(id) : undefined;
    if (idKind) hit(el, '#' + id, idKind);
    for (const [prefix, kind] of ID_PREFIX_HINTS) if (id?.startsWith(prefix)) hit(el, '#' + prefix, kind);
    for (const name of (el.getAttribute('class') ?? '').split(/\s+/)) {
      const kind = CLASS_HINTS.get(name);
      if (kind) hit(el, '.' + name, kind);
    }
    const itemprop = el.getAttribute('itemprop');
    const itempropKind = itemprop ? ITEMPROP_HINTS.get(itemprop) : undefined;
    if (itempropKind) hit(el, '[itemprop=' + itemprop, itempropKind);
    const role = el.getAttribute('role');
    const roleKind = role ? ROLE_HINTS.get(role) : undefined;
    if (roleKind) hit(el, '[role=' + role, roleKind);
  }
  const ancestorsOf = (els: Element[]): Set<Element> => {
    const set = new Set<Element>();
    for (const el of els) {
      for (let e: Element | null = el; e && !set.has(e); e = e.parentElement) set.add(e);
    }
    return set;
  };
  const unique = [...found.values()].filter((els) => els.length === 1).flat();
  return { kinds, protectedEls: ancestorsOf(unique), withH1: ancestorsOf(h1s) };
}

function walkBody(body: Element): Walk {
  const { kinds, protectedEls, withH1 } = scanHints(body);
  const infos: Info[] = [];
  const infoOf = new Map<Element, Info>();
  const blocks: Info[] = [];

  const add = (el: Element, { tag, nameFlags, attributed }: Facts, parent: Info | null): Info => {
    let flags = parent ? parent.flags : 0;
    if (attributed) {
      const href = tag === 'a' ? el.getAttribute('href') : null;
      if (href !== null) flags |= LINK;
      if (href !== null && /^\s*(javascript:|#\s*$)/i.test(href)) flags |= CONTROL;
      const role = el.getAttribute('role');
      if (el.hasAttribute('onclick') || role === 'button') flags |= CONTROL;
      if (role === 'main') flags |= MAIN;
    }
    if (tag === 'b' || tag === 'strong') flags |= BOLD;
    if (tag === 'i' || tag === 'em') flags |= ITALIC;
    if (tag === 'blockquote') flags |= QUOTE;
    if (tag === 'figure') flags |= FIGURE;
    if (tag === 'figcaption' || tag === 'caption' || nameFlags & NAME_CAPTION) flags |= CAPTION;
    if (tag === 'li') flags |= LIST;
    if (tag === 'br' && parent) parent.block.shortText += ' ';
    if (tag === 'main' || tag === 'article') flags |= MAIN;

    const hints = kinds.get(el);
    if (hints?.has('title')) flags |= TITLE_HINT;
    if (nameFlags & NAME_TITLE) flags |= TITLE_NAME;
    const leadName = (hints?.has('lead') ?? false) || (nameFlags & NAME_LEAD) !== 0;
    const weight = initialWeight(tag, nameFlags, hints?.has('content') ?? false);
    const info = new Info(el, tag, parent, infos.length, flags, weight, leadName);
    infos.push(info);
    infoOf.set(el, info);
    return info;
  };

  const addText = (parent: Info, data: string): void => {
    const len = data.trim().length;
    if (len === 0) return;
    const flags = parent.flags;
    parent.text += len;
    if (flags & LINK) parent.link += len;
    const block = parent.block;
    if (block.ownText === 0) blocks.push(block);
    if (block.ownText <= 300) block.shortText += data;
    block.ownText += len;
    block.commas += countCommas(data);
    if (flags & LINK) block.ownLink += len;
    if (flags & CONTROL) block.ownControl += len;
    if (flags & BOLD) block.ownBold += len;
    if (flags & ITALIC) block.ownItalic += len;
    if (flags & TITLE_NAME) block.ownTitleName += len;
    if (flags & TITLE_HINT) block.ownTitleHint += len;
  };

  const nodes: Node[] = [];
  const parents: Info[] = [];
  const pushChildren = (el: Element, info: Info): void => {
    for (let child = el.lastChild; child; child = child.previousSibling) {
      nodes.push(child);
      parents.push(info);
    }
  };
  pushChildren(body, add(body, factsOf(body), null));
  for (let node = nodes.pop(), parent = parents.pop(); node && parent; node = nodes.pop(), parent = parents.pop()) {
    if (node.nodeType === TEXT_NODE) {
      addText(parent, (node as Text).data);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const facts = factsOf(el);
      if (isSkipped(el, facts, protectedEls, withH1, (parent.flags & MAIN) !== 0)) continue;
      pushChildren(el, add(el, facts, parent));
    }
  }

  // Subtree totals, bottom-up: children come after their parent in pre-order.
  for (let i = infos.length - 1; i > 0; i--) {
    const info = infos[i];
    const parent = info?.parent;
    if (!info || !parent) continue;
    parent.text += info.text;
    parent.link += info.link;
    parent.links += info.links;
    parent.images += info.images;
    if (info.end > parent.end) parent.end = info.end;
  }
  return { infos, infoOf, blocks };
}

/** What the walk reads from an element, with as few DOM calls as possible. */
interface Facts {
  tag: string;
  /** NAME_* flags of the class, id (and VCCorp CMS `type`) tokens. */
  nameFlags: number;
  /** Lowercase class names, as written. */
  classes: string[];
  /** False for the many bare elements (<p>, <li>, <b>…) whose attributes need no reading. */
  attributed: boolean;
}

const NO_CLASSES: string[] = [];

function factsOf(el: Element): Facts {
  const tag = el.localName;
  if (!el.hasAttributes()) return { tag, nameFlags: 0, classes: NO_CLASSES, attributed: false };
  const classes = el.getAttribute('class') ?? '';
  let raw = classes;
  const id = el.getAttribute('id');
  if (id) raw += ' ' + id;
  if (tag === 'div') raw += ' ' + (el.getAttribute('type') ?? '');
  let nameFlags = 0;
  if (/[a-z]/i.test(raw)) {
    const tokens = raw
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    for (let i = 0; i < tokens.length; i++) {
      nameFlags |= NAME_VOCABULARY.get(tokens[i]!) ?? 0;
      // Vietnamese names split by syllable: "tom-tat", "dinh-kem", "noi-dung" (never single letters: "col-a d-flex").
      const previous = tokens[i - 1];
      if (previous && previous.length > 1 && tokens[i]!.length > 1) nameFlags |= NAME_VOCABULARY.get(previous + tokens[i]!) ?? 0;
    }
    if (STRONG_NOISE_COMPOUNDS.test(tokens.join(''))) nameFlags |= NAME_STRONG_NOISE;
  }
  return { tag, nameFlags, classes: classes ? classes.toLowerCase().split(/\s+/) : NO_CLASSES, attributed: true };
}

/**
 * Whether the subtree of `el` is never read. `protectedEls` (ancestors of
 * known article structures) and `withH1` (ancestors of h1 headings) rescue
 * elements whose names look like chrome; `inMain` is true inside main/article.
 */
function isSkipped(
  el: Element,
  { tag, nameFlags, classes, attributed }: Facts,
  protectedEls: Set<Element> | null,
  withH1: Set<Element> | null,
  inMain: boolean,
): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  if (attributed && isHidden(el, classes)) return true;
  if (protectedEls?.has(el)) return false;

  if (CHROME_TAGS.has(tag)) return true;
  // Page-wrapping forms (ASP.NET WebForms) are transparent; other forms are chrome.
  if (tag === 'form') return el.parentElement?.localName !== 'body';
  const role = attributed ? el.getAttribute('role') : null;
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const keepsH1 = withH1?.has(el) ?? false;
  if (tag === 'header' && !inMain && !keepsH1) return true;

  if (nameFlags & NAME_STRONG_NOISE) return true;
  // An h1 named for the skip link that lands on it (USA.gov's "skip-to-h1") is still the title.
  return (nameFlags & NAME_WEAK_NOISE) !== 0 && !(nameFlags & NAME_CONTENT) && !(keepsH1 && (tag === 'h1' || nameFlags & NAME_HEADER));
}

/** Hidden by attributes, inline style, framework classes, or part of the extension's own UI. */
function isHidden(el: Element, classes: string[]): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('data-dede-ui') || el.getAttribute('aria-hidden') === 'true') {
    return true;
  }
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return classes.some((c) => HIDDEN_CLASSES.has(c));
}

const LIST_LIKE_TAGS = new Set(['ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form', 'address']);

/** Initial score of a candidate root, as in Readability: tag, class/id names, plus known CMS structures. */
function initialWeight(tag: string, nameFlags: number, hinted: boolean): number {
  let weight = 0;
  if (tag === 'div' || tag === 'article' || tag === 'main' || tag === 'section') weight += 5;
  else if (tag === 'pre' || tag === 'td' || tag === 'blockquote') weight += 3;
  else if (LIST_LIKE_TAGS.has(tag)) weight -= 3;
  else if (HEADING_TAGS.has(tag) || tag === 'th') weight -= 5;
  if (nameFlags & NAME_CONTENT) weight += 25;
  if (nameFlags & (NAME_STRONG_NOISE | NAME_WEAK_NOISE | NAME_SCORE_NOISE)) weight -= 25;
  if (hinted) weight += 25;
  return weight;
}

function countCommas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) n++;
  return n;
}

/* ───────────────────────────── root ───────────────────────────── */

interface Root {
  node: Info;
  /** Children of `node` that belong to the article, or null when all do. */
  parts: Set<Info> | null;
}

const finalScore = (info: Info): number => info.score * (1 - (info.text > 0 ? info.link / info.text : 0));

function chooseRoot(walk: Walk): Root | null {
  const candidates: Info[] = [];
  for (const block of walk.blocks) {
    if (block.ownText < 25) continue;
    const score = 1 + block.commas + Math.min(Math.floor(block.ownText / 100), 3);
    // Text straight in <body> (a bare text document) scores the body itself.
    let ancestor: Info | null = block.parent ?? block;
    for (let level = 0; ancestor && level < 5; level++, ancestor = ancestor.parent) {
      if (!ancestor.scored) {
        ancestor.scored = true;
        ancestor.score = ancestor.weight;
        candidates.push(ancestor);
      }
      ancestor.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
    }
  }
  let top: Info | null = null;
  for (const candidate of candidates) {
    if (!top || finalScore(candidate) > finalScore(top)) top = candidate;
  }
  if (!top) return null;

  // Merge siblings that look like more of the article (e.g. a body split by a table).
  const parent = top.parent;
  if (!parent) return { node: top, parts: null };
  const threshold = Math.max(10, finalScore(top) * 0.2);
  const parts = new Set<Info>([top]);
  for (let el = parent.el.firstElementChild; el; el = el.nextElementSibling) {
    const sibling = walk.infoOf.get(el);
    if (!sibling || sibling === top) continue;
    const density = sibling.text > 0 ? sibling.link / sibling.text : 1;
    const scoresWell = sibling.scored && finalScore(sibling) >= threshold;
    const isPlainParagraph = sibling.ownText >= 80 && sibling.ownText === sibling.text && density < 0.25;
    if (scoresWell || isPlainParagraph) parts.add(sibling);
  }
  return parts.size > 1 ? { node: parent, parts } : { node: top, parts: null };
}

/**
 * Text blocks that belong to the article region: inside the root (and its
 * merged parts), outside link boxes (related-news lists, "read more" boxes)
 * and outside boxes hidden by the site's CSS. Stylesheets hide elements by
 * class or id, so only block-level elements that have one (and the root) are
 * queried: a few style queries per article, not one per element.
 */
function markRegion(walk: Walk, root: Root): Set<Info> {
  const { infos } = walk;
  const region = new Set<Info>();
  if (!isVisible(root.node.el)) return region;
  const inRegion = new Uint8Array(infos.length);
  const start = root.node.order;
  inRegion[start] = 1;
  for (let i = start + 1; i <= root.node.end; i++) {
    const info = infos[i];
    if (!info?.parent || !inRegion[info.parent.order]) continue;
    if (info.parent === root.node && root.parts && !root.parts.has(info)) continue;
    if (isLinkBox(info)) continue;
    const el = info.el;
    if (BLOCK_TAGS.has(info.tag) && (el.hasAttribute('class') || el.hasAttribute('id')) && !isVisible(el)) continue;
    inRegion[i] = 1;
  }
  for (const block of walk.blocks) if (inRegion[block.order]) region.add(block);
  return region;
}

/** A container whose text is (nearly) all links: a list of headlines, a "read more" box. */
function isLinkBox(info: Info): boolean {
  if (!LINK_BOX_TAGS.has(info.tag) || info.text === 0 || info.link < 0.8 * info.text) return false;
  return info.links >= 2 || info.ownText > 0;
}

const contains = (outer: Info, inner: Info): boolean => outer.order <= inner.order && inner.order <= outer.end;

/* ───────────────────────────── title & lead ───────────────────────────── */

/**
 * The title: a title hint (h1.detail-title, GOV.UK title…) when present, else
 * the heading before `limit` (the first body paragraph) that best matches the
 * document title, preferring h1 and the nearest to the article.
 */
function findTitle(doc: Document, walk: Walk, root: Info, limit: number): Info | null {
  const candidates: Info[] = [];
  let hinted: Info | null = null;
  for (const block of walk.blocks) {
    if (block.order >= limit || block.ownText < 8 || block.ownText > 300 || block.ownLink > 0.5 * block.ownText) continue;
    if (block.ownTitleHint >= 0.9 * block.ownText) hinted = block;
    if (HEADING_TAGS.has(block.tag) || block.ownTitleName >= 0.9 * block.ownText) candidates.push(block);
  }
  if (hinted) return hinted;

  const docTitle = new Set(words(doc.title));
  const recent = candidates.slice(-8);
  let best: Info | null = null;
  let bestScore = -Infinity;
  recent.forEach((candidate, index) => {
    const tokens = words(shortTextOf(candidate));
    const overlap = tokens.length > 0 ? tokens.filter((t) => docTitle.has(t)).length / tokens.length : 0;
    const level = candidate.tag === 'h1' ? 3 : candidate.tag === 'h2' || candidate.ownTitleName > 0 ? 2 : 1;
    const distance = recent.length - 1 - index;
    const score = overlap * 10 + level - distance + (contains(root, candidate) ? 1 : 0);
    if (score >= bestScore) {
      best = candidate;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The lead/sapo: an element named like one (or a known CMS lead) between the
 * title and the first body paragraph, else a first paragraph that is all bold
 * (by <b>/<strong>, or by the site's CSS: one style query).
 */
function findLead(walk: Walk, root: Info, region: Set<Info>, title: Info | null, limit: number): Info | null {
  const after = title ? title.end : root.order - 1;
  for (let i = after + 1; i < walk.infos.length && i <= limit; i++) {
    const info = walk.infos[i];
    if (!info || !info.leadName || info.text < 30 || contains(info, root)) continue;
    if (info.end >= limit && !contains(root, info)) continue;
    return info;
  }
  const first = walk.blocks.find((b) => b.order > after && region.has(b) && isReadable(b));
  if (!first || first.ownText < 40 || first.ownText > 700 || HEADING_TAGS.has(first.tag)) return null;
  return first.ownBold >= 0.9 * first.ownText || isBoldByStyle(first.el) ? first : null;
}

/* ───────────────────────────── blocks ───────────────────────────── */

/** Filters blocks that are never read: punctuation, date lines, tool widgets, link-only boxes, labels. */
function isReadable(block: Info): boolean {
  if (block.ownControl >= 0.5 * block.ownText) return false;
  // A <div>/<td> that is only a link is a "read more" box; a <p> or <li> that is one is still text.
  const linkOnly = block.ownLink >= 0.8 * block.ownText;
  if (linkOnly && !HEADING_TAGS.has(block.tag) && block.tag !== 'p' && block.tag !== 'li') return false;
  // Another article's headline put in the body: "Xem thêm: <a>…</a>", ">> <a>…</a>".
  if (block.ownLink >= 0.5 * block.ownText && RELATED_LINK.test(shortTextOf(block).normalize('NFC'))) return false;
  if (block.ownText > 120) return true;
  const text = shortTextOf(block);
  return WORD_CHAR.test(text) && !isPageInfo(text) && !isPostedLine(block, text);
}

/** A short line around a <time>: when and by whom a post went up ("Posted on <time> by admin", "Đăng ngày <time> bởi …"). */
function isPostedLine(block: Info, text: string): boolean {
  return text.length <= 80 && block.el.getElementsByTagName('time').length > 0;
}

/** A date line or a tool's label, or a line of them ("Cập nhật: 08/10/2024 15:42 | Lượt xem: 1.204 | In bài"). */
function isPageInfo(text: string): boolean {
  return text
    .split(/\s*[|•]\s*/)
    .filter((part) => WORD_CHAR.test(part))
    .every((part) => isDateLine(part) || isBoilerplate(part));
}

function blockKind(walk: Walk, root: Info, block: Info): BlockKind {
  const { tag, flags } = block;
  if (HEADING_TAGS.has(tag)) return 'heading';
  if (flags & CAPTION || isImageCaption(walk, block)) return 'caption';
  if (flags & LIST) return 'list-item';
  if ((tag === 'td' || tag === 'th') && !contains(block, root)) return 'table-cell';
  if (flags & QUOTE) return 'quote';
  return 'paragraph';
}

/**
 * Captions that CMSs write as plain paragraphs: a paragraph inside a figure or
 * inside a small box that holds a photo (figure-like divs, the photo tables of
 * older CMSs), or a short italic or centred paragraph right after (or holding)
 * a photo.
 */
function isImageCaption(walk: Walk, block: Info): boolean {
  if (block.ownText > 300) return false;
  if (block.flags & FIGURE) return true;
  // The nearest box holding a photo: a caption when the box holds little else (figure-like divs, photo tables).
  for (let info: Info | null = block.parent, depth = 0; info && depth < 4; info = info.parent, depth++) {
    if (info.images > 0) {
      if (info.text <= 300) return true;
      break;
    }
  }
  const el = block.el;
  const styled =
    block.ownItalic >= 0.9 * block.ownText ||
    /text-align\s*:\s*center/i.test(el.getAttribute('style') ?? '') ||
    el.getAttribute('align')?.toLowerCase() === 'center';
  if (!styled) return false;
  if (block.images > 0) return true;
  let previous = el.previousElementSibling;
  for (let steps = 0; previous && steps < 3; steps++, previous = previous.previousElementSibling) {
    const info = walk.infoOf.get(previous);
    if (!info) continue;
    if (info.images > 0 && info.text === 0) return true;
    if (info.text > 0) return false;
  }
  return false;
}

/** Own text of a short block (whitespace collapsed). */
function shortTextOf(block: Info): string {
  return block.shortText.replace(/\s+/g, ' ').trim();
}

/**
 * Letters and digits of any script, without Unicode property classes (whose
 * tables are slow to compile on a content script's first run): ASCII letters
 * and digits and everything from U+00C0 up, except general punctuation.
 */
const WORD_CHAR = /[0-9A-Za-z\u00C0-\u1FFF\u2070-\uFFFF]/;
const NON_WORD_CHARS = /[^0-9A-Za-z\u00C0-\u1FFF\u2070-\uFFFF]+/;

function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(NON_WORD_CHARS).filter((w) => w.length > 0);
}

/** Words a date/time line is made of, besides numbers ("Th 6, 19/06/2020 | 11:39 SA", "Published 15 March 2024"). */
const DATE_WORDS = new Set([
  'thứ', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'chủ', 'nhật', 'cn', 'th', 't2', 't3', 't4',
  't5', 't6', 't7', 'sa', 'ch', 'am', 'pm', 'gmt', 'utc', 'ict', 'ngày', 'tháng', 'lúc',
  'giờ', 'cập', 'đăng', 'thời', 'gian', 'published', 'updated', 'last', 'posted', 'on', 'at',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon',
  'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** A date ("19/06/2020", "15-03-2024"), a time ("11:39", "8h30") or a date word next to a number. */
const DATE_SHAPE = /\d{1,2}\/\d{1,2}|\d{1,2}[.-]\d{1,2}[.-]\d{2,4}|\d{1,2}\s*[:h]\s*\d{2}\b/;

function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  const all = words(text);
  return (
    all.every((w) => DATE_WORDS.has(w) || /^\d+h?\d*$/.test(w)) &&
    (DATE_SHAPE.test(text) || all.some((w) => DATE_WORDS.has(w)))
  );
}

/** Labels of page tools and of related/comment boxes ("Bình luận (2)"), when they stand alone as a block. */
const BOILERPLATE_PREFIXES = ['xem với cỡ chữ', 'cỡ chữ[\\s:]', 'lượt xem'];
/** Labels of related news: a box's heading, or what introduces a link to another article. */
const RELATED_LABELS = [
  'tin liên quan', 'bài liên quan', 'tin cùng chuyên mục', 'xem thêm', 'đọc thêm', 'related content', 'related news', 'read more', 'see also',
];
const BOILERPLATE_LABELS = [
  ...RELATED_LABELS, 'tin khác', 'các tin khác', 'chia sẻ', 'in bài', 'in trang', 'gửi email', 'gửi bài viết', 'bình luận',
  'ý kiến bạn đọc', 'đọc bài viết', 'tương phản', 'share this page', 'print this page', 'comments?',
];
const BOILERPLATE = new RegExp(
  `^(?:${BOILERPLATE_PREFIXES.join('|')}|(?:${BOILERPLATE_LABELS.join('|')})\\s*(?:\\(\\d+\\))?\\s*:?$)`,
  'i',
);

/** What introduces a link to another article inside an article's body: "Xem thêm:", ">>", "Related articles". */
const RELATED_LINK = new RegExp(`^(?:>>|»|›|\\(?(?:${RELATED_LABELS.join('|')}|related(?: articles?)?)\\s*(?:[:>»›)–-]|$|\\s))`, 'i');

function isBoilerplate(text: string): boolean {
  return text.length <= 60 && BOILERPLATE.test(text.normalize('NFC'));
}

/** Bold by the site's CSS (font-weight 600 or more). */
function isBoldByStyle(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const weight = view.getComputedStyle(el).fontWeight;
  return weight === 'bold' || weight === 'bolder' || Number.parseInt(weight, 10) >= 600;
}

/**
 * Whether the site's CSS shows the element (e.g. not `.d-none` or a print-only
 * box). Environments without `checkVisibility`, or failing in it, keep the element.
 */
function isVisible(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function') return true;
  try {
    return el.checkVisibility({ visibilityProperty: true });
  } catch {
    return true;
  }
}
