/**
 * How `nianbao backup` (another process) asks a running `npm start` to keep still while it
 * copies: a small HTTP server on 127.0.0.1 (a free port, named in runtime.json as controlUrl).
 *
 * `POST /hold/writes` holds the table's writes at the DynamoDB front, `POST /hold/publishing`
 * rests the publisher (nothing writes to the bucket). The answer's first line, `held`, comes
 * once the hold is in force; the hold lasts while the request stays open. Closing it releases
 * the hold, so a backup that crashes or is killed cannot leave the runtime stuck; a hold that
 * outlives its limit is released by the runtime, which ends the answer with `released`.
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import { listen } from './listen.js';

export type HoldKind = 'writes' | 'publishing';

export interface Holds {
  writes(): Promise<() => void>;
  publishing(): Promise<() => void>;
}

/** The longest a hold may last: writes wait for the table scan only, the publisher for the bucket copy. */
export const HOLD_LIMIT_MS: Record<HoldKind, number> = { writes: 5 * 60_000, publishing: 60 * 60_000 };

export interface HoldServer {
  url: string;
  stop(): Promise<void>;
}

export async function startHoldServer(holds: Holds, limits: Record<HoldKind, number> = HOLD_LIMIT_MS): Promise<HoldServer> {
  const active = new Set<() => void>();
  const server = createServer((req, res) => {
    const kind = /^\/hold\/(writes|publishing)$/.exec(req.url ?? '')?.[1] as HoldKind | undefined;
    if (req.method !== 'POST' || !kind) {
      res.writeHead(404).end();
      return;
    }
    let release: (() => void) | undefined;
    let gone = false;
    const end = () => {
      gone = true;
      if (release) {
        active.delete(release);
        release();
      }
    };
    res.on('close', end);
    holds[kind]().then((r) => {
      if (gone) return r();
      release = r;
      active.add(r);
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.write('held\n');
      const timer = setTimeout(() => {
        end();
        res.end('released\n');
      }, limits[kind]);
      res.on('close', () => clearTimeout(timer));
    }, (error: unknown) => {
      if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${(error as Error).message}\n`);
    });
  });
  const running = await listen(server, 0, '127.0.0.1');
  return {
    url: running.url,
    async stop() {
      for (const r of active) r();
      active.clear();
      await running.stop();
    },
  };
}

export interface RemoteHold {
  /** ends the hold (closes the request) */
  release(): void;
  /** true if the runtime ended the hold first (its limit, or it stopped) */
  readonly lost: boolean;
}

/** Asks the runtime at `controlUrl` for a hold and resolves once it is in force. */
export function holdRemotely(controlUrl: string, kind: HoldKind): Promise<RemoteHold> {
  return new Promise((resolve, reject) => {
    const url = new URL(`/hold/${kind}`, controlUrl);
    let lost = false;
    let released = false;
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`hold ${kind}: HTTP ${res.statusCode}`));
        return;
      }
      let text = '';
      let held = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (!held && text.includes('held\n')) {
          held = true;
          resolve({
            release() {
              released = true;
              req.destroy();
            },
            get lost() {
              return lost;
            },
          });
        }
      });
      const ended = () => {
        if (!released) lost = true;
        if (!held) reject(new Error(`hold ${kind}: the runtime closed the request`));
      };
      res.on('end', ended);
      res.on('error', ended);
    });
    req.on('error', (error) => {
      if (!released) lost = true;
      reject(error);
    });
    req.end();
  });
}
