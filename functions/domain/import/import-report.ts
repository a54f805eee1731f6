/**
 * Reads a published report (the plain-text layout of reference/wangdian-2023-report.txt, or
 * an HTML page) into the report model. Pure: no I/O, also bundled into the browser. Word,
 * Excel and PDF files reach it through import-document.ts.
 */
import { ENDS_SENTENCE, namesOwnPeriod, SENTENCE_END } from '../own-period.js';
import { APPLICANT_HEADER, SECTION_ORDER, TEMPLATES, type SectionId, type TemplateId } from '../report-template.js';
import { Report, emptyReport } from '../report.js';
import { isNumericCell } from './cell-value.js';
import { detectTemplate } from './detect-template.js';
import { htmlToLines, looksLikeHtml } from './html-to-lines.js';
import { ImportError } from './import-error.js';
import { readAppeals } from './read-appeals.js';
import { readLabelledRows } from './read-labelled-rows.js';
import { readTextSection } from './read-text-section.js';
import { readTitle, type ReportHeader } from './read-title.js';
import { applyLabelUnits } from './label-units.js';
import { sectionName, splitSections, type ReportLayout, type SectionBody } from './sections.js';
import { isBlankLine, lineText, METADATA_LINE, type SourceLine } from './source-line.js';
import { normaliseLabel, type LabelIndex } from './label-match.js';
import { tableLabelIndex, type LabelTarget } from './table-labels.js';
import { textToLines } from './text-layout.js';

export { ImportError } from './import-error.js';

export interface ImportOptions {
  /** the file's name: tells HTML apart, and supplies agency and year when the title lacks them */
  readonly filename?: string;
}

export interface LinesImportOptions extends ImportOptions {
  /**
   * Lenient: a table section that is missing or cannot be read is left blank and named in
   * `missing` instead of refusing the whole document (the form prefills what was read).
   */
  readonly partial?: boolean;
  /** agency and year to use when the document names none (partial mode, e.g. the form's own) */
  readonly header?: ReportHeader;
}

export interface LinesImport {
  readonly report: Report;
  /** what could not be found or read, in Chinese, e.g. `第五部分“存在的主要问题及改进情况”` */
  readonly missing: readonly string[];
}

export function importReport(source: string, options: ImportOptions = {}): Report {
  return importLines(sourceLines(source, options.filename), options).report;
}

/** Text or HTML → lines (tab-separated cells); refuses empty sources. */
export function sourceLines(source: string, filename?: string): SourceLine[] {
  const text = source.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ImportError('文件为空');
  return looksLikeHtml(text, filename) ? htmlToLines(text) : textToLines(text);
}

/**
 * The reader behind every format: lines as the text layout, HTML, Word and Excel readers give
 * them. Strict unless `partial`: a missing table section refuses the document, naming it; a
 * missing text section is left blank and named in `missing` either way.
 */
export function importLines(source: readonly SourceLine[], options: LinesImportOptions = {}): LinesImport {
  if (source.every(isBlankLine)) throw new ImportError('文件中没有可读取的文字');
  const lines = applyLabelUnits(source);
  const missing: string[] = [];
  const layout = splitSections(lines);
  let header: ReportHeader;
  try {
    header = readTitle(layout.preamble, options.filename, layout.sections.overview?.lines, lastLines(lines));
  } catch (error) {
    if (!(options.partial && options.header && error instanceof ImportError)) throw error;
    header = options.header;
    missing.push(`报告标题（${error.message}）`);
  }
  const template = detectTemplate(lines, header.year);
  const report = emptyReport(template, header);
  const tables = TEMPLATES[template].tables;

  const readers: [SectionId, (body: SectionBody) => void][] = [
    ['proactive', (body) => readRowTable(report, body, 'proactive')],
    ['applications', (body) => readRowTable(report, body, 'applications', [APPLICANT_HEADER])],
    ['appeals', (body) => readAppeals(report, tables.find((t) => t.section === 'appeals')!, body.lines)],
  ];
  // All three table sections must be there before any is read: a missing heading would
  // otherwise surface as a stray row in the section before it.
  if (!options.partial) for (const [section] of readers) requireSection(layout, section);
  for (const [section, read] of readers) {
    const body = layout.sections[section];
    if (!body) {
      missing.push(sectionName(section));
      continue;
    }
    try {
      read(body);
    } catch (error) {
      if (!(options.partial && error instanceof ImportError)) throw error;
      // What was read before the failing line stays; the rest of the table is left blank.
      missing.push(`${sectionName(section)}：${error.message}`);
    }
  }

  const sections = report.sections;
  for (const def of TEMPLATES[template].textSections) {
    const body = layout.sections[def.id];
    if (!body) missing.push(sectionName(def.id));
    sections[def.id] = readTextSection(def, body, header.agencyName);
  }
  sections.overview = withPeriodStatements(layout.preamble, sections.overview);
  const parsed = Report.safeParse(report);
  if (!parsed.success) throw new ImportError(`导入结果不符合报告格式：${parsed.error.issues[0]?.message ?? ''}`);
  return { report: parsed.data, missing: order(missing) };
}

