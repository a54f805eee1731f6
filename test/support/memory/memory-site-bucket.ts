/**
 * The SiteBucket port in memory: the objects by key, last write wins. `failWith` makes every
 * put reject (a missing bucket, S3 down) until cleared; a rejected put writes nothing, which is
 * stricter than S3 (some objects of a batch may land) but what the port promises to callers.
 */
import type { SiteObject } from '../../../functions/render/site/render-site.js';
import type { SearchIndexBucket } from '../../../functions/services/site-ports.js';

export class MemorySiteBucket implements SearchIndexBucket {
  readonly objects = new Map<string, SiteObject>();
  /** puts attempted, failed ones included */
  puts = 0;
  failWith: Error | undefined;

  async put(objects: readonly SiteObject[]): Promise<void> {
    this.puts++;
    if (this.failWith) throw this.failWith;
    for (const o of objects) this.objects.set(o.key, structuredClone(o));
  }

  async list(prefix: string): Promise<{ key: string; etag: string }[]> {
    if (this.failWith) throw this.failWith;
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort().map((key) => ({ key, etag: '' }));
  }

  async remove(keys: readonly string[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    for (const key of keys) this.objects.delete(key);
  }

  /** a text object's body (page, JSON, CSV); the Word and Excel files are bytes: `bytes` */
  body(key: string): string | undefined {
    const body = this.objects.get(key)?.body;
    if (body instanceof Uint8Array) throw new Error(`${key} is a binary object`);
    return body;
  }

  bytes(key: string): Uint8Array | undefined {
    const body = this.objects.get(key)?.body;
    if (typeof body === 'string') throw new Error(`${key} is a text object`);
    return body;
  }
}
