import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { cellRefs, emptyReport, setCell, type Cell, type Report } from '../../functions/domain/report.js';
import { TEMPLATE_IDS } from '../../functions/domain/report-template.js';
import { makeReportText } from '../fixtures/make-report-text.js';

const reference = readFileSync(new URL('../fixtures/wangdian-2023-report.txt', import.meta.url), 'utf8');

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.nat({ max: 100_000 }),
  fc.integer({ min: -50, max: -1 }),
  fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 1_000_000),
  // Dashes and slashes are read as blank (agencies print them for "none"), 无 as 0 and 5件 as
  // 5, so not here: text that stays text.
  fc.constantFrom('abc', '十二', '五件', '无法统计'),
);

const SENTENCES = [
  '我镇坚持以公开为常态、不公开为例外。',
  '全年主动公开政府信息 300 余条。',
  '依申请公开办理规范，均在法定期限内答复。',
  '政务公开专栏更新不够及时。',
  '下一步将加强培训，提高公开质量。',
  '无',
];
const textArb = fc
  .array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((s) => s.join('')), {
    maxLength: 3,
  })
  .map((paragraphs) => paragraphs.join('\n\n'));

const reportArb: fc.Arbitrary<Report> = fc
  .record({
    template: fc.constantFrom(...TEMPLATE_IDS),
    agencyName: fc.constantFrom('王店镇人民政府', '平川县自然资源局', '内乡县人民政府办公室'),
    year: fc.integer({ min: 2019, max: 2030 }),
    cells: fc.array(cellArb, { minLength: 250, maxLength: 250 }),
    overview: textArb,
    problems: textArb,
    other: textArb,
  })
  .map(({ template, agencyName, year, cells, overview, problems, other }) => {
    const report = emptyReport(template, { agencyName, year });
    cellRefs(template).forEach((ref, i) => setCell(report, ref.table, ref.row, ref.column, cells[i] ?? null));
    Object.assign(report.sections, { overview, problems, other });
    return report;
  });

describe('the text renderer used by tests', () => {
  it('lays a report out as the reference does, but for the documented （七）总计 line', () => {
    const rendered = makeReportText(importReport(reference)).split('\n');
    const original = reference.split('\n');

    const differing = original.flatMap((line, i) => (line === rendered[i] ? [] : [i + 1]));

    expect(differing).toEqual([65]);
  });
});

describe('importing a rendered report', () => {
  it('gives back the report: numbers, blanks, text in cells, negatives, decimals, both templates', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        expect(importReport(makeReportText(report))).toEqual(report);
      }),
      { numRuns: 150 },
    );
  });
});
