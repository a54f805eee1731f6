/**
 * Agency and year from the report's title, e.g. "王店镇人民政府 2023 年政府信息公开工作年度报告",
 * "2022年XX县自然资源局政府信息公开工作年度报告", "XX局2022年度政府信息公开工作年度报告".
 *
 * Published pages do not always print the title in the article: it may be only in the page's
 * <title> (line 0, METADATA_LINE), or only in the opening sentence ("现公布区统计局2023年政府信息
 * 公开工作年度报告"), its year on a line of its own ("（2023年度）") or only in the statistics
 * period ("统计期限自2023年1月1日起…"). These are tried in that order, the file name last.
 */
import { ImportError } from './import-error.js';
import { lineText, METADATA_LINE, type SourceLine } from './source-line.js';

export interface ReportHeader {
  readonly agencyName: string;
  readonly year: number;
}

const TITLE_WORDS = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const YEAR = /((?:19|20)\d{2})\s*年(?:度)?/;
/** Years written in Chinese numerals: 二〇二三年. */
const CN_DIGITS = '〇零一二三四五六七八九';
const CN_YEAR = new RegExp(`[${CN_DIGITS}]{4}(?=\\s*年)`, 'g');
/** A year on a line of its own, under a title without one: "（2023年度）", "2023年". */
const YEAR_LINE = /^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/;
/** The statistics period: "统计期限自2023年1月1日起至2023年12月31日止", "2023年1月1日至12月31日". */
const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日(?:起)?\s*(?:至|到|—|-|－|~)/;
/** Words before the agency in an opening sentence: "现公布区统计局2023年…", "特编制…". */
const SENTENCE_LEAD = /^.*?(?:现予|现将|现向社会公布|现公布|公布|特编制|编制|发布|本报告为|本报告是)/;
/** Lead words after the first: "特编制并向社会公布2021年度街道信息公开年度报告". */
const MORE_LEAD = /^(?:并|并且|和|及)?\s*(?:向社会|向社会公众)?\s*(?:公布|发布|公开)/;
/** A page's breadcrumbs: "当前位置：首页 > 政务公开 > 政府信息公开年报". */
const NAVIGATION = /[>»›]|当前位置|您的位置|首页/;
/** Punctuation a title has not before the words naming the report: a sentence has. */
const SENTENCE_MARKS = /[,;。!?]/;
/** A page title or heading may follow the words with a site name or a note, not with prose. */
const MAX_TITLE_TAIL = 30;
/** A label before the title in a page's metadata table: "标 题：", "名称：". */
const FIELD_LABEL = /^.*?(?:标题|名称|题目)\s*[:：]\s*/;
/**
 * Words that refer to the agency without naming it: "特向社会公布2021年度本级政府信息公开…",
 * "…公布2021年度街道信息公开年度报告".
 */
const NOT_A_NAME = /^(?:(?:本|我)(?:级|镇|乡|街道|局|委|办|厅|院|单位|部门|机关|区|县|市|政府)?|级|镇|乡|街道|局|委|办|厅|院|单位|部门|机关|区|县|市|政府|本单位|本部门)$/;
/** Where an opening paragraph names the agency: "由两城镇人民政府党政办公室编制", "请与铁佛镇人民政府联系". */
const AGENCY_IN_PROSE = [/由([^,，。；、由]{2,40}?)(?:负责)?编制/, /请与([^,，。；、]{2,40}?)联系/];
const MAX_AGENCY_LENGTH = 60;
/**
 * The office that compiles a township's report, named in "由…编制" instead of the government:
 * "两城镇人民政府党政办公室" → "两城镇人民政府". A county's 人民政府办公室 is an agency with
 * reports of its own, so a bare 办公室 is cut only after a township's government.
 */
const COMPILING_OFFICE = [
  /^(.+?(?:人民政府|政府|街道办事处))(?:党政综合办公室|党政办公室|党政综合办|党政办|综合办公室|综合办)$/,
  /^(.+?(?:镇|乡|街道)(?:人民政府|政府))办公室$/,
];
/**
 * The sign-off at the end of a report: the agency on a line of its own, then the date
 * ("两城镇人民政府" / "2021年1月20日"), or both on one line.
 */
