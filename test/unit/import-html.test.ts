import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { cellRefs, cellValue } from '../../functions/domain/report.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const html = fixture('wangdian-2023-report.html');

/** The cells the HTML page prints as &nbsp;. */
const BLANK_IN_HTML = [
  'proactive.enforcement.administrativePenalty.decisions',
  'applications.partiallyDisclosed.research',
  'applications.carriedForward.total',
  'appeals.review.upheld',
];

describe('importing an HTML page', () => {
  it('reads the same agency, year, template and texts as the text layout', () => {
    const fromText = importReport(fixture('wangdian-2023-report.txt'));

    const fromHtml = importReport(html);

    expect(fromHtml.agencyName).toBe('王店镇人民政府');
    expect(fromHtml.year).toBe(2023);
    expect(fromHtml.template).toBe('2021');
    expect(fromHtml.sections.overview).toBe(fromText.sections.overview);
    expect(fromHtml.sections.problems).toBe(fromText.sections.problems);
    expect(fromHtml.sections.other).toBe(fromText.sections.other);
  });

  it('reads the same numbers through rowspan and colspan, and &nbsp; cells as blank', () => {
    const fromText = importReport(fixture('wangdian-2023-report.txt'));

    const fromHtml = importReport(html);

    for (const ref of cellRefs('2021')) {
      const expected = BLANK_IN_HTML.includes(ref.path) ? null : cellValue(fromText, ref.table, ref.row, ref.column);
      expect({ path: ref.path, value: cellValue(fromHtml, ref.table, ref.row, ref.column) }).toEqual({
        path: ref.path,
        value: expected,
      });
    }
  });

  it('recognises HTML by its content whatever the file name says', () => {
    const report = importReport(html, { filename: 'report.txt' });

    expect(report.sections.appeals.litigationDirect?.total).toBe(0);
  });

  it('ignores scripts, navigation and footers around the report', () => {
    const report = importReport(html);

    expect(report.sections.other).toBe('无');
  });

  it('leaves the sign-off under 六, before the page’s footer, out of 六', () => {
    const signed = html.replace(
      '&nbsp;无</p>\n</div>',
      '&nbsp;无</p>\n<p style="text-align:right">王店镇人民政府</p><p style="text-align:right">2024年1月15日</p>\n</div>',
    );
    expect(signed).not.toBe(html);

    expect(importReport(signed).sections.other).toBe('无');
  });

  it('reads a bare fragment of paragraphs and tables with entities and nested markup', () => {
    const fragment = html.slice(html.indexOf('<h1'), html.indexOf('<div class="share">'));
    const withValues = fragment.replace(
      /<tr><td colspan="3">一、本年新收政府信息公开申请数量<\/td>(?:<td>.*?<\/td>){7}<\/tr>/,
      '<tr><td colspan="3"><span>一、本年新收</span>政府信息公开申请数量</td>' +
        '<td><strong>1,2</strong>34</td><td>&#65297;&#65298;</td><td>&mdash;</td><td> 0 </td><td><p>&nbsp;</p></td><td>7</td><td>1253</td></tr>',
    );

    const report = importReport(withValues);

    expect(report.sections.applications.newReceived).toEqual({
      natural: 1234,
      business: 12,
      research: null,
      nonprofit: 0,
      legal: null,
      otherOrg: 7,
      total: 1253,
    });
  });

  it('reads a text file named .html as text', () => {
    const text = fixture('wangdian-2023-report.txt');

    const report = importReport(text, { filename: 'wangdian.html' });

    expect(report.sections.appeals.review?.total).toBe(0);
  });

  it('reads a page laid out in a table of tables, headings in table rows included', () => {
    const page = html
      .replace('<div class="article">', '<table width="100%"><tr><td>')
      .replace('<div class="share">', '</td></tr></table><div class="share">')
      .replace(
        '<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>\n<table border="1" cellspacing="0">\n<thead>',
        '<table border="1" cellspacing="0">\n<thead><tr><td colspan="15">四、政府信息公开行政复议、行政诉讼情况</td></tr>',
      );

    const report = importReport(page);

    expect(page).not.toContain('<p><strong>四、');
    expect(report.sections.appeals.litigationAfterReview?.total).toBe(0);
    expect(report.sections.problems).toBe(importReport(html).sections.problems);
  });
});
