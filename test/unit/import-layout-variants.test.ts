/**
 * More layouts of real reports that earlier imports got wrong, rebuilt with made-up figures:
 * a 小计 column in 三, 四 with rows and columns swapped, pages in traditional characters, an
 * agency named only by the office that compiled the report or by the sign-off.
 */
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from '../../functions/domain/import/docx/read-docx.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { htmlToLines } from '../../functions/domain/import/html-to-lines.js';
import { importReport } from '../../functions/domain/import/import-report.js';
import { METADATA_LINE } from '../../functions/domain/import/source-line.js';
import type { Report } from '../../functions/domain/report.js';
import { reportHtml, reportXlsx } from '../support/office-documents.js';
import { sampleReport } from './site-fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);
const VALUE_CELL = /<td>(-?[\d.]*)<\/td>/g;

/** `html` with its part from heading `from` to heading `to` rewritten. */
function rewriteSection(html: string, from: string, to: string, rewrite: (part: string) => string): string {
  const start = html.indexOf(`<p>${from}`);
  const end = html.indexOf(`<p>${to}`);
  return html.slice(0, start) + rewrite(html.slice(start, end)) + html.slice(end);
}

/** Table 三 with a 小计 column after 其他: each row's subtotal as `subtotal` prints it. */
function withSubtotalColumn(html: string, subtotal: (org: (number | undefined)[]) => string): string {
  return rewriteSection(html, '三、', '四、', (part) =>
    part
      .replace('<td colspan="7">申请人情况</td>', '<td colspan="8">申请人情况</td>')
      .replace('<td colspan="5">法人或其他组织</td>', '<td colspan="6">法人或其他组织</td>')
      .replace('<td>其他</td></tr>', '<td>其他</td><td>小计</td></tr>')
      .replace(/((?:<td>-?[\d.]*<\/td>){6})(<td>-?[\d.]*<\/td>)<\/tr>/g, (_, six: string, total: string) => {
        const org = [...six.matchAll(VALUE_CELL)].slice(1).map((m) => (m[1] ? Number(m[1]) : undefined));
        return `${six}<td>${subtotal(org)}</td>${total}</tr>`;
      }),
  );
}

const sum = (org: (number | undefined)[]) => String(org.reduce<number>((a, b) => a + (b ?? 0), 0));

describe('table 三 with a 小计 column for 法人或其他组织', () => {
  const report = sampleReport({ seed: 71 });
  const html = reportHtml(report);

  it('reads each value into its column and leaves the subtotal out', () => {
    const withSubtotal = withSubtotalColumn(html, sum);
    expect(withSubtotal).toContain('<td>小计</td>');
    expect(withSubtotal.match(/<td>小计<\/td>/g)).toHaveLength(1);

    expect(importReport(withSubtotal)).toEqual(report);
  });

  it('reads rows whose subtotal is left blank or printed as a dash the same way', () => {
    const withSubtotal = withSubtotalColumn(html, (org) => (org.every((v) => v === undefined) ? '' : '—'));

    expect(importReport(withSubtotal).sections.applications).toEqual(report.sections.applications);
  });

  it('reads the subtotal column from a text layer that separates values with spaces (a PDF)', () => {
    const full = sampleReport({ seed: 73 });
    const rows = full.sections.applications as Record<string, Record<string, number | string | null>>;
    for (const row of Object.values(rows)) for (const [column, value] of Object.entries(row)) row[column] = value ?? 0;
    // Every line as one cell, its words and values separated by single spaces.
    const text = htmlToLines(withSubtotalColumn(reportHtml(full), sum))
      .filter((line) => line.no !== METADATA_LINE)
      .map((line) => line.cells.filter((c) => c.trim()).join(' '))
      .join('\n');
    expect(text).toMatch(/其他 小计/);
    expect(text).not.toContain('\t');

    expect(importReport(text).sections.applications).toEqual(full.sections.applications);
  });
});

