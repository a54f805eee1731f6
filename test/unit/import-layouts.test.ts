import { describe, expect, it } from 'vitest';
import { amountInWan } from '../../functions/domain/import/amount.js';
import fc from 'fast-check';
import { parseCellValue, parsePrintedCell } from '../../functions/domain/import/cell-value.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { ImportError, importReport } from '../../functions/domain/import/import-report.js';
import { reportHtml } from '../support/office-documents.js';
import { sampleReport } from './site-fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('HTML as governments publish it', () => {
  it('counts once a value spanning the same two columns as its header (the provincial page)', () => {
    const report = sampleReport({ seed: 17 });
    // every cell of 二 after its label spans two columns, headers and values alike
    const html = reportHtml(report).replace(
      /<p>二、[\s\S]*?<p>三、/,
      (part) => part.replace(/<td>(?!信息内容|规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)([^<]*)<\/td>/g, '<td colspan="2">$1</td>'),
    );
    expect(html).toContain('<td>规章</td><td colspan="2">');

    expect(importReport(html)).toEqual(report);
  });

  it('reads a report split over several <table> elements, blanks printed as &nbsp; — / － left blank', () => {
    const report = sampleReport({ seed: 19 });
    const blanks = ['&nbsp;', '—', '/', '－', ''];
    let n = 0;
    const html = reportHtml(report).replace(/<td><\/td>/g, () => `<td>${blanks[n++ % blanks.length]}</td>`);
    expect(n).toBeGreaterThan(4);
    // 三 cut in two after its 13th row, as some CMS pages print it
    const split = html.replace(/(<table border="1">(?:<tr>[\s\S]*?<\/tr>\n){13})/, '$1</table><table border="1">');
    expect(split.match(/<table/g)!.length).toBeGreaterThan(html.match(/<table/g)!.length);

    const imported = importReport(split);

    expect(imported).toEqual(report);
  });

  it('keeps 0 as 0 and blank as blank', () => {
    const report = sampleReport({ seed: 23 });
    const imported = importReport(reportHtml(report));
    const cells = (r: typeof report) => JSON.stringify(r.sections.applications) + JSON.stringify(r.sections.appeals);
    expect(cells(imported)).toBe(cells(report));
    expect(cells(report)).toContain('null');
    expect(cells(report)).toMatch(/:0[,}]/);
  });
});

