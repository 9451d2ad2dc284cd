/**
 * `npm run bench`: the speed and size figures users compare, measured in real headless Chromium.
 * Prints a table and writes bench/results.json. Medians and ratios, never single timings.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fixtureResponse, routeFixtures } from '../tests/fixtures/serve.mjs';
import { CHROMIUM_PATH, EXTENSION_DIR, ROOT, launchChromium } from '../tests/support/chromium.mjs';
import { launch, startSpeechDaemon, toolbarButton, until } from '../tests/e2e/harness';

export interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

const SEED = 'https://www.noip.gov.vn/tin-tuc/hoi-nghi-dien-hinh-tien-tien.html';
const RUNS = 20;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A generated government-style page of about `elements` elements / `words` words. */
function generatedPage(elements: number, wordsPerParagraph = 12): string {
  const sentence = 'Cục Sở hữu trí tuệ tổ chức hội nghị tổng kết công tác thi đua khen thưởng giai đoạn 2015-2019 tại Hà Nội.';
  const words = sentence.split(' ');
  const para = (i: number) => `<p>${Array.from({ length: wordsPerParagraph }, (_, j) => words[(i + j) % words.length]).join(' ')} <a href="#${i}">liên kết</a>.</p>`;
  const items: string[] = [];
  for (let i = 0; items.length * 2 < elements; i++) items.push(para(i));
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang lớn</title><style>body{font:13px Arial;color:#555} p{margin:4px 0}</style></head><body><nav><a href="/">Trang chủ</a></nav><article><h1>Trang thử nghiệm lớn</h1>${items.join('')}</article><footer>Bản quyền</footer></body></html>`;
}

async function serveGenerated(context: BrowserContext, pages: Record<string, string>) {
  await routeFixtures(context);
  for (const [url, html] of Object.entries(pages)) {
    await context.route(url, (route) => route.fulfill({ body: html, headers: { 'content-type': 'text/html; charset=utf-8' } }));
  }
}

/** What pages run: the loader from the manifest; the page-start and reader scripts the background runs. */
const PAGE_SCRIPTS: [file: string, when: string, goal?: string][] = [
  ['loader.js', 'manifest, top frame, document_start'],
  ['content-scripts/content.js', 'page-start, document_start, where something is on', '≤ 25 kB'],
  ['content-scripts/reader.js', 'reader, top frame, after load'],
];

function sizes(): Row[] {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const inManifest = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  if (inManifest.join() !== 'loader.js') throw new Error(`the manifest's content scripts changed: ${inManifest.join()}`);
  const rows: Row[] = [];
  for (const [file, when, goal] of PAGE_SCRIPTS) {
    const bytes = readFileSync(path.join(EXTENSION_DIR, file));
    rows.push({ name: `${file} (${when}) raw`, value: round(bytes.length / 1024, 1), unit: 'kB' });
    rows.push({ name: `${file} (${when}) gzip`, value: round(gzipSync(bytes).length / 1024, 1), unit: 'kB', ...(goal ? { goal } : {}) });
  }
  const total = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? total(path.join(dir, e.name)) : readFileSync(path.join(dir, e.name)).length), 0);
  rows.push({ name: 'whole unpacked extension', value: round(total(EXTENSION_DIR) / 1024 / 1024, 2), unit: 'MB' });
  return rows;
}

/**
 * One page load's DOMContentLoaded and load. Where Dễ Đọc runs, the page stays open until its
 * toolbar is there: what Dễ Đọc does after the load must not land on the next page's load (a tab
 * of the same site shares its process).
 */
async function loadTimes(context: BrowserContext, url: string, toolbar = false): Promise<{ dcl: number; load: number }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const t = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return { dcl: nav!.domContentLoadedEventEnd, load: nav!.loadEventEnd };
  });
  if (toolbar) {
    await page.locator('dede-toolbar').getByRole('toolbar').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
  }
  await page.close();
  return t;
}