/**
 * The overview, headed by the sentences of the 导语 (the lines before 一、总体情况) that name the
 * report's period: "本报告中所列数据统计期限为2023年1月1日起至2023年12月31日止". The format has no
 * place for a 导语, and these sentences are the report's own words about itself: kept in the
 * overview, where the filer sees them and `text.stale-year` reads them (a 导语 copied from last
 * year's report keeps last year's period).
 */
function withPeriodStatements(preamble: readonly SourceLine[], overview: string): string {
  const statements: string[] = [];
  const consider = (sentence: string) => {
    const text = sentence.trim();
    if (text && namesOwnPeriod(text) && !overview.includes(text) && !statements.includes(text)) statements.push(text);
  };
  // a sentence a PDF or a Word page wrapped over lines is read whole: a line of prose (it has
  // a mark like ， or 。) hands its unfinished last sentence to the next line; a title does not
  let carry = '';
  for (const line of preamble) {
    if (line.no === METADATA_LINE) continue;
    const text = lineText(line).trim();
    const pieces = (carry + text).split(SENTENCE_END);
    carry = '';
    const last = pieces.at(-1)!;
    if (!ENDS_SENTENCE.test(last) && PROSE.test(text)) carry = pieces.pop()!;
    pieces.forEach(consider);
  }
  consider(carry);
  if (statements.length === 0) return overview;
  // "现将…报告如下：" introduces the body that followed it in the 导语: kept alone, it ends with 。
  const paragraph = statements.map((s) => (ENDS_SENTENCE.test(s) ? s : `${s.replace(OPEN_END, '')}。`)).join('');
  return overview ? `${paragraph}\n\n${overview}` : paragraph;
}
/** a colon or comma a kept sentence ended with before what it introduced */
const OPEN_END = /[：:，,、\s]+$/u;
/** marks of running prose; a page's chrome ("来源：原创 发布时间：2023-01-31 13:24") has colons, not these */
const PROSE = /[，。；、]/u;

/** Lines searched for the sign-off: a page may end with a few lines of its site's footer. */
const ENDING_LINES = 12;

function lastLines(lines: readonly SourceLine[]): SourceLine[] {
  return lines.filter((l) => !isBlankLine(l)).slice(-ENDING_LINES);
}

/** Section by section, as the document runs. */
function order(missing: readonly string[]): string[] {
  const rank = (m: string) => {
    const i = SECTION_ORDER.findIndex((s) => m.startsWith(sectionName(s)));
    return i === -1 ? -1 : i;
  };
  return [...missing].sort((a, b) => rank(a) - rank(b));
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
  const extraColumnAt = section === 'applications' && printsSubtotalColumn(body.lines) ? SUBTOTAL_AT : undefined;
  const { rows } = readLabelledRows(report, body.lines, index, section, {
    rejectUnknownRows: true,
    ...(extraColumnAt === undefined ? {} : { extraColumnAt }),
  });
  if (rows === 0) throw new ImportError(`${sectionName(section)}未找到表格`, { section });
}

/**
 * Some agencies add a 小计 column to 三 after the five 法人或其他组织 columns (自然人 | 商业企业 …
 * 其他 | 小计 | 总计): its values sit at this index of a row and are not part of the model.
 */
const SUBTOTAL_AT = 6;
/** Column headers name the applicants; a text layer may print a header row as one cell. */
const APPLICANT_WORDS = /商业企业|科研机构|社会公益组织|法律服务机构|法人或其他组织|其他/;
const MAX_HEADER_LENGTH = 80;

/**
 * The table's header (the lines before its first figures) names a 小计 column: in a cell, in a
 * header row printed as one cell, or, in a PDF's narrow column, one character a line (小 / 计).
 */
function printsSubtotalColumn(lines: readonly SourceLine[]): boolean {
  const firstFigures = lines.findIndex((line) => line.cells.some(isNumericCell));
  const header = firstFigures < 0 ? lines : lines.slice(0, firstFigures);
  const pieces = header.flatMap((line) => line.cells.flatMap((cell) => cell.split(/\s+/)).map(normaliseLabel).filter(Boolean));
  const small = pieces.indexOf('小');
  if (small >= 0 && pieces.slice(small + 1).some((p) => p.startsWith('计'))) return true;
  return header.some((line) => {
    const cells = line.cells.map(normaliseLabel);
    if (cells.includes('小计')) return true;
    const text = cells.join('');
    return text.length <= MAX_HEADER_LENGTH && text.includes('小计') && APPLICANT_WORDS.test(text);
  });
}

function requireSection(layout: ReportLayout, section: SectionId): SectionBody {
  const body = layout.sections[section];
  if (!body) throw new ImportError(`未找到${sectionName(section)}`, { section });
  return body;
}
