import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const plugins = await WxtVitest();
const shared = {
  environment: 'node' as const,
  // IndexedDB for Dexie in Node; must load before Dexie captures the global.
  setupFiles: ['fake-indexeddb/auto'],
  // Test files share a worker's module graph: every DB test opens its own named database and
  // resets what it needs, so re-importing Dexie, Zod and the schemas per file only cost time.
  isolate: false,
};

export default defineConfig({
  test: {
    // The machines have 2 cores; more workers only add contention.
    maxWorkers: 2,
    projects: [
      {
        plugins,
        test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], exclude: ['tests/unit/firefox/**'] },
      },
      {
        // Code on the Firefox build's paths (import.meta.env.FIREFOX); Firefox itself cannot run here.
        plugins,
        test: {
          ...shared,
          name: 'firefox',
          include: ['tests/unit/firefox/**/*.test.ts'],
          setupFiles: [...shared.setupFiles, 'tests/unit/firefox/setup.ts'],
        },
      },
    ],
  },
});
