/**
 * One measurement of `npm run bench:import`, run in a fresh process by bench/import.ts:
 * `import-one.ts <file> <warm runs>` prints one JSON line. `cold` is the first importDocument
 * in this process, as a CLI invocation or the form's first file: it includes loading the
 * reader's library (the lazy chunk) and running its code before the JIT has warmed to it.
 * `warm` is the median of the runs after it. Wall and CPU milliseconds of each.
 */
import { readFileSync } from 'node:fs';
import { importDocument } from '../functions/domain/import/import-document.js';

const [file, runsArg] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file!));
const runs = Number(runsArg ?? 15);

async function once(): Promise<{ wall: number; cpu: number }> {
  const usage = process.cpuUsage();
  const start = performance.now();
  await importDocument(bytes);
  const wall = performance.now() - start;
  const used = process.cpuUsage(usage);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const cold = await once();
const warm: { wall: number; cpu: number }[] = [];
for (let i = 0; i < runs; i++) warm.push(await once());
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
console.log(
  JSON.stringify({
    cold,
    warm: runs > 0 ? { wall: median(warm.map((w) => w.wall)), cpu: median(warm.map((w) => w.cpu)) } : undefined,
  }),
);
