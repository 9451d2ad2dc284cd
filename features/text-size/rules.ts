/**
 * Text size through the page's own CSS rules.
 *
 * Most of a page's text takes its size from a few dozen rules, not from each element. Scaling
 * those rules in place (`font-size: 13px` becomes `calc(13px * var(--dede-text-scale, 1))`)
 * grows every element they match at once, keeps the page's cascade exactly as it was, and costs
 * one look at each rule instead of one measurement per element. Sizes relative to the parent
 * (em, %, larger) and to the root (rem) follow by themselves once the root has grown.
 *
 * What a rule cannot say is left to measurement: a size that depends on a variable, a keyword
 * (`small`), or a mix of relative and absolute units. The rules that set such sizes, or that fix a
 * box's height or width or forbid wrapping (the boxes bigger text may clip or push out), are
 * returned by their selectors, so only the elements they match are looked at.
 */

export const SCALE = 'var(--dede-text-scale, 1)';

/** What a declared size becomes: a scaled value, kept as it is, or measured per element. */
export type Scaling = { to: string } | 'keep' | 'measure';

/** Lengths that do not follow the parent's or the root's font size. */
const ABSOLUTE_UNITS = new Set([
  'px', 'pt', 'pc', 'in', 'cm', 'mm', 'q',
  'vw', 'vh', 'vmin', 'vmax', 'vi', 'vb', 'svw', 'svh', 'lvw', 'lvh', 'dvw', 'dvh',
  'cqw', 'cqh', 'cqi', 'cqb', 'cqmin', 'cqmax',
]);
/** Lengths that follow the parent's font size, or the root's (which grows). */
const RELATIVE_UNITS = new Set(['em', 'ex', 'ch', 'rem', '%', 'cap', 'ic', 'lh', 'rlh', 'rex', 'rch', 'ric', 'rcap']);
/** Keywords that take the parent's size (or a step from it). */
const FOLLOWS_PARENT = new Set(['inherit', 'unset', 'revert', 'revert-layer', 'larger', 'smaller']);
const MATH = /^(?:calc|min|max|clamp)$/;
const NUMBER = /(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z%]*)/gi;

/** Line height / font size from which a fixed line height is a box height (see lineHeightKey). */
export const CENTERING_RATIO = 2;
/** The leading a grown line gets when its line height was a box height. */
export const COMFORTABLE_LEADING = 1.4;

