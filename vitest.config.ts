import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: keep forks modest; the stand-ins and Chromium need the rest.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // Pure code, and the CLI as a subprocess: no network.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // CDK assertions: synthesize in process, no AWS.
      // (each file in a temporary folder of its own, removed after it: test/infra/own-tmpdir.ts)
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], setupFiles: ['test/infra/own-tmpdir.ts'] } },
      // Against the real local stand-ins, started once per run by the global setup.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
        },
      },
      // `npm start` as a child process, killed and restarted (test/fault/runtime-process.ts): one
      // runtime at a time, each test bounded in rounds and minutes.
      { extends: true, test: { name: 'fault', include: ['test/fault/**/*.test.ts'], fileParallelism: false, testTimeout: 240_000 } },
      // Debian's chromium against a real local runtime each test file starts itself. A page's
      // state is polled for up to 10 s, not vitest's default 1 s: with several browsers and
      // runtimes on two cores, a live check can take longer than a second to show. A state that
      // never comes still fails.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], expect: { poll: { timeout: 10_000 } } } },
    ],
  },
});
