/**
 * `npm start` as a child process a fault test can SIGKILL: its own process group, data folder
 * and free ports. Reads the sign-in tokens it prints, finds its Java child by the data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dynamoDbLocalPids, freePort } from '../../local/stand-ins.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY = '按 Ctrl-C 停止';

export interface RuntimePorts {
  api: number;
  site: number;
  ses: number;
  dynamodb: number;
  s3: number;
}

export async function freePorts(): Promise<RuntimePorts> {
  const ports: number[] = [];
  while (ports.length < 5) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  const [api, site, ses, dynamodb, s3] = ports as [number, number, number, number, number];
  return { api, site, ses, dynamodb, s3 };
}

export interface RuntimeProcess {
  apiUrl: string;
  siteUrl: string;
  /** the demo sign-in token of each agency, by name, as this start printed them */
  tokens: Map<string, string>;
  child: ChildProcess;
  output(): string;
  /** SIGKILL the whole process group (Node, tsx, Java) and wait until it is gone */
  kill(): Promise<void>;
  /** Ctrl-C */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** pids of the DynamoDB Local JVMs whose database lives under `dataDir` */
export const javaPids = (dataDir: string) => dynamoDbLocalPids(path.join(dataDir, 'dynamodb'));

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface RuntimeOptions {
  dataDir: string;
  /** the ports to start on; replaced in place when one was taken (startRuntime) */
  ports: RuntimePorts;
  env?: Record<string, string>;
  readyMs?: number;
}

/** what `npm start` prints when a port it was given is taken (local/stand-ins.ts) */
const PORT_TAKEN = 'is already in use';
/** starts on a port taken between freePorts() and the bind, at most, before giving up */
const PORT_ATTEMPTS = 3;

/**
 * `npm start` on `options.ports`. A free port can be taken before the runtime binds it (the
 * tests run side by side, and every outgoing connection borrows a port of the same range): then
 * the start is tried again on new free ports, written into `options.ports` so a restart and the
 * caller use the ones in use. Any other failure fails at once.
 */
export async function startRuntime(options: RuntimeOptions): Promise<RuntimeProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= PORT_ATTEMPTS || !String(error).includes(PORT_TAKEN)) throw error;
      Object.assign(options.ports, await freePorts());
    }
  }
}

async function startOnce(options: RuntimeOptions): Promise<RuntimeProcess> {
  const { ports } = options;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The parent's test configuration (the integration stand-ins) must not leak into the runtime.
  for (const name of Object.keys(env)) if (name.startsWith('NIANBAO_')) delete env[name];
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'local/start.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      NIANBAO_DATA_DIR: options.dataDir,
      NIANBAO_API_PORT: String(ports.api),
      NIANBAO_SITE_PORT: String(ports.site),
      NIANBAO_SES_PORT: String(ports.ses),
      NIANBAO_DYNAMODB_PORT: String(ports.dynamodb),
      NIANBAO_S3_PORT: String(ports.s3),
      ...options.env,
    },
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pgid = child.pid!;
  const waitGone = async () => {
    const deadline = Date.now() + 15_000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  };
  const kill = async () => {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    await waitGone();
  };
  const deadline = Date.now() + (options.readyMs ?? 90_000);
  while (!out.includes(READY)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await kill();
      throw new Error(`npm start did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const tokens = new Map<string, string>();
  for (const m of out.matchAll(/^ {2}(\S+?)[\s　]+https?:\/\/\S*?token=([A-Za-z0-9_-]+)/gmu)) tokens.set(m[1]!, m[2]!);
  return {
    apiUrl: `http://127.0.0.1:${ports.api}`,
    siteUrl: `http://127.0.0.1:${ports.site}`,
    tokens,
    child,
    output: () => out,
    kill,
    async stop() {
      if (groupAlive(pgid)) process.kill(-pgid, 'SIGINT');
      const timer = setTimeout(() => void kill(), 20_000);
      await exited;
      clearTimeout(timer);
      await waitGone();
    },
    exited,
  };
}

/** `nianbao ARGS` on `dataDir` (no other NIANBAO_* setting of the test process leaks in), without blocking the test's event loop. */
export function cli(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) if (name.startsWith('NIANBAO_')) delete childEnv[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/nianbao.mjs', ...args], {
      cwd: ROOT,
      env: { ...childEnv, NIANBAO_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
