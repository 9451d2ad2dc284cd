/**
 * The background: starts the reader in tabs of supported sites once they have loaded, keyboard
 * shortcuts, the context menu, opening the settings page for a tab, and running Dễ Đọc on sites
 * the reader adds.
 */
import { browser, type Browser } from 'wxt/browser';
import { serveTts } from '@/features/read-aloud/tts-service';
import { t } from '@/lib/i18n';
import { HAS_BACKGROUND_TTS, onTabStatusOrUrl } from '@/lib/platform';
import type { BackgroundRequest, ReadFrom, TabCommand } from '@/lib/messages';
import { loadSettings, updateSite } from '@/lib/settings/store';
import { stepTextScale } from '@/lib/settings/schema';
import { pageHost } from '@/lib/sites';
import { isSupportedPage, openTabs, runPageScriptIfWanted, syncRegistrations, watchRegistrations } from '@/lib/registrations';
import { tabLoadWatcher } from '@/lib/tab-loads';

/**
 * The reader script (toolbar, read aloud; top frame), which the background runs once a page has
 * loaded, and whenever a menu, shortcut or the popup needs it.
 */
const READER_SCRIPT = '/content-scripts/reader.js';

/**
 * Sends a command to a tab's reader, first running it there when it is not there yet (a page that
 * is still loading, or has just loaded, may not have it yet; the page-start script there would
 * take the message and ignore it).
 */
async function sendToTab(tabId: number, command: TabCommand): Promise<void> {
  await injectInto(tabId);
  await browser.tabs.sendMessage(tabId, command, { frameId: 0 });
}

/** Runs Dễ Đọc in a tab now, as far as it does not run there yet. */
async function injectInto(tabId: number) {
  const tab = await browser.tabs.get(tabId);
  await runPageScriptIfWanted(tabId, tab.url);
  await startReader(tabId);
}

const startingReaders = new Map<number, Promise<void>>();

/**
 * Runs the reader script in a tab's top frame unless a live copy already answers there (a copy
 * left by an older version of the extension cannot answer, and the new one retires it).
 */
function startReader(tabId: number): Promise<void> {
  const running = startingReaders.get(tabId);
  if (running) return running;
  const ask: TabCommand = { type: 'get-reading-state' };
  const start = browser.tabs
    .sendMessage(tabId, ask, { frameId: 0 })
    .then((answer: unknown) => answer !== undefined, () => false)
    .then(async (live) => {
      if (!live) await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [READER_SCRIPT] });
    })
    .finally(() => startingReaders.delete(tabId));
  startingReaders.set(tabId, start);
  return start;
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

/** Starts the reader in a tab of a supported site once it has loaded (lib/tab-loads.ts). */
const onTabStatus = tabLoadWatcher({
  supported: isSupportedPage,
  currentUrl: (tabId) => browser.tabs.get(tabId).then((tab) => tab.url),
  start: injectInto,
});

/**
 * Without the "tabs" permission a tab's URL is given only for the hosts Dễ Đọc has access to (the
 * government sites and the sites the reader added): other tabs show no URL and are passed over.
 */
function onTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) {
  if (change.status || change.url) void onTabStatus(tabId, tab.status, tab.url);
}

/**
 * Tabs already open when the background starts after an install, an update or the browser's start
 * are handled as if they had just reported their status: their load may have ended before this
 * background listened, and after an update the old version's scripts there are cut off from the
 * extension (the new copy retires them).
 */
async function startOpenTabs() {
  const tabs = await openTabs().catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : onTabStatus(tab.id, tab.status, tab.url))));
}

export default defineBackground(() => {
  // First and synchronously: a service worker woken by a tab's update finds its listener.
  onTabStatusOrUrl(onTabUpdated);
  watchRegistrations();
  if (HAS_BACKGROUND_TTS && browser.tts) serveTts(browser.tts as unknown as typeof chrome.tts);

  browser.runtime.onStartup.addListener(() => void startOpenTabs());
  browser.runtime.onInstalled.addListener(() => {
    void startOpenTabs();
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: 'read-selection', title: t('menuReadSelection'), contexts: ['selection'] });
      browser.contextMenus.create({ id: 'read-from-here', title: t('menuReadFromHere'), contexts: ['page', 'link', 'image'] });
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const from = MENU_READ[String(info.menuItemId)];
    if (from && tab?.id !== undefined) void sendToTab(tab.id, { type: 'read', from });
  });

  browser.commands.onCommand.addListener((command) => void onCommand(command));

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as Partial<BackgroundRequest> | null)?.type;
    if (type === 'open-settings' && sender.tab?.id !== undefined) {
      void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${sender.tab.id}`), index: (sender.tab.index ?? 0) + 1 });
    }
    if (type === 'enable-site') {
      const { tabId, host } = message as { tabId?: unknown; host?: unknown };
      if (typeof tabId !== 'number' || typeof host !== 'string') return undefined;
      return syncRegistrations().then(() => injectInto(tabId).then(() => true, () => false));
    }
    return undefined;
  });
});
