import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellRefs, cellValue, Report, type Report as ReportType } from '../../functions/domain/report.js';
import type { Agency } from '../../functions/domain/agency.js';
import { CACHE_IMMUTABLE, CACHE_SHORT, DOCX_TYPE, XLSX_TYPE } from '../../functions/render/site/object-headers.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { SECURITY_HEADERS } from '../../functions/render/site/security-headers.js';
import { attr, elements, parse, text } from '../unit/site-dom.js';
import { api, filerToken, newAgency, newRegion, reviewerToken } from './helpers.js';
import {
  cellsOf,
  consistentReport,
  depsFor,
  exactSum,
  expectReportCells,
  getObject,
  startTestPublishing,
  waitForStatus,
  type TestPublishing,
} from './publish-helpers.js';

const YEAR = 2024;

describe('publishing accepted reports through the stream to the site bucket and the local CDN', () => {
  let publishing: TestPublishing;
  let region: string;
  let agencies: Agency[];
  const submitted = new Map<string, ReportType[]>();

  async function submit(agency: Agency, report: ReportType): Promise<number> {
    const res = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: await filerToken(agency), body: report });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    submitted.set(agency.id, [...(submitted.get(agency.id) ?? []), { ...report, agencyId: agency.id }]);
    return res.body.revision as number;
  }

  const page = async (path: string, init?: RequestInit) => fetch(`${publishing.site.url}${path}`, { redirect: 'manual', ...init });

  beforeAll(async () => {
    publishing = await startTestPublishing(depsFor());
    region = newRegion();
    agencies = [await newAgency(region), await newAgency(region), await newAgency(region, 'township')];
    for (const a of agencies) publishing.agencies.add(a.id);
    // Two of three submit; the third stays unpublished on the index.
    for (const a of agencies.slice(0, 2)) await submit(a, consistentReport(a, YEAR));
    for (const a of agencies.slice(0, 2)) await waitForStatus(a.id, YEAR, 'published', 1);
  });

  afterAll(async () => {
    await publishing?.stop();
  });

  it('writes each submitted report’s page, with every table cell equal to the report’s number (bucket and CDN)', async () => {
    for (const a of agencies.slice(0, 2)) {
      const report = submitted.get(a.id)![0]!;
      const fromBucket = await getObject(`${region}/${YEAR}/${a.id}/index.html`);
      expect(fromBucket).toBeDefined();
      expect(expectReportCells(fromBucket!.body, report)).toBe(cellRefs('2021').length);
      const fromCdn = await page(`/${region}/${YEAR}/${a.id}/`);
      expect(fromCdn.status).toBe(200);
      const html = await fromCdn.text();
      expect(html).toBe(fromBucket!.body);
      const doc = parse(html);
      expect(attr(elements(doc, 'html')[0]!, 'lang')).toBe('zh-CN');
      expect(text(elements(doc, 'h1')[0]!)).toContain(a.name);
    }
  });

  it('puts report.json (the submitted report) and report.csv beside the page', async () => {
    const a = agencies[0]!;
    const json = await page(`/${region}/${YEAR}/${a.id}/report.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Report.parse(await json.json())).toEqual(submitted.get(a.id)![0]);
    const csv = await page(`/${region}/${YEAR}/${a.id}/report.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="report\.csv"$/);
    const fee = cellRefs('2021').find((r) => r.kind === 'amount')!;
    const line = (await csv.text()).split(/\r?\n/).find((l) => l.includes(fee.path));
    expect(line?.split(',').at(-1)).toBe(String(cellValue(submitted.get(a.id)![0]!, fee.table, fee.row, fee.column)));
  });

  it('puts report.docx and report.xlsx beside the page and in the revision, served as bytes; they import back', async () => {
    const a = agencies[0]!;
    const want = submitted.get(a.id)![0]!;
    for (const dir of [`/${region}/${YEAR}/${a.id}/`, `/${region}/${YEAR}/${a.id}/r/1/`]) {
      const docx = await page(`${dir}report.docx`);
      expect(docx.headers.get('content-type')).toBe(DOCX_TYPE);
      expect(docx.headers.get('content-disposition')).toBe('attachment; filename="report.docx"');
      expect((await importDocument(new Uint8Array(await docx.arrayBuffer()))).report.sections).toEqual(want.sections);
      const xlsx = await page(`${dir}report.xlsx`);
      expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
      const tables = (await importDocument(new Uint8Array(await xlsx.arrayBuffer()), { partial: true })).report.sections;
      for (const id of ['proactive', 'applications', 'appeals'] as const) expect(tables[id], `${dir} ${id}`).toEqual(want.sections[id]);
    }
  });

  it('lists every agency of the region on the region-year index, published ones linked, the other not yet', async () => {
    const res = await page(`/${region}/${YEAR}/`);
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    const rows = elements(doc, 'tr').filter((tr) => ['published', 'not-published'].includes(attr(tr, 'class') ?? ''));
    expect(rows).toHaveLength(3);
    for (const a of agencies.slice(0, 2)) {
      const row = rows.find((r) => text(r).includes(a.name))!;
      expect(attr(row, 'class')).toBe('published');
      expect(attr(elements(row, 'a')[0]!, 'href')).toBe(`/${region}/${YEAR}/${a.id}/`);
    }
    const pending = rows.find((r) => text(r).includes(agencies[2]!.name))!;
    expect(attr(pending, 'class')).toBe('not-published');
    expect(elements(pending, 'a')).toHaveLength(0);
  });

  it('sums tables 二, 三 and 四 on the totals page exactly as independently computed', async () => {
    const res = await page(`/${region}/${YEAR}/totals/`);
    const cells = cellsOf(parse(await res.text()));
    const reports = agencies.slice(0, 2).map((a) => submitted.get(a.id)!.at(-1)!);
    let checked = 0;
    for (const ref of cellRefs('2021')) {
      const values = reports.map((r) => cellValue(r, ref.table, ref.row, ref.column)).filter((v): v is number => typeof v === 'number');
      expect(cells.get(ref.path), ref.path).toBe(values.length ? exactSum(values) : '');
      checked++;
    }
    expect(checked).toBe(cellRefs('2021').length);
  });

  it('shows the filing as published to the reviewer', async () => {
    const res = await api(`/api/regions/${region}/filings?year=${YEAR}`, { token: await reviewerToken(region) });
    expect(res.status).toBe(200);
    const status = Object.fromEntries(res.body.filings.map((f: { agencyId: string; status: string }) => [f.agencyId, f.status]));
    expect(status).toEqual({ [agencies[0]!.id]: 'published', [agencies[1]!.id]: 'published', [agencies[2]!.id]: 'not_started' });
  });

  it('sends the object’s Content-Type and Cache-Control and the CDN’s security headers', async () => {
    const a = agencies[0]!;
    const revision = await page(`/${region}/${YEAR}/${a.id}/r/1/`);
    expect(revision.status).toBe(200);
    expect(revision.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(revision.headers.get('cache-control')).toBe(CACHE_IMMUTABLE);
    for (const path of ['/', `/${region}/${YEAR}/`, `/${region}/${YEAR}/${a.id}/`, `/agencies/${a.id}/`, `/${region}/${YEAR}/totals/`]) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(CACHE_SHORT);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    const sitemap = await page('/sitemap.xml');
    expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(await sitemap.text()).toContain(`https://nianbao.example.gov.cn/${region}/${YEAR}/sitemap.xml`);
  });

  it('redirects a directory URL without its slash, answers 404 in Chinese, and 304 for a current ETag', async () => {
    const a = agencies[0]!;
    const redirect = await page(`/${region}/${YEAR}/${a.id}?x=1`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`/${region}/${YEAR}/${a.id}/?x=1`);
    const missing = await page(`/${region}/${YEAR}/${agencies[2]!.id}/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
    expect(text(elements(parse(await missing.text()), 'h1')[0]!)).toBe('页面不存在');
    expect((await page('/../../etc/passwd')).status).toBe(404);
    const first = await page(`/${region}/${YEAR}/`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await page(`/${region}/${YEAR}/`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await page('/', { method: 'POST' })).status).toBe(405);
  });

  it('publishes an amendment as revision 2 and keeps revision 1 reachable, unchanged, at its stable URL', async () => {
    const a = agencies[0]!;
    const before = (await getObject(`${region}/${YEAR}/${a.id}/r/1/index.html`))!.body;
    const amended = consistentReport(a, YEAR);
    expect(await submit(a, amended)).toBe(2);
    await waitForStatus(a.id, YEAR, 'published', 2);

    const current = await page(`/${region}/${YEAR}/${a.id}/`);
    expectReportCells(await current.text(), { ...amended, agencyId: a.id });
    const r2 = await page(`/${region}/${YEAR}/${a.id}/r/2/`);
    expectReportCells(await r2.text(), { ...amended, agencyId: a.id });
    const r1 = await page(`/${region}/${YEAR}/${a.id}/r/1/`);
    expect(r1.status).toBe(200);
    const r1Html = await r1.text();
    expect(r1Html).toBe(before);
    expectReportCells(r1Html, submitted.get(a.id)![0]!);

    const history = elements(parse(await (await page(`/${region}/${YEAR}/${a.id}/`)).text()), 'aside').find(
      (s) => attr(s, 'class') === 'corrections',
    )!;
    expect(elements(history, 'a').map((x) => attr(x, 'href'))).toEqual([1, 2].map((n) => `/${region}/${YEAR}/${a.id}/r/${n}/`));

    // The totals follow the amendment: the latest revision of each agency.
    const cells = cellsOf(parse(await (await page(`/${region}/${YEAR}/totals/`)).text()));
    const reports = [amended, submitted.get(agencies[1]!.id)![0]!];
    for (const ref of cellRefs('2021')) {
      const values = reports.map((r) => cellValue(r, ref.table, ref.row, ref.column)).filter((v): v is number => typeof v === 'number');
      expect(cells.get(ref.path), ref.path).toBe(values.length ? exactSum(values) : '');
    }
  });

  it('lists each publication and the amendment, newest first, in the Atom feeds of the site and the region', async () => {
    // runs after the amendment above: three revisions in the region
    const feed = await page(`/${region}/feed.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await feed.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const ids = [...xml.matchAll(/<entry>\n<id>([^<]+)<\/id>/g)].map((m) => new URL(m[1]!).pathname);
    const [a, b] = [agencies[0]!, agencies[1]!];
    expect(ids[0]).toBe(`/${region}/${YEAR}/${a.id}/r/2/`);
    expect(ids.slice(1).sort()).toEqual([`/${region}/${YEAR}/${a.id}/r/1/`, `/${region}/${YEAR}/${b.id}/r/1/`].sort());
    expect(xml).toContain(`<author><name>${a.name}</name></author>`);
    // the site's feed lists the amendment too (other tests' regions may publish meanwhile)
    const site = await (await page('/feed.xml')).text();
    expect(XMLValidator.validate(site)).toBe(true);
    expect(site).toContain(`/${region}/${YEAR}/${a.id}/r/2/</id>`);
  });

  it('writes the region-year’s open data: the long CSV holds each published report’s figures; the year’s page and manifest list it with its size', async () => {
    const csv = await page(`/data/${YEAR}/figures-${YEAR}-${region}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="figures-${YEAR}-${region}.csv"`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    // the amended report's current figures
    const a = agencies[0]!;
    const latest = submitted.get(a.id)!.at(-1)!;
    const ref = cellRefs('2021').find((r) => r.path === 'applications.newReceived.total')!;
    const row = lines.find((l) => l.startsWith(`${a.id},`) && l.includes(`,${ref.path},`));
    expect(row?.split(',').at(-1)).toBe(String(cellValue(latest, ref.table, ref.row, ref.column)));
    const jsonl = await (await page(`/data/${YEAR}/reports-${YEAR}-${region}.jsonl`)).text();
    const mine = jsonl.trim().split('\n').map((l) => JSON.parse(l));
    expect(mine.map((l) => l.region)).toEqual([region, region]);
    expect(mine.map((l) => l.agencyId).sort()).toEqual([agencies[0]!.id, agencies[1]!.id].sort());
    // the listings carry the bytes written (other tests' regions may publish meanwhile)
    const manifest = (await (await page(`/data/${YEAR}/manifest.json`)).json()) as { files: { path: string; bytes: number; rows: number }[] };
    const listed = manifest.files.find((f) => f.path === `/data/${YEAR}/figures-${YEAR}-${region}.csv`);
    expect(listed?.bytes).toBe(bytes.length);
    expect(listed?.rows).toBe(lines.filter((l) => l !== '').length - 1);
    const yearPage = await (await page(`/data/${YEAR}/`)).text();
    expect(yearPage).toContain(`href="/data/${YEAR}/figures-${YEAR}-${region}.csv"`);
    expect(await (await page('/data/')).text()).toContain(`href="/data/${YEAR}/"`);
  });

  it('lists the region-year on the home page with its published count', async () => {
    const doc = parse(await (await page('/')).text());
    const link = elements(doc, 'a').find((x) => attr(x, 'href') === `/${region}/${YEAR}/`);
    expect(link).toBeDefined();
    const li = link!.parent as Parameters<typeof text>[0];
    expect(li.name).toBe('li');
    expect(text(li).match(/\d+ \/ \d+/)?.[0]).toBe('2 / 3');
  });
});