describe('a cell as printed', () => {
  // Characters cells are printed with: digits (full-width too), separators, dashes, units,
  // measure words, 无, other ideographs, Kangxi radicals (NFKC turns ⼈ into 人), spaces.
  const pieces = fc.constantFrom(...'0123456789０１２３４５６７８９.,，．-−—/／ 　¥无件个条次项宗起人民币元万亿申请⼈⽆收到'.split(''));
  const printed = fc.array(pieces, { maxLength: 14 }).map((cs) => cs.join(''));

  it('reads the same with parseCellValue\'s shortcuts (plain counts, labels) as without', () => {
    fc.assert(
      fc.property(fc.oneof(printed, fc.string({ unit: 'grapheme', maxLength: 12 })), (text) => {
        const trimmed = text.trim();
        expect(parseCellValue(text)).toEqual(trimmed ? parsePrintedCell(trimmed) : null);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('amounts with units', () => {
  it.each([
    ['75394432.52元', 7539.443252],
    ['７５，３９４，４３２．５２元', 7539.443252],
    ['1,234.5万元', 1234.5],
    ['0.75亿元', 7500],
    ['¥100元', 0.01],
    ['0元', 0],
  ])('reads %s as %d 万元', (text, expected) => {
    expect(parseCellValue(text)).toBe(expected);
  });

  it('converts with decimal arithmetic, never binary', () => {
    expect(amountInWan('75394432.52', '元')).toBe('7539.443252');
    expect(amountInWan('0.1', '元')).toBe('0.00001');
    expect(amountInWan('123456789012345678.9', '亿元')).toBe('1234567890123456789000');
    expect(amountInWan('-3.5', '亿元')).toBe('-35000');
    expect(amountInWan('000', '元')).toBe('0');
  });

  it('reads a 2019 procurement amount printed with 元 in its cell, accepted by the rules', async () => {
    const report = sampleReport({ template: '2019', year: 2020, seed: 29 });
    const html = reportHtml(report).replace(/(<td>政府集中采购<\/td><td>[^<]*<\/td><td>)[^<]*(<\/td>)/, '$175394432.52元$2');

    const imported = importReport(html);

    expect(imported.sections.proactive.procurement?.centralizedProcurement?.amount).toBe(7539.443252);
  });

  it('reads a fee whose header says 元 (单位：元)', () => {
    const report = sampleReport({ seed: 31 });
    const html = reportHtml(report)
      .replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）')
      .replace(/(<td>行政事业性收费<\/td><td[^>]*>)[^<]*(<\/td>)/, '$11234567.8$2');

    const imported = importReport(html);

    expect(imported.sections.proactive.fees?.administrativeFees?.amount).toBe(123.45678);
    expect(imported.sections.applications).toEqual(report.sections.applications);
  });

  it('reads a fee whose row label names the unit', () => {
    const report = sampleReport({ seed: 37 });
    const html = reportHtml(report).replace(/<td>行政事业性收费<\/td><td([^>]*)>[^<]*<\/td>/, '<td>行政事业性收费（亿元）</td><td$1>1.5</td>');

    expect(importReport(html).sections.proactive.fees?.administrativeFees?.amount).toBe(15000);
  });
});

describe('file type by content', () => {
  const kindError = async (bytes: Uint8Array) => {
    const error = await importDocument(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  };

  it('names the supported kinds for a binary it cannot read', async () => {
    for (const bytes of [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array([1, 2, 0, 4, 5, 0, 7])]) {
      const message = await kindError(bytes);
      expect(message).toMatch(/^不支持的文件类型/);
      expect(message).toContain('Word（.docx）、PDF、Excel（.xlsx）、网页（HTML）、纯文本');
    }
  });

  it('asks for an old .doc or .xls to be saved as .docx or .xlsx', async () => {
    const utf16 = (s: string) => Array.from(s, (c) => [c.charCodeAt(0), 0]).flat();
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(100).fill(0)];
    expect(await kindError(new Uint8Array([...ole, ...utf16('WordDocument')]))).toContain('旧版 Word 文档（.doc）');
    expect(await kindError(new Uint8Array([...ole, ...utf16('Workbook')]))).toContain('另存为” .docx 或 .xlsx');
  });

  it('reads HTML and GBK text whatever the file is called', async () => {
    const report = sampleReport({ seed: 41 });
    const html = await importDocument(encode(reportHtml(report)), { filename: '报告.docx' });
    expect(html.kind).toBe('html');
    expect(html.report).toEqual(report);
  });

  it('refuses a zip that is neither Word nor Excel', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...encode('mimetype application/vnd.oasis.opendocument.text')]);
    expect(await kindError(zip)).toMatch(/^不支持的文件类型（这是压缩包）/);
  });
});

describe('partial documents', () => {
  const report = sampleReport({ seed: 43 });
  const withoutAppeals = reportHtml(report).replace(/<p>四、[\s\S]*?(?=<p>五、)/, '');

  it('strict: refuses, naming the section it could not find', async () => {
    await expect(importDocument(encode(withoutAppeals))).rejects.toThrow('未找到第四部分“政府信息公开行政复议、行政诉讼情况”');
  });

  it('partial: gives what was read and names what was not', async () => {
    const { report: read, missing } = await importDocument(encode(withoutAppeals), { partial: true });

    expect(missing).toEqual(['第四部分“政府信息公开行政复议、行政诉讼情况”']);
    expect(read.sections.applications).toEqual(report.sections.applications);
    expect(read.sections.proactive).toEqual(report.sections.proactive);
    expect(Object.values(read.sections.appeals).every((row) => Object.values(row).every((v) => v === null))).toBe(true);
  });

  it('partial: a table that cannot be read is named with the reason, the rest kept', async () => {
    const bad = reportHtml(report).replace(/(<td>规章<\/td>(?:<td>[^<]*<\/td>){2})<td>[^<]*<\/td>/, '$1');
    const { report: read, missing } = await importDocument(encode(bad), { partial: true });

    expect(missing).toEqual([expect.stringMatching(/^第二部分“主动公开政府信息情况”：第\d+行（规章）：应有3个数值，实际只有2个$/)]);
    expect(read.sections.applications).toEqual(report.sections.applications);
  });

  it('partial: the form\'s agency and year stand in for a missing title', async () => {
    const untitled = reportHtml(report).replace(/<p>[^<]*年度报告<\/p>/, '');
    const header = { agencyName: '王店镇人民政府', year: 2023 };

    const { report: read, missing } = await importDocument(encode(untitled), { partial: true, header });

    expect(read.agencyName).toBe('王店镇人民政府');
    expect(missing[0]).toMatch(/^报告标题/);
  });
});
