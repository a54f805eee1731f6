/**
 * PDFs printed from HTML in Chromium at test time, read back by the PDF reader and the text
 * importer: every figure must come back in its cell, blanks blank.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importReport } from '../../functions/domain/import/import-report.js';
import { NO_TEXT_LAYER, pdfToText } from '../../functions/domain/import/pdf/read-pdf.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { withPdfJsEnvironment } from '../../functions/domain/import/pdf/pdfjs-environment.js';
import { cellRefs, cellValue, setCell, type Report } from '../../functions/domain/report.js';
import { SITE_CSS_FILE } from '../../functions/adapters/site-stylesheet.js';
import { renderReportPage } from '../../functions/render/site/report-page.js';
import { agencyId, REGION, revision, sampleReport } from '../unit/site-fixtures.js';
import { startPrinter, type Printer } from '../support/print-pdf.js';
import { readRealReport } from '../support/real-report-tables.js';
import { wordLikeReportHtml } from '../support/word-like-report.js';

let printer: Printer;
beforeAll(async () => {
  printer = await startPrinter();
});
afterAll(async () => {
  await printer?.close();
});

const cellsOf = (report: Report) =>
  new Map(cellRefs(report.template).map((ref) => [ref.path, cellValue(report, ref.table, ref.row, ref.column)]));

async function importPdf(pdf: Uint8Array): Promise<Report> {
  return (await importDocument(pdf)).report;
}

describe('a report printed from its page on our public site', () => {
  it('imports back with every figure of 二, 三 and 四, blanks blank', async () => {
    const report = sampleReport({ template: '2021', year: 2023, agencyName: '王店镇人民政府' });
    const page = renderReportPage({
      region: { code: REGION, name: '内乡县' },
      publication: { agencyId: agencyId(7), region: REGION, year: 2023, revisions: [revision(1, report)] },
    }).replace(/<link rel="stylesheet"[^>]*>/, `<style>${readFileSync(SITE_CSS_FILE, 'utf8')}</style>`);

    const imported = await importPdf(await printer.print(page));

    expect(imported).toMatchObject({ agencyName: '王店镇人民政府', year: 2023, template: '2021' });
    expect([...cellsOf(report).values()].filter((v) => v === null).length).toBeGreaterThan(0);
    expect(cellsOf(imported)).toEqual(cellsOf(report));
  });
});

describe('a report laid out as a Word document and printed to PDF', () => {
  const huaian = importReport(readRealReport('huaian-shi-renminzhengfu-2024').text);
  // A few cells left blank, one of them in each table.
  const tables = Object.fromEntries(cellRefs('2021').map((ref) => [ref.path, ref]));
  for (const path of ['proactive.regulations.rules.repealed', 'applications.carriedOver.research', 'applications.notProcessedRepeated.legal', 'appeals.litigationDirect.pending']) {
    const ref = tables[path]!;
    setCell(huaian, ref.table, ref.row, ref.column, null);
  }
  const paragraphs = [
    '2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大和二十届二中、三中全会精神，按照党中央国务院、省委省政府决策部署和市委工作要求，严格落实《中华人民共和国政府信息公开条例》各项规定，圆满完成了各项任务。',
    '（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条，全年新增公开市政府规章1件、市政府及市政府办政策性文件11件，通过文字、图片等形式制作政策解读21个，制作《淮安市人民政府公报》6期。'.repeat(3),
  ];
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await printer.print(wordLikeReportHtml(huaian, paragraphs), {
      header: '淮安市人民政府办公室',
      footer: '- <span class="pageNumber"></span> -',
    });
  });

  it('imports every figure of 二, 三 and 四 with agency, year and template', async () => {
    const imported = await importPdf(pdf);

    expect(imported).toMatchObject({ agencyName: '淮安市人民政府', year: 2024, template: '2021' });
    expect(cellsOf(imported)).toEqual(cellsOf(huaian));
    const blank = tables['applications.carriedOver.research']!;
    expect(cellValue(imported, blank.table, blank.row, blank.column)).toBeNull();
  });

  it('keeps the text without page headers, footers or page numbers, paragraphs whole', async () => {
    const text = await pdfToText(pdf);
    const { overview } = importReport(text).sections;

    expect(text).not.toContain('淮安市人民政府办公室');
    expect(text).not.toMatch(/^- \d+ -$/m);
    expect(overview.split('\n\n')).toEqual(paragraphs);
  });

  it('is printed over several pages, table 三 continued without its header', async () => {
    const { getDocumentProxy } = await import('unpdf');
    const document = await getDocumentProxy(new Uint8Array(pdf));
    const text = await pdfToText(pdf);

    expect(document.numPages).toBeGreaterThanOrEqual(3);
    expect(text.split('申请人情况')).toHaveLength(2);
    await document.loadingTask.destroy();
  });
});

describe('a PDF whose pages print no title', () => {
  it('takes agency and year from its Title property, as Word and browsers write it', async () => {
    const report = sampleReport({ template: '2021', year: 2023, agencyName: '王店镇人民政府' });
    const printed = wordLikeReportHtml(report, ['总体情况的正文。'])
      .replace(/<h1>[^<]*<\/h1>\s*/g, '')
      .replace('<head>', '<head><title>王店镇人民政府2023年政府信息公开工作年度报告</title>');
    const pdf = await printer.print(printed);

    expect(await pdfToText(pdf)).not.toContain('年度报告');
    expect(await importPdf(pdf)).toMatchObject({ agencyName: '王店镇人民政府', year: 2023, template: '2021' });
  });
});

