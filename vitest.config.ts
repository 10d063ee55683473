import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI smoke tests spawn the built binary and the grader tests run a real HTTP server: allow for a slow CI box.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