const SIGN_OFF_DATE = /^((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
const AGENCY_ENDING = /(?:人民政府|政府|办事处|管理委员会|管委会|委员会|局|委|办公室|办|厅|院|署|中心|镇|乡|街道|所|站|队|馆|会|社|公司)$/;
const SIGN_OFF_NAME = /^[\u4e00-\u9fff()（）]{2,40}$/;
/** Lines of the overview searched for the opening paragraph when the page starts at 一. */
const OPENING_LINES = 5;
const MAX_TITLE_LENGTH = 120;
const MIN_YEAR = 2008;
const MAX_YEAR = 2100;

function clean(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CN_YEAR, (digits) => [...digits].map((d) => String(Math.max(0, CN_DIGITS.indexOf(d) - 1))).join(''))
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
  const head = title.slice(0, words.index).replace(FIELD_LABEL, '');
  if (SENTENCE_MARKS.test(head) || NAVIGATION.test(head) || title.length - words.index - words[0].length > MAX_TITLE_TAIL) return undefined;
  const year = YEAR.exec(head);
  // "政府信息公开年报" is also the name of a site's column (breadcrumbs, menus): a title using it gives its year.
  if (!year && words[0].endsWith('年报')) return undefined;
  if (!year) return { year: NaN, agency: trimAgency(head) };
  const before = trimAgency(head.slice(0, year.index));
  const after = trimAgency(head.slice(year.index + year[0].length));
  const agency = before || after;
  return { year: Number(year[1]), agency: NOT_A_NAME.test(agency) ? '' : agency };
}

/** The title named in an opening sentence: "…，现公布区统计局2023年政府信息公开工作年度报告。…" */
function parseSentence(text: string): ParsedTitle | undefined {
  for (const sentence of clean(text).split(/[。；;]/)) {
    for (const words of sentence.matchAll(new RegExp(TITLE_WORDS.source, 'g'))) {
      // "…关于做好2023年政府信息公开工作年度报告有关事项的通知" names a notice, not this report
      if (/^(?:有关|的通知|工作的通知)/.test(sentence.slice(words.index + words[0].length))) continue;
      const clause = sentence.slice(0, words.index).split(',').pop()!;
      if (!SENTENCE_LEAD.test(clause)) continue;
      const parsed = parseTitle(`${clause.replace(SENTENCE_LEAD, '').replace(MORE_LEAD, '')}政府信息公开工作年度报告`);
      if (parsed && !Number.isNaN(parsed.year)) return parsed;
    }
  }
  return undefined;
}

interface Candidate {
  readonly text: string;
  readonly line: SourceLine;
}

/** A line's texts that may be a title: the cell naming the report, or the whole line. */
function titleTexts(line: SourceLine): string[] {
  const cells = line.cells.map((c) => c.trim()).filter((c) => TITLE_WORDS.test(clean(c)));
  return cells.length > 0 ? cells : [lineText(line)];
}

/**
 * The title is the first line before section 一 that names the report; `context` (the
 * overview) is searched for the statistics period when nothing else gives the year.
 */
export function readTitle(
  preamble: readonly SourceLine[],
  filename?: string,
  context: readonly SourceLine[] = [],
  ending: readonly SourceLine[] = [],
): ReportHeader {
  const printed = preamble.filter((l) => lineText(l));
  const candidates = (lines: readonly SourceLine[]): Candidate[] =>
    lines.flatMap((line) => titleTexts(line).map((text) => ({ text, line })));
  const titleLike = (c: Candidate) => c.text.length <= MAX_TITLE_LENGTH && parseTitle(c.text) !== undefined;
  const body = candidates(printed.filter((l) => l.no !== METADATA_LINE));
  const metadata = candidates(printed.filter((l) => l.no === METADATA_LINE));
  // A page's banner ("政府信息公开工作年度报告") often precedes the real title: prefer one with a year.
  const withYear = (c: Candidate) => titleLike(c) && !Number.isNaN(parseTitle(c.text)!.year);
  const found =
    body.find(withYear) ?? metadata.find(withYear) ?? body.find(titleLike) ?? metadata.find(titleLike);
  const fromFile = filename ? parseTitle(baseName(filename)) : undefined;
  const title = found ? parseTitle(found.text) : undefined;
  // Pages that start at 一、总体情况 carry the opening paragraph inside the overview.
  const opening = [...printed, ...context.filter((l) => lineText(l)).slice(0, OPENING_LINES)];
  const sentence = opening.map((l) => parseSentence(lineText(l))).find(Boolean);
  const parsed = title && (title.agency || !Number.isNaN(title.year)) ? title : (sentence ?? title ?? fromFile);
  const line = found?.line;
  let year = parsed?.year ?? NaN;
  const signedBy = signOff(ending);
  // An opening sentence may shorten the name (两城镇 for 两城镇人民政府): the sign-off, if any, wins.
  let agency = parsed && !(parsed === sentence && signedBy) ? parsed.agency : '';
  if (Number.isNaN(year)) year = yearNearby(printed, line, opening) ?? sentence?.year ?? NaN;
  if (Number.isNaN(year) && fromFile && !Number.isNaN(fromFile.year)) year = fromFile.year;
  if (!parsed && (Number.isNaN(year) || !(signedBy ?? agencyInProse(opening)))) {
    throw new ImportError('未找到报告标题（如“××镇人民政府2023年政府信息公开工作年度报告”）');
  }
  if (Number.isNaN(year)) throw new ImportError('未找到报告标题中的年份', { line: line?.no });
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new ImportError(`报告标题中的年份${year}不在有效范围内`, { line: line?.no });
  }
  // Titles are often split over two lines: "王店镇人民政府" / "2023年政府信息公开工作年度报告".
  const index = line ? printed.indexOf(line) : -1;
  const previous = index > 0 ? trimAgency(clean(lineText(printed[index - 1]!))) : '';
  if (!agency && previous && previous.length <= MAX_AGENCY_LENGTH && !/\d/.test(previous)) agency = previous;
  if (!agency && signedBy) agency = signedBy;
  if (!agency && sentence) agency = sentence.agency;
  if (!agency && fromFile) agency = fromFile.agency;
  if (!agency) agency = agencyInProse(opening) ?? '';
  if (!agency) throw new ImportError('未找到报告标题中的单位名称', { line: line?.no });
  if (agency.length > MAX_AGENCY_LENGTH) {
    throw new ImportError(`报告标题中的单位名称过长：“${agency.slice(0, 30)}…”`, { line: line?.no });
  }
  return { agencyName: agency, year };
}

