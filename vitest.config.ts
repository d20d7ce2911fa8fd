import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Suites spawn the built CLI; two cores, so keep the fork count at two.
    pool: 'forks',
    maxWorkers: 2,
  },
});
