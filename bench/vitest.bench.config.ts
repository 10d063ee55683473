import { defineConfig } from 'vitest/config';

// Benchmarks that need the TypeScript test helpers (the fake Anthropic server) run under vitest;
// they are not part of `npm test` (its include is test/**/*.test.ts).
export default defineConfig({ test: { include: ['bench/**/*.measure.ts'], testTimeout: 1_800_000 } });
