/**
 * Probes of the table and the site bucket for GET /api/health: one try each, a short wait (a
 * health check that hangs is no answer). Built only for stores at an explicit endpoint (the
 * local stand-ins), where a store can be down while the API runs (`npm start`'s Java child).
 * On AWS the health route has no table or bucket access (least privilege,
 * infra/handler-catalog.ts); the managed services are watched by their CloudWatch alarms.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, type Settings } from '../settings.js';

/** Resolves if the store answers, rejects if not. */
export type Probe = () => Promise<void>;

export interface StoreProbes {
  database?: Probe;
  storage?: Probe;
}

const PROBE_CLIENT = {
  credentials: LOCAL_CREDENTIALS,
  maxAttempts: 1,
  requestHandler: { connectionTimeout: 2000, requestTimeout: 5000 },
};

/**
 * s3rver answers an odd 500 while it is busy (seen right after `npm start` publishes the demo
 * site): a store that answers a server error is asked again, twice, before it is called down.
 * A store that does not answer at all (connection refused, timeout) is down at once.
 */
async function withRetryOnServerError(call: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await call();
      return;
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (attempt >= 3 || status === undefined || status < 500) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export function storeProbes(cfg: Settings): StoreProbes {
  const probes: StoreProbes = {};
  if (cfg.NIANBAO_DYNAMODB_ENDPOINT) {
    const dynamodb = new DynamoDBClient({ ...PROBE_CLIENT, region: cfg.AWS_REGION, endpoint: cfg.NIANBAO_DYNAMODB_ENDPOINT });
    probes.database = async () => {
      await withRetryOnServerError(() => dynamodb.send(new DescribeTableCommand({ TableName: cfg.NIANBAO_TABLE })));
    };
  }
  if (cfg.NIANBAO_S3_ENDPOINT) {
    const s3 = new S3Client({ ...PROBE_CLIENT, region: cfg.AWS_REGION, endpoint: cfg.NIANBAO_S3_ENDPOINT, forcePathStyle: true });
    probes.storage = async () => {
      await withRetryOnServerError(() => s3.send(new HeadBucketCommand({ Bucket: cfg.NIANBAO_SITE_BUCKET })));
    };
  }
  return probes;
}
