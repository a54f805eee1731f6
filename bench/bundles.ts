/**
 * `npm run bench:bundles`: each Lambda's bundle, built with the CDK app's esbuild settings, its
 * minified size, and the time a fresh Node process takes to import it (a proxy for the init part
 * of a cold start). Also, for the record, the same with the AWS SDK bundled in (the alternative
 * to using the runtime's SDK: see BUNDLE in infra/constructs/handler-function.ts).
 * Ends with `bundles: <largest KB> KB max`; target: every deployed bundle under 300 KB.
 *
 * The bundles are written under node_modules/.cache so that, with the SDK external, `import
 * '@aws-sdk/…'` resolves to this repository's SDK, as it resolves to the runtime's on Lambda.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleHandler, type HandlerBundle } from '../infra/bundling/bundle-handler.js';
import { presentEventHandlers, routeModules } from '../infra/handler-catalog.js';

export const TARGET_KB = 300;
const RUNS = 5;

const kb = (bytes: number) => bytes / 1024;

/** Median ms for a fresh `node` to import the bundle (module evaluation included, no handler call). */
function importMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'ap-east-1', NIANBAO_TABLE: 'bench', NIANBAO_SITE_BUCKET: 'bench-site' },
      encoding: 'utf8',
    });
    times.push(Number(out));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const modules = [...routeModules().map((r) => r.module), ...Object.values(presentEventHandlers())];
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  const { mkdir } = await import('node:fs/promises');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'nianbao-bundles-'));
  try {
    console.log(`AWS SDK: external (the Node.js 22 runtime's copy); import time: median of ${RUNS} fresh processes`);
    console.log(`${'function'.padEnd(22)} ${'deployed KB'.padStart(11)} ${'import ms'.padStart(9)}   ${'SDK bundled KB'.padStart(14)} ${'import ms'.padStart(9)}`);
    const deployed: HandlerBundle[] = [];
    for (const module of modules) {
      const external = await bundleHandler(module, join(dir, 'external'));
      const bundled = await bundleHandler(module, join(dir, 'bundled'), { bundleSdk: true });
      deployed.push(external);
      console.log(
        `${module.padEnd(22)} ${kb(external.bytes).toFixed(1).padStart(11)} ${importMs(external.file).toFixed(0).padStart(9)}   ${kb(bundled.bytes).toFixed(1).padStart(14)} ${importMs(bundled.file).toFixed(0).padStart(9)}`,
      );
    }
    const largest = Math.max(...deployed.map((b) => b.bytes));
    const over = deployed.filter((b) => kb(b.bytes) >= TARGET_KB).map((b) => b.module);
    if (over.length > 0) console.log(`over the ${TARGET_KB} KB target: ${over.join(', ')}`);
    console.log(`bundles: ${kb(largest).toFixed(1)} KB max`);
    if (over.length > 0) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
