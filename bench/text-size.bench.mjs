/**
 * Benchmark of the text-size feature on generated government-style pages of 1k, 10k and 50k
 * elements, in real Chromium.
 *
 * Method (chosen for honesty and repeatability): `features/text-size/index.ts` is bundled for the
 * page with rolldown (the bundler vite 8 ships; there is no esbuild in node_modules) and loaded
 * into a plain page, where `createTextSize(document).apply(...)` is called directly — the same
 * code the content script runs, without the extension's storage round trip (whose latency is
 * Chromium's, not ours). Each figure is the time, measured in the page with `performance.now()`,
 * from the call until the page is laid out at the new size: the call itself (read the page's
 * rules, measure and tag what they cannot say, repair passes — which force their own layouts) plus a final forced layout
 * (`document.body.offsetHeight`) so the style recalculation and layout our change causes are
 * counted, not deferred to the next frame. Every run uses a fresh page; the median of RUNS runs
 * is reported.
 *
 * Rows:
 * - `first apply 200% @N`: the first apply on an untouched page (walk + measure + tag + repair);
 * - `rescale 200%→300% @N`: a change of factor on a page already measured (what a reader does
 *   with the + button);
 * - `remove @N`: turning it off;
 * - `reference: page relayout at 2× font`: the same page's own style recalculation and layout when
 *   its body font size is doubled, without Dễ Đọc — the floor any method pays; compare with it
 *   when the machine is loaded;
 * - `first apply per 1k elements, 10k→50k`: the slope, to show growth is linear;
 * - `… @10k, stylesheet from another origin`: the same page with its stylesheet linked from
 *   another origin, whose rules Chromium does not let an extension read: text is then measured
 *   element by element (as on CDN-hosted portals);
 * - `first apply …: script` and `…: style and layout it forces`: the first apply's time split by
 *   the browser's own counters (CDP Performance.getMetrics), as DevTools splits Scripting from
 *   Rendering.
 *
 * `benchTextSize({ launch })`: `launch()` may return a harness Session (`{ context, close }`) or
 * a Playwright BrowserContext; without it, Chromium is launched here (playwright-core,
 * /usr/bin/chromium, headless). `node bench/text-size.bench.mjs` prints the rows.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForPage } from '../tests/support/bundle.mjs';

const SIZES = [1_000, 10_000, 50_000];
const RUNS = 5;

export function bundleTextSize() {
  return bundleForPage('features/text-size/index.ts', 'DedeTextSize');
}

/** The generated page's stylesheet: fixed 1000px layout, px fonts, fixed boxes. */
const PAGE_CSS = `
body { margin: 0; font: 12px/18px Arial, sans-serif; min-width: 1000px; }
#container { width: 1000px; margin: 0 auto; overflow: hidden; }
#side { float: left; width: 200px; font-size: 11px; }
#content { float: left; width: 780px; padding: 0 10px; }
h2 { font-size: 15px; line-height: 20px; }
p { text-align: justify; }
li { font-size: 1.1em; }
.teaser { height: 18px; overflow: hidden; }
`;

