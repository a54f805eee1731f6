/**
 * The stamped copy (盖章件) against the stand-ins: the API presigns a PUT to the private bucket
 * whose signature fixes Content-Type and Content-Length (s3rver checks it as S3 does, through
 * local/s3-presigned-check.ts), the confirmation reads the stored object's size, type and magic
 * number, the record lands on the revision, the reviewer sees it on the board and opens it
 * through a short-lived link, a region that requires it refuses approval without it, and only a
 * region that chose to publish it gets it on the public site (through the stream, as a publish).
 * Year 2047.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbReviewStore } from '../../functions/adapters/dynamodb-review-store.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { setRegionSettings } from '../../functions/services/review.js';
import { publishRevision } from '../../functions/services/publishing.js';
import { depsFor, getObject, startTestPublishing, waitForStatus, type TestPublishing } from './publish-helpers.js';
import type { StampedUploadTicket } from '../../functions/contract/stamped-copy.js';
import { localS3Client } from '../../local/stand-ins.js';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { api, clock, env, filerToken, newAgency, newRegion, reportFor, reviewerToken, store, testConfig } from './helpers.js';

const YEAR = 2047;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

let review: DynamoDbReviewStore;
beforeAll(() => {
  const cfg = testConfig();
  review = new DynamoDbReviewStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE);
});

async function submitted(options: { review?: 'none' | 'required'; stampedCopy?: 'none' | 'required' } = {}) {
  const region = newRegion();
  await setRegionSettings({ settings: review, clock }, region, { review: options.review ?? 'none', stampedCopy: options.stampedCopy ?? 'none' }, 'test');
  const agency = await newAgency(region, 'township');
  const filer = await filerToken(agency);
  const res = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
  expect(res.status).toBe(201);
  return { region, agency, filer, reviewer: await reviewerToken(region) };
}

async function ticket(filer: string, file: { fileName: string; contentType: string; size: number }) {
  return api<StampedUploadTicket & { error: { code: string; message: string } }>(`/api/filings/${YEAR}/stamped-copy/upload`, { method: 'POST', token: filer, body: file });
}

function put(t: StampedUploadTicket, body: Uint8Array, headers: Record<string, string> = t.headers) {
  return fetch(t.url, { method: 'PUT', headers, body: Buffer.from(body) });
}

async function upload(filer: string, bytes: Uint8Array, fileName: string, contentType: string) {
  const t = await ticket(filer, { fileName, contentType, size: bytes.byteLength });
  expect(t.status).toBe(200);
  expect((await put(t.body, bytes)).status).toBe(200);
  return { ticket: t.body, confirm: await api(`/api/filings/${YEAR}/stamped-copy`, { method: 'POST', token: filer, body: { uploadId: t.body.uploadId, fileName } }) };
}

describe('asking to upload', () => {
  it('refuses another type, an empty file or one over 10 MB, in Chinese, before presigning', async () => {
    const { filer } = await submitted();
    const word = await ticket(filer, { fileName: '盖章件.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 });
    expect(word.status).toBe(400);
    expect(word.body.error.message).toContain('只能上传 PDF、JPEG 或 PNG');
    const big = await ticket(filer, { fileName: '扫描.pdf', contentType: 'application/pdf', size: 10 * 1024 * 1024 + 1 });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain('超过 10 MB 的上限');
    const empty = await ticket(filer, { fileName: '扫描.pdf', contentType: 'application/pdf', size: 0 });
    expect(empty.status).toBe(400);
  });

  it('is refused before a submission and to a reviewer', async () => {
    const region = newRegion();
    const agency = await newAgency(region);
    const none = await ticket(await filerToken(agency), { fileName: 'a.pdf', contentType: 'application/pdf', size: 100 });
    expect(none.status).toBe(409);
    expect(none.body.error.message).toContain('请先提交报告');
    const asReviewer = await ticket(await reviewerToken(region), { fileName: 'a.pdf', contentType: 'application/pdf', size: 100 });
    expect(asReviewer.status).toBe(403);
  });
});

describe('the presigned PUT', () => {
  it('is refused by the signature when the type or the size differs from the declared one', async () => {
    const { filer } = await submitted();
    const t = (await ticket(filer, { fileName: '扫描.pdf', contentType: 'application/pdf', size: PDF.byteLength })).body;
    expect(new URL(t.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    const otherType = await put(t, PDF, { 'content-type': 'image/png' });
    expect(otherType.status).toBe(403);
    expect(await otherType.text()).toContain('SignatureDoesNotMatch');
    const longer = await put(t, new Uint8Array([...PDF, 0x20]));
    expect(longer.status).toBe(403);
    const noType = await put(t, PDF, {});
    expect(noType.status).toBe(403);
    // Nothing was stored by the refused attempts; the declared upload itself goes through.
    const s3 = localS3Client(env().s3Endpoint);
    await expect(s3.send(new HeadObjectCommand({ Bucket: env().privateBucket, Key: t.uploadId }))).rejects.toThrow();
    expect((await put(t, PDF)).status).toBe(200);
    const head = await s3.send(new HeadObjectCommand({ Bucket: env().privateBucket, Key: t.uploadId }));
    expect(head.ContentLength).toBe(PDF.byteLength);
    expect(head.ContentType).toBe('application/pdf');
    s3.destroy();
  });

  it('lands in the private bucket, never in the public site bucket', async () => {
    const { filer } = await submitted();
    const { ticket: t } = await upload(filer, PDF, '盖章件.pdf', 'application/pdf');
    expect(new URL(t.url).pathname.startsWith(`/${env().privateBucket}/stamped-copies/`)).toBe(true);
    expect(env().privateBucket).not.toBe(env().bucket);
  });
});

describe('confirming', () => {
  it('records the copy on the revision; the form shows it', async () => {
    const { agency, filer } = await submitted();
    const { confirm } = await upload(filer, PDF, '王店镇2047年报（盖章）.pdf', 'application/pdf');
    expect(confirm.status).toBe(201);
    expect(confirm.body).toMatchObject({ revision: 1, fileName: '王店镇2047年报（盖章）.pdf', contentType: 'application/pdf', size: PDF.byteLength });
    expect(confirm.body.key).toBeUndefined();
    const view = await api(`/api/filings/${YEAR}`, { token: filer });
    expect(view.body.stampedCopy).toMatchObject({ revision: 1, fileName: '王店镇2047年报（盖章）.pdf' });
    const revision = await store().getRevision(agency.id, YEAR, 1);
    expect(revision?.stampedCopy?.key).toMatch(new RegExp(`^stamped-copies/${agency.id}/${YEAR}/r1/`));
  });

  it('refuses an object whose first bytes are not what it claims, and deletes it', async () => {
    const { filer } = await submitted();
    // Declared (and signed) as a PDF, but a PNG inside: the signature cannot see that, the confirmation does.
    const { ticket: t, confirm } = await upload(filer, PNG, '改了扩展名.pdf', 'application/pdf');
    expect(confirm.status).toBe(400);
    expect(confirm.body.error.message).toContain('内容是 PNG，与声明的格式不符');
    const s3 = localS3Client(env().s3Endpoint);
    await expect(s3.send(new HeadObjectCommand({ Bucket: env().privateBucket, Key: t.uploadId }))).rejects.toThrow();
    s3.destroy();
    const text = await upload(filer, new TextEncoder().encode('not a scan at all'), 'a.pdf', 'application/pdf');
    expect(text.confirm.status).toBe(400);
    expect(text.confirm.body.error.message).toContain('不是 PDF、JPEG 或 PNG');
    expect((await api(`/api/filings/${YEAR}`, { token: filer })).body.stampedCopy).toBeNull();
  });

  it("refuses another agency's upload and one never uploaded", async () => {
    const a = await submitted();
    const b = await submitted();
    const { ticket: t } = await upload(a.filer, PDF, 'a.pdf', 'application/pdf');
    const theirs = await api(`/api/filings/${YEAR}/stamped-copy`, { method: 'POST', token: b.filer, body: { uploadId: t.uploadId, fileName: 'a.pdf' } });
    expect(theirs.status).toBe(400);
    const never = await ticket(a.filer, { fileName: 'b.pdf', contentType: 'application/pdf', size: 10 });
    const missing = await api(`/api/filings/${YEAR}/stamped-copy`, { method: 'POST', token: a.filer, body: { uploadId: never.body.uploadId, fileName: 'b.pdf' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('没有找到上传的文件');
  });
});

describe('the reviewer', () => {
  it('sees it on the board and opens it through a short-lived link', async () => {
    const { region, agency, filer, reviewer } = await submitted();
    const before = await api(`/api/regions/${region}/board?year=${YEAR}`, { token: reviewer });
    expect(before.body.rows.find((r: { agencyId: string }) => r.agencyId === agency.id).stampedCopy).toBeNull();
    await upload(filer, PNG, '扫描件.png', 'image/png');
    const board = await api(`/api/regions/${region}/board?year=${YEAR}`, { token: reviewer });
    expect(board.body.rows.find((r: { agencyId: string }) => r.agencyId === agency.id).stampedCopy).toMatchObject({ revision: 1, fileName: '扫描件.png', contentType: 'image/png' });
    const view = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}`, { token: reviewer });
    expect(view.status).toBe(200);
    expect(view.body.stampedCopies).toHaveLength(1);
    const link = view.body.stampedCopies[0];
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const got = await fetch(link.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
    // The link's signature covers its query: a changed one is refused.
    const tampered = new URL(link.url);
    tampered.searchParams.set('response-content-type', 'text/html');
    expect((await fetch(tampered)).status).toBe(403);
  });
});

describe('a region that requires the stamped copy', () => {
  it('refuses approval without it with a Chinese message, and approves once it is uploaded', async () => {
    const { region, agency, filer, reviewer } = await submitted({ review: 'required', stampedCopy: 'required' });
    const refused = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token: reviewer, body: { revision: 1 } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('stamped-copy-required');
    expect(refused.body.error.message).toContain('尚未上传第 1 版报告的盖章件');
    expect((await upload(filer, PDF, '盖章件.pdf', 'application/pdf')).confirm.status).toBe(201);
    const view = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}`, { token: reviewer });
    expect(view.body.stampedCopyRequired).toBe(true);
    const approved = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token: reviewer, body: { revision: 1 } });
    expect(approved.status).toBe(200);
  });

  it('is switched by the region\'s reviewer (PUT settings), not by a filer or another region', async () => {
    const { region, filer, reviewer } = await submitted({ review: 'required' });
    const on = await api(`/api/regions/${region}/settings`, { method: 'PUT', token: reviewer, body: { stampedCopy: 'required' } });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ region, review: 'required', stampedCopy: 'required', publishStampedCopy: false });
    expect((await api(`/api/regions/${region}/board?year=${YEAR}`, { token: reviewer })).body.stampedCopy).toBe('required');
    expect((await api(`/api/regions/${region}/settings`, { method: 'PUT', token: filer, body: { stampedCopy: 'none' } })).status).toBe(403);
    const other = await reviewerToken(newRegion());
    expect((await api(`/api/regions/${region}/settings`, { method: 'PUT', token: other, body: { stampedCopy: 'none' } })).status).toBe(403);
    expect((await api(`/api/regions/${region}/settings`, { method: 'PUT', token: reviewer, body: { stampedCopy: 'maybe' } })).status).toBe(400);
    expect(await review.getRegionSettings(region)).toEqual({ review: 'required', stampedCopy: 'required', publishStampedCopy: false });
    // the other switch alone leaves this one as it is
    const publish = await api(`/api/regions/${region}/settings`, { method: 'PUT', token: reviewer, body: { publishStampedCopy: true } });
    expect(publish.body).toEqual({ region, review: 'required', stampedCopy: 'required', publishStampedCopy: true });
    expect((await api(`/api/regions/${region}/board?year=${YEAR}`, { token: reviewer })).body.publishStampedCopy).toBe(true);
    expect((await api(`/api/regions/${region}/settings`, { method: 'PUT', token: reviewer, body: {} })).status).toBe(400);
  });
});

describe('publishing it (the region\'s choice)', () => {
  let publishing: TestPublishing;
  beforeAll(async () => {
    publishing = await startTestPublishing(depsFor());
  });
  afterAll(async () => {
    await publishing?.stop();
  });

  /** A published report with its stamped copy confirmed afterwards, in a region publishing copies or not. */
  async function publishedWithCopy(publish: boolean) {
    const region = newRegion();
    if (publish) await setRegionSettings({ settings: review, clock }, region, { publishStampedCopy: true }, 'test');
    const agency = await newAgency(region, 'township');
    publishing.agencies.add(agency.id);
    const filer = await filerToken(agency);
    expect((await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) })).status).toBe(201);
    await waitForStatus(agency.id, YEAR, 'published', 1);
    const { confirm } = await upload(filer, PNG, '盖章件.png', 'image/png');
    expect(confirm.status).toBe(201);
    return { dir: `/${region}/${YEAR}/${agency.id}/`, agency };
  }

  const site = (path: string) => fetch(`${publishing.site.url}${path}`);

  it('keeps it private where the region has not chosen to publish it, and publishes it where it has: beside the page, by its type, linked', async () => {
    const off = await publishedWithCopy(false);
    const on = await publishedWithCopy(true);
    // The confirmation is a change of the published revision: the stream republishes the page with the file.
    const deadline = Date.now() + 20_000;
    // s3rver writes an object's content before its metadata: a read in between is served as
    // binary/octet-stream, so the type is waited for too (a copy stored without one still fails).
    const stored = (r: Response) => r.status === 200 && r.headers.get('content-type') !== 'binary/octet-stream';
    let res = await site(`${on.dir}stamped.png`);
    while (!stored(res) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      res = await site(`${on.dir}stamped.png`);
    }
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    const page = await (await site(on.dir)).text();
    expect(page).toContain(`<a href="${on.dir}stamped.png" type="image/png">盖章件（扫描件）</a>`);

    // The other region's record came before in the same stream, and a publish of its own does not copy it either.
    await publishRevision(depsFor(), { agencyId: off.agency.id, year: YEAR, revision: 1 });
    for (const file of ['stamped.png', 'stamped.pdf', 'stamped.jpg']) expect((await site(`${off.dir}${file}`)).status).toBe(404);
    expect(await (await site(off.dir)).text()).not.toContain('盖章件');
    expect(await getObject(`${off.dir.slice(1)}stamped.png`)).toBeUndefined();
  });
});
