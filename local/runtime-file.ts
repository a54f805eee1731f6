/**
 * `<data dir>/runtime.json`: written by `npm start` while it runs, so CLI commands find the
 * running stand-ins instead of opening the same DynamoDB files a second time.
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

/** The running instance's addresses, or undefined if none is running (a stale file is ignored). */
export function readRuntime(dataDir: string): RuntimeInfo | undefined {
  const file = runtimeFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
    return alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export function writeRuntime(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(runtimeFile(dataDir), `${JSON.stringify(info, null, 2)}\n`);
}

export function removeRuntime(dataDir: string): void {
  rmSync(runtimeFile(dataDir), { force: true });
}
