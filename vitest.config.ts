import { defineConfig } from 'vitest/config';

// Node-side tests. UI tests live here too: they drive Debian's Chromium through
// playwright-core from Node. Board tests share QEMU and two cores, so files run
// one at a time at most two abreast.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for something that will happen; its 1 s default is shorter than a
    // board answer takes on a loaded machine (QEMU, Chromium and the tests share two cores).
    // A poll that passes returns as soon as it passes; only a failing one waits this long.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
