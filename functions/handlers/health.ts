/**
 * GET /api/health: 200 while the stores answer, 503 naming the one that does not. Its checks
 * come from the composition root (compose/http.ts, healthChecks): the table and the bucket of
 * the local stand-ins; none on AWS, where this route only says it runs (adapters/store-probes.ts).
 */
import { healthChecks } from './compose/http.js';
import type { Probe } from '../adapters/store-probes.js';
import { publicRoute } from './http-stack.js';

type Check = 'ok' | 'down';

const run = (probe: Probe | undefined): Promise<Check | undefined> =>
  probe ? probe().then(() => 'ok' as const, () => 'down' as const) : Promise.resolve(undefined);

export const handler = publicRoute({}, async () => {
  const checks = healthChecks();
  const [database, storage] = await Promise.all([run(checks.database), run(checks.storage)]);
  const body = { ...(database ? { database } : {}), ...(storage ? { storage } : {}) };
  const headers = { 'cache-control': 'no-store' };
  const down = [database === 'down' ? '数据库（DynamoDB）' : '', storage === 'down' ? '网站存储（S3）' : ''].filter(Boolean);
  if (down.length === 0) return { status: 200, headers, body: { status: 'ok', checks: body } };
  return {
    status: 503,
    headers,
    body: { status: 'unavailable', checks: body, message: `${down.join('和')}暂时无法连接，请稍后重试；本地运行时请查看 npm start 的输出。` },
  };
});
