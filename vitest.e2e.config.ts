import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file drives its own browser, one file at a time: timing goals (first sentence within
    // 2 s, first sound within 1 s) are measured on a machine that is not also running another test.
    fileParallelism: false,
  },
});