/**
 * The same page under a host Dễ Đọc does not run on (www.noip.gov.vn → www-noip-gov-vn.example),
 * answered with the same bytes: the "without" of a comparison inside one browser.
 */
const elsewhere = (url: string) => url.replace(/^https:\/\/([^/]+)/, (_, host: string) => `https://${host.replace(/\./g, '-')}.example`);

async function serveElsewhere(context: BrowserContext, hosts: string[], pages: Record<string, string>) {
  for (const host of hosts) {
    await context.route(`https://${host.replace(/\./g, '-')}.example/**`, (route) => {
      const real = route.request().url().replace(/^https:\/\/[^/]+/, `https://${host}`);
      const page = pages[real];
      const response = page ? { body: page, headers: { 'content-type': 'text/html; charset=utf-8' } } : fixtureResponse(real);
      return response ? route.fulfill({ status: 200, ...response }) : route.abort();
    });
  }
}

/**
 * Page-load overhead, median of RUNS interleaved runs after one warm-up, two ways:
 * - one browser with the extension, the page where Dễ Đọc runs against the same page on a host it
 *   does not run on: what Dễ Đọc costs a page, with everything else equal;
 * - a browser with the extension against one without it: also counts what merely having the
 *   extension installed costs, and differences between two browser processes (noisier).
 */
async function pageLoad(): Promise<Row[]> {
  const bigUrl = 'https://bench.gov.vn/10k.html';
  const pages = { [bigUrl]: generatedPage(10_000) };
  const rows: Row[] = [];
  const withExt = await launchChromium();
  const withoutExt = await launchChromium({ extension: false });
  for (const { context } of [withExt, withoutExt]) await serveGenerated(context, pages);
  await serveElsewhere(withExt.context, [new URL(SEED).host, new URL(bigUrl).host], pages);
  const ratioRows = (label: string, how: string, a: { dcl: number; load: number }[], b: { dcl: number; load: number }[]) => {
    for (const metric of ['dcl', 'load'] as const) {
      const name = metric === 'dcl' ? 'DOMContentLoaded' : 'load';
      const ma = median(a.map((r) => r[metric]));
      const mb = median(b.map((r) => r[metric]));
      rows.push({ name: `${label}: ${name} ${how}`, value: round(ma / mb, 3), unit: 'ratio', goal: '≤ 1.02' });
      rows.push({ name: `${label}: ${name} median, Dễ Đọc running · not`, value: round(ma, 1), unit: `ms (· ${round(mb, 1)})` });
    }
  };
  for (const url of [SEED, bigUrl]) {
    const label = url === SEED ? 'seed page' : '10k-element page';
    const runs = { running: [] as { dcl: number; load: number }[], elsewhere: [] as { dcl: number; load: number }[], without: [] as { dcl: number; load: number }[] };
    // Interleaved, after one warm-up each, so all see the same machine.
    await loadTimes(withExt.context, url, true);
    await loadTimes(withExt.context, elsewhere(url));
    await loadTimes(withoutExt.context, url);
    for (let i = 0; i < RUNS; i++) {
      runs.running.push(await loadTimes(withExt.context, url, true));
      runs.elsewhere.push(await loadTimes(withExt.context, elsewhere(url)));
      runs.without.push(await loadTimes(withoutExt.context, url));
    }
    ratioRows(label, 'with / without Dễ Đọc, same browser', runs.running, runs.elsewhere);
    ratioRows(label, 'with / without the extension, two browsers', runs.running, runs.without);
  }
  await withExt.context.close();
  await withoutExt.context.close();
  return rows;
}

async function heap(): Promise<Row[]> {
  const used = async (extension: boolean) => {
    const { context } = await launchChromium({ extension });
    await routeFixtures(context);
    const page = await context.newPage();
    await page.goto(SEED, { waitUntil: 'load' });
    if (extension) await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      samples.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
    }
    await context.close();
    return median(samples);
  };
  const withExt = await used(true);
  const withoutExt = await used(false);
  return [{ name: 'JS heap added on the seed page (content scripts, after GC)', value: round((withExt - withoutExt) / 1024 / 1024, 2), unit: 'MB' }];
}