/** A ministry-style page with about `count` elements; its stylesheet in the page, or linked from `cssHref`. */
export function generatePage(count, cssHref) {
  const unit = (i) =>
    `<section><h2>${i}. Mục ${i}: Tình hình triển khai</h2>` +
    `<p>Theo báo cáo số ${i}/BC-UBND, tỷ lệ hồ sơ trực tuyến đạt 80%, <a href="#">xem chi tiết</a> và <strong>kết quả</strong> được đánh giá cao.</p>` +
    `<ul><li>Chỉ tiêu ${i}.1 đạt</li><li>Chỉ tiêu ${i}.2 vượt</li></ul>` +
    `<div class="teaser"><span>Tin liên quan ${i}: hội nghị trực tuyến toàn quốc về cải cách hành chính</span></div></section>`;
  const units = Math.max(1, Math.round(count / 10)); // 10 elements a unit
  const body = Array.from({ length: units }, (_, i) => unit(i + 1)).join('');
  const css = cssHref ? `<link rel="stylesheet" href="${cssHref}">` : `<style>${PAGE_CSS}</style>`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Bench</title>${css}</head><body><div id="container"><div id="side">Chuyên mục</div><div id="content">${body}</div></div></body></html>`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function openContext(launch) {
  if (launch) {
    const session = await launch();
    const context = session.context ?? session;
    return { context, close: () => (session.close ? session.close() : context.close()) };
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, close: () => browser.close() };
}

/** Where the generated page's stylesheet comes from, when not from the page itself. */
const CDN_CSS = 'https://cdn.bench.example/theme.css';

/** One fresh page, timed: the first apply (split by the browser's counters), a rescale, a remove, and the page's own relayout. */
async function timeOnce(page, cdp, code, html) {
  await page.setContent(html);
  await page.addScriptTag({ content: code });
  const t = await page.evaluate(() => {
    window.benchSettings = (scale) => ({ textScale: scale, textSpacing: false, readingWidth: false, leftAlign: false, font: 'page' });
    void document.body.offsetHeight; // the page is laid out before we start
    window.benchTimed = (fn) => {
      const t0 = performance.now();
      fn();
      void document.body.offsetHeight;
      return performance.now() - t0;
    };
    // Reference: one full style recalculation and layout of the same page at twice the size,
    // without Dễ Đọc (the floor for any way of doubling the text), then back.
    const reference = window.benchTimed(() => (document.body.style.fontSize = '24px'));
    window.benchTimed(() => (document.body.style.fontSize = ''));
    window.benchFeature = window.DedeTextSize.createTextSize(document);
    return { reference };
  });
  // The first apply runs as a page script, so the browser's own counters split its time into
  // script and the style and layout work it forces (what DevTools shows as Scripting and
  // Rendering).
  const before = await metrics(cdp);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.benchFirst = window.benchTimed(() => window.benchFeature.apply(window.benchSettings(2)));';
    document.head.append(script);
  });
  const after = await metrics(cdp);
  const rest = await page.evaluate(() => ({
    first: window.benchFirst,
    rescale: window.benchTimed(() => window.benchFeature.apply(window.benchSettings(3))),
    remove: window.benchTimed(() => window.benchFeature.remove()),
    elements: document.getElementsByTagName('*').length,
  }));
  return {
    ...t,
    ...rest,
    script: (after.ScriptDuration - before.ScriptDuration) * 1000,
    rendering: (after.RecalcStyleDuration - before.RecalcStyleDuration + after.LayoutDuration - before.LayoutDuration) * 1000,
  };
}

export async function benchTextSize({ launch } = {}) {
  const code = await bundleTextSize();
  const { context, close } = await openContext(launch);
  const rows = [];
  const firstApply = {};
  try {
    await context.route(CDN_CSS, (route) => route.fulfill({ body: PAGE_CSS, headers: { 'content-type': 'text/css' } }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const variants = [
      ...SIZES.map((size) => ({ size, label: `${size / 1000}k`, html: generatePage(size) })),
      // The same page with its stylesheet on another origin, whose rules Chromium keeps from the
      // extension: text is measured element by element.
      { size: 10_000, label: '10k, stylesheet from another origin', html: generatePage(10_000, CDN_CSS), apart: true },
    ];
    for (const { size, label, html, apart } of variants) {
      const runs = { reference: [], first: [], rescale: [], remove: [], script: [], rendering: [] };
      let elements = 0;
      for (let run = 0; run < RUNS; run++) {
        const t = await timeOnce(page, cdp, code, html);
        for (const key of Object.keys(runs)) runs[key].push(t[key]);
        elements = t.elements;
      }
      if (!apart) firstApply[size] = median(runs.first);
      rows.push({ name: `text-size first apply 200% @${label} (${elements} elements)`, value: round(median(runs.first)), unit: 'ms' });
      rows.push({ name: `text-size first apply 200% @${label}: script`, value: round(median(runs.script)), unit: 'ms', goal: size === 10_000 && !apart ? '≤ 16 ms' : undefined });
      rows.push({ name: `text-size first apply 200% @${label}: style and layout it forces`, value: round(median(runs.rendering)), unit: 'ms' });
      rows.push({ name: `text-size rescale 200%→300% @${label}`, value: round(median(runs.rescale)), unit: 'ms' });
      rows.push({ name: `text-size remove @${label}`, value: round(median(runs.remove)), unit: 'ms' });
      if (!apart) rows.push({ name: `reference: page relayout at 2× font, no extension @${label}`, value: round(median(runs.reference)), unit: 'ms' });
    }
    const per = (n) => firstApply[n] / (n / 1000);
    rows.push({ name: 'text-size first apply per 1k elements @10k', value: round(per(10_000)), unit: 'ms' });
    rows.push({ name: 'text-size first apply per 1k elements @50k', value: round(per(50_000)), unit: 'ms' });
    await page.close();
  } finally {
    await close();
  }
  return rows;
}

const round = (v) => Math.round(v * 100) / 100;

/** The page's cumulative time counters (seconds): script, style recalculation, layout. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await benchTextSize();
  for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
