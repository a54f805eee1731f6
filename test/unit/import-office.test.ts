import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from '../../functions/domain/import/docx/read-docx.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { importReport } from '../../functions/domain/import/import-report.js';
import type { Report } from '../../functions/domain/report.js';
import { reportDocx, reportHtml, reportXlsx, type DocxOptions } from '../support/office-documents.js';
import { sampleReport } from './site-fixtures.js';

const wangdian = importReport(readFileSync(new URL('../fixtures/wangdian-2023-report.txt', import.meta.url), 'utf8'));
const sources: [string, Report][] = [
  ['the 王店镇 2023 report', wangdian],
  ['a 2021-format report with blanks and decimal fees', sampleReport({ agencyName: '平川县自然资源局', seed: 3 })],
  ['a 2019-format report', sampleReport({ template: '2019', agencyName: '内乡县人民政府办公室', year: 2020, seed: 5 })],
];

describe('the sign-off a document ends with', () => {
  const other = '本年度未收取信息处理费。';
  const signed: Report = { ...wangdian, sections: { ...wangdian.sections, other: `${other}\n\n王店镇人民政府\n\n2024年1月15日` } };

  it('is left out of 六 in a Word file and in an HTML page', async () => {
    const fromDocx = await importDocument(await reportDocx(signed, { headings: 'bold', headerFooter: true }));
    expect(fromDocx.report.sections.other).toBe(other);
    expect(importReport(reportHtml(signed), { filename: '王店镇.html' }).sections.other).toBe(other);
    // the rest as it was
    expect(fromDocx.report).toEqual({ ...wangdian, sections: { ...wangdian.sections, other } });
  });
});

describe('importing Word files', () => {
  const layouts: [string, DocxOptions][] = [
    ['headings as Word heading styles', { headings: 'style' }],
    [
      'headings as bold paragraphs, the title over two lines, runs split by editing, page header and numbered footer',
      { headings: 'bold', titleOverTwoLines: true, splitRuns: true, headerFooter: true },
    ],
  ];
  for (const [name, report] of sources) {
    it.each(layouts)(`gives back ${name}: %s`, async (_, options) => {
      const bytes = await reportDocx(report, options);

      const imported = await importDocument(bytes);

      expect(imported.kind).toBe('docx');
      expect(imported.missing).toEqual([]);
      expect(imported.report).toEqual(report);
    });
  }

  it('reads merged cells (gridSpan, vMerge) once: the reader gives them as colspan and rowspan', async () => {
    const report = sampleReport({ seed: 7 });
    const bytes = await reportDocx(report, { headings: 'style' });

    const html = await docxToHtml(bytes);
    const imported = await importDocument(bytes);

    // 三's corner and row groups are merged both ways, 四's headers across
    expect(html).toMatch(/<td colspan="3" rowspan="3">/);
    expect(html).toMatch(/<td rowspan="22">/);
    expect(imported.report.sections.applications).toEqual(report.sections.applications);
    expect(imported.report.sections.appeals).toEqual(report.sections.appeals);
  });
});

describe('importing Excel workbooks', () => {
  for (const [name, report] of sources) {
    it(`gives back ${name} laid out in one sheet with merged cells and 总计 as formulas`, async () => {
      const bytes = await reportXlsx(report, { textSections: true, formulas: true });

      const imported = await importDocument(bytes);

      expect(imported.kind).toBe('xlsx');
      expect(imported.missing).toEqual([]);
      expect(imported.report).toEqual(report);
    });
  }

  it('reads a workbook of tables without text sections, and names the sections it did not find', async () => {
    const report = sampleReport({ seed: 11 });
    const bytes = await reportXlsx(report, { formulas: true });

    const imported = await importDocument(bytes);

    expect(imported.report).toEqual({ ...report, sections: { ...report.sections, overview: '', problems: '', other: '' } });
    expect(imported.missing).toEqual([
      '第一部分“总体情况”',
      '第五部分“存在的主要问题及改进情况”',
      '第六部分“其他需要报告的事项”',
    ]);
  });

  it('takes a formula saved with the result 0 as 0, not as blank', async () => {
    const report = sampleReport({ seed: 13 });
    const bytes = await reportXlsx(report, { textSections: true, formulas: true });

    const imported = await importDocument(bytes);

    expect(imported.report.sections.applications.newReceived?.total).toBe(report.sections.applications.newReceived?.total);
    expect(Object.values(wangdian.sections.applications).every((row) => row.total === 0)).toBe(true);
    const zeros = await importDocument(await reportXlsx(wangdian, { textSections: true, formulas: true }));
    expect(zeros.report.sections.applications.newReceived?.total).toBe(0);
  });
});
