/**
 * `npm run bench:bundles`: each Lambda's bundle, built with the CDK app's esbuild settings, its
 * minified size and the time a fresh Node process takes to import it (a proxy for the init part
 * of a cold start), with the AWS SDK bundled and with the SDK external (the Node.js runtime's
 * copy); `*` marks what the app deploys (BUNDLE in infra/constructs/handler-function.ts). Each
 * function's two variants are timed alternately, so a busy machine weighs on both alike.
 * Ends with the median ratio of the import times and `bundles: <largest KB> KB max`; each
 * deployed bundle must stay within its budget (infra/bundling/bundle-budget.ts).
 *
 * The bundles are written under node_modules/.cache so that, with the SDK external, `import
 * '@aws-sdk/…'` resolves to this repository's SDK, as it resolves to the runtime's on Lambda.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleHandler, type HandlerBundle } from '../infra/bundling/bundle-handler.js';
import { budgetKb } from '../infra/bundling/bundle-budget.js';
import { BUNDLE } from '../infra/constructs/handler-function.js';
import { presentEventHandlers, routeModules } from '../infra/handler-catalog.js';

const RUNS = 5;

const kb = (bytes: number) => bytes / 1024;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** ms for a fresh `node` to import the bundle (module evaluation included, no handler call). */
function importMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'ap-east-1', NIANBAO_TABLE: 'bench', NIANBAO_SITE_BUCKET: 'bench-site' },
    encoding: 'utf8',
  });
  return Number(out);
}

/** Median import ms of each file, RUNS fresh processes each, the files taken in turn. */
function alternating(files: string[]): number[] {
  const times = files.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) files.forEach((f, j) => times[j]!.push(importMs(f)));
  return times.map(median);
}

async function main(): Promise<void> {
  const modules = [...routeModules().map((r) => r.module), ...Object.values(presentEventHandlers())];
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  const { mkdir } = await import('node:fs/promises');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'nianbao-bundles-'));
  try {
    const sdkBundled = BUNDLE.external.length === 0;
    console.log(`import time: median of ${RUNS} fresh processes, the two variants in turn; * = deployed (AWS SDK ${sdkBundled ? 'bundled' : 'external'})`);
    console.log(`${'function'.padEnd(22)} ${'SDK bundled KB'.padStart(14)} ${'import ms'.padStart(9)}   ${'SDK external KB'.padStart(15)} ${'import ms'.padStart(9)}   ${'ratio'.padStart(5)}`);
    const deployed: HandlerBundle[] = [];
    const ratios: number[] = [];
    const mark = (isDeployed: boolean) => (isDeployed ? '*' : ' ');
    for (const module of modules) {
      const bundled = await bundleHandler(module, join(dir, 'bundled'), { sdk: 'bundled' });
      const external = await bundleHandler(module, join(dir, 'external'), { sdk: 'external' });
      deployed.push(sdkBundled ? bundled : external);
      const [bundledMs, externalMs] = alternating([bundled.file, external.file]) as [number, number];
      ratios.push(externalMs / bundledMs);
      console.log(
        `${module.padEnd(22)} ${kb(bundled.bytes).toFixed(1).padStart(13)}${mark(sdkBundled)} ${bundledMs.toFixed(0).padStart(9)}   ` +
          `${kb(external.bytes).toFixed(1).padStart(14)}${mark(!sdkBundled)} ${externalMs.toFixed(0).padStart(9)}   ${(externalMs / bundledMs).toFixed(2).padStart(5)}`,
      );
    }
    console.log(`import time, SDK external / SDK bundled: median ${median(ratios).toFixed(2)}x (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`);
    const largest = Math.max(...deployed.map((b) => b.bytes));
    const over = deployed.filter((b) => kb(b.bytes) >= budgetKb(b.module)).map((b) => `${b.module} (${kb(b.bytes).toFixed(0)} KB > ${budgetKb(b.module)} KB)`);
    if (over.length > 0) console.log(`over budget: ${over.join(', ')}`);
    console.log(`bundles: ${kb(largest).toFixed(1)} KB max`);
    if (over.length > 0) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
