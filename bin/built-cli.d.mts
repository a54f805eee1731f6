/** Types of bin/built-cli.mjs (plain JavaScript: the `nianbao` command runs it before any TypeScript). */
import type { BuildOptions, Plugin } from 'esbuild';

export const NODE_BUNDLE: BuildOptions;
export const SOURCE_URLS: Plugin;
export function builtCli(): Promise<string | undefined>;
