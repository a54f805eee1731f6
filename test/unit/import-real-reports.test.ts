/**
 * The figures of real published reports (test/fixtures/real-reports/, copied from the
 * reference material) laid out as agencies publish them, in Excel and as an HTML page with the
 * fee printed in 元: every figure of 二, 三 and 四 must come back as published.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../functions/domain/validate-report.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { TEMPLATES } from '../../functions/domain/report-template.js';
import { emptyReport, setCell, type Report } from '../../functions/domain/report.js';
import { reportHtml, reportXlsx } from '../support/office-documents.js';

const TABLES = TEMPLATES['2021'].tables;
const table = (path: string) => TABLES.find((t) => t.path === path)!;

/** A report of the 2021 format with the figures of a `.tables.tsv` transcription. */
function fromTranscription(file: string, agencyName: string, year: number): Report {
  const report = emptyReport('2021', { agencyName, year });
  const lines = readFileSync(new URL(`../fixtures/real-reports/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  const numbers = (cells: readonly string[]) => cells.map((c) => Number(c.replace(/^\D+\s*/, '')));
  const proactive: Record<string, [string, string]> = {
    规章: ['proactive.regulations', 'rules'],
    行政规范性文件: ['proactive.regulations', 'normativeDocuments'],
    行政许可: ['proactive.licensing', 'administrativeLicensing'],
    行政处罚: ['proactive.enforcement', 'administrativePenalty'],
    行政强制: ['proactive.enforcement', 'administrativeCoercion'],
    '行政事业性收费(万元)': ['proactive.fees', 'administrativeFees'],
  };
  const applications = table('applications');
  const appeals = table('appeals');
  let applicationRow = 0;
  let appealRow = 0;
  for (const cells of lines) {
    if (cells[0] === '表二') {
      const [path, rowId] = proactive[cells[1]!]!;
      const def = table(path);
      const row = def.rows.find((r) => r.id === rowId)!;
      numbers(cells.slice(2)).forEach((value, i) => setCell(report, def, row, def.columns[i]!, value));
    } else if (cells[0] === '表四') {
      numbers(cells.slice(2)).forEach((value, i) => setCell(report, appeals, appeals.rows[appealRow]!, appeals.columns[i]!, value));
      appealRow++;
    } else {
      numbers(cells.slice(1)).forEach((value, i) =>
        setCell(report, applications, applications.rows[applicationRow]!, applications.columns[i]!, value),
      );
      applicationRow++;
    }
  }
  expect([applicationRow, appealRow]).toEqual([applications.rows.length, appeals.rows.length]);
  return report;
}

const REPORTS: [string, Report][] = [
  ['宿迁市 2024', fromTranscription('suqian-shi-2024.tables.tsv', '宿迁市人民政府', 2024)],
  ['宿迁市 2023', fromTranscription('suqian-shi-2023.tables.tsv', '宿迁市人民政府', 2023)],
  ['淮安市 2024', fromTranscription('huaian-shi-renminzhengfu-2024.tables.tsv', '淮安市人民政府', 2024)],
];

describe('real reports', () => {
  it.each(REPORTS)('%s: a workbook of its tables gives back every figure, and its tables add up', async (_, report) => {
    const { report: imported, missing } = await importDocument(await reportXlsx(report, { formulas: true }));

    expect(imported).toEqual(report);
    expect(missing).toHaveLength(3);
    const errors = validateReport(imported).filter((f) => f.severity === 'error' && f.rule !== 'required.missing');
    expect(errors).toEqual([]);
  });

  it.each(REPORTS)('%s: an HTML page printing the fee in 元 gives back the fee in 万元 exactly', async (_, report) => {
    const fee = report.sections.proactive.fees!.administrativeFees!.amount as number;
    const [whole, fraction = ''] = String(fee).split('.');
    const yuan = `${whole}${fraction.padEnd(4, '0').slice(0, 4)}.${fraction.slice(4)}`.replace(/^0+(?=\d)/, '').replace(/\.$/, '');
    const html = reportHtml(report)
      .replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）')
      .replace(/(<td>行政事业性收费<\/td><td>)[^<]*(<\/td>)/, `$1${Number(yuan).toLocaleString('en-US', { maximumFractionDigits: 10 })}$2`);
    expect(html).toMatch(/<td>行政事业性收费<\/td><td>\d{1,3}(,\d{3})+/);

    const { report: imported } = await importDocument(new TextEncoder().encode(html));

    expect(imported.sections.proactive.fees!.administrativeFees!.amount).toBe(fee);
    expect(imported.sections.applications).toEqual(report.sections.applications);
    expect(imported.sections.appeals).toEqual(report.sections.appeals);
  });
});
