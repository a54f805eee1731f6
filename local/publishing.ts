/**
 * The publishing half of the local runtime: the stream pump calling the publish handler, the
 * periodic repair pass over `publish_failed`, and the CDN-like site server. `npm start` calls
 * startPublishing once the table and bucket exist.
 */
import { settings, withSettings } from '../functions/settings.js';
import path from 'node:path';
import { createS3Client, S3SiteBucket } from '../functions/adapters/s3-site-bucket.js';
import { createPublishHandler } from '../functions/handlers/publish-stream.js';
import { publishDepsFor, searchIndexDeps } from '../functions/handlers/compose/publish.js';
import { refreshSearchIndex, type SearchIndexResult } from '../functions/services/search-index.js';
import { repairPublishFailures, type PublishDeps } from '../functions/services/publishing.js';
import { refreshRegionWorkbooks, type WorkbookResult } from '../functions/services/region-workbooks.js';
import { searchScriptObject, siteCssObject } from '../functions/adapters/site-stylesheet.js';
import { reportSchemaObject } from '../functions/render/site/report-schema.js';
import type { RegionInfo } from '../functions/domain/publication.js';
import { startSiteServer, type SiteServer } from './site-server.js';
import { startStreamPump, type StreamPump } from './stream-pump.js';

export interface PublishingOptions {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  table: string;
  bucket: string;
  sitePort: number;
  host?: string;
  /** the checkpoint of the stream lives here; without it the stream is read from its start */
  dataDir?: string;
  /** how often the repair pass runs (default one minute) */
  repairEveryMs?: number;
  /** region names to show instead of codes, written if missing */
  regions?: readonly RegionInfo[];
  pollMs?: number;
  log?: (line: string) => void;
}

export interface Publishing {
  siteUrl: string;
  deps: PublishDeps;
  pump: StreamPump;
  site: SiteServer;
  /** runs the repair pass now */
  repair(): ReturnType<typeof repairPublishFailures>;
  /**
   * Stops writing to the bucket (the pump after its batch in hand, the repair pass after the
   * pass in hand) until the returned release is called: the bucket is still while a backup copies it.
   */
  hold(): Promise<() => void>;
  /** writes the region-year workbooks that fell behind now (the timer also does, after each repair pass) */
  workbooks(): Promise<WorkbookResult>;
  /** rebuilds the search index now if anything was published since its last build (the timer also does, after the workbooks) */
  searchIndex(): Promise<SearchIndexResult>;
  stop(): Promise<void>;
}

export async function startPublishing(options: PublishingOptions): Promise<Publishing> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const siteUrl = `http://${host}:${options.sitePort}`;
  const cfg = withSettings(settings(), {
    NIANBAO_TABLE: options.table,
    NIANBAO_SITE_BUCKET: options.bucket,
    NIANBAO_DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    NIANBAO_S3_ENDPOINT: options.s3Endpoint,
  });
  const deps = publishDepsFor(cfg, process.env.NIANBAO_SITE_URL ? cfg.NIANBAO_SITE_URL : siteUrl);
  const s3 = createS3Client(cfg);
  // On AWS the stylesheet and search script are deployed with the code; here the runtime puts it in the bucket.
  // The same for the JSON Schema of report.json (it changes only with the code).
  await new S3SiteBucket(s3, options.bucket).put([siteCssObject(), searchScriptObject(), reportSchemaObject()]);
  const known = new Set((await deps.store.loadSite()).regions.map((r) => r.code));
  for (const r of options.regions ?? []) if (!known.has(r.code)) await deps.store.putRegion(r);

  const site = await startSiteServer({ port: options.sitePort, host, s3, bucket: options.bucket });
  let pump: StreamPump;
  try {
    pump = await startStreamPump({
      dynamodbEndpoint: options.dynamodbEndpoint,
      table: options.table,
      handler: createPublishHandler(() => deps),
      ...(options.dataDir ? { checkpointFile: path.join(options.dataDir, 'stream-checkpoint.json') } : {}),
      ...(options.pollMs ? { pollMs: options.pollMs } : {}),
      log,
    });
  } catch (error) {
    await site.stop();
    throw error;
  }

  let repairing: Promise<unknown> = Promise.resolve();
  const repair = () => {
    const run = repairPublishFailures(deps).then((result) => {
      for (const t of result.repaired) log(`publish repaired: ${t.agencyId} ${t.year} r${t.revision}`);
      for (const t of result.stillFailing) log(`publish still failing: ${t.agencyId} ${t.year} r${t.revision}: ${t.error}`);
      return result;
    });
    repairing = run.catch(() => undefined);
    return run;
  };
  let holds = 0;
  const workbooks = () => {
    const run = repairing.then(() => refreshRegionWorkbooks(deps));
    repairing = run.catch(() => undefined);
    return run;
  };
  const search = searchIndexDeps(deps);
  const searchIndex = () => {
    const run = repairing.then(() => refreshSearchIndex(search));
    repairing = run.catch(() => undefined);
    return run;
  };
  const timer = setInterval(() => {
    if (holds > 0) return;
    repair()
      .then(() => workbooks())
      .then((w) => w.written.forEach((x) => log(`workbook written: ${x.region} ${x.year} (${x.reports} reports)`)))
      .then(() => searchIndex())
      .then((s) => s.built && log(`search index built: ${s.reports} reports, ${s.files} files (${s.written} written, ${s.deleted} deleted)`))
      .catch((error: unknown) => log(`repair pass failed: ${(error as Error).message}`));
  }, options.repairEveryMs ?? 60_000);
  timer.unref();

  return {
    siteUrl,
    deps,
    pump,
    site,
    repair,
    async hold() {
      holds++;
      const releasePump = await pump.hold();
      await repairing;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        releasePump();
      };
    },
    workbooks,
    searchIndex,
    async stop() {
      clearInterval(timer);
      await pump.stop();
      await repairing;
      await search.indexer.close?.();
      await site.stop();
      s3.destroy();
    },
  };
}
