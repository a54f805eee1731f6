/**
 * What every `nianbao` command is, and the errors a command throws instead of printing: the
 * entry point (main.ts) turns them into one message and an exit code, in one place.
 */
export interface Command {
  /** words that select the command, e.g. ['agencies', 'import'] */
  readonly words: readonly string[];
  /** one line for `nianbao --help` */
  readonly usage: string;
  /** returns the exit code; prints its own results */
  run(args: string[]): Promise<number>;
}

/** Wrong arguments: the message (if any) and the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** the usage lines to print after the message (`用法：…`) */
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** A failure the person can act on: printed as `错误：message`, with its own exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** `--name value` options; the rest are positional. Unknown options are a UsageError. */
export function parseOptions(args: string[], known: readonly string[], usage?: string): { options: Record<string, string>; positional: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (!known.includes(name)) throw new UsageError(`未知选项 --${name}`, usage);
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} 缺少值`, usage);
      options[name] = value;
    } else positional.push(arg);
  }
  return { options, positional };
}
