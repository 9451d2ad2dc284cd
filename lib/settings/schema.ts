/**
 * The one settings model of Dễ Đọc. Everything that stores or reads settings goes through
 * `parseSettings`, which never throws: a field that is missing or invalid falls back to its
 * default, valid fields are kept, and fields this version does not know are carried along so a
 * newer version's data survives a round trip through an older one.
 */

export const SETTINGS_VERSION = 1;

/** Text size steps a reader can feel, as factors of the page's own size. */
export const TEXT_SCALE_STEPS = [0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
export const MIN_TEXT_SCALE = 0.5;
export const MAX_TEXT_SCALE = 3;

export const THEMES = ['black-on-white', 'white-on-black', 'yellow-on-black', 'soft'] as const;
export type Theme = (typeof THEMES)[number];

export const FONTS = ['page', 'sans'] as const;
export type FontChoice = (typeof FONTS)[number];

export const TOOLBAR_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type ToolbarCorner = (typeof TOOLBAR_CORNERS)[number];

/** Settings that may differ per site. */
export interface SiteSettings {
  textScale: number;
  textSpacing: boolean;
  readingWidth: boolean;
  leftAlign: boolean;
  font: FontChoice;
  /** High contrast on or off. */
  contrast: boolean;
  /** The theme used while contrast is on. */
  theme: Theme;
}

export interface ReadingSettings {
  rate: number;
  pitch: number;
  volume: number;
  /** Preferred voice name per primary language subtag, e.g. { vi: 'Vietnamese (Northern) espeak-ng' }. */
  voices: Record<string, string>;
  captions: boolean;
}

export interface ToolbarSettings {
  show: boolean;
  collapsed: boolean;
  corner: ToolbarCorner;
}

export interface GlobalSettings {
  version: number;
  site: SiteSettings;
  reading: ReadingSettings;
  toolbar: ToolbarSettings;
  /** Anything this version does not know, kept as it was stored. */
  [unknownField: string]: unknown;
}

export const DEFAULT_SITE: SiteSettings = Object.freeze({
  textScale: 1,
  textSpacing: false,
  readingWidth: false,
  leftAlign: false,
  font: 'page',
  contrast: false,
  theme: 'black-on-white',
}) as SiteSettings;

export const DEFAULT_READING: ReadingSettings = Object.freeze({
  rate: 1,
  pitch: 1,
  volume: 1,
  voices: Object.freeze({}) as Record<string, string>,
  captions: true,
}) as ReadingSettings;

export const DEFAULT_TOOLBAR: ToolbarSettings = Object.freeze({
  show: true,
  collapsed: false,
  corner: 'bottom-right',
}) as ToolbarSettings;

/** Text options that leave the page's text exactly as the page made it. */
export function textIsNeutral(o: Pick<SiteSettings, 'textScale' | 'textSpacing' | 'readingWidth' | 'leftAlign' | 'font'>): boolean {
  return o.textScale === 1 && !o.textSpacing && !o.readingWidth && !o.leftAlign && o.font === 'page';
}

/** A site's settings change its pages (text or contrast): only then does the page-start script run there. */
export function changesPage(site: SiteSettings): boolean {
  return site.contrast || !textIsNeutral(site);
}

export function defaultSettings(): GlobalSettings {
  return {
    version: SETTINGS_VERSION,
    site: { ...DEFAULT_SITE },
    reading: { ...DEFAULT_READING, voices: {} },
    toolbar: { ...DEFAULT_TOOLBAR },
  };
}

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Keeps the fields of `raw` that `known` does not name (forward compatibility). */
function unknownFields(raw: Record_, known: readonly string[]): Record_ {
  const kept: Record_ = {};
  for (const [key, value] of Object.entries(raw)) if (!known.includes(key)) kept[key] = value;
  return kept;
}

const SITE_KEYS = Object.keys(DEFAULT_SITE);

export function parseSiteSettings(raw: unknown, fallback: SiteSettings = DEFAULT_SITE): SiteSettings {
  const r = isRecord(raw) ? raw : {};
  return {
    ...unknownFields(r, SITE_KEYS),
    textScale: finiteIn(r.textScale, MIN_TEXT_SCALE, MAX_TEXT_SCALE, fallback.textScale),
    textSpacing: bool(r.textSpacing, fallback.textSpacing),
    readingWidth: bool(r.readingWidth, fallback.readingWidth),
    leftAlign: bool(r.leftAlign, fallback.leftAlign),
    font: oneOf(r.font, FONTS, fallback.font),
    contrast: bool(r.contrast, fallback.contrast),
    theme: oneOf(r.theme, THEMES, fallback.theme),
  };
}

const MAX_VOICE_NAME = 200;

function parseVoices(raw: unknown): Record<string, string> {
  const voices: Record<string, string> = {};
  if (!isRecord(raw)) return voices;
  for (const [lang, name] of Object.entries(raw)) {
    if (/^[a-z]{2,3}$/.test(lang) && typeof name === 'string' && name.length > 0 && name.length <= MAX_VOICE_NAME) {
      voices[lang] = name;
    }
  }
  return voices;
}

const READING_KEYS = Object.keys(DEFAULT_READING);

export function parseReadingSettings(raw: unknown): ReadingSettings {
  const r = isRecord(raw) ? raw : {};
  return {
    ...unknownFields(r, READING_KEYS),
    rate: finiteIn(r.rate, 0.5, 3, DEFAULT_READING.rate),
    pitch: finiteIn(r.pitch, 0, 2, DEFAULT_READING.pitch),
    volume: finiteIn(r.volume, 0, 1, DEFAULT_READING.volume),
    voices: parseVoices(r.voices),
    captions: bool(r.captions, DEFAULT_READING.captions),
  };
}

const TOOLBAR_KEYS = Object.keys(DEFAULT_TOOLBAR);

export function parseToolbarSettings(raw: unknown): ToolbarSettings {
  const r = isRecord(raw) ? raw : {};
  return {
    ...unknownFields(r, TOOLBAR_KEYS),
    show: bool(r.show, DEFAULT_TOOLBAR.show),
    collapsed: bool(r.collapsed, DEFAULT_TOOLBAR.collapsed),
    corner: oneOf(r.corner, TOOLBAR_CORNERS, DEFAULT_TOOLBAR.corner),
  };
}

/**
 * Migrations carry stored data from version N to N + 1. Each takes and returns a plain record
 * and must not throw on any shape. Version 1 is the first stored format, so the list is empty;
 * a later format adds `2: (v1) => …` here.
 */
export const MIGRATIONS: Record<number, (raw: Record_) => Record_> = {};

export function migrate(raw: Record_): Record_ {
  let data = raw;
  let version = typeof data.version === 'number' && Number.isInteger(data.version) ? data.version : 1;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version + 1];
    data = step ? step(data) : data;
    version += 1;
  }
  return data;
}