describe('table 四 with rows and columns swapped', () => {
  const report = sampleReport({ seed: 79 });
  const appeals = report.sections.appeals as Record<string, Record<string, number | string | null>>;
  const results = [
    ['upheld', '结果维持'],
    ['corrected', '结果纠正'],
    ['other', '其他结果'],
    ['pending', '尚未审结'],
    ['total', '总计'],
  ] as const;
  const cell = (v: number | string | null | undefined) => `<td>${v ?? ''}</td>`;
  /** One row per result; the groups' columns in `order`. */
  const transposed = (order: readonly string[], total = '总计') =>
    [
      '<table border="1">',
      '<tr><td rowspan="2"></td><td rowspan="2">行政复议</td><td colspan="2">行政诉讼</td></tr>',
      `<tr>${order.filter((g) => g !== 'review').map((g) => (g === 'litigationDirect' ? '<td>未经复议直接起诉</td>' : '<td>复议后起诉</td>')).join('')}</tr>`,
      ...results.map(([id, label]) => `<tr><td>${id === 'total' ? total : label}</td>${order.map((g) => cell(appeals[g]![id])).join('')}</tr>`),
      '</table>',
    ].join('\n');
  const withTable = (table: string) => reportHtml(report).replace(/(<p>四、[^<]*<\/p>)<table[\s\S]*?<\/table>/, (_, heading: string) => heading + table);

  it('reads each result row into the three groups', () => {
    const html = withTable(transposed(['review', 'litigationDirect', 'litigationAfterReview']));
    expect(html).toContain('<tr><td>结果维持</td>');

    expect(importReport(html)).toEqual(report);
  });

  it('follows the order the header gives the two 行政诉讼 columns, and reads 合计 for 总计', () => {
    const html = withTable(transposed(['review', 'litigationAfterReview', 'litigationDirect'], '合计'))
      .replace('<td rowspan="2">行政复议</td><td colspan="2">行政诉讼</td>', '<td rowspan="2">行政复议</td><td colspan="2">行政诉讼</td>');

    expect(importReport(html).sections.appeals).toEqual(report.sections.appeals);
  });

  it('still reads the official layout whose header row starts with 结果维持', () => {
    expect(importReport(reportHtml(report)).sections.appeals).toEqual(report.sections.appeals);
  });
});

describe('pages in traditional characters (a site’s 繁體 version)', () => {
  it.each([
    ['character by character', 'tw', '政府信息公開'],
    ['with Taiwan’s words', 'twp', '政府資訊公開'],
  ] as const)('reads labels, headings, title and texts as the simplified original (converted %s)', async (_, to, printed) => {
    const report = sampleReport({ agencyName: '平川县北坡镇人民政府', year: 2022, seed: 83, text: '本年度未收取信息处理费。\n\n无其他需要报告的事项。' });
    const html = Converter({ from: 'cn', to })(reportHtml(report));
    expect(html).toContain(printed);
    expect(html).toContain('北坡鎮');
    expect(html).toContain('行政複議');

    const imported = await importDocument(encode(html), { filename: 'report.html' });

    expect(imported.missing).toEqual([]);
    expect(imported.report).toEqual(report);
  });

  it('leaves a simplified page with a traditional name quoted in it as it is', async () => {
    const sample = sampleReport({ seed: 89 });
    const report = { ...sample, sections: { ...sample.sections, other: '本年度未收取信息处理费。引用《資訊公開》一文。' } } as Report;

    const imported = await importDocument(encode(reportHtml(report)));

    expect(imported.report.sections.other).toContain('《資訊公開》');
    expect(imported.report).toEqual(report);
  });
});

