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
import { CHROMIUM_PATH, EXTENSION_DIR, ROOT, extensionWorker, launchChromium } from '../tests/support/chromium.mjs';
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

/**
 * What pages run. Nothing from the manifest; the page-start script the background registers where
 * something is on; the reader it runs once a page has loaded.
 */
const PAGE_SCRIPTS: [file: string, when: string, goal?: string][] = [
  ['content-scripts/content.js', 'page-start: from document_start where the text is changed, after load where only contrast is on', '≤ 25 kB'],
  ['content-scripts/reader.js', 'reader, top frame, after load'],
];

function sizes(): Row[] {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
  const inManifest = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  if (inManifest.length) throw new Error(`the manifest has content scripts again: ${inManifest.join()}`);
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

/** Quiet time before each measured load, so none starts while the previous page is torn down. */
const SETTLE_MS = 300;

/**
 * RUNS loads of each kind after one warm-up each, interleaved so all see the same machine, in an
 * order that rotates every round, so no kind always follows the same other one.
 */
async function interleaved<K extends string>(loads: Record<K, () => Promise<{ dcl: number; load: number }>>, runs: Record<K, { dcl: number; load: number }[]>) {
  const kinds = Object.keys(loads) as K[];
  for (const kind of kinds) await loads[kind]();
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < kinds.length; j++) {
      const kind = kinds[(i + j) % kinds.length]!;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      runs[kind].push(await loads[kind]());
    }
  }
}

/**
 * The same page under a host Dễ Đọc does not run on (www.noip.gov.vn → www-noip-gov-vn.example,
 * or www-noip-gov-vn-2.example for `second`), answered with the same bytes: the "without" of a
 * comparison inside one browser. Two such hosts compared show the measurement's own scatter.
 */
const elsewhere = (url: string, second = false) =>
  url.replace(/^https:\/\/([^/]+)/, (_, host: string) => `https://${host.replace(/\./g, '-')}${second ? '-2' : ''}.example`);

async function serveElsewhere(context: BrowserContext, hosts: string[], pages: Record<string, string>) {
  for (const host of hosts) {
    await context.route(new RegExp(`^https://${host.replace(/\./g, '-')}(?:-2)?\\.example/`), (route) => {
      const real = route.request().url().replace(/^https:\/\/[^/]+/, `https://${host}`);
      const page = pages[real];
      const response = page ? { body: page, headers: { 'content-type': 'text/html; charset=utf-8' } } : fixtureResponse(real);
      return response ? route.fulfill({ status: 200, ...response }) : route.abort();
    });
  }
}

/** Trace categories that show script, extension injection and the page's load event. */
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'extensions', 'disabled-by-default-devtools.timeline'];
const TRACED_RUNS = 5;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { frame?: string; fileName?: string; data?: { url?: string; documentLoaderURL?: string }; chrome_extension_id?: { extension_id?: string } };
}

/** The union of [start, end] intervals, split at `at`: how much lies before it and after it. */
function unionSplit(intervals: (readonly [number, number])[], at: number): { before: number; after: number } {
  let before = 0;
  let after = 0;
  let [from, to] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const add = (a: number, b: number) => {
    before += Math.max(0, Math.min(b, at) - a);
    after += Math.max(0, b - Math.max(a, at));
  };
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (a > to) {
      if (to > from) add(from, to);
      [from, to] = [a, b];
    } else to = Math.max(to, b);
  }
  if (to > from) add(from, to);
  return { before, after };
}

interface TracedLoad {
  /** Dễ Đọc's own tasks before the page's load event, in ms. */
  beforeLoad: number;
  /** The same from the load event until the toolbar is there. */
  afterLoad: number;
  /** Everything the page's main thread did before its load event (its tasks), in ms. */
  busyBeforeLoad: number;
  /** Of that, style recalculation (where a theme sheet's cost shows), in ms. */
  styleBeforeLoad: number;
}

/**
 * One traced load of `url`. Dễ Đọc's own tasks are the extension events of its id (script
 * injection, isolated-world setup, API calls) and script evaluation, compilation and calls from
 * its files, counted once where they nest. What the page's own style and layout work costs more
 * because of Dễ Đọc (a theme sheet to match) is not in them, but is in the main thread's busy time.
 * With `toolbar`, the page stays open until Dễ Đọc's toolbar is there.
 */
