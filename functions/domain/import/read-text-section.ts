import type { TextSectionDef } from '../report-template.js';
import { MAX_TEXT_LENGTH } from '../report.js';
import { ImportError } from './import-error.js';
import { normaliseLabel } from './label-match.js';
import { sectionName, type SectionBody } from './sections.js';
import { signOffLines } from './read-title.js';
import { lineText } from './source-line.js';

/**
 * The blank seal block a paper copy ends with (`（单位盖章）` over `年  月  日`, as our own .docx
 * writes it): a place to stamp and date, not part of the text. A filled-in date stays.
 */
const SEAL_PLACEHOLDER = /^[（(]\s*(单位)?(盖章|公章|印章)\s*[)）]$|^年\s*月\s*日$/u;

/**
 * A text section: its non-empty lines are its paragraphs; the template's own hint and a trailing
 * blank seal block are dropped, and from 六, the last section, the document's sign-off (the
 * agency and date it ends with: read-title.ts signOffLines).
 */
export function readTextSection(def: TextSectionDef, body: SectionBody | undefined, agencyName = ''): string {
  if (!body) return '';
  const hint = normaliseLabel(def.hint);
  const lines = body.lines.map(lineText).filter((t) => t && normaliseLabel(t) !== hint);
  const dropSeal = () => {
    while (lines.length && SEAL_PLACEHOLDER.test(lines.at(-1)!.trim())) lines.pop();
  };
  dropSeal();
  if (def.id === 'other') {
    lines.splice(lines.length - signOffLines(lines, agencyName));
    // a seal block printed above the name ("（单位盖章）" / "王店镇人民政府" / "2024年1月15日")
    dropSeal();
  }
  const text = lines.join('\n\n').trim();
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ImportError(`${sectionName(def.id)}超过${MAX_TEXT_LENGTH}字，无法导入`, {
      line: body.heading.no,
      section: def.id,
    });
  }
  return text;
}