describe('an agency named only by who compiled or signed the report', () => {
  const report = sampleReport({ agencyName: '两城镇人民政府', year: 2020, template: '2019', seed: 97 });
  const untitled = reportHtml(report).replace(/<p>两城镇人民政府2020年[^<]*<\/p>/, '');
  const opening = (sentence: string) => untitled.replace('<p>一、总体情况</p>', `<p>一、总体情况</p><p>${sentence}</p>`);

  it('takes the township government, not its 党政办公室, from 由…编制', () => {
    const html = opening('本报告是根据《中华人民共和国政府信息公开条例》要求，由两城镇人民政府党政办公室编制。本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。');
    expect(html).not.toContain('两城镇人民政府2020年');

    const imported = importReport(html);

    expect(imported.agencyName).toBe('两城镇人民政府');
    expect(imported.sections.overview.startsWith('本报告是根据')).toBe(true);
    expect({ ...imported, sections: { ...imported.sections, overview: report.sections.overview } }).toEqual(report);
  });

  it('keeps a county government’s 办公室 named as the compiler when nothing else names the agency', () => {
    const html = opening('本报告由平川县人民政府办公室编制。统计期限为2020年1月1日至2020年12月31日。');

    expect(importReport(html).agencyName).toBe('平川县人民政府办公室');
  });

  it.each([
    ['on two lines', '<p>两城镇人民政府</p><p>2021年1月20日</p>'],
    ['on one line', '<p>两城镇人民政府　2021年1月20日</p>'],
    ['dated in Chinese numerals, before the site’s footer', '<p>两城镇人民政府</p><p>二〇二一年一月二十日</p><p>网站标识码：3708270001</p>'],
  ])('takes the agency from the sign-off at the end (%s), before a shortened name in the opening sentence', (_, signOff) => {
    const html = opening('现将两城镇2020年政府信息公开工作年度报告公布如下。').replace('</body>', `${signOff}</body>`);

    expect(importReport(html)).toMatchObject({ agencyName: '两城镇人民政府', year: 2020 });
  });
});

describe('PDF text layers of real tables', () => {
  const report = sampleReport({ template: '2019', agencyName: '林山乡', year: 2020, seed: 101 });
  const text = (html: string) =>
    htmlToLines(html)
      .filter((line) => line.no !== METADATA_LINE)
      .map((line) => line.cells.join('\t'))
      .join('\n');

  it('reads a 小计 column whose header a narrow column prints one character a line (小 / 计)', () => {
    const full = sampleReport({ seed: 103 });
    const rows = full.sections.applications as Record<string, Record<string, number | string | null>>;
    for (const row of Object.values(rows)) for (const [column, value] of Object.entries(row)) row[column] = value ?? 0;
    const lines = text(withSubtotalColumn(reportHtml(full), sum)).replace(/其他\t小计/, '其\t小\n\t\t\t\t\t\t\t\t他\t计');
    expect(lines).not.toContain('小计');

    expect(importReport(lines).sections.applications).toEqual(full.sections.applications);
  });

  it('splits a long label from the first value printed in its cell ("其他对外管理服务事项 0")', () => {
    const values = Object.values(report.sections.proactive.licensing!.otherServices!);
    const lines = text(reportHtml(report)).replace(`其他对外管理服务事项\t${values[0]}\t`, `其他对外管理服务事项 ${values[0]}\t`);
    expect(lines).toContain(`其他对外管理服务事项 ${values[0]}\t`);

    expect(importReport(lines)).toEqual(report);
  });

  it('reads a row whose blanks are printed as slashes, under a label with two characters swapped (上年转结)', () => {
    const applications = report.sections.applications as Record<string, Record<string, number | string | null>>;
    const carried = applications.carriedOver!;
    for (const column of ['business', 'research', 'nonprofit']) carried[column] = null;
    const html = reportHtml(report).replace(/<tr><td colspan="3">二、上年结转政府信息公开申请数量<\/td>(.*?)<\/tr>/, (_, cells: string) =>
      `<tr><td colspan="3">二、上年转结政府信息公开申请数量</td>${cells.replace(/<td><\/td>/g, '<td>/</td>')}</tr>`,
    );
    expect(html).toContain('<td>/</td>');
    expect(html).toContain('上年转结');

    expect(importReport(html).sections.applications).toEqual(report.sections.applications);
  });
});

