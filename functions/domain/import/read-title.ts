/**
 * Agency and year from the report's title, e.g. "王店镇人民政府 2023 年政府信息公开工作年度报告",
 * "2022年XX县自然资源局政府信息公开工作年度报告", "XX局2022年度政府信息公开工作年度报告".
 */
import { ImportError } from './import-error.js';
import { lineText, type SourceLine } from './source-line.js';

export interface ReportHeader {
  readonly agencyName: string;
  readonly year: number;
}

const TITLE_WORDS = /政府信息公开(?:工作)?(?:年度)?报告/;
const YEAR = /((?:19|20)\d{2})\s*年(?:度)?/;
const MAX_AGENCY_LENGTH = 60;
const MIN_YEAR = 2008;
const MAX_YEAR = 2100;

function clean(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/[《》“”"]/g, '')
    .trim();
}

function trimAgency(text: string): string {
  return text
    .replace(/^关于\s*/, '')
    .replace(/\s*关于$/, '')
    .replace(/[\s,.:;、_—-]+$/, '')
    .replace(/^[\s,.:;、_—-]+/, '')
    .trim();
}

interface ParsedTitle {
  year: number;
  agency: string;
}

function parseTitle(text: string): ParsedTitle | undefined {
  const title = clean(text);
  const words = TITLE_WORDS.exec(title);
  if (!words) return undefined;
  const head = title.slice(0, words.index);
  const year = YEAR.exec(head);
  if (!year) return { year: NaN, agency: trimAgency(head) };
  const before = trimAgency(head.slice(0, year.index));
  const after = trimAgency(head.slice(year.index + year[0].length));
  return { year: Number(year[1]), agency: before || after };
}

/** The title is the first line before section 一 that names the report. */
export function readTitle(preamble: readonly SourceLine[], filename?: string): ReportHeader {
  const texts = preamble.map(lineText).filter(Boolean);
  const titleLike = (t: string) => t.length <= 120 && TITLE_WORDS.test(clean(t));
  // A page's banner ("政府信息公开工作年度报告") often precedes the real title: prefer one with a year.
  let index = texts.findIndex((t) => titleLike(t) && YEAR.test(clean(t)));
  if (index < 0) index = texts.findIndex(titleLike);
  const fromFile = filename ? parseTitle(baseName(filename)) : undefined;
  const line = preamble.filter((l) => lineText(l))[index];
  let parsed = index >= 0 ? parseTitle(texts[index]!) : undefined;
  if (!parsed) {
    if (!fromFile) throw new ImportError('未找到报告标题（如“××镇人民政府2023年政府信息公开工作年度报告”）');
    parsed = fromFile;
  }
  let { year, agency } = parsed;
  if (Number.isNaN(year) && fromFile && !Number.isNaN(fromFile.year)) year = fromFile.year;
  if (Number.isNaN(year)) throw new ImportError('未找到报告标题中的年份', { line: line?.no });
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new ImportError(`报告标题中的年份${year}不在有效范围内`, { line: line?.no });
  }
  // Titles are often split over two lines: "王店镇人民政府" / "2023年政府信息公开工作年度报告".
  const previous = index > 0 ? trimAgency(clean(texts[index - 1]!)) : '';
  if (!agency && previous && previous.length <= MAX_AGENCY_LENGTH && !/\d/.test(previous)) agency = previous;
  if (!agency && fromFile) agency = fromFile.agency;
  if (!agency) throw new ImportError('未找到报告标题中的单位名称', { line: line?.no });
  if (agency.length > MAX_AGENCY_LENGTH) {
    throw new ImportError(`报告标题中的单位名称过长：“${agency.slice(0, 30)}…”`, { line: line?.no });
  }
  return { agencyName: agency, year };
}

function baseName(filename: string): string {
  return (filename.split(/[\\/]/).pop() ?? filename).replace(/\.[A-Za-z0-9]+$/, '');
}
