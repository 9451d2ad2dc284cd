import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run bench`: measurements, not tests. One file, run alone, so nothing competes for the CPU.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['bench/run.bench.ts'],
    environment: 'node',
    testTimeout: 2_400_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
