/**
 * The background: keyboard shortcuts, the context menu, opening the settings page for a tab, and
 * running Dễ Đọc on sites the reader adds.
 */
import { browser, type Browser } from 'wxt/browser';
import { watchEarlyContrast } from '@/features/contrast/register';
import { serveTts } from '@/features/read-aloud/tts-service';
import { t } from '@/lib/i18n';
import { HAS_BACKGROUND_TTS } from '@/lib/platform';
import type { ReadFrom, TabCommand } from '@/lib/messages';
import { loadSettings, updateSite } from '@/lib/settings/store';
import { stepTextScale } from '@/lib/settings/schema';
import { pageHost } from '@/lib/sites';

/** The page-start script (all frames) and the reader script (toolbar, read aloud; top frame). */
const CONTENT_SCRIPT = '/content-scripts/content.js';
const READER_SCRIPT = '/content-scripts/reader.js';
const ADDED_SITES_SCRIPT_ID = 'dede-added-sites';

/** Sends a command to a tab, first running the content script there when it is not yet. */
async function sendToTab(tabId: number, command: TabCommand): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, command);
  } catch {
    await injectInto(tabId);
    await browser.tabs.sendMessage(tabId, command);
  }
}

/** Runs Dễ Đọc in a tab now (the reader added the site, or activeTab granted it). */
async function injectInto(tabId: number) {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] });
  await browser.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT] });
}

async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

async function onCommand(command: string) {
  const tab = await activeTab();
  if (tab?.id === undefined) return;
  const host = pageHost(tab.url);
  const { site } = await loadSettings(host);
  switch (command) {
    case 'increase-text-size':
      return updateSite(host, { textScale: stepTextScale(site.textScale, 1) });
    case 'decrease-text-size':
      return updateSite(host, { textScale: stepTextScale(site.textScale, -1) });
    case 'reset-text-size':
      return updateSite(host, { textScale: 1 });
    case 'toggle-contrast':
      return updateSite(host, { contrast: !site.contrast });
    case 'toggle-reading':
      return sendToTab(tab.id, { type: 'toggle-read' });
    case 'stop-reading':
      return sendToTab(tab.id, { type: 'stop' });
  }
}

const MENU_READ: Record<string, ReadFrom> = { 'read-selection': 'selection', 'read-from-here': 'context-target' };

/** Keeps the content script registered on the sites the reader granted. */
async function syncAddedSites() {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = origins.filter((o) => !o.startsWith('chrome') && o !== '<all_urls>' && o !== '*://*/*');
  const ids = [ADDED_SITES_SCRIPT_ID, `${ADDED_SITES_SCRIPT_ID}-reader`];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  const manifestMatches = new Set(browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []));
  const added = matches.filter((m) => !manifestMatches.has(m));
  if (!added.length) return;
  await browser.scripting.registerContentScripts([
    { id: ADDED_SITES_SCRIPT_ID, matches: added, js: [CONTENT_SCRIPT.slice(1)], runAt: 'document_start', allFrames: true, persistAcrossSessions: true },
    { id: `${ADDED_SITES_SCRIPT_ID}-reader`, matches: added, js: [READER_SCRIPT.slice(1)], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/**
 * After an update the browser does not run the new content scripts in open tabs: run them there,
 * so the reader keeps a working toolbar (the new copy retires the old one).
 */
async function reinjectOpenTabs() {
  const manifestMatches = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  const { origins = [] } = await browser.permissions.getAll();
  const tabs = await browser.tabs.query({ url: [...new Set([...manifestMatches, ...origins.filter((o) => o !== '*://*/*')])] });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectInto(tab.id).catch(() => undefined))));
}

export default defineBackground(() => {
  watchEarlyContrast();
  if (HAS_BACKGROUND_TTS && browser.tts) serveTts(browser.tts as unknown as typeof chrome.tts);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void reinjectOpenTabs();
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: 'read-selection', title: t('menuReadSelection'), contexts: ['selection'] });
      browser.contextMenus.create({ id: 'read-from-here', title: t('menuReadFromHere'), contexts: ['page', 'link', 'image'] });
    });
    void syncAddedSites();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const from = MENU_READ[String(info.menuItemId)];
    if (from && tab?.id !== undefined) void sendToTab(tab.id, { type: 'read', from });
  });

  browser.commands.onCommand.addListener((command) => void onCommand(command));

  browser.permissions.onAdded.addListener(() => void syncAddedSites());
  browser.permissions.onRemoved.addListener(() => void syncAddedSites());

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'open-settings' && sender.tab?.id !== undefined) {
      void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${sender.tab.id}`), index: (sender.tab.index ?? 0) + 1 });
    }
    if (type === 'enable-site') {
      const { tabId, host } = message as { tabId?: unknown; host?: unknown };
      if (typeof tabId !== 'number' || typeof host !== 'string') return undefined;
      return syncAddedSites().then(() => injectInto(tabId).then(() => true, () => false));
    }
    return undefined;
  });
});
