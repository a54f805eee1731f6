/**
 * The report as a Word document (.docx) in the official layout, for the paper copy an agency
 * signs, stamps and hands its reviewing office: the title, the six sections in order, the three
 * tables with their merged headers, A4 portrait, and the seal block at the end. Pure: a report
 * in, the file's bytes out.
 *
 * The docx library lays the document out; it is slow at it (~50 ms of CPU a report, nearly all
 * in turning its objects into XML), and every publish writes a report's .docx. So the library
 * writes, once per process and template, the document of a probe report whose figures and texts
 * are markers; `reportDocx` then puts each report's figures and texts in place of the markers and
 * zips the parts (docx-template.ts). The result is byte for byte what the library writes for that
 * report (`reportDocxByLibrary`, which test/unit/documents-docx.test.ts compares it with), in
 * about a twentieth of the time.
 */
import type { Report } from '../../domain/report.js';
import { documentTitle } from './document-text.js';
import { docxDocument, packDocx } from './docx-layout.js';
import { docxFromTemplate } from './docx-template.js';

/** The .docx as the library writes it directly: slow, kept as the reference `reportDocx` must equal. */
export function reportDocxByLibrary(report: Report, agencyName?: string): Promise<Uint8Array> {
  return packDocx(docxDocument(report, documentTitle(report, agencyName), agencyName ?? report.agencyName));
}

/** The report as a .docx file; `agencyName` overrides the name in the title (e.g. the registered name). */
export function reportDocx(report: Report, agencyName?: string): Promise<Uint8Array> {
  return docxFromTemplate(report, documentTitle(report, agencyName), agencyName ?? report.agencyName);
}
