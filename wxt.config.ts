import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { GOVERNMENT_MATCHES } from './lib/sites';
import { earlyCssFiles } from './features/contrast/early';
import { earlyTextCssFiles } from './features/text-size/early';
import path from 'node:path';
import { VOICE_ASSET_DIR, VOICE_DATA, VOICE_JS, writeVoiceAssets } from './features/read-aloud/builtin/voice-data.mjs';

/**
 * Preact assigns `innerHTML` only for `dangerouslySetInnerHTML`, which Dễ Đọc never uses; the
 * assignment is rewritten to `textContent` so no HTML-injection path ships at all (and Firefox's
 * add-on linter has nothing to warn about).
 */
const noInnerHtml = {
  name: 'dede-no-inner-html',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!/node_modules[\\/]preact[\\/]dist[\\/]/.test(id)) return null;
    return code.replace(/\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g, '($1.textContent=$2.__html)');
  },
};

export default defineConfig({
  // A separate output folder lets parallel builds and test runs share one checkout.
  outDir: process.env.DEDE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), noInnerHtml] }),
  zip: { excludeSources: ['node_modules/**', '.output/**', 'tests/**', 'bench/**', '.git/**'] },
  hooks: {
    // The built-in voice (eSpeak NG), reduced to Vietnamese and English; loaded only when used.
    'build:publicAssets': (wxt, files) => {
      // High-contrast themes as plain CSS, registered for document_start so they precede first paint.
      // Chromium has highlight inheritance: the early sheet colours the selection on the root only.
      files.push(...earlyCssFiles(wxt.config.browser === 'firefox' ? 'each' : 'inherited'));
      // The text size a site is shown at, for the page-start script to read before the page is laid out.
      files.push(...earlyTextCssFiles());
      if (wxt.config.browser === 'firefox') return;
      const { js, data } = writeVoiceAssets(path.join(wxt.config.root, 'node_modules/.cache/dede-voice'));
      files.push({ absoluteSrc: js, relativeDest: `${VOICE_ASSET_DIR}/${VOICE_JS}` });
      files.push({ absoluteSrc: data, relativeDest: `${VOICE_ASSET_DIR}/${VOICE_DATA}` });
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['tts', 'offscreen'])],
    host_permissions: GOVERNMENT_MATCHES,
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    commands: {
      'increase-text-size': { suggested_key: { default: 'Alt+Shift+Up' }, description: '__MSG_commandIncrease__' },
      'decrease-text-size': { suggested_key: { default: 'Alt+Shift+Down' }, description: '__MSG_commandDecrease__' },
      'toggle-reading': { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandRead__' },
      'toggle-contrast': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandContrast__' },
      'reset-text-size': { description: '__MSG_resetTextSize__' },
      'stop-reading': { description: '__MSG_commandStop__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions exists from Firefox 140 (Android 142).
            gecko: { id: 'de-doc@de-doc.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // The early theme sheet colours the selection on the root only, for every element to inherit
          // (highlight inheritance, from Chrome 131).
          minimum_chrome_version: '131',
        }),
  }),
});
