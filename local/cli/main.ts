/**
 * The `nianbao` CLI: a table of commands, each in its own module under local/cli/. A command
 * returns its exit code and prints its results; whatever it throws is reported here, once:
 * wrong arguments (exit 2), a failure the person can act on (its own code), a refusal of the
 * use case (exit 1), an unreachable runtime or service (exit 1, one sentence, no stack).
 */
import { CliError, UsageError, type Command } from './command.js';
import { HELP } from './usage.js';
import { UnreadableReportError } from './read-report.js';
import { CsvFormatError, NianbaoError } from '../../functions/services/errors.js';
import { localConfig } from '../local-config.js';
import { RuntimeUnreachableError, isConnectionError, readRuntimeFile, unreachableSentence } from '../runtime-file.js';

/**
 * Each command's words and module, loaded only when chosen: `nianbao validate` does not pay
 * for the AWS SDK that `nianbao token create` needs.
 */
const COMMANDS: readonly { words: readonly string[]; usage: string; load: () => Promise<Command> }[] = [
  { words: ['import'], usage: HELP.import, load: async () => (await import('./import-command.js')).importCommand },
  { words: ['validate'], usage: HELP.validate, load: async () => (await import('./validate-command.js')).validateCommand },
  { words: ['agencies', 'import'], usage: HELP.agenciesImport, load: async () => (await import('./agencies-import-command.js')).agenciesImportCommand },
  { words: ['token', 'create'], usage: HELP.tokenCreate, load: async () => (await import('./token-create-command.js')).tokenCreateCommand },
  { words: ['token', 'revoke'], usage: HELP.tokenRevoke, load: async () => (await import('./token-revoke-command.js')).tokenRevokeCommand },
  { words: ['seed'], usage: HELP.seed, load: async () => (await import('./seed-command.js')).seedCommand },
  { words: ['site'], usage: HELP.site, load: async () => (await import('./site-command.js')).siteCommand },
  { words: ['remind'], usage: HELP.remind, load: async () => (await import('./remind-command.js')).remindCommand },
  { words: ['ses'], usage: HELP.ses, load: async () => (await import('./ses-command.js')).sesCommand },
  { words: ['reviewers', 'add'], usage: HELP.reviewersAdd, load: async () => (await import('./reviewers-command.js')).reviewersCommand },
  { words: ['reviewers', 'repair'], usage: HELP.reviewersRepair, load: async () => (await import('./reviewers-command.js')).registrationsRepairCommand },
  { words: ['region'], usage: HELP.region, load: async () => (await import('./region-command.js')).regionCommand },
  { words: ['backup'], usage: HELP.backup, load: async () => (await import('./backup-command.js')).backupCommand },
  { words: ['restore'], usage: HELP.restore, load: async () => (await import('./restore-command.js')).restoreCommand },
];

function usage(): string {
  return ['用法 (usage):', ...COMMANDS.map((c) => `  nianbao ${c.usage}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const entry = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!entry) {
    process.stderr.write(`${usage()}\n`);
    return argv.length === 0 || argv[0] === '--help' ? 0 : 2;
  }
  const command = await entry.load();
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
  // A runtime or store that does not answer is the person's to fix: what to do, in one sentence.
  if (error instanceof RuntimeUnreachableError || (error as Error)?.name === 'StandInError') {
    say((error as Error).message);
    return 1;
  }
  const unreachable = unreachableService(error);
  if (unreachable) {
    say(`错误：无法连接 ${unreachable}。请确认 npm start 正在运行（或设置正确的 NIANBAO_*_ENDPOINT / NIANBAO_TARGET=aws）后重试。`);
    return 1;
  }
  // Timeouts, and the 503 of DynamoDB Local's front while Java restarts.
  if (isConnectionError(error)) {
    const dataDir = localConfig().dataDir;
    say(`错误：${unreachableSentence(dataDir, readRuntimeFile(dataDir))}`);
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
