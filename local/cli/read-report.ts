/**
 * Reads a report file for the CLI: the public JSON form, or anything the importer reads (Word,
 * Excel, PDF, HTML or text, in either template, told apart by content).
 */
import { readFile } from 'node:fs/promises';
import { decodeReportBytes } from '../../functions/domain/import/decode-bytes.js';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { ImportError } from '../../functions/domain/import/import-report.js';
import { Report } from '../../functions/domain/report.js';

/** The input cannot be read as a report; the message is for the person at the terminal. */
export class UnreadableReportError extends Error {
  override readonly name = 'UnreadableReportError';
}

export interface ReadReport {
  readonly report: Report;
  /** sections the document does not have (text sections only: a missing table is an error) */
  readonly missing: readonly string[];
}

function fromJson(text: string, file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UnreadableReportError(`${file}：不是有效的 JSON（${(error as Error).message}）`);
  }
  const parsed = Report.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  ${i.path.join('.') || '(根)'}：${i.message}`)
      .join('\n');
    throw new UnreadableReportError(`${file}：不符合报告 JSON 格式\n${issues}`);
  }
  return parsed.data;
}

/** JSON starts with `{` (after a BOM and blanks); of the other kinds only RTF does, as `{\rtf`. */
function isJson(bytes: Uint8Array): boolean {
  return /^\s*\{(?!\\rtf)/.test(new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, ''));
}

export async function readReportDocument(file: string): Promise<ReadReport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UnreadableReportError(`无法读取文件 ${file}：${(error as { code?: string }).code ?? String(error)}`);
  }
  if (isJson(bytes)) return { report: fromJson(decodeReportBytes(bytes), file), missing: [] };
  try {
    const { report, missing } = await importDocument(bytes, { filename: file });
    return { report, missing };
  } catch (error) {
    if (error instanceof ImportError) throw new UnreadableReportError(`${file}：${error.message}`);
    throw error;
  }
}

export async function readReportFile(file: string): Promise<Report> {
  return (await readReportDocument(file)).report;
}

/** The note printed to stderr when a document lacks some of its text sections. */
export function missingNote(file: string, missing: readonly string[]): string {
  return `提示：${file} 中未找到${missing.join('、')}，已按空白导入。\n`;
}
