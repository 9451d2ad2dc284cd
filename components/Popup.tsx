/**
 * The popup (also opened as a tab by the toolbar's settings button, with `?tab=<id>`): every
 * setting for the current site in one place, and the reading state.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { EngineVoice } from '@/features/read-aloud/engine';
import { primaryLanguage } from '@/features/read-aloud/voices';
import { formatPercent, t, type MessageKey } from '@/lib/i18n';
import { IDLE_STATE, type ReadingState, type ReadingStateMessage, type TabCommand } from '@/lib/messages';
import { speechEngine } from '@/lib/platform';
import { THEMES, TOOLBAR_CORNERS, stepTextScale, type ReadingSettings, type SiteSettings, type Theme, type ToolbarCorner } from '@/lib/settings/schema';
import {
  loadAll,
  loadSettings,
  replaceAll,
  resetAll,
  resetSite,
  setSiteScope,
  updateReading,
  updateSite,
  updateToolbar,
  watchSettings,
  type LoadedSettings,
} from '@/lib/settings/store';
import { buildExport, parseImport } from '@/lib/settings/transfer';
import { isGovernmentHost, originPattern, pageHost } from '@/lib/sites';
import { ContrastToggle, ReadControls, TextSizeControls } from './controls';

const THEME_NAMES: Record<Theme, MessageKey> = {
  'black-on-white': 'themeBlackOnWhite',
  'white-on-black': 'themeWhiteOnBlack',
  'yellow-on-black': 'themeYellowOnBlack',
  soft: 'themeSoft',
};
const CORNER_NAMES: Record<ToolbarCorner, MessageKey> = {
  'bottom-right': 'cornerBottomRight',
  'bottom-left': 'cornerBottomLeft',
  'top-right': 'cornerTopRight',
  'top-left': 'cornerTopLeft',
};
const VOICE_LANGUAGES = [
  { lang: 'vi', label: 'voiceVi', preview: 'previewTextVi' },
  { lang: 'en', label: 'voiceEn', preview: 'previewTextEn' },
] as const;

async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export function Popup() {
  const [tab, setTab] = useState<Browser.tabs.Tab>();
  const [settings, setSettings] = useState<LoadedSettings>();
  const [reading, setReading] = useState<ReadingState>(IDLE_STATE);
  const [active, setActive] = useState<boolean | null>(null);
  const host = pageHost(tab?.url);

  useEffect(() => {
    void targetTab().then(setTab);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void loadSettings(host).then(setSettings);
    watchSettings(host, setSettings, controller.signal);
    if (!tab) return () => controller.abort();
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
  const send = (command: TabCommand) => {
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, command).catch(() => undefined);
  };
  const enable = async () => {
    if (!host || tab?.id === undefined) return;
    if (await browser.permissions.request({ origins: [originPattern(host)] })) {
      await browser.runtime.sendMessage({ type: 'enable-site', tabId: tab.id, host });
      setActive(true);
    }
  };

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
      <TextSection host={host} site={settings.site} />
      <ContrastSection host={host} site={settings.site} />
      <ReadingSection reading={settings.global.reading} state={reading} send={send} />
      <ScopeSection host={host} siteOnly={!!settings.override} />
      <ToolbarSection show={settings.global.toolbar.show} corner={settings.global.toolbar.corner} />
      <ShortcutsSection />
      <DataSection />
    </div>
  );
}

function Check({ checked, label, onChange }: { checked: boolean; label: string; onChange: (checked: boolean) => void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

function TextSection({ host, site }: { host: string | undefined; site: SiteSettings }) {
  const change = (patch: Partial<SiteSettings>) => void updateSite(host, patch);
  return (
    <section aria-labelledby="size-heading">
      <h2 id="size-heading">{t('textSize')}</h2>
      <div class="row">
        <TextSizeControls scale={site.textScale} onStep={(d) => change({ textScale: stepTextScale(site.textScale, d) })} onReset={() => change({ textScale: 1 })} />
      </div>
      <Check checked={site.textSpacing} label={t('optionSpacing')} onChange={(textSpacing) => change({ textSpacing })} />
      <Check checked={site.readingWidth} label={t('optionReadingWidth')} onChange={(readingWidth) => change({ readingWidth })} />
      <Check checked={site.leftAlign} label={t('optionLeftAlign')} onChange={(leftAlign) => change({ leftAlign })} />
      <Check checked={site.font === 'sans'} label={t('optionFont')} onChange={(sans) => change({ font: sans ? 'sans' : 'page' })} />
    </section>
  );
}

function ContrastSection({ host, site }: { host: string | undefined; site: SiteSettings }) {
  const change = (patch: Partial<SiteSettings>) => void updateSite(host, patch);
  return (
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
  );
}

function Slider(props: { id: string; label: string; value: number; min: number; max: number; step: number; format: (v: number) => string; onChange: (v: number) => void }) {
  return (
    <div class="slider">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        aria-valuetext={props.format(props.value)}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      />
      <output for={props.id}>{props.format(props.value)}</output>
    </div>
  );
}

function ReadingSection({ reading, state, send }: { reading: ReadingSettings; state: ReadingState; send: (c: TabCommand) => void }) {
  const [voices, setVoices] = useState<EngineVoice[]>([]);
  useEffect(() => {
    let live = true;
    void speechEngine().then((engine) => engine?.voices(VOICE_LANGUAGES.map((l) => l.lang)).then((v) => live && setVoices(v)));
    return () => {
      live = false;
    };
  }, []);
  const preview = async (lang: string, text: string) => {
    const engine = await speechEngine();
    const name = reading.voices[lang] ?? voices.find((v) => primaryLanguage(v.lang) === lang)?.name;
    engine?.speak({ text, lang, voiceName: name, rate: reading.rate, pitch: reading.pitch, volume: reading.volume }, { onStart() {}, onEnd() {}, onError() {} });
  };
  const reading_ = state.status !== 'idle';
  return (
    <section aria-labelledby="read-heading">
      <h2 id="read-heading">{t('readAloud')}</h2>
      <div class="row">
        <ReadControls
          state={state}
          onRead={() => send(state.status === 'paused' ? { type: 'resume' } : { type: 'read', from: 'start' })}
          onPause={() => send({ type: 'pause' })}
          onStop={() => send({ type: 'stop' })}
        />
        <button type="button" class="btn" aria-label={t('previousSentence')} title={t('previousSentence')} aria-disabled={!reading_} onClick={() => reading_ && send({ type: 'previous' })}>
          <span class="glyph" data-glyph="❚◀" aria-hidden="true" />
        </button>
        <button type="button" class="btn" aria-label={t('nextSentence')} title={t('nextSentence')} aria-disabled={!reading_} onClick={() => reading_ && send({ type: 'next' })}>
          <span class="glyph" data-glyph="▶❚" aria-hidden="true" />
        </button>
      </div>
      <div role="status" aria-live="polite" class="reading">
        {state.notice ? (
          <p class="notice">{t(state.notice)}</p>
        ) : reading_ ? (
          <>
            <progress max={state.blocks} value={state.block} aria-label={t('readingProgress')} />
            <p class="sentence">{state.sentence}</p>
          </>
        ) : null}
      </div>
      <h3>{t('readingOptions')}</h3>
      <Slider id="rate" label={t('rate')} value={reading.rate} min={0.5} max={2} step={0.1} format={(v) => `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(v)}×`} onChange={(rate) => void updateReading({ rate })} />
      <Slider id="pitch" label={t('pitch')} value={reading.pitch} min={0.5} max={1.5} step={0.1} format={(v) => formatPercent(v)} onChange={(pitch) => void updateReading({ pitch })} />
      <Slider id="volume" label={t('volume')} value={reading.volume} min={0} max={1} step={0.1} format={(v) => formatPercent(v)} onChange={(volume) => void updateReading({ volume })} />
      {VOICE_LANGUAGES.map(({ lang, label, preview: sample }) => {
        const options = voices.filter((v) => primaryLanguage(v.lang) === lang);
        return (
          <div class="voice" key={lang}>
            <label for={`voice-${lang}`}>{t(label)}</label>
            <div class="row">
              <select
                id={`voice-${lang}`}
                value={reading.voices[lang] ?? ''}
                onChange={(e) => {
                  const voices_ = { ...reading.voices };
                  if (e.currentTarget.value) voices_[lang] = e.currentTarget.value;
                  else delete voices_[lang];
                  void updateReading({ voices: voices_ });
                }}
              >
                <option value="">{t('voiceAuto')}</option>
                {options.map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name}
                  </option>
                ))}
              </select>
              <button type="button" class="btn" aria-label={`${t('previewVoice')}: ${t(label)}`} onClick={() => void preview(lang, t(sample))}>
                {t('previewVoice')}
              </button>
            </div>
            {!options.length && voices.length > 0 && <p class="hint">{t('noVoicesListed')}</p>}
          </div>
        );
      })}
      <Check checked={reading.captions} label={t('readCaptions')} onChange={(captions) => void updateReading({ captions })} />
    </section>
  );
}

function ScopeSection({ host, siteOnly }: { host: string | undefined; siteOnly: boolean }) {
  return (
    <section aria-labelledby="scope-heading">
      <h2 id="scope-heading">{t('scope')}</h2>
      {host ? (
        <fieldset>
          <legend class="sr-only">{t('scope')}</legend>
          <label class="check">
            <input type="radio" name="scope" checked={siteOnly} onChange={() => void setSiteScope(host, true)} />
            {t('scopeSite')}
          </label>
          <label class="check">
            <input type="radio" name="scope" checked={!siteOnly} onChange={() => void setSiteScope(host, false)} />
            {t('scopeEverywhere')}
          </label>
        </fieldset>
      ) : null}
      <button type="button" class="btn wide" onClick={() => void resetSite(host)}>
        {host ? t('resetSite') : t('reset')}
      </button>
    </section>
  );
}

function ToolbarSection({ show, corner }: { show: boolean; corner: ToolbarCorner }) {
  return (
    <section aria-labelledby="toolbar-heading">
      <h2 id="toolbar-heading">{t('toolbarOptions')}</h2>
      <Check checked={show} label={t('toolbarShow')} onChange={(show_) => void updateToolbar({ show: show_ })} />
      <label for="corner">{t('toolbarCorner')}</label>{' '}
      <select id="corner" value={corner} onChange={(e) => void updateToolbar({ corner: e.currentTarget.value as ToolbarCorner })}>
        {TOOLBAR_CORNERS.map((c) => (
          <option key={c} value={c}>
            {t(CORNER_NAMES[c])}
          </option>
        ))}
      </select>
    </section>
  );
}

function ShortcutsSection() {
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands, () => undefined);
  }, []);
  if (!commands.length) return null;
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('shortcuts')}</h2>
      <dl class="keys">
        {commands
          .filter((c) => c.description)
          .map((c) => (
            <div key={c.name}>
              <dt>{c.description}</dt>
              <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : t('shortcutNone')}</dd>
            </div>
          ))}
      </dl>
      <p class="hint">{t('shortcutsChange')}</p>
    </section>
  );
}

function DataSection() {
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const exportFile = async () => {
    const { global, sites } = await loadAll();
    const blob = new Blob([JSON.stringify(buildExport(global, sites), null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'de-doc-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) imports it again.
    input.value = '';
    if (!file) return;
    const result = parseImport(await file.text().catch(() => ''));
    if (!result.ok) return setMessage({ text: t(result.error === 'notJson' ? 'importNotJson' : 'importNotSettings', file.name), failed: true });
    await replaceAll(result.file.settings, result.file.sites);
    setMessage({ text: result.ignored.length ? t('importPartly', [file.name, result.ignored.join(', ')]) : t('importDone', file.name), failed: result.ignored.length > 0 });
  };
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('yourSettings')}</h2>
      <div class="row">
        <button type="button" class="btn" onClick={() => void exportFile()}>
          {t('exportSettings')}
        </button>
        <label class="btn file">
          {t('importSettings')}
          <input type="file" accept="application/json,.json" class="sr-only" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
        <button type="button" class="btn" onClick={() => void resetAll()}>
          {t('resetAll')}
        </button>
      </div>
      <p role="status" aria-live="polite" class={message?.failed ? 'hint notice' : 'hint'}>
        {message?.text}
      </p>
    </section>
  );
}
