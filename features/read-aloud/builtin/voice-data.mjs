/**
 * Build step for the built-in voice: eSpeak NG (Emscripten build from
 * @echogarden/espeak-ng-emscripten) ships data for ~130 languages (24 MB). Dễ Đọc needs
 * Vietnamese and English only, so this keeps those files (≈ 0.9 MB) and rewrites the loader's
 * file table to match. Plain JS: wxt.config.ts, Vitest and the bench all call it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Files kept, relative to espeak-ng-data. */
const KEEP = [
  /^\/(phontab|phonindex|phondata|intonations)$/,
  /^\/(vi|en)_dict$/,
  /^\/lang\/aav\/vi(-VN-x-(central|south))?$/,
  /^\/lang\/gmw\/en(-US)?$/,
];

/** Where the files land in the extension. */
export const VOICE_ASSET_DIR = 'builtin';
export const VOICE_JS = 'espeak-ng.js';
export const VOICE_DATA = 'espeak-ng.data';

export function enginePackageDir() {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@echogarden/espeak-ng-emscripten/package.json'));
}

/** The loader and its data, reduced to the Vietnamese and English voices. */
export function buildVoiceData(packageDir = enginePackageDir()) {
  const js = readFileSync(path.join(packageDir, 'espeak-ng.js'), 'utf8');
  const data = readFileSync(path.join(packageDir, 'espeak-ng.data'));
  const call = js.match(/loadPackage\((\{files:\[[^\]]*\],remote_package_size:\d+\})\)/);
  if (!call) throw new Error('espeak-ng.js: file table not found (package version changed?)');
  const table = JSON.parse(call[1].replace(/([{,])(\w+):/g, '$1"$2":'));
  const files = [];
  const parts = [];
  let offset = 0;
  for (const f of table.files) {
    const name = f.filename.replace(/^\/usr\/share\/espeak-ng-data/, '');
    if (!KEEP.some((re) => re.test(name))) continue;
    const bytes = data.subarray(f.start, f.end);
    files.push({ filename: f.filename, start: offset, end: offset + bytes.length });
    parts.push(bytes);
    offset += bytes.length;
  }
  if (files.length < 10) throw new Error(`espeak-ng.data: only ${files.length} voice files found`);
  const subset = Buffer.concat(parts);
  // V8's explicit compile hint: compile every function while the script streams in (off the
  // worker's thread) rather than lazily on first call. Halves click → first sound, cold.
  const patched = `//# allFunctionsCalledOnLoad\n${js.replace(call[0], () => `loadPackage(${JSON.stringify({ files, remote_package_size: subset.length })})`)}`;
  return { js: patched, data: subset, files: files.map((f) => f.filename) };
}

/** Writes the reduced loader and data to `dir`; returns their paths (for WXT's public assets). */
export function writeVoiceAssets(dir) {
  const { js, data } = buildVoiceData();
  mkdirSync(dir, { recursive: true });
  const jsPath = path.join(dir, VOICE_JS);
  const dataPath = path.join(dir, VOICE_DATA);
  writeFileSync(jsPath, js);
  writeFileSync(dataPath, data);
  return { js: jsPath, data: dataPath };
}