const GLOBAL_KEYS = ['version', 'site', 'reading', 'toolbar'];

/** Turns anything read from storage into valid settings. Never throws. */
export function parseSettings(raw: unknown): GlobalSettings {
  let record: Record_;
  try {
    record = isRecord(raw) ? migrate(raw) : {};
  } catch {
    record = {};
  }
  const storedVersion = record.version;
  return {
    ...unknownFields(record, GLOBAL_KEYS),
    // A newer version's data is kept as it is (with its number) so it is not downgraded.
    version:
      typeof storedVersion === 'number' && Number.isInteger(storedVersion) && storedVersion > SETTINGS_VERSION
        ? storedVersion
        : SETTINGS_VERSION,
    site: parseSiteSettings(record.site),
    reading: parseReadingSettings(record.reading),
    toolbar: parseToolbarSettings(record.toolbar),
  };
}

/** A per-site override: the site's own values for every SiteSettings field. */
export function parseSiteOverride(raw: unknown, global: SiteSettings): SiteSettings | null {
  return isRecord(raw) ? parseSiteSettings(raw, global) : null;
}

/** The nearest step above or below the current scale. */
export function stepTextScale(current: number, direction: 1 | -1): number {
  if (direction > 0) return TEXT_SCALE_STEPS.find((s) => s > current + 1e-6) ?? MAX_TEXT_SCALE;
  return [...TEXT_SCALE_STEPS].reverse().find((s) => s < current - 1e-6) ?? MIN_TEXT_SCALE;
}
