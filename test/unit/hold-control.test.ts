/**
 * The holds `nianbao backup` asks for: the DynamoDB front keeps writes waiting (reads pass) once
 * the writes in flight are done; the hold lasts while the backup's request stays open.
 * The front relays to a stand-in upstream here (no Java): what is checked is the order of events.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startDynamoDbFront, type DynamoDbFront } from '../../local/dynamodb-front.js';
import { holdRemotely, startHoldServer, type HoldServer } from '../../local/hold-control.js';

interface Upstream {
  url: string;
  server: Server;
  /** targets in the order the upstream finished them */
  done: string[];
  /** targets as they arrive */
  received: string[];
  /** writes wait for this before answering, when set */
  gate?: Promise<void>;
}

async function upstream(): Promise<Upstream> {
  const u: Upstream = { url: '', server: createServer(), done: [], received: [] };
  u.server.on('request', (req: IncomingMessage, res) => {
    req.resume();
    req.on('end', async () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      u.received.push(target);
      if (target.endsWith('PutItem') && u.gate) await u.gate;
      u.done.push(target.replace('DynamoDB_20120810.', ''));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
    });
  });
  await new Promise<void>((r) => u.server.listen(0, '127.0.0.1', () => r()));
  const address = u.server.address();
  u.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return u;
}

const call = (endpoint: string, op: string) =>
  fetch(endpoint, { method: 'POST', headers: { 'x-amz-target': `DynamoDB_20120810.${op}`, 'content-type': 'application/x-amz-json-1.0' }, body: '{}' }).then(
    async (r) => {
      await r.text();
      return op;
    },
  );

const tick = (ms = 100) => new Promise((r) => setTimeout(r, ms));

describe('holding writes at the DynamoDB front', () => {
  let front: DynamoDbFront | undefined;
  let up: Upstream | undefined;
  let control: HoldServer | undefined;
  afterEach(async () => {
    await control?.stop();
    await front?.stop();
    up?.server.closeAllConnections();
    up?.server.close();
  });

  it('waits for the write in flight, keeps new writes waiting, lets reads pass, then lets the writes go', async () => {
    up = await upstream();
    front = await startDynamoDbFront({ port: 0, upstream: up.url });
    let openGate!: () => void;
    up.gate = new Promise<void>((r) => (openGate = r));
    const inFlight = call(front.endpoint, 'PutItem');
    while (up.received.length === 0) await tick(20);
    let held = false;
    const holding = front.holdWrites().then((release) => {
      held = true;
      return release;
    });
    await tick();
    expect(held).toBe(false); // the write in flight is not done yet
    openGate();
    up.gate = undefined;
    await inFlight;
    const release = await holding;
    const later = call(front.endpoint, 'UpdateItem');
    expect(await call(front.endpoint, 'Scan')).toBe('Scan');
    await tick();
    expect(up.done).toEqual(['PutItem', 'Scan']);
    release();
    await later;
    expect(up.done).toEqual(['PutItem', 'Scan', 'UpdateItem']);
  });

  it('through the control server: the hold ends when the backup closes its request', async () => {
    up = await upstream();
    front = await startDynamoDbFront({ port: 0, upstream: up.url });
    const f = front;
    control = await startHoldServer({ writes: () => f.holdWrites(), publishing: async () => () => undefined });
    const hold = await holdRemotely(control.url, 'writes');
    const write = call(front.endpoint, 'BatchWriteItem');
    await tick(200);
    expect(up.done).toEqual([]);
    hold.release();
    await write;
    expect(up.done).toEqual(['BatchWriteItem']);
    expect(hold.lost).toBe(false);
  });

  it('a hold that outlives its limit is released by the runtime, and the backup sees it lost', async () => {
    up = await upstream();
    front = await startDynamoDbFront({ port: 0, upstream: up.url });
    const f = front;
    control = await startHoldServer({ writes: () => f.holdWrites(), publishing: async () => () => undefined }, { writes: 300, publishing: 300 });
    const hold = await holdRemotely(control.url, 'writes');
    await call(front.endpoint, 'PutItem'); // waits out the limit, then goes through
    expect(up.done).toEqual(['PutItem']);
    await tick();
    expect(hold.lost).toBe(true);
    hold.release();
  });
});
