/**
 * Pagefind's native indexer for the Lambda that builds the search index (the repair pass:
 * functions/handlers/repair.ts, services/search-index.ts). The npm package `pagefind` ships its
 * binary in one optional package per platform, and `npm ci` installs only the build machine's.
 * The function therefore runs on x86_64, whose binary (`@pagefind/linux-x64`, a static musl
 * executable) is what a Linux x64 build machine or CI already has; the bundle carries it beside
 * the handler and `PAGEFIND_EXTENDED_BINARY_PATH` names it there. Deploying from another platform
 * needs it fetched first: `npm install --no-save --force @pagefind/linux-x64@<pagefind's version>`.
 */
import { createRequire } from 'node:module';
import { Architecture } from 'aws-cdk-lib/aws-lambda';

export const PAGEFIND_ARCHITECTURE = Architecture.X86_64;
const PACKAGE = '@pagefind/linux-x64';
const FILE = 'pagefind_extended';
/** where the binary lands in the function's code folder */
export const PAGEFIND_LAMBDA_PATH = `/var/task/${FILE}`;
export const PAGEFIND_BINARY_ENV = 'PAGEFIND_EXTENDED_BINARY_PATH';

/** The linux-x64 binary on this machine; a clear error (at synth) when it is not installed. */
export function pagefindLinuxBinary(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(`${PACKAGE}/bin/${FILE}`);
  } catch {
    throw new Error(
      `搜索索引需要 Pagefind 的 Linux x64 程序（${PACKAGE}），本机未安装。请先运行：npm install --no-save --force ${PACKAGE}@<package.json 中 pagefind 的版本>`,
    );
  }
}

/** The afterBundling commands that copy the binary into the bundle, executable. */
export function copyPagefindBinary(outputDir: string): string[] {
  const target = `${outputDir}/${FILE}`;
  return [`cp "${pagefindLinuxBinary()}" "${target}"`, `chmod 755 "${target}"`];
}
