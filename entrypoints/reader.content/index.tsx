/**
 * The reader script, top frame only: the in-page toolbar and read aloud. It is not in the
 * manifest: the background runs it once the tab has loaded (lib/tab-loads.ts), when a menu or
 * shortcut needs it, or at once where the reader turns Dễ Đọc on. Settings arrive through storage;
 * messages carry only reading commands and state.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import toolbarCss from '@/components/toolbar.css?inline';
import { Toolbar, sizeAnnouncement, type ToolbarActions } from '@/components/Toolbar';
import { readingHighlight } from '@/features/contrast/themes';
import { createReadAloud } from '@/features/read-aloud';
import { UI_ATTRIBUTE } from '@/lib/dom';
import { t } from '@/lib/i18n';
import { IDLE_STATE, isTabCommand, type BackgroundRequest, type ReadingState, type TabCommand } from '@/lib/messages';
import { speechEngine } from '@/lib/platform';
import { loadSettings, updateSite, updateToolbar, watchSettings, type LoadedSettings } from '@/lib/settings/store';
import { stepTextScale } from '@/lib/settings/schema';
import { GOVERNMENT_MATCHES } from '@/lib/sites';

export default defineContentScript({
  matches: GOVERNMENT_MATCHES,
  registration: 'runtime',
  cssInjectionMode: 'manual',
  // As the page-start script: no message posted to the page's window.
  noScriptStartedPostMessage: true,
  main(ctx) {
    start(ctx).catch((error: unknown) => console.warn('[Dễ Đọc]', error));
  },
});

async function start(ctx: ContentScriptContext) {
  const host = location.hostname;
  // Commands may arrive as soon as the script runs (the background sends one right after): they
  // are answered once read aloud is ready.
  let ready: (handler: (command: TabCommand) => ReadingState) => void = () => undefined;
  const handler = new Promise<(command: TabCommand) => ReadingState>((resolve) => (ready = resolve));
  const onMessage = (message: unknown) => {
    if (!isTabCommand(message)) return undefined;
    return handler.then((handle) => handle(message));
  };
  browser.runtime.onMessage.addListener(onMessage);
  let settings: LoadedSettings = await loadSettings(host);
  let reading: ReadingState = { ...IDLE_STATE };
  let announcement = '';
  let unsaved: Partial<LoadedSettings['site']> = {};
  let writing = 0;
  let stored: Promise<void> = Promise.resolve();

  const readAloud = createReadAloud(document, {
    reading: () => settings.global.reading,
    highlight: () => readingHighlight(settings.site),
    engine: speechEngine,
    onState(state) {
      const changed = state.status !== reading.status;
      reading = state;
      if (changed) announcement = t(state.status === 'playing' ? 'readingNow' : state.status === 'paused' ? 'readingPaused' : 'readingStopped');
      renderToolbar();
      browser.runtime.sendMessage({ type: 'reading-state', state }).catch(() => undefined);
    },
  });

  watchSettings(
    host,
    (next) => {
      // While the toolbar's own changes are being stored, they stay what it shows.
      if (writing) next = { ...next, site: { ...next.site, ...unsaved } };
      if (next.site.textScale !== settings.site.textScale) announcement = sizeAnnouncement(next.site.textScale);
      settings = next;
      renderToolbar();
    },
    ctx.signal,
  );

  function handle(command: TabCommand): ReadingState {
    switch (command.type) {
      case 'read':
        readAloud.read(command.from);
        break;
      case 'toggle-read':
        readAloud.toggle();
        break;
      case 'choose-start':
        readAloud.chooseStart();
        break;
      case 'pause':
        readAloud.pause();
        break;
      case 'resume':
        readAloud.resume();
        break;
      case 'stop':
        readAloud.stop();
        break;
      case 'next':
        readAloud.next();
        break;
      case 'previous':
        readAloud.previous();
        break;
      case 'get-reading-state':
        break;
    }
    return reading;
  }
  ready(handle);
  ctx.addEventListener(window, 'pagehide', () => readAloud.stop());

  /**
   * The toolbar's changes are shown at once and stored one after another: quick clicks each
   * build on the one before instead of on what storage has echoed back so far.
   */
  function changeSite(patch: Partial<LoadedSettings['site']>) {
    if (patch.textScale !== undefined && patch.textScale !== settings.site.textScale) announcement = sizeAnnouncement(patch.textScale);
    settings = { ...settings, site: { ...settings.site, ...patch } };
    unsaved = { ...unsaved, ...patch };
    writing++;
    renderToolbar();
    stored = stored
      .then(() => updateSite(host, patch))
      .catch((error: unknown) => console.warn('[Dễ Đọc]', error))
      .finally(() => {
        if (--writing === 0) unsaved = {};
      });
  }
  const actions: ToolbarActions = {
    stepTextSize: (direction) => changeSite({ textScale: stepTextScale(settings.site.textScale, direction) }),
    resetTextSize: () => changeSite({ textScale: 1 }),
    toggleContrast: () => changeSite({ contrast: !settings.site.contrast }),
    read: () => readAloud.toggle(),
    prepareRead: () => readAloud.prepare(),
    pause: () => readAloud.pause(),
    stop: () => readAloud.stop(),
    previous: () => readAloud.previous(),
    chooseStart: () => readAloud.chooseStart(),
    next: () => readAloud.next(),
    setCollapsed: (collapsed) => void updateToolbar({ collapsed }),
    openSettings: () => void browser.runtime.sendMessage({ type: 'open-settings' } satisfies BackgroundRequest).catch(() => undefined),
  };

  let container: HTMLElement | null = null;
  function renderToolbar() {
    if (!container) return;
    render(
      <Toolbar
        scale={settings.site.textScale}
        contrast={settings.site.contrast}
        reading={reading}
        toolbar={settings.global.toolbar}
        announcement={announcement}
        actions={actions}
      />,
      container,
    );
  }

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    readAloud.remove();
  });

  if (ctx.isInvalid || !document.documentElement) return;
  const ui = await createShadowRootUi(ctx, {
    name: 'dede-toolbar',
    position: 'inline',
    // Outside <body>, so transforms, filters or zoom the page puts on its body cannot move it.
    anchor: () => document.documentElement,
    append: 'last',
    css: toolbarCss,
    onMount(uiContainer, _shadow, hostElement) {
      hostElement.setAttribute(UI_ATTRIBUTE, '');
      container = uiContainer;
      renderToolbar();
      return uiContainer;
    },
    onRemove(mounted) {
      if (mounted) render(null, mounted);
      container = null;
    },
  });
  ui.mount();
}
