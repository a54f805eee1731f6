/** Open data: a year's datasets hold every published report's figures exactly; /data/ lists them. */
import { describe, expect, it } from 'vitest';
import { cellRefs, cellValue, Report } from '../../functions/domain/report.js';
import { dataYears, datasetInfo, renderDataPage, yearDatasets } from '../../functions/render/site/open-data.js';
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
const publications = [...a.publications, ...b.publications, ...later.publications];
const regions = [{ code: '411325', name: '内乡县' }, { code: '411326', name: '淅川县' }];
// a name a spreadsheet would run as a formula
(publications[0]!.revisions[0]!.report as { agencyName: string }).agencyName = '=HYPERLINK("x")';

describe('a year’s datasets', () => {
  const [wide, jsonl, long] = yearDatasets(2023, publications, regions);

  it('hold every region’s reports of that year only, named with the year', () => {
    expect([wide!.path, jsonl!.path, long!.path]).toEqual(['/data/2023/reports-2023.csv', '/data/2023/reports-2023.jsonl', '/data/2023/figures-2023.csv']);
    const lines = jsonl!.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.region)).toEqual(['411325', '411325', '411325', '411326', '411326']);
    for (const l of lines) expect(Report.parse(l.report).year).toBe(2023);
    expect([wide!.rows, jsonl!.rows]).toEqual([5, 5]);
    expect(readCsv(wide!.body)).toHaveLength(2 + 5); // two header rows
  });

  it('the long CSV has one row per cell of each report, with the report’s value', () => {
    const rows = readCsv(long!.body);
    expect(rows[0]).toEqual(['统一社会信用代码', '单位', '行政区划代码', '地区', '年度', '数据项路径', '数据项', '数值']);
    const per = cellRefs('2021').length;
    expect(long!.rows).toBe(5 * per);
    expect(rows).toHaveLength(1 + 5 * per);
    const byKey = new Map(rows.slice(1).map((r) => [`${r[0]}|${r[5]}`, r]));
    for (const p of publications.filter((p) => p.year === 2023)) {
      const report = p.revisions.at(-1)!.report;
      for (const ref of cellRefs(report.template)) {
        const row = byKey.get(`${p.agencyId}|${ref.path}`)!;
        const v = cellValue(report, ref.table, ref.row, ref.column);
        expect(row[7], ref.path).toBe(v === null ? '' : formatNumber(v as number));
        expect(row[6]).toBe(ref.label);
        expect(row[3]).toBe(p.region === '411325' ? '内乡县' : '淅川县');
      }
    }
    // filer text that looks like a formula is defused
    expect(rows.some((r) => r[1] === `'=HYPERLINK("x")`)).toBe(true);
    expect(rows.some((r) => r[1] === '=HYPERLINK("x")')).toBe(false);
  });
});

describe('/data/', () => {
  it('lists each year with its files, report count and date, newest first', () => {
    const doc = parse(
      renderDataPage(
        dataYears([
          { year: 2023, published: 3, lastmod: '2024-01-11T02:00:00Z' },
          { year: 2023, published: 2, lastmod: '2024-01-12T02:00:00Z' },
          { year: 2024, published: 1, lastmod: '2025-01-11T02:00:00Z' },
        ]),
      ),
    );
    const rows = elements(elements(doc, 'tbody')[0]!, 'tr');
    expect(rows.map((r) => text(elements(r, 'th')[0]!))).toEqual(['2024', '2023']);
    expect(elements(rows[1]!, 'a').map((x) => attr(x, 'href'))).toEqual([
      '/data/2023/',
      '/data/2023/reports-2023.csv',
      '/data/2023/reports-2023.jsonl',
      '/data/2023/figures-2023.csv',
    ]);
    expect(text(elements(rows[1]!, 'td')[1]!)).toBe('5');
    expect(attr(elements(rows[1]!, 'time')[0]!, 'datetime')).toBe('2024-01-12');
    expect(elements(doc, 'script')).toHaveLength(0);
  });

  it('a year’s sizes are the files’ bytes', () => {
    const [wide] = yearDatasets(2023, publications, regions);
    expect(datasetInfo(wide!).bytes).toBe(Buffer.byteLength(wide!.body));
  });
});
