/**
 * The reader script, once the page is parsed (top frame only): the in-page toolbar and read
 * aloud. Settings arrive through storage; messages carry only reading commands and state.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import toolbarCss from '@/components/toolbar.css?inline';
import { Toolbar, sizeAnnouncement, type ToolbarActions } from '@/components/Toolbar';
import { createReadAloud } from '@/features/read-aloud';
import { UI_ATTRIBUTE } from '@/lib/dom';
import { t } from '@/lib/i18n';
import { IDLE_STATE, isTabCommand, type ReadingState, type TabCommand } from '@/lib/messages';
import { speechEngine } from '@/lib/platform';
import { loadSettings, updateSite, updateToolbar, watchSettings, type LoadedSettings } from '@/lib/settings/store';
import { stepTextScale, type ToolbarCorner } from '@/lib/settings/schema';
import { GOVERNMENT_MATCHES } from '@/lib/sites';

export default defineContentScript({
  matches: GOVERNMENT_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    start(ctx).catch((error: unknown) => console.warn('[Dễ Đọc]', error));
  },
});

async function start(ctx: ContentScriptContext) {
  const host = location.hostname;
  let settings: LoadedSettings = await loadSettings(host);
  let reading: ReadingState = { ...IDLE_STATE };
  let announcement = '';

  const readAloud = createReadAloud(document, {
    reading: () => settings.global.reading,
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
      if (next.site.textScale !== settings.site.textScale) announcement = sizeAnnouncement(next.site.textScale);
      settings = next;
      renderToolbar();
    },
    ctx.signal,
  );

  const onMessage = (message: unknown) => {
    if (!isTabCommand(message)) return undefined;
    return Promise.resolve(handle(message));
  };
  const handle = (command: TabCommand): ReadingState => {
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
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.addEventListener(window, 'pagehide', () => readAloud.stop());

  const actions: ToolbarActions = {
    stepTextSize: (direction) => void updateSite(host, { textScale: stepTextScale(settings.site.textScale, direction) }),
    resetTextSize: () => void updateSite(host, { textScale: 1 }),
    toggleContrast: () => void updateSite(host, { contrast: !settings.site.contrast }),
    read: () => readAloud.toggle(),
    pause: () => readAloud.pause(),
    stop: () => readAloud.stop(),
    previous: () => readAloud.previous(),
    chooseStart: () => readAloud.chooseStart(),
    next: () => readAloud.next(),
    setCollapsed: (collapsed) => void updateToolbar({ collapsed }),
    openSettings: () => void browser.runtime.sendMessage({ type: 'open-settings' }).catch(() => undefined),
  };

  let container: HTMLElement | null = null;
  let shadowHost: HTMLElement | null = null;
  function renderToolbar() {
    if (!container || !shadowHost) return;
    shadowHost.setAttribute('data-corner', pageCorner(settings.global.toolbar.corner));
    shadowHost.hidden = !settings.global.toolbar.show;
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
      shadowHost = hostElement;
      renderToolbar();
      return uiContainer;
    },
    onRemove(mounted) {
      if (mounted) render(null, mounted);
      container = null;
      shadowHost = null;
    },
  });
  ui.mount();
}

/** Corners are named for left-to-right pages; on a right-to-left page, start and end swap. */
function pageCorner(corner: ToolbarCorner): ToolbarCorner {
  if (getComputedStyle(document.documentElement).direction !== 'rtl') return corner;
  return corner.replace(/left|right/, (side) => (side === 'left' ? 'right' : 'left')) as ToolbarCorner;
}
