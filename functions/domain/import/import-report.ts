/**
 * Reads a published report (the plain-text layout of reference/wangdian-2023-report.txt, or
 * an HTML page) into the report model. Pure: no I/O, also bundled into the browser.
 */
import { APPLICANT_HEADER, TEMPLATES, type SectionId, type TemplateId } from '../report-template.js';
import { Report, emptyReport } from '../report.js';
import { detectTemplate } from './detect-template.js';
import { htmlToLines, looksLikeHtml } from './html-to-lines.js';
import { ImportError } from './import-error.js';
import { readAppeals } from './read-appeals.js';
import { readLabelledRows } from './read-labelled-rows.js';
import { readTextSection } from './read-text-section.js';
import { readTitle } from './read-title.js';
import { sectionName, splitSections, type ReportLayout, type SectionBody } from './sections.js';
import { isBlankLine } from './source-line.js';
import type { LabelIndex } from './label-match.js';
import { tableLabelIndex, type LabelTarget } from './table-labels.js';
import { textToLines } from './text-layout.js';

export { ImportError } from './import-error.js';

export interface ImportOptions {
  /** the file's name: tells HTML apart, and supplies agency and year when the title lacks them */
  readonly filename?: string;
}

export function importReport(source: string, options: ImportOptions = {}): Report {
  const text = source.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ImportError('文件为空');
  const lines = looksLikeHtml(text, options.filename) ? htmlToLines(text) : textToLines(text);
  if (lines.every(isBlankLine)) throw new ImportError('文件中没有可读取的文字');

  const layout = splitSections(lines);
  const header = readTitle(layout.preamble, options.filename);
  const template = detectTemplate(lines, header.year);
  const report = emptyReport(template, header);
  const tables = TEMPLATES[template].tables;

  // All three table sections must be there before any is read: a missing heading would
  // otherwise surface as a stray row in the section before it.
  const proactive = requireSection(layout, 'proactive');
  const applications = requireSection(layout, 'applications');
  const appeals = requireSection(layout, 'appeals');

  readRowTable(report, proactive, 'proactive');
  readRowTable(report, applications, 'applications', [APPLICANT_HEADER]);
  readAppeals(report, tables.find((t) => t.section === 'appeals')!, appeals.lines);

  const sections = report.sections;
  for (const def of TEMPLATES[template].textSections) {
    sections[def.id] = readTextSection(def, layout.sections[def.id]);
  }
  const parsed = Report.safeParse(report);
  if (!parsed.success) throw new ImportError(`导入结果不符合报告格式：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

const labelIndexes = new Map<string, LabelIndex<LabelTarget>>();

function labelIndex(template: TemplateId, section: SectionId, headers: readonly string[]): LabelIndex<LabelTarget> {
  const key = `${template}:${section}`;
  let index = labelIndexes.get(key);
  if (!index) {
    index = tableLabelIndex(TEMPLATES[template].tables.filter((t) => t.section === section), headers);
    labelIndexes.set(key, index);
  }
  return index;
}

/** 二 and 三: rows found by their labels; a section with no such row has no table. */
function readRowTable(report: Report, body: SectionBody, section: SectionId, headers: readonly string[] = []): void {
  const index = labelIndex(report.template, section, headers);
  const { rows } = readLabelledRows(report, body.lines, index, section, {
    rejectUnknownRows: true,
  });
  if (rows === 0) throw new ImportError(`${sectionName(section)}未找到表格`, { section });
}

function requireSection(layout: ReportLayout, section: SectionId): SectionBody {
  const body = layout.sections[section];
  if (!body) throw new ImportError(`未找到${sectionName(section)}`, { section });
  return body;
}
