/**
 * The fast path of report-docx.ts: the docx library writes, once per template (2019, 2021), the
 * document of a probe report whose every figure, text section, title and author is a marker
 * (characters of Unicode's private use area, which docx writes as they are); the document's
 * XML is cut at the markers into fixed pieces and slots. A report's .docx is then the pieces
 * with its figures, texts and title in the slots, exactly as the library writes them (the same
 * paragraph style per kind of value, the same escaping), and the template's other parts as
 * they are. A marker the library wrote in an unexpected way fails loudly at the first use.
 */
import { TEMPLATES, type TemplateId } from '../../domain/report-template.js';
import { emptyReport, setCell, type Report } from '../../domain/report.js';
import { formatCell } from '../site/format.js';
import { docxDocument, packDocx, STYLE } from './docx-layout.js';
import { coreProperties, cutAtMarkers, oncePerTemplate, escapeWordText, partText, readPackage, writePackage, type PackageParts } from './package-parts.js';
import { dataCells, reportGrids } from './table-grid.js';

const DOCUMENT = 'word/document.xml';
const CORE = 'docProps/core.xml';
const TITLE = '\uE002title\uE003';
const CREATOR = '\uE002creator\uE003';
const cellMarker = (i: number) => `\uE000${i}\uE001`;
const sectionMarker = (id: string) => `\uE002${id}\uE003`;

type Slot = { kind: 'cell'; index: number; rest: string } | { kind: 'section'; id: string } | { kind: 'title' };

interface DocxTemplate {
  readonly parts: PackageParts;
  /** document.xml: pieces[0] slot[0] pieces[1] … pieces[n] */
  readonly pieces: readonly string[];
  readonly slots: readonly Slot[];
  readonly core: string;
}

// A figure's paragraph as the library writes it for the probe's marker (a string, so the text
// style); `rest` is what follows the style up to the run (keepNext in short tables).
const CELL = `<w:pStyle w:val="${STYLE.table}"/>((?:<w:keepNext/>)?</w:pPr>)<w:r><w:t xml:space="preserve">\uE000(\\d+)\uE001</w:t></w:r>`;
const bodyParagraph = (text: string) => `<w:p><w:pPr><w:pStyle w:val="${STYLE.body}"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const SECTION = bodyParagraph('\uE002(\\w+)\uE003');
const SLOTS = new RegExp(`${CELL}|${SECTION}|${TITLE}`, 'g');

async function buildTemplate(template: TemplateId): Promise<DocxTemplate> {
  const probe = emptyReport(template, { agencyName: 'probe', year: 2023 });
  let n = 0;
  for (const grid of reportGrids(probe)) for (const cell of dataCells(grid)) setCell(probe, grid.table, cell.row, cell.column, cellMarker(n++));
  const texts = TEMPLATES[template].textSections.map((s) => s.id);
  const sections = probe.sections as Record<string, unknown>;
  for (const id of texts) sections[id] = sectionMarker(id);
  const parts = readPackage(await packDocx(docxDocument(probe, TITLE, CREATOR)));
  const { pieces, slots } = cutAtMarkers(partText(parts, DOCUMENT), SLOTS, (m): Slot => {
    if (m[2] !== undefined) return { kind: 'cell', index: Number(m[2]), rest: m[1]! };
    if (m[3] !== undefined) return { kind: 'section', id: m[3] };
    return { kind: 'title' };
  });
  // Every marker must have become a slot, each once: else the library wrote one in a way this does not know.
  const cells = slots.flatMap((s) => (s.kind === 'cell' ? [s.index] : []));
  const found = slots.flatMap((s) => (s.kind === 'section' ? [s.id] : []));
  if (
    pieces.some((p) => /[\uE000-\uE003]/.test(p)) ||
    cells.length !== n ||
    cells.some((c, i) => c !== i) ||
    found.join() !== texts.join() ||
    slots.filter((s) => s.kind === 'title').length !== 1
  ) {
    throw new Error(`docx template ${template}: the library wrote a marker in an unexpected form`);
  }
  return { parts, pieces, slots, core: partText(parts, CORE) };
}

const templateFor = oncePerTemplate(buildTemplate);

function bodyLines(text: string): string {
  let xml = '';
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed) xml += bodyParagraph(escapeWordText(trimmed));
  }
  return xml;
}

/** The report's .docx from its template: what `docxDocument(report, title, creator)` packs to. */
export async function docxFromTemplate(report: Report, title: string, creator: string): Promise<Uint8Array> {
  const t = await templateFor(report.template);
  const values = reportGrids(report).flatMap(dataCells);
  const sections = report.sections as Record<string, unknown>;
  let xml = t.pieces[0]!;
  t.slots.forEach((slot, i) => {
    if (slot.kind === 'cell') {
      const value = values[slot.index]!.value;
      const text = formatCell(value);
      // as docx-layout's gridCell: text found where a figure belongs takes the text style, figures and blanks the number style
      xml += `<w:pStyle w:val="${typeof value === 'string' ? STYLE.table : STYLE.number}"/>${slot.rest}`;
      if (text) xml += `<w:r><w:t xml:space="preserve">${escapeWordText(text)}</w:t></w:r>`;
    } else if (slot.kind === 'section') xml += bodyLines(String(sections[slot.id] ?? ''));
    else xml += escapeWordText(title);
    xml += t.pieces[i + 1]!;
  });
  const core = coreProperties(t.core, new Map([[TITLE, title], [CREATOR, creator]]), escapeWordText, new Date().toISOString());
  return writePackage(t.parts, new Map([[DOCUMENT, xml], [CORE, core]]));
}
