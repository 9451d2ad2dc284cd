/**
 * The popup (also opened as a tab by the toolbar's settings button, with `?tab=<id>`): every
 * setting for the current site in one place, and the reading state.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { t, type MessageKey } from '@/lib/i18n';
import { IDLE_STATE, type ReadingState, type ReadingStateMessage, type TabCommand } from '@/lib/messages';
import { THEMES, stepTextScale, type SiteSettings, type Theme } from '@/lib/settings/schema';
import { loadSettings, resetSite, setSiteScope, updateSite, watchSettings, type LoadedSettings } from '@/lib/settings/store';
import { isGovernmentHost, originPattern } from '@/lib/sites';
import { ContrastToggle, ReadControls, TextSizeControls } from './controls';

const THEME_NAMES: Record<Theme, MessageKey> = {
  'black-on-white': 'themeBlackOnWhite',
  'white-on-black': 'themeWhiteOnBlack',
  'yellow-on-black': 'themeYellowOnBlack',
  soft: 'themeSoft',
};

async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    const u = new URL(url ?? '');
    return /^https?:$/.test(u.protocol) ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

export function Popup() {
  const [tab, setTab] = useState<Browser.tabs.Tab>();
  const [settings, setSettings] = useState<LoadedSettings>();
  const [reading, setReading] = useState<ReadingState>(IDLE_STATE);
  const [active, setActive] = useState<boolean | null>(null);
  const host = hostOf(tab?.url);

  useEffect(() => {
    void targetTab().then(setTab);
  }, []);

  useEffect(() => {
    if (!tab) return;
    const controller = new AbortController();
    void loadSettings(host).then(setSettings);
    watchSettings(host, setSettings, controller.signal);
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if ((message as ReadingStateMessage | null)?.type === 'reading-state' && sender.tab?.id === tab.id) {
        setReading((message as ReadingStateMessage).state);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    if (tab.id !== undefined) {
      browser.tabs.sendMessage(tab.id, { type: 'get-reading-state' } satisfies TabCommand).then(
        (state) => {
          setActive(true);
          if (state) setReading(state as ReadingState);
        },
        () => setActive(false),
      );
    }
    return () => {
      controller.abort();
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tab, host]);

  if (!settings) return <p class="loading">…</p>;
  const site = settings.site;
  const change = (patch: Partial<SiteSettings>) => void updateSite(host, patch);
  const send = (command: TabCommand) => {
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, command).catch(() => undefined);
  };

  const enable = async () => {
    if (!host || tab?.id === undefined) return;
    const granted = await browser.permissions.request({ origins: [originPattern(host)] });
    if (granted) {
      await browser.runtime.sendMessage({ type: 'enable-site', tabId: tab.id, host });
      setActive(true);
    }
  };

  const option = (key: 'textSpacing' | 'readingWidth' | 'leftAlign', label: string) => (
    <label class="check">
      <input type="checkbox" checked={site[key]} onChange={(e) => change({ [key]: e.currentTarget.checked })} />
      {label}
    </label>
  );

  return (
    <div class="popup">
      <h1>{t('popupTitle')}</h1>
      {host && <p class="host">{host}</p>}
      {active === false && host && !isGovernmentHost(host) && (
        <p class="notice">
          {t('notOnThisPage')}{' '}
          <button type="button" class="btn" onClick={() => void enable()}>
            {t('enableHere')}
          </button>
        </p>
      )}

      <section aria-labelledby="size-heading">
        <h2 id="size-heading">{t('textSize')}</h2>
        <div class="row">
          <TextSizeControls
            scale={site.textScale}
            onStep={(d) => change({ textScale: stepTextScale(site.textScale, d) })}
            onReset={() => change({ textScale: 1 })}
          />
        </div>
        {option('textSpacing', t('optionSpacing'))}
        {option('readingWidth', t('optionReadingWidth'))}
        {option('leftAlign', t('optionLeftAlign'))}
        <label class="check">
          <input type="checkbox" checked={site.font === 'sans'} onChange={(e) => change({ font: e.currentTarget.checked ? 'sans' : 'page' })} />
          {t('optionFont')}
        </label>
      </section>

      <section aria-labelledby="contrast-heading">
        <h2 id="contrast-heading">{t('contrastTheme')}</h2>
        <div class="row">
          <ContrastToggle on={site.contrast} onToggle={() => change({ contrast: !site.contrast })} />
        </div>
        <fieldset>
          <legend class="sr-only">{t('contrastTheme')}</legend>
          {THEMES.map((theme) => (
            <label class="check" key={theme}>
              <input type="radio" name="theme" checked={site.theme === theme} onChange={() => change({ theme, contrast: true })} />
              {t(THEME_NAMES[theme])}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="read-heading">
        <h2 id="read-heading">{t('readAloud')}</h2>
        <div class="row">
          <ReadControls
            state={reading}
            onRead={() => send(reading.status === 'paused' ? { type: 'resume' } : { type: 'read', from: 'start' })}
            onPause={() => send({ type: 'pause' })}
            onStop={() => send({ type: 'stop' })}
          />
        </div>
        <div role="status" aria-live="polite" class="reading">
          {reading.notice ? (
            <p class="notice">{t(reading.notice)}</p>
          ) : reading.status !== 'idle' ? (
            <>
              <progress max={reading.blocks} value={reading.block} aria-label={t('readingProgress')} />
              <p class="sentence">{reading.sentence}</p>
            </>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="scope-heading">
        <h2 id="scope-heading">{t('scope')}</h2>
        {host ? (
          <fieldset>
            <legend class="sr-only">{t('scope')}</legend>
            <label class="check">
              <input type="radio" name="scope" checked={!!settings.override} onChange={() => void setSiteScope(host, true)} />
              {t('scopeSite')}
            </label>
            <label class="check">
              <input type="radio" name="scope" checked={!settings.override} onChange={() => void setSiteScope(host, false)} />
              {t('scopeEverywhere')}
            </label>
          </fieldset>
        ) : null}
        <button type="button" class="btn wide" onClick={() => void resetSite(host)}>
          {host ? t('resetSite') : t('reset')}
        </button>
      </section>
    </div>
  );
}
