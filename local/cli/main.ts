/**
 * The `nianbao` CLI: a table of commands, each in its own module under local/cli/. A command
 * returns its exit code and prints its results; whatever it throws is reported here, once:
 * wrong arguments (exit 2), a failure the person can act on (its own code), a refusal of the
 * use case (exit 1), an unreachable runtime or service (exit 1, one sentence, no stack).
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
import { CliError, UsageError, type Command } from './command.js';
import { UnreadableReportError } from './read-report.js';
import { CsvFormatError, NianbaoError } from '../../functions/services/errors.js';

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
  try {
    return await command.run(argv.slice(command.words.length));
  } catch (error) {
    return report(error, command);
  }
}

function report(error: unknown, command: Command): number {
  const say = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  if (error instanceof UsageError) {
    const usage = error.usage ?? `用法：nianbao ${command.usage}`;
    say(error.message ? `${error.message}\n${usage}` : usage);
    return 2;
  }
  if (error instanceof CliError) {
    say(`错误：${error.message}`);
    return error.exitCode;
  }
  if (error instanceof UnreadableReportError || error instanceof CsvFormatError) {
    say(`错误：${error.message}`);
    return 2;
  }
  if (error instanceof NianbaoError) {
    say(`错误：${error.message}`);
    return 1;
  }
  const unreachable = unreachableService(error);
  if (unreachable) {
    say(`错误：无法连接 ${unreachable}。请确认 npm start 正在运行（或设置正确的 NIANBAO_*_ENDPOINT / NIANBAO_TARGET=aws）后重试。`);
    return 1;
  }
  // Unexpected: one line for the person; the stack only when asked for.
  say(`错误：${(error as Error)?.message ?? String(error)}`);
  if (process.env.NIANBAO_DEBUG) say(String((error as Error)?.stack ?? ''));
  return 1;
}

/** The address of a service that refused or never answered the connection, if that is the error. */
function unreachableService(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT') {
      const { address, port } = e as { address?: string; port?: number };
      return address ? `${address}${port ? `:${port}` : ''}` : '本地服务';
    }
    const errors = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) e = { cause: errors[0] };
  }
  return undefined;
}
