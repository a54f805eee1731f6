/**
 * Layouts met in real published reports of agencies and years the importer had not seen,
 * rebuilt here with made-up figures (the documents themselves stay out of the repository).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from '../../functions/domain/import/docx/read-docx.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { importReport } from '../../functions/domain/import/import-report.js';
import { reportDocx, reportHtml, reportXlsx } from '../support/office-documents.js';
import { sampleReport } from './site-fixtures.js';

/** Rewrites each <tr> of table 二 (between its heading and 三's) with `rewrite(cells)`. */
function rewriteProactiveRows(html: string, rewrite: (cells: string[]) => string[]): string {
  return html.replace(/<p>二、[\s\S]*?<p>三、/, (part) =>
    part.replace(/<tr>([\s\S]*?)<\/tr>/g, (_, inner: string) => `<tr>${rewrite(inner.match(/<td[^>]*>[\s\S]*?<\/td>/g)!).join('')}</tr>`),
  );
}

const colspan2 = (td: string) => td.replace(/^<td/, '<td colspan="2"');

describe('HTML tables as real pages merge them', () => {
  it('reads values merged over other columns than their header (a 2019 page: 本年新公开数量 over 3–4, its value over 2–3)', () => {
    const report = sampleReport({ template: '2019', seed: 5 });
    const html = rewriteProactiveRows(reportHtml(report), (cells) =>
      cells[0]!.includes('信息内容')
        ? cells.map((c, i) => (i === 2 ? colspan2(c) : c))
        : cells.map((c, i) => (i === 1 ? colspan2(c) : c)),
    );
    expect(html).toContain('<td>行政许可</td><td colspan="2">');

    expect(importReport(html)).toEqual(report);
  });
});

describe('titles where real pages print them', () => {
  const report = sampleReport({ agencyName: '平川县统计局', year: 2022, seed: 29 });
  const page = reportHtml(report);
  const titleParagraph = /<p>平川县统计局2022年政府信息公开工作年度报告<\/p>/;
  const withTitle = (replacement: string, head = '') =>
    page.replace(titleParagraph, replacement).replace('<head>', `<head>${head}`);

  it('takes the title from the page’s <title> when the article does not print it', () => {
    const html = withTitle('', '<title>平川县统计局2022年政府信息公开工作年度报告_平川县人民政府门户网站</title>');
    expect(html).not.toMatch(titleParagraph);

    expect(importReport(html)).toEqual(report);
  });

  it('prefers the article’s title to a page <title> without the agency', () => {
    const html = withTitle('<p>平川县统计局2022年政府信息公开工作年度报告</p>', '<title>2022年政府信息公开工作年度报告-政务公开</title>');

    expect(importReport(html)).toMatchObject({ agencyName: '平川县统计局', year: 2022 });
  });

  // the sentence that names the report's period is kept at the head of the overview (the
  // format has no place for the 导语; text.stale-year reads it there); the rest of the 导语 is not
  it.each([
    [
      '现公布',
      '<p>根据《中华人民共和国政府信息公开条例》规定，现公布平川县统计局2022年政府信息公开工作年度报告。本报告由总体情况等六部分组成。</p>',
      '根据《中华人民共和国政府信息公开条例》规定，现公布平川县统计局2022年政府信息公开工作年度报告。',
    ],
    [
      '特编制',
      '<p>根据《中华人民共和国政府信息公开条例》要求，特编制平川县统计局2022年政府信息公开工作年度报告。</p>',
      '根据《中华人民共和国政府信息公开条例》要求，特编制平川县统计局2022年政府信息公开工作年度报告。',
    ],
    [
      'a notice named first',
      '<p>按照《关于做好2022年政府信息公开工作年度报告有关事项的通知》要求，现将平川县统计局2022年度政府信息公开工作年度报告公布如下。</p>',
      '按照《关于做好2022年政府信息公开工作年度报告有关事项的通知》要求，现将平川县统计局2022年度政府信息公开工作年度报告公布如下。',
    ],
    [
      'a sentence ending with a colon before what it introduced',
      '<p>根据《中华人民共和国政府信息公开条例》，现将平川县统计局2022年度政府信息公开工作报告如下：</p>',
      '根据《中华人民共和国政府信息公开条例》，现将平川县统计局2022年度政府信息公开工作报告如下。',
    ],
  ])('takes agency and year from the opening sentence (%s) when no title is printed', (_, sentence, kept) => {
    const overview = `${kept}\n\n${report.sections.overview}`;
    expect(importReport(withTitle(sentence))).toEqual({ ...report, sections: { ...report.sections, overview } });
  });

  it.each([
    ['a year line under the title', '<p>平川县统计局政府信息公开工作年度报告</p><p>（2022年度）</p>'],
    [
      'the statistics period',
      '<p>平川县统计局政府信息公开工作年度报告</p><p>本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p>',
    ],
    ['a year in Chinese numerals', '<p>平川县统计局二〇二二年度政府信息公开工作年度报告</p>'],
    ['a metadata table', '<table><tr><td>标 题：</td><td>平川县统计局2022年政府信息公开工作年度报告</td></tr><tr><td>发布机构：</td><td>平川县统计局</td></tr></table>'],
    ['the word 年报', '<p>平川县统计局2022年政府信息公开工作年报</p>'],
    ['a title without 政府', '<p>平川县统计局2022年信息公开年度报告</p>'],
    [
      'the title after printed breadcrumbs naming the site’s column 政府信息公开年报',
      '<p>当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</p><p>平川县统计局2022年政府信息公开工作年度报告</p>',
    ],
  ])('reads agency and year from %s', (_, replacement) => {
    expect(importReport(withTitle(replacement))).toMatchObject({ agencyName: '平川县统计局', year: 2022 });
  });
});

