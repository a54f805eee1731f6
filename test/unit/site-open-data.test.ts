/**
 * Open data: a region-year's datasets hold every published report's figures exactly; the year's
 * page and manifest list each region's files with the bytes and rows rendered; /data/ the years.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cellRefs, cellValue, Report } from '../../functions/domain/report.js';
import { dataManifest, regionYearDatasets, renderDataPage, renderDataYearPage, type DataLine } from '../../functions/render/site/open-data.js';
import { objectKey } from '../../functions/render/site/paths.js';
import { renderAllReportsCsv } from '../../functions/render/site/region-index-page.js';
import { regionYearDataFiles, renderSite, SiteIndex, type SiteObject } from '../../functions/render/site/render-site.js';
import type { SiteSnapshot } from '../../functions/domain/publication.js';
import { formatNumber } from '../../functions/render/site/format.js';
import { syntheticSite } from './site-fixtures.js';
import { attr, elements, parse, text } from './site-dom.js';

/** Minimal RFC 4180 reader (quoted fields, doubled quotes), enough for our own files. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r') continue;
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

const a = syntheticSite(3, 3, 2023, '411325');
const b = syntheticSite(2, 2, 2023, '411326');
const later = syntheticSite(2, 1, 2024, '411325');
const snapshot: SiteSnapshot = {
  regions: [{ code: '411325', name: '内乡县' }, { code: '411326', name: '淅川县' }],
  agencies: [...a.agencies, ...b.agencies, ...later.agencies],
  publications: [...a.publications, ...b.publications, ...later.publications],
};
// a name a spreadsheet would run as a formula
(snapshot.publications[0]!.revisions[0]!.report as { agencyName: string }).agencyName = '=HYPERLINK("x")';
const index = new SiteIndex(snapshot);

describe('a region-year’s datasets', () => {
  const input = index.regionYear('411325', 2023);
  const [wide, jsonl, long] = regionYearDatasets(input);

  it('hold that region-year’s reports only, named with the year and the region', () => {
    expect([wide!.path, jsonl!.path, long!.path]).toEqual([
      '/data/2023/reports-2023-411325.csv',
      '/data/2023/reports-2023-411325.jsonl',
      '/data/2023/figures-2023-411325.csv',
    ]);
    const lines = jsonl!.body.trim().split('\n').map((l) => JSON.parse(l) as { region: string; agencyId: string; report: unknown });
    expect(lines.map((l) => l.region)).toEqual(['411325', '411325', '411325']);
    expect(lines.map((l) => l.agencyId)).toEqual(a.publications.map((p) => p.agencyId).sort());
    for (const l of lines) expect(Report.parse(l.report).year).toBe(2023);
    // the wide CSV is the region-year's all-reports.csv: two header rows and a row per report
    expect(wide!.body).toBe(renderAllReportsCsv(input));
    expect(readCsv(wide!.body)).toHaveLength(2 + 3);
  });

  it('the long CSV has one row per cell of each report, with the report’s value', () => {
    const rows = readCsv(long!.body);
    expect(rows[0]).toEqual(['统一社会信用代码', '单位', '行政区划代码', '地区', '年度', '数据项路径', '数据项', '数值']);
    const per = cellRefs('2021').length;
    expect(rows).toHaveLength(1 + 3 * per);
    const byKey = new Map(rows.slice(1).map((r) => [`${r[0]}|${r[5]}`, r]));
    for (const p of a.publications) {
      const report = p.revisions.at(-1)!.report;
      for (const ref of cellRefs(report.template)) {
        const row = byKey.get(`${p.agencyId}|${ref.path}`)!;
        const v = cellValue(report, ref.table, ref.row, ref.column);
        expect(row[7], ref.path).toBe(v === null ? '' : formatNumber(v as number));
        expect(row[6]).toBe(ref.label);
        expect([row[2], row[3], row[4]]).toEqual(['411325', '内乡县', '2023']);
      }
    }
    // filer text that looks like a formula is defused
    expect(rows.some((r) => r[1] === `'=HYPERLINK("x")`)).toBe(true);
    expect(rows.some((r) => r[1] === '=HYPERLINK("x")')).toBe(false);
  });
});

describe('the listings', () => {
  const objects = new Map<string, SiteObject>();
  const lines: DataLine[] = [];
  beforeAll(async () => {
    for await (const o of renderSite(snapshot, 'https://example.gov.cn', lines)) objects.set(o.key, o);
  });
  const bytes = (path: string) => Buffer.byteLength(objects.get(objectKey(path))!.body);

  it('give each region-year file the bytes the rebuild wrote and its data rows', () => {
    expect(lines.map((l) => [l.region, l.year])).toEqual([['411325', 2023], ['411325', 2024], ['411326', 2023]]);
    const manifest = JSON.parse(String(objects.get('data/2023/manifest.json')!.body)) as { files: { path: string; bytes: number; rows: number; region: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual([
      '/data/2023/reports-2023-411325.csv',
      '/data/2023/reports-2023-411325.jsonl',
      '/data/2023/figures-2023-411325.csv',
      '/data/2023/reports-2023-411326.csv',
      '/data/2023/reports-2023-411326.jsonl',
      '/data/2023/figures-2023-411326.csv',
    ]);
    for (const f of manifest.files) {
      expect(f.bytes, f.path).toBe(bytes(f.path));
      const csv = String(objects.get(objectKey(f.path))!.body);
      const dataRows = f.path.endsWith('.jsonl') ? csv.trim().split('\n').length : readCsv(csv).length - (f.path.includes('/reports-') ? 2 : 1);
      expect(f.rows, f.path).toBe(dataRows);
    }
    // the same figures as a publish computes from its own objects
    const input = index.regionYear('411326', 2023);
    expect(regionYearDataFiles(input, [...objects.values()])).toEqual(lines.find((l) => l.region === '411326' && l.year === 2023)!.files);
    expect(JSON.parse(dataManifest(2023, lines))).toEqual(manifest);
  });

  it('/data/{year}/ has a row per region with its three files, size, rows and date', () => {
    const doc = parse(renderDataYearPage(2023, lines));
    const rows = elements(elements(doc, 'tbody')[0]!, 'tr');
    expect(rows.map((r) => text(elements(r, 'th')[0]!))).toEqual(['内乡县（411325）', '淅川县（411326）']);
    expect(elements(rows[1]!, 'a').map((x) => attr(x, 'href'))).toEqual([
      '/data/2023/reports-2023-411326.csv',
      '/data/2023/reports-2023-411326.jsonl',
      '/data/2023/figures-2023-411326.csv',
    ]);
    expect(text(elements(rows[1]!, 'td')[1]!)).toContain('2 行');
    expect(attr(elements(rows[1]!, 'time')[0]!, 'datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text(elements(doc, 'caption')[0]!)).toContain('2 个地区、5 份报告');
    expect(elements(doc, 'script')).toHaveLength(0);
  });

  it('/data/ lists each year newest first with its regions, reports and size', () => {
    const doc = parse(renderDataPage(lines));
    const rows = elements(elements(doc, 'tbody')[0]!, 'tr');
    expect(rows.map((r) => text(elements(r, 'th')[0]!))).toEqual(['2024', '2023']);
    expect(attr(elements(rows[1]!, 'a')[0]!, 'href')).toBe('/data/2023/');
    expect(elements(rows[1]!, 'td').slice(0, 2).map(text)).toEqual(['2', '5']);
    expect(String(objects.get('data/index.html')!.body)).toBe(renderDataPage(lines));
  });
});
