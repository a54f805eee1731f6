import { describe, expect, it } from 'vitest';
import { cellRefs, cellValue, setCell } from '../../functions/domain/report.js';
import { textField } from '../../functions/render/csv.js';
import { renderAllReportsCsv } from '../../functions/render/site/region-index-page.js';
import { reportCsv } from '../../functions/render/site/report-csv.js';
import { agencyId, REGION, revision, sampleReport } from './site-fixtures.js';

/** RFC 4180 reader, written for the test: returns rows of fields. */
function readCsv(doc: string): string[][] {
  expect(doc.startsWith('\uFEFF')).toBe(true);
  const s = doc.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && s[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else (field += c), i++;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const cellText = (v: number | string | null) => (v === null ? '' : String(v));

describe('CSV', () => {
  it('quotes commas, quotes and line breaks so they read back unchanged', () => {
    const samples = ['a,b', 'say "hi"', 'line1\nline2', 'cr\rlf\r\n', ' padded ', '普通文字', ''];
    const doc = `\uFEFF${samples.map(textField).join(',')}\r\n`;
    expect(readCsv(doc)).toEqual([samples]);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1']) {
      const [[read]] = readCsv(`\uFEFF${textField(attack)}\r\n`) as [[string]];
      expect(read).toBe(`'${attack}`);
    }
    expect(textField('一、本年新收')).toBe('一、本年新收');
  });

  it('report.csv has one row per cell: path, Chinese label, value; formulas in text cells defused', () => {
    const report = sampleReport({ template: '2019', year: 2020 });
    const refs = cellRefs('2019');
    setCell(report, refs[0]!.table, refs[0]!.row, refs[0]!.column, '=cmd|" /C calc"!A0');
    const rows = readCsv(reportCsv(report));
    expect(rows[0]).toEqual(['path', 'label', 'value']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual(refs.map((r) => [r.path, r.label]));
    refs.forEach((ref, i) => {
      const v = cellValue(report, ref.table, ref.row, ref.column);
      expect(rows[i + 1]![2], ref.path).toBe(typeof v === 'string' ? `'${v}` : cellText(v));
    });
    const negative = refs.findIndex((ref) => {
      const v = cellValue(report, ref.table, ref.row, ref.column);
      return typeof v === 'number' && v < 0;
    });
    expect(negative).toBeGreaterThanOrEqual(0);
    expect(Number(rows[negative + 1]![2])).toBeLessThan(0);
  });

  it('all-reports.csv: two header rows (labels, paths), one row per published report, one column per cell', () => {
    const agencies = [1, 2, 3].map((i) => ({ id: agencyId(i), name: `单位${i}`, region: REGION }));
    const reports = [
      sampleReport({ seed: 1, agencyName: '=1+1 单位1' }),
      sampleReport({ seed: 2, agencyName: '单位2, 含"引号"' }),
      sampleReport({ template: '2019', seed: 3, agencyName: '单位3' }),
    ];
    const doc = renderAllReportsCsv({
      region: { code: REGION },
      year: 2023,
      agencies: [...agencies, { id: agencyId(4), name: '未公开单位', region: REGION }],
      publications: reports.map((report, i) => ({ agencyId: agencies[i]!.id, region: REGION, year: 2023, revisions: [revision(1, report)] })),
    });
    const rows = readCsv(doc);
    const [labels, paths, ...body] = rows as [string[], string[], ...string[][]];
    expect(body).toHaveLength(3);
    const extra = cellRefs('2019').filter((r) => !cellRefs('2021').some((q) => q.path === r.path));
    expect(paths.slice(6)).toEqual([...cellRefs('2021'), ...extra].map((r) => r.path));
    expect(labels.slice(6)).toEqual([...cellRefs('2021'), ...extra].map((r) => r.label));
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    body.forEach((row, i) => {
      const report = reports[i]!;
      expect(row[0]).toBe(agencies[i]!.id);
      for (const ref of cellRefs(report.template)) {
        const v = cellValue(report, ref.table, ref.row, ref.column);
        expect(row[paths.indexOf(ref.path)], ref.path).toBe(cellText(v));
      }
    });
    expect(body[0]![1]).toBe(`'=1+1 单位1`);
    expect(body[1]![1]).toBe('单位2, 含"引号"');
  });
});
