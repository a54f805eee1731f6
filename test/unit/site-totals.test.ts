import { describe, expect, it } from 'vitest';
import { tableByPath, TEMPLATES } from '../../functions/domain/report-template.js';
import { cellRefs, cellValue, emptyReport, setCell } from '../../functions/domain/report.js';
import { regionTotals, renderTotalsPage, totalsCsv } from '../../functions/render/site/region-totals.js';
import { sumReports } from '../../functions/domain/report-totals.js';
import type { Publication, RegionYearInput } from '../../functions/domain/publication.js';
import { attr, elements, parse, text } from './site-dom.js';
import { agencyId, REGION, revision, sampleReport } from './site-fixtures.js';

/** Exact decimal sum via six-place fixed strings, written independently of the code under test. */
function exactSum(values: readonly number[]): string {
  const micros = values.reduce((s, v) => s + BigInt(v.toFixed(6).replace('.', '')), 0n);
  const neg = micros < 0n;
  const abs = neg ? -micros : micros;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}

const YEAR = 2023;
const agencies = Array.from({ length: 6 }, (_, i) => ({ id: agencyId(i + 1), name: `单位${i + 1}`, region: REGION }));
const included = [1, 2, 3, 4].map((seed) => sampleReport({ seed, agencyName: `单位${seed}` }));
const old = sampleReport({ template: '2019', seed: 5, agencyName: '单位5' });
const publications: Publication[] = [
  ...included.map((report, i) => ({ agencyId: agencies[i]!.id, region: REGION, year: YEAR, revisions: [revision(1, report)] })),
  { agencyId: agencies[4]!.id, region: REGION, year: YEAR, revisions: [revision(1, old)] },
];
const input: RegionYearInput = { region: { code: REGION, name: '内乡县' }, year: YEAR, agencies, publications };