/** The units of a length or a calc()-like expression; null when it holds anything else. */
function unitsOf(value: string): Set<string> | null {
  const v = value.trim().toLowerCase();
  const functions = v.match(/[a-z-]+(?=\()/g) ?? [];
  if (functions.some((f) => !MATH.test(f))) return null;
  const bare = v.replace(/[a-z-]+\(/g, '(');
  if (/[a-z]/.test(bare.replace(NUMBER, ' '))) return null;
  const units = new Set<string>();
  for (const [, , unit] of bare.matchAll(NUMBER)) units.add(unit ?? '');
  return units;
}

function kind(units: Set<string>): 'absolute' | 'relative' | 'mixed' | 'number' {
  let absolute = false;
  let relative = false;
  for (const unit of units) {
    if (ABSOLUTE_UNITS.has(unit)) absolute = true;
    else if (RELATIVE_UNITS.has(unit)) relative = true;
    else if (unit !== '') return 'mixed';
  }
  if (absolute && relative) return 'mixed';
  return absolute ? 'absolute' : relative ? 'relative' : 'number';
}

/** A declared `font-size`, as the page wrote it. */
export function scaleFontSize(value: string): Scaling {
  const v = value.trim().toLowerCase();
  if (!v || FOLLOWS_PARENT.has(v)) return 'keep';
  const units = unitsOf(v);
  if (!units) return 'measure';
  switch (kind(units)) {
    case 'absolute':
      return { to: `calc(${value.trim()} * ${SCALE})` };
    case 'relative':
    case 'number':
      return 'keep';
    default:
      return 'measure';
  }
}

/**
 * A declared `line-height`. Ordinary leading grows with the text. A line height of twice the
 * text or more is a box height in disguise (`height: 34px; line-height: 34px` centres a menu
 * item): it stays, unless the bigger text needs more. `fontSize` is the same rule's font size,
 * when it declares one. At a factor of 1 every value equals the page's own.
 */
export function scaleLineHeight(value: string, fontSize = ''): Scaling {
  const v = value.trim().toLowerCase();
  if (!v || v === 'normal' || v === 'initial' || FOLLOWS_PARENT.has(v)) return 'keep';
  const units = unitsOf(v);
  if (!units) return 'measure';
  const k = kind(units);
  if (k === 'relative' || k === 'number') return 'keep';
  if (k === 'mixed') return 'measure';
  const px = /^(\d+\.?\d*|\.\d+)px$/;
  const lh = px.exec(v);
  const fs = px.exec(fontSize.trim().toLowerCase());
  if (lh && fs) {
    const [l, f] = [Number(lh[1]), Number(fs[1])];
    return l >= CENTERING_RATIO * f ? { to: `max(${l}px, calc(${f}px * ${COMFORTABLE_LEADING} * ${SCALE}))` } : { to: `calc(${l}px * ${SCALE})` };
  }
  if (lh) return { to: `min(calc(${v} * ${SCALE}), max(${v}, ${COMFORTABLE_LEADING}em))` };
  return { to: `calc(${value.trim()} * ${SCALE})` };
}

const FIXED_BOX = /\d(?:px|pt|pc|in|cm|mm|q|vw|vh|vmin|vmax)\b/i;
const PLAIN_LENGTH = /^(?:\d+\.?\d*|\.\d+)(?:px|pt|pc|in|cm|mm|q|vw|vh|vmin|vmax)$/i;
const GROWS_WITH_TEXT = /^(?:\d+\.?\d*|\.\d+)(?:em|ex|ch|lh|rem)$/i;

/** Bigger text may outgrow a box's fixed or clipped height. */
export const DOWN = 1;
/** Bigger text may push out of a box's fixed width, or out of the one line it is kept on. */
export const ACROSS = 2;
/** A box taken out of the flow (`position: absolute`) may come to lie over the text around it. */
export const OVER = 4;

/** The heights a rule fixes in absolute lengths (`height: 18px`, `max-height: 40px`): they can be freed by the rule. */
function plainHeights(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): ('height' | 'max-height')[] {
  return (['height', 'max-height'] as const).filter((p) => PLAIN_LENGTH.test(style.getPropertyValue(p).trim()));
}

/**
 * How the declarations constrain a box that bigger text may clip or push out (DOWN | ACROSS), or
 * 0. Heights in plain lengths are not counted: the rule itself can free them (see freeHeights);
 * heights in em grow with the text.
 */
export function constrainsBox(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): number {
  const get = (p: string) => style.getPropertyValue(p).trim().toLowerCase();
  let axes = 0;
  for (const p of ['height', 'max-height']) {
    const v = get(p);
    if (v && v !== 'auto' && v !== 'none' && !PLAIN_LENGTH.test(v) && !GROWS_WITH_TEXT.test(v)) axes |= DOWN;
  }
  for (const p of ['width', 'min-width', 'flex-basis']) if (FIXED_BOX.test(get(p))) axes |= ACROSS;
  if (/nowrap|pre/.test(get('white-space')) || get('text-wrap-mode') === 'nowrap') axes |= ACROSS;
  return axes;
}

/** Our sheet sets these while text is bigger than the page's own; unset, each freed height falls back to the page's. */
export const FREED_HEIGHTS = '--dede-box-height: auto; --dede-box-max-height: none;';

/**
 * Frees a rule's fixed heights while text is bigger: `height: 18px` becomes
 * `var(--dede-box-height, 18px)` with `min-height: 18px`, so a box keeps its height and grows
 * when its text needs more (it does not clip it); `max-height: 40px` lifts the same way.
 */
export function freeHeights(style: CSSStyleDeclaration): Rewrite[] {
  const rewrites: Rewrite[] = [];
  const heights = plainHeights(style);
  for (const property of heights) {
    const from = style.getPropertyValue(property);
    rewrites.push({ style, property, from, to: `var(--dede-box-${property}, ${from.trim()})`, priority: style.getPropertyPriority(property) });
  }
  const height = style.getPropertyValue('height').trim();
  const min = style.getPropertyValue('min-height').trim();
  if (heights.includes('height') && (!min || PLAIN_LENGTH.test(min))) {
    // Never shorter than the page made it.
    rewrites.push({ style, property: 'min-height', from: style.getPropertyValue('min-height'), to: min ? `max(${min}, ${height})` : height, priority: style.getPropertyPriority('height') });
  }
  return rewrites;
}

/** A rule that fixes box heights in plain lengths; its selector lets the boxes be looked at first. */
export interface FixedHeight {
  style: CSSStyleDeclaration;
  selector: string;
}

/** One declaration scaled in place, and what it was. */
export interface Rewrite {
  style: CSSStyleDeclaration;
  property: 'font-size' | 'line-height' | 'height' | 'max-height' | 'min-height';
  from: string;
  to: string;
  priority: string;
  /** Our value as the browser serialises it, once applied. */
  applied?: string;
}

/** What the rules of some stylesheets ask for. */
export interface RuleScan {
  rewrites: Rewrite[];
  /** Selectors of rules whose sizes only a measurement can scale. */
  measure: Set<string>;
  /** Selectors of rules that set a font size, whatever the value, wherever the page is shown. */
  sizes: Set<string>;
  /** Selectors of rules that set a font size under a condition (@media, @supports, @container, a sheet's media). */
  conditionalSizes: Set<string>;
  /** Selectors of rules that set a line height. */
  leadings: Set<string>;
  /** A nested rule sets a font size or line height: which elements it sizes is not known. */
  nestedSizes: boolean;
  /** Some font size or line height follows the root (rem, rlh). */
  rootRelative: boolean;
  /** Selectors of rules that constrain boxes, and how (see constrainsBox), or take them out of the flow (OVER). */
  boxes: Map<string, number>;
  /** Selectors of rules that justify text. */
  justify: Set<string>;
  /** Rules whose fixed heights may be freed by the rule (see freeHeights). */
  heights: FixedHeight[];
  /** A sheet could not be read (another origin), or a nested rule needs its elements found. */
  unreadable: boolean;
  /** Imports still loading: their rules are read once they have come (see scanLoadedImports). */
  imports: PendingImport[];
}

/** An `@import` whose sheet has not come yet, and whether it applies under a condition. */
export interface PendingImport {
  rule: RuleLike;
  conditional: boolean;
}

export const emptyScan = (): RuleScan => ({ rewrites: [], measure: new Set(), sizes: new Set(), conditionalSizes: new Set(), leadings: new Set(), nestedSizes: false, rootRelative: false, boxes: new Map(), justify: new Set(), heights: [], unreadable: false, imports: [] });

/** Only rules that mention one of these can matter: the rest are passed over unread. */
const RELEVANT = /font|line-height|height|width|white-space|wrap|flex|justify|absolute|\ball\s*:/i;

export interface RuleLike {
  type?: number;
  selectorText?: string;
  style?: CSSStyleDeclaration;
  cssRules?: CSSRuleList;
  styleSheet?: CSSStyleSheet | null;
  parentStyleSheet?: CSSStyleSheet | null;
  name?: string;
  media?: MediaList;
  conditionText?: string;
}

/** A media list that holds on any screen. */
const ALWAYS = /^\s*(?:all|screen)?\s*$/i;
const ROOT_UNITS = /\d(?:rem|rlh)\b/i;

const KEYFRAMES_RULE = 7;
const IMPORT_RULE = 3;

/**
 * An `@import` still loading: Chromium gives it no sheet yet; Firefox gives one whose rules throw
 * InvalidAccessError until it has loaded. (A sheet of another origin throws SecurityError.)
 */
function importLoading(rule: RuleLike): boolean {
  if (!rule.styleSheet) return true;
  try {
    void rule.styleSheet.cssRules;
    return false;
  } catch (error) {
    return (error as { name?: string } | null)?.name === 'InvalidAccessError';
  }
}

/** Our own layers (`@layer dede`, `@layer dede-text`) are never scanned. */
const isOurs = (rule: RuleLike) => typeof rule.name === 'string' && /^dede(?:-|$)/.test(rule.name) && !!rule.cssRules;

function scanStyle(style: CSSStyleDeclaration, selector: string | null, into: RuleScan, conditional: boolean) {
  if (!RELEVANT.test(style.cssText)) return;
  const fontSize = style.getPropertyValue('font-size');
  // `font: var(--x)` leaves its longhands unknown until the page is styled.
  const hidden = !fontSize && /var\(/i.test(style.getPropertyValue('font'));
  const targets: [Rewrite['property'], Scaling][] = [
    ['font-size', hidden ? 'measure' : scaleFontSize(fontSize)],
    ['line-height', hidden ? 'measure' : scaleLineHeight(style.getPropertyValue('line-height'), fontSize)],
  ];
  const lineHeight = style.getPropertyValue('line-height');
  const leading = hidden || !!lineHeight;
  if (selector === null) into.nestedSizes ||= !!fontSize || leading;
  else {
    if (fontSize || hidden) (conditional ? into.conditionalSizes : into.sizes).add(selector);
    if (leading) into.leadings.add(selector);
  }
  into.rootRelative ||= ROOT_UNITS.test(fontSize) || ROOT_UNITS.test(lineHeight);
  // A monospace family alone takes the browser's own monospace size, not the parent's.
  if (/^\s*monospace\s*$/i.test(style.getPropertyValue('font-family'))) targets.push(['font-size', 'measure']);
  for (const [property, scaling] of targets) {
    if (scaling === 'keep') continue;
    if (scaling === 'measure') {
      if (selector === null) into.unreadable = true;
      else into.measure.add(selector);
      continue;
    }
    into.rewrites.push({ style, property, from: style.getPropertyValue(property), to: scaling.to, priority: style.getPropertyPriority(property) });
  }
  if (selector !== null && /justify/i.test(style.getPropertyValue('text-align'))) into.justify.add(selector);
  if (selector !== null && style.getPropertyValue('position').trim().toLowerCase() === 'absolute') into.boxes.set(selector, (into.boxes.get(selector) ?? 0) | OVER);
  const axes = constrainsBox(style);
  const fixedHeight = plainHeights(style).length > 0;
  if ((axes || fixedHeight) && selector === null) into.unreadable = true;
  else if (selector !== null) {
    if (axes) into.boxes.set(selector, (into.boxes.get(selector) ?? 0) | axes);
    if (fixedHeight) into.heights.push({ style, selector });
  }
}

function scanRules(rules: ArrayLike<RuleLike>, nested: boolean, into: RuleScan, seen: Set<CSSStyleSheet>, conditional: boolean) {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.type === KEYFRAMES_RULE || isOurs(rule)) continue;
    if (rule.style && (typeof rule.selectorText === 'string' || nested)) {
      // A nested rule's selector is relative to its parent's: it cannot be queried alone.
      scanStyle(rule.style, nested ? null : (rule.selectorText ?? null), into, conditional);
      if (rule.cssRules?.length) scanRules(rule.cssRules, true, into, seen, conditional);
      continue;
    }
    const within = conditional || typeof rule.conditionText === 'string' || !ALWAYS.test(rule.media?.mediaText ?? '');
    if (rule.type === IMPORT_RULE && importLoading(rule)) {
      into.imports.push({ rule, conditional: within });
      continue;
    }
    if (rule.styleSheet) {
      scanSheet(rule.styleSheet, into, seen, within);
      continue;
    }
    if (rule.cssRules) scanRules(rule.cssRules, nested, into, seen, within);
  }
}

/** Adds what one stylesheet (and the sheets it imports) asks for. */
export function scanSheet(sheet: CSSStyleSheet, into: RuleScan, seen = new Set<CSSStyleSheet>(), conditional = false) {
  if (seen.has(sheet)) return;
  seen.add(sheet);
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    into.unreadable = true;
    return;
  }
  let media = '';
  try {
    media = sheet.media?.mediaText ?? '';
  } catch {
    /* a sheet without a media list */
  }
  scanRules(rules as unknown as ArrayLike<RuleLike>, false, into, seen, conditional || !ALWAYS.test(media));
}

