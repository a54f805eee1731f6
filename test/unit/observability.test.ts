/**
 * The handlers' structured logs and metrics on Lambda (functions/handlers/observability.ts):
 * one JSON line per request with its id, route, status, outcome and latency, never the token;
 * the repair pass's backlog as an EMF metric. Outside Lambda both stay silent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handler as submit } from '../../functions/handlers/submit-filing.js';
import { createRepairHandler } from '../../functions/handlers/repair.js';
import { logger } from '../../functions/handlers/observability.js';
import { submitFiling } from '../../functions/services/filings.js';
import { memoryWorld } from '../support/memory/memory-world.js';
import { cleanReport } from '../support/consistent-report.js';

let lines: string[];

beforeEach(() => {
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'nianbao-test');
  logger.setLogLevel('INFO');
  lines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  logger.setLogLevel('SILENT');
});

const json = () => lines.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as Record<string, any>] : []));
const event = (routeKey: string, headers: Record<string, string> = {}, body?: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey,
    rawPath: routeKey.split(' ')[1]!,
    headers,
    requestContext: { requestId: 'api-req-1', http: { method: routeKey.split(' ')[0]! } },
    isBase64Encoded: false,
    ...(body !== undefined ? { body } : {}),
  }) as unknown as APIGatewayProxyEventV2;
const context = { awsRequestId: 'lambda-req-1' } as Context;

describe('request logs', () => {
  it('writes one JSON line per request: request id, route, status, outcome, latency', async () => {
    // A request refused before any table read (413), so no stand-in is needed.
    const response = await submit(event('POST /api/filings/{year}/submit', {}, 'x'.repeat(600 * 1024)), context);
    expect(response.statusCode).toBe(413);
    const requests = json().filter((l) => l.message === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ level: 'INFO', service: 'nianbao', requestId: 'lambda-req-1', route: 'POST /api/filings/{year}/submit', status: 413, outcome: 'refused' });
    expect(requests[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('logs a refused request with its status, and never the bearer token', async () => {
    const token = 'nbf_SECRET-token-that-must-not-be-logged';
    const response = await submit(event('POST /api/filings/{year}/submit', { authorization: `Bearer ${token}` }, 'x'.repeat(600 * 1024)), context);
    expect(response.statusCode).toBe(413);
    expect(json().find((l) => l.message === 'request')).toMatchObject({ route: 'POST /api/filings/{year}/submit', status: 413, outcome: 'refused' });
    expect(lines.join('\n')).not.toContain('SECRET');
  });

  it('is silent outside Lambda', async () => {
    vi.unstubAllEnvs();
    logger.setLogLevel('SILENT');
    await submit(event('POST /api/filings/{year}/submit', {}, 'x'.repeat(600 * 1024)), context);
    expect(json().filter((l) => l.message === 'request')).toEqual([]);
  });
});

describe('the repair handler', () => {
  it('logs the pass and publishes the backlog it found as the UnpublishedBacklog metric (EMF)', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency('411325');
    const result = await submitFiling(world.deps.filing, world.filer(agency), { year: 2024, report: { ...cleanReport(), agencyName: agency.name, year: 2024 } });
    expect(result.status).toBe(201);
    world.loseStream();
    world.time.advance(3 * 60_000);

    const outcome = await createRepairHandler(() => world.deps.publish)();
    expect(outcome).toMatchObject({ backlog: 1, stillFailing: 0, repaired: [{ agencyId: agency.id, year: 2024, revision: 1 }] });
    const logged = json();
    expect(logged.find((l) => l.message === 'repair pass')).toMatchObject({ outcome: 'ok', backlog: 1, repaired: 1, stillFailing: 0 });
    const emf = logged.find((l) => l._aws);
    expect(emf?._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'nianbao', Dimensions: [['service']] });
    expect(emf).toMatchObject({ service: 'nianbao', UnpublishedBacklog: 1, Repaired: 1 });

    // Nothing owed any more: the metric says 0 (not missing), so the alarm clears.
    lines = [];
    await createRepairHandler(() => world.deps.publish)();
    expect(json().find((l) => l._aws)).toMatchObject({ UnpublishedBacklog: 0 });
  });
});
