#!/usr/bin/env node
/**
 * `npm test`: type-check, build, unit tests (Vitest) and end-to-end tests in real Chromium and
 * Firefox ESR (`DEDE_BROWSERS=chromium` or `firefox` picks one), then
 * one closing line `N passed, N failed` (`, N skipped` when any were).
 * `npm test -- --unit` or `-- --e2e` runs one part.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const only = args.has('--unit') ? 'unit' : args.has('--e2e') ? 'e2e' : null;
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, commandArgs) {
  console.log(`\n▶ ${label}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** A step that is not a test suite counts as one test. */
function check(label, command, commandArgs) {
  if (run(label, command, commandArgs)) totals.passed++;
  else {
    totals.failed++;
    console.log(`✗ ${label} failed`);
  }
}

function vitest(label, config) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dede-results-'));
  const out = path.join(dir, 'results.json');
  run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    // A file that failed without a failed test (it did not load, or a hook threw) counts once;
    // a failed test is not counted again through its file and describe blocks.
    const broken = report.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
    totals.failed += report.numFailedTests + broken;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed++;
    console.log(`✗ ${label}: no results were written`);
  }
  rmSync(dir, { recursive: true, force: true });
}

if (!only) check('typecheck', 'npx', ['tsc', '--noEmit']);
if (only !== 'unit') check('build (Chrome)', 'npx', ['wxt', 'build']);
if (only !== 'unit') check('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (only !== 'e2e') vitest('unit tests', 'vitest.config.ts');
if (only !== 'unit') vitest('end-to-end tests (Chromium and Firefox)', 'vitest.e2e.config.ts');

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);
