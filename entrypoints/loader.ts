/**
 * The only script of Dễ Đọc that every supported page runs, in its top frame, from document_start
 * (where it only listens): once the page has loaded (or has been parsed for a while, for a page
 * whose loading never ends) and the browser is idle, it asks the background to start the reader (toolbar, read aloud) here. The page's own
 * loading never waits for Dễ Đọc. Text size and contrast, where a reader has turned them on, come
 * earlier, from the page-start script the background registers for those sites only.
 *
 * It is kept tiny and free of the extension API wrapper (which would cost every page its parse):
 * one message, through whichever extension namespace the browser provides.
 */
import type { BackgroundRequest } from '@/lib/messages';

/** A page whose load never ends (a stalled image) still gets its toolbar this long after it is parsed. */
const LOAD_PATIENCE_MS = 2000;

interface Runtime {
  sendMessage(message: BackgroundRequest): Promise<unknown> | undefined;
}

export default defineUnlistedScript(() => {
  if (window !== window.top) return;
  const api = (globalThis as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } });
  const runtime = (api.browser ?? api.chrome)?.runtime;
  if (!runtime) return;
  let asked = false;
  const ask = () => {
    if (asked) return;
    asked = true;
    const send = () => void Promise.resolve(runtime.sendMessage({ type: 'start-reader' })).catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(send, { timeout: 500 });
    else setTimeout(send, 0);
  };
  if (document.readyState === 'complete') return ask();
  addEventListener('load', ask, { once: true });
  const patience = () => setTimeout(ask, LOAD_PATIENCE_MS);
  if (document.readyState === 'interactive') patience();
  else document.addEventListener('DOMContentLoaded', patience, { once: true });
});