describe('pages that start at 一、总体情况', () => {
  const report = sampleReport({ agencyName: '平川县铁佛镇人民政府', year: 2021, seed: 53 });
  const opening =
    '<p>根据《中华人民共和国政府信息公开条例》，特向社会公布2021年度本级政府信息公开工作年度报告。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。如有疑问，请与平川县铁佛镇人民政府联系（电话：0832-5760111）。</p>';

  it('takes the year from the statistics period and the agency from 请与…联系, not 本级', () => {
    const html = reportHtml(report)
      .replace(/<p>平川县铁佛镇人民政府2021年[^<]*<\/p>/, '')
      .replace('<p>一、总体情况</p>', `<p>一、总体情况</p>${opening}`);
    expect(html).not.toContain('平川县铁佛镇人民政府2021年');

    const imported = importReport(html);

    expect(imported).toMatchObject({ agencyName: '平川县铁佛镇人民政府', year: 2021, template: '2021' });
    expect(imported.sections.applications).toEqual(report.sections.applications);
  });

  it('reads 一、工作基本情况 as the overview', () => {
    const html = reportHtml(report).replace('<p>一、总体情况</p>', '<p>一、工作基本情况</p>');

    expect(importReport(html)).toEqual(report);
  });
});

describe('row labels with a typo', () => {
  it('reads 行政事业型收费 as 行政事业性收费 and 属于国家秘蜜 as 属于国家秘密', () => {
    const report = sampleReport({ seed: 59 });
    const html = reportHtml(report).replace('<td>行政事业性收费</td>', '<td>行政事业型收费</td>').replace('1.属于国家秘密', '1.属于国家秘蜜');
    expect(html).toContain('行政事业型收费');

    expect(importReport(html)).toEqual(report);
  });
});

describe('section headings as real reports print them', () => {
  it('reads a Word file whose headings Word numbers itself (一、 not part of the text)', async () => {
    const report = sampleReport({ seed: 31 });
    const bytes = await reportDocx(report, { headings: 'bold', numberedHeadings: true });
    const html = await docxToHtml(bytes);
    expect(html).toContain('主动公开政府信息情况');
    expect(html).not.toContain('二、主动公开政府信息情况');

    const imported = await importDocument(bytes);

    expect(imported.missing).toEqual([]);
    expect(imported.report).toEqual(report);
  });

  it('reads headings numbered 第二部分, worded without 情况, or 存在问题及改进情况', () => {
    const report = sampleReport({ seed: 37 });
    const html = reportHtml(report)
      .replace('<p>二、主动公开政府信息情况</p>', '<p>第二部分：主动公开政府信息</p>')
      .replace(/<p>五、[^<]*<\/p>/, '<p>五、存在问题及改进情况</p>');
    expect(html).toContain('第二部分');

    expect(importReport(html)).toEqual(report);
  });

  it('does not take a bare sub-heading of the overview for a later section', () => {
    const report = sampleReport({ seed: 41 });
    const html = reportHtml(report).replace('<p>二、主动公开政府信息情况</p>', '<p>收到和处理政府信息公开申请情况</p><p>本年无申请。</p><p>二、主动公开政府信息情况</p>');

    const imported = importReport(html);

    expect(imported.sections.overview).toContain('收到和处理政府信息公开申请情况\n\n本年无申请。');
    expect(imported.sections.applications).toEqual(report.sections.applications);
  });
});

