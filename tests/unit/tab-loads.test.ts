import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOAD_PATIENCE_MS, tabLoadWatcher } from '@/lib/tab-loads';

const SUPPORTED = 'https://www.noip.gov.vn/tin-tuc/a.html';
const OTHER = 'https://news.example/';

/** A watcher whose tabs show `urls` (tab id → URL) and whose started readers are recorded. */
function setup(urls: Map<number, string> = new Map()) {
  const started: number[] = [];
  const onStatus = tabLoadWatcher({
    supported: (url) => url.includes('.gov.vn/'),
    currentUrl: async (tabId) => {
      if (!urls.has(tabId)) throw new Error('no such tab');
      return urls.get(tabId);
    },
    start: async (tabId) => void started.push(tabId),
  });
  return { started, onStatus, urls };
}

describe('starting the reader when a tab has loaded', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts it when a supported page completes, and not before', async () => {
    const { started, onStatus } = setup();
    await onStatus(1, 'loading', SUPPORTED);
    expect(started).toEqual([]);
    await onStatus(1, 'complete', SUPPORTED);
    expect(started).toEqual([1]);
  });

  it('never for a page of another site, or a tab that shows no URL (no access to its host)', async () => {
    const { started, onStatus } = setup(new Map([[1, OTHER], [2, '']]));
    for (const status of ['loading', 'complete']) {
      await onStatus(1, status, OTHER);
      await onStatus(2, status, undefined);
    }
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 3);
    expect(started).toEqual([]);
  });

  it('ignores other statuses', async () => {
    const { started, onStatus } = setup(new Map([[1, SUPPORTED]]));
    await onStatus(1, 'unloaded', SUPPORTED);
    await onStatus(1, undefined, SUPPORTED);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 3);
    expect(started).toEqual([]);
  });

  it('a page whose load never completes gets it after the patience, once', async () => {
    const { started, onStatus } = setup(new Map([[1, SUPPORTED]]));
    await onStatus(1, 'loading', SUPPORTED);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS - 10);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(started).toEqual([1]);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 3);
    expect(started).toEqual([1]);
  });

  it('completing in time cancels the fallback', async () => {
    const { started, onStatus } = setup(new Map([[1, SUPPORTED]]));
    await onStatus(1, 'loading', SUPPORTED);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS / 2);
    await onStatus(1, 'complete', SUPPORTED);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 3);
    expect(started).toEqual([1]);
  });

  it('a new update restarts the wait, and the fallback is for the page the tab shows then', async () => {
    const { started, onStatus, urls } = setup(new Map([[1, SUPPORTED]]));
    await onStatus(1, 'loading', SUPPORTED);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS - 100);
    const next = `${SUPPORTED}?page=2`;
    urls.set(1, next);
    await onStatus(1, 'loading', next);
    await vi.advanceTimersByTimeAsync(200);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS);
    expect(started).toEqual([1]);
  });

  it('no fallback when the tab has moved to another page, to another site or is gone', async () => {
    const { started, onStatus, urls } = setup(new Map([[1, SUPPORTED], [2, SUPPORTED]]));
    await onStatus(1, 'loading', SUPPORTED);
    await onStatus(2, 'loading', SUPPORTED);
    urls.set(1, OTHER);
    urls.delete(2);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 2);
    expect(started).toEqual([]);
  });

  it('leaving for another site while loading cancels the fallback', async () => {
    const { started, onStatus } = setup(new Map([[1, SUPPORTED]]));
    await onStatus(1, 'loading', SUPPORTED);
    await onStatus(1, 'loading', OTHER);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 2);
    expect(started).toEqual([]);
  });

  it('tabs are independent', async () => {
    const { started, onStatus } = setup(new Map([[1, SUPPORTED], [2, SUPPORTED]]));
    await onStatus(1, 'loading', SUPPORTED);
    await onStatus(2, 'loading', SUPPORTED);
    await onStatus(2, 'complete', SUPPORTED);
    expect(started).toEqual([2]);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS);
    expect(started).toEqual([2, 1]);
  });

  it('an update that arrives while an earlier one is still being checked wins', async () => {
    const started: number[] = [];
    let answer!: (v: boolean) => void;
    const onStatus = tabLoadWatcher({
      supported: (url) => (url === SUPPORTED ? new Promise<boolean>((r) => (answer = r)) : true),
      currentUrl: async () => SUPPORTED,
      start: async (tabId) => void started.push(tabId),
    });
    const loading = onStatus(1, 'loading', SUPPORTED);
    await onStatus(1, 'complete', `${SUPPORTED}#x`);
    answer(true);
    await loading;
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 2);
    expect(started).toEqual([1]);
  });

  it('a failing check or start is swallowed', async () => {
    const onStatus = tabLoadWatcher({
      supported: () => Promise.reject(new Error('permissions')),
      currentUrl: async () => SUPPORTED,
      start: () => Promise.reject(new Error('no access')),
    });
    await expect(onStatus(1, 'complete', SUPPORTED)).resolves.toBeUndefined();
    const failing = tabLoadWatcher({ supported: () => true, currentUrl: async () => SUPPORTED, start: () => Promise.reject(new Error('no access')) });
    await expect(failing(1, 'complete', SUPPORTED)).resolves.toBeUndefined();
    await failing(1, 'loading', SUPPORTED);
    await vi.advanceTimersByTimeAsync(LOAD_PATIENCE_MS * 2);
  });
});
