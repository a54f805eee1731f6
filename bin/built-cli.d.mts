/** Types of bin/built-cli.mjs (plain JavaScript: the `nianbao` command runs it before any TypeScript). */
import type { BuildOptions } from 'esbuild';

export const NODE_BUNDLE: BuildOptions;
export function builtCli(): Promise<string | undefined>;
