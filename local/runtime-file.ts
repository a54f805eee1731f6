/**
 * `<data dir>/runtime.json`: written by `npm start` while it runs, so CLI commands find the
 * running stand-ins instead of opening the same DynamoDB files a second time.
 *
 * A runtime killed with SIGKILL leaves the file behind, and its pid may since belong to another
 * process: the file counts only while its pid is alive *and* is a nianbao runtime (on Linux,
 * /proc/PID/cmdline names local/start.ts).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RuntimeInfo {
  pid: number;
  startedAt: string;
  apiUrl: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  sesEndpoint: string;
  table: string;
  bucket: string;
  /** where `nianbao backup` asks for holds (hold-control.ts); absent in files of older runtimes */
  controlUrl?: string;
}

export const runtimeFile = (dataDir: string) => path.join(dataDir, 'runtime.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The script that marks a nianbao runtime's command line (npm start runs `tsx local/start.ts`). */
const RUNTIME_SCRIPT = /(^|[\0/\\])local[/\\]start\.ts(\0|$)/;

/** Whether `pid` is a live nianbao runtime; without /proc (macOS) a live pid is taken as one. */
export function isRuntimeProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return false;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    // A zombie (exited, not yet reaped) is not running.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return false;
    return RUNTIME_SCRIPT.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

/** The file's content whether or not its runtime still runs (undefined if absent or unreadable). */
export function readRuntimeFile(dataDir: string): RuntimeInfo | undefined {
  const file = runtimeFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
  } catch {
    return undefined;
  }
}

/** The running instance's addresses, or undefined if none is running (a stale file is ignored). */
export function readRuntime(dataDir: string): RuntimeInfo | undefined {
  const info = readRuntimeFile(dataDir);
  return info && isRuntimeProcess(info.pid) ? info : undefined;
}

export function writeRuntime(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(runtimeFile(dataDir), `${JSON.stringify(info, null, 2)}\n`);
}

export function removeRuntime(dataDir: string): void {
  rmSync(runtimeFile(dataDir), { force: true });
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Before `npm start` takes the data folder: undefined if it may (no runtime.json, or a stale one,
 * which is removed; a runtime still exiting is waited for), else why not, in Chinese and English.
 */
export async function dataDirTakenBy(dataDir: string, options: { waitMs?: number } = {}): Promise<string | undefined> {
  const info = readRuntimeFile(dataDir);
  if (!info) return undefined;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  while (isRuntimeProcess(info.pid)) {
    if (await answers(info.apiUrl, 1500)) {
      return (
        `数据目录 ${dataDir} 已由另一个 nianbao（进程 ${info.pid}）使用，API 在 ${info.apiUrl}：请在它的终端按 Ctrl-C 停止它，或换一个 NIANBAO_DATA_DIR。\n` +
        `Another nianbao (pid ${info.pid}) already runs on ${dataDir}, API at ${info.apiUrl}: stop it with Ctrl-C or use another NIANBAO_DATA_DIR.`
      );
    }
    if (Date.now() > deadline) {
      return (
        `数据目录 ${dataDir} 的 nianbao（进程 ${info.pid}）仍在运行但不响应：请运行 kill ${info.pid}（必要时 kill -9 ${info.pid}）后重新运行 npm start。\n` +
        `The nianbao on ${dataDir} (pid ${info.pid}) still runs but does not answer: run kill ${info.pid} (kill -9 if needed), then npm start again.`
      );
    }
    // Still exiting (or still starting): give it a moment.
    await new Promise((r) => setTimeout(r, 250));
  }
  removeRuntime(dataDir);
  return undefined;
}

/** A CLI command could not reach the runtime or store it was pointed at; the message says what to do. */
export class RuntimeUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeUnreachableError';
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'UND_ERR_SOCKET']);

/** Whether an error (or its cause) means a service did not answer, as opposed to a bug or a refusal. */
export function isConnectionError(error: unknown): boolean {
  for (let e = error as { code?: string; name?: string; cause?: unknown; errors?: unknown[]; $metadata?: { httpStatusCode?: number } } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code && CONNECTION_CODES.has(e.code)) return true;
    if (e.name === 'TimeoutError' || e.name === 'ServiceUnavailable' || e.$metadata?.httpStatusCode === 503) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isConnectionError(inner))) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** The one sentence a CLI command prints when the store it needs does not answer. */
export function unreachableSentence(dataDir: string, info: RuntimeInfo | undefined): string {
  return info
    ? `无法连接数据目录 ${dataDir} 上运行的 nianbao（进程 ${info.pid}）：请确认运行 npm start 的终端仍在运行且没有报错（必要时按 Ctrl-C 后重新运行 npm start），然后重试本命令。`
    : `无法连接本命令使用的数据库或存储（数据目录 ${dataDir}）：请检查 NIANBAO_DYNAMODB_ENDPOINT / NIANBAO_S3_ENDPOINT 等设置，或先运行 npm start，然后重试本命令。`;
}
