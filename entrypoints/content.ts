/**
 * The page-start content script: applies text size and contrast in every frame, and keeps them
 * live as settings change. It is not in the manifest: the background registers it from
 * document_start for the sites whose text is changed (lib/registrations.ts); where only contrast
 * is on, the early theme sheet covers the page and the background runs this script with the
 * reader once the page has loaded; and it runs in open tabs when a reader turns something on.
 * Other pages pay nothing for it. It stays small; the toolbar and read aloud come later, in the
 * reader script.
 */
import { browser } from 'wxt/browser';
import { createContrast } from '@/features/contrast';
import { createTextSize } from '@/features/text-size';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { isPageScriptQuery } from '@/lib/messages';
import { GOVERNMENT_MATCHES } from '@/lib/sites';

export default defineContentScript({
  matches: GOVERNMENT_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  registration: 'runtime',
  // A newer copy tells this one to stop by a DOM event; a message posted to the page's window
  // would reach the page's own listeners (and name the extension to it).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const host = location.hostname;
    const textSize = createTextSize(document);
    const contrast = createContrast(document);
    textSize.prepare();
    const apply = (site: Awaited<ReturnType<typeof loadSettings>>['site']) => {
      contrast.apply(site);
      textSize.apply(site);
    };
    ctx.onInvalidated(() => {
      textSize.remove();
      contrast.remove();
    });
    loadSettings(host).then((s) => !ctx.isInvalid && apply(s.site), (error: unknown) => console.warn('[Dễ Đọc]', error));
    watchSettings(host, (s) => apply(s.site), ctx.signal);
    // The background asks whether a live copy already runs here before it runs one.
    if (window === window.top) {
      const onMessage = (message: unknown) => (isPageScriptQuery(message) ? Promise.resolve(true) : undefined);
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    }
  },
});
