/**
 * What the publishing tests share: the site bucket on s3rver, a stream pump and site server per
 * test file, reading pages back as HTML, and sums computed independently of the renderers.
 *
 * Every test file shares one table and stream, so each pump only passes on the records of its
 * own agencies: another file's submissions are not its business (and a file that wants its
 * publishes to fail must not see them succeed through someone else's pump).
 */
import { readSettings, type Settings } from '../../functions/settings.js';
import { CreateBucketCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { createDocumentClient, createDynamoDbClient, DynamoDbFilingStore } from '../../functions/adapters/dynamodb-filing-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb-table.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createS3Client } from '../../functions/adapters/s3-site-bucket.js';
import { createPublishHandler } from '../../functions/handlers/publish-stream.js';
import { publishDepsFor } from '../../functions/handlers/compose/publish.js';
import type { PublishDeps } from '../../functions/services/publishing.js';
import { cellRefs, cellValue, type Report } from '../../functions/domain/report.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { FilingStatus } from '../../functions/domain/filing-status.js';
import { startSiteServer, type SiteServer } from '../../local/site-server.js';
import type { StreamPump } from '../../local/stream-pump.js';
import { freePort } from '../../local/stand-ins.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { attr, elements, parse, text, type Doc } from '../unit/site-dom.js';
import { env, startAgenciesPump, store } from './helpers.js';

export function publishConfig(): Settings {
  const e = env();
  return readSettings({
    NIANBAO_TABLE: e.table,
    NIANBAO_SITE_BUCKET: e.bucket,
    NIANBAO_PRIVATE_BUCKET: e.privateBucket,
    NIANBAO_DYNAMODB_ENDPOINT: e.dynamodbEndpoint,
    NIANBAO_S3_ENDPOINT: e.s3Endpoint,
    NIANBAO_PUBLIC_URL: e.apiUrl,
  });
}

export const SITE_URL = 'https://nianbao.example.gov.cn';

export function depsFor(bucket = env().bucket): PublishDeps {
  return publishDepsFor(publishConfig(), SITE_URL, bucket);
}

let s3: S3Client | undefined;
export function siteS3(): S3Client {
  s3 ??= createS3Client(publishConfig());
  return s3;
}

export interface TestPublishing {
  pump: StreamPump;
  site: SiteServer;
  /** agencies whose stream records this pump passes to the handler */
  agencies: Set<string>;
  stop(): Promise<void>;
}

const pumps = new Set<StreamPump>();
const pumpLog: string[] = [];

/** A pump calling the real publish handler with `deps`, and the site server on the real bucket. */
export async function startTestPublishing(deps: PublishDeps): Promise<TestPublishing> {
  const agencies = new Set<string>();
  const pump = await startAgenciesPump(agencies, createPublishHandler(() => deps), {
    pollMs: 50,
    retryDelayMs: 20,
    // kept for waitForStatus's message: a publish that never came says what the pump saw
    log: (line) => {
      pumpLog.push(`${new Date().toISOString()} ${line}`);
      if (pumpLog.length > 20) pumpLog.shift();
    },
  });
  pumps.add(pump);
  const site = await startSiteServer({ port: await freePort(), s3: siteS3(), bucket: env().bucket });
  return {
    pump,
    site,
    agencies,
    stop: async () => {
      pumps.delete(pump);
      await pump.stop();
      await site.stop();
    },
  };
}

/** Waits until the filing reaches `status` at `revision` (the stream is asynchronous). */
export async function waitForStatus(agencyId: string, year: number, status: FilingStatus, revision: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const filing = await store().getFiling(agencyId, year);
    last = filing && { status: filing.status, latestRevision: filing.latestRevision };
    if (filing?.status === status && filing.latestRevision === revision) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seen = [...pumps].map((p) => JSON.stringify(p.stats));
  throw new Error(`filing ${agencyId} ${year} did not reach ${status} r${revision}; last ${JSON.stringify(last)}; pumps ${seen.join(' ')}; ${pumpLog.join(' | ')}`);
}

export async function getObject(key: string): Promise<{ body: string; contentType?: string; cacheControl?: string } | undefined> {
  try {
    const o = await siteS3().send(new GetObjectCommand({ Bucket: env().bucket, Key: key }));
    return { body: await o.Body!.transformToString('utf8'), contentType: o.ContentType, cacheControl: o.CacheControl };
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Random reports in which every rule holds, different each call, for the agency and year. */
let sampleSeed = 1000;
export function consistentReport(agency: Agency, year: number): Report {
  const [report] = fc.sample(consistentReportArbitrary('2021'), { seed: sampleSeed++, numRuns: 1 });
  return { ...report!, agencyName: agency.name, year };
}

/** The data cells of a page by their `data-path`. */
export function cellsOf(doc: Doc): Map<string, string> {
  const cells = new Map<string, string>();
  for (const td of elements(doc, 'td')) {
    const path = attr(td, 'data-path');
    if (path) {
      expect(cells.has(path), `cell ${path} shown twice`).toBe(false);
      cells.set(path, text(td));
    }
  }
  return cells;
}

/** Every cell of the 2021 template on the page shows the report's number (blank for null). */
export function expectReportCells(html: string, report: Report): number {
  const cells = cellsOf(parse(html));
  let checked = 0;
  for (const ref of cellRefs(report.template)) {
    const expected = cellValue(report, ref.table, ref.row, ref.column);
    const shown = cells.get(ref.path);
    expect(shown, ref.path).toBeDefined();
    if (expected === null) expect(shown, ref.path).toBe('');
    else if (typeof expected === 'number') expect(Number(shown), ref.path).toBe(expected);
    else expect(shown, ref.path).toBe(expected);
    checked++;
  }
  return checked;
}

/** Exact decimal sum via six-place integers (BigInt), independent of the totals code. */
export function exactSum(values: readonly number[]): string {
  const micros = values.reduce((s, v) => s + BigInt(Math.round(v * 1_000_000)), 0n);
  const neg = micros < 0n;
  const abs = neg ? -micros : micros;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}

/**
 * A table and site bucket of a test file's own (`nianbao-<name>-<random>`): for passes that read
 * or mark every item of their table (a rebuild, the search index), which must not touch the
 * filings other files watch. `create()` makes both (call it in beforeAll).
 */
export function ownSite(name: string) {
  const suffix = randomBytes(4).toString('hex');
  const cfg = readSettings({
    NIANBAO_TABLE: `nianbao-${name}-${suffix}`,
    NIANBAO_SITE_BUCKET: `nianbao-${name}-${suffix}`,
    NIANBAO_DYNAMODB_ENDPOINT: env().dynamodbEndpoint,
    NIANBAO_S3_ENDPOINT: env().s3Endpoint,
  });
  const s3 = createS3Client(cfg);
  return {
    cfg,
    s3,
    store: new DynamoDbFilingStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE),
    deps: publishDepsFor(cfg, SITE_URL),
    async create(): Promise<void> {
      const client = createDynamoDbClient(cfg);
      await ensureTable(client, cfg.NIANBAO_TABLE);
      client.destroy();
      await s3.send(new CreateBucketCommand({ Bucket: cfg.NIANBAO_SITE_BUCKET }));
    },
  };
}
