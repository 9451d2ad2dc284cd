import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { GOVERNMENT_MATCHES } from './lib/sites';

export default defineConfig({
  // A separate output folder lets parallel builds and test runs share one checkout.
  outDir: process.env.DEDE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  zip: { excludeSources: ['node_modules/**', '.output/**', 'tests/**', 'bench/**', '.git/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['tts'])],
    host_permissions: GOVERNMENT_MATCHES,
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    commands: {
      'increase-text-size': { suggested_key: { default: 'Alt+Shift+Up' }, description: '__MSG_commandIncrease__' },
      'decrease-text-size': { suggested_key: { default: 'Alt+Shift+Down' }, description: '__MSG_commandDecrease__' },
      'toggle-reading': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandRead__' },
      'toggle-contrast': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_commandContrast__' },
      'reset-text-size': { description: '__MSG_resetTextSize__' },
      'stop-reading': { description: '__MSG_commandStop__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'de-doc@de-doc.invalid', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
