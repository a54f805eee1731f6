/**
 * Builds the filing form into dist/web/form/ (index.html, form.js, form.css) and fails when all
 * JavaScript and CSS together exceed the 100 KB gzipped budget. `npm run build:form`.
 *
 * The domain is bundled as it is; two aliases keep it small: `zod` → the classic schemas only
 * (no locales, no JSON-schema tooling), `htmlparser2` → parser and DOM predicates only.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { formAssetsDir } from './assets.js';

export const BUDGET_BYTES = 100 * 1024;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface FormBuild {
  outDir: string;
  /** gzipped bytes per file and in all */
  sizes: Record<string, number>;
  totalGzip: number;
}

export async function buildForm(outDir = formAssetsDir()): Promise<FormBuild> {
  await mkdir(outDir, { recursive: true });
  const common = { bundle: true, minify: true, legalComments: 'none' as const, logLevel: 'silent' as const };
  const js = await build({
    ...common,
    entryPoints: [here('./main.ts')],
    outfile: join(outDir, 'form.js'),
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari15'],
    alias: { zod: here('./shims/zod.ts'), htmlparser2: here('./shims/htmlparser2.ts') },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const css = await build({ ...common, entryPoints: [here('./form.css')], outfile: join(outDir, 'form.css') });
  // A missing export in a shim is only a warning to esbuild, and undefined at run time: fail here.
  const warnings = [...js.warnings, ...css.warnings];
  if (warnings.length > 0) {
    throw new Error(`esbuild warnings:\n${warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`).join('\n')}`);
  }
  await copyFile(here('./index.html'), join(outDir, 'index.html'));
  const sizes: Record<string, number> = {};
  for (const name of ['form.js', 'form.css']) {
    sizes[name] = gzipSync(await readFile(join(outDir, name)), { level: 9 }).byteLength;
  }
  const totalGzip = Object.values(sizes).reduce((a, b) => a + b, 0);
  return { outDir, sizes, totalGzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildForm()
    .then(({ outDir, sizes, totalGzip }) => {
      for (const [name, size] of Object.entries(sizes)) console.log(`  ${name.padEnd(10)} ${kb(size)} gzipped`);
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
