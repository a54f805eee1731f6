/**
 * Builds the review page into dist/web/review/ (index.html, review.js, review.css), as the
 * filing form is built (web/form/build.ts): esbuild, no framework, the same zod shim, and a
 * budget (60 KB gzipped JS+CSS). `npm run build:review`.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { reviewAssetsDir } from './assets.js';

export const REVIEW_BUDGET_BYTES = 60 * 1024;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export async function buildReview(outDir = reviewAssetsDir()): Promise<{ outDir: string; totalGzip: number }> {
  await mkdir(outDir, { recursive: true });
  const common = { bundle: true, minify: true, legalComments: 'none' as const, logLevel: 'silent' as const };
  const js = await build({
    ...common,
    entryPoints: [here('./main.ts')],
    outfile: join(outDir, 'review.js'),
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari15'],
    alias: { zod: here('../form/shims/zod.ts'), htmlparser2: here('../form/shims/htmlparser2.ts') },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // The site's stylesheet is bundled in (@import): the report shows as on the public page.
  const css = await build({ ...common, entryPoints: [here('./review.css')], outfile: join(outDir, 'review.css') });
  const warnings = [...js.warnings, ...css.warnings];
  if (warnings.length > 0) throw new Error(`esbuild warnings:\n${warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`).join('\n')}`);
  await copyFile(here('./index.html'), join(outDir, 'index.html'));
  let totalGzip = 0;
  for (const name of ['review.js', 'review.css']) totalGzip += gzipSync(await readFile(join(outDir, name)), { level: 9 }).byteLength;
  if (totalGzip > REVIEW_BUDGET_BYTES) throw new Error(`review page: ${totalGzip} bytes gzipped, over the ${REVIEW_BUDGET_BYTES} budget`);
  return { outDir, totalGzip };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildReview()
    .then(({ outDir, totalGzip }) => console.log(`review: ${(totalGzip / 1024).toFixed(1)} KB gzipped JS+CSS → ${outDir}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
