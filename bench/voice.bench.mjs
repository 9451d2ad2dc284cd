/**
 * Benchmark of the built-in voice (issue #9) in real headless Chromium with no system voices:
 * click → first sound (cold and warm, heard from the browser's audio output through a
 * PulseAudio null sink), real-time factor of synthesis in the offscreen document, memory while
 * reading a 20,000-word page, and the size of the built-in voice in the package.
 *
 * `benchVoice()` returns rows `{ name, value, unit }` (run by `npm run bench`). Needs a build (DEDE_OUT_DIR or .output),
 * /usr/bin/chromium, pulseaudio and pulseaudio-utils.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { fixtureFile, routeFixtures } from '../tests/fixtures/serve.mjs';
import { soundOnset } from '../features/read-aloud/builtin/node-synth.ts';
import { AUDIO_RATE, startAudioSink } from '../tests/e2e/harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXTENSION_DIR = path.resolve(ROOT, process.env.DEDE_OUT_DIR ?? '.output', 'chrome-mv3');
const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const LONG = 'https://www.noip.gov.vn/tin-tuc/bench-20000-words.html';

/** The seed article's paragraphs, repeated to 20,000 words. */
function longPage() {
  const seed = readFileSync(fixtureFile(SEED), 'utf8');
  const paragraphs = [...seed.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim()).filter((p) => p.split(/\s+/).length > 15);
  let words = 0;
  const body = [];
  for (let i = 0; words < 20_000; i++) {
    const p = paragraphs[i % paragraphs.length];
    words += p.split(/\s+/).length;
    body.push(`<p>${p}</p>`);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bench</title></head><body><main><article><h1>Hội nghị điển hình tiên tiến: bản dài</h1>${body.join('\n')}</article></main></body></html>`;
}

/** Resident memory of the browser's extension processes (background, offscreen document), in MB. */
function extensionMemoryMb() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

const button = (page, name) => page.locator('dede-toolbar').getByRole('button', { name, exact: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Click → first sound, in ms: from the click as the page received it to the onset of sound in the
 * browser's audio output. The recording's sample count is the clock: read just before the click
 * is sent, it is corrected by how long the click took to reach the page (both wall clocks are
 * this machine's), and the onset is the first 5 ms of sound after it.
 */
async function clickToSound(page, recording, name, timeout = 10_000) {
  await page.evaluate(() => document.addEventListener('click', () => { globalThis.dedeBenchClickAt = Date.now(); }, { capture: true, once: true }));
  const from = recording.samples().length;
  const sentAt = Date.now();
  await button(page, name).click();
  let onset = -1;
  for (const t = Date.now(); onset < 0 && Date.now() - t < timeout; await sleep(10)) onset = soundOnset(recording.samples(), from, AUDIO_RATE);
  if (onset < 0) return Number.NaN;
  const clickedAt = await page.evaluate(() => globalThis.dedeBenchClickAt);
  return Math.round(((onset - from) / AUDIO_RATE) * 1000 - (clickedAt - sentAt));
}

function dirSize(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? dirSize(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size;
  return total;
}

function zipSize(dir, exclude = []) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'dede-zip-')), 'x.zip');
  execFileSync('zip', ['-q', '-r', '-9', out, '.', ...exclude.flatMap((x) => ['-x', x])], { cwd: dir });
  const size = statSync(out).size;
  rmSync(path.dirname(out), { recursive: true, force: true });
  return size;
}

/** Chromium with the extension, playing into `audio`, with no system voices at all. */
async function launchSilentVoices(audio, profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--mute-audio'],
    args: ['--headless=new', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
    env: { ...process.env, SPEECHD_ADDRESS: 'unix_socket:/nonexistent', ...audio.env },
  });
  await routeFixtures(context);
  return context;
}

const COLD_STARTS = 3;

export async function benchVoice() {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no build in ${EXTENSION_DIR}`);
  const rows = [];
  const audio = startAudioSink();
  // One recording throughout: the sink runs without a break, so its length is a clock.
  const recording = audio.record();
  const profiles = [];
  const profile = () => {
    profiles.push(mkdtempSync(path.join(tmpdir(), 'dede-bench-profile-')));
    return profiles.at(-1);
  };
  let context;
  try {
    // Cold: the first Read aloud of a browser session loads the engine; each start in a new browser.
    const colds = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      const fresh = await launchSilentVoices(audio, profile());
      const page = await fresh.newPage();
      await page.goto(SEED);
      await button(page, 'Read aloud').waitFor();
      await sleep(1000);
      colds.push(await clickToSound(page, recording, 'Read aloud'));
      await button(page, 'Stop reading').click();
      await fresh.close();
    }
    colds.sort((a, b) => a - b);
    rows.push({ name: `built-in voice: click → first sound, cold (median of ${COLD_STARTS} browser starts)`, value: colds[Math.floor(COLD_STARTS / 2)], unit: 'ms' });

    context = await launchSilentVoices(audio, profile());
    const long = longPage();
    await context.route(LONG, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: long }));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(SEED);
    await button(page, 'Read aloud').waitFor();
    await sleep(1000);
    // The first reading of this browser loads the engine; let it play a while.
    await button(page, 'Read aloud').click();
    await sleep(6000);
    await button(page, 'Stop reading').click();

    // Warm: the engine is loaded; median of five.
    const warm = [];
    for (let i = 0; i < 5; i++) {
      await sleep(700);
      warm.push(await clickToSound(page, recording, 'Read aloud'));
      await sleep(400);
      await button(page, 'Stop reading').click();
    }
    warm.sort((a, b) => a - b);
    rows.push({ name: 'built-in voice: click → first sound, warm (median of 5)', value: warm[2], unit: 'ms' });

    // Sentences read to their end, for the synthesis figures: a while of uninterrupted reading.
    await button(page, 'Read aloud').click();
    await sleep(20_000);
    await button(page, 'Stop reading').click();
    const stats = await worker.evaluate(() => globalThis.dedeBuiltinStats ?? []);
    // Sentences read to their end; the first one after the engine loaded also waited for the load.
    const full = stats.filter((s) => s.seconds > 1 && !s.load);
    const rtf = full.reduce((a, s) => a + s.synthMs, 0) / 1000 / full.reduce((a, s) => a + s.seconds, 0);
    rows.push({ name: `built-in voice: real-time factor (synthesis time / audio time, ${full.length} sentences)`, value: Number(rtf.toFixed(3)), unit: 'x' });
    const firstChunk = full.map((s) => s.firstChunkMs).sort((a, b) => a - b);
    rows.push({ name: 'built-in voice: sentence request → first chunk, median', value: firstChunk[Math.floor(firstChunk.length / 2)] ?? Number.NaN, unit: 'ms' });

    // Memory while reading a 20,000-word page: skip through sentences with "Next sentence".
    await page.close();
    const longTab = await context.newPage();
    await longTab.goto(LONG);
    await button(longTab, 'Read aloud').waitFor();
    await button(longTab, 'Read aloud').click();
    await sleep(2000);
    rows.push({ name: 'built-in voice: extension processes memory, 20,000-word page, reading start', value: Math.round(extensionMemoryMb()), unit: 'MB' });
    // Flat means it stops growing: two equal stretches of sentences, each measured after it.
    const nextButton = button(longTab, 'Next sentence');
    for (const upTo of [150, 300]) {
      for (let i = 0; i < 150; i++) {
        await nextButton.click();
        await sleep(120);
      }
      await sleep(1500);
      rows.push({ name: `built-in voice: extension processes memory, after ${upTo} more sentences`, value: Math.round(extensionMemoryMb()), unit: 'MB' });
    }
    await button(longTab, 'Stop reading').click();

    // Package size.
    const packed = zipSize(EXTENSION_DIR);
    const without = zipSize(EXTENSION_DIR, ['builtin/*', 'offscreen.html', 'chunks/offscreen-*', 'assets/synth.worker-*']);
    rows.push({ name: 'package (zip -9), with the built-in voice', value: Math.round(packed / 1024), unit: 'KiB' });
    rows.push({ name: 'package (zip -9), without the built-in voice', value: Math.round(without / 1024), unit: 'KiB' });
    rows.push({ name: 'unpacked extension', value: Math.round(dirSize(EXTENSION_DIR) / 1024), unit: 'KiB' });
  } finally {
    await context?.close();
    audio.stop();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
