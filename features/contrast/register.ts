/**
 * Background side of "no flash": keeps the early per-theme CSS registered for the sites that show
 * a theme, and up to date when settings or granted sites change. Call `watchEarlyContrast()` once
 * from the background.
 */
import { browser } from 'wxt/browser';
import { loadAll } from '@/lib/settings/store';
import { GOVERNMENT_MATCHES } from '@/lib/sites';
import { EARLY_SCRIPT_PREFIX, earlyContrastScripts } from './early';

async function grantedMatches(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll().catch(() => ({ origins: [] as string[] }));
  const added = origins.filter((o) => !o.startsWith('chrome') && o !== '<all_urls>' && o !== '*://*/*');
  return [...new Set([...GOVERNMENT_MATCHES, ...added])];
}

/** Registers exactly the early contrast sheets the current settings call for. Never throws. */
export async function syncEarlyContrast(): Promise<void> {
  try {
    const { global, sites } = await loadAll();
    const wanted = earlyContrastScripts(global.site, sites, await grantedMatches());
    const existing = await browser.scripting.getRegisteredContentScripts();
    const ours = existing.map((s) => s.id).filter((id) => id.startsWith(EARLY_SCRIPT_PREFIX));
    if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
    if (wanted.length) await browser.scripting.registerContentScripts(wanted);
  } catch (error) {
    console.warn('[Dễ Đọc] early contrast', error);
  }
}

/** Syncs now and whenever settings or granted sites change (coalesced, one sync at a time). */
export function watchEarlyContrast(): void {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    running = running.then(() => {
      queued = false;
      return syncEarlyContrast();
    });
  };
  schedule();
  browser.storage.onChanged.addListener(() => schedule());
  browser.permissions.onAdded.addListener(() => schedule());
  browser.permissions.onRemoved.addListener(() => schedule());
}
