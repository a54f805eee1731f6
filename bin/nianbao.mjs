#!/usr/bin/env node
// The `nianbao` command: the CLI's TypeScript compiled once into dist/cli/ (bin/built-cli.mjs,
// rebuilt whenever a source changes), or run through tsx when it cannot be built.
import { pathToFileURL } from 'node:url';
import { builtCli } from './built-cli.mjs';

const built = process.env.NIANBAO_CLI_TSX === '1' ? undefined : await builtCli();
let main;
if (built) {
  ({ main } = await import(pathToFileURL(built).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../local/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
