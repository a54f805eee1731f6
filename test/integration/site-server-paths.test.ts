import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localS3Client } from '../../local/stand-ins.js';
import { startSiteServer, type SiteServer } from '../../local/site-server.js';
import { env } from './helpers.js';

describe('local site server on paths no page can have', () => {
  let site: SiteServer;
  const s3 = () => localS3Client(env().s3Endpoint);
  const prefix = `paths-${Date.now()}`;

  beforeAll(async () => {
    await s3().send(new PutObjectCommand({ Bucket: env().bucket, Key: `${prefix}/index.html`, Body: '<p>ok</p>', ContentType: 'text/html; charset=utf-8' }));
    site = await startSiteServer({ port: 0, s3: s3(), bucket: env().bucket });
  });
  afterAll(async () => site?.stop());

  const get = (path: string) => fetch(`${site.url}${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));

  it('serves a real page', async () => {
    expect((await get(`/${prefix}/`)).status).toBe(200);
  });

  it.each([
    ['a segment of 250 characters', () => `/${prefix}/${'a'.repeat(250)}`],
    ['a segment of 300 characters under a directory URL', () => `/${'b'.repeat(300)}/`],
    ['a long Chinese segment', () => `/${encodeURIComponent('年'.repeat(90))}.html`],
    ["s3rver's file behind a real object", () => `/${prefix}/index.html._S3rver_object`],
    ["s3rver's metadata file", () => `/${prefix}/index.html._S3rver_metadata.json`],
  ])('answers 404 with the not-found page, no stack, for %s', async (_label, path) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await get(path());
      expect(res.status).toBe(404);
      expect(res.text).toContain('页面不存在');
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
