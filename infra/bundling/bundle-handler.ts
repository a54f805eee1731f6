/**
 * Bundles one handler with exactly the esbuild settings the CDK app uses (BUNDLE), outside CDK:
 * for `npm run bench:bundles` and the bundle test. Warnings are errors here: a missing export
 * from the zod alias would otherwise be `undefined` at run time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE, handlerEntry } from '../constructs/handler-function.js';

export interface HandlerBundle {
  module: string;
  /** the written index.mjs */
  file: string;
  bytes: number;
}

/** Writes `<outDir>/<module>/index.mjs`; `sdk` overrides the app's choice (BUNDLE.external) for comparison. */
export async function bundleHandler(module: string, outDir: string, options: { sdk?: 'bundled' | 'external' } = {}): Promise<HandlerBundle> {
  const result = await build({
    entryPoints: [handlerEntry(module)],
    bundle: true,
    write: false,
    target: BUNDLE.target,
    format: BUNDLE.format,
    platform: BUNDLE.platform,
    minify: BUNDLE.minify,
    mainFields: [...BUNDLE.mainFields],
    charset: BUNDLE.charset,
    banner: { js: BUNDLE.banner },
    external: options.sdk === 'bundled' ? [] : options.sdk === 'external' ? ['@aws-sdk/*'] : [...BUNDLE.external],
    alias: { ...BUNDLE.alias },
    outfile: 'index.mjs',
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) {
    throw new Error(`${module}: esbuild warnings:\n${result.warnings.map((w) => `${w.location?.file ?? ''}:${w.location?.line ?? ''} ${w.text}`).join('\n')}`);
  }
  const output = result.outputFiles[0];
  if (!output) throw new Error(`${module}: esbuild wrote nothing`);
  const dir = join(outDir, module);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  await writeFile(file, output.contents);
  return { module, file, bytes: output.contents.byteLength };
}
