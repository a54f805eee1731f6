/**
 * Builds the filing form into dist/web/form/ (index.html, form.js, form.css, chunks/) and fails
 * when the first load (form.js, the chunks it imports statically, form.css) exceeds the 100 KB
 * gzipped budget. `npm run build:form`.
 *
 * Code splitting (ESM): the Word, Excel and PDF readers are imported dynamically by the
 * importer, so esbuild puts them in chunks of their own under chunks/, fetched by the browser
 * only when such a file is imported. They are listed, not counted in the budget.
 *
 * PDF.js's predefined CJK character maps (pdfjs-dist's .bcmap files) become chunks too, one per
 * map, fetched only when a PDF names one (pdf-cmaps.ts).
 *
 * The domain is bundled as it is; two aliases keep it small: `zod` → the classic schemas only
 * (no locales, no JSON-schema tooling), `htmlparser2` → parser and DOM predicates only.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { formAssetsDir } from './assets.js';

export const BUDGET_BYTES = 100 * 1024;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface FormBuild {
  outDir: string;
  /** gzipped bytes of each file of the first load */
  sizes: Record<string, number>;
  totalGzip: number;
  /** gzipped bytes of each chunk loaded only on demand (the document readers) */
  lazy: Record<string, number>;
}

/** Chunks go under chunks/, the one folder of the build served and uploaded by pattern. */
export const CHUNK_DIR = 'chunks';

export async function buildForm(outDir = formAssetsDir()): Promise<FormBuild> {
  await rm(join(outDir, CHUNK_DIR), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = { bundle: true, minify: true, legalComments: 'none' as const, logLevel: 'silent' as const };
  const js = await build({
    ...common,
    entryPoints: { form: here('./main.ts') },
    outdir: outDir,
    splitting: true,
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari15'],
    alias: { zod: here('./shims/zod.ts'), htmlparser2: here('./shims/htmlparser2.ts') },
    // PDF.js's CJK character maps, each a lazy chunk (pdf-cmaps.ts).
    loader: { '.bcmap': 'binary' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  const css = await build({ ...common, entryPoints: [here('./form.css')], outfile: join(outDir, 'form.css') });
  // A missing export in a shim is only a warning to esbuild, and undefined at run time: fail here.
  const warnings = [...js.warnings, ...css.warnings];
  if (warnings.length > 0) {
    throw new Error(`esbuild warnings:\n${warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`).join('\n')}`);
  }
  await copyFile(here('./index.html'), join(outDir, 'index.html'));
  const outputs = js.metafile.outputs;
  const relative = (path: string) => path.slice(path.indexOf(`${CHUNK_DIR}/`) === -1 ? path.lastIndexOf('/') + 1 : path.indexOf(`${CHUNK_DIR}/`));
  const entry = Object.keys(outputs).find((p) => p.endsWith('/form.js'))!;
  // The first load: form.js and what it imports statically, transitively.
  const first = new Set<string>();
  const visit = (path: string) => {
    if (first.has(path)) return;
    first.add(path);
    for (const i of outputs[path]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  const gzipped = async (path: string) => gzipSync(await readFile(path), { level: 9 }).byteLength;
  const sizes: Record<string, number> = {};
  const lazy: Record<string, number> = {};
  for (const path of Object.keys(outputs)) {
    if (!path.endsWith('.js')) continue;
    (first.has(path) ? sizes : lazy)[relative(path)] = await gzipped(path);
  }
  sizes['form.css'] = await gzipped(join(outDir, 'form.css'));
  const totalGzip = Object.values(sizes).reduce((a, b) => a + b, 0);
  return { outDir, sizes, totalGzip, lazy };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildForm()
    .then(({ outDir, sizes, totalGzip, lazy }) => {
      for (const [name, size] of Object.entries(sizes)) console.log(`  ${name.padEnd(10)} ${kb(size)} gzipped`);
      for (const [name, size] of Object.entries(lazy)) console.log(`  ${name} ${kb(size)} gzipped, loaded on demand`);
      console.log(`form: ${kb(totalGzip)} gzipped JS+CSS (budget ${kb(BUDGET_BYTES)}) → ${outDir}`);
      if (totalGzip > BUDGET_BYTES) {
        console.error(`form: over budget by ${kb(totalGzip - BUDGET_BYTES)}`);
        process.exit(1);
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