describe('opening sentences that do not name the agency', () => {
  it('finds the agency in 请与…联系 when the sentence says 特编制并向社会公布2021年度街道信息公开年度报告', () => {
    const report = sampleReport({ agencyName: '平川县兴东街道办事处', year: 2021, seed: 107 });
    const html = reportHtml(report).replace(
      /<p>平川县兴东街道办事处2021年[^<]*<\/p>/,
      '<p>根据《条例》和上级有关文件要求，特编制并向社会公布2021年度街道信息公开年度报告。如对本报告有任何疑问，请与平川县兴东街道办事处联系（电话：0513-86563368）。</p>',
    );

    expect(importReport(html)).toMatchObject({ agencyName: '平川县兴东街道办事处', year: 2021 });
  });
});

describe('a workbook of a whole page, its tables sharing the sheet’s columns', () => {
  it('reads 四 whose values are each merged over two columns that 三 splits', async () => {
    const report = sampleReport({ seed: 109 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(report, { textSections: true })) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let first = 0;
    sheet.eachRow((row, n) => {
      if (!first && row.getCell(1).value === '行政复议') first = n;
    });
    expect(first).toBeGreaterThan(0);
    // 四 rewritten two columns a cell: its cells begin at columns 1, 3, 5…, 三's at every column.
    for (let r = first; r < first + 4; r++) {
      const row = sheet.getRow(r);
      for (let c = 1; c <= 30; c++) row.getCell(c).value = null;
    }
    const appeals = report.sections.appeals;
    const put = (r: number, c: number, span: number, value: string | number | null) => {
      sheet.getCell(r, c).value = value;
      if (span > 1) sheet.mergeCells(r, c, r, c + span - 1);
    };
    for (const merge of Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges)) {
      const row = Number(/\d+/.exec(merge)![0]);
      if (row >= first && row < first + 4) sheet.unMergeCells(merge);
    }
    put(first, 1, 10, '行政复议');
    put(first, 11, 20, '行政诉讼');
    put(first + 1, 11, 10, '未经复议直接起诉');
    put(first + 1, 21, 10, '复议后起诉');
    const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    heads.forEach((h, i) => put(first + 1, 1 + 2 * i, 2, h));
    [...heads, ...heads].forEach((h, i) => put(first + 2, 11 + 2 * i, 2, h));
    // No empty row between 三 and 四 (a note instead): one table block, as LibreOffice writes a page.
    expect(sheet.getCell(first - 2, 1).value).toBeNull();
    sheet.getCell(first - 2, 1).value = '注：申请数量以收到申请之日计。';
    const values = Object.values(appeals).flatMap((row) => Object.values(row!));
    values.forEach((v, i) => put(first + 3, 1 + 2 * i, 2, v));

    const imported = await importDocument(new Uint8Array(await workbook.xlsx.writeBuffer()));

    expect(imported.report.sections.appeals).toEqual(report.sections.appeals);
    expect(imported.report).toEqual(report);
  });
});

describe('a Word file whose text prints no title', () => {
  it('offers the document’s title property as a page’s <title> is offered', async () => {
    const document = new Document({ title: '平川县统计局2022年政府信息公开工作年度报告', sections: [{ children: [new Paragraph('一、总体情况')] }] });
    const html = await docxToHtml(new Uint8Array(await Packer.toBuffer(document)));

    expect(html.startsWith('<title>平川县统计局2022年政府信息公开工作年度报告</title>')).toBe(true);
    expect(htmlToLines(html).find((line) => line.no === METADATA_LINE)?.cells).toEqual(['平川县统计局2022年政府信息公开工作年度报告']);
  });
});
