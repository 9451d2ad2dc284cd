/**
 * Issue #7: the Firefox build passes Mozilla's linter (`web-ext lint`, as addons.mozilla.org runs
 * it) with 0 errors and 0 warnings. Builds into a temp folder so it never touches other builds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from './harness';

const out = mkdtempSync(path.join(tmpdir(), 'dede-firefox-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface LintMessage {
  code: string;
  message: string;
  description: string;
  file?: string;
}

it('web-ext lint reports 0 errors and 0 warnings on the Firefox build', { timeout: 120_000 }, () => {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, env: { ...process.env, DEDE_OUT_DIR: out }, stdio: 'ignore', timeout: 90_000 });
  let json = '';
  try {
    json = execFileSync('npx', ['web-ext', 'lint', '--source-dir', path.join(out, 'firefox-mv2'), '--output', 'json', '--no-config-discovery'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 90_000,
    });
  } catch (error) {
    // web-ext exits non-zero when there are errors; the report is still on stdout.
    json = String((error as { stdout?: unknown }).stdout ?? '');
  }
  const report = JSON.parse(json) as { errors: LintMessage[]; warnings: LintMessage[] };
  const show = (m: LintMessage) => `${m.code} ${m.file ?? ''}: ${m.description}`;
  expect(report.errors.map(show)).toEqual([]);
  expect(report.warnings.map(show)).toEqual([]);
});
