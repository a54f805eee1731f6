import type { TextSectionDef } from '../report-template.js';
import { MAX_TEXT_LENGTH } from '../report.js';
import { ImportError } from './import-error.js';
import { normaliseLabel } from './label-match.js';
import { sectionName, type SectionBody } from './sections.js';
import { lineText } from './source-line.js';

/** A text section: its non-empty lines are its paragraphs; the template's own hint is dropped. */
export function readTextSection(def: TextSectionDef, body: SectionBody | undefined): string {
  if (!body) return '';
  const hint = normaliseLabel(def.hint);
  const text = body.lines
    .map(lineText)
    .filter((t) => t && normaliseLabel(t) !== hint)
    .join('\n\n')
    .trim();
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ImportError(`${sectionName(def.id)}超过${MAX_TEXT_LENGTH}字，无法导入`, {
      line: body.heading.no,
      section: def.id,
    });
  }
  return text;
}
