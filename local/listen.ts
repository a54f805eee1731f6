/** Starting and stopping the local HTTP servers (API, site) the same way. */
import type { Server } from 'node:http';

export interface RunningServer {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** Listens on host:port (0: any free port) and resolves once listening; `stop` drops open connections. */
export async function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  // Keep-alive connections from benchmarks and tests should not hold `stop` open.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${bound}`,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