/** Evaluates an expression in the content scripts' isolated world of a page (over CDP). */
async function inContentScripts(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && (c.auxData as { frameId?: string }).frameId === frameTree.frame.id && c.origin.startsWith('chrome-extension://'),
  );
  if (!world) throw new Error('no content-script world');
  const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
  await cdp.detach();
  return result.value;
}

async function firstUtterance(): Promise<Row[]> {
  const longUrl = 'https://bench.gov.vn/20k-words.html';
  const speech = startSpeechDaemon();
  const session = await launch({ speech });
  await session.context.route(longUrl, (route) => route.fulfill({ body: generatedPage(3400, 12), headers: { 'content-type': 'text/html; charset=utf-8' } }));
  const rows: Row[] = [];
  for (const [label, url, goal] of [['seed article', SEED, '≤ 150 ms'], ['20,000-word page', longUrl, '≤ 300 ms']] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await session.open(url);
      await page.locator('dede-toolbar').getByRole('toolbar').waitFor();
      // The click and the mark are read on the content scripts' own clock.
      await toolbarButton(page, 'Read aloud').hover();
      await inContentScripts(page, `document.addEventListener('click', () => { globalThis.dedeBenchClick = performance.now(); }, { capture: true, once: true })`);
      await toolbarButton(page, 'Read aloud').click();
      const elapsed = await until(
        () => inContentScripts(page, `(performance.getEntriesByName('dede:first-utterance')[0]?.startTime ?? NaN) - globalThis.dedeBenchClick`) as Promise<number>,
        (v) => Number.isFinite(v),
        10_000,
        'first utterance',
      );
      times.push(elapsed);
      await toolbarButton(page, 'Stop reading').click();
      await page.close();
    }
    rows.push({ name: `click → first utterance handed to the engine, ${label} (median of 5)`, value: round(median(times), 1), unit: 'ms', goal });
  }
  const words = generatedPage(3400, 12).replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
  rows.push({ name: 'words on the long page', value: words, unit: 'words' });
  await session.close();
  speech.stop();
  return rows;
}

/** Modules contributed per feature: bench/<name>.bench.mjs exporting `bench…` functions that return rows. */
async function featureBenches(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const file of readdirSync(path.join(ROOT, 'bench')).filter((f) => f.endsWith('.bench.mjs')).sort()) {
    const mod = (await import(path.join(ROOT, 'bench', file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (name.startsWith('bench') && typeof fn === 'function') rows.push(...((await fn()) as Row[]));
    }
  }
  return rows;
}

test('benchmark', async () => {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build first: npm run build');
  const sections: [string, () => Promise<Row[]> | Row[]][] = [
    ['Size', sizes],
    ['Page load', pageLoad],
    ['Memory', heap],
    ['Read aloud', firstUtterance],
    ['Features', featureBenches],
  ];
  // BENCH_ONLY=<section> measures one section (e.g. "Read aloud").
  const only = process.env.BENCH_ONLY;
  const results: Record<string, Row[]> = {};
  for (const [title, run] of sections.filter(([t]) => !only || t === only)) {
    results[title] = await run();
    console.log(`\n${title}`);
    console.table(results[title].map((r) => ({ measure: r.name, value: r.value, unit: r.unit, goal: r.goal ?? '' })));
  }
  // One section measured: the others keep their last figures.
  const file = path.join(ROOT, 'bench/results.json');
  const previous = only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { results: Record<string, Row[]> }).results : {};
  const out = {
    measuredAt: new Date().toISOString(),
    chromium: (await import('node:child_process')).execFileSync(CHROMIUM_PATH ?? 'chromium', ['--version']).toString().trim(),
    results: { ...previous, ...results },
  };
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nWrote bench/results.json');
});
