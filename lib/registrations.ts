/**
 * Background: keeps registered exactly the scripts and sheets pages need before they paint, for
 * the settings and granted sites of the moment, and brings open tabs up to date:
 * - the page-start script (text size and contrast, every frame) from document_start on the sites
 *   whose text is changed, so a page is laid out once, at its new size;
 * - the early theme sheets (features/contrast/early.ts, every frame), so a theme is there at the
 *   first paint;
 * - the early text sheets (features/text-size/early.ts, every frame), which tell the page-start
 *   script the text size before the settings arrive.
 * Nothing else runs in pages before they have loaded: the manifest has no content scripts, and the
 * background starts the reader once a tab has loaded (entrypoints/background.ts), with the
 * page-start script where the settings change the page but it does not run yet (only contrast
 * on: the early sheet shows the theme meanwhile, and its measured fixes follow). When settings
 * start changing a site, open tabs of that site get the page-start script at once.
 */
import { browser } from 'wxt/browser';
import { earlyContrastScripts } from '@/features/contrast/early';
import { earlyTextScripts } from '@/features/text-size/early';
import type { PageScriptQuery } from '@/lib/messages';
import { changesPage, textIsNeutral, type SiteSettings } from '@/lib/settings/schema';
import { loadAll, loadSettings } from '@/lib/settings/store';
import { GOVERNMENT_MATCHES, matchesAny, pageHost, sitesWhere } from '@/lib/sites';

export const PAGE_SCRIPT = '/content-scripts/content.js';
export const PAGE_SCRIPT_ID = 'dede-page';
/** The ids of Dễ Đọc's registrations (earlier versions' too) start so; others (WXT's dev mode) are left alone. */
const OUR_PREFIX = 'dede-';

interface Registration {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js?: string[];
  css?: string[];
  runAt: 'document_start';
  allFrames: boolean;
  persistAcrossSessions: true;
}

/** Sites the reader added (granted host permissions), as match patterns. */
export async function addedSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll().catch(() => ({ origins: [] as string[] }));
  const manifest = new Set<string>(GOVERNMENT_MATCHES);
  return origins.filter((o) => !o.startsWith('chrome') && o !== '<all_urls>' && o !== '*://*/*' && !manifest.has(o));
}

/** Whether Dễ Đọc runs on this page: a government site or a site the reader added. */
export async function isSupportedPage(url: string | undefined): Promise<boolean> {
  return matchesAny(url, GOVERNMENT_MATCHES) || matchesAny(url, await addedSites());
}

/**
 * The page-start script's registration: from document_start, in every frame, on the sites whose
 * text is changed. Where only contrast is on, none: a script at document_start held up the
 * page's parsing, and one at document_idle its load event, by a rendering frame. Pure.
 */
export function pageScriptRegistrations(global: SiteSettings, overrides: Record<string, SiteSettings>, matches: string[]): Registration[] {
  const sites = sitesWhere(global, overrides, matches, (site) => !textIsNeutral(site));
  return sites ? [{ id: PAGE_SCRIPT_ID, ...sites, js: [PAGE_SCRIPT.slice(1)], runAt: 'document_start', allFrames: true, persistAcrossSessions: true }] : [];
}

/** Every registration the current settings and granted sites call for. */
async function wantedRegistrations(): Promise<Registration[]> {
  const { global, sites } = await loadAll();
  const all = [...GOVERNMENT_MATCHES, ...(await addedSites())];
  return [...earlyContrastScripts(global.site, sites, all), ...earlyTextScripts(global.site, sites, all), ...pageScriptRegistrations(global.site, sites, all)];
}

const shape = (r: Partial<Registration>) =>
  JSON.stringify([[...(r.matches ?? [])].sort(), [...(r.excludeMatches ?? [])].sort(), r.js ?? [], r.css ?? [], r.runAt, !!r.allFrames]);

/**
 * Registers exactly what is wanted, touching only registrations that change; any other of ours (one
 * an earlier version made, say) goes. Never throws.
 */
export async function syncRegistrations(): Promise<void> {
  try {
    const wanted = await wantedRegistrations();
    const existing = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(OUR_PREFIX));
    const keep = new Set(existing.filter((s) => wanted.some((w) => w.id === s.id && shape(w) === shape(s as Partial<Registration>))).map((s) => s.id));
    const stale = existing.filter((s) => !keep.has(s.id)).map((s) => s.id);
    if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
    const fresh = wanted.filter((w) => !keep.has(w.id));
    if (fresh.length) await browser.scripting.registerContentScripts(fresh as Parameters<typeof browser.scripting.registerContentScripts>[0]);
  } catch (error) {
    console.warn('[Dễ Đọc] registrations', error);
  }
}

/** Runs the page-start script in a tab when its site's settings change the page and no live copy runs there. */
export async function runPageScriptIfWanted(tabId: number, url: string | undefined): Promise<void> {
  const host = pageHost(url);
  if (!host || !changesPage((await loadSettings(host)).site)) return;
  const query: PageScriptQuery = { type: 'page-script-running' };
  const live = await browser.tabs.sendMessage(tabId, query, { frameId: 0 }).then((answer: unknown) => answer === true, () => false);
  if (!live) await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [PAGE_SCRIPT] });
}

/** Open tabs of the sites Dễ Đọc runs on. */
export async function openTabs() {
  return browser.tabs.query({ url: [...GOVERNMENT_MATCHES, ...(await addedSites())] });
}

/** Syncs now and whenever settings or granted sites change (coalesced, one sync at a time). */
export function watchRegistrations(): void {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  let tabsQueued = false;
  const schedule = (tabsToo: boolean) => {
    tabsQueued ||= tabsToo;
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      const tabsNow = tabsQueued;
      queued = false;
      tabsQueued = false;
      await syncRegistrations();
      if (!tabsNow) return;
      const tabs = await openTabs().catch(() => []);
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : runPageScriptIfWanted(tab.id, tab.url).catch(() => undefined))));
    });
  };
  schedule(false);
  browser.storage.onChanged.addListener(() => schedule(true));
  browser.permissions.onAdded.addListener(() => schedule(false));
  browser.permissions.onRemoved.addListener(() => schedule(false));
}