async function tracedLoad(context: BrowserContext, extensionId: string, url: string, toolbar: boolean): Promise<TracedLoad> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] }, transferMode: 'ReturnAsStream' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (toolbar) await page.locator('dede-toolbar').getByRole('toolbar').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const chunks: Buffer[] = [];
  for (let eof = false; !eof; ) {
    const chunk = await cdp.send('IO.read', { handle: stream!, size: 1 << 20 });
    chunks.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
    eof = chunk.eof;
  }
  await cdp.send('IO.close', { handle: stream! });
  await cdp.detach();
  await page.close();
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

  const nav = events.findLast((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  if (!nav) throw new Error(`no navigation to ${url} in the trace`);
  const onMain = (e: TraceEvent) => e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts && e.ph === 'X' && e.dur !== undefined;
  const load = events.find((e) => e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts && e.name === 'loadEventStart' && e.args?.frame === nav.args?.frame);
  if (!load) throw new Error(`no load event for ${url} in the trace`);
  const ours = `chrome-extension://${extensionId}/`;
  const span = (e: TraceEvent) => [e.ts, e.ts + e.dur!] as const;
  const own = unionSplit(
    events
      .filter(onMain)
      .filter((e) => (e.cat.split(',').includes('extensions') && e.args?.chrome_extension_id?.extension_id === extensionId) || (e.args?.data?.url ?? e.args?.fileName ?? '').startsWith(ours))
      .map(span),
    load.ts,
  );
  const busy = unionSplit(events.filter((e) => onMain(e) && e.name === 'RunTask').map(span), load.ts);
  const style = unionSplit(events.filter((e) => onMain(e) && e.name === 'UpdateLayoutTree').map(span), load.ts);
  return { beforeLoad: own.before / 1000, afterLoad: own.after / 1000, busyBeforeLoad: busy.before / 1000, styleBeforeLoad: style.before / 1000 };
}

/**
 * Page-load overhead, median of RUNS interleaved runs after one warm-up, two ways:
 * - one browser with the extension, the page where Dễ Đọc runs against the same page on a host it
 *   does not run on: what Dễ Đọc costs a page, with everything else equal;
 * - a browser with the extension against one without it: also counts what merely having the
 *   extension installed costs, and differences between two browser processes (noisier).
 * Then, with contrast on for the two sites, and with bigger text, the first way again. And Dễ Đọc's
 * own main-thread time in each page, from a trace of TRACED_RUNS loads (median), with nothing on
 * and with each feature on.
 */
async function pageLoad(): Promise<Row[]> {
  const bigUrl = 'https://bench.gov.vn/10k.html';
  const pages = { [bigUrl]: generatedPage(10_000) };
  const urls = [SEED, bigUrl];
  const label = (url: string) => (url === SEED ? 'seed page' : '10k-element page');
  const rows: Row[] = [];
  const withExt = await launchChromium();
  const withoutExt = await launchChromium({ extension: false });
  for (const { context } of [withExt, withoutExt]) await serveGenerated(context, pages);
  await serveElsewhere(withExt.context, urls.map((u) => new URL(u).host), pages);
  const worker = await extensionWorker(withExt.context);
  const extensionId = new URL(worker.url()).host;
  type Times = { dcl: number; load: number };
  /** Ratio rows for a goal; without one (`scatter`), only the ratio, which shows the noise. */
  const ratioRows = (name: string, how: string, a: Times[], b: Times[], scatter = false) => {
    for (const metric of ['dcl', 'load'] as const) {
      const event = metric === 'dcl' ? 'DOMContentLoaded' : 'load';
      const ma = median(a.map((r) => r[metric]));
      const mb = median(b.map((r) => r[metric]));
      rows.push({ name: `${name}: ${event} ${how}`, value: round(ma / mb, 3), unit: 'ratio', ...(scatter ? {} : { goal: '≤ 1.02' }) });
      if (!scatter) rows.push({ name: `${name}: ${event} median, Dễ Đọc running · not`, value: round(ma, 1), unit: `ms (· ${round(mb, 1)})` });
    }
  };
  const traceRows = (name: string, goal?: string) => async (url: string) => {
    const traced: TracedLoad[] = [];
    const other: TracedLoad[] = [];
    for (let i = 0; i < TRACED_RUNS; i++) {
      traced.push(await tracedLoad(withExt.context, extensionId, url, true));
      other.push(await tracedLoad(withExt.context, extensionId, elsewhere(url), false));
    }
    rows.push({ name: `${label(url)}, ${name}: Dễ Đọc's main-thread time in the page before its load event (trace, median of ${TRACED_RUNS})`, value: round(median(traced.map((t) => t.beforeLoad)), 1), unit: 'ms', ...(goal ? { goal } : {}) });
    rows.push({ name: `${label(url)}, ${name}: the same after the load event, until the toolbar is there`, value: round(median(traced.map((t) => t.afterLoad)), 1), unit: 'ms' });
    const busy = median(traced.map((t) => t.busyBeforeLoad));
    const busyElsewhere = median(other.map((t) => t.busyBeforeLoad));
    rows.push({ name: `${label(url)}, ${name}: the page's main-thread busy time before its load event, with / without Dễ Đọc, same browser (trace)`, value: round(busy / busyElsewhere, 3), unit: 'ratio', goal: '≤ 1.02' });
    rows.push({ name: `${label(url)}, ${name}: the same busy time, Dễ Đọc running · not`, value: round(busy, 1), unit: `ms (· ${round(busyElsewhere, 1)})` });
    const style = median(traced.map((t) => t.styleBeforeLoad));
    const styleElsewhere = median(other.map((t) => t.styleBeforeLoad));
    rows.push({ name: `${label(url)}, ${name}: of it, style recalculation, Dễ Đọc running · not (trace)`, value: round(style, 1), unit: `ms (· ${round(styleElsewhere, 1)})` });
  };

  for (const url of urls) {
    const runs = { running: [] as Times[], elsewhere: [] as Times[], again: [] as Times[], without: [] as Times[] };
    const load = {
      running: () => loadTimes(withExt.context, url, true),
      elsewhere: () => loadTimes(withExt.context, elsewhere(url)),
      again: () => loadTimes(withExt.context, elsewhere(url, true)),
      without: () => loadTimes(withoutExt.context, url),
    };
    await interleaved(load, runs);
    ratioRows(label(url), 'with / without Dễ Đọc, same browser', runs.running, runs.elsewhere);
    // Nothing differs but the host name: how far apart two equal loads come out on this machine.
    ratioRows(label(url), 'without / without (two hosts where Dễ Đọc does not run: the scatter of the measurement)', runs.again, runs.elsewhere, true);
    ratioRows(label(url), 'with / without the extension, two browsers', runs.running, runs.without);
  }
  await withoutExt.context.close();
  for (const url of urls) await traceRows('nothing on', '0 ms')(url);

  // Then each feature on for both sites, as "this site only" stores it: contrast alone (the early
  // theme sheet from document_start, the page-start script after the load event), and bigger text
  // (the page-start script from document_start).
  const registered = () => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((l) => l.map((s) => s.id)));
  const features = [
    { name: 'contrast on for the site', site: { contrast: true }, ready: (ids: string[]) => ids.some((id) => id.startsWith('dede-contrast-')) },
    { name: 'text 125 % for the site', site: { textScale: 1.25 }, ready: (ids: string[]) => ids.includes('dede-page') },
  ];
  for (const feature of features) {
    const items = Object.fromEntries(urls.map((u) => [`site:${new URL(u).hostname.replace(/^www\./, '')}`, feature.site]));
    await worker.evaluate((items) => chrome.storage.sync.set(items), items);
    await until(registered, feature.ready, 10_000, `registered for ${feature.name}`);
    for (const url of urls) {
      const runs = { running: [] as Times[], elsewhere: [] as Times[] };
      await interleaved({ running: () => loadTimes(withExt.context, url, true), elsewhere: () => loadTimes(withExt.context, elsewhere(url)) }, runs);
      ratioRows(`${label(url)}, ${feature.name}`, 'with / without Dễ Đọc, same browser', runs.running, runs.elsewhere);
    }
    for (const url of urls) await traceRows(feature.name)(url);
    await worker.evaluate((keys) => chrome.storage.sync.remove(keys), Object.keys(items));
    await until(registered, (ids) => ids.length === 0, 10_000, 'nothing registered');
  }
  await withExt.context.close();
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
