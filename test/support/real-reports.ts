/**
 * Real published reports as `Report`s for rule tests, read from test/fixtures/real-reports/:
 * the tables from the hand-checked `.tables.tsv` transcriptions, the texts (一, 五, 六) from the
 * published text layer (淮安) or from the comparison extract's column of that year (宿迁). Not
 * the importer: these tests are about the rules, and must not depend on how well a PDF's text
 * layer imports.
 */
import { readFileSync } from 'node:fs';
import { emptyReport, type Report, type TableData } from '../../functions/domain/report.js';
import { TEMPLATES } from '../../functions/domain/report-template.js';

const dir = new URL('../fixtures/real-reports/', import.meta.url);
export const readFixture = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

const numbers = (cells: readonly string[]) => cells.map((c) => Number(c.replace(/^\D+/u, '')));

/** Builds the tables of a 2021-format report from a `.tables.tsv` transcription. */
export function reportFromTables(tsv: string, header: { agencyName: string; year: number }): Report {
  const report = emptyReport('2021', header, 0);
  const proactive = report.sections.proactive as Record<string, TableData>;
  const applications = report.sections.applications as TableData;
  const appeals = report.sections.appeals as TableData;
  const applicationRows = TEMPLATES['2021'].tables.find((t) => t.path === 'applications')!.rows;
  const columns = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
  const appealColumns = ['upheld', 'corrected', 'other', 'pending', 'total'];
  const appealRows: Record<string, string> = { 复议: 'review', 直接起诉: 'litigationDirect', 复议后起诉: 'litigationAfterReview' };
  let applicationRow = 0;
  for (const line of tsv.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const cells = line.split('\t');
    if (cells[0] === '表二') {
      const [, name, ...rest] = cells as [string, string, ...string[]];
      const values = numbers(rest);
      if (name === '规章' || name === '行政规范性文件') {
        const row = name === '规章' ? 'rules' : 'normativeDocuments';
        proactive.regulations![row] = { issued: values[0]!, repealed: values[1]!, inForce: values[2]! };
      } else if (name === '行政许可') proactive.licensing!.administrativeLicensing!.decisions = values[0]!;
      else if (name === '行政处罚') proactive.enforcement!.administrativePenalty!.decisions = values[0]!;
      else if (name === '行政强制') proactive.enforcement!.administrativeCoercion!.decisions = values[0]!;
      else if (name.startsWith('行政事业性收费')) proactive.fees!.administrativeFees!.amount = values[0]!;
      else throw new Error(`unknown 表二 row ${name}`);
    } else if (cells[0] === '表四') {
      const row = appealRows[cells[1]!.replace(/\(.*$/u, '')];
      if (!row) throw new Error(`unknown 表四 row ${cells[1]}`);
      const values = numbers(cells.slice(2));
      appeals[row] = Object.fromEntries(appealColumns.map((c, i) => [c, values[i]!]));
    } else {
      // table 三: the rows in the template's order
      const row = applicationRows[applicationRow++];
      if (!row) throw new Error(`extra table 三 row ${cells[0]}`);
      const values = numbers(cells.slice(1));
      applications[row.id] = Object.fromEntries(columns.map((c, i) => [c, values[i]!]));
    }
  }
  if (applicationRow !== applicationRows.length) throw new Error(`table 三 has ${applicationRow} rows`);
  return report;
}

/**
 * A PDF's text as the form would hold it: page numbers dropped, wrapped lines joined (Chinese
 * has no spaces between words), and the Kangxi radicals some PDF extractors emit ("⾏" for
 * "行") mapped to the ordinary characters.
 */
export function unwrap(lines: readonly string[]): string {
  return lines
    .filter((l) => !/^\s*-\s*\d+\s*-\s*$/u.test(l) && !l.startsWith('#'))
    .join('')
    .replace(/[\u2e80-\u2fdf\uf900-\ufaff]/gu, (c) => c.normalize('NFKC'))
    .trim();
}

const HEADINGS = {
  overview: /^一、总体情况/u,
  proactive: /^二、主动公开政府信息情况/u,
  problems: /^五、存在的主要问题及改进情况/u,
  other: /^六、其他需要报告的事项/u,
} as const;

/** The texts of 一, 五 and 六 of a report's plain text, each running to the next heading. */
export function textSections(text: string): { overview: string; problems: string; other: string } {
  const found: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const heading = (Object.keys(HEADINGS) as (keyof typeof HEADINGS)[]).find((k) => HEADINGS[k].test(line.trim()));
    if (heading) {
      current = found[heading] = [];
      continue;
    }
    // tables 三 and 四 sit between 二 and 五: a heading of those ends the text before them
    if (/^[三四]、/u.test(line.trim())) current = undefined;
    current?.push(line);
  }
  return {
    overview: unwrap(found.overview ?? []),
    problems: unwrap(found.problems ?? []),
    other: unwrap(found.other ?? []),
  };
}

function withTexts(report: Report, text: string): Report {
  Object.assign(report.sections, textSections(text));
  return report;
}

/** 淮安市人民政府 2024: clean (the README of the real reports). */
export const huaian2024 = (): Report =>
  withTexts(
    reportFromTables(readFixture('huaian-shi-renminzhengfu-2024.tables.tsv'), { agencyName: '淮安市人民政府', year: 2024 }),
    readFixture('huaian-shi-renminzhengfu-2024.txt'),
  );

export const suqian = (year: 2023 | 2024): Report =>
  withTexts(
    reportFromTables(readFixture(`suqian-shi-${year}.tables.tsv`), { agencyName: '宿迁市人民政府', year }),
    readFixture(`suqian-shi-${year}.text.txt`),
  );
