/**
 * The form's import panel: a file chosen, dropped or text pasted → the report it holds, read by
 * the same importer as the CLI. The importer is a separate chunk fetched when a file is brought,
 * and the Word, Excel and PDF readers chunks of their own fetched only for such a file. A document missing parts is not refused:
 * the panel lists what was not read and lets the filer prefill the rest.
 */
import type { DocumentImport } from '../../functions/domain/import/import-document.js';
import { ImportError } from '../../functions/domain/import/import-error.js';
import type { ReportHeader } from '../../functions/domain/import/read-title.js';
import { clear, h } from './dom.js';

export interface ImportSource {
  readonly bytes: Uint8Array;
  readonly filename?: string;
}

/** The chosen file, else the pasted text; undefined when there is neither. */
export async function importSource(file: File | undefined, pasted: string): Promise<ImportSource | undefined> {
  if (file) return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name };
  if (!pasted.trim()) return undefined;
  return { bytes: new TextEncoder().encode(pasted) };
}

const TABLE_SECTIONS = ['第二部分', '第三部分', '第四部分'];

/**
 * Reads leniently, the form's agency and year standing in for a missing title; refuses a
 * document of which no table at all could be read (it is most likely not a report).
 */
export async function readForForm(source: ImportSource, header: ReportHeader): Promise<DocumentImport> {
  // The importer itself (every layout it knows) loads only when a file is brought.
  const { importDocument } = await import('../../functions/domain/import/import-document.js');
  const result = await importDocument(source.bytes, {
    ...(source.filename ? { filename: source.filename } : {}),
    partial: true,
    header,
    pdfCMaps: (name) => import('./pdf-cmaps.js').then((m) => m.loadCMap(name)),
  });
  if (TABLE_SECTIONS.every((part) => result.missing.some((m) => m.startsWith(part)))) {
    throw new ImportError('未找到年度报告的表格（第二、三、四部分），请确认选择的是政府信息公开工作年度报告');
  }
  return result;
}

export function importFailure(error: unknown): string {
  return error instanceof ImportError ? `无法导入：${error.message}` : `无法导入：${String(error)}`;
}

/** Lists what was not read, with a button to prefill what was. */
export function showMissing(container: HTMLElement, missing: readonly string[], prefill: () => void): void {
  clear(container);
  const button = h('button', { type: 'button' }, '填入已读取的内容');
  button.addEventListener('click', () => {
    container.hidden = true;
    prefill();
  });
  container.append(
    h('p', {}, '以下内容未能从文件中读取，填入后请手动补充：'),
    h('ul', {}, missing.map((m) => h('li', {}, m))),
    h('p', {}, button),
  );
  container.hidden = false;
}

/** A file dropped anywhere on the panel is imported as if chosen. */
export function acceptDrops(panel: HTMLElement, onFile: (file: File) => void): void {
  panel.addEventListener('dragover', (event) => {
    event.preventDefault();
    panel.classList.add('dropping');
  });
  panel.addEventListener('dragleave', () => panel.classList.remove('dropping'));
  panel.addEventListener('drop', (event) => {
    event.preventDefault();
    panel.classList.remove('dropping');
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
}
