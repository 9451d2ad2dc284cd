/**
 * Benchmark of the contrast feature in real Chromium (no extension needed).
 *
 * Method: features/contrast is bundled for the page with Vite (library mode, IIFE, in memory) and
 * injected into a generated page of N elements (articles with headings, paragraphs, links, lists,
 * tables; 1 in 50 with an inline `color: … !important`, 1 in 100 with a gradient background).
 * For each theme, on a fresh page:
 *   - apply (script): the time `createContrast(document).apply(settings)` takes in script;
 *   - style+layout: a forced style recalculation and layout right after (what the browser would
 *     do before the next frame), next to a baseline: the same page restyled by a bare
 *     `* { color; background-color }` sheet, which any colour theme costs;
 *   - scan: the total script time of the measured fixes (background images, opacity, shadow roots,
 *     frames), which run after the first frame in batches of ≤ 6 ms; the longest batch is reported.
 * Then, on the 10k page with a theme applied, the page adds 1000 nodes/s (16 every 16 ms) for
 * 3 s; the time of each mutation batch the observer processes is recorded.
 *
 * `node bench/contrast.bench.mjs` prints the rows; `benchContrast()` returns them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THEMES = ['black-on-white', 'white-on-black', 'yellow-on-black', 'soft'];
const SIZES = [1_000, 10_000, 50_000];

async function bundle() {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: true,
      lib: { entry: path.join(ROOT, 'features/contrast/index.ts'), formats: ['iife'], name: 'DedeContrast' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('bundle failed');
  return chunk.code;
}

/** A page of about `n` elements, shaped like a long government news listing. */
function pageHtml(n) {
  // Each block is 10 elements.
  const block = (i) => {
    const important = i % 5 === 0 ? ' style="color:#999 !important"' : '';
    const gradient = i % 10 === 0 ? ' style="background:linear-gradient(#fff,#eee)"' : '';
    return `<article${gradient}><h2>Tin số ${i}</h2><p${important}>Nội dung <a href="/tin/${i}">bài ${i}</a> với <strong>chữ đậm</strong> và <em>nghiêng</em>.</p><ul><li>Mục một</li><li>Mục hai</li></ul><span>19/06/2020</span></article>`;
  };
  const blocks = [];
  for (let i = 0; i < n / 10; i++) blocks.push(block(i));
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>body{font:14px Arial;color:#555;background:#fafafa} a{color:#39f} article{padding:4px;border-bottom:1px solid #ddd}</style></head><body>${blocks.join('')}</body></html>`;
}

export async function benchContrast() {
  const code = await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const rows = [];
  try {
    const fresh = async (html) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.setContent(html);
      await page.addScriptTag({ content: code });
      return page;
    };
    // One run first, not counted: the bundle's code is compiled and warmed up.
    const cases = [[1_000, THEMES[0], true], ...SIZES.flatMap((n) => THEMES.map((t) => [n, t, false]))];
    for (const [n, theme, warmUp] of cases) {
      {
        const page = await fresh(pageHtml(n));
        const r = await page.evaluate(
          (theme) =>
            new Promise((resolve) => {
              const batches = [];
              document.body.offsetHeight; // the page's own first layout, not ours
              const t0 = performance.now();
              const c = window.DedeContrast.createContrast(document, {
                onBatch: (ms) => batches.push(ms),
                onIdle: () => resolve({ apply, style, scan: batches.reduce((a, b) => a + b, 0), longest: Math.max(0, ...batches), batches: batches.length, elements: document.querySelectorAll('*').length }),
              });
              c.apply({ contrast: true, theme });
              const apply = performance.now() - t0;
              const t1 = performance.now();
              getComputedStyle(document.body).color;
              document.body.offsetHeight;
              const style = performance.now() - t1;
            }),
          theme,
        );
        await page.close();
        if (warmUp) continue;
        const label = `${(n / 1000).toString()}k elements, ${theme}`;
        if (process.env.BENCH_VERBOSE) console.error(label, JSON.stringify(r));
        rows.push({ name: `apply (script): ${label}`, value: round(r.apply), unit: 'ms' });
        rows.push({ name: `style+layout after apply: ${label}`, value: round(r.style), unit: 'ms' });
        rows.push({ name: `measured fixes, total script in ${r.batches} batches: ${label}`, value: round(r.scan), unit: 'ms' });
        rows.push({ name: `measured fixes, longest batch: ${label}`, value: round(r.longest), unit: 'ms' });
      }
    }

    // Baseline: what any colour theme costs the browser, a two-declaration sheet on the same pages.
    for (const n of SIZES) {
      const page = await fresh(pageHtml(n));
      const ms = await page.evaluate(() => {
        document.body.offsetHeight;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('* { color: #000 !important; background-color: #fff !important; }');
        const t = performance.now();
        document.adoptedStyleSheets = [sheet];
        document.body.offsetHeight;
        return performance.now() - t;
      });
      await page.close();
      rows.push({ name: `baseline style+layout, a bare 2-declaration colour sheet: ${n / 1000}k elements`, value: round(ms), unit: 'ms' });
    }

    // A dynamic page: 1000 nodes per second onto a themed 10k page.
    const page = await fresh(pageHtml(10_000));
    const m = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const batches = [];
          let settled = false;
          const c = window.DedeContrast.createContrast(document, {
            onBatch: (ms, elements) => settled && batches.push({ ms, elements }),
            onIdle: () => {
              if (settled) return;
              settled = true;
              let added = 0;
              const start = performance.now();
              const timer = setInterval(() => {
                for (let i = 0; i < 16; i++) {
                  const p = document.createElement('p');
                  p.textContent = `Tin mới ${added}`;
                  if (added % 10 === 0) p.style.background = 'linear-gradient(#fff, #ddd)';
                  document.body.appendChild(p);
                  added++;
                }
                if (performance.now() - start >= 3000) {
                  clearInterval(timer);
                  setTimeout(() => {
                    const flat = [...document.querySelectorAll('body > p')].filter((p) => p.style.background && !p.hasAttribute('data-dede-contrast')).length;
                    resolve({ batches, added, missed: flat });
                  }, 300);
                }
              }, 16);
            },
          });
          c.apply({ contrast: true, theme: 'yellow-on-black' });
        }),
    );
    const times = m.batches.map((b) => b.ms).sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
    rows.push({ name: `mutations at 1000 nodes/s on a 10k page: batches processed (${m.added} nodes added)`, value: times.length, unit: 'batches' });
    rows.push({ name: 'mutations at 1000 nodes/s: mean time per batch', value: round(mean), unit: 'ms' });
    rows.push({ name: 'mutations at 1000 nodes/s: p95 time per batch', value: round(times[Math.floor(times.length * 0.95)] ?? 0), unit: 'ms' });
    rows.push({ name: 'mutations at 1000 nodes/s: longest batch', value: round(times.at(-1) ?? 0), unit: 'ms' });
    rows.push({ name: 'mutations at 1000 nodes/s: gradient nodes left unfixed 300 ms after the last', value: m.missed, unit: 'nodes' });
  } finally {
    await browser.close();
  }
  return rows;
}

function round(ms) {
  return Math.round(ms * 100) / 100;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await benchContrast();
  for (const r of rows) console.log(`${r.name.padEnd(90)} ${String(r.value).padStart(9)} ${r.unit}`);
}
