#!/usr/bin/env node
/**
 * `npm run demo`: builds the extension and opens Chromium with it on the bundled sample article
 * (served under its real host name, www.noip.gov.vn, from tests/fixtures). Where there is no
 * display, it says so and writes before/after screenshots to demo/ instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { routeFixtures } from '../tests/fixtures/serve.mjs';
import { CHROMIUM_PATH, ROOT, launchChromium } from '../tests/support/chromium.mjs';

const SAMPLE = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';

if (!CHROMIUM_PATH) {
  console.error('No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
console.log('Building the extension…');
if (spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const { context } = await launchChromium({
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: ['--enable-speech-dispatcher'],
});
await routeFixtures(context);
const page = await context.newPage();
await page.goto(SAMPLE);
const toolbar = page.locator('dede-toolbar');
await toolbar.getByRole('toolbar').waitFor();

if (!headless) {
  console.log(`Chromium is open on ${SAMPLE} with Dễ Đọc loaded. Use the toolbar at the bottom right. Close the window to finish.`);
  await new Promise((resolve) => context.on('close', resolve));
  process.exit(0);
}

const out = path.join(ROOT, 'demo');
mkdirSync(out, { recursive: true });
console.log('No display here: writing screenshots instead of opening a window.');
await page.screenshot({ path: path.join(out, 'before.png') });
for (let i = 0; i < 3; i++) await toolbar.getByRole('button', { name: 'Increase text size', exact: true }).click();
await toolbar.getByRole('button', { name: 'High contrast', exact: true }).click();
await page.waitForTimeout(300);
await page.screenshot({ path: path.join(out, 'after.png') });
console.log(`Wrote ${path.join(out, 'before.png')} (the page as it is) and ${path.join(out, 'after.png')} (150 % text, high contrast).`);
await context.close();
