/**
 * Finding the six section headings. Rows of table 三 also begin with 一、二、三、四、, and
 * section texts often have numbered sub-headings, so a heading must be a short line on its
 * own, carry its section's numeral and key phrase, and come after the sections before it.
 */
import { SECTION_ORDER, TEMPLATES, type SectionId } from '../report-template.js';
import { normaliseLabel } from './label-match.js';
import type { SourceLine } from './source-line.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** Key phrases (normalised): a heading names its section with every phrase of one variant. */
const KEY_PHRASES: Record<SectionId, readonly (readonly string[])[]> = {
  // 一、总体情况 / 一、概述 / 一、工作基本情况
  overview: [['总体情况'], ['概述'], ['基本情况']],
  // 二、主动公开政府信息情况 / 二、主动公开政府信息
  proactive: [['主动公开政府信息']],
  // 三、收到和处理政府信息公开申请情况 / 三、依申请公开政府信息情况
  applications: [['收到和处理政府信息公开申请'], ['收到和处理', '申请'], ['依申请公开政府信息']],
  // 四、政府信息公开行政复议、行政诉讼情况 / 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
  appeals: [['行政复议', '行政诉讼']],
  // 五、存在的主要问题及改进情况 / 五、政府信息公开工作存在的主要问题及改进情况 / 五、存在问题及改进情况
  problems: [['存在的主要问题'], ['存在问题', '改进'], ['主要问题', '改进']],
  other: [['其他需要报告的事项'], ['其他需要报告']],
};

const MAX_HEADING_LENGTH = 40;
/**
 * A heading printed without its numeral (Word's automatic numbering is not part of the text) is
 * shorter than this, and starts with no other numbering: "（二）主动公开政府信息情况" stays a sub-heading.
 */
const MAX_BARE_HEADING_LENGTH = 24;
const NUMBERED = /^(?:第([一二三四五六])部分|([一二三四五六])、)[:、]?(.+)$/;
const OTHER_NUMBERING = /^(?:[(（]|\d|[一二三四五六七八九十]+[、.]|第)/;

function headingSection(line: SourceLine): { section: SectionId; bare: boolean } | undefined {
  const nonEmpty = line.cells.filter((c) => c.trim());
  if (nonEmpty.length !== 1) return undefined;
  const text = normaliseLabel(nonEmpty[0]!);
  if (text.length > MAX_HEADING_LENGTH) return undefined;
  const match = NUMBERED.exec(text);
  if (!match) {
    const bare = bareHeading(text);
    return bare && { section: bare, bare: true };
  }
  const section = SECTION_ORDER[NUMERALS.indexOf((match[1] ?? match[2]) as (typeof NUMERALS)[number])];
  return section && names(section, match[3]!) ? { section, bare: false } : undefined;
}

function names(section: SectionId, title: string): boolean {
  return KEY_PHRASES[section].some((phrases) => phrases.every((p) => title.includes(p)));
}

/**
 * "主动公开政府信息情况" alone on its line: the heading, its numeral left to Word's numbering.
 * Only taken for the section that comes next (see splitSections).
 */
function bareHeading(text: string): SectionId | undefined {
  if (text.length > MAX_BARE_HEADING_LENGTH || OTHER_NUMBERING.test(text) || !/(?:情况|事项)$/.test(text)) return undefined;
  // "无其他需要报告的事项。" is what a section says, not a heading.
  if (/^(?:无|没有|暂无|本年度?无)/.test(text)) return undefined;
  return SECTION_ORDER.find((section) => names(section, text));
}

export interface SectionBody {
  readonly heading: SourceLine;
  readonly lines: readonly SourceLine[];
}

export interface ReportLayout {
  /** lines before the first heading: title, 导语, site chrome */
  readonly preamble: readonly SourceLine[];
  readonly sections: Partial<Record<SectionId, SectionBody>>;
}

export function splitSections(lines: readonly SourceLine[]): ReportLayout {
  const preamble: SourceLine[] = [];
  const sections: Partial<Record<SectionId, { heading: SourceLine; lines: SourceLine[] }>> = {};
  let current: { heading: SourceLine; lines: SourceLine[] } | undefined;
  let currentIndex = -1;
  for (const line of lines) {
    const heading = headingSection(line);
    const section = heading?.section;
    const index = section ? SECTION_ORDER.indexOf(section) : -1;
    if (section && (heading.bare ? index === currentIndex + 1 : index > currentIndex)) {
      current = { heading: line, lines: [] };
      sections[section] = current;
      currentIndex = index;
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, sections };
}

/** "第三部分“收到和处理政府信息公开申请情况”", for messages. */
export function sectionName(section: SectionId): string {
  const title = TEMPLATES['2021'].sectionTitles[section];
  const mark = title.indexOf('、');
  return `第${title.slice(0, mark)}部分“${title.slice(mark + 1)}”`;
}
