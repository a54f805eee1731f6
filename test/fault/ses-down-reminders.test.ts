/**
 * SES goes down in the middle of a reminder pass (the first mails went out, the connection is
 * refused for the rest): the pass reports the failures, the next pass sends exactly those, and
 * a third sends nothing. The SES emulator of a real `npm start` is reached through a proxy
 * the test can cut.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_YEAR } from '../../local/seed/demo-county.js';
import { cli, freePorts, startRuntime, type RuntimeProcess } from './runtime-process.js';

interface StoredMail {
  destination: { to: string[] };
  subject: string;
}

/** Forwards to `target` while up; once `allow` requests went through, destroys every further connection. */
function flakySes(target: string, allow: number): Promise<{ url: string; server: Server; forwarded(): number; recover(): void }> {
  let forwarded = 0;
  const server = createServer((req, res) => {
    if (forwarded >= allow) {
      req.socket.destroy();
      return;
    }
    forwarded++;
    const url = new URL(req.url ?? '/', target);
    const upstream = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        server,
        forwarded: () => forwarded,
        recover() {
          allow = Infinity;
        },
      });
    }),
  );
}

describe('SES down during a reminder pass', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-fault-ses-'));
  let runtime: RuntimeProcess | undefined;
  let proxy: Server | undefined;
  afterAll(async () => {
    proxy?.close();
    await runtime?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the e-mails not sent go out on the next pass, none twice', { timeout: 300_000 }, async () => {
    const ports = await freePorts();
    runtime = await startRuntime({ dataDir, ports });
    const ses = `http://127.0.0.1:${ports.ses}`;
    // A week before the departments' and townships' deadline (31 January): five agencies have
    // not submitted (local/seed/demo-county.ts), so five reminders are due.
    const date = `${DEMO_YEAR + 1}-01-24`;
    const due = DEMO_AGENCIES.filter((a) => a.kind !== 'government-office');
    const addresses = due.flatMap((a) => a.emails);
    const flaky = await flakySes(ses, 2);
    proxy = flaky.server;

    const first = await cli(['remind', '--date', date], dataDir, { NIANBAO_SES_ENDPOINT: flaky.url });
    expect(first.status, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/发送 2 封，失败 3 封（下次运行重试）/);

    flaky.recover();
    const second = await cli(['remind', '--date', date], dataDir, { NIANBAO_SES_ENDPOINT: flaky.url });
    expect(second.status, `${second.stdout}\n${second.stderr}`).toBe(0);
    expect(second.stdout).toMatch(/发送 3 封，此前已发送 2 封/);

    const third = await cli(['remind', '--date', date], dataDir);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/发送 0 封，此前已发送 5 封/);

    // Each agency got its reminder exactly once.
    const mails = ((await (await fetch(`${ses}/store`)).json()) as { emails: StoredMail[] }).emails;
    const reminders = mails.filter((m) => m.destination.to.some((t) => addresses.includes(t)));
    const per = new Map<string, number>();
    for (const m of reminders) for (const t of m.destination.to) per.set(t, (per.get(t) ?? 0) + 1);
    expect(Object.fromEntries(per)).toEqual(Object.fromEntries(addresses.map((a) => [a, 1])));
    await runtime.stop();
    runtime = undefined;
  });
});