describe('values as real reports print them', () => {
  it('reads table 四 printed as two tables: 行政复议 (5 values), then 行政诉讼 (10)', () => {
    const report = sampleReport({ seed: 47 });
    const appeals = report.sections.appeals;
    const cells = (row: keyof typeof appeals) => Object.values(appeals[row]!).map((v) => `<td>${v ?? ''}</td>`).join('');
    const two = [
      '<p>四、政府信息公开行政复议、行政诉讼情况</p>',
      '<table border="1"><tr><td colspan="5">行政复议</td></tr>',
      '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>',
      `<tr>${cells('review')}</tr></table>`,
      '<table border="1"><tr><td colspan="10">行政诉讼</td></tr>',
      '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
      `<tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>`,
      `<tr>${cells('litigationDirect')}${cells('litigationAfterReview')}</tr></table>`,
    ].join('\n');
    const html = reportHtml(report).replace(/<p>四、[\s\S]*?<\/table>/, two);
    expect(html.match(/<table/g)!.length).toBeGreaterThan(reportHtml(report).match(/<table/g)!.length);

    expect(importReport(html)).toEqual(report);
  });
});

describe('PDF text layers of Word tables', () => {
  it('reads a label printed three characters a line and continued on the next page, its figures on its first line', () => {
    const reference = readFileSync(new URL('../fixtures/wangdian-2023-report.txt', import.meta.url), 'utf8');
    const row = '5.要求行政机关确认或重新出具已获取信息\t\t0\t0\t0\t0\t0\t0\t0\t';
    expect(reference).toContain(row);
    // the row breaks across a page: its first three pieces with the figures, the rest after the page number
    const broken = reference.replace(row, '5.要求 行政机 关确认\t7\t0\t0\t0\t0\t0\t7\n- 3 -\n或重新\n出具已\n获取信\n息');

    const report = importReport(broken);

    expect(Object.values(report.sections.applications.notProcessedConfirmation!)).toEqual([7, 0, 0, 0, 0, 0, 7]);
  });
});

describe('tables left blank', () => {
  it('reads table 四 printed with its headers and no figures (a PDF prints nothing in blank cells) as blank', () => {
    const report = sampleReport({ seed: 67 });
    const appeals = report.sections.appeals as Record<string, Record<string, number | string | null>>;
    for (const row of Object.values(appeals)) for (const cell of Object.keys(row)) row[cell] = null;
    // as the PDF reader lays it out: header lines only, the line of values absent
    const html = reportHtml(report).replace(/(<p>四、[^<]*<\/p>)<table[\s\S]*?<\/table>/, (_, heading: string) =>
      [heading, '<p>行政复议 行政诉讼</p><p>未经复议直接起诉 复议后起诉</p>', '<p>结果 结果 其他 尚未 总</p><p>维持 纠正 结果 审结 计</p>'].join(''),
    );

    expect(importReport(html)).toEqual(report);
  });
});

describe('Excel workbooks as agencies keep them', () => {
  it('reads a 三 with a row left blank and a column blank in every row: the blank row does not cut the table', async () => {
    const report = sampleReport({ seed: 61 });
    const applications = report.sections.applications as Record<string, Record<string, number | string | null>>;
    for (const cell of Object.keys(applications.partiallyDisclosed!)) applications.partiallyDisclosed![cell] = null;
    for (const row of Object.values(applications)) {
      row.research = null;
      row.nonprofit = null;
    }
    const bytes = await reportXlsx(report, { textSections: true });

    const imported = await importDocument(bytes);

    expect(imported.report.sections.applications).toEqual(report.sections.applications);
    expect(imported.report).toEqual(report);
  });
});
