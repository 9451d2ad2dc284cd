/**
 * Where settings live: `storage.sync` so they follow the reader, falling back to `storage.local`
 * when sync is unavailable or over quota. Global settings are one item; each site that has its
 * own settings is one more item (`site:<host>`), which keeps every item far below sync's
 * per-item quota however many sites a reader tunes.
 */
import { browser } from 'wxt/browser';
import {
  defaultSettings,
  parseSettings,
  parseSiteOverride,
  type GlobalSettings,
  type ReadingSettings,
  type SiteSettings,
  type ToolbarSettings,
} from './schema';

export const GLOBAL_KEY = 'settings';
const SITE_PREFIX = 'site:';

/** Settings are kept per host name, without a leading "www.". */
export function siteKey(host: string): string {
  return SITE_PREFIX + host.toLowerCase().replace(/^www\./, '');
}

export interface LoadedSettings {
  global: GlobalSettings;
  /** The site's own values, or null when the site follows the global settings. */
  override: SiteSettings | null;
  /** What applies on the site. */
  site: SiteSettings;
}

/**
 * The stored values of `keys` (null: everything), each from `storage.local` where a copy is
 * there (it exists only while sync refused the last write, so it is the newer one), else from
 * `storage.sync`. One read of each area, whatever the number of keys.
 */
async function readRaw(keys: string[] | null): Promise<Map<string, unknown>> {
  const [local, sync] = await Promise.all([
    browser.storage.local.get(keys).catch(() => ({}) as Record<string, unknown>),
    browser.storage.sync.get(keys).catch(() => ({}) as Record<string, unknown>),
  ]);
  const values = new Map<string, unknown>(Object.entries(sync));
  for (const [key, value] of Object.entries(local)) if (value !== undefined) values.set(key, value);
  return values;
}

async function writeRaw(key: string, value: unknown): Promise<void> {
  try {
    await browser.storage.sync.set({ [key]: value });
    const stale = await browser.storage.local.get(key);
    if (stale[key] !== undefined) await browser.storage.local.remove(key);
  } catch {
    await browser.storage.local.set({ [key]: value });
  }
}

async function removeRaw(keys: string[]): Promise<void> {
  await Promise.all([
    browser.storage.sync.remove(keys).catch(() => undefined),
    browser.storage.local.remove(keys).catch(() => undefined),
  ]);
}

export async function loadSettings(host?: string): Promise<LoadedSettings> {
  const own = host ? siteKey(host) : null;
  const stored = await readRaw(own ? [GLOBAL_KEY, own] : [GLOBAL_KEY]);
  const global = parseSettings(stored.get(GLOBAL_KEY));
  const override = own ? parseSiteOverride(stored.get(own), global.site) : null;
  return { global, override, site: override ?? global.site };
}

/** Changes what applies on `host`: its own settings when it has them, else the global ones. */
export async function updateSite(host: string | undefined, patch: Partial<SiteSettings>): Promise<void> {
  const { global, override } = await loadSettings(host);
  if (host && override) await writeRaw(siteKey(host), { ...override, ...patch });
  else await writeRaw(GLOBAL_KEY, { ...global, site: { ...global.site, ...patch } });
}

/** "This site only" copies what applies now into the site's own settings; "everywhere" drops them. */
export async function setSiteScope(host: string, siteOnly: boolean): Promise<void> {
  const { global, override } = await loadSettings(host);
  if (siteOnly && !override) await writeRaw(siteKey(host), { ...global.site });
  if (!siteOnly && override) await removeRaw([siteKey(host)]);
}

export async function updateReading(patch: Partial<ReadingSettings>): Promise<void> {
  const { global } = await loadSettings();
  await writeRaw(GLOBAL_KEY, { ...global, reading: { ...global.reading, ...patch } });
}

export async function updateToolbar(patch: Partial<ToolbarSettings>): Promise<void> {
  const { global } = await loadSettings();
  await writeRaw(GLOBAL_KEY, { ...global, toolbar: { ...global.toolbar, ...patch } });
}

/** Forgets the site's own settings and gives the site the defaults. */
export async function resetSite(host: string | undefined): Promise<void> {
  const { global, override } = await loadSettings(host);
  if (host && override) await removeRaw([siteKey(host)]);
  await writeRaw(GLOBAL_KEY, { ...global, site: defaultSettings().site });
}

export async function resetAll(): Promise<void> {
  await removeRaw([GLOBAL_KEY, ...[...(await readRaw(null)).keys()].filter((k) => k.startsWith(SITE_PREFIX))]);
}

/** Everything stored: the global settings and every site's own settings. */
export async function loadAll(): Promise<{ global: GlobalSettings; sites: Record<string, SiteSettings> }> {
  const stored = await readRaw(null);
  const global = parseSettings(stored.get(GLOBAL_KEY));
  const sites: Record<string, SiteSettings> = {};
  for (const [key, value] of stored) {
    if (!key.startsWith(SITE_PREFIX)) continue;
    const site = parseSiteOverride(value, global.site);
    if (site) sites[key.slice(SITE_PREFIX.length)] = site;
  }
  return { global, sites };
}

/** Replaces everything stored (an import). */
export async function replaceAll(global: GlobalSettings, sites: Record<string, SiteSettings>): Promise<void> {
  await resetAll();
  await writeRaw(GLOBAL_KEY, global);
  for (const [host, site] of Object.entries(sites)) await writeRaw(siteKey(host), site);
}

/** Calls `onChange` with fresh settings whenever they change for `host`, until `signal` aborts. */
export function watchSettings(
  host: string | undefined,
  onChange: (settings: LoadedSettings) => void,
  signal: AbortSignal,
): void {
  const ownKey = host ? siteKey(host) : null;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!(GLOBAL_KEY in changes) && !(ownKey && ownKey in changes)) return;
    loadSettings(host).then((s) => {
      if (!signal.aborted) onChange(s);
    }, () => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
