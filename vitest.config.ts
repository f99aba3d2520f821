import fs from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain final line, `N passed, N failed, N skipped`, that CI logs and people can grep;
 * vitest's own summary stays above it.
 */
const plainSummary: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A file that fails to load (syntax error, failing beforeAll import) has no tests to count.
      if (module.state() === 'failed' && !module.children.size) failed += 1;
    }
    failed += unhandledErrors.length;
    console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  },
};

export default defineConfig({
  resolve: {
    // Vite prefers graphql's ESM build while type-graphql and Apollo load the CJS one through Node:
    // two graphql-js instances refuse each other's types. Resolve to the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  // jsdom tests load their setup file through Vite, which serves only files under the allowed
  // roots: a worktree whose node_modules links elsewhere needs the real path allowed as well.
  server: { fs: { allow: ['.', fs.realpathSync('node_modules')] } },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/bench/**', 'node_modules/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // type-graphql's decorators need the Reflect metadata API before any type module loads.
    setupFiles: ['reflect-metadata'],
    // Integration tests run migrations on two databases and start Temporal dev servers.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Forks isolate native modules (better-sqlite3, Temporal core bridge); the CI machine has 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', plainSummary],
  },
});
