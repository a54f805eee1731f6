/**
 * Layouts met in real published reports of agencies and years the importer had not seen,
 * rebuilt here with made-up figures (the documents themselves stay out of the repository).
 */
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { reportHtml } from '../support/office-documents.js';
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
