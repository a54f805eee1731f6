import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests share one set of local stand-ins; two cores, so keep forks modest.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // Unit (no network) and everything else: no stand-ins started.
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/integration/**', 'node_modules/**'] },
      },
      // Against the real local stand-ins, started once per run by the global setup.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
        },
      },
    ],
  },
});
