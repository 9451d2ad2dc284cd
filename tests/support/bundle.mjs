/**
 * A feature module bundled into one script a test page can run (as a global), for measuring or
 * testing the feature where the extension does not run it itself.
 */
import path from 'node:path';
import { ROOT } from './chromium.mjs';

export async function bundleForPage(entry, globalName) {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({ input: path.join(ROOT, entry), resolve: { alias: { '@': ROOT } }, platform: 'browser', logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'iife', name: globalName });
  await bundle.close();
  return output[0].code;
}
