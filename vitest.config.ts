import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // IndexedDB for Dexie in Node; must load before Dexie captures the global.
    setupFiles: ['fake-indexeddb/auto'],
    // The machines have 2 cores; more workers only add contention.
    maxWorkers: 2,
  },
});
