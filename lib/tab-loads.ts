/**
 * When the background starts the reader (toolbar, read aloud) in a tab: once a page of a supported
 * site has loaded (the tab's status turns "complete", after the page's load event), so a page where
 * nothing is turned on runs no script of Dễ Đọc before its load event; and for a page whose load
 * never ends (a stalled image), LOAD_PATIENCE_MS after it began loading, if the tab still shows it.
 * Starting is harmless when the reader already runs there (it is asked first).
 */

/** How long a page may go on loading before it gets its toolbar anyway. */
export const LOAD_PATIENCE_MS = 4000;

export interface TabLoadActions {
  /** Whether Dễ Đọc runs on this page. */
  supported(url: string): Promise<boolean> | boolean;
  /** The URL the tab shows now (rejects when the tab is gone). */
  currentUrl(tabId: number): Promise<string | undefined>;
  /** Starts the reader in the tab. */
  start(tabId: number): Promise<void>;
}

/**
 * A handler for a tab's status and URL after each of its updates (`status` and `url` as the tab
 * reports them then). It settles once the reader is started or a fallback scheduled, and never
 * rejects.
 */
export function tabLoadWatcher({ supported, currentUrl, start }: TabLoadActions, patience = LOAD_PATIENCE_MS) {
  /** The latest update of each tab still being handled, with its fallback timer. */
  const pending = new Map<number, { timer?: ReturnType<typeof setTimeout> }>();
  return async (tabId: number, status: string | undefined, url: string | undefined): Promise<void> => {
    if (status !== 'loading' && status !== 'complete') return;
    clearTimeout(pending.get(tabId)?.timer);
    const update: { timer?: ReturnType<typeof setTimeout> } = {};
    pending.set(tabId, update);
    const wanted = !!url && (await Promise.resolve(supported(url)).catch(() => false));
    // A later update of the tab took over while this one was being checked.
    if (pending.get(tabId) !== update) return;
    if (!wanted || status === 'complete') {
      pending.delete(tabId);
      if (wanted) await start(tabId).catch(() => undefined);
      return;
    }
    update.timer = setTimeout(() => {
      pending.delete(tabId);
      currentUrl(tabId)
        .then((now) => (now === url ? start(tabId) : undefined))
        .catch(() => undefined);
    }, patience);
  };
}
