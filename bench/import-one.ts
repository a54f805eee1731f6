/**
 * One measurement of `npm run bench:import`, run in a fresh process by bench/import.ts:
 * `import-one.ts <file> <warm runs>` prints one JSON line. `cold` is the first read in this
 * process, as a CLI invocation or the form's first file, in two parts: `load`, loading the
 * reader's modules and library (the form's lazy chunk; loadReader, as importDocument does on
 * its first such file), and `read`, the first importDocument, its code run before the JIT has
 * warmed to it. `warm` is the median of the reads after it. Wall and CPU milliseconds of each;
 * CPU counts every thread of the process (the JIT's and the garbage collector's too).
 */
import { readFileSync } from 'node:fs';
import { fileKind } from '../functions/domain/import/file-kind.js';
import { importDocument, loadReader } from '../functions/domain/import/import-document.js';

const [file, runsArg] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file!));
const runs = Number(runsArg ?? 15);

interface Figures {
  wall: number;
  cpu: number;
}

async function timed(work: () => Promise<unknown>): Promise<Figures> {
  const usage = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(usage);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const load = await timed(() => loadReader(fileKind(bytes)));
const read = await timed(() => importDocument(bytes));
const warm: Figures[] = [];
for (let i = 0; i < runs; i++) warm.push(await timed(() => importDocument(bytes)));
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
console.log(
  JSON.stringify({
    cold: { wall: load.wall + read.wall, cpu: load.cpu + read.cpu, load, read },
    warm: runs > 0 ? { wall: median(warm.map((w) => w.wall)), cpu: median(warm.map((w) => w.cpu)) } : undefined,
  }),
);
