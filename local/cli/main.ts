/**
 * The `nianbao` CLI: a table of commands, each in its own module under local/cli/.
 * A command returns its exit code; it prints to stdout/stderr itself.
 */
import { validateCommand } from './validate-command.js';
import { importCommand } from './import-command.js';
import { agenciesImportCommand } from './agencies-import-command.js';
import { tokenCreateCommand } from './token-create-command.js';
import { tokenRevokeCommand } from './token-revoke-command.js';
import { seedCommand } from './seed-command.js';
import { siteCommand } from './site-command.js';
import { remindCommand } from './remind-command.js';
import { sesCommand } from './ses-command.js';
import { regionCommand } from './region-command.js';

export interface Command {
  /** words that select the command, e.g. ['agencies', 'import'] */
  readonly words: readonly string[];
  readonly usage: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: readonly Command[] = [
  importCommand,
  validateCommand,
  agenciesImportCommand,
  tokenCreateCommand,
  tokenRevokeCommand,
  seedCommand,
  siteCommand,
  remindCommand,
  sesCommand,
  regionCommand,
];

function usage(): string {
  return ['用法 (usage):', ...COMMANDS.map((c) => `  nianbao ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const command = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!command) {
    process.stderr.write(`${usage()}\n`);
    return argv.length === 0 || argv[0] === '--help' ? 0 : 2;
  }
  return command.run(argv.slice(command.words.length));
}
