/**
 * Reads a report file for the CLI: the public JSON form, or anything the importer reads
 * (published text or HTML, in either template).
 */
import { readFile } from 'node:fs/promises';
import { decodeReportBytes } from '../../functions/domain/import/decode-bytes.js';
import { ImportError, importReport } from '../../functions/domain/import/import-report.js';
import { Report } from '../../functions/domain/report.js';

/** The input cannot be read as a report; the message is for the person at the terminal. */
export class UnreadableReportError extends Error {
  override readonly name = 'UnreadableReportError';
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

export async function readReportFile(file: string): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UnreadableReportError(`无法读取文件 ${file}：${(error as { code?: string }).code ?? String(error)}`);
  }
  const text = decodeReportBytes(bytes);
  if (/^\s*\{/.test(text)) return fromJson(text, file);
  try {
    return importReport(text, { filename: file });
  } catch (error) {
    if (error instanceof ImportError) throw new UnreadableReportError(`${file}：${error.message}`);
    throw error;
  }
}