/** Reads the imports that have come since they were found loading; returns those still loading. */
export function scanLoadedImports(imports: PendingImport[], into: RuleScan): PendingImport[] {
  const loading: PendingImport[] = [];
  for (const pending of imports) {
    if (importLoading(pending.rule)) loading.push(pending);
    else scanSheet(pending.rule.styleSheet!, into, new Set(), pending.conditional);
  }
  return loading;
}

/** Scales the declarations; what the page changed since is left alone. */
export function applyRewrites(rewrites: Iterable<Rewrite>) {
  for (const r of rewrites) {
    try {
      if (r.style.getPropertyValue(r.property) !== r.from) continue;
      r.style.setProperty(r.property, r.to, r.priority);
      r.applied = r.style.getPropertyValue(r.property);
    } catch {
      /* a rule that went away */
    }
  }
}

/** Puts the page's own values back where ours still stand. */
export function restoreRewrites(rewrites: Iterable<Rewrite>) {
  for (const r of rewrites) {
    try {
      if (r.applied !== undefined && r.style.getPropertyValue(r.property) === r.applied) {
        if (r.from) r.style.setProperty(r.property, r.from, r.priority);
        else r.style.removeProperty(r.property);
      }
      r.applied = undefined;
    } catch {
      /* a rule that went away */
    }
  }
}
