/**
 * GET /api/health: 200 while the stores answer, 503 naming the one that does not.
 *
 * The probes run against the local stand-ins only (NIANBAO_DYNAMODB_ENDPOINT / NIANBAO_S3_ENDPOINT
 * set): that is where a store can be down while the API still runs (`npm start`'s Java child).
 * On AWS this route has no table or bucket access (least privilege, infra/handler-catalog.ts);
 * the managed services are watched by their CloudWatch alarms, so there it only says it runs.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, settings, type Settings } from '../settings.js';
import { publicRoute } from './http-stack.js';

type Check = 'ok' | 'down';

/** One try, a short wait: a health check that hangs is no answer. */
const PROBE_CLIENT = {
  credentials: LOCAL_CREDENTIALS,
  maxAttempts: 1,
  requestHandler: { connectionTimeout: 2000, requestTimeout: 5000 },
};

let clients: { dynamodb?: DynamoDBClient; s3?: S3Client } | undefined;

function probeClients(cfg: Settings) {
  clients ??= {
    ...(cfg.NIANBAO_DYNAMODB_ENDPOINT
      ? { dynamodb: new DynamoDBClient({ ...PROBE_CLIENT, region: cfg.AWS_REGION, endpoint: cfg.NIANBAO_DYNAMODB_ENDPOINT }) }
      : {}),
    ...(cfg.NIANBAO_S3_ENDPOINT
      ? { s3: new S3Client({ ...PROBE_CLIENT, region: cfg.AWS_REGION, endpoint: cfg.NIANBAO_S3_ENDPOINT, forcePathStyle: true }) }
      : {}),
  };
  return clients;
}

const probe = (run: () => Promise<unknown>): Promise<Check> => run().then(
  () => 'ok' as const,
  () => 'down' as const,
);

export const handler = publicRoute({}, async () => {
  const cfg = settings();
  const { dynamodb, s3 } = probeClients(cfg);
  const [database, storage] = await Promise.all([
    dynamodb ? probe(() => dynamodb.send(new DescribeTableCommand({ TableName: cfg.NIANBAO_TABLE }))) : undefined,
    s3 ? probe(() => s3.send(new HeadBucketCommand({ Bucket: cfg.NIANBAO_SITE_BUCKET }))) : undefined,
  ]);
  const checks = { ...(database ? { database } : {}), ...(storage ? { storage } : {}) };
  const headers = { 'cache-control': 'no-store' };
  const down = [database === 'down' ? '数据库（DynamoDB）' : '', storage === 'down' ? '网站存储（S3）' : ''].filter(Boolean);
  if (down.length === 0) return { status: 200, headers, body: { status: 'ok', checks } };
  return {
    status: 503,
    headers,
    body: { status: 'unavailable', checks, message: `${down.join('和')}暂时无法连接，请稍后重试；本地运行时请查看 npm start 的输出。` },
  };
});
