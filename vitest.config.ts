import { defineConfig } from 'vitest/config';

// Node-side tests. UI tests live here too: they drive Debian's Chromium through
// playwright-core from Node. Board tests share QEMU and two cores, so files run
// one at a time at most two abreast.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
