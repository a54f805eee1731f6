/**
 * Every document nianbao writes imports back with the documents-in importer (the one the form and
 * the CLI use) to the same report: the Word file whole (every cell of 二, 三, 四 and the texts of
 * 一, 五, 六), the Excel file's three tables (it carries no text sections: the importer says so).
 * The printed report page's PDF (Chromium's print to PDF) imports back the same way:
 * test/e2e/print.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../functions/domain/import/import-document.js';
import type { Report } from '../../functions/domain/report.js';
import { sectionName } from '../../functions/domain/import/sections.js';
import { reportDocx } from '../../functions/render/documents/report-docx.js';
import { reportXlsx } from '../../functions/render/documents/report-xlsx.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { DOCUMENT_CASES } from './documents-reading.js';

const TEXT_IDS = ['overview', 'problems', 'other'] as const;

/** The report without its text sections (what a workbook holds). */
function tablesOnly(report: Report): Report {
  return { ...report, sections: { ...report.sections, ...Object.fromEntries(TEXT_IDS.map((id) => [id, ''])) } };
}

describe.each(DOCUMENT_CASES)('round trip: %s', (_, report) => {
  it('report.docx imports back to the same report, texts included', async () => {
    const back = await importDocument(await reportDocx(report));
    expect(back.kind).toBe('docx');
    expect(back.report).toEqual(report);
  });

  it('report.xlsx imports back to the same tables; the texts are reported missing', async () => {
    const back = await importDocument(await reportXlsx(report), { partial: true });
    expect(back.kind).toBe('xlsx');
    expect(back.report).toEqual(tablesOnly(report));
    expect(back.missing).toEqual(TEXT_IDS.map(sectionName));
  });
});

describe('round trip of random consistent reports', () => {
  it.each(['2021', '2019'] as const)('template %s: .docx and .xlsx give back the report', async (template) => {
    await fc.assert(
      fc.asyncProperty(consistentReportArbitrary(template), async (report) => {
        expect((await importDocument(await reportDocx(report))).report).toEqual(report);
        expect((await importDocument(await reportXlsx(report), { partial: true })).report).toEqual(tablesOnly(report));
      }),
      { numRuns: 8 },
    );
  });
});
