/**
 * `下载 Word 稿`: the draft as the form holds it (unsaved edits included) written as .docx in
 * the browser, by the same writer that publishes report.docx (render/documents/report-docx.ts).
 * Loaded on demand (a chunk of its own: the docx library is several times the form's budget),
 * so it costs the first load nothing, works offline and needs no server round trip.
 */
import type { Report } from '../../functions/domain/report.js';
import { reportDocx } from '../../functions/render/documents/report-docx.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function wordDraftName(report: Report, agencyName: string): string {
  return `${agencyName}${report.year}年政府信息公开工作年度报告（草稿）.docx`;
}

export async function downloadWordDraft(report: Report, agencyName: string): Promise<string> {
  const bytes = await reportDocx(report, agencyName);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }));
  const name = wordDraftName(report, agencyName);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give slow machines a minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
