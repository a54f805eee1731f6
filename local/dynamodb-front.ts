/**
 * The endpoint every local client talks to instead of DynamoDB Local's own port: a small HTTP
 * relay on NIANBAO_DYNAMODB_PORT in front of the Java process, for two reasons.
 *
 * 1. DynamoDB Local answers TransactWriteItems before the transaction is on disk. Its
 *    SQLiteDBAccess.commitTransaction (3.3.0) only *enqueues* the COMMIT on sqlite4java's
 *    single job queue and returns; the 200 goes out while the COMMIT (and its fsyncs) still
 *    waits on that queue, 10–20 ms later. A SIGKILL in between loses an acknowledged
 *    transaction (SQLite rolls back its hot journal at the next open). Every other operation
 *    waits for its queued job. So after a successful transaction the relay sends one cheap
 *    request that does wait (ListTables: its job queues behind the COMMIT, the queue runs jobs
 *    in order) and answers the client only once that returns: a 2xx then means "committed".
 * 2. Java can die and be restarted on another port (stand-ins.ts); clients keep one endpoint,
 *    and while Java is down they get a fast 503 (the SDK's retryable "unavailable") instead of
 *    connection errors.
 * 3. `nianbao backup` needs the table as of one moment while the runtime runs: holdWrites()
 *    waits for the writes in flight (a transaction's barrier included) and keeps new ones
 *    waiting, reads still pass, until released. A held write is answered late, not refused.
 */
import { Agent, createServer, request, type IncomingHttpHeaders } from 'node:http';
import { listen, type RunningServer } from './listen.js';

/** Operations DynamoDB Local runs through beginTransaction/commitTransaction. */
const TRANSACTIONS = new Set(['DynamoDB_20120810.TransactWriteItems', 'DynamoDB_20120810.ExecuteTransaction']);
/**
 * Operations that change nothing, let through while writes are held (the streams API too: the
 * pumps keep reading). Anything else, PartiQL included, counts as a write.
 */
const READS = new Set(
  [
    'GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems', 'DescribeTable', 'ListTables', 'DescribeTimeToLive',
    'DescribeLimits', 'DescribeEndpoints', 'ListTagsOfResource', 'DescribeContinuousBackups',
  ].map((op) => `DynamoDB_20120810.${op}`),
);
const isRead = (target: string) => READS.has(target) || target.startsWith('DynamoDBStreams_20120810.');
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'host', 'content-length']);

export interface DynamoDbFront {
  endpoint: string;
  /** where Java listens now; undefined while it is down */
  setUpstream(url: string | undefined): void;
  /** resolves once no write is in flight; new writes wait until the returned release is called */
  holdWrites(): Promise<() => void>;
  stop(): Promise<void>;
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function unavailable(message: string): Reply {
  return {
    status: 503,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: Buffer.from(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ServiceUnavailable', message })),
  };
}

const DOWN = '本地 DynamoDB 未运行或正在重启 (DynamoDB Local is down or restarting)';

export async function startDynamoDbFront(options: { port: number; host?: string; upstream?: string }): Promise<DynamoDbFront> {
  let upstream = options.upstream;
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });

  const forward = (base: string, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer) =>
    new Promise<Reply>((resolve, reject) => {
      const outgoing: IncomingHttpHeaders = {};
      for (const [k, v] of Object.entries(headers)) if (!HOP_BY_HOP.has(k)) outgoing[k] = v;
      const url = new URL(path, base);
      const req = request(
        { host: url.hostname, port: url.port, path, method, agent, headers: { ...outgoing, 'content-length': String(body.byteLength) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  // holdWrites(): writes in flight, holders waiting for them to finish, writes waiting for release.
  let holds = 0;
  let inFlight = 0;
  const idle: (() => void)[] = [];
  const waiting: (() => void)[] = [];

  const relayWrite = async (method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Reply> => {
    while (holds > 0) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight++;
    try {
      return await relay(method, path, headers, body);
    } finally {
      if (--inFlight === 0) for (const done of idle.splice(0)) done();
    }
  };

  const relay = async (method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Reply> => {
    const base = upstream;
    if (!base) return unavailable(DOWN);
    let reply: Reply;
    try {
      reply = await forward(base, method, path, headers, body);
    } catch {
      return unavailable(DOWN);
    }
    const target = String(headers['x-amz-target'] ?? '');
    if (reply.status >= 300 || !TRANSACTIONS.has(target)) return reply;
    // The commit barrier (see the module comment).
    try {
      const barrier = await forward(
        base,
        'POST',
        '/',
        { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: headers.authorization },
        Buffer.from('{"Limit":1}'),
      );
      if (barrier.status === 200) return reply;
    } catch {
      // fall through: whether the transaction is on disk is unknown, so it is not acknowledged
    }
    return unavailable('本地 DynamoDB 在提交事务时停止，事务可能未保存，请重试 (DynamoDB Local stopped while committing; retry)');
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = isRead(String(req.headers['x-amz-target'] ?? '')) ? relay : relayWrite;
      void send(req.method ?? 'POST', req.url ?? '/', req.headers, Buffer.concat(chunks)).then((reply) => {
        const headers: IncomingHttpHeaders = {};
        for (const [k, v] of Object.entries(reply.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
        res.writeHead(reply.status, { ...headers, 'content-length': String(reply.body.byteLength) });
        res.end(reply.body);
      });
    });
    req.on('error', () => res.destroy());
  });
  const host = options.host ?? '127.0.0.1';
  const running: RunningServer = await listen(server, options.port, host);
  return {
    endpoint: running.url,
    setUpstream(url) {
      upstream = url;
    },
    async holdWrites() {
      holds++;
      if (inFlight > 0) await new Promise<void>((resolve) => idle.push(resolve));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds === 0) for (const go of waiting.splice(0)) go();
      };
    },
    async stop() {
      await running.stop();
      agent.destroy();
    },
  };
}