describe('the textOnly option (our patch of unpdf\'s PDF.js, local/install/patch-pdfjs.mjs)', () => {
  /** Every page's text items and operators, and the glyph programs PDF.js kept for each font. */
  const readWith = (pdf: Uint8Array, textOnly: boolean) => withPdfJsEnvironment(() => read(pdf, textOnly));
  async function read(pdf: Uint8Array, textOnly: boolean) {
    const { getDocumentProxy } = await import('unpdf');
    const document = await getDocumentProxy(new Uint8Array(pdf), { ...({ textOnly } as object), useSystemFonts: false });
    const pages = [];
    let glyphPrograms = 0;
    let type3Fonts = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const operators = await page.getOperatorList();
      for (const name of new Set(content.items.flatMap((item) => ('fontName' in item ? [item.fontName] : [])))) {
        const font = page.commonObjs.get(name) as { isType3Font?: boolean; charProcOperatorList?: object };
        if (!font.isType3Font) continue;
        type3Fonts++;
        glyphPrograms += Object.keys(font.charProcOperatorList ?? {}).length;
      }
      // Font names carry the document's number (g_d0_f1, g_d1_f1): compare them without it.
      const items = content.items.map((item) => ('fontName' in item ? { ...item, fontName: item.fontName.replace(/^g_d\d+_/, '') } : item));
      pages.push({ items, operators: operators.fnArray });
    }
    await document.loadingTask.destroy();
    return { pages, glyphPrograms, type3Fonts };
  }

  it('skips the Type 3 glyph programs Chromium prints CJK text with, and reads the same text and drawing', async () => {
    const report = sampleReport({ template: '2021', year: 2023, agencyName: '王店镇人民政府' });
    const pdf = await printer.print(wordLikeReportHtml(report, ['总体情况的正文，印在表格之前。']));

    const full = await readWith(pdf, false);
    const textOnly = await readWith(pdf, true);

    expect(full.type3Fonts).toBeGreaterThan(0);
    expect(full.glyphPrograms).toBeGreaterThan(0);
    expect(textOnly.type3Fonts).toBe(full.type3Fonts);
    expect(textOnly.glyphPrograms).toBe(0);
    expect(textOnly.pages).toEqual(full.pages);
  });
});

describe('a PDF without a text layer', () => {
  it('is refused with a message saying it may be a scan', async () => {
    const scan = `<!DOCTYPE html><html><body><canvas id="c" width="700" height="400"></canvas><script>
      const g = document.getElementById('c').getContext('2d');
      g.font = '28px serif'; g.fillText('淮安市人民政府2024年政府信息公开工作年度报告', 10, 60);
      g.fillText('一、总体情况', 10, 120);</script></body></html>`;

    const error = await pdfToText(await printer.print(scan)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(NO_TEXT_LAYER);
  });
});