function agencyInProse(printed: readonly SourceLine[]): string | undefined {
  for (const line of printed) {
    const text = clean(lineText(line));
    for (const pattern of AGENCY_IN_PROSE) {
      const agency = trimAgency(pattern.exec(text)?.[1] ?? '');
      if (agency && !NOT_A_NAME.test(agency)) return withoutCompilingOffice(agency);
    }
  }
  return undefined;
}

function withoutCompilingOffice(agency: string): string {
  for (const office of COMPILING_OFFICE) {
    const match = office.exec(agency);
    if (match) return match[1]!;
  }
  return agency;
}

/** The agency of the sign-off among the document's last lines, the last one signed. */
function signOff(ending: readonly SourceLine[]): string | undefined {
  const texts = ending.map((l) => clean(lineText(l))).filter(Boolean);
  for (let i = texts.length - 1; i >= 0; i--) {
    const name = signedName(texts, i);
    if (name) return name;
  }
  return undefined;
}

/** The agency's name signed with the date at texts[i] (cleaned lines): on the line before, or on the same line. */
function signedName(texts: readonly string[], i: number): string | undefined {
  const text = texts[i]!;
  const sameLine = /^(\S+)\s+(\S.*)$/.exec(text);
  const name = SIGN_OFF_DATE.test(text) ? texts[i - 1] : sameLine && SIGN_OFF_DATE.test(sameLine[2]!) ? sameLine[1] : undefined;
  return name && isSignOffName(name) ? name : undefined;
}

const isSignOffName = (text: string) => SIGN_OFF_NAME.test(text) && AGENCY_ENDING.test(text) && !NOT_A_NAME.test(text);

/**
 * How many of a section's last lines are the document's sign-off: the agency's name and the date
 * under it, or both on one line ("平川县自然资源局" / "2021年1月25日"), a date alone, or the
 * report's own agency alone. The sign-off follows 六, the last section: read as part of its text,
 * it is neither the section's words nor anything the report keeps (the agency is the report's;
 * a rendered document prints its own seal block).
 */
export function signOffLines(lines: readonly string[], agencyName: string): number {
  const last = lines.length - 1;
  if (last < 0) return 0;
  const texts = lines.slice(-2).map(clean);
  const date = texts.at(-1)!;
  if (SIGN_OFF_DATE.test(date)) return texts.length === 2 && isSignOffName(texts[0]!) ? 2 : 1;
  if (signedName(texts, texts.length - 1)) return 1;
  // the name alone: the report's own agency only ("王店镇人民政府" for 王店镇人民政府)
  return isSignOffName(date) && sameAgency(date, clean(agencyName)) ? 1 : 0;
}

/** A sign-off may shorten the name in the title, or lengthen it (内乡县王店镇人民政府). */
const sameAgency = (signed: string, agency: string) => agency !== '' && (signed.includes(agency) || agency.includes(signed));

/** A title without its year: the year on the next lines ("（2023年度）"), else the statistics period. */
function yearNearby(printed: readonly SourceLine[], title: SourceLine | undefined, opening: readonly SourceLine[]): number | undefined {
  const index = title ? printed.indexOf(title) : -1;
  for (const line of printed.slice(index + 1, index + 3)) {
    const match = YEAR_LINE.exec(clean(lineText(line)));
    if (match) return Number(match[1]);
  }
  for (const line of opening) {
    const match = PERIOD.exec(clean(lineText(line)));
    if (match) return Number(match[1]);
  }
  return undefined;
}

function baseName(filename: string): string {
  return (filename.split(/[\\/]/).pop() ?? filename).replace(/\.[A-Za-z0-9]+$/, '');
}