describe('region totals (汇总)', () => {
  const doc = parse(renderTotalsPage(input));

  it('every cell of 二, 三 and 四 on the page is the exact sum of the included reports', () => {
    let checked = 0;
    for (const ref of cellRefs('2021')) {
      const values = included
        .map((r) => cellValue(r, ref.table, ref.row, ref.column))
        .filter((v): v is number => typeof v === 'number');
      const td = elements(doc, 'td').find((t) => attr(t, 'data-path') === ref.path)!;
      expect(td, ref.path).toBeDefined();
      expect(text(td), ref.path).toBe(values.length === 0 ? '' : exactSum(values));
      checked++;
    }
    expect(checked).toBe(cellRefs('2021').length);
  });

  it('sums decimals without float noise', () => {
    const fee = cellRefs('2021').find((r) => r.kind === 'amount')!;
    const reports = [0.1, 0.2, 24252.311082, 0.000001].map((v, i) => {
      const r = emptyReport('2021', { agencyName: `单位${i}`, year: YEAR });
      setCell(r, fee.table, fee.row, fee.column, v);
      return r;
    });
    const sum = sumReports(reports, { template: '2021', agencyName: '内乡县', year: YEAR });
    expect(cellValue(sum, fee.table, fee.row, fee.column)).toBe(24252.611083);
    expect(String(cellValue(sum, fee.table, fee.row, fee.column))).toBe(exactSum([0.1, 0.2, 24252.311082, 0.000001]));
  });

  it('sums whole numbers mixed with fractions, negatives and sums past 2^53 exactly', () => {
    const fee = cellRefs('2021').find((r) => r.kind === 'amount')!;
    const cases: number[][] = [
      [3, 0.25, 7, 1.000001],
      [-2, 5, 0.5],
      [Number.MAX_SAFE_INTEGER, 2, 3],
      [12, 30, 0],
    ];
    for (const values of cases) {
      const reports = values.map((v, i) => {
        const r = emptyReport('2021', { agencyName: `单位${i}`, year: YEAR });
        setCell(r, fee.table, fee.row, fee.column, v);
        return r;
      });
      const sum = cellValue(sumReports(reports, { template: '2021', agencyName: '内乡县', year: YEAR }), fee.table, fee.row, fee.column);
      const expected = values.every(Number.isSafeInteger)
        ? values.reduce((s, v) => s + BigInt(v), 0n).toString()
        : exactSum(values);
      // Past 2^53 the total is the nearest double to the exact sum, as any number on the page is.
      expect(String(sum), values.join(' + ')).toBe(String(Number(expected)));
    }
  });

  it('leaves a cell blank when no report has a number in it, and skips text in number cells', () => {
    const ref = cellRefs('2021')[0]!;
    const a = emptyReport('2021', { agencyName: 'a', year: YEAR });
    const b = emptyReport('2021', { agencyName: 'b', year: YEAR });
    setCell(b, ref.table, ref.row, ref.column, '无');
    const sum = sumReports([a, b], { template: '2021', agencyName: '内乡县', year: YEAR });
    expect(cellValue(sum, ref.table, ref.row, ref.column)).toBeNull();
    setCell(a, ref.table, ref.row, ref.column, 3);
    expect(cellValue(sumReports([a, b], { template: '2021', agencyName: 'x', year: YEAR }), ref.table, ref.row, ref.column)).toBe(3);
  });

  it('says how many agencies it covers (N of M) and names the report in the other format as not summed', () => {
    const coverage = elements(doc, 'p').filter((p) => attr(p, 'class') === 'coverage').map(text);
    expect(coverage[0]!.match(/\d+/g)).toEqual(['4', '6']);
    expect(coverage[1]).toContain(TEMPLATES['2019'].name);
    expect(coverage[1]!.match(/\d+/)![0]).toBe('1');
    const totals = regionTotals(input);
    expect(totals.included.map((e) => e.agencyId)).toEqual(agencies.slice(0, 4).map((a) => a.id));
    expect(totals.excluded.map((e) => e.agencyId)).toEqual([agencies[4]!.id]);
    expect(totals.missing.map((e) => e.agencyId)).toEqual([agencies[5]!.id]);
  });

  it('charts the six outcome groups of 三 from the 总计 column', () => {
    const svg = elements(doc, 'svg')[0]!;
    const groups: Record<string, (id: string) => boolean> = {
      disclosed: (id) => id === 'disclosed',
      partial: (id) => id === 'partiallyDisclosed',
      withheld: (id) => id.startsWith('withheld'),
      unavailable: (id) => id.startsWith('unavailable'),
      notProcessed: (id) => id.startsWith('notProcessed'),
      other: (id) => id.startsWith('other'),
    };
    const table = tableByPath('2021', 'applications');
    const expected = Object.values(groups).map((match) =>
      exactSum(
        table.rows
          .filter((r) => match(r.id))
          .flatMap((row) => included.map((rep) => cellValue(rep, table, row, table.columns.find((c) => c.id === 'total')!)))
          .map((v) => (typeof v === 'number' ? v : 0)),
      ),
    );
    const values = elements(svg, 'text').filter((t) => attr(t, 'class') === 'bar-value').map(text);
    expect(values).toEqual(expected);
    const labels = elements(svg, 'text').filter((t) => attr(t, 'class') === 'bar-label').map(text);
    expect(labels).toEqual(['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    const widths = elements(svg, 'rect').map((r) => Number(attr(r, 'width')));
    expect(widths.indexOf(Math.max(...widths))).toBe(expected.map(Number).indexOf(Math.max(...expected.map(Number))));
    expect(elements(svg).filter((e) => 'style' in e.attribs)).toHaveLength(0);
  });

  it('totals.csv carries the same sums', () => {
    const csv = totalsCsv(regionTotals(input));
    const fee = cellRefs('2021').find((r) => r.kind === 'amount')!;
    const line = csv.split('\r\n').find((l) => l.startsWith(`${fee.path},`))!;
    expect(line.split(',').at(-1)).toBe(exactSum(included.map((r) => cellValue(r, fee.table, fee.row, fee.column) as number)));
  });

  it('in a 2020 year sums the 2019-format reports', () => {
    const reports = [1, 2].map((seed) => sampleReport({ template: '2019', year: 2020, seed }));
    const t = regionTotals({
      region: { code: REGION },
      year: 2020,
      agencies: agencies.slice(0, 2),
      publications: reports.map((report, i) => ({ agencyId: agencies[i]!.id, region: REGION, year: 2020, revisions: [revision(1, report)] })),
    });
    expect(t.template).toBe('2019');
    expect(t.included).toHaveLength(2);
    const ref = cellRefs('2019').find((r) => r.kind === 'delta')!;
    const vs = reports.map((r) => cellValue(r, ref.table, ref.row, ref.column)).filter((v): v is number => typeof v === 'number');
    expect(String(cellValue(t.sum, ref.table, ref.row, ref.column))).toBe(exactSum(vs));
  });
});
