import { defineConfig } from 'vitest/config';

// No @civico/source condition: the example uses the packages' built dist, as users do.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    expect: { requireAssertions: true },
    // The conformance files are CPU-bound (the kit and the portal in one process each): two at a time on
    // the gate's two cores.
    maxWorkers: 2,
  },
});
