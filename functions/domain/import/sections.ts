/**
 * Finding the six section headings. Rows of table 三 also begin with 一、二、三、四、, and
 * section texts often have numbered sub-headings, so a heading must be a short line on its
 * own, carry its section's numeral and key phrase, and come after the sections before it.
 */
import { SECTION_ORDER, TEMPLATES, type SectionId } from '../report-template.js';
import { normaliseLabel } from './label-match.js';
import type { SourceLine } from './source-line.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** Key phrases (normalised) each accepted title variant contains. */
const KEY_PHRASES: Record<SectionId, readonly (readonly string[])[]> = {
  overview: [['总体情况']],
  proactive: [['主动公开政府信息情况']],
  applications: [['收到和处理政府信息公开申请']],
  // 四、政府信息公开行政复议、行政诉讼情况 / 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
  appeals: [['行政复议', '行政诉讼']],
  // 五、存在的主要问题及改进情况 / 五、政府信息公开工作存在的主要问题及改进情况
  problems: [['存在的主要问题']],
  other: [['其他需要报告的事项']],
};

const MAX_HEADING_LENGTH = 40;

function headingSection(line: SourceLine): SectionId | undefined {
  const nonEmpty = line.cells.filter((c) => c.trim());
  if (nonEmpty.length !== 1) return undefined;
  const text = normaliseLabel(nonEmpty[0]!);
  if (text.length > MAX_HEADING_LENGTH) return undefined;
  const match = /^([一二三四五六])、(.+)$/.exec(text);
  if (!match) return undefined;
  const section = SECTION_ORDER[NUMERALS.indexOf(match[1] as (typeof NUMERALS)[number])];
  if (!section) return undefined;
  const title = match[2]!;
  return KEY_PHRASES[section].some((phrases) => phrases.every((p) => title.includes(p))) ? section : undefined;
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
    const section = headingSection(line);
    const index = section ? SECTION_ORDER.indexOf(section) : -1;
    if (section && index > currentIndex) {
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
